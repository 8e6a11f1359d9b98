import { quietLog as quiet } from '../support/quiet-log.js'
import { Octokit } from '@octokit/rest'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { match } from '../../src/emulator/http.js'
import { routes } from '../../src/emulator/routes.js'
import {
  parseScenario,
  startEmulator,
  type Emulator,
  type SentResponse,
} from '../../src/emulator/index.js'
import { checkResponse } from './openapi-validator.js'

/**
 * Every route of the emulator, its happy path and its errors, answers what GitHub's published
 * OpenAPI description says it answers (status by status, error bodies included).
 */
const NOW = '2025-08-24T06:00:00Z'
const scenario = parseScenario({
  now: NOW,
  tokens: {
    t: { login: 'someone' },
    app: { login: 'someone', installation: true, permissions: { contents: 'read' } },
    spent: { login: 'someone', rateLimitRemaining: 0 },
  },
  users: [{ login: 'friend', emails: ['friend@example.com'] }],
  repos: [
    {
      fullName: 'someone/site',
      files: { 'content/now.md': '# Now\n', 'a/b/c.txt': 'deep\n' },
      languages: { TypeScript: 100 },
      commits: [
        { author: 'someone', date: '2025-08-01T00:00:00Z', message: 'one', paths: ['src/x.ts'] },
      ],
      protectedBranches: ['main'],
    },
    {
      fullName: 'up/stream',
      ownerType: 'Organization',
      pulls: [
        {
          number: 7,
          author: 'someone',
          title: 'Fix',
          state: 'closed',
          createdAt: '2025-08-01T00:00:00Z',
          mergedAt: '2025-08-02T00:00:00Z',
        },
      ],
    },
  ],
})

let em: Emulator
const sent: SentResponse[] = []
beforeAll(async () => {
  em = await startEmulator(scenario, { onResponse: (r) => sent.push(r) })
})
afterAll(async () => {
  await em.close()
})

/** Runs a call whose failure is part of the test: only its answer matters here. */
async function attempt(call: () => Promise<unknown>): Promise<void> {
  await call().catch(() => undefined)
}

const client = (baseUrl: string, auth: string) => new Octokit({ baseUrl, auth, log: quiet })

async function driveEveryRoute(base: string): Promise<void> {
  const gh = client(base, 't')
  const o = { owner: 'someone', repo: 'site' }
  await gh.rest.users.getAuthenticated()
  await attempt(() => client(base, 'app').rest.users.getAuthenticated())
  await attempt(() => client(base, 'nope').rest.repos.get(o))
  await attempt(() => client(base, 'spent').rest.repos.get(o))
  await attempt(() => client(base, 'app').rest.git.createBlob({ ...o, content: 'x' }))
  await gh.rest.users.getByUsername({ username: 'friend' })
  await attempt(() => gh.rest.users.getByUsername({ username: 'ghost-nobody' }))
  await gh.rest.rateLimit.get()
  await gh.rest.search.issuesAndPullRequests({ q: 'is:pr author:someone' })
  await attempt(() => gh.rest.search.issuesAndPullRequests({ q: '' }))
  await attempt(() => gh.rest.search.issuesAndPullRequests({ q: 'is:pr merged:soon' }))
  await attempt(() => gh.rest.search.issuesAndPullRequests({ q: 'is:pr', page: 11, per_page: 100 }))
  await gh.rest.repos.get(o)
  await attempt(() => gh.rest.repos.get({ owner: 'someone', repo: 'missing' }))
  await gh.rest.repos.listLanguages(o)
  await gh.rest.repos.getBranch({ ...o, branch: 'main' })
  await attempt(() => gh.rest.repos.getBranch({ ...o, branch: 'nope' }))
  await gh.rest.repos.listCommits({ ...o, per_page: 1 })
  await attempt(() => gh.rest.repos.listCommits({ ...o, sha: 'nope' }))
  const { data: head } = await gh.rest.repos.getCommit({ ...o, ref: 'main' })
  await attempt(() => gh.rest.repos.getCommit({ ...o, ref: 'nope' }))
  await gh.rest.repos.compareCommitsWithBasehead({
    ...o,
    basehead: `${head.parents[0]?.sha}...main`,
  })
  await attempt(() => gh.rest.repos.compareCommitsWithBasehead({ ...o, basehead: 'x...main' }))
  await gh.rest.repos.getContent({ ...o, path: 'content/now.md' })
  await gh.rest.repos.getContent({ ...o, path: 'a' })
  await attempt(() => gh.rest.repos.getContent({ ...o, path: 'nope.md' }))
  const { data: main } = await gh.rest.git.getRef({ ...o, ref: 'heads/main' })
  await attempt(() => gh.rest.git.getRef({ ...o, ref: 'heads/nope' }))
  await gh.rest.git.listMatchingRefs({ ...o, ref: 'heads/' })
  const { data: blob } = await gh.rest.git.createBlob({ ...o, content: 'hi', encoding: 'utf-8' })
  await gh.rest.git.getBlob({ ...o, file_sha: blob.sha })
  await attempt(() => gh.rest.git.getBlob({ ...o, file_sha: '0'.repeat(40) }))
  const { data: parent } = await gh.rest.git.getCommit({ ...o, commit_sha: main.object.sha })
  await attempt(() => gh.rest.git.getCommit({ ...o, commit_sha: '0'.repeat(40) }))
  const { data: tree } = await gh.rest.git.createTree({
    ...o,
    base_tree: parent.tree.sha,
    tree: [{ path: 'content/now.md', mode: '100644', type: 'blob', sha: blob.sha }],
  })
  await attempt(() => gh.rest.git.createTree({ ...o, base_tree: 'f'.repeat(40), tree: [] }))
  await gh.rest.git.getTree({ ...o, tree_sha: tree.sha, recursive: '1' })
  await attempt(() => gh.rest.git.getTree({ ...o, tree_sha: '0'.repeat(40) }))
  const { data: commit } = await gh.rest.git.createCommit({
    ...o,
    tree: tree.sha,
    parents: [parent.sha],
    message: 'edit',
  })
  await attempt(() => gh.rest.git.createCommit({ ...o, tree: 'f'.repeat(40), message: 'x' }))
  const branch = `topic-${sent.length}`
  await gh.rest.git.createRef({ ...o, ref: `refs/heads/${branch}`, sha: commit.sha })
  await attempt(() => gh.rest.git.createRef({ ...o, ref: `refs/heads/${branch}`, sha: commit.sha }))
  await attempt(() => gh.rest.git.createRef({ ...o, ref: 'nope', sha: commit.sha }))
  await gh.rest.git.updateRef({ ...o, ref: `heads/${branch}`, sha: commit.sha })
  await attempt(() => gh.rest.git.updateRef({ ...o, ref: `heads/${branch}`, sha: parent.sha }))
  await attempt(() => gh.rest.git.updateRef({ ...o, ref: 'heads/main', sha: commit.sha }))
  await attempt(() => gh.rest.git.updateRef({ ...o, ref: 'heads/gone', sha: commit.sha }))
  const file = { ...o, path: 'content/now.md', message: 'm', content: 'eA==', branch }
  const { data: onBranch } = await gh.rest.repos.getContent({ ...o, path: file.path, ref: branch })
  const page = (onBranch as { sha: string }).sha
  await gh.rest.repos.createOrUpdateFileContents({ ...file, sha: page })
  await gh.rest.repos.createOrUpdateFileContents({ ...file, path: `new-${sent.length}.md` })
  await attempt(() => gh.rest.repos.createOrUpdateFileContents({ ...file, sha: page }))
  await attempt(() => gh.rest.repos.createOrUpdateFileContents(file))
  await attempt(() => gh.rest.repos.createOrUpdateFileContents({ ...file, branch: 'gone' }))
  const { data: pr } = await gh.rest.pulls.create({ ...o, head: branch, base: 'main', title: 'T' })
  await attempt(() => gh.rest.pulls.create({ ...o, head: branch, base: 'main', title: 'T' }))
  await attempt(() => gh.rest.pulls.create({ ...o, head: 'main', base: 'main', title: 'T' }))
  await attempt(() => gh.rest.pulls.create({ ...o, head: 'nope', base: 'main', title: 'T' }))
  await gh.rest.pulls.list({ ...o, head: `someone:${branch}` })
  await gh.rest.pulls.get({ ...o, pull_number: pr.number })
  await attempt(() => gh.rest.pulls.get({ ...o, pull_number: 999 }))
  await gh.rest.pulls.update({ ...o, pull_number: pr.number, body: 'b' })
  await gh.rest.pulls.requestReviewers({ ...o, pull_number: pr.number, reviewers: ['friend'] })
  await attempt(() =>
    gh.rest.pulls.requestReviewers({ ...o, pull_number: pr.number, reviewers: ['someone'] }),
  )
  await gh.rest.issues.addLabels({ ...o, issue_number: pr.number, labels: ['now-page'] })
  await gh.rest.issues.getLabel({ ...o, name: 'now-page' })
  await attempt(() => gh.rest.issues.getLabel({ ...o, name: 'nope' }))
  await attempt(() =>
    gh.rest.issues.createLabel({ ...o, name: `l-${sent.length}`, color: 'ff0000' }),
  )
  await attempt(() => gh.rest.issues.createLabel({ ...o, name: 'now-page', color: '#ff0000' }))
  await attempt(() => gh.rest.issues.createLabel({ ...o, name: 'now-page', color: 'ff0000' }))
  await gh.rest.issues.addAssignees({ ...o, issue_number: pr.number, assignees: ['someone'] })
  await gh.rest.issues.createComment({ ...o, issue_number: pr.number, body: 'hi' })
  await gh.rest.issues.listComments({ ...o, issue_number: pr.number })
  await attempt(() => gh.rest.issues.listComments({ ...o, issue_number: 999 }))
  await gh.rest.git.deleteRef({ ...o, ref: `heads/${branch}` })
  await attempt(() => gh.rest.git.deleteRef({ ...o, ref: `heads/${branch}` }))
  await attempt(() => gh.request('GET /repos/{owner}/{repo}/nope', o))
}

describe("the emulator's answers fit GitHub's OpenAPI description", () => {
  it.each([
    ['github.com', ''],
    ['GHES (/api/v3)', '/api/v3'],
  ])('every route on %s, happy paths and errors', async (_name, prefix) => {
    const from = sent.length
    await driveEveryRoute(em.url + prefix)
    const mine = sent.slice(from).filter((r) => !r.fault)
    const mismatches = mine.flatMap((r) => checkResponse(r.method, r.path, r.status, r.body))
    expect(mismatches).toEqual([])
    const untested = routes.filter(
      (route) =>
        !mine.some(
          (r) =>
            r.status < 300 &&
            r.method === route.method &&
            match(route.pattern, r.path.replace(/^\/api\/v3/, '').replace(/\?.*$/, '')),
        ),
    )
    expect(untested.map((r) => `${r.method} ${r.pattern}`)).toEqual([])
    expect(new Set(mine.filter((r) => r.status >= 400).map((r) => r.status))).toEqual(
      new Set([401, 403, 404, 409, 422]),
    )
  })
})
