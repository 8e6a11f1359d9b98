import { describe, expect, it } from 'vitest'
import type { Emulator, Scenario } from '../../src/emulator/index.js'
import { dispatchEvent, type ActionRun } from '../../src/runner/local-runner.js'
import { emulatorPerTest } from '../support/emulator-per-test.js'
import { demoScenario } from './demo-scenario.js'
import { runInProcess } from './run-in-process.js'

/** What a person reads of a run: the log, its groups and annotations, the summary, the PR body. */
const start = emulatorPerTest()

async function runOn(
  scenario: Scenario,
  inputs: Record<string, string> = {},
): Promise<{ run: ActionRun; em: Emulator }> {
  const em = await start(scenario)
  const run = await runInProcess({
    inputs: { token: 'demo-token', ...scenario.inputs, ...inputs },
    apiUrl: em.url,
    repository: 'someone/site',
    now: scenario.now,
    event: dispatchEvent('someone/site', 'User'),
  })
  return { run, em }
}

/** The log as groups: each group's name and its lines, and the lines outside any group. */
function groups(stdout: string): Array<{ name: string; lines: string[] }> {
  const out: Array<{ name: string; lines: string[] }> = [{ name: '', lines: [] }]
  let open = false
  for (const line of stdout.split('\n')) {
    if (line.startsWith('::group::')) {
      expect(open, `a group opens inside another: ${line}`).toBe(false)
      open = true
      out.push({ name: line.slice('::group::'.length), lines: [] })
    } else if (line === '::endgroup::') {
      expect(open).toBe(true)
      open = false
      out.push({ name: '', lines: [] })
    } else out.at(-1)!.lines.push(line)
  }
  return out
}

describe('messages a person reads', () => {
  it('a first run with nothing to show says so, not "nothing new since the last refresh"', async () => {
    const scenario = demoScenario()
    const { run } = await runOn(scenario, { since: '1d', 'side-projects': '' })
    expect(run.exitCode, run.stdout).toBe(0)
    const said =
      'content/now.md is unchanged: nothing found since 2025-08-23 to start its contributions and progress sections with; they are added on the first run that finds some.'
    expect(run.outputs['summary']).toBe(said)
    expect(run.summary).toContain(said)
    expect(run.stdout + run.summary).not.toContain('since the last refresh')
  })

  it('a page that was refreshed before and has nothing new still says so', async () => {
    const scenario = demoScenario()
    const site = scenario.repos.find((r) => r.fullName === 'someone/site')!
    site.files = {
      ...site.files,
      'content/now.md':
        '# Now\n\n<!-- now-page:contributions:start -->\n- old\n<!-- now-page:contributions:end -->\n',
    }
    const { run } = await runOn(scenario, { since: '1d', 'side-projects': '' })
    expect(run.outputs['summary']).toBe(
      'content/now.md is up to date: nothing new since the last refresh.',
    )
  })

  it('names a side project it could not read in the log, the summary and the PR body', async () => {
    const scenario = demoScenario()
    const projects = `${scenario.inputs?.['side-projects'] ?? ''}\nsomeone/does-not-exist`
    const { run, em } = await runOn(scenario, { 'side-projects': projects })
    expect(run.exitCode, run.stdout).toBe(0)
    const reason =
      "side project does not exist or the token cannot see it (HTTP 404); the token needs contents: read on it; for another owner's private repository use a personal access token with access"
    expect(run.stdout).toContain('::warning::side project someone/does-not-exist does not exist')
    expect(run.stdout).toContain(
      'found 4 merged pull requests and 2 side projects; 1 source not read',
    )
    expect(run.summary).toContain(
      `**Not read this run (1)**\n\n- someone/does-not-exist: ${reason}`,
    )
    const body = em.state.repo('someone/site')!.pulls[0]!.body ?? ''
    expect(body).toContain(`**Not read this run (1)**\n\n- someone/does-not-exist: ${reason}`)
  })

  it('prints a page error once, as one annotation with its file and line', async () => {
    const scenario = demoScenario()
    const site = scenario.repos.find((r) => r.fullName === 'someone/site')!
    site.files = { ...site.files, 'content/now.md': '# Now\n\n<!-- now-page:progress:start -->\n' }
    const { run } = await runOn(scenario)
    expect(run.exitCode).toBe(1)
    const errors = run.stdout.split('\n').filter((l) => l.startsWith('::error'))
    expect(errors).toEqual([
      "::error file=content/now.md,line=3::content/now.md:3: 'progress' start marker is never closed. Add <!-- now-page:progress:end --> on its own line after the section",
    ])
  })

  it('keeps each log group’s lines in that group, and dates its title in one style', async () => {
    const { run } = await runOn(demoScenario())
    expect(run.exitCode, run.stdout).toBe(0)
    const log = groups(run.stdout)
    const page = log.find((g) => g.name === 'Reading the page')!
    const activity = log.find((g) => g.name.startsWith('Reading the activity'))!
    expect(activity.name).toBe('Reading the activity of someone from 2025-05-26 to 2025-08-24')
    expect(page.lines).toEqual([
      expect.stringMatching(
        /^::debug::GET \/repos\/someone\/site\/contents\/content\/now\.md -> 200/,
      ),
      expect.stringMatching(/^content\/now\.md on the default branch \(blob [0-9a-f]{7}\)/),
    ])
    // Every request of the activity read is logged in its group, none in the page's.
    expect(activity.lines.filter((l) => /^::debug::GET .*(search|grokking)/.test(l))).toHaveLength(
      3,
    )
    expect(activity.lines.some((l) => l.includes('content/now.md'))).toBe(false)
    expect(activity.lines.some((l) => l.startsWith('author:'))).toBe(false)
  })

  it('a run whose page read fails reports after its other reads end, their log in it', async () => {
    const scenario = demoScenario()
    scenario.faults = [{ method: 'GET', path: '/search/issues', latencyMs: 300, times: 1 }]
    const { run } = await runOn(scenario, { 'page-path': 'content/missing.md' })
    expect(run.exitCode).toBe(1)
    const lines = run.stdout.trimEnd().split('\n')
    // The activity group printed inside the run (not after it), and the error is the last word.
    expect(lines).toContain(
      '::group::Reading the activity of someone from 2025-05-26 to 2025-08-24',
    )
    expect(lines.at(-1)).toMatch(/^::error::input 'page-path': .*content\/missing\.md/)
  })
})
