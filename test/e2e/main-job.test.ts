import { readFileSync } from 'node:fs'
import { parse } from 'yaml'
import { fileURLToPath } from 'node:url'
import { Octokit } from '@octokit/rest'
import { afterEach, describe, expect, it } from 'vitest'
import {
  parseScenario,
  startEmulator,
  type Emulator,
  type Scenario,
} from '../../src/emulator/index.js'
import { dispatchEvent, runActionProcess, type ActionRun } from '../../src/runner/local-runner.js'

/**
 * The bundled Action (dist/index.js) run as a runner runs it: a node process with INPUT_*
 * variables and GITHUB_* files, against the emulator. Assertions are on what ends up in the
 * emulated repository, the outputs file and the job summary.
 */
const demo = (): Scenario =>
  parseScenario(
    JSON.parse(
      readFileSync(fileURLToPath(new URL('../../scenarios/demo.json', import.meta.url)), 'utf8'),
    ),
    'scenarios/demo.json',
  )

let emulator: Emulator | undefined
afterEach(async () => {
  await emulator?.close()
  emulator = undefined
})

async function start(scenario: Scenario): Promise<Emulator> {
  emulator = await startEmulator(scenario, { port: 0 })
  return emulator
}

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

    const octokit = new Octokit({ baseUrl: em.url, auth: Object.keys(scenario.tokens)[0] })
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

  it('a run with nothing new makes only the reads it cannot do without, all at once', async () => {
    const scenario = demo()
    emulator = await startEmulator(scenario, { port: 0 })
    const em = emulator
    const run = (event?: object) =>
      runActionProcess({
        inputs: { token: 'demo-token', ...scenario.inputs },
        apiUrl: em.url,
        repository: 'someone/site',
        now: scenario.now,
        ...(event ? { event } : {}),
      })
    expect((await run()).exitCode).toBe(0)
    const mark = em.requests.length
    // Each read is held until all five have arrived (or 10 s pass): a client that waited for one
    // answer before asking the next would show it in the order of events below, however fast or
    // slow this machine is.
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
    const second = await run(dispatchEvent('someone/site', 'User'))
    clearTimeout(timer)
    expect(second.outputs['pull-request-operation']).toBe('none')
    const log = em.requests.slice(mark)
    // The page, the PR (whose hidden state says it already proposes this page), the search,
    // and the side project's commits and tree: no branch, compare or repository reads.
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
    const scenario = demo()
    const em = await start(scenario)
    const run = await runAction(em, scenario, { 'dry-run': 'true' })
    expect(run.exitCode, run.stdout + run.stderr).toBe(0)
    expect(run.outputs['changed']).toBe('true')
    expect(writes(em)).toEqual([])
    expect(run.summary).toContain('Dry run')
    expect(run.summary).toContain('+date = 2025-08-24')
  })

  it('bad input fails before any request, naming the input', async () => {
    const scenario = demo()
    const em = await start(scenario)
    const run = await runAction(em, scenario, { 'max-items': '-1' })
    expect(run.exitCode).not.toBe(0)
    expect(run.stdout).toMatch(/::error::.*max-items/)
    expect(em.requests).toEqual([])
  })

  it('a bad token fails clearly, names the token input, never prints the token', async () => {
    const scenario = demo()
    const em = await start(scenario)
    const secret = 'ghp_not-a-real-token-1234567890'
    const run = await runActionProcess({
      inputs: { ...scenario.inputs, token: secret },
      apiUrl: em.url,
      repository: 'someone/site',
      now: scenario.now,
    })
    expect(run.exitCode).not.toBe(0)
    expect(run.stdout).toMatch(/::error::.*token/)
    // `::add-mask::` is the runner's masking command: the runner consumes it, it is never shown.
    expect(run.stdout).toContain(`::add-mask::${secret}`)
    expect(shownText(run)).not.toContain(secret)
    expect(writes(em)).toEqual([])
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

  it('retries a 502 and a dropped connection on reads, and succeeds', async () => {
    const scenario = demo()
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
    const scenario = demo()
    scenario.tokens = {
      'demo-token': { login: 'someone', permissions: { contents: 'read', pull_requests: 'read' } },
    }
    const em = await start(scenario)
    const run = await runAction(em, scenario)
    expect(run.exitCode).not.toBe(0)
    expect(run.stdout).toContain("::error::input 'token': the token may not write")
    expect(run.stdout).toContain('permissions:%0A  contents: write%0A  pull-requests: write')
    expect(writes(em).filter((w) => w.status < 300)).toEqual([])
  })

  it('an invalid page fails with its file and line, before anything is written', async () => {
    const scenario = demo()
    const site = scenario.repos.find((r) => r.fullName === 'someone/site')!
    site.files = { ...site.files, 'content/now.md': '# Now\n\n<!-- now-page:progress:start -->\n' }
    const em = await start(scenario)
    const run = await runAction(em, scenario)
    expect(run.exitCode).not.toBe(0)
    expect(run.stdout).toContain('::error file=content/now.md,line=3::')
    expect(writes(em)).toEqual([])
  })

  it('stops at api-timeout-minutes when GitHub hangs, naming the input, writing nothing', async () => {
    const scenario = demo()
    scenario.faults = [{ method: 'GET', path: '/search/issues', latencyMs: 20_000, times: 10 }]
    const em = await start(scenario)
    const run = await runAction(em, scenario, { 'api-timeout-minutes': '0.02' })
    expect(run.exitCode).not.toBe(0)
    expect(run.stdout).toMatch(/::error::input 'api-timeout-minutes': stopped after 0.02 minute/)
    // 1.2 s of deadline against a 20 s hang: the search was asked once and never retried (with
    // retries, backoff alone would add 14 s and three more searches).
    expect(em.requests.filter((r) => r.path.startsWith('/search/issues'))).toHaveLength(1)
    expect(writes(em)).toEqual([])
  })

  it('refuses a page over the size limit', async () => {
    const scenario = demo()
    const site = scenario.repos.find((r) => r.fullName === 'someone/site')!
    site.files = { ...site.files, 'content/now.md': 'x'.repeat(1024 * 1024 + 1) }
    const em = await start(scenario)
    const run = await runAction(em, scenario)
    expect(run.exitCode).not.toBe(0)
    expect(run.stdout).toMatch(/content\/now.md is 1048577 bytes, more than a Now page should be/)
    expect(writes(em)).toEqual([])
  })

  it('the README quick-start workflow, as written, opens a correct first PR', async () => {
    const workflow = parse(
      readFileSync(new URL('../../examples/hugo.yml', import.meta.url), 'utf8'),
    ) as {
      jobs: { refresh: { steps: Array<{ with: Record<string, string> }> } }
    }
    const withInputs = workflow.jobs.refresh.steps[0]!.with
    const scenario = demo()
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
