import { describe, expect, it } from 'vitest'
import { dispatchEvent } from '../../src/runner/local-runner.js'
import { emulatorPerTest } from '../support/emulator-per-test.js'
import { demoScenario } from './demo-scenario.js'
import { runInProcess } from './run-in-process.js'

const start = emulatorPerTest()

/** The job hands publishing the runner's commit (GITHUB_SHA) when it is the base's head. */
describe('the runner’s base head', () => {
  it.each([
    ['on the default branch: the page is committed through the Contents API', 'refs/heads/main', 1],
    [
      'on another branch: the base is read, the commit made through the Git Data API',
      'refs/heads/x',
      0,
    ],
  ])('dispatched %s', async (_name, ref, puts) => {
    const scenario = demoScenario()
    const em = await start(scenario)
    const event = dispatchEvent('someone/site', 'User') as { repository: object }
    const run = await runInProcess({
      inputs: { token: Object.keys(scenario.tokens)[0] as string, ...scenario.inputs },
      apiUrl: em.url,
      repository: 'someone/site',
      now: scenario.now,
      event: { ...event, repository: { ...event.repository, default_branch: 'main' } },
      env: {
        GITHUB_SHA: em.state.repo('someone/site')!.refs.get('refs/heads/main')!,
        GITHUB_REF: ref,
      },
    })
    expect(run.exitCode, run.stdout).toBe(0)
    expect(run.outputs['pull-request-operation']).toBe('created')
    expect(em.requests.filter((r) => r.method === 'PUT')).toHaveLength(puts)
    expect(
      em.requests.filter((r) => r.path.includes('/git/trees') && r.method === 'POST'),
    ).toHaveLength(1 - puts)
  })
})
