/**
 * A small typed GET-only client for the GitLab v4 and Forgejo v1 REST APIs, on the same
 * node:http(s) fetch as the GitHub client (src/github/http-fetch.ts: Node's global fetch would
 * cost the run its undici start-up). @gitbeaker/rest 43.8.0 was measured for GitLab: esbuild --minify of just
 * `MergeRequests.all`, `Commits.all` and `Repositories.allRepositoryTrees` is 249 kB (62 kB
 * gzip), as its resources do not tree-shake, and Forgejo would still need this layer; all the
 * forge code here (both forges, readers included) is 13 kB minified (5.3 kB gzip), loaded only
 * when `forges` is set. It behaves as the GitHub client does: retries on 5xx and dropped
 * connections, waits on 429 as `Retry-After`/`RateLimit-Reset` ask (bounded), paging by `Link`
 * or `x-next-page`, a timeout per request and a deadline for the whole run.
 */
import type { Logger } from '../../logging.js'
import { transport } from '../../github/transport.js'
import { unreachableCode } from '../../github/unreachable.js'

export interface ForgeWaits {
  /** Waits `(n + 1)² × retryBaseMs` before retry n of a 5xx or dropped connection. Default 1000. */
  retryBaseMs?: number
  /** Milliseconds per second of `Retry-After`; tests lower it. Default 1000. */
  retryAfterBaseMs?: number
  /** Per request. Default 30 s. */
  requestTimeoutMs?: number
}

export interface ForgeHttpOptions extends ForgeWaits {
  /** `https://host/api/v4` (GitLab) or `https://host/api/v1` (Forgejo). */
  apiRoot: string
  /** Forge name for messages (`gitlab.gnome.org`). */
  name: string
  /** Sent with every request (the token's header); never logged. */
  headers?: Record<string, string>
  /** Fires when the run's time with the forges is up (`api-timeout-minutes`). */
  deadline: AbortSignal
  /** Retries of 5xx answers and dropped connections. Default 3. */
  retries?: number
  /** A limit asking for a longer wait than this gives up instead. Default 60. */
  maxRetryAfterSeconds?: number
  log: Logger
}

export type ForgeFailure =
  | 'auth' // 401, 403
  | 'not-found' // 404
  | 'rate-limit' // 429 after waiting, or a wait too long
  | 'server' // 5xx after retries
  | 'unreachable' // refused, no such host, dropped after retries
  | 'timeout' // a request or the whole run took too long
  | 'other' // another 4xx, or an answer that is not JSON

/** A request that failed for good; its message names the request, never the token. */
export class ForgeHttpError extends Error {
  constructor(
    message: string,
    readonly failure: ForgeFailure,
    readonly status?: number,
  ) {
    super(message)
    this.name = 'ForgeHttpError'
  }
}

/** What the client reads of an answer's headers (fetch's Headers and ours both give it). */
export type HeaderReader = Pick<Headers, 'get'>

export interface ForgeResponse<T> {
  data: T
  status: number
  headers: HeaderReader
}

export type Query = Record<string, string | number | boolean | undefined>

const MAX_RATE_LIMIT_WAITS = 2

export interface ForgeHttp {
  readonly name: string
  get<T>(path: string, query?: Query): Promise<ForgeResponse<T>>
  /** Each page of a list, following `Link: rel="next"` or `x-next-page`, at most `maxPages`. */
  pages<T>(path: string, query: Query, maxPages: number): AsyncGenerator<ForgeResponse<T>>
}

export function createForgeHttp(options: ForgeHttpOptions): ForgeHttp {
  const root = options.apiRoot.replace(/\/+$/, '')
  const origin = new URL(root).origin
  const retries = options.retries ?? 3
  const retryBaseMs = options.retryBaseMs ?? 1000
  const retryAfterBaseMs = options.retryAfterBaseMs ?? 1000
  const maxWait = options.maxRetryAfterSeconds ?? 60
  const timeoutMs = options.requestTimeoutMs ?? 30_000
  const log = options.log
  // Behind a runner's proxy (HTTPS_PROXY, minus NO_PROXY), as GitHub's requests are.
  const send = transport(root)

  function urlFor(path: string, query: Query = {}): URL {
    const url = new URL(root + path)
    for (const [k, v] of Object.entries(query)) {
      if (v !== undefined) url.searchParams.set(k, String(v))
    }
    return url
  }

  /** `GET /path?query` relative to the API root, for messages. */
  function describe(url: URL): string {
    const path = url.href.startsWith(root) ? url.href.slice(root.length) : url.pathname
    return `GET ${decodeURIComponent(path)}`
  }

  async function request<T>(url: URL): Promise<ForgeResponse<T>> {
    const what = `${options.name}: ${describe(url)}`
    let failures = 0
    let limited = 0
    for (;;) {
      if (options.deadline.aborted) throw deadlineError(what)
      const started = Date.now()
      let response: Awaited<ReturnType<typeof send>>
      try {
        response = await send(url, {
          headers: { accept: 'application/json', ...options.headers },
          signal: AbortSignal.any([options.deadline, AbortSignal.timeout(timeoutMs)]),
          // A redirect is an answer (a sign-in page, a moved instance), never followed with the
          // token to wherever it points.
          redirect: 'manual',
        })
      } catch (error) {
        if (options.deadline.aborted) throw deadlineError(what)
        const name = error instanceof Error ? error.name : ''
        if (name === 'TimeoutError') {
          throw new ForgeHttpError(`${what} took more than ${timeoutMs / 1000} s`, 'timeout')
        }
        const code = unreachableCode(error) ?? causeCode(error)
        log.debug(`${what} -> ${code ?? 'failed'} (${Date.now() - started} ms)`)
        // Nothing listens there or no such host: asking again will not help.
        if (unreachableCode(error) || failures >= retries) {
          throw new ForgeHttpError(
            `${what}: cannot connect (${code ?? (error as Error).message})`,
            'unreachable',
          )
        }
        await sleep((failures + 1) ** 2 * retryBaseMs, options.deadline)
        failures++
        continue
      }
      log.debug(`${what} -> ${response.status} (${Date.now() - started} ms)`)
      if (response.status >= 200 && response.status < 300) {
        try {
          return {
            data: (await response.json()) as T,
            status: response.status,
            headers: response.headers,
          }
        } catch {
          throw new ForgeHttpError(`${what}: the answer is not JSON`, 'other', response.status)
        }
      }
      const body = await response.text().catch(() => '')
      const detail = errorDetail(body)
      if (response.status === 429) {
        const wait = retryAfterSeconds(response.headers)
        if (wait === undefined || wait > maxWait || limited >= MAX_RATE_LIMIT_WAITS) {
          throw new ForgeHttpError(
            `${what}: rate limited (429${wait !== undefined ? `, asked to wait ${wait} s` : ''})`,
            'rate-limit',
            429,
          )
        }
        log.warning(`${options.name} rate limit on ${describe(url)}: waiting ${wait} s as asked`)
        await sleep(wait * retryAfterBaseMs, options.deadline)
        limited++
        continue
      }
      if (response.status >= 500) {
        if (failures < retries) {
          await sleep((failures + 1) ** 2 * retryBaseMs, options.deadline)
          failures++
          continue
        }
        throw new ForgeHttpError(
          `${what}: HTTP ${response.status}${detail}`,
          'server',
          response.status,
        )
      }
      const failure: ForgeFailure =
        response.status === 401 || response.status === 403
          ? 'auth'
          : response.status === 404
            ? 'not-found'
            : 'other'
      throw new ForgeHttpError(
        `${what}: HTTP ${response.status}${detail}`,
        failure,
        response.status,
      )
    }
  }

  function deadlineError(what: string): ForgeHttpError {
    return new ForgeHttpError(
      `${what}: stopped when the run's time for the API was up (api-timeout-minutes)`,
      'timeout',
    )
  }

  async function* pages<T>(
    path: string,
    query: Query,
    maxPages: number,
  ): AsyncGenerator<ForgeResponse<T>> {
    let url: URL | undefined = urlFor(path, query)
    for (let n = 0; url && n < maxPages; n++) {
      const page: ForgeResponse<T> = await request<T>(url)
      yield page
      url = nextPage(url, page.headers)
      if (url && url.origin !== origin) {
        // The token goes with every request: never to another host than the forge's.
        log.warning(`${options.name}: the next page is on another host (${url.host}); stopping`)
        url = undefined
      }
      if (url && n + 1 === maxPages) {
        log.warning(
          `${options.name}: ${describe(url)} and later pages not read (at most ${maxPages} pages)`,
        )
      }
    }
  }

  return {
    name: options.name,
    get: <T>(path: string, query?: Query) => request<T>(urlFor(path, query)),
    pages,
  }
}

/** The next page: `Link: <…>; rel="next"` (GitLab and Forgejo), else GitLab's `x-next-page`. */
export function nextPage(current: URL, headers: HeaderReader): URL | undefined {
  const link = headers.get('link') ?? ''
  for (const part of link.split(',')) {
    const m = /<([^>]+)>\s*;\s*rel="?next"?/.exec(part)
    if (m) return new URL(m[1] as string, current)
  }
  const next = headers.get('x-next-page')?.trim()
  if (next && /^\d+$/.test(next)) {
    const url = new URL(current)
    url.searchParams.set('page', next)
    return url
  }
  return undefined
}

/**
 * Seconds a 429 asks to wait: `Retry-After` (seconds or an HTTP date), else GitLab's
 * `RateLimit-Reset` (epoch seconds). Undefined when it says nothing usable.
 */
export function retryAfterSeconds(headers: HeaderReader, now = Date.now()): number | undefined {
  const after = headers.get('retry-after')?.trim()
  if (after) {
    if (/^\d+$/.test(after)) return Number(after)
    const at = Date.parse(after)
    if (!Number.isNaN(at)) return Math.max(0, Math.ceil((at - now) / 1000))
  }
  const reset = headers.get('ratelimit-reset')?.trim()
  if (reset && /^\d+$/.test(reset)) {
    const r = Number(reset)
    // Epoch seconds (GitLab); a small number is seconds from now (the IETF draft).
    return r > 1_000_000_000 ? Math.max(0, Math.ceil(r - now / 1000)) : r
  }
  return undefined
}

/**
 * ` (message)` from a forge's JSON error (`{"message": …}`, GitLab's OAuth-style
 * `{"error_description": …}`), or its text; short and on one line. It is the forge's text:
 * untrusted wherever it is shown.
 */
export function errorDetail(body: string): string {
  let message: unknown = body
  try {
    const json = JSON.parse(body) as {
      message?: unknown
      error_description?: unknown
      error?: unknown
    }
    message = json.message ?? json.error_description ?? json.error ?? ''
  } catch {
    // Not JSON (GitLab's `Retry later`, a proxy's page): the text itself.
  }
  const text = (typeof message === 'string' ? message : JSON.stringify(message))
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 120)
  return text ? ` (${text})` : ''
}

function causeCode(error: unknown): string | undefined {
  for (let e = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    const code = (e as NodeJS.ErrnoException).code
    if (code) return code
  }
  return undefined
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted || ms <= 0) return resolve()
    const timer = setTimeout(done, ms)
    function done() {
      clearTimeout(timer)
      signal.removeEventListener('abort', done)
      resolve()
    }
    signal.addEventListener('abort', done, { once: true })
  })
}
