import { describe, expect, it } from 'vitest'
import { publish } from '../../src/publish/publish.js'
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
} from './emulated.js'

/** Issue 14 §5: github.com keeps a PR open when its head branch is deleted; the next run
 * recreates the branch and updates that PR instead of failing every later run. */
describe('the PR head branch was deleted while the PR stays open', () => {
  it.each([
    ['the listing shows no head commit', false],
    ['the listing keeps the last head commit, as github.com does', true],
  ])('%s: the branch is recreated and the same PR updated', async (_name, keepsSha) => {
    const { em, client } = await setup()
    const first = await publish(client, options(appendLine('- one')), quiet)
    const repo = em.state.repo(REPO)!
    repo.refs.delete(`refs/heads/${BRANCH}`)
    const pr = repo.pulls[0]!
    if (keepsSha) pr.headSha = first.commitSha!
    expect(pr.state).toBe('open')

    const r = await publish(
      client,
      options((t) => ({ text: `${t}\n- two`, changed: true })),
      quiet,
    )
    expect(r).toMatchObject({ operation: 'updated', pullRequest: { number: pr.number } })
    expect(r.notes.join()).toMatch(/had been deleted while #1 stayed open: recreated it/)
    expect(r.message).toMatch(
      /^Updated #1 with the refreshed content\/now.md. \(now-page\/refresh had been deleted/,
    )
    expect(headOf(em)).toBe(r.commitSha)
    expect(em.readFile(REPO, 'content/now.md', BRANCH)).toBe(`${PAGE}\n- two`)
    expect(openPulls(em)).toHaveLength(1)

    // And the run after that is an ordinary no-op.
    const again = await publish(
      client,
      options((t) => ({ text: `${t}\n- two`, changed: true })),
      quiet,
    )
    expect(again.message).toBe(`#${pr.number} already proposes this refresh.`)
  })
})
