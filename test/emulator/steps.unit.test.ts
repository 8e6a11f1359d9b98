import { describe, expect, it } from 'vitest'
import { Triggers } from '../../src/emulator/faults.js'
import { HttpError } from '../../src/emulator/http.js'
import { runSteps, type Exchange, type Step } from '../../src/emulator/pipeline.js'
import { TokenLimits } from '../../src/emulator/rate-limit.js'
import { parseScenario } from '../../src/emulator/scenario.js'
import { EmulatorState } from '../../src/emulator/state.js'
import { authenticate, faults, intercepts, rateLimit, route } from '../../src/emulator/steps.js'
import { routes } from '../../src/emulator/routes.js'

/** Each step of the emulator's pipeline on its own: no server, no HTTP. */
const state = () =>
  new EmulatorState(
    parseScenario({
      now: '2025-08-24T06:00:00Z',
      tokens: { t: { login: 'someone', searchRateLimitRemaining: 1 } },
      repos: [{ fullName: 'someone/site', files: { 'a.md': 'a\n' } }],
    }),
  )

function exchange(method: string, path: string, authorization = 'token t'): Exchange {
  return {
    method,
    path,
    url: new URL(`http://127.0.0.1:1${path}`),
    ghes: false,
    headers: {},
    authorization,
    body: async () => ({}),
  }
}

describe('the pipeline', () => {
  it('stops at the first step that answers and maps thrown errors to GitHub’s body', async () => {
    const seen: string[] = []
    const pass: Step = () => void seen.push('pass')
    const answer: Step = () => ({ status: 204 })
    const never: Step = () => void seen.push('never')
    expect(await runSteps([pass, answer, never], exchange('GET', '/x'))).toEqual({ status: 204 })
    expect(seen).toEqual(['pass'])
    const thrower: Step = () => {
      throw new HttpError(409, 'Git Repository is empty.')
    }
    expect(await runSteps([thrower], exchange('GET', '/x'))).toMatchObject({
      status: 409,
      body: { message: 'Git Repository is empty.', status: '409' },
    })
    expect(await runSteps([], exchange('GET', '/x'))).toMatchObject({ status: 404 })
  })

  it('runs intercepts before faults, each for as many requests as asked', async () => {
    const s = state()
    const triggers = new Triggers([{ path: '/repos/*/*', status: 502, after: 1 }])
    const ran: string[] = []
    triggers.intercept({ path: '/repos/**', times: 2, run: (_s, r) => void ran.push(r.path) })
    const steps = [intercepts(triggers, s), faults(triggers)]
    const ex = exchange('GET', '/repos/someone/site')
    expect(await runSteps([...steps, () => ({ status: 200 })], ex)).toEqual({ status: 200 })
    expect(await runSteps(steps, ex)).toMatchObject({ status: 502, fault: true })
    expect(await runSteps([...steps, () => ({ status: 200 })], ex)).toEqual({ status: 200 })
    expect(ran).toEqual(['/repos/someone/site', '/repos/someone/site'])
  })

  it('authenticates, then counts the request in its bucket', async () => {
    const s = state()
    expect(await runSteps([authenticate(s)], exchange('GET', '/user', 'token nope'))).toMatchObject(
      { status: 401, body: { message: 'Bad credentials' } },
    )
    const steps = [authenticate(s), rateLimit(s), () => ({ status: 200 })]
    const first = exchange('GET', '/search/issues')
    expect(await runSteps(steps, first)).toEqual({ status: 200 })
    expect(first.headers).toMatchObject({
      'x-ratelimit-resource': 'search',
      'x-ratelimit-remaining': '0',
    })
    expect(await runSteps(steps, exchange('GET', '/search/issues'))).toMatchObject({
      status: 403,
      body: { message: expect.stringMatching(/^API rate limit exceeded for user ID \d+\.$/) },
    })
  })

  it('routes with the token’s permission and pages list routes', async () => {
    const s = state()
    const steps = [authenticate(s), rateLimit(s), route(s, routes)]
    const list = exchange('GET', '/repos/someone/site/commits')
    list.url.searchParams.set('per_page', '1')
    const answer = await runSteps(steps, list)
    expect(answer).toMatchObject({
      status: 200,
      body: [expect.objectContaining({ sha: expect.any(String) })],
    })
    expect(await runSteps(steps, exchange('PUT', '/repos/someone/site/commits'))).toMatchObject({
      status: 405,
    })
  })
})

describe('rate-limit buckets', () => {
  it('refill when their window has passed, on the clock they were given', () => {
    let now = 1_000
    const limits = new TokenLimits({ login: 'a', searchRateLimit: 2 }, () => now)
    limits.take('search', 1)
    limits.take('search', 1)
    expect(() => limits.take('search', 1)).toThrow(/API rate limit exceeded/)
    expect(limits.overview().resources.search).toEqual({
      limit: 2,
      used: 2,
      remaining: 0,
      reset: 1_060,
    })
    now = 1_060
    expect(limits.take('search', 1)['x-ratelimit-remaining']).toBe('1')
    expect(limits.overview().resources.core.remaining).toBe(5000)
  })
})
