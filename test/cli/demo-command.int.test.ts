import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Scenario } from '../../src/emulator/index.js'
import { demoScenario } from '../action/demo-scenario.js'
import { runCli } from '../../src/cli/run-cli.js'
import { runInProcess } from '../action/run-in-process.js'
import { cli } from './run-cli-in-process.js'

function scenarioFile(scenario: Scenario): string {
  const dir = mkdtempSync(join(tmpdir(), 'now-page-demo-'))
  const path = join(dir, 'scenario.json')
  writeFileSync(path, JSON.stringify(scenario))
  return path
}

describe('now-page demo with other scenarios', () => {
  it('finds the site as the first repository with files when the scenario names none', async () => {
    const scenario = demoScenario()
    delete scenario.repository
    const site = scenario.repos.find((r) => r.fullName === 'someone/site')!
    scenario.repos = [site, ...scenario.repos.filter((r) => r !== site)]
    const r = await cli(['demo', '--scenario', scenarioFile(scenario)])
    expect(r.code, r.stderr).toBe(0)
    expect(r.stdout).toContain('Pull request #1 (created)')
  })

  it('says so when there is nothing to propose', async () => {
    const scenario = demoScenario()
    scenario.inputs = { ...scenario.inputs, sections: 'contributions', since: '2025-08-23' }
    const r = await cli(['demo', '--scenario', scenarioFile(scenario)])
    expect(r.code, r.stderr).toBe(0)
    expect(r.stdout).toMatch(/No pull request: /)
  })

  it('shows the end of the log of a failed run, and exits 1', async () => {
    const scenario = demoScenario()
    scenario.inputs = { ...scenario.inputs, 'page-path': 'content/missing.md' }
    const r = await cli(['demo', '--scenario', scenarioFile(scenario)])
    expect(r.code).toBe(1)
    expect(r.stdout).toContain('The Action failed (exit 1):')
    expect(r.stdout).toContain('content/missing.md')
  })

  it.each([
    [
      (s: Scenario) => {
        s.tokens = {}
      },
      'scenario.tokens: expected at least one token',
    ],
    [
      (s: Scenario) => {
        delete s.repository
        for (const repo of s.repos) delete repo.files
      },
      'the scenario has no repository with files to act on',
    ],
  ])('refuses a scenario it cannot run: %#', async (change, message) => {
    const scenario = demoScenario()
    change(scenario)
    const r = await cli(['demo', '--scenario', scenarioFile(scenario)])
    expect(r.code).toBe(2)
    expect(r.stderr).toContain(message)
  })
})

describe('now-page demo when the second run fails', () => {
  it('says so, with what it knows, and exits 1', async () => {
    let runs = 0
    let stdout = ''
    const code = await runCli(['demo'], {
      stdout: (s) => (stdout += s),
      stderr: () => undefined,
      runAction: async (options) =>
        ++runs === 1
          ? runInProcess(options)
          : { exitCode: 1, stdout: '', stderr: '', outputs: {}, summary: '', ms: 1, startedAt: 0 },
    })
    expect(code).toBe(1)
    expect(stdout).toContain('Pull request #1 (created)')
    expect(stdout).toMatch(/Second run on the same emulator: \? \(changed=\?, .*FAILED \(exit 1\)/)
  })
})
