import type { Fault } from './scenario.js'
import type { EmulatorState } from './state.js'

/**
 * An in-process hook (tests only; scenarios are JSON and cannot carry one): runs when a matching
 * request arrives, after any latency and before faults and routing. It may change the state
 * (a human push in the middle of a run) or wait (hold answers until other requests arrive).
 */
export interface Intercept {
  method?: string
  /** Same syntax as a fault's path. */
  path: string
  /** How many matching requests it runs for (default 1). */
  times?: number
  run(state: EmulatorState, request: { method: string; path: string }): void | Promise<void>
}

/** `*` is one path segment, `**` any number of them. */
export function pathMatches(
  f: Pick<Fault, 'method' | 'path'>,
  method: string,
  path: string,
): boolean {
  if (f.method && f.method.toUpperCase() !== method) return false
  const pattern = f.path
    .split('/')
    .map((seg) =>
      seg === '**' ? '.*' : seg === '*' ? '[^/]+' : seg.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
    )
    .join('/')
  return new RegExp(`^${pattern}$`).test(path)
}

/** Faults and intercepts with their counters. */
export class Triggers {
  private readonly faults: Array<Fault & { seen: number; fired: number }> = []
  private readonly intercepts: Array<Intercept & { fired: number }> = []

  constructor(faults: Fault[] = []) {
    for (const f of faults) this.addFault(f)
  }

  addFault(f: Fault): void {
    this.faults.push({ ...f, seen: 0, fired: 0 })
  }

  intercept(hook: Intercept): void {
    this.intercepts.push({ ...hook, fired: 0 })
  }

  /** The intercepts due for this request, counted as run. */
  interceptsFor(method: string, path: string): Intercept[] {
    const due = this.intercepts.filter(
      (h) => h.fired < (h.times ?? 1) && pathMatches(h, method, path),
    )
    for (const h of due) h.fired++
    return due
  }

  /** The first fault due for this request (`after` lets that many matching requests pass). */
  faultFor(method: string, path: string): Fault | undefined {
    const fault = this.faults.find(
      (f) => pathMatches(f, method, path) && f.fired < (f.times ?? 1) && f.seen++ >= (f.after ?? 0),
    )
    if (fault) fault.fired++
    return fault
  }
}

/** The answer an injected fault gives when its scenario did not write the body. */
export function faultMessage(f: Fault): string {
  // GitHub's wording (docs: troubleshooting the REST API; KnpLabs/php-github-api#1070).
  const limited = f.status === 403 || f.status === 429
  if (f.secondaryRateLimit || (limited && f.retryAfter !== undefined))
    return 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.'
  if ((f.status ?? 0) >= 500) return 'Server Error'
  return 'Injected fault'
}
