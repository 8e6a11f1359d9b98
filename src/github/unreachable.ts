import type { Octokit } from '@octokit/core'

/** Connection errors that say the API root itself is wrong, not that GitHub had a bad moment. */
const UNREACHABLE = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ERR_INVALID_URL',
  'UND_ERR_INVALID_ARG',
])

/**
 * The code of a connection error that asking again will not fix (nothing listens there, no such
 * host), found along the `cause` chain fetch and Octokit wrap it in; undefined for anything else,
 * a dropped connection included.
 */
export function unreachableCode(error: unknown): string | undefined {
  for (let e = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    const code = (e as NodeJS.ErrnoException).code
    if (code && UNREACHABLE.has(code)) return code
    if (e.message === 'bad port') return e.message
  }
  return undefined
}

/**
 * An Octokit plugin, applied before plugin-retry so that its error hook runs first: a request
 * whose host refuses the connection or does not resolve is not retried (plugin-retry reads
 * `request.retries` from the options at failure time). Without it, a wrong api-url costs the
 * run 1 + 4 + 9 s of backoff before it can say so.
 */
export function noRetryWhenUnreachable(octokit: Octokit): void {
  octokit.hook.error('request', (error, options) => {
    if (unreachableCode(error)) options.request = { ...options.request, retries: 0 }
    throw error
  })
}
