import { describe, expect, it } from 'vitest'
import { createClient } from '../../src/github/client.js'
import { publish } from '../../src/publish/publish.js'
import { appendLine, BRANCH, headOf, options, PAGE, quiet, REPO, setup } from './emulated.js'

const REF_PATH = `/repos/${REPO}/git/refs/**`

/** Issue 14 §2: a human push that lands while the Action's ref update is in flight survives. */
describe('compare-and-swap updates of the bot branch', () => {
  it.each([
    ['the base did not move', false],
    ['the base moved (rebuild on it)', true],
  ])('%s: a human push during the update is kept', async (_name, baseMoved) => {
    const { em, client } = await setup()
    await publish(client, options(appendLine('- one')), quiet)
    if (baseMoved) em.commitFiles(REPO, 'main', { 'other.md': 'moved' })
    let human = ''
    em.intercept({
      method: 'PATCH',
      path: REF_PATH,
      run: (state) => {
        human = state.commitFiles(
          REPO,
          BRANCH,
          { 'content/now.md': `${PAGE}\n- mine` },
          {
            author: 'friend',
          },
        )
      },
    })
    const r = await publish(
      client,
      options((t) => ({ text: `${t}\n- two`, changed: true })),
      quiet,
    )
    expect(human).not.toBe('')
    expect(headOf(em)).toBe(human)
    expect(r.operation).toBe('none')
    expect(r.warnings.join()).toMatch(/by someone else/)
    const patches = em.requests.filter((x) => x.method === 'PATCH' && x.path.includes('/git/refs/'))
    expect(patches.map((x) => x.status)).toEqual([422])
  })

  it('with rebase-onto, the refresh lands on top of the racing human commit', async () => {
    const { em, client } = await setup()
    await publish(client, options(appendLine('- one')), quiet)
    em.commitFiles(REPO, 'main', { 'other.md': 'moved' })
    let human = ''
    em.intercept({
      method: 'PATCH',
      path: REF_PATH,
      run: (state) => {
        human = state.commitFiles(REPO, BRANCH, { 'notes.md': 'mine' }, { author: 'friend' })
      },
    })
    const r = await publish(
      client,
      options((t) => ({ text: `${t}\n- two`, changed: true }), { onHumanEdit: 'rebase-onto' }),
      quiet,
    )
    expect(r.operation).toBe('updated')
    const repo = em.state.repo(REPO)!
    expect(repo.store.isAncestor(human, headOf(em)!)).toBe(true)
    expect(em.readFile(REPO, 'notes.md', BRANCH)).toBe('mine')
  })

  it('a rebuild on a moved base is a fast-forward: no forced ref update, the PR shows base + edit', async () => {
    const { em, client } = await setup()
    const first = await publish(client, options(appendLine('- one')), quiet)
    em.commitFiles(REPO, 'main', { 'other.md': 'moved' })
    const r = await publish(
      client,
      options((t) => ({ text: `${t}\n- two`, changed: true })),
      quiet,
    )
    expect(r.operation).toBe('updated')
    const repo = em.state.repo(REPO)!
    expect(repo.store.isAncestor(first.commitSha!, r.commitSha!)).toBe(true)
    expect(repo.store.isAncestor(repo.refs.get('refs/heads/main')!, r.commitSha!)).toBe(true)
    expect(em.readFile(REPO, 'other.md', BRANCH)).toBe('moved')
    expect(em.readFile(REPO, 'content/now.md', BRANCH)).toBe(`${PAGE}\n- two`)
  })

  it('a human creating the branch while the Action creates it wins', async () => {
    const { em, client } = await setup()
    let human = ''
    em.intercept({
      method: 'POST',
      path: `/repos/${REPO}/git/refs`,
      run: (state) => {
        human = state.commitFiles(REPO, BRANCH, { 'notes.md': 'mine' }, { author: 'friend' })
      },
    })
    const r = await publish(client, options(appendLine('- one')), quiet)
    expect(headOf(em)).toBe(human)
    expect(r.operation).toBe('none')
    expect(r.warnings.join()).toMatch(/by someone else/)
  })
})

describe('two runs at once', () => {
  it('two runs creating the PR at the same moment end with one PR and one branch', async () => {
    const { em, client } = await setup()
    // Two processes: two clients, so neither's write queue serializes the other's.
    const other = createClient({
      token: 't',
      baseUrl: em.url,
      retryBaseMs: 1,
      throttle: { notificationsMinTimeMs: 0 },
    })
    // Both read before either writes: each POST /git/refs waits for the other's to arrive.
    let waiting: (() => void) | undefined
    em.intercept({
      method: 'POST',
      path: `/repos/${REPO}/git/trees`,
      times: 2,
      run: () =>
        new Promise<void>((resolve) => {
          if (waiting) {
            waiting()
            resolve()
          } else waiting = resolve
        }),
    })
    const results = await Promise.all([
      publish(client, options(appendLine('- one')), quiet),
      publish(other, options(appendLine('- one')), quiet),
    ])
    // The loser adopts the winner's PR, or finds it already proposing the refresh.
    const ops = results.map((r) => r.operation)
    expect(ops).toContain('created')
    for (const op of ops) expect(['created', 'none']).toContain(op)
    expect(results[0]?.pullRequest?.number).toBe(results[1]?.pullRequest?.number)
    const open = em.state.repo(REPO)!.pulls.filter((p) => p.state === 'open')
    expect(open).toHaveLength(1)
    expect(em.readFile(REPO, 'content/now.md', BRANCH)).toBe(`${PAGE}\n- one`)
    // The loser's branch creation was refused; any later write of it was a fast-forward.
    const refWrites = em.requests.filter((r) => r.path.includes('/git/refs') && r.method !== 'GET')
    const shown = refWrites.map((r) => `${r.method} ${r.status}`)
    expect(shown.slice(0, 2)).toEqual(['POST 201', 'POST 422'])
    expect(shown.slice(2).every((w) => w === 'PATCH 200')).toBe(true)
  })
})

describe('closing a stale PR', () => {
  it('keeps the branch when a human pushed to it between the read and the delete', async () => {
    const { em, client } = await setup()
    await publish(client, options(appendLine('- one')), quiet)
    em.commitFiles(REPO, 'main', { 'content/now.md': `${PAGE}\n- one` })
    let human = ''
    em.intercept({
      method: 'PATCH',
      path: `/repos/${REPO}/pulls/*`,
      run: (state) => {
        human = state.commitFiles(REPO, BRANCH, { 'notes.md': 'mine' }, { author: 'friend' })
      },
    })
    const r = await publish(client, options(appendLine('- one')), quiet)
    expect(r.operation).toBe('closed')
    expect(r.message).toBe(
      'main already has the change: closed #1. (now-page/refresh moved since it was read: it was kept)',
    )
    expect(headOf(em)).toBe(human)
  })
})
