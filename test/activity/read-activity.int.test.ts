import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { readActivity, type ReadOptions } from '../../src/activity/read-activity.js'
import { validateActivity } from '../../src/activity/validate-activity.js'
import { NowPageError } from '../../src/errors.js'
import { clientFor, duplicateRequests, emulate, recordingLogger, searchQueries } from './helpers.js'
import { scenario } from './scenario-builders.js'

const realistic = JSON.parse(
  readFileSync(new URL('./scenarios/realistic.json', import.meta.url), 'utf8'),
) as { now: string }

const options: ReadOptions = {
  author: 'someone',
  since: '2025-05-26',
  now: new Date(realistic.now),
  sideProjects: [
    {
      repo: 'someone/grokking_algorithms',
      progressPattern: '(?<track>go|rust)/ch(?<chapter>\\d+)',
    },
    { repo: 'someone/missing-project' },
  ],
  includeRepos: [],
  excludeRepos: [],
  excludeOrgs: ['rancher'],
  withLanguages: true,
  firstContribution: true,
}

describe('readActivity on a realistic scenario', () => {
  it('produces the activity the page core takes, each read made once', async () => {
    const emulator = await emulate(realistic)
    const log = recordingLogger()
    const activity = await readActivity(clientFor(emulator.url, log), options, log)

    expect(validateActivity(JSON.parse(JSON.stringify(activity)))).toEqual(activity)
    expect(activity.since).toBe('2025-05-26')
    expect(activity.pullRequests.map((p) => [p.repo, p.number, p.firstContribution])).toEqual([
      ['kubernetes/website', 51234, true],
      ['kubernetes/kubernetes', 132604, false],
    ])
    expect(activity.pullRequests[0]?.title).toBe(
      'Document `kubectl api-resources -o json` <output> | formats',
    )
    const [project] = activity.projects
    expect(activity.projects).toHaveLength(1)
    expect(project?.commits.map((c) => c.message)).toEqual([
      'Chapter 4: quicksort in Go\n\nWith tests.',
      'rust: chapter 5 hash tables',
    ])
    expect(project?.commits[0]?.paths).toBeUndefined()
    expect(project?.paths).toContain('go/ch03/recursion.go')
    expect(project?.languages).toEqual({ Go: 9000, Rust: 12000 })
    expect(log.warnings.join('\n')).toMatch(/someone\/missing-project.*contents: read/)
    expect(log.lines[0]).toMatch(/^group: Reading the activity of someone/)
    expect(duplicateRequests(emulator)).toEqual([])
  })

  it('rejects a bad author or a since after now before any request', async () => {
    const emulator = await emulate(realistic)
    const log = recordingLogger()
    const client = clientFor(emulator.url, log)
    await expect(readActivity(client, { ...options, author: 'a b' }, log)).rejects.toBeInstanceOf(
      NowPageError,
    )
    await expect(
      readActivity(client, { ...options, since: '2025-08-25' }, log),
    ).rejects.toMatchObject({ input: 'since' })
    expect(emulator.requests).toEqual([])
  })

  it('reads from midnight in the author’s zone: 20:00 UTC is already tomorrow in Kolkata', async () => {
    const me = { author: 'someone', authorName: 'Some One', authorEmail: 'me@example.com' }
    const emulator = await emulate(
      scenario({
        now: '2025-08-24T20:00:00Z',
        pulls: [
          { repo: 'golang/go', number: 1, mergedAt: '2025-08-24T18:00:00Z' }, // 23:30 IST on the 24th
          { repo: 'golang/go', number: 2, mergedAt: '2025-08-24T18:30:00Z' }, // 00:00 IST on the 25th
          { repo: 'golang/go', number: 3, mergedAt: '2025-08-24T19:00:00Z' },
        ],
        repos: [
          {
            fullName: 'someone/notes',
            commits: [
              { ...me, date: '2025-08-24T18:29:59Z', message: 'late on the 24th' },
              { ...me, date: '2025-08-25T00:10:00+05:30', message: 'just after midnight' },
            ],
          },
        ],
      }),
    )
    const log = recordingLogger()
    const activity = await readActivity(
      clientFor(emulator.url, log),
      {
        ...options,
        since: '2025-08-25',
        timeZone: 'Asia/Kolkata',
        now: new Date('2025-08-24T20:00:00Z'),
        sideProjects: [{ repo: 'someone/notes' }],
        excludeOrgs: [],
        withLanguages: false,
      },
      log,
    )
    expect(activity.since).toBe('2025-08-25')
    expect(activity.pullRequests.map((p) => [p.number, p.firstContribution])).toEqual([
      [3, false],
      [2, false],
    ])
    expect(activity.projects[0]?.commits.map((c) => c.message)).toEqual(['just after midnight'])
    expect(searchQueries(emulator)).toEqual([
      'is:pr is:merged author:someone -user:someone merged:2025-08-24..2025-08-24',
      'is:pr is:merged author:someone repo:golang/go merged:<2025-08-24T18:30:00Z',
    ])
    const commits = emulator.requests.find((r) => /\/commits\?/.test(r.path))
    expect(commits && new URL(commits.path, 'http://x').searchParams.get('since')).toBe(
      '2025-08-24T18:30:00Z',
    )
  })
})
