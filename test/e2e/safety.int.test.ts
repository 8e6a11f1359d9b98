import { demoScenario } from '../action/demo-scenario.js'
import { emulatorPerTest } from '../support/emulator-per-test.js'
import { describe, expect, it } from 'vitest'
import type { Emulator } from '../../src/emulator/index.js'
import { runActionProcess } from '../../src/runner/local-runner.js'

/** Issue 14 §1 and §3 through the bundled Action: a run that must not write writes nothing. */
const demo = demoScenario

const start = emulatorPerTest()

const repoState = (em: Emulator) => {
  const repo = em.state.repo('someone/site')!
  return { refs: Object.fromEntries(repo.refs), pulls: JSON.stringify(repo.pulls) }
}

describe('the Action never harms the site repository', () => {
  it.each([
    ['main', {}],
    ['refs/heads/main', {}],
    ['now-page/refresh', { 'pull-requests': 'read' }],
  ])(
    'branch %j with token permissions %j: fails, and the repository is as before',
    async (branch, permissions) => {
      const scenario = demo()
      const token = Object.keys(scenario.tokens)[0] as string
      scenario.tokens[token] = {
        ...scenario.tokens[token]!,
        ...(Object.keys(permissions).length
          ? { permissions: { contents: 'write', pull_requests: 'read' } }
          : {}),
      }
      const em = await start(scenario)
      const before = repoState(em)
      const run = await runActionProcess({
        inputs: { token, ...scenario.inputs, branch },
        apiUrl: em.url,
        repository: 'someone/site',
        now: scenario.now,
      })
      expect(run.exitCode).not.toBe(0)
      expect(repoState(em)).toEqual(before)
      expect(run.stdout + run.stderr).toMatch(
        Object.keys(permissions).length ? /deleted the branch now-page\/refresh/ : /input 'branch'/,
      )
      if (!Object.keys(permissions).length)
        expect(em.requests.filter((r) => r.method !== 'GET')).toEqual([])
    },
  )
})
