// The naive way to do the Action's job, for `npm run bench` to measure against: every request
// in sequence, one search query (so at most 1,000 results), a repository read before each
// repository's other reads, every commit's files read one by one, a blob before the tree, and no
// shortcut for "the PR is already right". Plain Octokit, no plugins. It produces the same page.
import { Octokit } from '@octokit/rest'
import type { Activity, ProjectActivity, PullRequestActivity } from '../src/activity/types.js'
import { editPage } from '../src/page/edit-page.js'
import '../src/page/formats/all.js'

export interface NaiveJob {
  apiUrl: string
  token: string
  owner: string
  repo: string
  path: string
  branch: string
  since: string
  today: string
  now: string
  timeZone: string
  excludeOrgs: string[]
  sideProjects: Array<{ repo: string; progressPattern?: string }>
}

export async function naiveRefresh(
  job: NaiveJob,
): Promise<{ changed: boolean; pullRequests: number }> {
  const quiet = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} }
  const gh = new Octokit({ auth: job.token, baseUrl: job.apiUrl, log: quiet })
  const { owner, repo } = job
  const author = (await gh.rest.users.getAuthenticated()).data.login
  const base = (await gh.rest.repos.get({ owner, repo })).data.default_branch
  const baseSha = (await gh.rest.git.getRef({ owner, repo, ref: `heads/${base}` })).data.object.sha
  const file = (await gh.rest.repos.getContent({ owner, repo, path: job.path, ref: baseSha }))
    .data as { content: string }
  const text = Buffer.from(file.content, 'base64').toString('utf8')

  const pullRequests: PullRequestActivity[] = []
  const q = `is:pr is:merged author:${author} merged:>=${job.since}`
  for (let page = 1; page <= 10; page++) {
    const { data } = await gh.rest.search.issuesAndPullRequests({ q, per_page: 100, page })
    for (const item of data.items) {
      const full = item.repository_url.split('/repos/')[1] ?? ''
      const org = full.split('/')[0] ?? ''
      if (org === author || job.excludeOrgs.includes(org) || !item.pull_request?.merged_at) continue
      pullRequests.push({
        repo: full,
        number: item.number,
        title: item.title,
        url: item.html_url,
        mergedAt: item.pull_request.merged_at,
      })
    }
    if (data.items.length < 100) break
  }

  const projects: ProjectActivity[] = []
  for (const side of job.sideProjects) {
    const [o = '', r = ''] = side.repo.split('/')
    const info = (await gh.rest.repos.get({ owner: o, repo: r })).data
    const commits: ProjectActivity['commits'] = []
    for (let page = 1; ; page++) {
      const { data } = await gh.rest.repos.listCommits({
        owner: o,
        repo: r,
        sha: info.default_branch,
        author,
        since: `${job.since}T00:00:00Z`,
        until: job.now,
        per_page: 100,
        page,
      })
      for (const c of data) {
        const detail = (await gh.rest.repos.getCommit({ owner: o, repo: r, ref: c.sha })).data
        commits.push({
          sha: c.sha,
          message: c.commit.message,
          date: c.commit.committer?.date ?? '',
          url: c.html_url,
          paths: (detail.files ?? []).map((f) => f.filename),
        })
      }
      if (data.length < 100) break
    }
    const tree = (
      await gh.rest.git.getTree({
        owner: o,
        repo: r,
        tree_sha: info.default_branch,
        recursive: 'true',
      })
    ).data.tree
    projects.push({
      repo: info.full_name,
      url: info.html_url,
      commits,
      paths: tree.filter((e) => e.type === 'blob').map((e) => e.path ?? ''),
      ...(side.progressPattern ? { progressPattern: side.progressPattern } : {}),
    })
  }
  const activity: Activity = { since: job.since, pullRequests, projects }
  const edited = editPage(text, activity, { today: job.today, timeZone: job.timeZone })

  // Publishing: look at the branch and the PR, then blob, tree, commit, ref, PR, one by one.
  let branchSha: string | undefined
  try {
    branchSha = (await gh.rest.git.getRef({ owner, repo, ref: `heads/${job.branch}` })).data.object
      .sha
  } catch {
    branchSha = undefined
  }
  const pulls = (
    await gh.rest.pulls.list({ owner, repo, head: `${owner}:${job.branch}`, state: 'open' })
  ).data
  if (branchSha) {
    const onBranch = (
      await gh.rest.repos.getContent({ owner, repo, path: job.path, ref: branchSha })
    ).data as { content: string }
    await gh.rest.repos.compareCommitsWithBasehead({
      owner,
      repo,
      basehead: `${baseSha}...${branchSha}`,
    })
    if (Buffer.from(onBranch.content, 'base64').toString('utf8') === edited.text && pulls[0])
      return { changed: edited.changed, pullRequests: pullRequests.length }
  }
  if (!edited.changed) return { changed: false, pullRequests: pullRequests.length }
  const baseCommit = (await gh.rest.git.getCommit({ owner, repo, commit_sha: baseSha })).data
  const blob = (
    await gh.rest.git.createBlob({
      owner,
      repo,
      content: Buffer.from(edited.text).toString('base64'),
      encoding: 'base64',
    })
  ).data
  const tree = (
    await gh.rest.git.createTree({
      owner,
      repo,
      base_tree: baseCommit.tree.sha,
      tree: [{ path: job.path, mode: '100644', type: 'blob', sha: blob.sha }],
    })
  ).data
  const commit = (
    await gh.rest.git.createCommit({
      owner,
      repo,
      tree: tree.sha,
      parents: [baseSha],
      message: 'Update Now page',
    })
  ).data
  if (branchSha) {
    await gh.rest.git.updateRef({
      owner,
      repo,
      ref: `heads/${job.branch}`,
      sha: commit.sha,
      force: true,
    })
  } else {
    await gh.rest.git.createRef({ owner, repo, ref: `refs/heads/${job.branch}`, sha: commit.sha })
  }
  if (pulls[0]) {
    await gh.rest.pulls.update({ owner, repo, pull_number: pulls[0].number, body: 'refreshed' })
  } else {
    await gh.rest.pulls.create({
      owner,
      repo,
      head: job.branch,
      base,
      title: 'Update Now page',
      body: 'refreshed',
    })
  }
  return { changed: true, pullRequests: pullRequests.length }
}
