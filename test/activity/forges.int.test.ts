import { createServer } from 'node:net'
import { describe, expect, it } from 'vitest'
import { readActivity, type ReadOptions } from '../../src/activity/read-activity.js'
import { validateActivity } from '../../src/activity/validate-activity.js'
import type { ForgeAccount } from '../../src/config/forges.js'
import type { Emulator } from '../../src/emulator/index.js'
import { renderSection } from '../../src/page/render-sections.js'
import { clientFor, emulate, recordingLogger } from './helpers.js'
import { scenario } from './scenario-builders.js'

const GL_TOKEN = 'gl-token'
const CB_TOKEN = 'cb-token'

/** `n` merged MRs/PRs by `author`, one a day back from 2025-08-20. */
function pulls(n: number, author = 'someone', from = 1) {
  return Array.from({ length: n }, (_, i) => ({
    number: from + i,
    author,
    title: `Change ${from + i}`,
    createdAt: new Date(Date.parse('2025-08-19T10:00:00Z') - i * 3_600_000).toISOString(),
    mergedAt: new Date(Date.parse('2025-08-20T10:00:00Z') - i * 3_600_000).toISOString(),
  }))
}

function gitlab(extra: Record<string, unknown> = {}) {
  return {
    kind: 'gitlab',
    host: 'gitlab.gnome.org',
    tokens: { [GL_TOKEN]: { login: 'someone' } },
    users: [{ login: 'someone', name: 'Some One' }, { login: 'other' }],
    projects: [
      {
        path: 'GNOME/gnome-shell',
        pulls: [
          ...pulls(120),
          ...pulls(2, 'other', 500),
          {
            number: 900,
            author: 'someone',
            title: 'Before the window',
            createdAt: '2024-11-01T09:00:00Z',
            mergedAt: '2024-11-02T09:00:00Z',
          },
          {
            number: 901,
            author: 'someone',
            title: 'Still open',
            createdAt: '2025-08-01T09:00:00Z',
          },
        ],
      },
      {
        path: 'World/sub/app',
        pulls: [
          {
            number: 7,
            author: 'someone',
            title: 'Fix <b>bold</b> [link](x)',
            createdAt: '2025-08-21T09:00:00Z',
            mergedAt: '2025-08-22T09:00:00Z',
          },
        ],
      },
      { path: 'someone/own-app', pulls: pulls(1) },
    ],
    ...extra,
  }
}

function codeberg(extra: Record<string, unknown> = {}) {
  return {
    kind: 'forgejo',
    host: 'codeberg.org',
    tokens: { [CB_TOKEN]: { login: 'someone' } },
    users: [
      { login: 'someone', name: 'Some One', email: 'some.one@example.com' },
      { login: 'a-friend' },
    ],
    projects: [
      { path: 'upstream/lib', pulls: [...pulls(60), ...pulls(1, 'a-friend', 300)] },
      {
        path: 'someone/book',
        defaultBranch: 'main',
        files: ['README.md', 'ch01/intro.md'],
        commits: [
          ...Array.from({ length: 60 }, (_, i) => ({
            author: 'someone',
            date: new Date(Date.parse('2025-08-20T10:00:00Z') - i * 3_600_000).toISOString(),
            message: `ch02: part ${60 - i}`,
            paths: [`ch02/part${60 - i}.md`],
          })),
          {
            author: 'a-friend',
            date: '2025-08-21T10:00:00Z',
            message: 'typo',
            paths: ['README.md'],
          },
          {
            author: 'someone',
            date: '2025-01-01T10:00:00Z',
            message: 'before the window',
            paths: ['ch00.md'],
          },
        ],
      },
    ],
    ...extra,
  }
}

function world(forges: unknown[]) {
  return scenario({
    pulls: [{ repo: 'kubernetes/kubernetes', number: 1, mergedAt: '2025-08-10T10:00:00Z' }],
    forges,
  })
}

function account(em: Emulator, host: string, extra: Partial<ForgeAccount> = {}): ForgeAccount {
  const base = `${em.url}/${host}`
  return { name: base, base, login: 'someone', ...extra }
}

function options(em: Emulator, accounts: ForgeAccount[], extra: Partial<ReadOptions> = {}) {
  return {
    author: 'someone',
    since: '2025-05-26',
    now: new Date('2025-08-24T06:00:00Z'),
    sideProjects: [],
    includeRepos: [],
    excludeRepos: [],
    excludeOrgs: [],
    forges: { accounts, timeoutMinutes: 1 },
    forgeWaits: { retryBaseMs: 1, retryAfterBaseMs: 1 },
    ...extra,
  } satisfies ReadOptions
}

async function read(em: Emulator, opts: ReadOptions) {
  const log = recordingLogger()
  const activity = await readActivity(clientFor(em.url, log), opts, log)
  expect(validateActivity(JSON.parse(JSON.stringify(activity)))).toEqual(activity)
  return { activity, log }
}

function freePort(): Promise<number> {
  const server = createServer()
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolve(port))
    }),
  )
}

const forgeRequests = (em: Emulator, host: string, route: string) =>
  em.requests.filter((r) => r.path.startsWith(`/${host}/`) && r.path.includes(route))

describe('GitLab merge requests', () => {
  it('pages through the account’s merged MRs with a token, beside GitHub’s PRs', async () => {
    const em = await emulate(world([gitlab()]))
    const gl = account(em, 'gitlab.gnome.org', { kind: 'gitlab', token: GL_TOKEN })
    const { activity, log } = await read(em, options(em, [gl]))

    const fromGitlab = activity.pullRequests.filter((p) => p.forge === 'gitlab.gnome.org')
    // 120 in the window in GNOME/gnome-shell, 1 in World/sub/app; not the author's own
    // project, nor other people's, nor unmerged or older ones.
    expect(fromGitlab).toHaveLength(121)
    expect(fromGitlab[0]).toEqual({
      repo: 'World/sub/app',
      forge: 'gitlab.gnome.org',
      number: 7,
      title: 'Fix <b>bold</b> [link](x)',
      url: 'https://gitlab.gnome.org/World/sub/app/-/merge_requests/7',
      // GitLab writes milliseconds.
      mergedAt: '2025-08-22T09:00:00.000Z',
    })
    expect(activity.pullRequests.map((p) => p.repo)).toContain('kubernetes/kubernetes')
    expect(activity.skipped).toBeUndefined()
    const listings = forgeRequests(em, 'gitlab.gnome.org', '/merge_requests')
    expect(
      listings.map((r) => [new URL(r.path, em.url).searchParams.get('page') ?? '1', r.status]),
    ).toEqual([
      ['1', 200],
      ['2', 200],
    ])
    expect(log.lines.join('\n')).not.toContain(GL_TOKEN)

    // Rendered like GitHub's: the title escaped, the link, the date, and the forge named.
    const rendered = renderSection(
      'contributions',
      activity,
      {
        enabled: true,
        maxItems: 2,
        template: '- {title} ([{repo}!{number}]({url})) on {forge}, merged {merged_at}',
      },
      { timeZone: 'UTC' },
    )
    expect(rendered.lines[0]).toBe(
      '- Fix &lt;b&gt;bold&lt;/b&gt; \\[link\\](x) ([World/sub/app!7](https://gitlab.gnome.org/World/sub/app/-/merge_requests/7)) on gitlab.gnome.org, merged 2025-08-22',
    )
  })

  it('without a token reads the projects include-repos names, and says what it skipped', async () => {
    const em = await emulate(world([gitlab()]))
    const gl = account(em, 'gitlab.gnome.org', { kind: 'gitlab' })
    const { activity, log } = await read(
      em,
      options(em, [gl], {
        includeRepos: [
          'gitlab.gnome.org/GNOME/gnome-shell',
          'gitlab.gnome.org/World/*',
          'kubernetes/*',
        ],
      }),
    )
    const fromGitlab = activity.pullRequests.filter((p) => p.forge)
    expect(fromGitlab).toHaveLength(120)
    expect(new Set(fromGitlab.map((p) => p.repo))).toEqual(new Set(['GNOME/gnome-shell']))
    expect(activity.pullRequests.filter((p) => !p.forge).map((p) => p.repo)).toEqual([
      'kubernetes/kubernetes',
    ])
    // Asked anonymously first: GitLab lists public MRs with scope=all, unless the instance
    // wants a sign-in (as the emulator does).
    expect(
      forgeRequests(em, 'gitlab.gnome.org', '/api/v4/merge_requests').map((r) => r.status),
    ).toEqual([401])
    expect(activity.skipped).toEqual([
      {
        source: gl.name,
        reason: expect.stringMatching(
          /read with a token only: add .*=\$\{\{ secrets.… \}\} to forge-tokens; without one only the repositories include-repos names exactly were read/,
        ),
      },
    ])
    expect(log.warnings.join('\n')).toMatch(/left out of this run/)
  })

  it('waits as a 429 asks (Retry-After), then reads', async () => {
    const em = await emulate(
      world([
        gitlab({ faults: [{ path: '/merge_requests', status: 429, retryAfter: 2, times: 1 }] }),
      ]),
    )
    const gl = account(em, 'gitlab.gnome.org', { kind: 'gitlab', token: GL_TOKEN })
    const { activity, log } = await read(em, options(em, [gl]))
    expect(activity.pullRequests.filter((p) => p.forge)).toHaveLength(121)
    expect(log.warnings).toEqual([
      expect.stringMatching(/rate limit on GET \/merge_requests.*waiting 2 s as asked/),
    ])
    expect(forgeRequests(em, 'gitlab.gnome.org', '/merge_requests').map((r) => r.status)).toEqual([
      429, 200, 200,
    ])
  })

  it('gives up on a rate limit asking for more than a minute: only this forge is skipped', async () => {
    const em = await emulate(
      world([
        gitlab({ faults: [{ path: '/merge_requests', status: 429, retryAfter: 3600, times: 5 }] }),
      ]),
    )
    const gl = account(em, 'gitlab.gnome.org', { kind: 'gitlab', token: GL_TOKEN })
    const { activity } = await read(em, options(em, [gl]))
    expect(activity.pullRequests.map((p) => p.repo)).toEqual(['kubernetes/kubernetes'])
    expect(activity.skipped).toEqual([
      {
        source: gl.name,
        reason: expect.stringMatching(/rate limited \(429, asked to wait 3600 s\); re-run later$/),
      },
    ])
  })
})

describe('Forgejo pull requests and side projects', () => {
  it('pages through the token’s merged pulls and a side project’s commits and tree', async () => {
    const em = await emulate(world([codeberg()]))
    const cb = account(em, 'codeberg.org', { kind: 'forgejo', token: CB_TOKEN })
    const { activity } = await read(
      em,
      options(em, [cb], {
        sideProjects: [
          { repo: 'someone/book', forge: cb.base, progressPattern: 'ch(?<chapter>\\d+)' },
        ],
      }),
    )
    const fromCodeberg = activity.pullRequests.filter((p) => p.forge === 'codeberg.org')
    expect(fromCodeberg).toHaveLength(60)
    expect(fromCodeberg[0]?.url).toBe('https://codeberg.org/upstream/lib/pulls/1')
    const book = activity.projects.find((p) => p.forge === 'codeberg.org')
    expect(book).toMatchObject({
      repo: 'someone/book',
      url: 'https://codeberg.org/someone/book',
      progressPattern: 'ch(?<chapter>\\d+)',
    })
    // 60 of the author's commits in the window over two pages; a friend's and an older one not.
    expect(book?.commits).toHaveLength(60)
    expect(book?.commits[0]?.message).toBe('ch02: part 60')
    expect(book?.paths).toEqual(expect.arrayContaining(['ch01/intro.md', 'ch02/part1.md']))
    expect(forgeRequests(em, 'codeberg.org', '/repos/issues/search')).toHaveLength(2)
    expect(forgeRequests(em, 'codeberg.org', '/someone/book/commits')).toHaveLength(2)

    const progress = renderSection(
      'progress',
      activity,
      { enabled: true, template: '- {forge}: [{repo}]({url}) {progress}' },
      { timeZone: 'UTC' },
    )
    expect(progress.lines).toContain(
      '- codeberg.org: [someone/book](https://codeberg.org/someone/book) chapter 2',
    )
  })

  it('without a token reads the pulls of repositories include-repos names', async () => {
    const em = await emulate(world([codeberg()]))
    const cb = account(em, 'codeberg.org', { kind: 'forgejo' })
    const { activity } = await read(
      em,
      options(em, [cb], { includeRepos: ['upstream/lib', 'kubernetes/*'] }),
    )
    expect(activity.pullRequests.filter((p) => p.forge)).toHaveLength(60)
    expect(forgeRequests(em, 'codeberg.org', '/repos/issues/search')).toEqual([])
    // kubernetes/* could match repositories on codeberg.org too, which only a token can list.
    expect(activity.skipped).toEqual([
      {
        source: cb.name,
        reason: expect.stringMatching(
          /only the repositories include-repos names exactly were read/,
        ),
      },
    ])
  })

  it('detects the kind of a forge the address does not tell', async () => {
    const em = await emulate(world([codeberg(), gitlab()]))
    const cb = account(em, 'codeberg.org', { token: CB_TOKEN })
    const gl = account(em, 'gitlab.gnome.org', { token: GL_TOKEN })
    const { activity } = await read(em, options(em, [cb, gl]))
    expect(new Set(activity.pullRequests.map((p) => p.forge ?? 'github.com'))).toEqual(
      new Set(['github.com', 'codeberg.org', 'gitlab.gnome.org']),
    )
  })
})

describe('a forge in trouble drops only its own items', () => {
  it.each([
    ['a refused token', { tokens: {} }, /HTTP 401.*the token for .* in forge-tokens was refused/],
    [
      'a token without the read_api scope',
      { tokens: { [GL_TOKEN]: { login: 'someone', scopes: ['read_user'] } } },
      /HTTP 403 \(The request requires higher privileges.*\): the token for .* was refused; .*GitLab: read_api/,
    ],
    [
      'a forbidden answer',
      { faults: [{ path: '/**', status: 403, times: 100 }] },
      /HTTP 403.*the token for .* in forge-tokens was refused/,
    ],
    ['an outage', { outage: { status: 503 } }, /HTTP 503.*is down or slow: re-run later/],
    ['dropped connections', { outage: { drop: true } }, /cannot connect.*is down or slow/],
  ])('%s', async (_, trouble, reason) => {
    const em = await emulate(world([gitlab(trouble), codeberg()]))
    const gl = account(em, 'gitlab.gnome.org', { kind: 'gitlab', token: GL_TOKEN })
    const cb = account(em, 'codeberg.org', { kind: 'forgejo', token: CB_TOKEN })
    const { activity, log } = await read(
      em,
      options(em, [gl, cb], {
        sideProjects: [{ repo: 'someone/own-app', forge: gl.base }],
      }),
    )
    expect(new Set(activity.pullRequests.map((p) => p.forge ?? 'github.com'))).toEqual(
      new Set(['github.com', 'codeberg.org']),
    )
    expect(activity.skipped).toEqual([
      { source: gl.name, reason: expect.stringMatching(reason) },
      { source: `${gl.name}/someone/own-app`, reason: expect.stringMatching(reason) },
    ])
    expect(log.warnings).toHaveLength(2)
    // The page still lists the rest.
    const { lines } = renderSection(
      'contributions',
      activity,
      { enabled: true, maxItems: 100 },
      { timeZone: 'UTC' },
    )
    expect(lines.join('\n')).toContain(
      '[kubernetes/kubernetes#1](https://github.com/kubernetes/kubernetes/pull/1)',
    )
  })

  it('a forge that refuses connections is skipped at once, without retries', async () => {
    const em = await emulate(world([]))
    // A port just freed: nothing listens there, the connection is refused.
    const port = await freePort()
    const down = {
      name: 'gitlab.example.org',
      base: `http://127.0.0.1:${port}/gitlab.example.org`,
      login: 'someone',
    }
    const { activity, log } = await read(em, options(em, [down]))
    expect(activity.pullRequests.map((p) => p.repo)).toEqual(['kubernetes/kubernetes'])
    expect(activity.skipped).toEqual([
      {
        source: 'gitlab.example.org',
        reason: expect.stringMatching(
          /GET \/version: cannot connect \(ECONNREFUSED\).*is down or slow/,
        ),
      },
    ])
    expect(log.lines.filter((l) => l.includes('ECONNREFUSED'))).toHaveLength(2) // one debug line, one warning
  })

  it('a slow forge delays its items; one slower than the request timeout is skipped', async () => {
    const em = await emulate(world([gitlab({ latencyMs: 20 }), codeberg({ latencyMs: 1500 })]))
    const gl = account(em, 'gitlab.gnome.org', { kind: 'gitlab', token: GL_TOKEN })
    const cb = account(em, 'codeberg.org', { kind: 'forgejo', token: CB_TOKEN })
    const { activity } = await read(
      em,
      options(em, [gl, cb], {
        // Margins wide enough for a loaded machine: 20 ms against 700 ms, 1500 ms against 700 ms.
        forgeWaits: { retryBaseMs: 1, retryAfterBaseMs: 1, requestTimeoutMs: 700 },
      }),
    )
    expect(activity.pullRequests.filter((p) => p.forge === 'gitlab.gnome.org')).toHaveLength(121)
    expect(activity.skipped).toEqual([
      {
        source: cb.name,
        reason: expect.stringMatching(/took more than 0.7 s; .* is down or slow/),
      },
    ])
  })

  it('stops a forge when the run’s API time is up (api-timeout-minutes)', async () => {
    const em = await emulate(world([codeberg({ latencyMs: 400 })]))
    const cb = account(em, 'codeberg.org', { kind: 'forgejo', token: CB_TOKEN })
    const opts = options(em, [cb])
    const { activity } = await read(em, {
      ...opts,
      forges: { ...opts.forges, timeoutMinutes: 0.002 }, // 120 ms
    })
    expect(activity.pullRequests.map((p) => p.repo)).toEqual(['kubernetes/kubernetes'])
    expect(activity.skipped).toEqual([
      {
        source: cb.name,
        reason: expect.stringMatching(/the run's time for the API was up \(api-timeout-minutes\)/),
      },
    ])
  })

  it('a missing side project is skipped, the rest of the forge read', async () => {
    const em = await emulate(world([codeberg()]))
    const cb = account(em, 'codeberg.org', { kind: 'forgejo', token: CB_TOKEN })
    const { activity } = await read(
      em,
      options(em, [cb], { sideProjects: [{ repo: 'someone/nope', forge: cb.base }] }),
    )
    expect(activity.pullRequests.filter((p) => p.forge)).toHaveLength(60)
    expect(activity.skipped).toEqual([
      {
        source: `${cb.name}/someone/nope`,
        reason: expect.stringMatching(
          /HTTP 404.*no such repository on .*, or it is private and the token in forge-tokens cannot see it/,
        ),
      },
    ])
  })
})
