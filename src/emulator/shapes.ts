import type { CommitObject } from './git-objects.js'
import type { EmulatorState, PullRecord, RepoState } from './state.js'

/** REST response shapes, limited to the fields real clients read, named and typed as GitHub's
 * (checked against @octokit/fixtures in the emulator's tests). */
export class Shapes {
  constructor(
    private readonly state: EmulatorState,
    readonly api: string,
    readonly web = 'https://github.com',
  ) {}

  user(login: string) {
    const u = this.state.user(login)
    return {
      login: u.login,
      id: u.id,
      node_id: `U_${u.id}`,
      avatar_url: `https://avatars.githubusercontent.com/u/${u.id}?v=4`,
      url: `${this.api}/users/${u.login}`,
      html_url: `${this.web}/${u.login}`,
      type: u.type ?? 'User',
      site_admin: false,
      name: u.name ?? null,
    }
  }

  repo(r: RepoState) {
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
      url: `${this.api}/repos/${r.fullName}`,
      default_branch: r.defaultBranch,
      visibility: r.private ? 'private' : 'public',
      archived: false,
      created_at: r.createdAt,
      pushed_at: this.state.now,
      updated_at: this.state.now,
      permissions: { admin: false, maintain: false, push: true, triage: true, pull: true },
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

  pull(r: RepoState, p: PullRecord) {
    const headBranch = p.head.includes(':') ? (p.head.split(':')[1] as string) : p.head
    const headSha = this.state.resolve(r, headBranch) ?? p.headSha ?? ''
    const baseSha = this.state.resolve(r, p.base) ?? ''
    const url = `${this.api}/repos/${r.fullName}/pulls/${p.number}`
    return {
      url,
      id: p.id,
      node_id: `PR_${p.id}`,
      html_url: `${this.web}/${r.fullName}/pull/${p.number}`,
      issue_url: `${this.api}/repos/${r.fullName}/issues/${p.number}`,
      number: p.number,
      state: p.state,
      locked: false,
      title: p.title,
      user: this.user(p.author),
      body: p.body,
      labels: p.labels.map((name, i) => ({ id: i + 1, name, color: 'ededed', default: false })),
      created_at: p.createdAt,
      updated_at: p.updatedAt,
      closed_at: p.closedAt,
      merged_at: p.mergedAt,
      assignees: p.assignees.map((a) => this.user(a)),
      requested_reviewers: p.reviewers.map((a) => this.user(a)),
      draft: p.draft,
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
      merged: p.mergedAt !== null,
      mergeable: p.state === 'open' ? true : null,
    }
  }

  searchItem(r: RepoState, p: PullRecord) {
    return {
      url: `${this.api}/repos/${r.fullName}/issues/${p.number}`,
      repository_url: `${this.api}/repos/${r.fullName}`,
      html_url: `${this.web}/${r.fullName}/pull/${p.number}`,
      id: p.id,
      node_id: `PR_${p.id}`,
      number: p.number,
      title: p.title,
      user: this.user(p.author),
      labels: [],
      state: p.state,
      locked: false,
      assignee: null,
      assignees: [],
      comments: p.comments.length,
      created_at: p.createdAt,
      updated_at: p.updatedAt,
      closed_at: p.closedAt,
      author_association: 'CONTRIBUTOR',
      draft: p.draft,
      pull_request: {
        url: `${this.api}/repos/${r.fullName}/pulls/${p.number}`,
        html_url: `${this.web}/${r.fullName}/pull/${p.number}`,
        diff_url: `${this.web}/${r.fullName}/pull/${p.number}.diff`,
        patch_url: `${this.web}/${r.fullName}/pull/${p.number}.patch`,
        merged_at: p.mergedAt,
      },
      body: p.body,
      score: 1,
    }
  }
}
