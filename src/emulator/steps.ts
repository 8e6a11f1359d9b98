import { faultMessage, type Triggers } from './faults.js'
import { HttpError, match, pageOf, type Request } from './http.js'
import { errorBody, type Answer, type Step } from './pipeline.js'
import { resourceOf, TokenLimits } from './rate-limit.js'
import { requirePermission } from './access.js'
import type { Route } from './routes.js'
import { Shapes } from './shapes.js'
import type { EmulatorState } from './state.js'

/** The emulator's steps, in the order a request meets them. Each is small and testable alone. */

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

export function latency(ms: number | undefined): Step {
  return async () => {
    if (ms) await sleep(ms)
    return undefined
  }
}

export function intercepts(triggers: Triggers, state: EmulatorState): Step {
  return async (ex) => {
    for (const hook of triggers.interceptsFor(ex.method, ex.path))
      await hook.run(state, { method: ex.method, path: ex.path })
    return undefined
  }
}

export function faults(triggers: Triggers): Step {
  return async (ex): Promise<Answer | undefined> => {
    const fault = triggers.faultFor(ex.method, ex.path)
    if (!fault) return undefined
    if (fault.latencyMs) await sleep(fault.latencyMs)
    if (fault.drop) return { drop: true }
    const status = fault.status ?? (fault.secondaryRateLimit ? 403 : undefined)
    if (!status) return undefined
    return {
      status,
      body: fault.body ?? errorBody(status, faultMessage(fault)),
      headers: fault.retryAfter !== undefined ? { 'retry-after': String(fault.retryAfter) } : {},
      fault: true,
    }
  }
}

/** The token from `Authorization: token X` or `Bearer X`; an unknown one is GitHub's 401. */
export function authenticate(state: EmulatorState): Step {
  const limits = new Map<string, TokenLimits>()
  return (ex) => {
    const value = /^(?:token|bearer)\s+(.+)$/i.exec(ex.authorization)?.[1]?.trim() ?? ''
    const token = state.tokens.get(value)
    if (!token) return { status: 401, body: errorBody(401, 'Bad credentials') }
    let l = limits.get(value)
    if (!l) limits.set(value, (l = new TokenLimits(token)))
    ex.token = { ...token, value, limits: l }
    return undefined
  }
}

/** Counts the request against its bucket (`core` or `search`); GET /rate_limit is free, as on
 * GitHub. */
export function rateLimit(state: EmulatorState): Step {
  return (ex) => {
    const token = ex.token
    if (!token) return undefined
    const resource = resourceOf(ex.path)
    const userId = state.user(token.login).id
    Object.assign(
      ex.headers,
      ex.path === '/rate_limit'
        ? token.limits.headers(resource)
        : token.limits.take(resource, userId, token.rateLimitStatus),
    )
    return undefined
  }
}

/** Finds the route, checks the token's permission, and lets the route answer. */
export function route(state: EmulatorState, routes: Route[]): Step {
  return async (ex) => {
    let params: Record<string, string> | undefined
    const found = routes.find((r) => r.method === ex.method && (params = match(r.pattern, ex.path)))
    if (!found || !params) {
      const known = routes.some((r) => match(r.pattern, ex.path))
      if (known) return { status: 405, body: errorBody(405, 'Method Not Allowed') }
      return { status: 404, body: errorBody(404, 'Not Found') }
    }
    const token = ex.token
    if (!token) throw new HttpError(401, 'Bad credentials')
    if (found.needs) requirePermission(token, found.needs)
    const body = ex.method === 'GET' || ex.method === 'DELETE' ? {} : await ex.body()
    const origin = `http://${ex.url.host}`
    // URLs in answers follow the root the client used: a GHES client gets `/api/v3` ones.
    const shapes = ex.ghes
      ? new Shapes(state, `${origin}/api/v3`, origin)
      : new Shapes(state, origin)
    const request: Request = {
      method: ex.method,
      path: ex.path,
      query: ex.url.searchParams,
      body,
      url: ex.url,
    }
    let reply = found.handle(request, params, {
      state,
      shapes,
      login: token.login,
      installation: token.installation ?? false,
      token,
      limits: token.limits,
    })
    if (reply.listing) reply = pageOf(reply.listing, request, found.paged)
    return { status: reply.status ?? 200, body: reply.body, headers: reply.headers ?? {} }
  }
}
