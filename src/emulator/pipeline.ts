import type { IncomingMessage } from 'node:http'
import { HttpError } from './http.js'
import type { TokenLimits } from './rate-limit.js'
import type { ScenarioToken } from './scenario.js'

export const DOCS = 'https://docs.github.com/rest'

/** One request on its way through the emulator's steps. */
export interface Exchange {
  method: string
  /** Without the GHES `/api/v3` prefix and the query. */
  path: string
  /** As requested, query and prefix included. */
  url: URL
  /** The client used the GHES root (`/api/v3`): answers carry URLs under it. */
  ghes: boolean
  /** Headers every answer to this request carries (request id, rate limits once known). */
  headers: Record<string, string>
  /** The `Authorization` header ('' without one). */
  authorization: string
  /** Reads the request body (JSON); steps that need it call it once. */
  body(): Promise<Record<string, unknown>>
  /** Set by the auth step. */
  token?: ScenarioToken & { value: string; limits: TokenLimits }
}

export type Answer =
  | { status: number; body?: unknown; headers?: Record<string, string>; fault?: boolean }
  | { drop: true }

/** A step answers the request, or returns nothing to hand it to the next step. */
export type Step = (ex: Exchange) => Answer | undefined | Promise<Answer | undefined>

/** GitHub's error body. */
export function errorBody(status: number, message: string, extra: Record<string, unknown> = {}) {
  return { message, ...extra, documentation_url: DOCS, status: String(status) }
}

/** An error thrown by a step as GitHub would answer it. */
export function errorAnswer(error: unknown): Answer {
  if (error instanceof HttpError)
    return {
      status: error.status,
      body: errorBody(error.status, error.message, error.extra),
      headers: error.headers,
    }
  return { status: 500, body: errorBody(500, `emulator error: ${(error as Error).message}`) }
}

/** Runs the steps in order until one answers; a request no step answers is a 404. */
export async function runSteps(steps: Step[], ex: Exchange): Promise<Answer> {
  try {
    for (const step of steps) {
      const answer = await step(ex)
      if (answer) return answer
    }
    return { status: 404, body: errorBody(404, 'Not Found') }
  } catch (error) {
    return errorAnswer(error)
  }
}

export function exchangeOf(req: IncomingMessage, readBody: () => Promise<Record<string, unknown>>) {
  const url = new URL(req.url ?? '/', `http://${req.headers.host ?? '127.0.0.1'}`)
  const ex: Exchange = {
    method: (req.method ?? 'GET').toUpperCase(),
    path: url.pathname.replace(/^\/api\/v3(?=\/)/, '').replace(/\/+$/, '') || '/',
    url,
    ghes: url.pathname.startsWith('/api/v3/'),
    headers: {},
    authorization: req.headers.authorization ?? '',
    body: readBody,
  }
  return ex
}
