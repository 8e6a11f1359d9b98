import { describe, expect, it } from 'vitest'
import { NowPageError } from '../../src/errors.js'
import { readProjects, type ProjectReadOptions } from '../../src/activity/read-projects.js'
import {
  NOW,
  clientFor,
  duplicateRequests,
  emulate,
  peakConcurrency,
  recordingLogger,
} from './helpers.js'
import { scenario, type CommitSpec, type RepoSpec } from './scenario-builders.js'

const options: ProjectReadOptions = {
  author: 'someone',
  since: '2025-05-26',
  now: new Date(NOW),
  sideProjects: [{ repo: 'someone/grokking_algorithms' }],
}

const me = { author: 'someone', authorName: 'Some One', authorEmail: 'some.one@example.com' }

function project(commits: CommitSpec[], extra: Partial<RepoSpec> = {}): RepoSpec {
  return {
    fullName: 'someone/grokking_algorithms',
    ownerType: 'User',
    defaultBranch: 'main',
    languages: { Go: 9000, Rust: 12000 },
    files: {
      'README.md': '# Grokking algorithms\n',
      'go/ch01/binary_search.go': 'package main\n',
      'go/ch04/quicksort.go': 'package main\n',
      'rust/ch05/hashtable/src/main.rs': 'fn main() {}\n',
    },
    commits,
    ...extra,
  }
}

async function read(repos: RepoSpec[], extra: Partial<ProjectReadOptions> = {}) {
  const emulator = await emulate(scenario({ repos }))
  const log = recordingLogger()
  const result = await readProjects(clientFor(emulator.url, log), { ...options, ...extra }, log)
  return { emulator, log, result }
}

describe('readProjects against the emulator', () => {
  it('reads the author’s commits in the window, newest first, with the head’s tree and languages', async () => {
    const { emulator, result } = await read(
      [
        project([
          {
            ...me,
            date: '2025-05-01T10:00:00Z',
            message: 'before the window',
            paths: ['go/ch01/binary_search.go'],
          },
          {
            ...me,
            date: '2025-08-10T09:00:00+05:30',
            message: 'rust: chapter 5 hash tables',
            paths: ['rust/ch05/hashtable/src/main.rs'],
          },
          {
            author: 'friend',
            authorName: 'A Friend',
            authorEmail: 'friend@example.com',
            date: '2025-08-12T10:00:00Z',
            message: 'typo',
            paths: ['README.md'],
          },
          {
            ...me,
            date: '2025-08-16T11:01:38+05:30',
            message: 'Chapter 4: quicksort in Go\n\nWith tests.',
            paths: ['go/ch04/quicksort.go'],
          },
          { ...me, date: '2025-08-25T10:00:00Z', message: 'after now', paths: ['README.md'] },
        ]),
      ],
      {
        sideProjects: [
          {
            repo: 'someone/grokking_algorithms',
            progressPattern: '(?<track>go|rust)/ch(?<chapter>\\d+)',
          },
        ],
        withLanguages: true,
      },
    )
    expect(result).toHaveLength(1)
    const [p] = result
    expect(p?.repo).toBe('someone/grokking_algorithms')
    expect(p?.url).toMatch(/\/someone\/grokking_algorithms$/)
    expect(p?.progressPattern).toBe('(?<track>go|rust)/ch(?<chapter>\\d+)')
    expect(p?.languages).toEqual({ Go: 9000, Rust: 12000 })
    expect(p?.paths).toEqual([
      'README.md',
      'go/ch01/binary_search.go',
      'go/ch04/quicksort.go',
      'rust/ch05/hashtable/src/main.rs',
    ])
    // The head's tree holds every path a progress pattern needs: no per-commit file reads.
    expect(p?.commits.map((c) => [c.message, c.paths])).toEqual([
      ['Chapter 4: quicksort in Go\n\nWith tests.', undefined],
      ['rust: chapter 5 hash tables', undefined],
    ])
    expect(p?.commitCount).toBeUndefined()
    for (const c of p?.commits ?? []) {
      expect(c.sha).toMatch(/^[0-9a-f]{40}$/)
      expect(c.url).toMatch(new RegExp(`/someone/grokking_algorithms/commit/${c.sha}$`))
    }
    const paths = emulator.requests.map((r) => `${r.method} ${r.path.replace(/\?.*/, '')}`)
    // Commits, tree and languages, read at once: no repository read to learn the branch first.
    expect(paths.sort()).toEqual([
      'GET /repos/someone/grokking_algorithms/commits',
      'GET /repos/someone/grokking_algorithms/git/trees/HEAD',
      'GET /repos/someone/grokking_algorithms/languages',
    ])
    expect(duplicateRequests(emulator)).toEqual([])
  })

  it('makes no per-commit or tree reads without a progress pattern, nor languages unasked', async () => {
    const { emulator, result } = await read([
      project([
        {
          ...me,
          date: '2025-08-16T10:00:00Z',
          message: 'chapter 4',
          paths: ['go/ch04/quicksort.go'],
        },
      ]),
    ])
    expect(result[0]?.commits.map((c) => c.paths)).toEqual([undefined])
    expect(result[0]?.paths).toBeUndefined()
    expect(result[0]?.languages).toBeUndefined()
    const paths = emulator.requests.map((r) => r.path.replace(/\?.*/, ''))
    expect(paths).toEqual(['/repos/someone/grokking_algorithms/commits'])
  })

  it('counts a long window from a per_page=1 listing instead of paging through it', async () => {
    const commits = Array.from({ length: 2300 }, (_, i) => ({
      ...me,
      date: new Date(Date.parse('2025-06-01T00:00:00Z') + i * 60_000).toISOString(),
      message: `step ${i}`,
    }))
    const { emulator, result } = await read([project(commits)])
    expect(result[0]?.commits.map((c) => c.message)).toEqual(
      commits
        .map((c) => c.message)
        .reverse()
        .slice(0, 100),
    )
    expect(result[0]?.commitCount).toBe(2300)
    // The newest page, then the author's newest page and their count side by side.
    const listings = emulator.requests.filter((r) => /\/commits(\?|$)/.test(r.path))
    expect(listings).toHaveLength(3)
    const query = (i: number) =>
      new URL((listings[i] as { path: string }).path, 'http://x').searchParams
    expect([query(1).get('author'), query(2).get('author')]).toEqual(['someone', 'someone'])
    expect(new Set([query(1).get('per_page'), query(2).get('per_page')])).toEqual(
      new Set(['100', '1']),
    )
    expect((listings[0] as { answered: number }).answered).toBeLessThan(
      Math.min(...listings.slice(1).map((r) => r.arrived)),
    )
    expect(duplicateRequests(emulator)).toEqual([])
  })

  it('counts unlinked commits of the newest page on top of the linked count', async () => {
    const linked = Array.from({ length: 150 }, (_, i) => ({
      ...me,
      date: new Date(Date.parse('2025-06-01T00:00:00Z') + i * 60_000).toISOString(),
      message: `linked ${i}`,
    }))
    const laptop = {
      author: null,
      authorName: 'Some One',
      authorEmail: 'laptop@localhost',
      date: '2025-08-01T10:00:00Z',
      message: 'from the laptop',
    }
    const other = { author: 'friend', date: '2025-08-02T10:00:00Z', message: 'a friend' }
    const { result } = await read([project([...linked, laptop, other])])
    expect(result[0]?.commitCount).toBe(151)
    expect(result[0]?.commits[0]?.message).toBe('from the laptop')
    expect(result[0]?.commits).toHaveLength(100)
  })

  it('adopts commits without a linked account by the author’s email, or by name after an email change', async () => {
    const { emulator, result } = await read([
      project([
        { ...me, date: '2025-06-01T10:00:00Z', message: 'linked' },
        // Same email, but GitHub could not link it (e.g. before the email was verified).
        {
          author: null,
          authorName: 'S. One',
          authorEmail: 'Some.One@example.com',
          date: '2025-06-02T10:00:00Z',
          message: 'same email',
        },
        // Renamed email: a new address not on the account, the same git name.
        {
          author: null,
          authorName: 'Some One',
          authorEmail: 'someone@new-job.example',
          date: '2025-06-03T10:00:00Z',
          message: 'new email',
        },
        {
          author: null,
          authorName: 'Stranger',
          authorEmail: 'stranger@example.com',
          date: '2025-06-04T10:00:00Z',
          message: 'not mine',
        },
        {
          author: null,
          authorName: 'Bot',
          authorEmail: '12345+someone@users.noreply.github.com',
          date: '2025-06-05T10:00:00Z',
          message: 'noreply',
        },
      ]),
    ])
    expect(result[0]?.commits.map((c) => c.message)).toEqual([
      'noreply',
      'new email',
      'same email',
      'linked',
    ])
    // 'Stranger' stayed unknown, so the author's older linked commits were read once to learn more.
    const lookups = emulator.requests.filter((r) => /\/commits\?.*author=someone/.test(r.path))
    expect(lookups).toHaveLength(1)
    expect(duplicateRequests(emulator)).toEqual([])
  })

  it('learns the author’s identity from before the window when the window has no linked commit', async () => {
    const { emulator, result } = await read([
      project([
        { ...me, date: '2025-03-01T10:00:00Z', message: 'old linked commit' },
        {
          author: null,
          authorName: 'Some One',
          authorEmail: 'laptop@localhost',
          date: '2025-07-01T10:00:00Z',
          message: 'unlinked, same name',
        },
        {
          author: 'friend',
          authorName: 'Some One',
          authorEmail: 'friend@example.com',
          date: '2025-07-02T10:00:00Z',
          message: 'a friend with the same name',
        },
      ]),
    ])
    expect(result[0]?.commits.map((c) => c.message)).toEqual(['unlinked, same name'])
    const lookup = emulator.requests.find((r) => /author=someone/.test(r.path))
    expect(lookup && new URL(lookup.path, 'http://x').searchParams.get('until')).toBe(
      '2025-05-26T00:00:00Z',
    )
  })

  it('warns about a missing side project and still reads the others', async () => {
    const { log, result } = await read(
      [project([{ ...me, date: '2025-08-16T10:00:00Z', message: 'x' }])],
      {
        sideProjects: [{ repo: 'someone/gone' }, { repo: 'someone/grokking_algorithms' }],
      },
    )
    expect(result.map((p) => p.repo)).toEqual(['someone/grokking_algorithms'])
    expect(log.warnings).toHaveLength(1)
    expect(log.warnings[0]).toMatch(/someone\/gone/)
    expect(log.warnings[0]).toMatch(/contents: read/)
  })

  it('fails clearly when no side project can be read', async () => {
    const run = read([project([])], {
      sideProjects: [{ repo: 'someone/gone' }, { repo: 'other/private' }],
    })
    await expect(run).rejects.toBeInstanceOf(NowPageError)
    await expect(run).rejects.toMatchObject({
      input: 'side-projects',
      message: expect.stringMatching(/someone\/gone, other\/private/),
    })
  })

  it('reads a side project listed twice once', async () => {
    const { emulator, log, result } = await read(
      [project([{ ...me, date: '2025-08-16T10:00:00Z', message: 'x' }])],
      {
        sideProjects: [
          { repo: 'someone/grokking_algorithms' },
          { repo: 'Someone/Grokking_Algorithms' },
        ],
      },
    )
    expect(result).toHaveLength(1)
    expect(log.warnings[0]).toMatch(/listed twice/)
    expect(duplicateRequests(emulator)).toEqual([])
  })

  it('reads projects side by side, never more than 4 requests at once', async () => {
    const repos = Array.from({ length: 6 }, (_, i) =>
      project(
        Array.from({ length: 5 }, (_, j) => ({
          ...me,
          date: `2025-07-0${j + 1}T10:00:00Z`,
          message: `p${i} c${j}`,
          paths: [`go/ch0${j + 1}/x.go`],
        })),
        { fullName: `someone/project-${i}` },
      ),
    )
    const emulator = await emulate(scenario({ repos }), { latencyMs: 15 })
    const log = recordingLogger()
    const result = await readProjects(
      clientFor(emulator.url, log),
      {
        ...options,
        withLanguages: true,
        sideProjects: repos.map((r) => ({
          repo: r.fullName,
          progressPattern: 'ch(?<chapter>\\d+)',
        })),
      },
      log,
    )
    expect(result.map((p) => p.commits.length)).toEqual([5, 5, 5, 5, 5, 5])
    // 6 x (commits, tree, languages)
    expect(emulator.requests).toHaveLength(6 * 3)
    const peak = peakConcurrency(emulator)
    expect(peak).toBeGreaterThan(1)
    expect(peak).toBeLessThanOrEqual(4)
    expect(duplicateRequests(emulator)).toEqual([])
  })

  it('names the permission when the token may not read contents (403)', async () => {
    const emulator = await emulate(
      scenario({
        repos: [project([{ ...me, date: '2025-08-16T10:00:00Z', message: 'x' }])],
        tokens: { 'test-token': { login: 'someone', permissions: { contents: 'none' } } },
      }),
    )
    const log = recordingLogger()
    const run = readProjects(clientFor(emulator.url, log), options, log)
    await expect(run).rejects.toMatchObject({ input: 'side-projects' })
    expect(log.warnings).toEqual([
      expect.stringMatching(
        /someone\/grokking_algorithms cannot be read .*HTTP 403.*contents: read/,
      ),
    ])
    expect(emulator.requests.map((r) => r.status)).toEqual([403])
  })
})
