import { spawn, spawnSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Octokit } from '@octokit/rest'
import { describe, expect, it } from 'vitest'

const cli = fileURLToPath(new URL('../../dist/cli.js', import.meta.url))
const demoScenario = fileURLToPath(new URL('../../scenarios/demo.json', import.meta.url))

interface DemoJson {
  outputs: Record<string, string>
  pullRequest: {
    number: number
    title: string
    body: string
    head: string
    base: string
    url: string
  }
  files: Record<string, string>
  requests: Array<{ method: string; path: string; status: number }>
  secondRun: { outputs: Record<string, string>; requests: number; writes: number }
}

describe('now-page demo (the README’s first command)', () => {
  it('opens a real PR in the embedded emulator, and a second run does nothing', () => {
    const r = spawnSync(process.execPath, [cli, 'demo', '--json'], {
      encoding: 'utf8',
      timeout: 60_000,
    })
    expect(r.status, r.stderr).toBe(0)
    const demo = JSON.parse(r.stdout) as DemoJson
    expect(demo.outputs['pull-request-operation']).toBe('created')
    expect(demo.pullRequest).toMatchObject({ number: 1, head: 'now-page/refresh', base: 'main' })
    expect(demo.pullRequest.title).toBe('Update Now page (2025-08-24)')
    expect(Object.keys(demo.files)).toEqual(['content/now.md'])
    const page = demo.files['content/now.md'] as string
    expect(page).toContain('kubernetes/kubernetes#132604')
    expect(page).toContain('Go: chapter 4 · Rust: chapter 5')
    expect(page).not.toContain('someone/dotfiles')
    expect(page).not.toContain('rancher/rancher')
    expect(page).not.toContain('superseded')
    expect(demo.requests.some((q) => q.path.startsWith('/search/issues'))).toBe(true)
    expect(demo.secondRun.writes).toBe(0)
    expect(demo.secondRun.outputs['pull-request-operation']).toBe('none')
  })

  it('prints the PR and the diff as text', () => {
    const r = spawnSync(process.execPath, [cli, 'demo'], { encoding: 'utf8', timeout: 60_000 })
    expect(r.status, r.stderr).toBe(0)
    expect(r.stdout).toContain('Pull request #1 (created): Update Now page (2025-08-24)')
    expect(r.stdout).toContain('+date = 2025-08-24')
    expect(r.stdout).toMatch(/Second run on the same emulator: none .* 0 writes/)
  })

  it('exits 2 naming the field of an invalid scenario', () => {
    const dir = mkdtempSync(join(tmpdir(), 'now-page-demo-'))
    const bad = join(dir, 'bad.json')
    writeFileSync(
      bad,
      JSON.stringify({
        now: '2025-08-24T06:00:00Z',
        tokens: { t: { login: 'a' } },
        repos: [{ fullName: 'x' }],
      }),
    )
    const r = spawnSync(process.execPath, [cli, 'demo', '--scenario', bad], { encoding: 'utf8' })
    expect(r.status).toBe(2)
    expect(r.stderr).toContain('scenario.repos[0].fullName: expected owner/name, got "x"')
  })
})

describe('now-page emulator', () => {
  it('prints its URL first and serves the scenario to any client', async () => {
    const child = spawn(
      process.execPath,
      [cli, 'emulator', '--scenario', demoScenario, '--port', '0'],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    )
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = ''
        child.stdout.setEncoding('utf8').on('data', (d: string) => {
          out += d
          if (out.includes('\n')) resolve(out.split('\n')[0] as string)
        })
        child.on('exit', (code) => reject(new Error(`exited ${code}`)))
      })
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
      const octokit = new Octokit({ baseUrl: url, auth: 'demo-token' })
      const { data } = await octokit.rest.repos.get({ owner: 'someone', repo: 'site' })
      expect(data.default_branch).toBe('main')
    } finally {
      child.kill('SIGTERM')
    }
  })
})

describe('now-page preview', () => {
  it('dry-runs against an API (here the emulator) with a token and prints the diff, writing nothing', async () => {
    const { parseScenario, startEmulator } = await import('../../src/emulator/index.js')
    const { readFileSync } = await import('node:fs')
    const scenario = parseScenario(JSON.parse(readFileSync(demoScenario, 'utf8')))
    const em = await startEmulator(scenario)
    try {
      const child = spawn(
        process.execPath,
        [
          cli,
          'preview',
          '--repo',
          'someone/site',
          '--api-url',
          em.url,
          '--token',
          'demo-token',
          '--input',
          `side-projects=${scenario.inputs?.['side-projects']}`,
        ],
        { env: { ...process.env, NOW_PAGE_NOW: scenario.now }, stdio: ['ignore', 'pipe', 'pipe'] },
      )
      let out = ''
      let err = ''
      child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d))
      child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d))
      const code = await new Promise<number>((resolve) => child.on('close', (c) => resolve(c ?? 1)))
      expect(code, err).toBe(0)
      expect(out).toContain('Dry run')
      expect(out).toContain('+date = 2025-08-24')
      expect(err).not.toContain('demo-token')
      expect(em.requests.filter((r) => r.method !== 'GET')).toEqual([])
    } finally {
      await em.close()
    }
  })
})
