import { describe, expect, it } from 'vitest'
import { NowPageError } from '../../src/errors.js'
import { findOpenPull, publish, TRAILER } from '../../src/publish/publish.js'
import { readPageFromBase } from '../../src/publish/read-page.js'
import { readRefreshState, withRefreshState } from '../../src/publish/refresh-state.js'
import { appendLine, openPulls, options, PAGE, quiet as log, setup, writes } from './emulated.js'

describe('publish', () => {
  it('first run creates branch, verified commit and PR with labels, reviewers, assignees, draft', async () => {
    const { em, client } = await setup()
    const r = await publish(client, options(appendLine('- new')), log)
    expect(r.operation).toBe('created')
    expect(em.readFile('someone/site', 'content/now.md', 'now-page/refresh')).toBe(`${PAGE}\n- new`)
    expect(em.readFile('someone/site', 'content/now.md', 'main')).toBe(PAGE)
    const [pr] = openPulls(em)
    expect(pr).toMatchObject({
      title: 'Update Now page',
      // The body ends with the hidden state a later run reads to know the PR is still right.
      body: expect.stringMatching(/^Body\n\n<!-- now-page-action:state \{.*\} -->$/),
      draft: true,
      labels: ['now'],
      reviewers: ['reviewer'],
      assignees: ['someone'],
    })
    const commit = em.state.repo('someone/site')!.store.commits.get(r.commitSha!)!
    expect(commit.verified).toBe(true)
    expect(commit.message).toContain(TRAILER)
    expect(r.diff).toContain('+- new')
  })

  it('a second run with the same edit writes nothing; a new edit updates the same PR', async () => {
    const { em, client } = await setup()
    await publish(client, options(appendLine('- one')), log)
    const mark = em.requests.length
    const again = await publish(client, options(appendLine('- one')), log)
    expect(again.operation).toBe('none')
    expect(writes(em, mark)).toEqual([])
    const update = await publish(
      client,
      options((t) => ({ text: `${t}\n- two`, changed: true }), { title: 'New title' }),
      log,
    )
    expect(update.operation).toBe('updated')
    expect(openPulls(em)).toHaveLength(1)
    expect(openPulls(em)[0]?.title).toBe('New title')
    expect(em.readFile('someone/site', 'content/now.md', 'now-page/refresh')).toBe(`${PAGE}\n- two`)
  })

  it('never overwrites a human commit on its branch; rebase-onto stacks on it', async () => {
    const { em, client } = await setup()
    await publish(client, options(appendLine('- one')), log)
    const human = em.commitFiles(
      'someone/site',
      'now-page/refresh',
      { 'content/now.md': `${PAGE}\n- one\n- my own words` },
      { author: 'friend' },
    )
    const mark = em.requests.length
    const skipped = await publish(client, options(appendLine('- two')), log)
    expect(skipped.operation).toBe('none')
    expect(skipped.warnings.join()).toMatch(/by someone else .*not touched/)
    expect(writes(em, mark)).toEqual([])
    expect(em.state.resolve(em.state.repo('someone/site')!, 'now-page/refresh')).toBe(human)

    const stacked = await publish(
      client,
      options(appendLine('- two'), { onHumanEdit: 'rebase-onto' }),
      log,
    )
    expect(stacked.operation).toBe('updated')
    const repo = em.state.repo('someone/site')!
    expect(repo.store.commits.get(stacked.commitSha!)?.parents).toEqual([human])
    expect(em.readFile('someone/site', 'content/now.md', 'now-page/refresh')).toBe(
      `${PAGE}\n- one\n- my own words\n- two`,
    )
  })

  it('decides “already proposed” from the PR listing alone, with the page already read', async () => {
    const { em, client } = await setup()
    await publish(client, options(appendLine('- one')), log)
    const page = await readPageFromBase(client, {
      owner: 'someone',
      repo: 'site',
      paths: ['content/now.md'],
    })
    const openPull = await findOpenPull(client, {
      owner: 'someone',
      repo: 'site',
      branch: 'now-page/refresh',
    })
    const mark = em.requests.length
    const r = await publish(client, options(appendLine('- one'), { page, openPull }), log)
    expect(r).toMatchObject({ operation: 'none', changed: true })
    expect(em.requests.slice(mark)).toEqual([])
  })

  it('a forged state in the PR body never lets it overwrite a human commit', async () => {
    const { em, client } = await setup()
    const first = await publish(client, options(appendLine('- one')), log)
    const human = em.commitFiles(
      'someone/site',
      'now-page/refresh',
      { 'content/now.md': `${PAGE}\n- one\n- mine` },
      { author: 'friend' },
    )
    // Someone edits the hidden state to vouch for their own commit.
    const pr = em.state
      .repo('someone/site')!
      .pulls.find((p) => p.number === first.pullRequest!.number)!
    const forged = readRefreshState(pr.body)!
    pr.body = withRefreshState(pr.body, { ...forged, head: human })
    const mark = em.requests.length
    const r = await publish(client, options(appendLine('- two')), log)
    expect(r.operation).toBe('none')
    expect(r.warnings.join()).toMatch(/by someone else/)
    expect(writes(em, mark).filter((w) => !w.path.endsWith('/git/trees'))).toEqual([])
    expect(em.state.resolve(em.state.repo('someone/site')!, 'now-page/refresh')).toBe(human)
  })

  it('after the author merges, the next run finds nothing and opens nothing', async () => {
    const { em, client } = await setup()
    const first = await publish(client, options(appendLine('- one')), log)
    em.mergePull('someone/site', first.pullRequest!.number)
    const mark = em.requests.length
    const r = await publish(client, options(appendLine('- one')), log)
    expect(r.operation).toBe('none')
    expect(writes(em, mark)).toEqual([])
    expect(openPulls(em)).toHaveLength(0)
  })

  it('closes its PR and deletes the branch when the base already has the change', async () => {
    const { em, client } = await setup()
    await publish(client, options(appendLine('- one')), log)
    em.commitFiles('someone/site', 'main', { 'content/now.md': `${PAGE}\n- one` })
    const r = await publish(client, options(appendLine('- one')), log)
    expect(r.operation).toBe('closed')
    expect(openPulls(em)).toHaveLength(0)
    expect(em.state.repo('someone/site')!.refs.has('refs/heads/now-page/refresh')).toBe(false)
    expect(em.state.repo('someone/site')!.pulls[0]?.comments[0]?.body).toMatch(
      /already contains this refresh/,
    )
  })

  it('keeps the author’s edit when the base moved after the page was read', async () => {
    const { em, client } = await setup()
    const page = await readPageFromBase(client, {
      owner: 'someone',
      repo: 'site',
      paths: ['content/now.md'],
    })
    em.commitFiles('someone/site', 'main', { 'content/now.md': `${PAGE} Edited by hand.` })
    const r = await publish(client, options(appendLine('- new'), { page }), log)
    expect(r.operation).toBe('created')
    expect(em.readFile('someone/site', 'content/now.md', 'now-page/refresh')).toBe(
      `${PAGE} Edited by hand.\n- new`,
    )
  })

  it('dry-run only reads', async () => {
    const { em, client } = await setup()
    const r = await publish(client, options(appendLine('- new'), { dryRun: true }), log)
    expect(r).toMatchObject({ operation: 'none', changed: true })
    expect(r.diff).toContain('+- new')
    expect(writes(em)).toEqual([])
  })

  it('a token without write permission gets the permissions block to add', async () => {
    const { em, client } = await setup({}, 'ro')
    const run = publish(client, options(appendLine('- new')), log)
    await expect(run).rejects.toBeInstanceOf(NowPageError)
    await expect(run).rejects.toMatchObject({
      input: 'token',
      hint: expect.stringContaining('permissions:\n  contents: write\n  pull-requests: write'),
    })
    expect(writes(em).filter((w) => w.status < 300)).toEqual([])
  })

  it('re-reads and re-plans once when GitHub refuses the ref update as not a fast forward', async () => {
    const { em, client } = await setup()
    await publish(client, options(appendLine('- one')), log)
    em.addFault({
      method: 'PATCH',
      path: '/repos/someone/site/git/refs/**',
      status: 422,
      body: { message: 'Update is not a fast forward', status: '422' },
    })
    const r = await publish(
      client,
      options((t) => ({ text: `${t}\n- two`, changed: true })),
      log,
    )
    expect(r.operation).toBe('updated')
    expect(
      em.requests
        .filter((x) => x.method === 'PATCH' && x.path.includes('/git/refs/'))
        .map((x) => x.status),
    ).toEqual([422, 200])
  })

  it('a run that failed after pushing the branch deletes it; the next opens one PR', async () => {
    const { em, client } = await setup()
    // Four failures: the request and the client's three retries.
    em.addFault({ method: 'POST', path: '/repos/someone/site/pulls', status: 502, times: 4 })
    await expect(publish(client, options(appendLine('- one')), log)).rejects.toThrow(
      /deleted the branch now-page\/refresh this run had created/,
    )
    expect(em.state.repo('someone/site')!.refs.has('refs/heads/now-page/refresh')).toBe(false)
    expect(openPulls(em)).toHaveLength(0)
    const again = await publish(client, options(appendLine('- one')), log)
    expect(again.operation).toBe('created')
    expect(openPulls(em)).toHaveLength(1)
  })

  it('a failure between commit and ref update leaves every ref as it was', async () => {
    const { em, client } = await setup()
    const before = new Map(em.state.repo('someone/site')!.refs)
    em.addFault({ method: 'POST', path: '/repos/someone/site/git/refs', status: 500, times: 10 })
    await expect(publish(client, options(appendLine('- one')), log)).rejects.toThrow()
    expect(new Map(em.state.repo('someone/site')!.refs)).toEqual(before)
    expect(openPulls(em)).toHaveLength(0)
  })
})

describe('readPageFromBase', () => {
  it('takes the first candidate that exists', async () => {
    const { client } = await setup()
    const page = await readPageFromBase(client, {
      owner: 'someone',
      repo: 'site',
      paths: ['now.md', 'content/now.md'],
    })
    expect(page).toMatchObject({ path: 'content/now.md', text: PAGE })
    expect(page.blobSha).toMatch(/^[0-9a-f]{40}$/)
  })

  it.each([
    [['now.md', 'src/pages/now.md'], /no Now page found on main: tried now.md, src\/pages\/now.md/],
    [['img.png'], /img.png is not a UTF-8 text file/],
  ])('fails clearly for %j', async (paths, message) => {
    const { client } = await setup()
    await expect(
      readPageFromBase(client, { owner: 'someone', repo: 'site', paths }),
    ).rejects.toThrow(message)
  })

  it('names a missing base branch', async () => {
    const { client } = await setup()
    await expect(
      readPageFromBase(client, {
        owner: 'someone',
        repo: 'site',
        base: 'gh-pages',
        paths: ['content/now.md'],
      }),
    ).rejects.toMatchObject({
      input: 'base',
      message: expect.stringContaining("branch 'gh-pages' does not exist"),
    })
  })
})
