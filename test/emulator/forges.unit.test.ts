import { describe, expect, it } from 'vitest'
import { forgejo } from '../../src/emulator/forges/forgejo.js'
import { gitlab } from '../../src/emulator/forges/gitlab.js'
import { ForgeServer, Forges } from '../../src/emulator/forges/shared.js'
import {
  ForgeState,
  gitlabCommitTime,
  type ProjectRecord,
} from '../../src/emulator/forges/state.js'
import type { ScenarioForge } from '../../src/emulator/forges/types.js'
import { parseScenario } from '../../src/emulator/scenario.js'

/** The forges' state, steps and routes in-process: no server, no HTTP. */

const NOW = '2025-08-24T06:00:00Z'

function server(forge: Omit<ScenarioForge, 'host'>, clock?: () => number) {
  const f = { host: 'forge.example', ...forge } as ScenarioForge
  return new ForgeServer(new ForgeState(f, NOW), f.kind === 'gitlab' ? gitlab : forgejo, clock)
}

async function call(s: ForgeServer, path: string, headers: Record<string, string> = {}) {
  const prefix = s.kind.apiPrefix
  const answer = await s.handle(
    'GET',
    new URL(`http://127.0.0.1:1/forge.example${prefix}${path}`),
    headers,
  )
  if ('drop' in answer) throw new Error('dropped')
  return answer
}

const project = {
  path: 'team/app',
  commits: [
    { author: 'someone', date: '2025-08-02T10:00:00Z', message: 'two', paths: ['src/b.ts'] },
    { author: 'someone', date: '2025-08-01T10:00:00Z', message: 'one', paths: ['src/a.ts'] },
  ],
  pulls: [
    {
      number: 1,
      author: 'someone',
      title: 'B title',
      createdAt: '2025-08-01T00:00:00Z',
      mergedAt: '2025-08-03T00:00:00Z',
    },
    {
      number: 2,
      author: 'someone',
      title: 'A title',
      createdAt: '2025-08-02T00:00:00Z',
      closedAt: '2025-08-04T00:00:00Z',
    },
  ],
}

describe('the scenario', () => {
  it('names a wrong forge field by its path', () => {
    const base = { now: NOW, tokens: { t: { login: 'a' } }, repos: [] }
    expect(() => parseScenario({ ...base, forges: [{ kind: 'gitea', host: 'x.org' }] })).toThrow(
      'scenario.forges[0].kind: expected one of gitlab, forgejo, got "gitea"',
    )
    expect(() =>
      parseScenario({
        ...base,
        forges: [
          { kind: 'gitlab', host: 'x.org', projects: [{ path: 'a/b', pulls: [{ number: 1 }] }] },
        ],
      }),
    ).toThrow('scenario.forges[0].projects[0].pulls[0].author: expected a value (required)')
    expect(() =>
      parseScenario({ ...base, forges: [{ kind: 'gitlab', host: 'https://x.org' }] }),
    ).toThrow('scenario.forges[0].host: expected a host name such as gitlab.gnome.org')
  })
})

describe('a forge state', () => {
  it('chains commits newest first, derives the tree, the states and updated_at', () => {
    const s = new ForgeState({ kind: 'gitlab', host: 'h.org', projects: [project] }, NOW)
    const p = s.project('TEAM/APP')
    expect(p?.commits.map((c) => c.message)).toEqual(['two', 'one'])
    expect(p?.commits[0]?.parents).toEqual([p?.commits[1]?.sha])
    expect(p?.tree.map((e) => `${e.type} ${e.path}`)).toEqual([
      'tree src',
      'blob src/a.ts',
      'blob src/b.ts',
    ])
    expect(p?.pulls.map((x) => [x.state, x.updatedAt])).toEqual([
      ['merged', '2025-08-03T00:00:00Z'],
      ['closed', '2025-08-04T00:00:00Z'],
    ])
    expect(s.project(String(p?.id))).toBe(p)
    // The same scenario makes the same shas.
    const again = new ForgeState({ kind: 'gitlab', host: 'h.org', projects: [project] }, NOW)
    expect(again.project('team/app')?.commits[0]?.sha).toBe(p?.commits[0]?.sha)
  })

  it('lets the namespace user and members see a private project, anyone signed in an internal one', () => {
    const s = new ForgeState(
      {
        kind: 'gitlab',
        host: 'h.org',
        users: [{ login: 'owner' }],
        projects: [
          { path: 'owner/p', visibility: 'private', members: ['Friend'] },
          { path: 'group/i', visibility: 'internal' },
        ],
      },
      NOW,
    )
    const [priv, internal] = s.projects as [ProjectRecord, ProjectRecord]
    expect([undefined, 'owner', 'friend', 'stranger'].map((l) => s.canSee(priv, l))).toEqual([
      false,
      true,
      true,
      false,
    ])
    expect([undefined, 'stranger'].map((l) => s.canSee(internal, l))).toEqual([false, true])
  })

  it('writes commit dates as GitLab does, keeping their offset', () => {
    expect(gitlabCommitTime('2025-08-16T11:01:38+05:30')).toBe('2025-08-16T11:01:38.000+05:30')
    expect(gitlabCommitTime('2025-08-16T11:01:38Z')).toBe('2025-08-16T11:01:38.000Z')
  })
})

describe('a forge server', () => {
  it('finds a forge by the first path segment only', () => {
    const s = server({ kind: 'gitlab' })
    const forges = new Forges([s])
    expect(forges.serverFor('/forge.example/api/v4/projects')).toBe(s)
    expect(forges.serverFor('/FORGE.EXAMPLE/api/v4')).toBe(s)
    expect(forges.serverFor('/repos/forge.example/x')).toBeUndefined()
    expect(forges.serverFor('/')).toBeUndefined()
  })

  it("answers a path beside the API root with the forge's 404", async () => {
    const gitlabV1 = await server({ kind: 'gitlab' }).handle(
      'GET',
      new URL('http://127.0.0.1:1/forge.example/api/v1/version'),
      {},
    )
    expect(gitlabV1).toMatchObject({ status: 404, body: { error: '404 Not Found' } })
    const wrongRoot = await server({ kind: 'forgejo' }).handle(
      'GET',
      new URL('http://127.0.0.1:1/forge.example/api/v4/version'),
      {},
    )
    expect(wrongRoot).toMatchObject({
      status: 404,
      body: { message: "The target couldn't be found." },
    })
  })

  it('starts a fresh rate-limit window once the reset has passed', async () => {
    let now = 1_000
    const s = server(
      {
        kind: 'gitlab',
        tokens: { t: { login: 'a' } },
        rateLimit: { limit: 2, remaining: 1, windowSeconds: 10 },
      },
      () => now,
    )
    const t = { 'private-token': 't' }
    const first = await call(s, '/projects/x', t)
    expect(first.status).toBe(404)
    expect(first).toMatchObject({
      headers: { 'ratelimit-remaining': '0', 'ratelimit-observed': '2', 'ratelimit-reset': '1010' },
    })
    now = 1_005
    expect(await call(s, '/projects/x', t)).toMatchObject({
      status: 429,
      headers: { 'retry-after': '5', 'ratelimit-remaining': '0' },
    })
    now = 1_010
    expect(await call(s, '/projects/x', t)).toMatchObject({
      status: 404,
      headers: { 'ratelimit-remaining': '1', 'ratelimit-observed': '1', 'ratelimit-reset': '1020' },
    })
  })

  it('reads GitLab tokens from PRIVATE-TOKEN, Bearer or private_token', async () => {
    const s = server({
      kind: 'gitlab',
      tokens: { t: { login: 'a' } },
      projects: [{ path: 'a/p', visibility: 'private' }],
    })
    const ways: Array<Record<string, string>> = [
      { 'private-token': 't' },
      { authorization: 'Bearer t' },
    ]
    for (const headers of ways) expect((await call(s, '/projects/a%2Fp', headers)).status).toBe(200)
    expect((await call(s, '/projects/a%2Fp?private_token=t')).status).toBe(200)
    expect((await call(s, '/projects/a%2Fp')).status).toBe(404)
  })

  it('orders and filters GitLab merge requests, and rejects bad parameters and page tokens', async () => {
    const s = server({ kind: 'gitlab', projects: [project] })
    const iids = async (q: string) =>
      (
        (await call(s, `/projects/team%2Fapp/merge_requests?${q}`)).body as Array<{ iid: number }>
      ).map((m) => m.iid)
    expect(await iids('order_by=title&sort=asc')).toEqual([2, 1])
    expect(await iids('order_by=merged_at&sort=desc')).toEqual([1, 2])
    expect(await iids('state=closed')).toEqual([2])
    expect(await iids('created_before=2025-08-01T12:00:00Z')).toEqual([1])
    for (const q of ['order_by=size', 'sort=up', 'scope=mine', 'updated_after=yesterday'])
      expect((await call(s, `/projects/team%2Fapp/merge_requests?${q}`)).status).toBe(400)
    const tree = '/projects/team%2Fapp/repository/tree?recursive=true&pagination=keyset'
    expect((await call(s, `${tree}&page_token=nope`)).status).toBe(400)
    expect((await call(s, '/projects/team%2Fapp/repository/tree?path=src')).body).toHaveLength(2)
    expect((await call(s, '/projects/team%2Fapp/repository/tree?path=lib')).status).toBe(404)
    expect((await call(s, '/projects/team%2Fapp/repository/commits?ref_name=other')).body).toEqual(
      [],
    )
    expect(
      (await call(s, '/projects/team%2Fapp/repository/commits?until=2025-08-01T12:00:00Z')).body,
    ).toHaveLength(1)
  })

  it('sorts and filters Forgejo pulls and searches, and answers its errors', async () => {
    const s = server({ kind: 'forgejo', projects: [project, { path: 'empty/repo' }] })
    const numbers = async (path: string) =>
      ((await call(s, path)).body as Array<{ number: number }>).map((p) => p.number)
    expect(await numbers('/repos/team/app/pulls?state=all&sort=oldest')).toEqual([1, 2])
    expect(await numbers('/repos/team/app/pulls?state=all&sort=newest')).toEqual([2, 1])
    expect(await numbers('/repos/team/app/pulls')).toEqual([])
    expect(await numbers('/repos/issues/search?state=all&owner=team')).toEqual([2, 1])
    expect(await numbers('/repos/issues/search?state=all&owner=other')).toEqual([])
    expect(await numbers('/repos/issues/search?state=all&type=issues')).toEqual([])
    expect(await numbers('/repos/issues/search?state=all&before=2025-08-03T12:00:00Z')).toEqual([1])
    expect((await call(s, '/repos/issues/search?since=never')).status).toBe(422)
    expect(await call(s, '/repos/empty/repo/commits')).toMatchObject({
      status: 409,
      body: { message: 'Git Repository is empty.' },
    })
    expect((await call(s, '/repos/team/app/commits?sha=nope')).status).toBe(404)
    expect((await call(s, '/repos/team/app/git/trees/nope')).status).toBe(400)
    const tree = (await call(s, '/repos/team/app/git/trees/main')).body as { tree: unknown[] }
    expect(tree.tree).toHaveLength(1)
  })

  it('answers an outage 503 by default, and a 429 fault with the forge’s own body', async () => {
    expect(await call(server({ kind: 'forgejo', outage: {} }), '/version')).toMatchObject({
      status: 503,
      fault: true,
    })
    expect(
      await call(server({ kind: 'gitlab', outage: { status: 429 } }), '/version'),
    ).toMatchObject({
      status: 429,
      body: 'Retry later\n',
    })
    const s = server({
      kind: 'forgejo',
      faults: [{ path: '/version', status: 429, body: { custom: true } }],
    })
    expect(await call(s, '/version')).toMatchObject({
      status: 429,
      body: { custom: true },
      fault: true,
    })
    const teapot = server({ kind: 'gitlab', faults: [{ path: '/**', status: 418 }] })
    expect(await call(teapot, '/version')).toMatchObject({
      status: 418,
      body: { message: '418 Error' },
    })
  })
})
