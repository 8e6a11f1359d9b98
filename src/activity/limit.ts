/** Runs the functions given to it with at most `max` of them in flight at once. */
export type Limit = <T>(fn: () => Promise<T>) => Promise<T>

/**
 * Bounds concurrent requests. Wrap single requests (or single pages), never a task that itself
 * waits for limited work: a slot held while waiting for another slot can deadlock.
 */
export function createLimit(max: number): Limit {
  let active = 0
  const waiting: Array<() => void> = []
  return async <T>(fn: () => Promise<T>): Promise<T> => {
    // A finishing task hands its slot straight to the next waiter, so none can jump the queue.
    if (active < max) active++
    else await new Promise<void>((resolve) => waiting.push(resolve))
    try {
      return await fn()
    } finally {
      const next = waiting.shift()
      if (next) next()
      else active--
    }
  }
}

/** Iterates a paginate iterator with each page's request taken under `limit`. */
export async function* limitedPages<T>(
  pages: AsyncIterable<T>,
  limit: Limit,
): AsyncGenerator<T, void, undefined> {
  const iterator = pages[Symbol.asyncIterator]()
  for (;;) {
    const next = await limit(() => iterator.next())
    if (next.done) return
    yield next.value
  }
}
