import { describe, expect, it } from 'vitest'
import type { Scenario } from '../../src/emulator/index.js'
import type { ScenarioForge } from '../../src/emulator/forges/types.js'
import { emulatorPerTest } from '../support/emulator-per-test.js'
import { checkForgeResponse } from './forge-validator.js'

/** GitLab v4 as the emulator serves it, driven over HTTP with plain fetch; every answer is also
 * checked against GitLab's types by the suite's setup file (check-every-answer.ts). */

const start = emulatorPerTest()
const HOST = 'gitlab.example.org'
const TOKEN = { 'private-token': 'gl-someone' }

function scenario(forge: Partial<ScenarioForge> = {}): Scenario {
  return {
    now: '2025-08-24T06:00:00Z',
    tokens: { t: { login: 'someone' } },
    repos: [],
    forges: [
      {
        kind: 'gitlab',
        host: HOST,
        tokens: {
          'gl-someone': { login: 'someone' },
          'gl-other': { login: 'other' },
          'gl-profile-only': { login: 'someone', scopes: ['read_user'] },
        },
        projects: [
          {
            path: 'group/sub/app',
            pulls: [1, 2, 3, 4, 5].map((n) => ({
              number: n,
              author: 'someone',
              title: `Change ${n}`,
              createdAt: `2025-08-0${n}T09:00:00Z`,
              mergedAt: `2025-08-1${n}T09:00:00Z`,
            })),
            commits: [
              { author: 'someone', date: '2025-06-01T10:00:00Z', message: 'old', paths: ['a.txt'] },
              {
                author: 'someone',
                date: '2025-08-02T10:00:00+02:00',
                message: 'ch1: start\n\nBody.',
                paths: ['ch1/main.go'],
              },
              {
                author: 'someone',
                date: '2025-08-03T10:00:00Z',
                message: 'ch2',
                paths: ['ch2/x.go'],
              },
            ],
          },
          {
            path: 'someone/secret',
            visibility: 'private',
            pulls: [
              {
                number: 1,
                author: 'someone',
                title: 'Hidden',
                createdAt: '2025-08-01T09:00:00Z',
                mergedAt: '2025-08-02T09:00:00Z',
              },
            ],
          },
          {
            path: 'other/lib',
            pulls: [
              {
                number: 7,
                author: 'other',
                title: 'Not mine',
                createdAt: '2025-08-01T09:00:00Z',
                mergedAt: '2025-08-02T09:00:00Z',
              },
              { number: 8, author: 'someone', title: 'Open', createdAt: '2025-08-03T09:00:00Z' },
            ],
          },
        ],
        ...forge,
      },
    ],
  }
}

async function get(base: string, path: string, headers: Record<string, string> = {}) {
  const res = await fetch(`${base}/${HOST}/api/v4${path}`, { headers })
  const text = await res.text()
  const type = res.headers.get('content-type') ?? ''
  return {
    status: res.status,
    headers: res.headers,
    body: (type.startsWith('application/json') ? JSON.parse(text) : text) as unknown,
  }
}

const MERGED =
  '/merge_requests?scope=all&state=merged&author_username=someone&updated_after=2025-08-01T00:00:00Z&order_by=updated_at&sort=desc'

describe('GitLab v4 in the emulator', () => {
  it('pages merge requests with x-* headers and a Link header until x-next-page is empty', async () => {
    const em = await start(scenario())
    const iids: number[] = []
    let url = `${em.url}/${HOST}/api/v4${MERGED}&per_page=2`
    const seen: Array<Record<string, string | null>> = []
    for (;;) {
      const res = await fetch(url, { headers: TOKEN })
      const page = (await res.json()) as Array<{ iid: number; references: { full: string } }>
      iids.push(...page.map((mr) => mr.iid))
      const h = (k: string) => res.headers.get(k)
      seen.push({ page: h('x-page'), next: h('x-next-page'), prev: h('x-prev-page') })
      expect(h('x-per-page')).toBe('2')
      expect(h('x-total')).toBe('6')
      expect(h('x-total-pages')).toBe('3')
      expect(h('link')).toContain('rel="first"')
      expect(h('link')).toContain('rel="last"')
      const next = /<([^>]+)>; rel="next"/.exec(h('link') ?? '')?.[1]
      if (!h('x-next-page')) {
        expect(next).toBeUndefined()
        break
      }
      url = next as string
    }
    expect(seen).toEqual([
      { page: '1', next: '2', prev: '' },
      { page: '2', next: '3', prev: '1' },
      { page: '3', next: '', prev: '2' },
    ])
    // Newest update first; the private project's MR is the token owner's own.
    expect(iids).toEqual([5, 4, 3, 2, 1, 1])
  })

  it('answers 401 without a token or with an unknown one, 403 without the read_api scope', async () => {
    const em = await start(scenario())
    expect(await get(em.url, MERGED)).toMatchObject({
      status: 401,
      body: { message: '401 Unauthorized' },
    })
    const bad = await get(em.url, '/projects/group%2Fsub%2Fapp', { 'private-token': 'nope' })
    expect(bad).toMatchObject({ status: 401, body: { message: '401 Unauthorized' } })
    const narrow = await get(em.url, MERGED, { 'private-token': 'gl-profile-only' })
    expect(narrow).toMatchObject({
      status: 403,
      body: { error: 'insufficient_scope', scope: 'api read_api' },
    })
  })

  it('serves a public project without a token and hides a private one as 404', async () => {
    const em = await start(scenario())
    const project = await get(em.url, '/projects/group%2Fsub%2Fapp')
    expect(project.status).toBe(200)
    expect(project.body).toMatchObject({
      path_with_namespace: 'group/sub/app',
      default_branch: 'main',
      visibility: 'public',
      web_url: `https://${HOST}/group/sub/app`,
    })
    const byId = await get(em.url, `/projects/${(project.body as { id: number }).id}`)
    expect(byId.body).toEqual(project.body)
    const notFound = { status: 404, body: { message: '404 Project Not Found' } }
    expect(await get(em.url, '/projects/someone%2Fsecret')).toMatchObject(notFound)
    expect(await get(em.url, '/projects/someone%2Fsecret/merge_requests')).toMatchObject(notFound)
    expect(
      await get(em.url, '/projects/someone%2Fsecret', { 'private-token': 'gl-other' }),
    ).toMatchObject(notFound)
    expect((await get(em.url, '/projects/someone%2Fsecret', TOKEN)).status).toBe(200)
    expect(await get(em.url, '/projects/nobody%2Fnothing')).toMatchObject(notFound)
    expect(await get(em.url, '/nothing/here')).toMatchObject({
      status: 404,
      body: { error: '404 Not Found' },
    })
  })

  it('filters merge requests as GitLab does: state, author, updated_after, scope', async () => {
    const em = await start(scenario())
    const project = await get(
      em.url,
      '/projects/other%2Flib/merge_requests?state=merged&author_username=someone&updated_after=2025-08-01T00:00:00Z',
    )
    expect(project.body).toEqual([])
    const all = await get(em.url, '/projects/other%2Flib/merge_requests')
    expect((all.body as Array<{ state: string }>).map((m) => m.state)).toEqual(['opened', 'merged'])
    const mine = await get(em.url, '/merge_requests?state=opened', TOKEN)
    expect(mine.body).toMatchObject([
      {
        iid: 8,
        references: { full: 'other/lib!8' },
        web_url: `https://${HOST}/other/lib/-/merge_requests/8`,
      },
    ])
    const late = await get(em.url, MERGED.replace('2025-08-01', '2025-08-15'), TOKEN)
    expect((late.body as Array<{ iid: number }>).map((m) => m.iid)).toEqual([5])
    expect(await get(em.url, '/merge_requests?state=bogus', TOKEN)).toMatchObject({
      status: 400,
      body: { error: 'state does not have a valid value' },
    })
  })

  it('lists commits since a date and the tree, offset or keyset paged', async () => {
    const em = await start(scenario())
    const commits = await get(
      em.url,
      '/projects/group%2Fsub%2Fapp/repository/commits?ref_name=main&since=2025-07-01T00:00:00Z&per_page=100',
    )
    expect(commits.body).toMatchObject([
      { title: 'ch2', committed_date: '2025-08-03T10:00:00.000Z' },
      {
        title: 'ch1: start',
        message: 'ch1: start\n\nBody.',
        authored_date: '2025-08-02T10:00:00.000+02:00',
      },
    ])
    const tree = await get(
      em.url,
      '/projects/group%2Fsub%2Fapp/repository/tree?recursive=true&ref=main&per_page=100',
    )
    const paths = (tree.body as Array<{ path: string }>).map((e) => e.path)
    expect(paths).toEqual(['a.txt', 'ch1', 'ch1/main.go', 'ch2', 'ch2/x.go'])
    const keyset: string[] = []
    let url: string | undefined =
      `${em.url}/${HOST}/api/v4/projects/group%2Fsub%2Fapp/repository/tree?recursive=true&ref=main&per_page=2&pagination=keyset`
    while (url) {
      const res: Response = await fetch(url)
      keyset.push(...((await res.json()) as Array<{ path: string }>).map((e) => e.path))
      url = /<([^>]+)>; rel="next"/.exec(res.headers.get('link') ?? '')?.[1]
    }
    expect(keyset).toEqual(paths)
    expect(await get(em.url, '/projects/group%2Fsub%2Fapp/repository/tree?ref=nope')).toMatchObject(
      { status: 404, body: { message: '404 Tree Not Found' } },
    )
  })

  it('counts RateLimit-Remaining down and answers 429 Retry later with Retry-After', async () => {
    const em = await start(scenario({ rateLimit: { limit: 3, windowSeconds: 60 } }))
    const remaining: Array<string | null> = []
    for (let i = 0; i < 3; i++) {
      const r = await get(em.url, '/projects/group%2Fsub%2Fapp', TOKEN)
      expect(r.status).toBe(200)
      expect(r.headers.get('ratelimit-limit')).toBe('3')
      remaining.push(r.headers.get('ratelimit-remaining'))
    }
    expect(remaining).toEqual(['2', '1', '0'])
    const limited = await get(em.url, '/projects/group%2Fsub%2Fapp', TOKEN)
    expect(limited.status).toBe(429)
    expect(limited.body).toBe('Retry later\n')
    expect(limited.headers.get('content-type')).toMatch(/^text\/plain/)
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0)
    expect(limited.headers.get('ratelimit-remaining')).toBe('0')
    // Anonymous requests have their own bucket.
    expect((await get(em.url, '/projects/group%2Fsub%2Fapp')).status).toBe(200)
  })

  it('plays faults: 429 with Retry-After, 5xx, a slow answer, a dropped connection, an outage', async () => {
    const em = await start(
      scenario({
        faults: [
          { path: '/merge_requests', status: 429, retryAfter: 7 },
          { path: '/projects/*', status: 502 },
          { path: '/projects/*/repository/commits', latencyMs: 20 },
          { path: '/projects/*/repository/tree', drop: true },
        ],
      }),
    )
    const limited = await get(em.url, MERGED, TOKEN)
    expect(limited).toMatchObject({ status: 429, body: 'Retry later\n' })
    expect(limited.headers.get('retry-after')).toBe('7')
    expect((await get(em.url, MERGED, TOKEN)).status).toBe(200)
    expect(await get(em.url, '/projects/group%2Fsub%2Fapp')).toMatchObject({
      status: 502,
      body: { message: '502 Bad Gateway' },
    })
    expect((await get(em.url, '/projects/group%2Fsub%2Fapp/repository/commits')).status).toBe(200)
    await expect(get(em.url, '/projects/group%2Fsub%2Fapp/repository/tree')).rejects.toThrow()
    expect(em.requests.map((r) => r.status)).toEqual([429, 200, 502, 200, 0])

    em.addForgeFault(HOST, { path: '/projects/*/merge_requests', status: 500, after: 1 })
    const project = '/projects/group%2Fsub%2Fapp/merge_requests'
    expect([(await get(em.url, project)).status, (await get(em.url, project)).status]).toEqual([
      200, 500,
    ])
    expect(() => em.addForgeFault('nowhere.example', { path: '/**' })).toThrow('no forge')

    const down = await start(scenario({ outage: {} }))
    expect(await get(down.url, MERGED, TOKEN)).toMatchObject({
      status: 503,
      body: { message: '503 Service Unavailable' },
    })
    const dropped = await start(scenario({ outage: { drop: true } }))
    await expect(get(dropped.url, MERGED, TOKEN)).rejects.toThrow()
  })

  it('checks answers against GitLab types and catches a drifted one', async () => {
    const em = await start(scenario())
    const r = await get(em.url, MERGED, TOKEN)
    const sent = { method: 'GET', path: `/${HOST}/api/v4${MERGED}`, status: 200, fault: false }
    const forge = { kind: 'gitlab' as const, host: HOST }
    expect(checkForgeResponse({ ...sent, body: r.body, forge })).toEqual([])
    const drifted = (r.body as Array<Record<string, unknown>>).map(({ references: _, ...mr }) => ({
      ...mr,
      iid: String(mr.iid),
    }))
    expect(checkForgeResponse({ ...sent, body: drifted, forge }).length).toBeGreaterThan(0)
    expect(checkForgeResponse({ ...sent, status: 404, body: { msg: 'x' }, forge })).not.toEqual([])
  })
})
