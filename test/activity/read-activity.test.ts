import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { readActivity, type ReadOptions } from '../../src/activity/read-activity.js'
import { validateActivity } from '../../src/activity/validate-activity.js'
import { NowPageError } from '../../src/errors.js'
import { clientFor, duplicateRequests, emulate, recordingLogger } from './helpers.js'

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
    expect(project?.commits[0]?.paths).toEqual(['go/ch04/quicksort.go'])
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
})
