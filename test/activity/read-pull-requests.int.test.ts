import { describe, expect, it } from 'vitest'
import { readPullRequests } from '../../src/activity/read-pull-requests.js'
import {
  NOW,
  TOKEN,
  clientFor,
  duplicateRequests,
  emulate,
  recordingLogger,
  searchQueries,
} from './helpers.js'
import { scenario, spreadPulls, type PullSpec } from './scenario-builders.js'

const now = new Date(NOW)
const options = {
  author: 'someone',
  since: '2025-05-26',
  now,
  includeRepos: [] as string[],
  excludeRepos: [] as string[],
  excludeOrgs: [] as string[],
}

async function read(
  pulls: PullSpec[],
  extra: Partial<typeof options> & Record<string, unknown> = {},
  searchRateLimit?: number,
) {
  // GitHub allows 30 searches a minute; a test that makes more in a second says so.
  const tokens = searchRateLimit ? { [TOKEN]: { login: 'someone', searchRateLimit } } : undefined
  const emulator = await emulate(scenario({ pulls, ...(tokens ? { tokens } : {}) }))
  const log = recordingLogger()
  const result = await readPullRequests(clientFor(emulator.url, log), { ...options, ...extra }, log)
  return { emulator, log, result }
}

describe('readPullRequests against the emulator', () => {
  it('pages through every result, 100 a page, newest merge first', async () => {
    const pulls = spreadPulls(250, '2025-06-01T00:00:00Z', '2025-08-20T00:00:00Z', [
      'kubernetes/kubernetes',
      'golang/go',
    ])
    const { emulator, result } = await read(pulls)
    expect(result).toHaveLength(250)
    const merged = result.map((p) => Date.parse(p.mergedAt))
    expect(merged).toEqual([...merged].sort((a, b) => b - a))
    expect(new Set(result.map((p) => p.url)).size).toBe(250)
    expect(result[0]).toEqual({
      repo: 'golang/go',
      number: 250,
      title: 'Change 250 in golang/go',
      url: expect.stringMatching(/\/golang\/go\/pull\/250$/),
      mergedAt: '2025-08-20T00:00:00Z',
    })
    const searches = emulator.requests.filter((r) => r.path.startsWith('/search/issues'))
    expect(searches).toHaveLength(3)
    expect(searches.map((r) => new URL(r.path, 'http://x').searchParams.get('per_page'))).toEqual([
      '100',
      '100',
      '100',
    ])
    expect(new Set(searchQueries(emulator))).toEqual(
      new Set(['is:pr is:merged author:someone -user:someone merged:2025-05-26..2025-08-24']),
    )
    expect(duplicateRequests(emulator)).toEqual([])
  })

  it('splits a window with more than 1000 results until none is capped, losing nothing', async () => {
    const pulls = spreadPulls(2500, '2025-05-26T00:00:00Z', '2025-08-24T05:00:00Z', [
      'kubernetes/kubernetes',
      'kubernetes/website',
      'golang/go',
    ])
    const { emulator, log, result } = await read(pulls, {}, 100)
    expect(result).toHaveLength(2500)
    expect(new Set(result.map((p) => p.url)).size).toBe(2500)
    expect(result.map((p) => p.number).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 2500 }, (_, i) => i + 1),
    )
    const totals = log.lines
      .map((l) => /search '(.*)': (\d+) results/.exec(l))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => ({ q: m[1], total: Number(m[2]) }))
    expect(totals[0]).toEqual({
      q: 'is:pr is:merged author:someone -user:someone merged:2025-05-26..2025-08-24',
      total: 2500,
    })
    // A capped window is split after its first page; every other window is read to its last
    // page, and those windows' totals add up to everything there is.
    const pagesByQuery = new Map<string, number[]>()
    for (const r of emulator.requests) {
      const params = new URL(r.path, 'http://x').searchParams
      const q = params.get('q') ?? ''
      pagesByQuery.set(q, [...(pagesByQuery.get(q) ?? []), Number(params.get('page') ?? '1')])
    }
    expect(totals.length).toBe(pagesByQuery.size)
    let readTotal = 0
    for (const { q, total } of totals) {
      const pages = pagesByQuery.get(q ?? '')
      if (total > 1000) expect(pages, q).toEqual([1])
      else {
        expect(pages, q).toEqual(Array.from({ length: Math.ceil(total / 100) }, (_, i) => i + 1))
        readTotal += total
      }
    }
    expect(readTotal).toBe(2500)
    expect(totals.filter((t) => t.total > 1000).length).toBeGreaterThanOrEqual(3)
    expect(duplicateRequests(emulator)).toEqual([])
  })

  it('splits a single day with more than 1000 merges by time', async () => {
    const pulls = [
      ...spreadPulls(1200, '2025-08-10T00:00:00Z', '2025-08-10T23:59:59Z', [
        'kubernetes/kubernetes',
      ]),
      ...spreadPulls(5, '2025-07-01T00:00:00Z', '2025-07-05T00:00:00Z', ['golang/go'], 5000),
    ]
    const { emulator, result } = await read(pulls, {
      since: '2025-08-10',
      now: new Date('2025-08-10T23:59:59Z'),
    })
    expect(result).toHaveLength(1200)
    expect(
      searchQueries(emulator).some((q) =>
        /merged:2025-08-10T00:00:00Z\.\.2025-08-10T11:59:59Z/.test(q),
      ),
    ).toBe(true)
    expect(duplicateRequests(emulator)).toEqual([])
  })

  it('counts a merge at 00:00:00 UTC on since and one exactly at now, nothing outside', async () => {
    const { result } = await read([
      { repo: 'golang/go', number: 1, mergedAt: '2025-05-25T23:59:59Z' },
      { repo: 'golang/go', number: 2, mergedAt: '2025-05-26T00:00:00Z' },
      { repo: 'golang/go', number: 3, mergedAt: '2025-08-24T06:00:00Z' },
      // Merged after the run's clock: only a scenario can say so, and it must not count.
      { repo: 'golang/go', number: 4, mergedAt: '2025-08-24T06:00:01Z' },
      { repo: 'golang/go', number: 5, mergedAt: '2025-08-24T05:30:00+05:30' },
    ])
    expect(result.map((p) => p.number)).toEqual([3, 5, 2])
  })

  it('leaves out own repositories, excluded orgs and repos, closed-unmerged and open PRs', async () => {
    const { emulator, result } = await read(
      [
        { repo: 'someone/site', number: 1, mergedAt: '2025-07-01T00:00:00Z' },
        { repo: 'Someone/dotfiles', number: 2, mergedAt: '2025-07-01T00:00:00Z' },
        { repo: 'rancher/fleet', number: 3, mergedAt: '2025-07-01T00:00:00Z' },
        { repo: 'suse-edge/charts', number: 4, mergedAt: '2025-07-01T00:00:00Z' },
        { repo: 'kubernetes/website', number: 5, mergedAt: '2025-07-01T00:00:00Z' },
        { repo: 'kubernetes/kubernetes', number: 6, mergedAt: '2025-07-02T00:00:00Z' },
        { repo: 'kubernetes/kubernetes', number: 7, mergedAt: null, state: 'closed' },
        { repo: 'kubernetes/kubernetes', number: 8, mergedAt: null, state: 'open' },
        {
          repo: 'kubernetes/kubernetes',
          number: 9,
          mergedAt: '2025-07-03T00:00:00Z',
          author: 'other',
        },
      ],
      { excludeOrgs: ['rancher', 'suse-*'], excludeRepos: ['kubernetes/website'] },
    )
    expect(result.map((p) => `${p.repo}#${p.number}`)).toEqual(['kubernetes/kubernetes#6'])
    expect(searchQueries(emulator)).toEqual([
      'is:pr is:merged author:someone -user:someone -org:rancher merged:2025-05-26..2025-08-24',
    ])
  })

  it('keeps only include-repos when given', async () => {
    const { result } = await read(
      [
        { repo: 'kubernetes/kubernetes', number: 1, mergedAt: '2025-07-01T00:00:00Z' },
        { repo: 'kubernetes/website', number: 2, mergedAt: '2025-07-02T00:00:00Z' },
        { repo: 'golang/go', number: 3, mergedAt: '2025-07-03T00:00:00Z' },
        { repo: 'nodejs/node', number: 4, mergedAt: '2025-07-04T00:00:00Z' },
      ],
      { includeRepos: ['Kubernetes/*', 'golang/go'], excludeRepos: ['kubernetes/website'] },
    )
    expect(result.map((p) => p.number)).toEqual([3, 1])
  })

  it('flags the first contribution to a repository with one search per repository', async () => {
    const { emulator, result } = await read(
      [
        { repo: 'kubernetes/kubernetes', number: 1, mergedAt: '2025-01-10T00:00:00Z' },
        { repo: 'kubernetes/kubernetes', number: 2, mergedAt: '2025-07-01T00:00:00Z' },
        { repo: 'golang/go', number: 3, mergedAt: '2025-06-01T00:00:00Z' },
        { repo: 'golang/go', number: 4, mergedAt: '2025-08-01T00:00:00Z' },
      ],
      { firstContribution: true },
    )
    expect(result.map((p) => [p.number, p.firstContribution])).toEqual([
      [4, false],
      [2, false],
      [3, true],
    ])
    expect(searchQueries(emulator).slice(1).sort()).toEqual([
      'is:pr is:merged author:someone repo:golang/go merged:<2025-05-26',
      'is:pr is:merged author:someone repo:kubernetes/kubernetes merged:<2025-05-26',
    ])
    expect(duplicateRequests(emulator)).toEqual([])
  })

  it('works against a GHES-style API root with a path prefix, Link pages included', async () => {
    const emulator = await emulate(
      scenario({
        pulls: spreadPulls(150, '2025-06-01T00:00:00Z', '2025-08-01T00:00:00Z', ['golang/go']),
      }),
    )
    const log = recordingLogger()
    const result = await readPullRequests(clientFor(`${emulator.url}/api/v3/`, log), options, log)
    expect(result).toHaveLength(150)
    expect(emulator.requests).toHaveLength(2)
    expect(emulator.requests.every((r) => r.path.startsWith('/api/v3/search/issues?'))).toBe(true)
  })

  it('retries a 502 and reads everything', async () => {
    const emulator = await emulate(
      scenario({
        pulls: spreadPulls(150, '2025-06-01T00:00:00Z', '2025-08-01T00:00:00Z', ['golang/go']),
        faults: [{ method: 'GET', path: '/search/issues', status: 502, times: 1 }],
      }),
    )
    const log = recordingLogger()
    const result = await readPullRequests(clientFor(emulator.url, log), options, log)
    expect(result).toHaveLength(150)
    expect(emulator.requests.map((r) => r.status)).toEqual([502, 200, 200])
    expect(duplicateRequests(emulator)).toEqual([])
  })

  it('lists a PR seen twice once, when results shift while paging', async () => {
    const emulator = await emulate(
      scenario({
        pulls: spreadPulls(150, '2025-06-01T00:00:00Z', '2025-08-01T00:00:00Z', ['golang/go']),
      }),
    )
    const log = recordingLogger()
    const client = clientFor(emulator.url, log)
    // Someone's PR is created and merged between our first and second page: in creation order it
    // goes first and pushes the last PR of page 1 onto page 2.
    let searches = 0
    client.hook.after('request', (_response, request) => {
      if (!String(request.url).includes('/search/issues') || ++searches !== 1) return
      const repo = emulator.state.repo('golang/go')
      const model = repo?.pulls[0]
      if (!repo || !model) throw new Error('scenario has no golang/go PR')
      repo.pulls.push({
        ...model,
        number: 9999,
        id: 999_999,
        createdAt: '2025-08-23T00:00:00Z',
        mergedAt: '2025-08-23T01:00:00Z',
      })
    })
    const result = await readPullRequests(client, options, log)
    const pages = emulator.requests.map((r) => new URL(r.path, 'http://x').searchParams.get('page'))
    expect(pages).toEqual([null, '2'])
    expect(result.map((p) => p.number).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 150 }, (_, i) => i + 1),
    )
    expect(log.lines.join('\n')).toMatch(/1 seen twice/)
  })

  it('drops query exclusions GitHub rejects (an unknown exclude-orgs owner) and filters itself', async () => {
    const { emulator, log, result } = await read(
      [
        { repo: 'golang/go', number: 1, mergedAt: '2025-07-01T00:00:00Z' },
        { repo: 'rancher/fleet', number: 2, mergedAt: '2025-07-02T00:00:00Z' },
      ],
      { excludeOrgs: ['rancher', 'no-such-org'] },
    )
    expect(result.map((p) => p.repo)).toEqual(['golang/go'])
    expect(emulator.requests.map((r) => r.status)).toEqual([422, 200])
    expect(searchQueries(emulator)).toEqual([
      'is:pr is:merged author:someone -user:someone -org:rancher -org:no-such-org merged:2025-05-26..2025-08-24',
      'is:pr is:merged author:someone -user:someone merged:2025-05-26..2025-08-24',
    ])
    expect(log.warnings.join('\n')).toMatch(/rejected the exclusions -org:rancher -org:no-such-org/)
  })
})
