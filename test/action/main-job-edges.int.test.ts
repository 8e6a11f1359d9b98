import { mkdtempSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { startEmulator, type Emulator, type Scenario } from '../../src/emulator/index.js'
import {
  dispatchEvent,
  type ActionRun,
  type RunActionOptions,
} from '../../src/runner/local-runner.js'
import { demoScenario } from './demo-scenario.js'
import { runInProcess } from './run-in-process.js'

/** The job's edges in-process: its environment, the event payload, warnings and odd failures. */
let emulator: Emulator | undefined
afterEach(async () => {
  await emulator?.close()
  emulator = undefined
})

async function runOn(
  scenario: Scenario,
  inputs: Record<string, string> = {},
  more: Partial<RunActionOptions> = {},
): Promise<{ run: ActionRun; em: Emulator }> {
  emulator ??= await startEmulator(scenario, { port: 0 })
  const run = await runInProcess({
    inputs: { token: 'demo-token', ...scenario.inputs, ...inputs },
    apiUrl: emulator.url,
    repository: 'someone/site',
    now: scenario.now,
    ...more,
  })
  return { run, em: emulator }
}

function eventFile(payload: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'now-page-event-')), 'event.json')
  writeFileSync(path, payload)
  return path
}

describe('the job and its environment', () => {
  it.each([
    [{ GITHUB_REPOSITORY: '' }, 'GITHUB_REPOSITORY is "", not owner/name'],
    [{ GITHUB_REPOSITORY: 'just-a-name' }, 'GITHUB_REPOSITORY is "just-a-name", not owner/name'],
    [{ NOW_PAGE_NOW: 'yesterday' }, 'NOW_PAGE_NOW is not an ISO date-time: yesterday'],
  ])('refuses %j before any request', async (env, message) => {
    const { run, em } = await runOn(demoScenario(), {}, { env })
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toContain(`::error::${message}`)
    expect(em.requests).toEqual([])
  })

  it('asks GitHub who owns the repository when the event payload cannot be read', async () => {
    const { run, em } = await runOn(
      demoScenario(),
      {},
      { env: { GITHUB_EVENT_PATH: eventFile('{ not json') } },
    )
    expect(run.exitCode, run.stdout).toBe(0)
    expect(run.stdout).toMatch(/::debug::could not read the event payload/)
    expect(em.requests.some((r) => r.path === '/user' || r.path.startsWith('/users/'))).toBe(true)
  })

  it('takes the owner type from the payload, and ignores a payload without one', async () => {
    const typed = await runOn(demoScenario(), {}, { event: dispatchEvent('someone/site', 'User') })
    expect(typed.run.exitCode, typed.run.stdout).toBe(0)
    const marks = typed.em.requests.length
    const { run } = await runOn(
      demoScenario(),
      {},
      { env: { GITHUB_EVENT_PATH: eventFile('{"repository":{"owner":{}}}') } },
    )
    expect(run.exitCode, run.stdout).toBe(0)
    expect(typed.em.requests.slice(marks).some((r) => r.path === '/user')).toBe(true)
  })

  it('since: page dates the window from the page front matter', async () => {
    const { run } = await runOn(demoScenario(), { since: 'page' })
    expect(run.exitCode, run.stdout).toBe(0)
    // scenarios/demo.json's page has `date = 2025-06-01`.
    expect(run.summary).toContain('Window: 2025-06-01 to 2025-08-24')
  })

  it('since: page on a page without a date falls back to 90 days', async () => {
    const scenario = demoScenario()
    const site = scenario.repos.find((r) => r.fullName === 'someone/site')!
    site.files = { ...site.files, 'content/now.md': '# Now\n\nHello.\n' }
    const { run } = await runOn(scenario, { since: 'page', 'page-path': 'content/now.md' })
    expect(run.exitCode, run.stdout).toBe(0)
    expect(run.summary).toContain('Window: 2025-05-26 to 2025-08-24')
  })

  it('reads languages only when a template asks for them', async () => {
    const { run, em } = await runOn(demoScenario(), {
      'progress-template': '- [{repo}]({url}): {progress} ({languages})',
    })
    expect(run.exitCode, run.stdout).toBe(0)
    expect(em.requests.some((r) => r.path.endsWith('/languages'))).toBe(true)
  })

  it('leaves a branch with a human commit alone and warns, in the log and the summary', async () => {
    const first = await runOn(demoScenario())
    expect(first.run.exitCode, first.run.stdout).toBe(0)
    first.em.state.commitFiles(
      'someone/site',
      'now-page/refresh',
      { 'notes.md': 'mine\n' },
      { author: 'a-friend' },
    )
    first.em.state.commitFiles('someone/site', 'main', { 'content/other.md': 'x\n' })
    const site = first.em.state.repo('someone/site')!
    const before = new Map(site.refs)
    const { run } = await runOn(demoScenario(), { 'max-items': '1' })
    expect(run.exitCode, run.stdout).toBe(0)
    expect(run.stdout).toMatch(/::warning::.*commit\(s\) by someone else/)
    expect(run.summary).toContain('⚠️')
    expect(new Map(site.refs)).toEqual(before)
  })

  it('names api-url when it refuses connections, without retrying', async () => {
    const scenario = demoScenario()
    const apiUrl = `http://127.0.0.1:${await closedPort()}`
    const run = await runInProcess({
      inputs: { token: 'demo-token', ...scenario.inputs },
      apiUrl,
      repository: 'someone/site',
      now: scenario.now,
    })
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toContain(
      `::error::input 'api-url': cannot connect to ${apiUrl} (ECONNREFUSED). Check api-url`,
    )
  })

  it('refuses to commit to the default branch the event payload names, before any request', async () => {
    const event = { repository: { default_branch: 'trunk', owner: { type: 'User' } } }
    const { run, em } = await runOn(
      demoScenario(),
      { branch: 'trunk' },
      { env: { GITHUB_EVENT_PATH: eventFile(JSON.stringify(event)) } },
    )
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toContain(
      "::error::input 'branch': 'trunk' is the repository's default branch",
    )
    expect(em.requests).toEqual([])
  })

  it('refuses an empty token before any request, saying how to fix it', async () => {
    const { run, em } = await runOn(demoScenario(), { token: '' })
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toContain("::error::input 'token': the token is empty")
    expect(em.requests).toEqual([])
  })

  // RE2 and ICU's locale data load while round 1 is out: what they refuse fails the run then,
  // with the message the start would have given, and nothing is written.
  it('refuses a progress pattern RE2 cannot run, naming the line, and writes nothing', async () => {
    const { run, em } = await runOn(demoScenario(), {
      'side-projects': 'someone/grokking_algorithms\nsomeone/dotfiles (?<x>a)\\1',
    })
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toMatch(
      /::error::input 'side-projects': invalid progress pattern for someone\/dotfiles \(line 2 of side-projects\)/,
    )
    expect(em.requests.filter((r) => r.method !== 'GET')).toEqual([])
  })

  it('refuses, before any write, a time zone the clock read and Intl does not know', async () => {
    // Debian's tzdata has a `posixrules` file: the clock reads it, Intl refuses the name.
    const { clockKnowsZone, isTimeZone } = await import('../../src/dates/index.js')
    if (!clockKnowsZone('posixrules') || isTimeZone('posixrules')) return
    const { run, em } = await runOn(demoScenario(), { 'time-zone': 'posixrules' })
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toContain("::error::input 'time-zone': unknown time zone 'posixrules'")
    expect(em.requests.filter((r) => r.method !== 'GET')).toEqual([])
  })

  it('since: page reads a quoted YAML date, and a body without a workflow link is fine', async () => {
    const scenario = demoScenario()
    const site = scenario.repos.find((r) => r.fullName === 'someone/site')!
    site.files = {
      ...site.files,
      'content/now.md': '---\ntitle: Now\nlastmod: "2025-07-04T10:00:00Z"\n---\n\n# Now\n',
    }
    const { run, em } = await runOn(
      scenario,
      { since: 'page' },
      { env: { GITHUB_WORKFLOW_REF: '', GITHUB_REPOSITORY_OWNER: '' } },
    )
    expect(run.exitCode, run.stdout).toBe(0)
    expect(run.summary).toContain('Window: 2025-07-04 to 2025-08-24')
    expect(em.state.repo('someone/site')!.pulls[0]!.body).not.toContain('/actions/workflows/')
  })
})

/** A port nothing listens on: one the system just gave out and took back. */
async function closedPort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as { port: number }
  await new Promise((resolve) => server.close(resolve))
  return port
}
