import { demoScenario } from '../action/demo-scenario.js'
import { emulatorPerTest } from '../support/emulator-per-test.js'
import { quietLog } from '../support/quiet-log.js'
import { Octokit } from '@octokit/rest'
import { describe, expect, it } from 'vitest'
import type { Emulator, Scenario } from '../../src/emulator/index.js'
import { runActionProcess, type ActionRun } from '../../src/runner/local-runner.js'

/**
 * The bundled Action (dist/index.js) run as a runner runs it: a node process with INPUT_*
 * variables and GITHUB_* files, against the emulator. Only what needs a real process is here (the
 * bundle itself, two processes racing); the job's behaviour is tested in-process in
 * test/action/main-job.int.test.ts, where coverage sees it.
 */
const demo = demoScenario

const start = emulatorPerTest()

async function runAction(
  em: Emulator,
  scenario: Scenario,
  inputs: Record<string, string> = {},
): Promise<ActionRun> {
  const token = Object.keys(scenario.tokens)[0] as string
  const run = await runActionProcess({
    inputs: { token, ...scenario.inputs, ...inputs },
    apiUrl: em.url,
    repository: 'someone/site',
    now: scenario.now,
  })
  // Whatever happened, the token never shows: not in the log (the runner consumes the
  // ::add-mask:: command itself), the summary or the outputs.
  expect(shownText(run)).not.toContain(token)
  return run
}

function shownText(run: ActionRun): string {
  const log = (run.stdout + run.stderr).split('\n').filter((l) => !l.startsWith('::add-mask::'))
  return log.join('\n') + run.summary + JSON.stringify(run.outputs)
}

const writes = (em: Emulator, from = 0) => em.requests.slice(from).filter((r) => r.method !== 'GET')

describe('the Action end to end (dist/index.js against the emulator)', () => {
  it('first run opens one PR with the edited page; a second run does nothing', async () => {
    const scenario = demo()
    const em = await start(scenario)
    const before = em.readFile('someone/site', 'content/now.md') as string
    const first = await runAction(em, scenario)
    expect(first.exitCode, first.stdout + first.stderr).toBe(0)
    expect(first.outputs['changed']).toBe('true')
    expect(first.outputs['pull-request-operation']).toBe('created')
    const number = Number(first.outputs['pull-request-number'])
    expect(number).toBeGreaterThan(0)
    expect(first.outputs['pull-request-url']).toContain(`/pull/${number}`)
    expect(first.outputs['commit-sha']).toMatch(/^[0-9a-f]{40}$/)

    // The base branch is untouched; the branch holds the edit.
    expect(em.readFile('someone/site', 'content/now.md', 'main')).toBe(before)
    const after = em.readFile('someone/site', 'content/now.md', 'now-page/refresh') as string
    expect(after).not.toBe(before)
    expect(after).toContain('<!-- now-page:contributions:start -->')
    expect(after).toContain('kubernetes/kubernetes#')
    expect(after).toContain('Go: chapter 4')
    expect(after).toContain('date = 2025-08-24')
    expect(after.endsWith('\n')).toBe(before.endsWith('\n'))
    // Nothing from the author's own repositories, nothing unmerged.
    expect(after).not.toMatch(/someone\/[a-z_-]+#\d+/)

    const octokit = new Octokit({
      baseUrl: em.url,
      auth: Object.keys(scenario.tokens)[0],
      log: quietLog,
    })
    const { data: pulls } = await octokit.rest.pulls.list({
      owner: 'someone',
      repo: 'site',
      state: 'open',
    })
    expect(pulls).toHaveLength(1)
    expect(pulls[0]?.head.ref).toBe('now-page/refresh')
    expect(pulls[0]?.base.ref).toBe('main')
    expect(first.summary).toContain('Now page: content/now.md')

    const mark = em.requests.length
    const second = await runAction(em, scenario)
    expect(second.exitCode, second.stdout + second.stderr).toBe(0)
    // The page still differs from the base (the PR is open), but the PR already has it.
    expect(second.outputs['changed']).toBe('true')
    expect(second.outputs['pull-request-operation']).toBe('none')
    expect(second.outputs['pull-request-number']).toBe(String(number))
    expect(writes(em, mark)).toEqual([])
  })

  it('two runs at once end with exactly one PR', async () => {
    const scenario = demo()
    const em = await start(scenario)
    const [a, b] = await Promise.all([runAction(em, scenario), runAction(em, scenario)])
    expect(a.exitCode, a.stdout).toBe(0)
    expect(b.exitCode, b.stdout).toBe(0)
    const open = em.state.repo('someone/site')!.pulls.filter((p) => p.state === 'open')
    expect(open).toHaveLength(1)
    expect([a, b].map((r) => r.outputs['pull-request-number'])).toEqual([
      String(open[0]!.number),
      String(open[0]!.number),
    ])
  })
})
