import type * as PageCore from '../page/core.js'

/** What the job needs once round 1 is answered, started while it is out. */
export interface RoundOneWork {
  /** The page core's chunk (parsers, Markdown, RE2): see page/core.ts. */
  pageCore: () => Promise<typeof PageCore>
  /** The checks config left for later (the time zone, progress patterns): see checkEngineInputs. */
  engineChecks: () => Promise<void>
}

/**
 * Work moved off the way to the first request, in one chain that starts when the event loop first
 * idles (the reads are out): the page core's chunk (~1 MB with RE2, ~40 ms to compile), then the
 * engine checks (Intl's first formatter, RE2), then, if the answers are still out, an edit of a
 * sample page so the real edit, which the first write waits for, finds the parsers compiled.
 * Loaded at job start, the chunk delayed the requests still being dispatched; loaded when the
 * edit needs it, it would follow the last answer. Whoever needs a step first starts it at once.
 */
export function roundOneWork(
  timeZone: string,
  check: () => Promise<void>,
  /** True when the job's requests of the moment are all out (see github/client.ts). */
  requestsOut: () => boolean = () => true,
): RoundOneWork {
  let core: Promise<typeof PageCore> | undefined
  let checked: Promise<void> | undefined
  let wanted = false
  const load = () => (core ??= import('../page/core.js'))
  const engineChecks = () => (checked ??= Promise.resolve().then(check))
  void whenLoopIdles(requestsOut)
    .then(load)
    .then(async (loaded) => {
      await engineChecks()
      if (wanted) return
      await whenLoopIdles(requestsOut)
      if (!wanted) await loaded.warmUp(timeZone)
    })
    // Each step's failure reaches the job where it asks for that step.
    .catch(() => {})
  return {
    pageCore: () => {
      wanted = true
      return load()
    },
    engineChecks,
  }
}

/**
 * Resolves once the event loop was busy less than half of a 2 ms window with every request of the
 * moment out: measured on Node 24, the loop also idles while the client's limiters wait on a timer
 * between two requests, and work started then held round 1's last requests back 35-100 ms in half
 * the runs. Its timers are unref'd: a job that ends first (an error) exits without waiting.
 */
function whenLoopIdles(requestsOut: () => boolean): Promise<void> {
  return new Promise((resolve) => {
    let last = performance.eventLoopUtilization()
    const check = () => {
      const now = performance.eventLoopUtilization()
      const idle = performance.eventLoopUtilization(now, last).utilization < 0.5
      if (idle && requestsOut()) return resolve()
      last = now
      setTimeout(check, 2).unref()
    }
    setTimeout(check, 2).unref()
  })
}
