import { Triggers } from '../faults.js'
import type { Answer } from '../pipeline.js'
import type { Fault } from '../scenario.js'
import type { ForgeState, ForgeUser } from './state.js'
import type { ForgeRateLimit, ScenarioForge } from './types.js'

/** One request to a forge, as its routes see it. */
export interface ForgeRequest {
  method: string
  /** Under the API root (`/projects/GNOME%2Fgnome-shell`), percent-encoding kept, no query. */
  path: string
  query: URLSearchParams
  /** As requested (Link headers keep its query and replace the page). */
  url: URL
  /** Where this forge's API is served from (`http://127.0.0.1:PORT/gitlab.gnome.org/api/v4`). */
  apiRoot: string
  /** The token's user; undefined for an anonymous request. */
  user: ForgeUser | undefined
}

export interface ForgeReply {
  status?: number
  body?: unknown
  headers?: Record<string, string>
}

export type ForgeRoute = (req: ForgeRequest, state: ForgeState) => ForgeReply | undefined

/** What differs between GitLab and Forgejo: auth header, error bodies, API root, routes. */
export interface ForgeKind {
  apiPrefix: '/api/v4' | '/api/v1'
  /** The token a request carries ('' when none). */
  tokenOf(headers: Record<string, string | string[] | undefined>, query: URLSearchParams): string
  /** The answer to an unknown token. */
  badToken(state: ForgeState): ForgeReply
  /** The 403 for a token whose scopes do not cover the route, if they do not. */
  missingScope(path: string, scopes: string[], state: ForgeState): ForgeReply | undefined
  /** The answer to an unknown route. */
  noRoute(state: ForgeState): ForgeReply
  /** The default body of an injected fault or an outage. */
  faultBody(status: number, state: ForgeState): ForgeReply
  /** Over the rate limit. */
  tooMany(retryAfter: number): ForgeReply
  /** Headers of every counted answer (GitLab's `RateLimit-*`; none on Forgejo). */
  rateHeaders(bucket: Bucket, limit: ForgeRateLimit, anonymous: boolean): Record<string, string>
  /** Default limits of a token and of anonymous requests. */
  defaultLimit(anonymous: boolean): ForgeRateLimit | undefined
  route: ForgeRoute
}

export interface Bucket {
  remaining: number
  /** Epoch seconds. */
  reset: number
  /** Requests counted in this window (GitLab's `RateLimit-Observed`). */
  observed: number
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
const nowSeconds = () => Math.floor(Date.now() / 1000)

/**
 * One forge of the scenario, behind `/{host}/api/v4` or `/{host}/api/v1`. A request meets the
 * same small steps as a GitHub one, in the same order: latency, outage and faults, auth, rate
 * limit, route; an unknown route answers the forge's own 404.
 */
export class ForgeServer {
  private readonly triggers: Triggers
  private readonly buckets = new Map<string, Bucket>()

  constructor(
    readonly state: ForgeState,
    readonly kind: ForgeKind,
    private readonly clock: () => number = nowSeconds,
  ) {
    this.triggers = new Triggers(state.forge.faults)
  }

  /** A fault added while running (tests), as the scenario's `faults` are. */
  addFault(f: Fault): void {
    this.triggers.addFault(f)
  }

  get forge(): ScenarioForge {
    return this.state.forge
  }

  async handle(
    method: string,
    url: URL,
    headers: Record<string, string | string[] | undefined>,
  ): Promise<Answer> {
    const forge = this.forge
    const prefix = `/${forge.host}${this.kind.apiPrefix}`
    if (!`${url.pathname}/`.startsWith(`${prefix}/`)) return answerOf(this.kind.noRoute(this.state))
    const path = url.pathname.slice(prefix.length).replace(/\/+$/, '') || '/'
    if (forge.latencyMs) await sleep(forge.latencyMs)
    if (forge.outage) {
      if (forge.outage.drop) return { drop: true }
      return this.faultAnswer(forge.outage.status ?? 503)
    }
    const fault = this.triggers.faultFor(method, path)
    if (fault) {
      if (fault.latencyMs) await sleep(fault.latencyMs)
      if (fault.drop) return { drop: true }
      if (fault.status) {
        const status = fault.status
        const answer: ForgeReply =
          fault.body !== undefined
            ? { status, body: fault.body, headers: textHeaders(fault.body) }
            : status === 429
              ? this.kind.tooMany(fault.retryAfter ?? 60)
              : this.kind.faultBody(status, this.state)
        const headers = { ...answer.headers }
        if (fault.retryAfter !== undefined) headers['retry-after'] = String(fault.retryAfter)
        return { status, body: answer.body, headers, fault: true }
      }
    }
    const token = this.kind.tokenOf(headers, url.searchParams)
    const known = token ? this.state.tokens.get(token) : undefined
    if (token && !known) return answerOf(this.kind.badToken(this.state))
    const user = known?.user
    const missing = known?.scopes && this.kind.missingScope(path, known.scopes, this.state)
    if (missing) return answerOf(missing)
    const limited = this.count(user?.login)
    if ('status' in limited) return answerOf(limited)
    const req: ForgeRequest = {
      method,
      path,
      query: url.searchParams,
      url,
      apiRoot: `${url.origin}${prefix}`,
      user,
    }
    const reply =
      (method === 'GET' ? this.kind.route(req, this.state) : undefined) ??
      this.kind.noRoute(this.state)
    return answerOf({ ...reply, headers: { ...limited.headers, ...reply.headers } })
  }

  private faultAnswer(status: number): Answer {
    const body = status === 429 ? this.kind.tooMany(60) : this.kind.faultBody(status, this.state)
    return { ...answerOf({ ...body, status }), fault: true }
  }

  /** Counts the request in its bucket: the token's, or the one all anonymous requests share. */
  private count(login: string | undefined): ForgeReply & { headers: Record<string, string> } {
    const limit = this.forge.rateLimit ?? this.kind.defaultLimit(login === undefined)
    if (!limit) return { headers: {} }
    const key = login?.toLowerCase() ?? ''
    const window = limit.windowSeconds ?? 60
    const now = this.clock()
    let b = this.buckets.get(key)
    if (!b || now >= b.reset) {
      const first = !b
      b = {
        remaining: first ? (limit.remaining ?? limit.limit) : limit.limit,
        reset: now + window,
        observed: first ? limit.limit - (limit.remaining ?? limit.limit) : 0,
      }
      this.buckets.set(key, b)
    }
    if (b.remaining <= 0) {
      const retryAfter = Math.max(b.reset - now, 1)
      const answer = this.kind.tooMany(retryAfter)
      return {
        ...answer,
        headers: { ...this.kind.rateHeaders(b, limit, login === undefined), ...answer.headers },
      }
    }
    b.remaining--
    b.observed++
    return { headers: this.kind.rateHeaders(b, limit, login === undefined) }
  }
}

function answerOf(r: ForgeReply): Answer {
  return { status: r.status ?? 200, body: r.body, headers: r.headers ?? {} }
}

/** A string body goes out as plain text (GitLab's `Retry later`), anything else as JSON. */
export function textHeaders(body: unknown): Record<string, string> {
  return typeof body === 'string' ? { 'content-type': 'text/plain; charset=utf-8' } : {}
}

/** The forges of a scenario, found by the first segment of a request's path. */
export class Forges {
  constructor(private readonly servers: ForgeServer[]) {}

  /** The forge a path is under (`/gitlab.gnome.org/api/v4/...`), by its first segment. */
  serverFor(pathname: string): ForgeServer | undefined {
    const host = pathname.split('/')[1]?.toLowerCase()
    if (!host) return undefined
    return this.servers.find((s) => s.forge.host.toLowerCase() === host)
  }
}

/** Offset paging: the page and per-page a request asks for, within a forge's bounds. */
export function pageParams(
  query: URLSearchParams,
  sizeParam: 'per_page' | 'limit',
  defaultSize: number,
  maxSize: number,
): { page: number; size: number } {
  const size = Math.min(Math.max(Number(query.get(sizeParam)) || defaultSize, 1), maxSize)
  const page = Math.max(Math.trunc(Number(query.get('page'))) || 1, 1)
  return { page, size }
}

/** The URL of another page: the request's own, with `page` replaced. */
export function pageUrl(url: URL, page: number): string {
  const u = new URL(url.toString())
  u.searchParams.set('page', String(page))
  return u.toString()
}
