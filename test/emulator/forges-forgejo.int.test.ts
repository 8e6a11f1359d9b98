import { describe, expect, it } from 'vitest'
import type { Scenario } from '../../src/emulator/index.js'
import type { ScenarioForge } from '../../src/emulator/forges/types.js'
import { emulatorPerTest } from '../support/emulator-per-test.js'
import { checkForgeResponse } from './forge-validator.js'

/** Forgejo v1 as the emulator serves it, driven over HTTP with plain fetch; every answer is also
 * checked against Forgejo's API description by the suite's setup file (check-every-answer.ts). */

const start = emulatorPerTest()
const HOST = 'codeberg.example.org'
const TOKEN = { authorization: 'token cb-someone' }

function scenario(forge: Partial<ScenarioForge> = {}): Scenario {
  return {
    now: '2025-08-24T06:00:00Z',
    tokens: { t: { login: 'someone' } },
    repos: [],
    forges: [
      {
        kind: 'forgejo',
        host: HOST,
        tokens: {
          'cb-someone': { login: 'someone' },
          'cb-repos-only': { login: 'someone', scopes: ['read:repository'] },
        },
        users: [{ login: 'someone', name: 'Some One' }, { login: 'upstream' }],
        projects: [
          {
            path: 'someone/dotfiles',
            files: ['README.md'],
            commits: [1, 2, 3, 4, 5].map((n) => ({
              author: 'someone',
              date: `2025-08-0${n}T10:00:00+05:30`,
              message: `nvim: part ${n}`,
              paths: [`nvim/part${n}.lua`],
            })),
          },
          {
            path: 'upstream/tool',
            pulls: [
              {
                number: 10,
                author: 'someone',
                title: 'Fix the <b>parser</b>',
                createdAt: '2025-08-01T09:00:00Z',
                mergedAt: '2025-08-05T09:00:00Z',
              },
              {
                number: 11,
                author: 'someone',
                title: 'Rejected',
                createdAt: '2025-08-02T09:00:00Z',
                closedAt: '2025-08-03T09:00:00Z',
              },
              {
                number: 12,
                author: 'upstream',
                title: 'Theirs',
                createdAt: '2025-08-02T08:00:00Z',
                mergedAt: '2025-08-04T09:00:00Z',
              },
              { number: 13, author: 'someone', title: 'Open', createdAt: '2025-08-06T09:00:00Z' },
            ],
          },
          {
            path: 'someone/private-notes',
            visibility: 'private',
            pulls: [
              {
                number: 1,
                author: 'someone',
                title: 'Secret',
                createdAt: '2025-07-31T09:00:00Z',
                mergedAt: '2025-08-02T09:00:00Z',
              },
            ],
          },
        ],
        ...forge,
      },
    ],
  }
}

async function get(base: string, path: string, headers: Record<string, string> = {}) {
  const res = await fetch(`${base}/${HOST}/api/v1${path}`, { headers })
  const text = await res.text()
  const type = res.headers.get('content-type') ?? ''
  return {
    status: res.status,
    headers: res.headers,
    body: (type.startsWith('application/json') ? JSON.parse(text) : text) as unknown,
  }
}

const SEARCH =
  '/repos/issues/search?type=pulls&state=closed&created=true&since=2025-07-01T00:00:00Z'
const NOT_FOUND = {
  status: 404,
  body: {
    errors: [],
    message: "The target couldn't be found.",
    url: `https://${HOST}/api/swagger`,
  },
}

describe('Forgejo v1 in the emulator', () => {
  it('answers /version without a token', async () => {
    const em = await start(scenario({ version: '11.0.3+gitea-1.22.0' }))
    expect(await get(em.url, '/version')).toMatchObject({
      status: 200,
      body: { version: '11.0.3+gitea-1.22.0' },
    })
  })

  it("searches the token user's closed pulls, paged with X-Total-Count and Link", async () => {
    const em = await start(scenario())
    const first = await get(em.url, `${SEARCH}&limit=2&page=1`, TOKEN)
    expect(first.headers.get('x-total-count')).toBe('3')
    const link = first.headers.get('link') ?? ''
    expect(link).toContain('page=2>; rel="next"')
    expect(link).toContain('page=2>; rel="last"')
    const next = /<([^>]+)>; rel="next"/.exec(link)?.[1] as string
    const second = await fetch(next, { headers: TOKEN })
    expect(second.headers.get('link')).toContain('page=1>; rel="first"')
    expect(second.headers.get('link')).not.toContain('rel="next"')
    const items = [...(first.body as unknown[]), ...((await second.json()) as unknown[])] as Array<{
      number: number
      repository: { full_name: string }
      pull_request: { merged: boolean; merged_at: string | null }
      html_url: string
    }>
    expect(items.map((i) => [i.repository.full_name, i.number, i.pull_request.merged])).toEqual([
      ['upstream/tool', 11, false],
      ['upstream/tool', 10, true],
      ['someone/private-notes', 1, true],
    ])
    expect(items[1]).toMatchObject({
      title: 'Fix the <b>parser</b>',
      html_url: `https://${HOST}/upstream/tool/pulls/10`,
      pull_request: { merged_at: '2025-08-05T09:00:00Z' },
    })
  })

  it('ignores created=true without a token, as Forgejo does; 401 for an unknown token, 403 without the scope', async () => {
    const em = await start(scenario())
    const anonymous = await get(em.url, SEARCH)
    expect(anonymous.status).toBe(200)
    // Everyone's public closed pulls: the private repository's are hidden, #12 is not the
    // caller's.
    expect((anonymous.body as Array<{ number: number }>).map((i) => i.number)).toEqual([11, 12, 10])
    const reposOnly = { authorization: 'token cb-repos-only' }
    expect(await get(em.url, SEARCH, reposOnly)).toMatchObject({
      status: 403,
      body: { message: 'token does not have at least one of required scope(s): [read:issue]' },
    })
    expect((await get(em.url, '/repos/someone/private-notes', reposOnly)).status).toBe(200)
    expect(await get(em.url, SEARCH, { authorization: 'token wrong' })).toMatchObject({
      status: 401,
      body: { message: 'user does not exist [uid: 0, name: ]', url: `https://${HOST}/api/swagger` },
    })
  })

  it('serves a repository and its closed pulls; a private or missing one is 404', async () => {
    const em = await start(scenario())
    expect(await get(em.url, '/repos/someone/dotfiles')).toMatchObject({
      status: 200,
      body: {
        full_name: 'someone/dotfiles',
        default_branch: 'main',
        private: false,
        html_url: `https://${HOST}/someone/dotfiles`,
      },
    })
    const pulls = await get(
      em.url,
      '/repos/upstream/tool/pulls?state=closed&sort=recentupdate&limit=50',
    )
    expect(
      (pulls.body as Array<{ number: number; merged: boolean }>).map((p) => [p.number, p.merged]),
    ).toEqual([
      [10, true],
      [12, true],
      [11, false],
    ])
    expect(pulls.headers.get('x-total-count')).toBe('3')
    expect(await get(em.url, '/repos/someone/private-notes')).toMatchObject(NOT_FOUND)
    expect(await get(em.url, '/repos/someone/private-notes/pulls')).toMatchObject(NOT_FOUND)
    expect((await get(em.url, '/repos/someone/private-notes', TOKEN)).status).toBe(200)
    expect(await get(em.url, '/repos/nobody/nothing')).toMatchObject(NOT_FOUND)
    expect(await get(em.url, '/no/such/route')).toMatchObject(NOT_FOUND)
  })

  it('pages commits since a date with X-HasMore, and the tree in its body', async () => {
    const em = await start(scenario())
    const path =
      '/repos/someone/dotfiles/commits?sha=main&since=2025-08-02T00:00:00Z&stat=false&verification=false&files=false'
    const one = await get(em.url, `${path}&limit=3&page=1`)
    expect(one.headers.get('x-hasmore')).toBe('true')
    expect(one.headers.get('x-total-count')).toBe('4')
    const two = await get(em.url, `${path}&limit=3&page=2`)
    expect(two.headers.get('x-hasmore')).toBe('false')
    const commits = [...(one.body as unknown[]), ...(two.body as unknown[])] as Array<{
      commit: { message: string; author: { date: string } }
      author: { login: string } | null
      html_url: string
    }>
    expect(commits.map((c) => c.commit.message)).toEqual([
      'nvim: part 5',
      'nvim: part 4',
      'nvim: part 3',
      'nvim: part 2',
    ])
    expect(commits[0]).toMatchObject({
      author: { login: 'someone' },
      commit: { author: { date: '2025-08-05T10:00:00+05:30' } },
    })
    const tree = await get(
      em.url,
      '/repos/someone/dotfiles/git/trees/main?recursive=true&page=1&per_page=3',
    )
    expect(tree.body).toMatchObject({ truncated: true, page: 1, total_count: 7 })
    const rest = await get(
      em.url,
      '/repos/someone/dotfiles/git/trees/main?recursive=true&page=3&per_page=3',
    )
    expect(rest.body).toMatchObject({
      truncated: false,
      page: 3,
      tree: [{ path: 'nvim/part5.lua' }],
    })
  })

  it('answers 429 with Retry-After when the rate limit is spent', async () => {
    const em = await start(scenario({ rateLimit: { limit: 2, windowSeconds: 30 } }))
    expect((await get(em.url, '/version', TOKEN)).status).toBe(200)
    expect((await get(em.url, '/version', TOKEN)).status).toBe(200)
    const limited = await get(em.url, '/version', TOKEN)
    expect(limited.status).toBe(429)
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0)
    expect(Number(limited.headers.get('retry-after'))).toBeLessThanOrEqual(30)
  })

  it('plays an outage, a 5xx fault, a slow answer and a dropped connection', async () => {
    const em = await start(
      scenario({
        latencyMs: 5,
        faults: [
          { path: '/repos/*/*/commits', status: 500, times: 2 },
          { path: '/repos/issues/search', drop: true },
        ],
      }),
    )
    const failing = await get(em.url, '/repos/someone/dotfiles/commits')
    expect(failing).toMatchObject({
      status: 500,
      body: { message: 'Internal Server Error', url: `https://${HOST}/api/swagger` },
    })
    expect((await get(em.url, '/repos/someone/dotfiles/commits')).status).toBe(500)
    expect((await get(em.url, '/repos/someone/dotfiles/commits')).status).toBe(200)
    await expect(get(em.url, SEARCH, TOKEN)).rejects.toThrow()
    expect((await get(em.url, SEARCH, TOKEN)).status).toBe(200)
    const down = await start(scenario({ outage: { status: 502 } }))
    expect(await get(down.url, '/version')).toMatchObject({
      status: 502,
      body: { message: 'Bad Gateway' },
    })
  })

  it('checks answers against the Forgejo description and catches a drifted one', async () => {
    const em = await start(scenario())
    const r = await get(em.url, '/repos/upstream/tool/pulls?state=closed')
    const sent = {
      method: 'GET',
      path: `/${HOST}/api/v1/repos/upstream/tool/pulls?state=closed`,
      status: 200,
      fault: false,
      forge: { kind: 'forgejo' as const, host: HOST },
    }
    expect(checkForgeResponse({ ...sent, body: r.body })).toEqual([])
    const invented = (r.body as object[]).map((p) => ({ ...p, merged_at_local: 'x' }))
    expect(checkForgeResponse({ ...sent, body: invented })).not.toEqual([])
    const wrongType = (r.body as object[]).map((p) => ({ ...p, merged: 'yes' }))
    expect(checkForgeResponse({ ...sent, body: wrongType })).not.toEqual([])
  })
})
