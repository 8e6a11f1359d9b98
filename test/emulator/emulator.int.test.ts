import { quietLog } from '../support/quiet-log.js'
import { readFileSync } from 'node:fs'
import { Octokit } from '@octokit/rest'
import { afterEach, describe, expect, it } from 'vitest'
import { NowPageError } from '../../src/errors.js'
import {
  parseScenario,
  startEmulator,
  type Emulator,
  type Scenario,
} from '../../src/emulator/index.js'

const NOW = '2025-08-24T06:00:00Z'
let running: Emulator | undefined
afterEach(async () => {
  await running?.close()
  running = undefined
})

function base(extra: Partial<Scenario> = {}): Scenario {
  return {
    now: NOW,
    tokens: {
      'test-token': { login: 'someone' },
      'read-only': { login: 'someone', permissions: { contents: 'read', pull_requests: 'read' } },
    },
    repos: [
      { fullName: 'someone/site', files: { 'content/now.md': '# Now\n', 'a/b/c.txt': 'deep\n' } },
    ],
    ...extra,
  }
}

async function start(s: Scenario) {
  running = await startEmulator(parseScenario(s))
  return {
    em: running,
    octokit: new Octokit({
      baseUrl: running.url,
      auth: 'test-token',
      log: quietLog,
      request: { retries: 0 },
    }),
  }
}

function manyPulls(n: number) {
  return Array.from({ length: n }, (_, i) => ({
    number: i + 1,
    author: 'someone',
    title: `change ${i + 1}`,
    state: 'closed' as const,
    createdAt: new Date(Date.parse('2025-01-01T00:00:00Z') + i * 3_600_000).toISOString(),
    mergedAt: new Date(Date.parse('2025-01-01T00:30:00Z') + i * 3_600_000).toISOString(),
  }))
}

describe('the emulator over HTTP with Octokit', () => {
  it('pages search results with Link headers; paginate gets them all', async () => {
    const { octokit } = await start(
      base({
        repos: [{ fullName: 'big/project', ownerType: 'Organization', pulls: manyPulls(250) }],
      }),
    )
    const first = await octokit.rest.search.issuesAndPullRequests({
      q: 'is:pr author:someone',
      per_page: 100,
    })
    expect(first.data.total_count).toBe(250)
    expect(first.headers.link).toMatch(/page=2>; rel="next", <.*page=3>; rel="last"/)
    const all = await octokit.paginate(octokit.rest.search.issuesAndPullRequests, {
      q: 'is:pr author:someone',
      per_page: 100,
    })
    expect(all).toHaveLength(250)
    expect(new Set(all.map((i) => i.number)).size).toBe(250)
  })

  it('caps search at 1000 results like GitHub', async () => {
    const { octokit } = await start(
      base({
        repos: [{ fullName: 'big/project', ownerType: 'Organization', pulls: manyPulls(1200) }],
      }),
    )
    const page10 = await octokit.rest.search.issuesAndPullRequests({
      q: 'is:pr is:merged',
      per_page: 100,
      page: 10,
    })
    expect(page10.data.total_count).toBe(1200)
    expect(page10.data.items).toHaveLength(100)
    expect(page10.headers.link ?? '').not.toContain('rel="next"')
    await expect(
      octokit.rest.search.issuesAndPullRequests({ q: 'is:pr', per_page: 100, page: 11 }),
    ).rejects.toMatchObject({
      status: 422,
      message: expect.stringContaining('Only the first 1000 search results are available'),
    })
  })

  it('reads merged: ranges inclusively, and the other qualifiers', async () => {
    const pulls = [
      {
        number: 1,
        author: 'someone',
        title: 'a',
        state: 'closed' as const,
        createdAt: '2025-07-01T00:00:00Z',
        mergedAt: '2025-08-01T00:00:00Z',
      },
      {
        number: 2,
        author: 'someone',
        title: 'b',
        state: 'closed' as const,
        createdAt: '2025-07-01T00:00:00Z',
        mergedAt: '2025-08-10T23:59:59Z',
      },
      {
        number: 3,
        author: 'someone',
        title: 'c',
        state: 'closed' as const,
        createdAt: '2025-07-01T00:00:00Z',
        mergedAt: '2025-08-11T00:00:00Z',
      },
      {
        number: 4,
        author: 'someone',
        title: 'd',
        state: 'closed' as const,
        createdAt: '2025-07-01T00:00:00Z',
        closedAt: '2025-08-05T00:00:00Z',
      },
      {
        number: 5,
        author: 'other',
        title: 'e',
        state: 'closed' as const,
        createdAt: '2025-07-01T00:00:00Z',
        mergedAt: '2025-08-05T00:00:00Z',
      },
    ]
    const { octokit } = await start(
      base({
        repos: [
          { fullName: 'up/stream', ownerType: 'Organization', pulls },
          { fullName: 'someone/own', pulls: [{ ...pulls[0]!, number: 9 }] },
        ],
      }),
    )
    const q = async (query: string) =>
      (await octokit.rest.search.issuesAndPullRequests({ q: query })).data.items
        .map((i) => i.number)
        .sort()
    expect(await q('is:pr is:merged author:someone merged:2025-08-01..2025-08-10')).toEqual([
      1, 2, 9,
    ])
    expect(
      await q('is:pr is:merged author:someone merged:2025-08-01..2025-08-10 -user:someone'),
    ).toEqual([1, 2])
    expect(await q('is:pr is:merged author:someone merged:>=2025-08-11')).toEqual([3])
    expect(
      await q('is:pr is:merged author:someone merged:<2025-08-01T00:00:01Z -org:someone'),
    ).toEqual([1])
    expect(await q('is:pr author:someone repo:up/stream -is:merged')).toEqual([4])
    const item = (
      await octokit.rest.search.issuesAndPullRequests({ q: 'repo:up/stream author:other' })
    ).data.items[0]
    expect(item?.pull_request?.merged_at).toBe('2025-08-05T00:00:00Z')
    expect(item?.repository_url).toMatch(/\/repos\/up\/stream$/)
  })

  it('answers 401 without a known token and 403 without the permission', async () => {
    const { em } = await start(base())
    await expect(
      new Octokit({ baseUrl: em.url, auth: 'nope', log: quietLog }).rest.repos.get({
        owner: 'someone',
        repo: 'site',
      }),
    ).rejects.toMatchObject({
      status: 401,
      message: expect.stringContaining('Bad credentials'),
    })
    const ro = new Octokit({ baseUrl: em.url, auth: 'read-only', log: quietLog })
    expect((await ro.rest.repos.get({ owner: 'someone', repo: 'site' })).status).toBe(200)
    await expect(
      ro.rest.git.createBlob({ owner: 'someone', repo: 'site', content: 'x' }),
    ).rejects.toMatchObject({
      status: 403,
      message: expect.stringContaining('Resource not accessible by integration'),
    })
    await expect(
      ro.rest.pulls.create({ owner: 'someone', repo: 'site', head: 'x', base: 'main', title: 't' }),
    ).rejects.toMatchObject({ status: 403 })
  })

  it('sends rate-limit headers and refuses when the limit is used up', async () => {
    const { em, octokit } = await start(
      base({ tokens: { 'test-token': { login: 'someone', rateLimitRemaining: 2 } } }),
    )
    const r = await octokit.rest.repos.get({ owner: 'someone', repo: 'site' })
    expect(r.headers['x-ratelimit-remaining']).toBe('1')
    expect(r.headers['x-ratelimit-limit']).toBe('5000')
    await octokit.rest.repos.get({ owner: 'someone', repo: 'site' })
    await expect(octokit.rest.repos.get({ owner: 'someone', repo: 'site' })).rejects.toMatchObject({
      status: 403,
      response: { headers: { 'x-ratelimit-remaining': '0' } },
    })
    expect(em.requests.map((x) => x.status)).toEqual([200, 200, 403])
  })

  it('counts searches in their own bucket, 30 a minute, and /rate_limit agrees', async () => {
    const { em, octokit } = await start(base())
    const first = await octokit.rest.search.issuesAndPullRequests({ q: 'is:pr' })
    expect(first.headers).toMatchObject({
      'x-ratelimit-resource': 'search',
      'x-ratelimit-limit': '30',
      'x-ratelimit-remaining': '29',
      'x-ratelimit-used': '1',
    })
    const core = await octokit.rest.repos.get({ owner: 'someone', repo: 'site' })
    expect(core.headers).toMatchObject({
      'x-ratelimit-resource': 'core',
      'x-ratelimit-limit': '5000',
      'x-ratelimit-remaining': '4999',
    })
    for (let i = 0; i < 29; i++) await octokit.rest.search.issuesAndPullRequests({ q: 'is:pr' })
    const spent = await octokit.rest.search
      .issuesAndPullRequests({ q: 'is:pr' })
      .catch((e: { status: number; message: string; response: { headers: object } }) => e)
    expect(spent).toMatchObject({
      status: 403,
      message: expect.stringMatching(/^API rate limit exceeded for user ID \d+\./),
      response: {
        headers: { 'x-ratelimit-resource': 'search', 'x-ratelimit-remaining': '0' },
      },
    })
    const { data, headers } = await octokit.rest.rateLimit.get()
    expect(data.resources.search).toMatchObject({ limit: 30, remaining: 0, used: 30 })
    expect(data.resources.core).toMatchObject({ limit: 5000, remaining: 4999, used: 1 })
    // The same clock: the reset the headers announced is the one /rate_limit reports.
    const searchReset = (spent as { response: { headers: Record<string, string> } }).response
      .headers['x-ratelimit-reset']
    expect(String(data.resources.search.reset)).toBe(searchReset)
    expect(String(data.rate.reset)).toBe(core.headers['x-ratelimit-reset'])
    // GET /rate_limit itself is free, as on GitHub.
    expect(headers['x-ratelimit-remaining']).toBe('4999')
    expect(em.requests.filter((r) => r.status === 403)).toHaveLength(1)
  })

  it('answers an exhausted limit with 429 when the scenario says so, and refills after reset', async () => {
    const past = Math.floor(Date.now() / 1000) - 1
    const { octokit } = await start(
      base({
        tokens: {
          'test-token': { login: 'someone', searchRateLimitRemaining: 0, rateLimitStatus: 429 },
          refilled: { login: 'someone', searchRateLimitRemaining: 0, searchRateLimitReset: past },
        },
      }),
    )
    await expect(octokit.rest.search.issuesAndPullRequests({ q: 'is:pr' })).rejects.toMatchObject({
      status: 429,
    })
    const refilled = new Octokit({ baseUrl: running!.url, auth: 'refilled', log: quietLog })
    const r = await refilled.rest.search.issuesAndPullRequests({ q: 'is:pr' })
    expect(r.headers['x-ratelimit-remaining']).toBe('29')
  })

  it('injects faults: once, on the Nth call, secondary limits, dropped connections', async () => {
    const { em, octokit } = await start(
      base({
        faults: [
          { method: 'GET', path: '/repos/*/*', status: 502, times: 1 },
          { path: '/repos/someone/site/languages', status: 403, retryAfter: 7, after: 1 },
          { path: '/user', drop: true },
        ],
      }),
    )
    await expect(octokit.rest.repos.get({ owner: 'someone', repo: 'site' })).rejects.toMatchObject({
      status: 502,
    })
    expect((await octokit.rest.repos.get({ owner: 'someone', repo: 'site' })).status).toBe(200)
    expect(
      (await octokit.rest.repos.listLanguages({ owner: 'someone', repo: 'site' })).status,
    ).toBe(200)
    await expect(
      octokit.rest.repos.listLanguages({ owner: 'someone', repo: 'site' }),
    ).rejects.toMatchObject({
      status: 403,
      response: { headers: { 'retry-after': '7' } },
      message: expect.stringContaining('secondary rate limit'),
    })
    await expect(octokit.rest.users.getAuthenticated()).rejects.toThrow()
    expect((await octokit.rest.users.getAuthenticated()).data.login).toBe('someone')
    em.addFault({ method: 'GET', path: '/rate_limit', status: 503 })
    await expect(octokit.rest.rateLimit.get()).rejects.toMatchObject({ status: 503 })
  })

  it('writes through the Git Data API and enforces fast-forward rules', async () => {
    const { em, octokit } = await start(base())
    const o = { owner: 'someone', repo: 'site' }
    const { data: main } = await octokit.rest.git.getRef({ ...o, ref: 'heads/main' })
    const { data: parent } = await octokit.rest.git.getCommit({ ...o, commit_sha: main.object.sha })
    const { data: blob } = await octokit.rest.git.createBlob({
      ...o,
      content: Buffer.from('# Later\n').toString('base64'),
      encoding: 'base64',
    })
    // The id git itself gives that content (git hash-object).
    expect(blob.sha).toBe('d7070261de4cc5a6f9856204e34e85cc69282892')
    const { data: tree } = await octokit.rest.git.createTree({
      ...o,
      base_tree: parent.tree.sha,
      tree: [{ path: 'content/now.md', mode: '100644', type: 'blob', sha: blob.sha }],
    })
    const { data: commit } = await octokit.rest.git.createCommit({
      ...o,
      tree: tree.sha,
      parents: [parent.sha],
      message: 'edit',
    })
    expect(commit.verification?.verified).toBe(true)
    await octokit.rest.git.createRef({ ...o, ref: 'refs/heads/topic', sha: commit.sha })
    await expect(
      octokit.rest.git.createRef({ ...o, ref: 'refs/heads/topic', sha: commit.sha }),
    ).rejects.toMatchObject({
      status: 422,
      message: expect.stringContaining('Reference already exists'),
    })
    const { data: content } = await octokit.rest.repos.getContent({
      ...o,
      path: 'content/now.md',
      ref: 'topic',
    })
    expect(Buffer.from((content as { content: string }).content, 'base64').toString()).toBe(
      '# Later\n',
    )
    expect(em.readFile('someone/site', 'a/b/c.txt', 'topic')).toBe('deep\n')
    expect(em.readFile('someone/site', 'content/now.md')).toBe('# Now\n')

    // A human pushes to topic; moving it back to an older commit is not a fast-forward.
    const human = em.commitFiles('someone/site', 'topic', { 'x.md': 'mine\n' })
    await expect(
      octokit.rest.git.updateRef({ ...o, ref: 'heads/topic', sha: commit.sha, force: false }),
    ).rejects.toMatchObject({
      status: 422,
      message: expect.stringContaining('Update is not a fast forward'),
    })
    await octokit.rest.git.updateRef({ ...o, ref: 'heads/topic', sha: commit.sha, force: true })
    expect((await octokit.rest.git.getRef({ ...o, ref: 'heads/topic' })).data.object.sha).toBe(
      commit.sha,
    )
    const cmp = await octokit.rest.repos.compareCommitsWithBasehead({
      ...o,
      basehead: `main...${human}`,
    })
    expect(cmp.data.ahead_by).toBe(2)
    expect(cmp.data.commits.map((c) => c.commit.message)).toEqual(['edit', 'Edit by hand'])
  })

  it('keeps one open PR per head and base', async () => {
    const { em, octokit } = await start(base())
    const o = { owner: 'someone', repo: 'site' }
    em.commitFiles('someone/site', 'topic', { 'content/now.md': '# Now!\n' })
    const { data: pr } = await octokit.rest.pulls.create({
      ...o,
      head: 'topic',
      base: 'main',
      title: 'T',
      draft: true,
    })
    expect(pr).toMatchObject({
      number: 1,
      draft: true,
      state: 'open',
      head: { ref: 'topic' },
      base: { ref: 'main' },
    })
    await expect(
      octokit.rest.pulls.create({ ...o, head: 'topic', base: 'main', title: 'again' }),
    ).rejects.toMatchObject({ status: 422 })
    expect(
      (await octokit.rest.pulls.list({ ...o, head: 'someone:topic', state: 'open' })).data,
    ).toHaveLength(1)
    await expect(
      octokit.rest.pulls.requestReviewers({ ...o, pull_number: 1, reviewers: ['someone'] }),
    ).rejects.toMatchObject({ status: 422 })
    em.mergePull('someone/site', 1)
    expect(em.readFile('someone/site', 'content/now.md')).toBe('# Now!\n')
    expect((await octokit.rest.pulls.get({ ...o, pull_number: 1 })).data).toMatchObject({
      state: 'closed',
      merged: true,
    })
  })

  it('answers unknown routes with 404 and GitHub’s error body', async () => {
    const { em } = await start(base())
    const r = await fetch(`${em.url}/repos/someone/site/nope`, {
      headers: { authorization: 'token test-token' },
    })
    expect(r.status).toBe(404)
    expect(await r.json()).toEqual({
      message: 'Not Found',
      documentation_url: 'https://docs.github.com/rest',
      status: '404',
    })
  })

  it('serves the same API under a GHES /api/v3 prefix', async () => {
    const { em } = await start(base())
    const octokit = new Octokit({ baseUrl: `${em.url}/api/v3`, auth: 'test-token' })
    expect((await octokit.rest.repos.get({ owner: 'someone', repo: 'site' })).data.full_name).toBe(
      'someone/site',
    )
  })
})

describe('scenario validation', () => {
  it.each([
    [{}, /scenario.now: expected a value \(required\)/],
    [
      { now: 'yesterday', tokens: {}, repos: [] },
      /scenario.now: expected an ISO date-time, got "yesterday"/,
    ],
    [{ now: NOW, tokens: {}, repos: [] }, /scenario.tokens: expected at least one token/],
    [
      { now: NOW, tokens: { t: { login: 'a', rateLimitStatus: 500 } }, repos: [] },
      /scenario.tokens.t.rateLimitStatus: expected one of 403, 429, got 500/,
    ],
    [
      {
        now: NOW,
        tokens: { t: { login: 'a' } },
        repos: [
          {
            fullName: 'a/b',
            pulls: [
              {
                number: 1,
                author: 'a',
                title: 't',
                state: 'open',
                createdAt: NOW,
                mergedAt: NOW,
              },
            ],
          },
        ],
      },
      /scenario.repos\[0\].pulls\[0\].state: expected 'closed' for a merged pull request, got "open"/,
    ],
    [
      { now: NOW, tokens: { t: { login: 'a' } }, repos: [{ fullName: 'a/b', empty: 'yes' }] },
      /scenario.repos\[0\].empty: expected boolean, got "yes"/,
    ],
    [{ now: NOW, tokens: { t: {} }, repos: [] }, /scenario.tokens.t.login: expected a value/],
    [
      { now: NOW, tokens: { t: { login: 'a' } }, repos: [{ fullName: 'nope' }] },
      /scenario.repos\[0\].fullName: expected owner\/name/,
    ],
    [
      {
        now: NOW,
        tokens: { t: { login: 'a' } },
        repos: [
          {
            fullName: 'a/b',
            pulls: [
              {
                number: 1,
                author: 'a',
                title: 't',
                state: 'closed',
                createdAt: NOW,
                mergedAt: 'soon',
              },
            ],
          },
        ],
      },
      /scenario.repos\[0\].pulls\[0\].mergedAt: expected an ISO date-time/,
    ],
    [
      { now: NOW, tokens: { t: { login: 'a', permissions: { contents: 'all' } } }, repos: [] },
      /tokens.t.permissions.contents: expected one of none, read, write/,
    ],
    [
      { now: NOW, tokens: { t: { login: 'a' } }, repos: [], extra: 1 },
      /scenario.extra: expected no such field/,
    ],
  ])('%j', (json, message) => {
    expect(() => parseScenario(json, 'bad.json')).toThrow(NowPageError)
    expect(() => parseScenario(json, 'bad.json')).toThrow(message)
    expect(() => parseScenario(json, 'bad.json')).toThrow(
      expect.objectContaining({ file: 'bad.json' }),
    )
  })

  it('accepts the demo scenario', () => {
    const demo = JSON.parse(
      readFileSync(new URL('../../scenarios/demo.json', import.meta.url), 'utf8'),
    ) as unknown
    expect(parseScenario(demo).repos.length).toBeGreaterThan(3)
  })
})

describe('schema/scenario.schema.json', () => {
  it('is what parseScenario checks: every field it names is accepted', () => {
    expect(() =>
      parseScenario({
        $schema: 'x',
        now: NOW,
        tokens: {
          t: {
            login: 'a',
            fineGrained: true,
            searchRateLimit: 100,
            searchRateLimitRemaining: 5,
            searchRateLimitReset: 1,
            rateLimit: 10,
            rateLimitStatus: 429,
          },
        },
        repos: [
          {
            fullName: 'a/b',
            allowActionsToCreatePullRequests: false,
            draftPullRequests: false,
            collaborators: ['c'],
            empty: true,
          },
        ],
        faults: [{ path: '/x', secondaryRateLimit: true }],
      }),
    ).not.toThrow()
  })
})
