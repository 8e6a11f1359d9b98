import { describe, expect, it } from 'vitest'
import type { Fault } from '../../src/emulator/index.js'
import { createClient } from '../../src/github/client.js'
import { publish } from '../../src/publish/publish.js'
import { readRefreshState } from '../../src/publish/refresh-state.js'
import {
  appendLine,
  BRANCH,
  headOf,
  openPulls,
  options,
  PAGE,
  quiet,
  REPO,
  setup,
  snapshot,
  writes,
} from './emulated.js'

const at = (method: string, path: string, status: number, times = 1): Fault => ({
  method,
  path: `/repos/${REPO}${path}`,
  status,
  // 5xx answers are retried three times by the client: fail them all.
  times: status >= 500 ? 4 : times,
})

/** Issue 14 §3: a run that fails leaves refs and pull requests exactly as they were. */
describe('nothing left behind when a run fails', () => {
  it.each([
    ['creating the tree', at('POST', '/git/trees', 500)],
    ['creating the commit', at('POST', '/git/commits', 500)],
    ['creating the branch', at('POST', '/git/refs', 500)],
    ['opening the PR (server error)', at('POST', '/pulls', 502)],
    ['opening the PR (forbidden)', at('POST', '/pulls', 403)],
  ])('first run, failing at %s', async (_name, fault) => {
    const { em, client } = await setup()
    const before = snapshot(em)
    em.addFault(fault)
    await expect(publish(client, options(appendLine('- one')), quiet)).rejects.toThrow()
    expect(snapshot(em)).toEqual(before)
  })

  it('the deletion is said in the error and the log', async () => {
    const { em, client } = await setup()
    em.addFault(at('POST', '/pulls', 502))
    const warnings: string[] = []
    const log = { ...quiet, warning: (m: string) => void warnings.push(m) }
    await expect(publish(client, options(appendLine('- one')), log)).rejects.toThrow(
      /deleted the branch now-page\/refresh this run had created/,
    )
    expect(warnings.join()).toMatch(/failed after writing now-page\/refresh: deleted the branch/)
  })

  it.each([
    ['updating the branch', at('PATCH', '/git/refs/**', 500)],
    ['updating the PR', at('PATCH', '/pulls/*', 502)],
  ])('an update run with its PR open, failing at %s', async (_name, fault) => {
    const { em, client } = await setup()
    await publish(client, options(appendLine('- one')), quiet)
    const before = snapshot(em)
    em.addFault(fault)
    const run = publish(
      client,
      options((t) => ({ text: `${t}\n- two`, changed: true })),
      quiet,
    )
    await expect(run).rejects.toThrow()
    expect(snapshot(em)).toEqual(before)
  })

  it('a branch left without a PR is moved back by compare-and-swap when the PR cannot be opened', async () => {
    const { em, client } = await setup()
    const first = await publish(client, options(appendLine('- one')), quiet)
    em.state.repo(REPO)!.pulls[0]!.state = 'closed' // closed by hand, branch kept
    const before = snapshot(em)
    em.addFault(at('POST', '/pulls', 502))
    const run = publish(
      client,
      options((t) => ({ text: `${t}\n- two`, changed: true })),
      quiet,
    )
    await expect(run).rejects.toThrow(/moved now-page\/refresh back to/)
    expect(snapshot(em)).toEqual(before)
    expect(headOf(em)).toBe(first.commitSha)
  })

  it('a human push between the write and the rollback is never undone', async () => {
    const { em, client } = await setup()
    em.addFault(at('POST', '/pulls', 502))
    let human = ''
    em.intercept({
      method: 'GET',
      path: `/repos/${REPO}/branches/**`,
      times: 2,
      run: (state) => {
        // The second branch read is the rollback's: a human pushes just before it.
        if (state.resolve(state.repo(REPO)!, BRANCH))
          human = state.commitFiles(REPO, BRANCH, { 'notes.md': 'mine' }, { author: 'friend' })
      },
    })
    await expect(publish(client, options(appendLine('- one')), quiet)).rejects.toThrow(
      /moved since this run wrote it/,
    )
    expect(headOf(em)).toBe(human)
  })

  it.each([
    ['before GitHub answers: no PR, the branch is deleted', true],
    ['and GitHub opened the PR after all: the branch is kept for it', false],
  ])('a run whose deadline fires while opening the PR %s', async (_name, refused) => {
    const { em } = await setup()
    const deadline = new AbortController()
    const client = createClient({
      token: 't',
      baseUrl: em.url,
      retryBaseMs: 1,
      throttle: { notificationsMinTimeMs: 0 },
      deadline: { signal: deadline.signal, minutes: 1 },
    })
    const before = snapshot(em)
    em.intercept({
      method: 'POST',
      path: `/repos/${REPO}/pulls`,
      run: () => deadline.abort(),
    })
    if (refused) em.addFault(at('POST', '/pulls', 502))
    const run = publish(client, options(appendLine('- one')), quiet)
    if (refused) {
      await expect(run).rejects.toThrow(
        /stopped after 1 minute.*deleted the branch now-page\/refresh this run had created/,
      )
      expect(snapshot(em)).toEqual(before)
    } else {
      await expect(run).rejects.toThrow(/stopped after 1 minute.*#1 was opened after all/)
      expect(openPulls(em)).toHaveLength(1)
      expect(headOf(em)).toBeDefined()
    }
  })

  it('a token that can push but not open PRs writes nothing and names the fix', async () => {
    const { em, client } = await setup({}, 'push')
    const before = snapshot(em)
    const run = publish(client, options(appendLine('- one')), quiet)
    await expect(run).rejects.toMatchObject({
      input: 'token',
      message: expect.stringMatching(/needs pull_requests=write.*deleted the branch/),
      hint: expect.stringContaining('pull-requests: write'),
    })
    expect(snapshot(em)).toEqual(before)
  })
})

describe('labels, assignees and reviewers that fail after the PR exists', () => {
  it('keep the PR, warn, and the next run adds what is missing', async () => {
    const { em, client } = await setup()
    em.addFault({
      method: 'POST',
      path: `/repos/${REPO}/issues/*/labels`,
      status: 422,
      body: {
        message: 'Validation Failed',
        errors: [{ resource: 'Label', code: 'invalid', field: 'color' }],
        documentation_url: 'https://docs.github.com/rest/issues/labels#add-labels-to-an-issue',
        status: '422',
      },
    })
    const first = await publish(client, options(appendLine('- one')), quiet)
    expect(first.operation).toBe('created')
    expect(first.warnings.join()).toMatch(/could not add the labels now: .*color/)
    expect(openPulls(em)[0]?.labels).toEqual([])
    expect(readRefreshState(openPulls(em)[0]?.body)?.todo).toEqual(['labels'])

    const second = await publish(client, options(appendLine('- one')), quiet)
    expect(second).toMatchObject({ operation: 'none', warnings: [] })
    expect(second.message).toMatch(/added its missing labels/)
    expect(openPulls(em)[0]?.labels).toEqual(['now'])
    expect(readRefreshState(openPulls(em)[0]?.body)?.todo).toBeUndefined()

    const mark = em.requests.length
    const third = await publish(client, options(appendLine('- one')), quiet)
    expect(third.message).toBe(`#${first.pullRequest!.number} already proposes this refresh.`)
    expect(writes(em, mark)).toEqual([])
  })

  it('a reviewer who is not a collaborator: a warning with the fix, the PR kept', async () => {
    const { em, client } = await setup()
    const r = await publish(
      client,
      options(appendLine('- one'), { reviewers: ['stranger'] }),
      quiet,
    )
    expect(r.operation).toBe('created')
    expect(r.warnings.join()).toMatch(
      /could not request reviews from stranger: Reviews may only be requested from collaborators.*fix the reviewers input/,
    )
    expect(openPulls(em)).toHaveLength(1)
    expect(em.readFile(REPO, 'content/now.md', BRANCH)).toBe(`${PAGE}\n- one`)
  })
})
