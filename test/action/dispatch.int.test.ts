import { describe, expect, it } from 'vitest'
import type { Emulator, Scenario } from '../../src/emulator/index.js'
import { dispatchEvent, type ActionRun } from '../../src/runner/local-runner.js'
import { emulatorPerTest } from '../support/emulator-per-test.js'
import { demoScenario } from './demo-scenario.js'
import { runInProcess } from './run-in-process.js'
import { actionStepWith, evaluateWith, exampleWorkflow } from './workflow-inputs.js'

/** A refresh by hand from the Actions tab, with the example workflows' workflow_dispatch inputs. */
const start = emulatorPerTest()

/** Runs hugo.yml's Action step as GitHub would for a dispatch with these inputs. */
async function dispatch(
  em: Emulator,
  scenario: Scenario,
  asked: Record<string, string | boolean>,
  more: Record<string, string> = {},
): Promise<ActionRun> {
  const withInputs = evaluateWith(actionStepWith(exampleWorkflow('hugo')), asked)
  return runInProcess({
    inputs: { token: 'demo-token', ...withInputs, ...more },
    apiUrl: em.url,
    repository: 'someone/site',
    now: scenario.now,
    eventName: 'workflow_dispatch',
    // The payload carries the inputs as the person typed them (booleans as strings).
    event: {
      ...dispatchEvent('someone/site', 'User'),
      inputs: Object.fromEntries(Object.entries(asked).map(([k, v]) => [k, String(v)])),
    },
  })
}

const writes = (em: Emulator) => em.requests.filter((r) => r.method !== 'GET')

describe('a refresh by hand (workflow_dispatch)', () => {
  it('every example offers dry-run and since, and passes them to the Action', () => {
    for (const name of ['hugo', 'jekyll', 'astro']) {
      const workflow = exampleWorkflow(name)
      const inputs = workflow.on.workflow_dispatch?.inputs ?? {}
      expect(Object.keys(inputs), name).toEqual(['dry-run', 'since'])
      expect(inputs['dry-run']).toMatchObject({ type: 'boolean', default: false })
      // Only these two: the token lines use secrets and step outputs, which a test cannot give.
      const { 'dry-run': dryRun, since } = actionStepWith(workflow)
      const step = { 'dry-run': dryRun, since }
      // A scheduled run (no inputs) gets the Action's defaults; a dispatched one what was typed.
      expect(evaluateWith(step)).toEqual({ 'dry-run': 'false', since: '90d' })
      expect(evaluateWith(step, { 'dry-run': true, since: '30d' })).toEqual({
        'dry-run': 'true',
        since: '30d',
      })
    }
  })

  it('a dry run over another window shows the diff, says what was asked, writes nothing', async () => {
    const scenario = demoScenario()
    const em = await start(scenario)
    const run = await dispatch(em, scenario, { 'dry-run': true, since: '30d' })
    expect(run.exitCode, run.stdout).toBe(0)
    expect(run.summary).toContain(
      'Run by hand (workflow_dispatch) with `dry-run`: **true**, `since`: **30d**.',
    )
    expect(run.summary).toContain('**Dry run**: nothing was written.')
    expect(run.summary).toContain('Window: 2025-07-25 to 2025-08-24.')
    expect(run.summary).toContain('+date = 2025-08-24')
    // 30 days leave out the July merge that the default 90 days list.
    expect(run.summary).toContain('kubernetes/website#51234')
    expect(run.summary).not.toContain('kubernetes/kubernetes#132604')
    expect(writes(em)).toEqual([])
  })

  it('a dispatch with the defaults says so; a scheduled run says nothing of it', async () => {
    const scenario = demoScenario()
    const em = await start(scenario)
    const run = await dispatch(em, scenario, { 'dry-run': false, since: '' })
    expect(run.summary).toContain('Run by hand (workflow_dispatch) with `dry-run`: **false**.')
    const scheduled = await runInProcess({
      inputs: { token: 'demo-token', ...evaluateWith(actionStepWith(exampleWorkflow('hugo'))) },
      apiUrl: em.url,
      repository: 'someone/site',
      now: scenario.now,
      eventName: 'schedule',
      event: dispatchEvent('someone/site', 'User'),
    })
    expect(scheduled.exitCode, scheduled.stdout).toBe(0)
    expect(scheduled.summary).not.toContain('Run by hand')
  })

  it('after a template change, a run re-renders the open pull request with a new commit', async () => {
    const scenario = demoScenario()
    const em = await start(scenario)
    const first = await dispatch(em, scenario, {})
    expect(first.outputs['pull-request-operation']).toBe('created')
    const template = { 'contributions-template': '- {title} ({repo})' }
    const changed = await dispatch(em, scenario, {}, template)
    expect(changed.outputs['pull-request-operation']).toBe('updated')
    expect(changed.outputs['commit-sha']).not.toBe(first.outputs['commit-sha'])
    const page = em.readFile('someone/site', 'content/now.md', 'now-page/refresh') as string
    expect(page).toContain('- kubectl: fix a flaky test in get\\_test.go (kubernetes/kubernetes)')
    // Nothing to force: the next run with the same template finds the PR already right.
    const again = await dispatch(em, scenario, {}, template)
    expect(again.outputs['pull-request-operation']).toBe('none')
  })
})
