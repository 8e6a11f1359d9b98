/**
 * Resolves once the event loop was busy less than half of a 2 ms window: the job's first
 * requests are out and it is waiting on answers. Its timers are unref'd: a job that ends first
 * (an error) exits without waiting for them.
 */
export function whenLoopIdles(): Promise<void> {
  return new Promise((resolve) => {
    let last = performance.eventLoopUtilization()
    const check = () => {
      const now = performance.eventLoopUtilization()
      if (performance.eventLoopUtilization(now, last).utilization < 0.5) return resolve()
      last = now
      setTimeout(check, 2).unref()
    }
    setTimeout(check, 2).unref()
  })
}

/**
 * Work moved off the way to the first request: it starts when the loop idles, or when its result
 * is asked for, whichever comes first, and runs once. Its failure surfaces where the result is
 * asked for (never as an unhandled rejection).
 */
export function idleTask<T>(work: () => T | Promise<T>): () => Promise<T> {
  let running: Promise<T> | undefined
  const start = () => (running ??= Promise.resolve().then(work))
  void whenLoopIdles().then(() => start().catch(() => {}))
  return start
}
