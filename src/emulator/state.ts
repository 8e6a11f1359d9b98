import { ObjectStore, type CommitObject, type Person } from './git-objects.js'
import type { Scenario, ScenarioPull, ScenarioToken, ScenarioUser } from './scenario.js'

/** An instant as GitHub writes it: ISO 8601, whole seconds, `Z`. */
const isoSeconds = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z')

export interface PullRecord {
  number: number
  id: number
  author: string
  title: string
  body: string
  state: 'open' | 'closed'
  draft: boolean
  createdAt: string
  updatedAt: string
  closedAt: string | null
  mergedAt: string | null
  head: string
  base: string
  /** Head commit at the time a scenario PR was seeded (scenario PRs have no branch). */
  headSha?: string
  mergeCommitSha?: string
  labels: string[]
  assignees: string[]
  reviewers: string[]
  comments: Array<{ id: number; user: string; body: string; createdAt: string }>
}

export interface LabelRecord {
  id: number
  name: string
  color: string
  description: string
}

export interface RepoState {
  owner: string
  name: string
  fullName: string
  id: number
  ownerType: 'User' | 'Organization'
  private: boolean
  defaultBranch: string
  createdAt: string
  languages: Record<string, number>
  store: ObjectStore
  refs: Map<string, string>
  pulls: PullRecord[]
  protectedBranches: Set<string>
  /** The repository's labels by lower-case name. */
  labels: Map<string, LabelRecord>
  /** Repository settings GitHub answers by (see ScenarioRepo). */
  settings: {
    allowActionsToCreatePullRequests: boolean
    draftPullRequests: boolean
    collaborators: Set<string> | undefined
  }
}

/** The emulated world. Tests read it to assert what the Action wrote. */
export class EmulatorState {
  readonly repos = new Map<string, RepoState>()
  readonly users = new Map<string, ScenarioUser & { id: number }>()
  readonly tokens: Map<string, ScenarioToken & { remaining: number }>
  private clock: number
  private nextId = 1000

  constructor(readonly scenario: Scenario) {
    this.clock = Date.parse(scenario.now)
    this.tokens = new Map(
      Object.entries(scenario.tokens).map(([t, v]) => [
        t,
        { ...v, remaining: v.rateLimitRemaining ?? 5000 },
      ]),
    )
    for (const u of scenario.users ?? []) this.addUser(u)
    for (const t of Object.values(scenario.tokens)) this.addUser({ login: t.login })
    for (const r of scenario.repos) this.seedRepo(r)
  }

  /** Each write is a little later than the one before, so orderings are stable. */
  tick(): string {
    this.clock += 2000
    return isoSeconds(this.clock)
  }

  get now(): string {
    return isoSeconds(this.clock)
  }

  id(): number {
    return this.nextId++
  }

  addUser(u: ScenarioUser): ScenarioUser & { id: number } {
    const key = u.login.toLowerCase()
    const existing = this.users.get(key)
    if (existing) return existing
    const user = { ...u, id: this.id() }
    this.users.set(key, user)
    return user
  }

  user(login: string): ScenarioUser & { id: number } {
    return this.users.get(login.toLowerCase()) ?? this.addUser({ login })
  }

  emailOf(login: string): string {
    const u = this.user(login)
    return u.emails?.[0] ?? `${u.id}+${u.login}@users.noreply.github.com`
  }

  /** The login GitHub links a commit email to, as it does for verified emails. */
  loginForEmail(email: string): string | null {
    const e = email.toLowerCase()
    for (const u of this.users.values()) {
      if (u.emails?.some((x) => x.toLowerCase() === e)) return u.login
      if (e === `${u.id}+${u.login.toLowerCase()}@users.noreply.github.com`) return u.login
    }
    return null
  }

  person(login: string, date: string): Person {
    return { name: this.user(login).name ?? login, email: this.emailOf(login), date }
  }

  repo(fullName: string): RepoState | undefined {
    return this.repos.get(fullName.toLowerCase())
  }

  private seedRepo(r: Scenario['repos'][number]): void {
    const [owner = '', name = ''] = r.fullName.split('/')
    this.addUser({ login: owner, type: r.ownerType ?? 'User' })
    const store = new ObjectStore()
    const repo: RepoState = {
      owner,
      name,
      fullName: r.fullName,
      id: this.id(),
      ownerType: r.ownerType ?? 'User',
      private: r.private ?? false,
      defaultBranch: r.defaultBranch ?? 'main',
      createdAt: isoSeconds(Date.parse(this.scenario.now) - 400 * 86_400_000),
      languages: r.languages ?? {},
      store,
      refs: new Map(),
      pulls: [],
      protectedBranches: new Set(r.protectedBranches ?? []),
      labels: new Map(),
      settings: {
        allowActionsToCreatePullRequests: r.allowActionsToCreatePullRequests ?? true,
        draftPullRequests: r.draftPullRequests ?? true,
        collaborators: r.collaborators
          ? new Set(r.collaborators.map((c) => c.toLowerCase()))
          : undefined,
      },
    }
    this.repos.set(r.fullName.toLowerCase(), repo)
    for (const l of r.labels ?? []) this.label(repo, l.name, l.color, l.description)
    // An empty repository has no commit and no branch, not even its default one.
    if (r.empty) return
    const head = this.seedHistory(repo, r)
    repo.refs.set(`refs/heads/${repo.defaultBranch}`, head)
    for (const p of r.pulls ?? []) this.seedPull(repo, p, head)
  }

  /** The initial commit with the scenario's files, then its commits by date; returns the head. */
  private seedHistory(repo: RepoState, r: Scenario['repos'][number]): string {
    const { store, owner } = repo
    const files = new Map<string, string>()
    for (const [path, text] of Object.entries(r.files ?? {}))
      files.set(path, store.putBlob(Buffer.from(text)))
    const initialDate = isoSeconds(Date.parse(this.scenario.now) - 365 * 86_400_000)
    let head = store.putCommit({
      tree: store.treeFromFiles(files),
      parents: [],
      author: this.person(owner, initialDate),
      committer: this.person(owner, initialDate),
      message: 'Initial commit',
      authorLogin: owner,
      committerLogin: owner,
      verified: false,
    })
    const commits = [...(r.commits ?? [])].sort((a, b) => Date.parse(a.date) - Date.parse(b.date))
    for (const c of commits) {
      for (const path of c.paths ?? [])
        files.set(path, store.putBlob(Buffer.from(`// ${path}\n// ${c.message}\n`)))
      const author = this.seedPerson(c.author ?? null, c.authorEmail, c.authorName, c.date)
      // Someone else may have committed it (a maintainer applying a patch, `web-flow`).
      const committer =
        c.committer !== undefined
          ? this.seedPerson(c.committer, undefined, undefined, c.committedDate ?? c.date)
          : author
      head = store.putCommit(
        {
          tree: store.treeFromFiles(files),
          parents: [head],
          author,
          committer,
          message: c.message,
          authorLogin: c.author ?? this.loginForEmail(author.email),
          committerLogin:
            c.committer !== undefined
              ? (c.committer ?? null)
              : (c.author ?? this.loginForEmail(author.email)),
          verified: false,
        },
        c.sha,
      )
    }
    return head
  }

  /** A person by login (their name and first email, either overridable) or by email alone. */
  private seedPerson(
    login: string | null,
    email: string | undefined,
    name: string | undefined,
    date: string,
  ): Person {
    if (!login) return { name: name ?? 'Someone', email: email ?? 'someone@example.com', date }
    return {
      ...this.person(login, date),
      ...(email ? { email } : {}),
      ...(name ? { name } : {}),
    }
  }

  private seedPull(repo: RepoState, p: ScenarioPull, head: string): void {
    this.addUser({ login: p.author })
    repo.pulls.push({
      number: p.number,
      id: this.id(),
      author: p.author,
      title: p.title,
      body: '',
      state: p.state,
      draft: false,
      createdAt: p.createdAt,
      updatedAt: p.mergedAt ?? p.closedAt ?? p.createdAt,
      closedAt: p.closedAt ?? p.mergedAt ?? (p.state === 'closed' ? p.createdAt : null),
      mergedAt: p.mergedAt ?? null,
      head: `${p.author}:patch-${p.number}`,
      base: repo.defaultBranch,
      headSha: head,
      ...(p.mergedAt ? { mergeCommitSha: head } : {}),
      labels: [],
      assignees: [],
      reviewers: [],
      comments: [],
    })
  }

  /** The label of that name, created (as GitHub does when one is added by name) if missing. */
  label(repo: RepoState, name: string, color = 'ededed', description = ''): LabelRecord {
    const key = name.toLowerCase()
    const existing = repo.labels.get(key)
    if (existing) return existing
    const label = { id: this.id(), name, color, description }
    repo.labels.set(key, label)
    return label
  }

  /** Resolves a branch name, `heads/x`, `refs/heads/x` or a sha to a commit sha. */
  resolve(repo: RepoState, ref: string): string | undefined {
    // GitHub takes HEAD for the default branch's head wherever it takes a ref.
    if (ref === 'HEAD') ref = repo.defaultBranch
    const full = ref.startsWith('refs/')
      ? ref
      : ref.startsWith('heads/')
        ? `refs/${ref}`
        : `refs/heads/${ref}`
    const sha = repo.refs.get(full)
    if (sha) return sha
    if (/^[0-9a-f]{7,40}$/.test(ref)) {
      for (const s of repo.store.commits.keys()) if (s.startsWith(ref)) return s
    }
    return undefined
  }

  readFile(fullName: string, path: string, ref?: string): string | undefined {
    const repo = this.repo(fullName)
    if (!repo) return undefined
    const sha = this.resolve(repo, ref ?? repo.defaultBranch)
    const commit = sha ? repo.store.commits.get(sha) : undefined
    if (!commit) return undefined
    const blob = repo.store.files(commit.tree).get(path)
    return blob ? repo.store.blobs.get(blob)?.toString('utf8') : undefined
  }

  /** A person pushing a commit to a branch (created from the default branch if missing). */
  commitFiles(
    fullName: string,
    branch: string,
    files: Record<string, string>,
    opts: { message?: string; author?: string } = {},
  ): string {
    const repo = this.repo(fullName)
    if (!repo) throw new Error(`no repository ${fullName}`)
    const parent = this.resolve(repo, branch) ?? (this.resolve(repo, repo.defaultBranch) as string)
    const base = repo.store.commits.get(parent) as CommitObject
    const flat = repo.store.files(base.tree)
    for (const [path, text] of Object.entries(files))
      flat.set(path, repo.store.putBlob(Buffer.from(text)))
    const login = opts.author ?? repo.owner
    const date = this.tick()
    const sha = repo.store.putCommit({
      tree: repo.store.treeFromFiles(flat),
      parents: [parent],
      author: this.person(login, date),
      committer: this.person(login, date),
      message: opts.message ?? 'Edit by hand',
      authorLogin: login,
      committerLogin: login,
      verified: false,
    })
    repo.refs.set(`refs/heads/${branch}`, sha)
    return sha
  }

  /** The author merges a pull request: a merge commit on the base, the PR closed as merged. */
  mergePull(fullName: string, number: number): string {
    const repo = this.repo(fullName)
    const pr = repo?.pulls.find((p) => p.number === number)
    if (!repo || !pr) throw new Error(`no pull request ${fullName}#${number}`)
    const headSha = this.resolve(repo, pr.head.split(':').pop() as string) as string
    const baseSha = this.resolve(repo, pr.base) as string
    const head = repo.store.commits.get(headSha) as CommitObject
    const date = this.tick()
    const sha = repo.store.putCommit({
      tree: head.tree,
      parents: [baseSha, headSha],
      author: this.person(repo.owner, date),
      committer: this.person(repo.owner, date),
      message: `Merge pull request #${number}`,
      authorLogin: repo.owner,
      committerLogin: repo.owner,
      verified: true,
    })
    repo.refs.set(`refs/heads/${pr.base}`, sha)
    pr.state = 'closed'
    pr.mergeCommitSha = sha
    pr.headSha = headSha
    pr.mergedAt = date
    pr.closedAt = date
    pr.updatedAt = date
    return sha
  }
}
