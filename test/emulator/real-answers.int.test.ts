import { quietLog as quiet } from '../support/quiet-log.js'
import { Octokit } from '@octokit/rest'
import { afterEach, describe, expect, it } from 'vitest'
import {
  parseScenario,
  startEmulator,
  type Emulator,
  type SentResponse,
} from '../../src/emulator/index.js'
import { checkResponse } from './openapi-validator.js'

/**
 * GitHub's real refusals, each selected by a repository or token setting in the scenario, with
 * GitHub's status and wording; every refusal's body also fits GitHub's OpenAPI description
 * (success bodies are checked route by route in openapi.int.test.ts).
 */
const NOW = '2025-08-24T06:00:00Z'
const o = { owner: 'someone', repo: 'site' }
let em: Emulator | undefined
let sent: SentResponse[] = []
afterEach(async () => {
  const mismatches = sent
    .filter((r) => !r.fault && r.status >= 400)
    .flatMap((r) => checkResponse(r.method, r.path, r.status, r.body))
  await em?.close()
  em = undefined
  sent = []
  expect(mismatches).toEqual([])
})

async function start(repo: Record<string, unknown> = {}, faults: unknown[] = []) {
  em = await startEmulator(
    parseScenario({
      now: NOW,
      tokens: {
        pat: { login: 'someone' },
        'github-token': { login: 'someone', installation: true },
        'github-token-read': {
          login: 'someone',
          installation: true,
          permissions: { pull_requests: 'read' },
        },
        'fine-grained-read': {
          login: 'someone',
          fineGrained: true,
          permissions: { contents: 'read' },
        },
      },
      users: [{ login: 'friend' }, { login: 'stranger' }],
      repos: [{ fullName: 'someone/site', files: { 'now.md': '# Now\n' }, ...repo }],
      faults,
    }),
    { onResponse: (r) => sent.push(r) },
  )
  const client = (auth: string) =>
    new Octokit({ baseUrl: em!.url, auth, log: quiet, request: { retries: 0 } })
  return { em, gh: client('pat'), client }
}

function failure(call: Promise<unknown>) {
  return call.then(
    () => {
      throw new Error('expected a refusal')
    },
    (e: {
      status: number
      message: string
      response?: { headers: Record<string, string>; data: unknown }
    }) => e,
  )
}

describe("GitHub's real answers, scenario-selectable", () => {
  it('refuses PRs from GitHub Actions where the repository setting forbids it', async () => {
    const { em, client } = await start({ allowActionsToCreatePullRequests: false })
    em.commitFiles('someone/site', 'topic', { 'now.md': '# Later\n' })
    const pr = { ...o, head: 'topic', base: 'main', title: 'T' }
    const e = await failure(client('github-token').rest.pulls.create(pr))
    expect(e.status).toBe(403)
    expect(e.message).toMatch(
      /^GitHub Actions is not permitted to create or approve pull requests\./,
    )
    // The setting concerns GitHub Actions only: a personal token still opens it.
    expect((await client('pat').rest.pulls.create(pr)).status).toBe(201)
  })

  it('words a missing permission by kind of token, naming the permission', async () => {
    const { client } = await start()
    const byIntegration = await failure(
      client('github-token-read').rest.pulls.create({ ...o, head: 'x', base: 'main', title: 'T' }),
    )
    expect(byIntegration).toMatchObject({
      status: 403,
      message: expect.stringMatching(/^Resource not accessible by integration/),
      response: { headers: { 'x-accepted-github-permissions': 'pull_requests=write' } },
    })
    const byPat = await failure(
      client('fine-grained-read').rest.git.createBlob({ ...o, content: 'x' }),
    )
    expect(byPat).toMatchObject({
      status: 403,
      message: expect.stringMatching(/^Resource not accessible by personal access token/),
      response: { headers: { 'x-accepted-github-permissions': 'contents=write' } },
    })
  })

  it('refuses drafts where the plan has none, and opens a ready PR', async () => {
    const { em, gh } = await start({ private: true, draftPullRequests: false })
    em.commitFiles('someone/site', 'topic', { 'now.md': '# Later\n' })
    const pr = { ...o, head: 'topic', base: 'main', title: 'T' }
    const e = await failure(gh.rest.pulls.create({ ...pr, draft: true }))
    expect(e.status).toBe(422)
    expect(e.message).toMatch(/^Draft pull requests are not supported in this repository\./)
    expect((await gh.rest.pulls.create(pr)).data.draft).toBe(false)
  })

  it('asks only collaborators for review', async () => {
    const { em, gh } = await start({ collaborators: ['friend'] })
    em.commitFiles('someone/site', 'topic', { 'now.md': '# Later\n' })
    const { data: pr } = await gh.rest.pulls.create({
      ...o,
      head: 'topic',
      base: 'main',
      title: 'T',
    })
    const e = await failure(
      gh.rest.pulls.requestReviewers({ ...o, pull_number: pr.number, reviewers: ['stranger'] }),
    )
    expect(e.status).toBe(422)
    expect(e.message).toMatch(
      /^Reviews may only be requested from collaborators\. One or more of the users or teams you specified is not a collaborator of the someone\/site repository\./,
    )
    const ok = await gh.rest.pulls.requestReviewers({
      ...o,
      pull_number: pr.number,
      reviewers: ['friend'],
    })
    expect(ok.data.requested_reviewers?.map((u) => u.login)).toEqual(['friend'])
  })

  it('refuses a label colour that is not six hex digits, and a label that exists', async () => {
    const { gh } = await start({ labels: [{ name: 'now-page', color: '0e8a16' }] })
    const colour = await failure(gh.rest.issues.createLabel({ ...o, name: 'x', color: '#0e8a16' }))
    expect(colour).toMatchObject({
      status: 422,
      response: { data: { errors: [{ resource: 'Label', code: 'invalid', field: 'color' }] } },
    })
    const exists = await failure(
      gh.rest.issues.createLabel({ ...o, name: 'Now-Page', color: 'ffffff' }),
    )
    expect(exists).toMatchObject({
      status: 422,
      response: { data: { errors: [{ code: 'already_exists', field: 'name' }] } },
    })
    expect((await gh.rest.issues.getLabel({ ...o, name: 'now-page' })).data.color).toBe('0e8a16')
  })

  it('refuses updates and deletion of a protected branch', async () => {
    const { em, gh } = await start({ protectedBranches: ['main'] })
    const before = em.state.repo('someone/site')!.refs.get('refs/heads/main')
    const sha = em.commitFiles('someone/site', 'topic', { 'now.md': '# Later\n' })
    const ff = await failure(gh.rest.git.updateRef({ ...o, ref: 'heads/main', sha }))
    expect(ff).toMatchObject({
      status: 422,
      message: expect.stringMatching(/^Changes must be made through a pull request\./),
    })
    const forced = await failure(
      gh.rest.git.updateRef({ ...o, ref: 'heads/main', sha, force: true }),
    )
    expect(forced).toMatchObject({
      status: 422,
      message: expect.stringMatching(/^Cannot force-push to this protected branch/),
    })
    expect((await failure(gh.rest.git.deleteRef({ ...o, ref: 'heads/main' }))).status).toBe(422)
    expect(em.state.repo('someone/site')!.refs.get('refs/heads/main')).toBe(before)
  })

  it('answers 409 on the Git data of an empty repository', async () => {
    const { gh } = await start({ empty: true, files: {} })
    for (const call of [
      () => gh.rest.git.getRef({ ...o, ref: 'heads/main' }),
      () => gh.rest.git.createBlob({ ...o, content: 'x' }),
      () => gh.rest.git.createTree({ ...o, tree: [] }),
      () => gh.rest.repos.listCommits(o),
    ]) {
      expect(await failure(call())).toMatchObject({
        status: 409,
        message: expect.stringMatching(/^Git Repository is empty\./),
      })
    }
    expect(await failure(gh.rest.repos.getContent({ ...o, path: 'now.md' }))).toMatchObject({
      status: 404,
      message: expect.stringMatching(/^This repository is empty\./),
    })
    expect((await gh.rest.repos.get(o)).data.default_branch).toBe('main')
  })

  it('answers secondary rate limits as 403 and as 429 with GitHub’s wording', async () => {
    const { gh } = await start({}, [
      { path: '/repos/someone/site', secondaryRateLimit: true, retryAfter: 3 },
      { path: '/repos/someone/site/languages', secondaryRateLimit: true, status: 429 },
    ])
    const wording = /^You have exceeded a secondary rate limit\. Please wait a few minutes/
    expect(await failure(gh.rest.repos.get(o))).toMatchObject({
      status: 403,
      message: expect.stringMatching(wording),
      response: { headers: { 'retry-after': '3' } },
    })
    expect(await failure(gh.rest.repos.listLanguages(o))).toMatchObject({
      status: 429,
      message: expect.stringMatching(wording),
    })
  })

  it('leaves a PR open when its head branch is deleted, as github.com does', async () => {
    const { em, gh } = await start()
    const head = em.commitFiles('someone/site', 'topic', { 'now.md': '# Later\n' })
    const { data: pr } = await gh.rest.pulls.create({
      ...o,
      head: 'topic',
      base: 'main',
      title: 'T',
    })
    await gh.rest.git.deleteRef({ ...o, ref: 'heads/topic' })
    const { data: after } = await gh.rest.pulls.get({ ...o, pull_number: pr.number })
    expect(after).toMatchObject({ state: 'open', head: { ref: 'topic', sha: head } })
    expect(await failure(gh.rest.git.getRef({ ...o, ref: 'heads/topic' }))).toMatchObject({
      status: 404,
    })
  })

  it('refuses a search for an author who does not exist', async () => {
    const { gh } = await start()
    const e = await failure(
      gh.rest.search.issuesAndPullRequests({ q: 'is:pr author:nobody-at-all' }),
    )
    expect(e.status).toBe(422)
  })
})

describe('seeded history', () => {
  it('keeps a committer other than the author', async () => {
    em = await startEmulator(
      parseScenario({
        now: NOW,
        tokens: { pat: { login: 'someone' } },
        users: [{ login: 'maintainer' }],
        repos: [
          {
            fullName: 'up/stream',
            commits: [
              {
                author: 'someone',
                committer: 'maintainer',
                date: '2025-08-01T00:00:00Z',
                committedDate: '2025-08-02T00:00:00Z',
                message: 'patch applied by a maintainer',
              },
            ],
          },
        ],
      }),
      { onResponse: (r) => sent.push(r) },
    )
    const gh = new Octokit({ baseUrl: em.url, auth: 'pat', log: quiet })
    const { data } = await gh.rest.repos.getCommit({ owner: 'up', repo: 'stream', ref: 'main' })
    expect(data.author?.login).toBe('someone')
    expect(data.committer?.login).toBe('maintainer')
    expect(data.commit.author?.date).toBe('2025-08-01T00:00:00Z')
    expect(data.commit.committer?.date).toBe('2025-08-02T00:00:00Z')
  })
})
