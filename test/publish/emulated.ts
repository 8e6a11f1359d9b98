import { afterEach } from 'vitest'
import type { Logger } from '../../src/logging.js'
import {
  parseScenario,
  startEmulator,
  type Emulator,
  type Scenario,
} from '../../src/emulator/index.js'
import { createClient } from '../../src/github/client.js'
import type { PublishOptions } from '../../src/publish/publish.js'

/** The publisher against the emulator: real HTTP, real Octokit with the production plugins. */
export const PAGE = '+++\ndate = 2025-08-01\n+++\n\n# Now\n\nHello.'
export const REPO = 'someone/site'
export const BRANCH = 'now-page/refresh'

export const quiet: Logger = {
  debug: () => {},
  info: () => {},
  warning: () => {},
  group: (_n, fn) => fn(),
}

let current: Emulator | undefined
afterEach(async () => {
  await current?.close()
  current = undefined
})

/** An emulator with one site repository, and a client for it (token `t`, or `token`). */
export async function setup(extra: Partial<Scenario> = {}, token = 't', latencyMs = 0) {
  const em = await startEmulator(
    parseScenario({
      now: '2025-08-24T06:00:00Z',
      tokens: {
        t: { login: 'someone' },
        ro: { login: 'someone', permissions: { contents: 'read', pull_requests: 'read' } },
        push: { login: 'someone', permissions: { contents: 'write', pull_requests: 'read' } },
      },
      users: [{ login: 'friend' }, { login: 'reviewer' }],
      repos: [{ fullName: REPO, files: { 'content/now.md': PAGE, 'img.png': '\u0000PNG' } }],
      ...extra,
    }),
    // Latency only where a test reads which requests overlapped (rounds), never their times.
    { latencyMs },
  )
  current = em
  // No 3 s spacing between notifying writes: the emulator notifies no one.
  const client = createClient({
    token,
    baseUrl: em.url,
    retryBaseMs: 1,
    throttle: { notificationsMinTimeMs: 0, retryAfterBaseMs: 1 },
  })
  return { em, client }
}

/** An edit that appends a line (idempotently), standing in for the page core. */
export const appendLine = (line: string) => (text: string) =>
  text.includes(line) ? { text, changed: false } : { text: `${text}\n${line}`, changed: true }

export function options(
  edit: PublishOptions['edit'],
  extra: Partial<PublishOptions> = {},
): PublishOptions {
  return {
    owner: 'someone',
    repo: 'site',
    base: 'main',
    branch: BRANCH,
    path: 'content/now.md',
    edit,
    title: 'Update Now page',
    body: 'Body',
    commitMessage: 'Update Now page',
    labels: ['now'],
    reviewers: ['reviewer'],
    assignees: ['someone'],
    draft: true,
    onHumanEdit: 'skip',
    dryRun: false,
    ...extra,
  }
}

export const writes = (e: Emulator, from = 0) =>
  e.requests.slice(from).filter((r) => r.method !== 'GET')
export const openPulls = (e: Emulator) =>
  e.state.repo(REPO)!.pulls.filter((p) => p.state === 'open')
export const headOf = (e: Emulator, branch = BRANCH) =>
  e.state.repo(REPO)!.refs.get(`refs/heads/${branch}`)

/** Everything a run could change, to compare before and after: refs and pull requests. */
export function snapshot(e: Emulator) {
  const repo = e.state.repo(REPO)!
  return {
    refs: Object.fromEntries([...repo.refs].sort()),
    pulls: JSON.parse(JSON.stringify(repo.pulls)) as unknown,
  }
}
