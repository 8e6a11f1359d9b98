import { describe, expect, it } from 'vitest'
import type { Emulator, Fault } from '../../src/emulator/index.js'
import { publish, TRAILER } from '../../src/publish/publish.js'
import { readRefreshState } from '../../src/publish/refresh-state.js'
import type { PublishOptions } from '../../src/publish/types.js'
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
} from './emulated.js'

/** Issue 16 §2: with the runner's base head, a first run writes in 3 rounds after its reads and
 * an update in 2, through the Contents API; every guarantee of the full path still holds. */

const mainHead = (em: Emulator) => headOf(em, 'main')!
const withHint = (
  em: Emulator,
  edit: PublishOptions['edit'],
  extra: Partial<PublishOptions> = {},
) => options(edit, { baseHint: { name: 'main', sha: mainHead(em) }, ...extra })
const two = (t: string) => ({ text: `${t}\n- two`, changed: true })

/** Rounds: requests that waited for an earlier answer (the emulator's arrival/answer order). */
function rounds(em: Emulator, from: number): string[][] {
  const out: string[][] = []
  let last = -1
  for (const r of em.requests.slice(from).sort((a, b) => a.arrived - b.arrived)) {
    if (r.arrived > last) out.push([])
    out.at(-1)!.push(`${r.method} ${r.path.replace(/\?.*/, '').replace(`/repos/${REPO}`, '')}`)
    last = Math.max(last, r.answered)
  }
  return out
}

const at = (method: string, path: string, status: number): Fault => ({
  method,
  path: `/repos/${REPO}${path}`,
  status,
  times: status >= 500 ? 4 : 1,
})

describe('writes from round 1 and the runner’s base head', () => {
  it('first run: branch at the base head (checked on the base), one commit, the PR', async () => {
    const { em, client } = await setup({}, 't', 50)
    const base = mainHead(em)
    const from = em.requests.length
    const r = await publish(client, withHint(em, appendLine('- one')), quiet)
    expect(r.operation).toBe('created')
    expect(rounds(em, from)).toEqual([
      ['GET /contents/content%2Fnow.md', 'GET /pulls'],
      [`GET /compare/${base}...main`, 'POST /git/refs'],
      ['PUT /contents/content%2Fnow.md'],
      ['POST /pulls'],
      ['POST /issues/1/labels'],
      ['POST /issues/1/assignees'],
      ['POST /pulls/1/requested_reviewers'],
    ])
    const commit = em.state.repo(REPO)!.store.commits.get(r.commitSha!)!
    expect(commit.parents).toEqual([base])
    expect(commit.verified).toBe(true)
    expect(commit.message).toContain(TRAILER)
    expect(em.readFile(REPO, 'content/now.md', BRANCH)).toBe(`${PAGE}\n- one`)
    expect(readRefreshState(openPulls(em)[0]?.body)).toMatchObject({ head: r.commitSha, base })
  })

  it('update: one commit on the PR head, then the PR; a later run finds it already proposed', async () => {
    const { em, client } = await setup({}, 't', 50)
    const first = await publish(client, withHint(em, appendLine('- one')), quiet)
    const from = em.requests.length
    const r = await publish(client, withHint(em, two, { title: 'New title' }), quiet)
    expect(r.operation).toBe('updated')
    expect(rounds(em, from).slice(0, 3)).toEqual([
      ['GET /contents/content%2Fnow.md', 'GET /pulls'],
      ['PUT /contents/content%2Fnow.md'],
      ['PATCH /pulls/1'],
    ])
    expect(em.state.repo(REPO)!.store.commits.get(r.commitSha!)?.parents).toEqual([first.commitSha])
    expect(openPulls(em)[0]?.title).toBe('New title')
    const again = await publish(client, withHint(em, two), quiet)
    expect(again.message).toBe('#1 already proposes this refresh.')
  })

  it('keeps the commit-author and committer given', async () => {
    const { em, client } = await setup()
    const who = { name: 'Now Bot', email: 'bot@example.com' }
    const r = await publish(
      client,
      withHint(em, appendLine('- one'), { author: who, committer: who }),
      quiet,
    )
    const commit = em.state.repo(REPO)!.store.commits.get(r.commitSha!)!
    expect(commit.author.email).toBe('bot@example.com')
    expect(commit.committer.name).toBe('Now Bot')
  })

  it('the base moved since the run was triggered: the branch is made at the runner’s commit, and the page checked', async () => {
    const { em, client } = await setup()
    const hint = { name: 'main', sha: mainHead(em) }
    em.commitFiles(REPO, 'main', { 'other.md': 'moved' })
    const r = await publish(client, options(appendLine('- one'), { baseHint: hint }), quiet)
    expect(r.operation).toBe('created')
    expect(em.state.repo(REPO)!.store.commits.get(r.commitSha!)?.parents).toEqual([hint.sha])
    // An update whose base has moved since its branch was made merges the base: full path.
    const u = await publish(client, withHint(em, two), quiet)
    expect(u.operation).toBe('updated')
    expect(em.readFile(REPO, 'other.md', BRANCH)).toBe('moved')
  })

  it('the page changed on the base since the runner’s commit: nothing of the fast write is left, the full path writes', async () => {
    const { em, client } = await setup()
    const hint = { name: 'main', sha: mainHead(em) }
    em.commitFiles(REPO, 'main', { 'content/now.md': `${PAGE}\nedited` })
    const said = { info: [] as string[], warning: [] as string[] }
    const log = {
      ...quiet,
      info: (m: string) => said.info.push(m),
      warning: (m: string) => said.warning.push(m),
    }
    const r = await publish(client, options(appendLine('- one'), { baseHint: hint }), log)
    expect(r.operation).toBe('created')
    // The run succeeds: undoing its first try is news for the log, not a warning of failure.
    expect(said.warning).toEqual([])
    expect(said.info.join('\n')).toMatch(/undid this run's first write to now-page\/refresh/)
    expect(em.readFile(REPO, 'content/now.md', BRANCH)).toBe(`${PAGE}\nedited\n- one`)
    expect(em.requests.some((x) => x.method === 'PUT' && x.status === 409)).toBe(true)
    expect(em.state.repo(REPO)!.store.isAncestor(mainHead(em), headOf(em)!)).toBe(true)
  })

  it('the runner’s commit is no longer on the base (force-pushed): the branch is deleted, the full path writes', async () => {
    const { em, client } = await setup()
    const gone = em.commitFiles(REPO, 'main', { 'secret.txt': 'oops' })
    const repo = em.state.repo(REPO)!
    repo.refs.set('refs/heads/main', repo.store.commits.get(gone)!.parents[0]!)
    const r = await publish(
      client,
      options(appendLine('- one'), { baseHint: { name: 'main', sha: gone } }),
      quiet,
    )
    expect(r.operation).toBe('created')
    expect(repo.store.isAncestor(gone, headOf(em)!)).toBe(false)
    expect(em.readFile(REPO, 'secret.txt', BRANCH)).toBeUndefined()
  })

  it('a branch left from before: the full path reads it (and keeps its human commits)', async () => {
    const { em, client } = await setup()
    const human = em.commitFiles(REPO, BRANCH, { 'notes.md': 'mine' }, { author: 'friend' })
    const r = await publish(client, withHint(em, appendLine('- one')), quiet)
    expect(r.operation).toBe('none')
    expect(r.warnings.join()).toMatch(/by someone else/)
    expect(headOf(em)).toBe(human)
  })
})

describe('a push racing the Contents API write is kept', () => {
  it.each([
    ['another file', { 'notes.md': 'mine' }, 'PUT 200'],
    ['the page', { 'content/now.md': `${PAGE}\n- mine` }, 'PUT 409'],
  ])('update, a human push of %s lands just before the commit', async (_n, files, put) => {
    const { em, client } = await setup()
    await publish(client, withHint(em, appendLine('- one')), quiet)
    let human = ''
    em.intercept({
      method: 'PUT',
      path: `/repos/${REPO}/contents/**`,
      run: (state) => {
        human = state.commitFiles(REPO, BRANCH, files, { author: 'friend' })
      },
    })
    const r = await publish(client, withHint(em, two), quiet)
    expect(human).not.toBe('')
    expect(headOf(em)).toBe(human)
    expect(r.operation).toBe('none')
    expect(r.warnings.join()).toMatch(/by someone else/)
    const puts = em.requests.filter((x) => x.method === 'PUT').map((x) => `PUT ${x.status}`)
    expect(puts.at(-1)).toBe(put)
  })

  it('first run, a human commits on the new branch just before the commit: theirs is kept', async () => {
    const { em, client } = await setup()
    let human = ''
    em.intercept({
      method: 'PUT',
      path: `/repos/${REPO}/contents/**`,
      run: (state) => {
        human = state.commitFiles(REPO, BRANCH, { 'notes.md': 'mine' }, { author: 'friend' })
      },
    })
    const r = await publish(client, withHint(em, appendLine('- one')), quiet)
    expect(headOf(em)).toBe(human)
    expect(r.operation).toBe('none')
    expect(openPulls(em)).toHaveLength(0)
  })

  it('rebase-onto: the refresh lands on top of the racing commit', async () => {
    const { em, client } = await setup()
    await publish(client, withHint(em, appendLine('- one')), quiet)
    let human = ''
    em.intercept({
      method: 'PUT',
      path: `/repos/${REPO}/contents/**`,
      run: (state) => {
        human = state.commitFiles(REPO, BRANCH, { 'notes.md': 'mine' }, { author: 'friend' })
      },
    })
    const r = await publish(client, withHint(em, two, { onHumanEdit: 'rebase-onto' }), quiet)
    expect(r.operation).toBe('updated')
    expect(em.state.repo(REPO)!.store.isAncestor(human, headOf(em)!)).toBe(true)
    expect(em.readFile(REPO, 'notes.md', BRANCH)).toBe('mine')
    expect(em.readFile(REPO, 'content/now.md', BRANCH)).toBe(`${PAGE}\n- one\n- two`)
  })
})

describe('nothing left behind when a write from round 1 fails', () => {
  it.each([
    ['creating the branch', at('POST', '/git/refs', 500)],
    ['checking the runner’s commit', at('GET', '/compare/**', 500)],
    ['committing the page', at('PUT', '/contents/**', 500)],
    ['committing the page (forbidden)', at('PUT', '/contents/**', 403)],
    ['opening the PR', at('POST', '/pulls', 502)],
  ])('first run, failing at %s', async (_name, fault) => {
    const { em, client } = await setup()
    const before = snapshot(em)
    em.addFault(fault)
    await expect(publish(client, withHint(em, appendLine('- one')), quiet)).rejects.toThrow()
    expect(snapshot(em)).toEqual(before)
  })

  it.each([
    ['committing the page', at('PUT', '/contents/**', 500)],
    ['updating the PR', at('PATCH', '/pulls/*', 502)],
  ])('update, failing at %s', async (_name, fault) => {
    const { em, client } = await setup()
    await publish(client, withHint(em, appendLine('- one')), quiet)
    const before = snapshot(em)
    em.addFault(fault)
    await expect(publish(client, withHint(em, two), quiet)).rejects.toThrow()
    expect(snapshot(em)).toEqual(before)
  })
})
