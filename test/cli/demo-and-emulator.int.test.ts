import { quietLog } from '../support/quiet-log.js'
import { spawn, spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Octokit } from '@octokit/rest'
import { describe, expect, it } from 'vitest'
import { parseScenario, startEmulator } from '../../src/emulator/index.js'
import { cli } from './run-cli-in-process.js'

const bin = fileURLToPath(new URL('../../dist/cli.js', import.meta.url))
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

/**
 * The README's first command as a user runs it (dist/cli.js, spawning the bundled Action) is the
 * one spawned test here, with the emulator's own process; the rest run the CLI in-process.
 */
describe('now-page demo (the README’s first command)', () => {
  it('opens a real PR in the embedded emulator, and a second run does nothing', async () => {
    const r = await cli(['demo', '--json'])
    expect(r.code, r.stderr).toBe(0)
    const demo = JSON.parse(r.stdout) as DemoJson
    expect(demo.outputs['pull-request-operation']).toBe('created')
    expect(demo.pullRequest).toMatchObject({ number: 1, head: 'now-page/refresh', base: 'main' })
    expect(demo.pullRequest.title).toBe('Update Now page (2025-08-24)')
    expect(Object.keys(demo.files)).toEqual(['content/now.md'])
    const page = demo.files['content/now.md'] as string
    expect(page).toContain('kubernetes/kubernetes#132604')
    expect(page).toContain('Go: chapter 4 · Rust: chapter 5')
    // The author's own repository on GitHub is no upstream contribution.
    expect(page).not.toContain('github.com/someone/dotfiles')
    // Three forges in one refresh: a GitLab merge request and a Codeberg side project.
    expect(page).toContain(
      '([GNOME/gnome-shell!3801](https://gitlab.gnome.org/GNOME/gnome-shell/-/merge_requests/3801)), merged 2025-08-14',
    )
    expect(page).toContain('[someone/dotfiles](https://codeberg.org/someone/dotfiles): 4 commits')
    expect(page).not.toContain('rancher/rancher')
    expect(page).not.toContain('superseded')
    expect(demo.requests.some((q) => q.path.startsWith('/search/issues'))).toBe(true)
    expect(demo.secondRun.writes).toBe(0)
    expect(demo.secondRun.outputs['pull-request-operation']).toBe('none')
  })

  it('prints the PR and the diff as text (dist/cli.js, as `npm run demo` does)', () => {
    const r = spawnSync(process.execPath, [bin, 'demo'], { encoding: 'utf8', timeout: 60_000 })
    expect(r.status, r.stderr).toBe(0)
    expect(r.stdout).toContain('Pull request #1 (created): Update Now page (2025-08-24)')
    expect(r.stdout).toContain('+date = 2025-08-24')
    expect(r.stdout).toMatch(/Second run on the same emulator: none .* 0 writes/)
  })

  it('exits 2 naming the field of an invalid scenario', async () => {
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
    const r = await cli(['demo', '--scenario', bad])
    expect(r.code).toBe(2)
    expect(r.stderr).toContain('scenario.repos[0].fullName: expected owner/name, got "x"')
  })
})

describe('now-page emulator', () => {
  it('prints its URL first and serves the scenario to any client', async () => {
    const child = spawn(
      process.execPath,
      [bin, 'emulator', '--scenario', demoScenario, '--port', '0'],
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
      const octokit = new Octokit({ baseUrl: url, auth: 'demo-token', log: quietLog })
      const { data } = await octokit.rest.repos.get({ owner: 'someone', repo: 'site' })
      expect(data.default_branch).toBe('main')
    } finally {
      child.kill('SIGTERM')
    }
  })
})

describe('now-page preview', () => {
  it('dry-runs against an API (here the emulator) with a token and prints the diff, writing nothing', async () => {
    const scenario = parseScenario(JSON.parse(readFileSync(demoScenario, 'utf8')))
    const em = await startEmulator(scenario)
    const now = process.env.NOW_PAGE_NOW
    process.env.NOW_PAGE_NOW = scenario.now
    try {
      const r = await cli([
        'preview',
        '--repo',
        'someone/site',
        '--api-url',
        em.url,
        '--token',
        'demo-token',
        '--input',
        // The GitHub project: the forges' addresses are filled in by the runner, not preview.
        `side-projects=${scenario.inputs?.['side-projects']?.split('\n')[0]}`,
      ])
      expect(r.code, r.stderr).toBe(0)
      // stdout is the page's diff and nothing else; the log goes to stderr, as plain lines.
      expect(r.stdout).toMatch(/^=+\n--- a\/content\/now.md\n\+\+\+ b\/content\/now.md\n@@ /)
      expect(r.stdout).toContain('+date = 2025-08-24')
      expect(r.stdout).not.toMatch(/^::/m)
      expect(r.stderr).not.toMatch(/^::/m)
      expect(r.stderr).toContain('notice: dry run: content/now.md would be refreshed')
      expect(r.stderr).not.toContain('demo-token')
      expect(em.requests.filter((q) => q.method !== 'GET')).toEqual([])
    } finally {
      if (now === undefined) delete process.env.NOW_PAGE_NOW
      else process.env.NOW_PAGE_NOW = now
      await em.close()
    }
  })

  it('takes the token from GH_TOKEN, and exits 1 when the run fails', async () => {
    const scenario = parseScenario(JSON.parse(readFileSync(demoScenario, 'utf8')))
    const em = await startEmulator(scenario)
    const saved = { GITHUB_TOKEN: process.env.GITHUB_TOKEN, GH_TOKEN: process.env.GH_TOKEN }
    delete process.env.GITHUB_TOKEN
    process.env.GH_TOKEN = 'demo-token'
    try {
      const r = await cli([
        'preview',
        '--repo',
        'someone/site',
        '--api-url',
        em.url,
        '--input',
        'page-path=content/missing.md',
      ])
      expect(r.code).toBe(1)
      expect(r.stdout).toBe('')
      expect(r.stderr).toMatch(/^error: .*content\/missing\.md/m)
      expect(em.requests.filter((q) => q.method !== 'GET')).toEqual([])
    } finally {
      for (const [k, v] of Object.entries(saved)) {
        if (v === undefined) delete process.env[k]
        else process.env[k] = v
      }
      await em.close()
    }
  })
})
