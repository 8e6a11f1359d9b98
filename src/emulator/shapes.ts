import type { CommitObject } from './git-objects.js'
import type { EmulatorState, PullRecord, RepoState } from './state.js'

/** REST response shapes, limited to the fields real clients read, named and typed as GitHub's
 * (checked against @octokit/fixtures in the emulator's tests). */
/** `*_url` templates GitHub puts on every repository object, relative to the repository URL. */
const REPO_URLS: Record<string, string> = {
  archive_url: '/{archive_format}{/ref}',
  assignees_url: '/assignees{/user}',
  blobs_url: '/git/blobs{/sha}',
  branches_url: '/branches{/branch}',
  collaborators_url: '/collaborators{/collaborator}',
  comments_url: '/comments{/number}',
  commits_url: '/commits{/sha}',
  compare_url: '/compare/{base}...{head}',
  contents_url: '/contents/{+path}',
  contributors_url: '/contributors',
  deployments_url: '/deployments',
  downloads_url: '/downloads',
  events_url: '/events',
  forks_url: '/forks',
  git_commits_url: '/git/commits{/sha}',
  git_refs_url: '/git/refs{/sha}',
  git_tags_url: '/git/tags{/sha}',
  hooks_url: '/hooks',
  issue_comment_url: '/issues/comments{/number}',
  issue_events_url: '/issues/events{/number}',
  issues_url: '/issues{/number}',
  keys_url: '/keys{/key_id}',
  labels_url: '/labels{/name}',
  languages_url: '/languages',
  merges_url: '/merges',
  milestones_url: '/milestones{/number}',
  notifications_url: '/notifications{?since,all,participating}',
  pulls_url: '/pulls{/number}',
  releases_url: '/releases{/id}',
  stargazers_url: '/stargazers',
  statuses_url: '/statuses/{sha}',
  subscribers_url: '/subscribers',
  subscription_url: '/subscription',
  tags_url: '/tags',
  teams_url: '/teams',
  trees_url: '/git/trees{/sha}',
}

/**
 * REST response shapes with every field GitHub's OpenAPI description requires (checked in the
 * emulator's tests against @octokit/openapi). `api` is the API root as the client used it, so a
 * GHES client (`/api/v3`) gets URLs it can follow; `web` is the site root.
 */
export class Shapes {
  constructor(
    private readonly state: EmulatorState,
    readonly api: string,
    readonly web = 'https://github.com',
  ) {}

  /** GitHub's simple-user: what every nested `user`, `owner` and `author` is. */
  user(login: string) {
    const u = this.state.user(login)
    const url = `${this.api}/users/${u.login}`
    return {
      login: u.login,
      id: u.id,
      node_id: `U_${u.id}`,
      avatar_url: `https://avatars.githubusercontent.com/u/${u.id}?v=4`,
      gravatar_id: '',
      url,
      html_url: `${this.web}/${u.login}`,
      followers_url: `${url}/followers`,
      following_url: `${url}/following{/other_user}`,
      gists_url: `${url}/gists{/gist_id}`,
      starred_url: `${url}/starred{/owner}{/repo}`,
      subscriptions_url: `${url}/subscriptions`,
      organizations_url: `${url}/orgs`,
      repos_url: `${url}/repos`,
      events_url: `${url}/events{/privacy}`,
      received_events_url: `${url}/received_events`,
      type: u.type ?? 'User',
      user_view_type: 'public',
      site_admin: false,
    }
  }

  /** GET /users/:user (public-user), or GET /user with the private fields. */
  profile(login: string, viewer: boolean) {
    const u = this.state.user(login)
    const created = this.state.scenario.now.replace(/^(\d{4})/, (y) => String(Number(y) - 5))
    const base = {
      ...this.user(login),
      name: u.name ?? null,
      company: null,
      blog: '',
      location: null,
      email: null,
      hireable: null,
      bio: null,
      twitter_username: null,
      public_repos: [...this.state.repos.values()].filter((r) => r.owner === u.login).length,
      public_gists: 0,
      followers: 0,
      following: 0,
      created_at: created,
      updated_at: created,
    }
    if (!viewer) return base
    return {
      ...base,
      private_gists: 0,
      total_private_repos: 0,
      owned_private_repos: 0,
      disk_usage: 0,
      collaborators: 0,
      two_factor_authentication: true,
    }
  }

  repo(r: RepoState) {
    const url = `${this.api}/repos/${r.fullName}`
    const urls = Object.fromEntries(Object.entries(REPO_URLS).map(([k, v]) => [k, url + v]))
    const host = new URL(this.web).host
    return {
      id: r.id,
      node_id: `R_${r.id}`,
      name: r.name,
      full_name: r.fullName,
      private: r.private,
      owner: this.user(r.owner),
      html_url: `${this.web}/${r.fullName}`,
      description: null,
      fork: false,
      url,
      ...urls,
      git_url: `git://${host}/${r.fullName}.git`,
      ssh_url: `git@${host}:${r.fullName}.git`,
      clone_url: `${this.web}/${r.fullName}.git`,
      svn_url: `${this.web}/${r.fullName}`,
      mirror_url: null,
      homepage: null,
      language: Object.keys(r.languages)[0] ?? null,
      forks: 0,
      forks_count: 0,
      stargazers_count: 0,
      watchers: 0,
      watchers_count: 0,
      size: 0,
      default_branch: r.defaultBranch,
      open_issues: r.pulls.filter((p) => p.state === 'open').length,
      open_issues_count: r.pulls.filter((p) => p.state === 'open').length,
      is_template: false,
      topics: [],
      has_issues: true,
      has_projects: true,
      has_wiki: true,
      has_pages: false,
      has_downloads: true,
      has_discussions: false,
      archived: false,
      disabled: false,
      visibility: r.private ? 'private' : 'public',
      license: null,
      created_at: r.createdAt,
      pushed_at: this.state.now,
      updated_at: this.state.now,
      permissions: { admin: false, maintain: false, push: true, triage: true, pull: true },
      network_count: 0,
      subscribers_count: 0,
    }
  }

  gitCommit(r: RepoState, c: CommitObject) {
    return {
      sha: c.sha,
      node_id: `C_${c.sha}`,
      url: `${this.api}/repos/${r.fullName}/git/commits/${c.sha}`,
      html_url: `${this.web}/${r.fullName}/commit/${c.sha}`,
      author: c.author,
      committer: c.committer,
      message: c.message,
      tree: { sha: c.tree, url: `${this.api}/repos/${r.fullName}/git/trees/${c.tree}` },
      parents: c.parents.map((p) => ({
        sha: p,
        url: `${this.api}/repos/${r.fullName}/git/commits/${p}`,
        html_url: `${this.web}/${r.fullName}/commit/${p}`,
      })),
      verification: {
        verified: c.verified,
        reason: c.verified ? 'valid' : 'unsigned',
        signature: null,
        payload: null,
        verified_at: c.verified ? c.committer.date : null,
      },
    }
  }

  commit(r: RepoState, c: CommitObject, withFiles = false) {
    const git = this.gitCommit(r, c)
    return {
      sha: c.sha,
      node_id: `C_${c.sha}`,
      url: `${this.api}/repos/${r.fullName}/commits/${c.sha}`,
      html_url: `${this.web}/${r.fullName}/commit/${c.sha}`,
      comments_url: `${this.api}/repos/${r.fullName}/commits/${c.sha}/comments`,
      commit: {
        url: git.url,
        author: c.author,
        committer: c.committer,
        message: c.message,
        tree: git.tree,
        comment_count: 0,
        verification: git.verification,
      },
      author: c.authorLogin ? this.user(c.authorLogin) : null,
      committer: c.committerLogin ? this.user(c.committerLogin) : null,
      parents: git.parents,
      ...(withFiles
        ? { files: this.changedFiles(r, c), stats: { total: 0, additions: 0, deletions: 0 } }
        : {}),
    }
  }

  changedFiles(r: RepoState, c: CommitObject, baseTree?: string) {
    return this.diffEntries(r, c, baseTree).map((f) => ({
      ...f,
      blob_url: `${this.web}/${r.fullName}/blob/${c.sha}/${f.filename}`,
      raw_url: `${this.web}/${r.fullName}/raw/${c.sha}/${f.filename}`,
      contents_url: `${this.api}/repos/${r.fullName}/contents/${f.filename}?ref=${c.sha}`,
    }))
  }

  private diffEntries(r: RepoState, c: CommitObject, baseTree?: string) {
    const after = r.store.files(c.tree)
    const parent = c.parents[0] ? r.store.commits.get(c.parents[0]) : undefined
    const before =
      baseTree !== undefined
        ? r.store.files(baseTree)
        : parent
          ? r.store.files(parent.tree)
          : new Map<string, string>()
    const files: Array<{
      sha: string
      filename: string
      status: string
      additions: number
      deletions: number
      changes: number
    }> = []
    for (const [path, sha] of after) {
      const old = before.get(path)
      if (old !== sha)
        files.push({
          sha,
          filename: path,
          status: old ? 'modified' : 'added',
          additions: 0,
          deletions: 0,
          changes: 0,
        })
    }
    for (const [path, sha] of before)
      if (!after.has(path))
        files.push({
          sha,
          filename: path,
          status: 'removed',
          additions: 0,
          deletions: 0,
          changes: 0,
        })
    return files.sort((a, b) => (a.filename < b.filename ? -1 : 1))
  }

  ref(r: RepoState, name: string, sha: string) {
    return {
      ref: name,
      node_id: `REF_${sha}`,
      url: `${this.api}/repos/${r.fullName}/git/${name}`,
      object: { sha, type: 'commit', url: `${this.api}/repos/${r.fullName}/git/commits/${sha}` },
    }
  }

  label(r: RepoState, name: string) {
    const l = this.state.label(r, name)
    return {
      id: l.id,
      node_id: `LA_${l.id}`,
      url: `${this.api}/repos/${r.fullName}/labels/${encodeURIComponent(l.name)}`,
      name: l.name,
      // '' rather than null: a pull request's labels must have a string here.
      description: l.description,
      color: l.color,
      default: false,
    }
  }

  /** The fields a pull request shares with its issue. */
  private issueFields(r: RepoState, p: PullRecord) {
    const issue = `${this.api}/repos/${r.fullName}/issues/${p.number}`
    const assignees = p.assignees.map((a) => this.user(a))
    return {
      url: issue,
      repository_url: `${this.api}/repos/${r.fullName}`,
      labels_url: `${issue}/labels{/name}`,
      comments_url: `${issue}/comments`,
      events_url: `${issue}/events`,
      html_url: `${this.web}/${r.fullName}/pull/${p.number}`,
      id: p.id,
      node_id: `PR_${p.id}`,
      number: p.number,
      title: p.title,
      user: this.user(p.author),
      labels: p.labels.map((name) => this.label(r, name)),
      state: p.state,
      locked: false,
      assignee: assignees[0] ?? null,
      assignees,
      milestone: null,
      comments: p.comments.length,
      created_at: p.createdAt,
      updated_at: p.updatedAt,
      closed_at: p.closedAt,
      author_association: this.association(r, p.author),
      draft: p.draft,
      body: p.body,
    }
  }

  /** How GitHub relates a person to a repository: OWNER, COLLABORATOR, or CONTRIBUTOR. */
  private association(r: RepoState, login: string) {
    if (login.toLowerCase() === r.owner.toLowerCase()) return 'OWNER'
    return r.pulls.some((p) => p.mergedAt && p.author.toLowerCase() === login.toLowerCase())
      ? 'CONTRIBUTOR'
      : 'NONE'
  }

  pull(r: RepoState, p: PullRecord) {
    const headBranch = p.head.includes(':') ? (p.head.split(':')[1] as string) : p.head
    const headSha = this.state.resolve(r, headBranch) ?? p.headSha ?? ''
    const baseSha = this.state.resolve(r, p.base) ?? ''
    const url = `${this.api}/repos/${r.fullName}/pulls/${p.number}`
    const issue = this.issueFields(r, p)
    const html = `${this.web}/${r.fullName}/pull/${p.number}`
    const statuses = `${this.api}/repos/${r.fullName}/statuses/${headSha}`
    const link = (href: string) => ({ href })
    return {
      ...issue,
      url,
      html_url: html,
      diff_url: `${html}.diff`,
      patch_url: `${html}.patch`,
      issue_url: issue.url,
      commits_url: `${url}/commits`,
      review_comments_url: `${url}/comments`,
      review_comment_url: `${this.api}/repos/${r.fullName}/pulls/comments{/number}`,
      statuses_url: statuses,
      merged_at: p.mergedAt,
      merge_commit_sha: p.mergeCommitSha ?? null,
      requested_reviewers: p.reviewers.map((a) => this.user(a)),
      requested_teams: [],
      head: {
        label: p.head.includes(':') ? p.head : `${r.owner}:${p.head}`,
        ref: headBranch,
        sha: headSha,
        user: this.user(r.owner),
        repo: this.repo(r),
      },
      base: {
        label: `${r.owner}:${p.base}`,
        ref: p.base,
        sha: baseSha,
        user: this.user(r.owner),
        repo: this.repo(r),
      },
      _links: {
        self: link(url),
        html: link(html),
        issue: link(issue.url),
        comments: link(issue.comments_url),
        review_comments: link(`${url}/comments`),
        review_comment: link(`${this.api}/repos/${r.fullName}/pulls/comments{/number}`),
        commits: link(`${url}/commits`),
        statuses: link(statuses),
      },
      auto_merge: null,
      active_lock_reason: null,
      merged: p.mergedAt !== null,
      mergeable: p.state === 'open' ? true : null,
      rebaseable: p.state === 'open' ? true : null,
      mergeable_state: p.state === 'open' ? 'clean' : 'unknown',
      merged_by: p.mergedAt ? this.user(r.owner) : null,
      maintainer_can_modify: false,
      comments: p.comments.length,
      review_comments: 0,
      commits: this.pullCommits(r, baseSha, headSha),
      additions: 0,
      deletions: 0,
      changed_files: 0,
    }
  }

  private pullCommits(r: RepoState, baseSha: string, headSha: string): number {
    if (!baseSha || !headSha) return 0
    return r.store.commitsBetween(baseSha, headSha).length
  }

  /** A pull request as GET /repos/.../issues and search list it. */
  issue(r: RepoState, p: PullRecord) {
    const pulls = `${this.api}/repos/${r.fullName}/pulls/${p.number}`
    return {
      ...this.issueFields(r, p),
      pull_request: {
        url: pulls,
        html_url: `${this.web}/${r.fullName}/pull/${p.number}`,
        diff_url: `${this.web}/${r.fullName}/pull/${p.number}.diff`,
        patch_url: `${this.web}/${r.fullName}/pull/${p.number}.patch`,
        merged_at: p.mergedAt,
      },
    }
  }

  searchItem(r: RepoState, p: PullRecord) {
    return { ...this.issue(r, p), score: 1 }
  }

  comment(r: RepoState, p: PullRecord, c: PullRecord['comments'][number]) {
    const issue = `${this.api}/repos/${r.fullName}/issues/${p.number}`
    return {
      id: c.id,
      node_id: `IC_${c.id}`,
      url: `${this.api}/repos/${r.fullName}/issues/comments/${c.id}`,
      html_url: `${this.web}/${r.fullName}/pull/${p.number}#issuecomment-${c.id}`,
      issue_url: issue,
      body: c.body,
      user: this.user(c.user),
      created_at: c.createdAt,
      updated_at: c.createdAt,
      author_association: this.association(r, c.user),
    }
  }
}
