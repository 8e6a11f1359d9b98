import { retry } from '@octokit/plugin-retry'
import { throttling } from '@octokit/plugin-throttling'
import { Octokit } from '@octokit/rest'
import Bottleneck from 'bottleneck/light.js'
import { NowPageError } from '../errors.js'
import { transport } from './transport.js'
import { createSearchPacer } from './search-pacing.js'
import { noRetryWhenUnreachable } from './unreachable.js'

/**
 * @octokit/rest's Octokit (REST methods, paginate) with retry and throttling: what
 * @actions/github's getOctokit builds, minus its static import of undici (see `transport`).
 */
const ClientOctokit = Octokit.plugin(noRetryWhenUnreachable, retry, throttling)
const noop = () => {}

/**
 * Bottleneck (under plugin-retry and plugin-throttling: three limiters a request) yields to the
 * event loop several times per job with `setTimeout(0)`, each at least 1 ms: ~15-20 ms a request
 * spent waiting on timers. `setImmediate` yields just the same, without the clamp. Timed waits
 * (minTime, retry-after) still use timers.
 */
function yieldWithoutTimerClamp(): void {
  type Store = { yieldLoop(t?: number): Promise<void> }
  const store = (new Bottleneck() as unknown as { _store: Store })._store
  const proto = Object.getPrototypeOf(store) as Store
  proto.yieldLoop = (t = 0) =>
    new Promise((resolve) => (t > 0 ? setTimeout(resolve, t) : setImmediate(resolve)))
}
yieldWithoutTimerClamp()

/** The Octokit the Action talks to GitHub with: REST methods, paginate, retry and throttling. */
export type Client = InstanceType<typeof ClientOctokit>

export interface ClientLog {
  debug(message: string): void
  warning(message: string): void
}

export interface ClientOptions {
  token: string
  /** REST API root, e.g. `https://api.github.com` or `https://ghe.example.com/api/v3`. */
  baseUrl: string
  userAgent?: string
  /** Retries of 5xx answers and dropped connections (plugin-retry). Default 3. */
  retries?: number
  /** plugin-retry waits `(n + 1)² × retryBaseMs` before retry n. Default 1000. */
  retryBaseMs?: number
  throttle?: {
    /** A limit asking for a longer wait than this fails the run instead. Default 60. */
    maxRetryAfterSeconds?: number
    /** How many times one request may wait for a secondary limit. Default 2. */
    maxRetries?: number
    /** Milliseconds per second of `retry-after`; tests lower it. Default 1000. */
    retryAfterBaseMs?: number
    /**
     * Minimum gap between search requests. Default 0: searches are paced by the search bucket's
     * `x-ratelimit-remaining`/`reset` headers instead (src/github/search-pacing.ts).
     */
    searchMinTimeMs?: number
    /**
     * Minimum gap between requests that notify people (opening a PR, a comment, a review
     * request). GitHub's guidance, and plugin-throttling's default, is 3000; tests against the
     * emulator set 0 so that a publish test does not wait 3 s per write.
     */
    notificationsMinTimeMs?: number
  }
  log?: ClientLog
  /** Aborts every request once it fires: a bound on the run's total time talking to GitHub. */
  deadline?: { signal: AbortSignal; minutes: number }
}

const DEFAULT_MAX_RETRY_AFTER = 60

/** Requests asked of a client and not finished, those of them on the wire, and all sent so far. */
const flow = { asked: 0, onWire: 0, sent: 0 }

/**
 * True once the client has sent a request and has none waiting to be sent (queued in its
 * limiters, or between retries): the job's requests of the moment are all out. Work that would
 * hold up the event loop waits for this (see action/round-one-work.ts); an idle loop alone is not
 * a sign, as the limiters wait on timers between requests.
 */
export function requestsAllOut(): boolean {
  return flow.sent > 0 && flow.asked - flow.onWire <= 0
}

/**
 * Builds the client. Rate limits are honoured while the wait is short; a longer wait, or a limit
 * that persists, becomes a NowPageError saying which limit and when it resets. The token is
 * handed to Octokit only and never appears in a log line or an error.
 */
export function createClient(options: ClientOptions): Client {
  const log = options.log
  const maxWait = options.throttle?.maxRetryAfterSeconds ?? DEFAULT_MAX_RETRY_AFTER
  const baseUrl = options.baseUrl.replace(/\/+$/, '')
  // http-fetch answers the part of fetch Octokit uses (see http-fetch.ts): typed as fetch here.
  const send = transport(baseUrl) as typeof globalThis.fetch
  const fetch: typeof globalThis.fetch = async (input, init) => {
    flow.onWire++
    flow.sent++
    try {
      return await send(input, init)
    } finally {
      flow.onWire--
    }
  }
  const client: Client = new ClientOctokit({
    auth: options.token,
    baseUrl,
    userAgent: options.userAgent ?? 'now-page-action',
    // @octokit/rest's request log would print every failed request (an expected 404 included)
    // to stderr; the hook below logs each outcome at debug level already.
    log: { debug: noop, info: noop, warn: (m: string) => log?.debug(m), error: noop },
    request: {
      fetch,
      ...(options.deadline ? { signal: options.deadline.signal } : {}),
    },
    retry: {
      retries: options.retries ?? 3,
      retryAfterBaseValue: options.retryBaseMs ?? 1000,
      // 403 and 429 are rate limits (throttling's business) or permissions; neither improves
      // by asking again at once.
      doNotRetry: [400, 401, 403, 404, 409, 410, 422, 429, 451],
    },
    throttle: throttleOptions(options, maxWait, (o) => describeRequest(client, o)),
  })
  const paceSearch = createSearchPacer(maxWait * 1000)
  client.hook.wrap('request', (request, endpoint) =>
    endpoint.url.startsWith('/search/')
      ? paceSearch(async () => request(endpoint))
      : request(endpoint),
  )
  // Registered after the plugins, so it wraps them: it sees each request's final outcome.
  explainOutcomes(client, options, maxWait)
  return client
}

type ThrottleOptions = NonNullable<ConstructorParameters<typeof ClientOctokit>[0]>['throttle']

/** plugin-throttling's limiters and its answers to rate limits: wait while the wait is short. */
function throttleOptions(
  options: ClientOptions,
  maxWait: number,
  describe: (o: RequestOptions) => string,
): ThrottleOptions {
  const log = options.log
  const maxThrottleRetries = options.throttle?.maxRetries ?? 2
  return {
    retryAfterBaseValue: options.throttle?.retryAfterBaseMs ?? 1000,
    fallbackSecondaryRateRetryAfter: maxWait,
    // Our own limiter: the plugin's default one is shared by every client in the process
    // and spaces searches 2 s apart whatever the bucket holds; the pacer reads the bucket.
    search: new Bottleneck.Group({
      maxConcurrent: 1,
      minTime: options.throttle?.searchMinTimeMs ?? 0,
    }),
    // GitHub asks for mutating requests one at a time; the plugin also spaces them 1 s apart,
    // which cost a run ~5 s for its 6 writes. A run makes at most ~8 writes, far under the
    // content-creation limit (80/min), so they stay serial but unspaced.
    write: new Bottleneck.Group({ maxConcurrent: 1, minTime: 0 }),
    notifications: new Bottleneck.Group({
      maxConcurrent: 1,
      minTime: options.throttle?.notificationsMinTimeMs ?? 3000,
    }),
    onSecondaryRateLimit: (retryAfter, request, _octokit, retryCount) => {
      if (retryAfter > maxWait || retryCount >= maxThrottleRetries) return false
      log?.warning(
        `GitHub secondary rate limit on ${describe(request)}: waiting ${retryAfter} s as asked (retry ${retryCount + 1} of ${maxThrottleRetries})`,
      )
      return true
    },
    onRateLimit: (retryAfter, request, _octokit, retryCount) => {
      if (retryAfter > maxWait || retryCount >= 1) return false
      log?.warning(
        `GitHub rate limit exhausted on ${describe(request)}: waiting ${retryAfter} s for it to reset`,
      )
      return true
    },
  }
}

/**
 * Logs each request's final outcome at debug level and turns the failures a user must act on
 * into NowPageErrors. Past the deadline, retrying only adds backoff waits (1 + 4 + 9 s):
 * requests in flight when it fires are told not to retry (plugin-retry reads `request.retries`
 * from the request's own options at failure time).
 */
function explainOutcomes(client: Client, options: ClientOptions, maxWait: number): void {
  const log = options.log
  type Retryable = { request?: Record<string, unknown> }
  const noRetry = (e: Retryable) => void (e.request = { ...e.request, retries: 0 })
  const inFlight = new Set<Retryable>()
  options.deadline?.signal.addEventListener('abort', () => inFlight.forEach(noRetry))
  client.hook.wrap('request', async (request, endpoint) => {
    const retryable = endpoint as unknown as Retryable
    if (options.deadline?.signal.aborted) noRetry(retryable)
    inFlight.add(retryable)
    flow.asked++
    const started = Date.now()
    const what = describeRequest(client, endpoint)
    try {
      const response = await request(endpoint)
      log?.debug(`${what} -> ${response.status} (${Date.now() - started} ms)`)
      return response
    } catch (error) {
      log?.debug(`${what} -> ${httpStatus(error) ?? 'failed'} (${Date.now() - started} ms)`)
      if (options.deadline?.signal.aborted) {
        throw new NowPageError(
          `stopped after ${options.deadline.minutes} minute(s) talking to GitHub (last request: ${what})`,
          {
            input: 'api-timeout-minutes',
            hint: 'GitHub is slow or unreachable: re-run later, or raise api-timeout-minutes',
          },
        )
      }
      throw explainFailure(error, what, maxWait)
    } finally {
      inFlight.delete(retryable)
      flow.asked--
    }
  })
}

type RequestOptions = Parameters<Client['request']['endpoint']['parse']>[0]

/** `GET /search/issues?q=...`: the route with its parameters, relative to the API root. */
function describeRequest(client: Client, endpoint: RequestOptions): string {
  try {
    const { method, url } = client.request.endpoint.parse(endpoint)
    const root = client.request.endpoint.DEFAULTS.baseUrl
    const path = url.startsWith(root) ? url.slice(root.length) : url
    return `${method} ${decodeURIComponent(path)}`
  } catch {
    return `${endpoint.method} ${endpoint.url}`
  }
}

/** The HTTP status of an Octokit request error, or undefined for anything else. */
export function httpStatus(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null || !('status' in error)) return undefined
  return typeof error.status === 'number' ? error.status : undefined
}

function responseHeaders(error: unknown): Record<string, unknown> {
  if (typeof error !== 'object' || error === null || !('response' in error)) return {}
  const response = error.response
  if (typeof response !== 'object' || response === null || !('headers' in response)) return {}
  const headers = response.headers
  return typeof headers === 'object' && headers !== null ? { ...headers } : {}
}

/** Turns the failures a user must act on into NowPageErrors; anything else passes unchanged. */
function explainFailure(error: unknown, what: string, maxWait: number): unknown {
  const status = httpStatus(error)
  if (status === 401) {
    return new NowPageError(`GitHub rejected the token (401 Bad credentials) on ${what}`, {
      input: 'token',
      hint: 'Check that the token is valid and not expired',
    })
  }
  if (status !== 403 && status !== 429) return error
  const headers = responseHeaders(error)
  const message = error instanceof Error ? error.message : ''
  if (/\bsecondary rate\b/i.test(message)) {
    const after = Number(headers['retry-after'])
    return new NowPageError(
      `GitHub secondary rate limit on ${what}` +
        (Number.isFinite(after) && after > maxWait
          ? `: GitHub asked to wait ${after} s, more than the ${maxWait} s this run waits`
          : ': it persisted after waiting as asked'),
      { hint: 'Re-run later; secondary limits clear within minutes' },
    )
  }
  if (headers['x-ratelimit-remaining'] === '0') {
    const reset = Number(headers['x-ratelimit-reset'])
    const when = Number.isFinite(reset) && reset > 0 ? new Date(reset * 1000).toISOString() : ''
    const resource =
      typeof headers['x-ratelimit-resource'] === 'string' ? headers['x-ratelimit-resource'] : ''
    const limit =
      typeof headers['x-ratelimit-limit'] === 'string' ? headers['x-ratelimit-limit'] : ''
    return new NowPageError(
      `GitHub API rate limit exhausted on ${what}` +
        (resource || limit
          ? ` (${[resource && `resource "${resource}"`, limit && `limit ${limit}`].filter(Boolean).join(', ')})`
          : '') +
        (when ? `; it resets at ${when}` : ''),
      { input: 'token', hint: 'Re-run after the reset, or use a token with its own rate limit' },
    )
  }
  if (status === 429) {
    // A 429 is always a limit, whatever its wording: never an unexpected error.
    return new NowPageError(`GitHub answered 429 Too Many Requests on ${what}`, {
      hint: 'Re-run later; secondary limits clear within minutes',
    })
  }
  return error
}
