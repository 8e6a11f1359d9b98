import { emulatorPerTest } from '../support/emulator-per-test.js'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Emulator, Scenario } from '../../src/emulator/index.js'
import {
  dispatchEvent,
  type ActionRun,
  type RunActionOptions,
} from '../../src/runner/local-runner.js'
import { demoScenario } from './demo-scenario.js'
import { runInProcess } from './run-in-process.js'
import { actionStepWith, evaluateWith, exampleWorkflow } from './workflow-inputs.js'

/**
 * The Action's job (src/action/main.ts `run`) in-process against the emulator, with the inputs,
 * files and outputs a runner gives it. test/e2e runs the bundle as a process for what needs one.
 */
const start = emulatorPerTest()

async function runAction(
  em: Emulator,
  scenario: Scenario,
  inputs: Record<string, string> = {},
  more: Partial<RunActionOptions> = {},
): Promise<ActionRun> {
  const token = Object.keys(scenario.tokens)[0] as string
  const run = await runInProcess({
    inputs: { token, ...scenario.inputs, ...inputs },
    apiUrl: em.url,
    repository: 'someone/site',
    now: scenario.now,
    ...more,
  })
  // Whatever happened, the token never shows: not in the log (the runner consumes the
  // ::add-mask:: command itself), the summary or the outputs.
  if (token) expect(shownText(run)).not.toContain(token)
  return run
}

function shownText(run: ActionRun): string {
  const log = (run.stdout + run.stderr).split('\n').filter((l) => !l.startsWith('::add-mask::'))
  return log.join('\n') + run.summary + JSON.stringify(run.outputs)
}

const writes = (em: Emulator, from = 0) => em.requests.slice(from).filter((r) => r.method !== 'GET')

describe('the Action job in-process against the emulator', () => {
  it('opens one PR with the edited page, sets every output, writes the summary', async () => {
    const scenario = demoScenario()
    const em = await start(scenario)
    const before = em.readFile('someone/site', 'content/now.md') as string
    const runnerTemp = mkdtempSync(join(tmpdir(), 'now-page-test-'))
    const run = await runAction(
      em,
      scenario,
      {},
      { event: dispatchEvent('someone/site', 'User'), env: { RUNNER_TEMP: runnerTemp } },
    )
    expect(run.exitCode, run.stdout).toBe(0)
    expect(run.outputs['activity']?.startsWith(runnerTemp)).toBe(true)
    expect(run.outputs).toMatchObject({
      changed: 'true',
      'pull-request-operation': 'created',
      'pull-request-number': '1',
    })
    expect(run.outputs['pull-request-url']).toContain('/pull/1')
    expect(run.outputs['commit-sha']).toMatch(/^[0-9a-f]{40}$/)
    expect(run.outputs['summary']).toBe('Opened #1 to refresh content/now.md.')
    expect(JSON.parse(readFileSync(run.outputs['activity'] as string, 'utf8'))).toMatchObject({
      pullRequests: expect.any(Array),
      projects: expect.any(Array),
    })
    expect(em.readFile('someone/site', 'content/now.md', 'main')).toBe(before)
    const after = em.readFile('someone/site', 'content/now.md', 'now-page/refresh') as string
    expect(after).toContain('<!-- now-page:contributions:start -->')
    expect(after).toContain('date = 2025-08-24')
    expect(run.summary).toContain('<h2>Now page: content/now.md</h2>')
    expect(run.summary).toContain('merged upstream pull requests')
    expect(run.summary).toContain('Pull request #1')
    expect(run.summary).toContain('+date = 2025-08-24')
    // The PR body links the workflow that wrote it (from GITHUB_WORKFLOW_REF).
    const pr = em.state.repo('someone/site')!.pulls[0]!
    expect(pr.body).toContain('https://github.com/someone/site/actions/workflows/now.yml')
  })

  it('a run with nothing new makes only the reads it cannot do without, all at once', async () => {
    const scenario = demoScenario()
    const em = await start(scenario)
    // GitHub's reads: the forges' (read after a project's default branch is known) are tested in
    // test/activity/forges.int.test.ts.
    const githubOnly = {
      forges: '',
      'forge-tokens': '',
      'side-projects': scenario.inputs?.['side-projects']?.split('\n')[0] ?? '',
    }
    expect((await runAction(em, scenario, githubOnly)).exitCode).toBe(0)
    const mark = em.requests.length
    // Each read is held until all five have arrived (or 10 s pass): a client that waited for one
    // answer before asking the next would show it in the order of events below.
    const reads = 5
    let arrived = 0
    let release!: () => void
    const allArrived = new Promise<void>((resolve) => (release = resolve))
    const timer = setTimeout(release, 10_000)
    em.intercept({
      method: 'GET',
      path: '/**',
      times: reads,
      run: async () => {
        if (++arrived === reads) release()
        await allArrived
      },
    })
    // A scheduled or dispatched run's payload says the owner is a person: no GET /user.
    const second = await runAction(em, scenario, githubOnly, {
      event: dispatchEvent('someone/site', 'User'),
    })
    clearTimeout(timer)
    expect(second.outputs['pull-request-operation']).toBe('none')
    const log = em.requests.slice(mark)
    expect(log.map((r) => `${r.method} ${r.path.replace(/\?.*/, '')}`).sort()).toEqual([
      'GET /repos/someone/grokking_algorithms/commits',
      'GET /repos/someone/grokking_algorithms/git/trees/HEAD',
      'GET /repos/someone/site/contents/content%2Fnow.md',
      'GET /repos/someone/site/pulls',
      'GET /search/issues',
    ])
    // Issued together: every read arrived before the first answer went out.
    const firstAnswer = Math.min(...log.map((r) => r.answered))
    for (const r of log) expect(r.arrived).toBeLessThan(firstAnswer)
  })

  it('dry-run reads everything and writes nothing', async () => {
    const scenario = demoScenario()
    const em = await start(scenario)
    const run = await runAction(em, scenario, { 'dry-run': 'true' })
    expect(run.exitCode, run.stdout).toBe(0)
    expect(run.outputs['changed']).toBe('true')
    expect(writes(em)).toEqual([])
    expect(run.summary).toContain('**Dry run**')
    expect(run.summary).toContain('+date = 2025-08-24')
  })

  it('bad input fails before any request, naming the input', async () => {
    const scenario = demoScenario()
    const em = await start(scenario)
    const run = await runAction(em, scenario, { 'max-items': '-1' })
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toMatch(/::error::input 'max-items'/)
    expect(em.requests).toEqual([])
  })

  it('a bad token fails clearly, names the token input, never prints the token', async () => {
    const scenario = demoScenario()
    const em = await start(scenario)
    const secret = 'ghp_not-a-real-token-1234567890'
    const run = await runInProcess({
      inputs: { ...scenario.inputs, token: secret },
      apiUrl: em.url,
      repository: 'someone/site',
      now: scenario.now,
    })
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toMatch(/::error::.*token/)
    // `::add-mask::` is the runner's masking command: the runner consumes it, it is never shown.
    expect(run.stdout).toContain(`::add-mask::${secret}`)
    expect(shownText(run)).not.toContain(secret)
    expect(writes(em)).toEqual([])
  })

  it('retries a 502 and a dropped connection on reads, and succeeds', async () => {
    const scenario = demoScenario()
    scenario.faults = [
      { method: 'GET', path: '/search/issues', status: 502 },
      { method: 'GET', path: '/repos/someone/grokking_algorithms/commits', drop: true },
    ]
    const em = await start(scenario)
    const run = await runAction(em, scenario)
    expect(run.exitCode, run.stdout).toBe(0)
    expect(run.outputs['pull-request-operation']).toBe('created')
    expect(
      em.requests.filter((r) => r.path.startsWith('/search/issues')).map((r) => r.status),
    ).toEqual([502, 200])
  })

  it('a token that may not write gets the permissions block to add, and nothing is written', async () => {
    const scenario = demoScenario()
    scenario.tokens = {
      'demo-token': { login: 'someone', permissions: { contents: 'read', pull_requests: 'read' } },
    }
    const em = await start(scenario)
    const run = await runAction(em, scenario)
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toContain("::error::input 'token': the token may not write")
    expect(run.stdout).toContain('permissions:%0A  contents: write%0A  pull-requests: write')
    expect(writes(em).filter((w) => w.status < 300)).toEqual([])
  })

  it('an invalid page fails with its file and line, before anything is written', async () => {
    const scenario = demoScenario()
    const site = scenario.repos.find((r) => r.fullName === 'someone/site')!
    site.files = { ...site.files, 'content/now.md': '# Now\n\n<!-- now-page:progress:start -->\n' }
    const em = await start(scenario)
    const run = await runAction(em, scenario)
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toContain('::error file=content/now.md,line=3::')
    expect(writes(em)).toEqual([])
  })

  it('stops at api-timeout-minutes when GitHub hangs, naming the input, writing nothing', async () => {
    const scenario = demoScenario()
    scenario.faults = [{ method: 'GET', path: '/search/issues', latencyMs: 20_000, times: 10 }]
    const em = await start(scenario)
    const run = await runAction(em, scenario, { 'api-timeout-minutes': '0.01' })
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toMatch(/::error::input 'api-timeout-minutes': stopped after 0.01 minute/)
    // The search was asked once and never retried past the deadline.
    expect(em.requests.filter((r) => r.path.startsWith('/search/issues'))).toHaveLength(1)
    expect(writes(em)).toEqual([])
  })

  it('refuses a page over the size limit', async () => {
    const scenario = demoScenario()
    const site = scenario.repos.find((r) => r.fullName === 'someone/site')!
    site.files = { ...site.files, 'content/now.md': 'x'.repeat(1024 * 1024 + 1) }
    const em = await start(scenario)
    const run = await runAction(em, scenario)
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toMatch(/content\/now.md is 1048577 bytes, more than a Now page should be/)
    expect(writes(em)).toEqual([])
  })

  it('the README quick-start workflow, as written, opens a correct first PR', async () => {
    // As a scheduled run passes them: no workflow_dispatch inputs, so every default.
    const withInputs = evaluateWith(actionStepWith(exampleWorkflow('hugo')))
    const scenario = demoScenario()
    scenario.inputs = {} // only what the README tells a new user to write
    const em = await start(scenario)
    const run = await runAction(em, scenario, withInputs)
    expect(run.exitCode, run.stdout).toBe(0)
    expect(run.outputs['pull-request-operation']).toBe('created')
    const page = em.readFile('someone/site', 'content/now.md', 'now-page/refresh') as string
    expect(page).toContain('Go: chapter 4 · Rust: chapter 5')
    expect(page).toContain('kubernetes/kubernetes#132604')
    expect(page).not.toContain('rancher/rancher')
    // Dates are in the README's time zone (Asia/Kolkata): a 19:30 UTC merge is the next day there.
    expect(page).toContain(
      'kubernetes/website#51234](https://github.com/kubernetes/website/pull/51234)), merged 2025-08-21',
    )
  })
})
