import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { runCli } from '../../src/cli/run-cli.js'
import { cli } from './run-cli-in-process.js'

describe('now-page usage and refusals', () => {
  it.each([[['help']], [['--help']], [['-h']]])('%j prints the commands', async (args) => {
    const r = await cli(args)
    expect(r.code).toBe(0)
    expect(r.stdout).toContain('Usage: now-page <command> [options]')
  })

  it('with no command prints the commands as an error', async () => {
    const r = await cli([])
    expect(r.code).toBe(2)
    expect(r.stderr).toContain('Usage: now-page <command> [options]')
  })

  it.each([['--version'], ['-v']])('%s prints the version from package.json', async (flag) => {
    const { version } = JSON.parse(
      readFileSync(new URL('../../package.json', import.meta.url), 'utf8'),
    ) as { version: string }
    const r = await cli([flag])
    expect(r).toEqual({ code: 0, stdout: `now-page ${version}\n`, stderr: '' })
  })

  it.each([
    ['edit', 'Usage: now-page edit'],
    ['demo', 'Usage: now-page demo'],
    ['preview', 'Usage: now-page preview'],
    ['emulator', 'Usage: now-page emulator'],
  ])('%s --help prints its usage', async (command, usage) => {
    const r = await cli([command, '--help'])
    expect(r.code).toBe(0)
    expect(r.stdout).toContain(usage)
  })

  it.each([
    [['preview'], 'preview needs --repo owner/name'],
    [['preview', '--repo', 'not a repo'], 'preview needs --repo owner/name'],
    [['preview', '--repo', 'a/b', '--token', 't', '--input', 'novalue'], 'expected name=value'],
    [
      ['preview', '--repo', 'a/b', '--token', 't', '--input', 'max_items=3'],
      "--input max_items=3: 'max_items' is not an input of the Action. Inputs: token, ",
    ],
    [['preview', '--bogus'], "now-page preview: unknown option '--bogus'"],
    [['demo', '--scenario'], "now-page demo: option '--scenario' needs a value"],
    [['emulator'], 'now-page emulator: emulator needs --scenario FILE'],
    [['emulator', '--scenario', 'x.json', '--port', '70000'], '--port 70000 is not a port number'],
    [
      ['emulator', '--scenario', 'x.json', '--port', '-1'],
      "option '--port' needs a value (one starting with '-' is written as --port=VALUE)",
    ],
    [['emulator', '--scenario', 'x.json', '--port=-1'], '--port -1 is not a port number'],
    [['emulator', '--scenario', 'x.json', '--latency', 'slow'], '--latency slow is not a number'],
  ])('%j exits 2: %s', async (args, message) => {
    const r = await cli(args)
    expect(r.code).toBe(2)
    expect(r.stderr).toContain(message)
  })

  it('preview without any token says where to put one', async () => {
    const saved = { GITHUB_TOKEN: process.env.GITHUB_TOKEN, GH_TOKEN: process.env.GH_TOKEN }
    delete process.env.GITHUB_TOKEN
    delete process.env.GH_TOKEN
    try {
      const r = await cli(['preview', '--repo', 'a/b'])
      expect(r.code).toBe(2)
      expect(r.stderr).toContain('preview needs a token')
    } finally {
      for (const [k, v] of Object.entries(saved)) if (v !== undefined) process.env[k] = v
    }
  })

  it('an unexpected failure exits 1 with its stack', async () => {
    let stderr = ''
    const code = await runCli(['demo'], {
      stdout: () => undefined,
      stderr: (s) => (stderr += s),
      runAction: () => Promise.reject(new Error('boom')),
    })
    expect(code).toBe(1)
    expect(stderr).toMatch(/^now-page demo: unexpected error: Error: boom\n\s+at /)
  })
})

describe('now-page emulator in-process', () => {
  it('prints its URL first and serves the scenario until stopped', async () => {
    const scenario = fileURLToPath(new URL('../../scenarios/demo.json', import.meta.url))
    let stdout = ''
    let answer: unknown
    const code = await runCli(['emulator', '--scenario', scenario, '--latency', '1'], {
      stdout: (s) => (stdout += s),
      stderr: () => undefined,
      untilStopped: async (url) => {
        answer = (await (await fetch(`${url}/repos/someone/site`, authorized)).json()) as unknown
      },
    })
    expect(code).toBe(0)
    expect(stdout).toMatch(/^http:\/\/127\.0\.0\.1:\d+\n$/)
    expect(answer).toMatchObject({ full_name: 'someone/site', default_branch: 'main' })
  })
})

const authorized = { headers: { authorization: 'token demo-token' } }
