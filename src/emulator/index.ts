import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { HttpError, match, readBody, send, type Request } from './http.js'
import { routes, type Context } from './routes.js'
import type { Fault, Scenario } from './scenario.js'
import { Shapes } from './shapes.js'
import { EmulatorState } from './state.js'

export { loadScenario, parseScenario } from './scenario.js'
export type { Fault, Scenario } from './scenario.js'
export { EmulatorState } from './state.js'

export interface RequestLogEntry {
  method: string
  /** Path with the query, as requested (a GHES `/api/v3` prefix included). */
  path: string
  status: number
  ms: number
  at: number
  /**
   * Order of events: every arrival and every answer takes the next number. Request A was answered
   * before B arrived iff `A.answered < B.arrived`: concurrency is read from this order, never
   * from elapsed time. `answered` stays 0 for a dropped connection.
   */
  arrived: number
  answered: number
}

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

/** One answer as sent, for a test that checks answers against GitHub's API description. */
export interface SentResponse {
  method: string
  /** As requested, query and any `/api/v3` prefix included. */
  path: string
  status: number
  body: unknown
  /** Answered by an injected fault (its body is the test's, not the emulator's). */
  fault: boolean
}

export interface EmulatorOptions {
  port?: number
  latencyMs?: number
  onResponse?: (response: SentResponse) => void
}

export interface Emulator {
  url: string
  close(): Promise<void>
  requests: RequestLogEntry[]
  state: EmulatorState
  readFile(repo: string, path: string, ref?: string): string | undefined
  commitFiles(
    repo: string,
    branch: string,
    files: Record<string, string>,
    opts?: { message?: string; author?: string },
  ): string
  mergePull(repo: string, number: number): string
  addFault(f: Fault): void
  intercept(hook: Intercept): void
}

const DOCS = 'https://docs.github.com/rest'
const LEVEL = { none: 0, read: 1, write: 2 } as const

interface ActiveFault extends Fault {
  seen: number
  fired: number
}

function faultMatches(f: Pick<Fault, 'method' | 'path'>, method: string, path: string): boolean {
  if (f.method && f.method.toUpperCase() !== method) return false
  const re = new RegExp(
    '^' +
      f.path
        .split('/')
        .map((seg) =>
          seg === '**' ? '.*' : seg === '*' ? '[^/]+' : seg.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
        )
        .join('/') +
      '$',
  )
  return re.test(path)
}

/**
 * A local GitHub REST API for tests and the demo: real HTTP, GitHub's status codes, error
 * bodies, paging, rate-limit headers and search cap, seeded from a scenario, with faults on
 * demand. Listens on 127.0.0.1 only.
 */
export async function startEmulator(
  scenario: Scenario,
  opts: EmulatorOptions = {},
): Promise<Emulator> {
  const state = new EmulatorState(scenario)
  const requests: RequestLogEntry[] = []
  const faults: ActiveFault[] = (scenario.faults ?? []).map((f) => ({ ...f, seen: 0, fired: 0 }))
  const startedAt = Math.floor(Date.now() / 1000)
  const intercepts: (Intercept & { fired: number })[] = []
  let events = 0

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const started = performance.now()
    const url = new URL(req.url ?? '/', `http://${req.headers.host ?? '127.0.0.1'}`)
    const path = url.pathname.replace(/^\/api\/v3(?=\/)/, '').replace(/\/+$/, '') || '/'
    const method = (req.method ?? 'GET').toUpperCase()
    const entry: RequestLogEntry = {
      method,
      path: url.pathname + url.search,
      status: 0,
      ms: 0,
      at: Date.now(),
      arrived: ++events,
      answered: 0,
    }
    requests.push(entry)
    const headers: Record<string, string> = {
      'x-github-api-version-selected': '2022-11-28',
      'x-github-request-id': `EMU:${requests.length}`,
    }
    let fromFault = false
    const finish = (status: number, body: unknown, extra: Record<string, string> = {}) => {
      opts.onResponse?.({ method, path: entry.path, status, body, fault: fromFault })
      entry.status = status
      entry.ms = Math.round(performance.now() - started)
      entry.answered = ++events
      send(res, status, body, { ...headers, ...extra })
    }
    try {
      if (opts.latencyMs) await sleep(opts.latencyMs)
      for (const hook of intercepts) {
        if (hook.fired < (hook.times ?? 1) && faultMatches(hook, method, path)) {
          hook.fired++
          await hook.run(state, { method, path })
        }
      }
      const fault = faults.find(
        (f) =>
          faultMatches(f, method, path) && f.fired < (f.times ?? 1) && f.seen++ >= (f.after ?? 0),
      )
      if (fault) {
        fault.fired++
        fromFault = true
        if (fault.latencyMs) await sleep(fault.latencyMs)
        if (fault.drop) {
          entry.status = 0
          entry.ms = Math.round(performance.now() - started)
          req.socket.destroy()
          return
        }
        if (fault.status) {
          const retry: Record<string, string> =
            fault.retryAfter !== undefined ? { 'retry-after': String(fault.retryAfter) } : {}
          const message =
            fault.status === 403 && fault.retryAfter !== undefined
              ? 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.'
              : fault.status >= 500
                ? 'Server Error'
                : 'Injected fault'
          return finish(
            fault.status,
            fault.body ?? { message, documentation_url: DOCS, status: String(fault.status) },
            retry,
          )
        }
      }

      const auth = req.headers.authorization ?? ''
      const token = /^(?:token|bearer)\s+(.+)$/i.exec(auth)?.[1]?.trim() ?? ''
      const t = state.tokens.get(token)
      if (!t)
        return finish(401, { message: 'Bad credentials', documentation_url: DOCS, status: '401' })
      // Rate limits run on the wall clock, as GitHub's do, not on the scenario's clock.
      const reset = t.rateLimitReset ?? startedAt + 3600
      const rateHeaders = () => ({
        'x-ratelimit-limit': '5000',
        'x-ratelimit-remaining': String(t.remaining),
        'x-ratelimit-reset': String(reset),
        'x-ratelimit-used': String(5000 - t.remaining),
        'x-ratelimit-resource': path.startsWith('/search/') ? 'search' : 'core',
      })
      if (t.remaining <= 0) {
        return finish(
          403,
          {
            message: 'API rate limit exceeded for user ID 1.',
            documentation_url: DOCS,
            status: '403',
          },
          rateHeaders(),
        )
      }
      t.remaining--
      Object.assign(headers, rateHeaders())

      let params: Record<string, string> | undefined
      const route = routes.find((r) => r.method === method && (params = match(r.pattern, path)))
      if (!route || !params) {
        const known = routes.some((r) => match(r.pattern, path))
        return finish(known ? 405 : 404, {
          message: known ? 'Method Not Allowed' : 'Not Found',
          documentation_url: DOCS,
          status: known ? '405' : '404',
        })
      }
      if (route.needs) {
        const [scope, level] = route.needs
        const granted = t.permissions?.[scope] ?? 'write'
        if (LEVEL[granted] < LEVEL[level]) {
          return finish(
            403,
            {
              message: 'Resource not accessible by integration',
              documentation_url: DOCS,
              status: '403',
            },
            { 'x-accepted-github-permissions': `${scope}=${level}` },
          )
        }
      }
      const body = method === 'GET' || method === 'DELETE' ? {} : await readBody(req)
      // URLs in answers follow the root the client used: a GHES client gets `/api/v3` ones.
      const origin = `http://${req.headers.host ?? '127.0.0.1'}`
      const ghes = url.pathname.startsWith('/api/v3/')
      const shapes = ghes
        ? new Shapes(state, `${origin}/api/v3`, origin)
        : new Shapes(state, origin)
      const request: Request = { method, path, query: url.searchParams, body, url, token }
      const ctx: Context = {
        state,
        shapes,
        login: t.login,
        installation: t.installation ?? false,
        remaining: t.remaining,
      }
      const reply = route.handle(request, params, ctx)
      finish(reply.status ?? 200, reply.body, reply.headers)
    } catch (error) {
      if (error instanceof HttpError) {
        finish(
          error.status,
          {
            message: error.message,
            ...error.extra,
            documentation_url: DOCS,
            status: String(error.status),
          },
          error.headers,
        )
      } else {
        finish(500, {
          message: `emulator error: ${(error as Error).message}`,
          documentation_url: DOCS,
          status: '500',
        })
      }
    }
  }

  const server = createServer((req, res) => void handle(req, res))
  server.keepAliveTimeout = 1000
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve())
  })
  const port = (server.address() as AddressInfo).port
  const url = `http://127.0.0.1:${port}`
  return {
    url,
    requests,
    state,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
    readFile: (repo, path, ref) => state.readFile(repo, path, ref),
    commitFiles: (repo, branch, files, o) => state.commitFiles(repo, branch, files, o),
    mergePull: (repo, number) => state.mergePull(repo, number),
    addFault: (f) => void faults.push({ ...f, seen: 0, fired: 0 }),
    intercept: (hook) => void intercepts.push({ ...hook, fired: 0 }),
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}
