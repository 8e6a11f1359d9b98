/** What the search bucket's last answer said: `x-ratelimit-remaining` and `-reset` (epoch s). */
interface Budget {
  remaining: number
  resetMs: number
}

type Headers = Record<string, unknown>
type Request<T> = () => Promise<T>

/**
 * Paces searches by the search bucket's own headers instead of a fixed gap: a search goes out at
 * once while the last answer left room for it (counting searches still in flight), else it waits
 * for the bucket's reset. A wait longer than `maxWaitMs` is not made: the request goes out and
 * the rate-limit error explains. GitHub allows 30 searches a minute, so a run's dozen searches
 * never wait, where a 2 s gap cost 24 s.
 */
export function createSearchPacer(maxWaitMs: number) {
  let budget: Budget | undefined
  let inFlight = 0

  const learn = (headers: Headers | undefined) => {
    const remaining = Number(headers?.['x-ratelimit-remaining'])
    const reset = Number(headers?.['x-ratelimit-reset'])
    const resource = headers?.['x-ratelimit-resource']
    if (resource !== undefined && resource !== 'search') return
    if (Number.isFinite(remaining) && Number.isFinite(reset))
      budget = { remaining, resetMs: reset * 1000 }
  }

  const roomFor = async (): Promise<void> => {
    while (budget && budget.remaining - inFlight <= 0) {
      // One second past the reset: GitHub's reset is in whole seconds.
      const wait = budget.resetMs + 1000 - Date.now()
      if (wait <= 0 || wait > maxWaitMs) return
      await new Promise((resolve) => setTimeout(resolve, wait))
      if (budget.resetMs + 1000 <= Date.now()) return
    }
  }

  return async function paced<T extends { headers?: Headers }>(request: Request<T>): Promise<T> {
    await roomFor()
    inFlight++
    try {
      const response = await request()
      learn(response.headers)
      return response
    } catch (error) {
      const response = (error as { response?: { headers?: Headers } } | null)?.response
      learn(response?.headers)
      throw error
    } finally {
      inFlight--
    }
  }
}
