import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { Triggers, type Intercept } from './faults.js'
import { forgesOf } from './forges/index.js'
import { readBody, send } from './http.js'
import { exchangeOf, runSteps, type Step } from './pipeline.js'
import { routes } from './routes.js'
import type { Fault, Scenario } from './scenario.js'
import { EmulatorState } from './state.js'
import { answerObservers, type SentResponse } from './observers.js'
import { authenticate, faults, intercepts, latency, rateLimit, route } from './steps.js'

export { loadScenario, parseScenario } from './scenario.js'
export type { Fault, Scenario } from './scenario.js'
export { EmulatorState } from './state.js'
export type { Intercept } from './faults.js'

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

export { answerObservers, type SentResponse } from './observers.js'

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
  /** A fault for a forge of the scenario, its path under that forge's API root. */
  addForgeFault(host: string, f: Fault): void
  intercept(hook: Intercept): void
}

/**
 * A local GitHub REST API for tests and the demo: real HTTP, GitHub's status codes, error
 * bodies, paging, rate-limit buckets and search cap, seeded from a scenario, with faults on
 * demand. Listens on 127.0.0.1 only. A request goes through small steps, in order: latency,
 * intercepts, faults, auth, rate limit, route; a thrown error becomes GitHub's error body.
 */
export async function startEmulator(
  scenario: Scenario,
  opts: EmulatorOptions = {},
): Promise<Emulator> {
  const state = new EmulatorState(scenario)
  const requests: RequestLogEntry[] = []
  const triggers = new Triggers(scenario.faults)
  const steps: Step[] = [
    latency(opts.latencyMs),
    intercepts(triggers, state),
    faults(triggers),
    authenticate(state),
    rateLimit(state),
    route(state, routes),
  ]
  const forges = forgesOf(scenario)
  let events = 0

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const started = performance.now()
    const ex = exchangeOf(req, () => readBody(req))
    const entry: RequestLogEntry = {
      method: ex.method,
      path: ex.url.pathname + ex.url.search,
      status: 0,
      ms: 0,
      at: Date.now(),
      arrived: ++events,
      answered: 0,
    }
    requests.push(entry)
    // `/{host}/api/v4|v1/...` is a GitLab or Forgejo forge of the scenario, not GitHub.
    const forge = forges.serverFor(ex.url.pathname)
    if (!forge) {
      ex.headers['x-github-api-version-selected'] = '2022-11-28'
      ex.headers['x-github-request-id'] = `EMU:${requests.length}`
    }
    const answer = forge
      ? await forge.handle(ex.method, ex.url, req.headers)
      : await runSteps(steps, ex)
    entry.ms = Math.round(performance.now() - started)
    if ('drop' in answer) {
      req.socket.destroy()
      return
    }
    const sent: SentResponse = {
      method: ex.method,
      path: entry.path,
      status: answer.status,
      body: answer.body,
      fault: answer.fault ?? false,
      ...(forge ? { forge: { kind: forge.forge.kind, host: forge.forge.host } } : {}),
    }
    opts.onResponse?.(sent)
    for (const observe of answerObservers) observe(sent)
    entry.status = answer.status
    entry.answered = ++events
    send(res, answer.status, answer.body, { ...ex.headers, ...answer.headers })
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
    addFault: (f) => triggers.addFault(f),
    addForgeFault: (host, f) => {
      const forge = forges.serverFor(`/${host}`)
      if (!forge) throw new Error(`no forge ${host} in the scenario`)
      forge.addFault(f)
    },
    intercept: (hook) => triggers.intercept(hook),
  }
}
