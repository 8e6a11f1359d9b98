import { describe, expect, it } from 'vitest'
import { publish } from '../../src/publish/publish.js'
import { appendLine, options, quiet, setup, snapshot, writes } from './emulated.js'

/** Issue 14 §1: the publisher writes nothing when its branch is not a branch of its own. */
describe('the base branch is never written', () => {
  it.each([
    ['main', {}],
    ['refs/heads/main', {}],
    ['Main', {}],
    ['main', { base: undefined }],
    ['refs/heads/now-page/refresh', {}],
    ['a..b', {}],
  ])('branch %j (%j) writes nothing and names the branch input', async (branch, extra) => {
    const { em, client } = await setup()
    const before = snapshot(em)
    const run = publish(client, options(appendLine('- new'), { branch, ...extra }), quiet)
    await expect(run).rejects.toMatchObject({ input: 'branch' })
    expect(writes(em)).toEqual([])
    expect(snapshot(em)).toEqual(before)
  })

  it('refuses the default branch when the base is another branch', async () => {
    const { em, client } = await setup({
      repos: [
        {
          fullName: 'someone/site',
          defaultBranch: 'trunk',
          files: { 'content/now.md': 'x' },
        },
      ],
    })
    em.commitFiles('someone/site', 'gh-pages', { 'content/now.md': 'page' })
    const before = snapshot(em)
    const run = publish(
      client,
      options(appendLine('- new'), { base: 'gh-pages', branch: 'trunk' }),
      quiet,
    )
    await expect(run).rejects.toThrow(/'trunk' is the repository's default branch/)
    expect(writes(em)).toEqual([])
    expect(snapshot(em)).toEqual(before)
  })

  it('refuses a protected branch before any write, dry run included', async () => {
    const { em, client } = await setup({
      repos: [
        {
          fullName: 'someone/site',
          files: { 'content/now.md': 'x' },
          protectedBranches: ['now-page/refresh'],
        },
      ],
    })
    em.commitFiles('someone/site', 'now-page/refresh', { 'content/now.md': 'x\n- new' })
    const before = snapshot(em)
    for (const dryRun of [false, true]) {
      const run = publish(client, options(appendLine('- other'), { dryRun }), quiet)
      await expect(run).rejects.toThrow(/'now-page\/refresh' is a protected branch/)
    }
    expect(writes(em)).toEqual([])
    expect(snapshot(em)).toEqual(before)
  })
})
