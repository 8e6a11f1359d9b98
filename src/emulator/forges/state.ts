import { createHash } from 'node:crypto'
import type { ForgeCommit, ForgePull, ScenarioForge } from './types.js'

/** One forge's world, built once from its scenario entry: ids, shas and trees made
 * deterministically, so the same scenario always answers the same bytes. */

export interface ForgeUser {
  id: number
  login: string
  name: string
  email: string
}

export interface CommitRecord {
  sha: string
  parents: string[]
  author: string | undefined
  authorName: string
  authorEmail: string
  authoredDate: string
  committedDate: string
  message: string
}

export interface PullRecord {
  id: number
  number: number
  author: string
  title: string
  description: string
  state: 'open' | 'closed' | 'merged'
  createdAt: string
  updatedAt: string
  mergedAt: string | null
  closedAt: string | null
  targetBranch: string
  sourceBranch: string
  sha: string
  mergeCommitSha: string | null
}

export interface TreeRecord {
  path: string
  type: 'blob' | 'tree'
  mode: string
  sha: string
  size: number
}

export interface ProjectRecord {
  id: number
  path: string
  namespace: string
  name: string
  /** The namespace's user (a personal project), if the namespace is a known user. */
  owner: string
  defaultBranch: string
  visibility: 'public' | 'internal' | 'private'
  members: Set<string>
  description: string
  createdAt: string
  lastActivityAt: string
  /** Newest first. */
  commits: CommitRecord[]
  tree: TreeRecord[]
  pulls: PullRecord[]
}

export const sha1 = (text: string) => createHash('sha1').update(text).digest('hex')

const byDateDesc = (a: string, b: string) => Date.parse(b) - Date.parse(a)

export class ForgeState {
  readonly users = new Map<string, ForgeUser>()
  readonly tokens = new Map<string, { user: ForgeUser; scopes: string[] | undefined }>()
  readonly projects: ProjectRecord[] = []
  private nextId: number

  constructor(
    readonly forge: ScenarioForge,
    readonly now: string,
  ) {
    // Ids in the range real instances use, different per forge so no two forges share one.
    this.nextId = forge.kind === 'gitlab' ? 4_200_000 : 420_000
    for (const u of forge.users ?? []) this.user(u.login, u.name, u.email)
    for (const [value, t] of Object.entries(forge.tokens ?? {}))
      this.tokens.set(value, { user: this.user(t.login), scopes: t.scopes })
    for (const p of forge.projects ?? []) this.addProject(p)
  }

  private id(): number {
    return this.nextId++
  }

  user(login: string, name?: string, email?: string): ForgeUser {
    const key = login.toLowerCase()
    const found = this.users.get(key)
    if (found) return found
    const id = this.id()
    const user = {
      id,
      login,
      name: name ?? login,
      email: email ?? `${login}@noreply.${this.forge.host}`,
    }
    this.users.set(key, user)
    return user
  }

  /** A project by numeric id or full path (case-insensitive, as both forges resolve them). */
  project(idOrPath: string): ProjectRecord | undefined {
    const key = idOrPath.toLowerCase()
    return this.projects.find((p) => String(p.id) === key || p.path.toLowerCase() === key)
  }

  /** Whether `login` (undefined: anonymous) may see the project. */
  canSee(p: ProjectRecord, login: string | undefined): boolean {
    if (p.visibility === 'public') return true
    if (!login) return false
    if (p.visibility === 'internal') return true
    const l = login.toLowerCase()
    return p.owner.toLowerCase() === l || p.members.has(l)
  }

  private addProject(p: NonNullable<ScenarioForge['projects']>[number]): void {
    const parts = p.path.split('/')
    const name = parts.at(-1) ?? p.path
    const namespace = parts.slice(0, -1).join('/')
    const defaultBranch = p.defaultBranch ?? 'main'
    const commits = this.commits(p.path, p.commits ?? [])
    const paths = new Set([...(p.files ?? []), ...(p.commits ?? []).flatMap((c) => c.paths ?? [])])
    const pulls = (p.pulls ?? []).map((pull) => this.pull(p.path, defaultBranch, pull))
    const dates = [...commits.map((c) => c.committedDate), ...pulls.map((x) => x.updatedAt)].sort(
      byDateDesc,
    )
    const createdAt = [...commits.map((c) => c.authoredDate), ...pulls.map((x) => x.createdAt)]
      .sort(byDateDesc)
      .at(-1)
    const owner = parts.length === 2 && this.users.has(namespace.toLowerCase()) ? namespace : ''
    this.projects.push({
      id: this.id(),
      path: p.path,
      namespace,
      name,
      owner,
      defaultBranch,
      visibility: p.visibility ?? 'public',
      members: new Set((p.members ?? []).map((m) => m.toLowerCase())),
      description: p.description ?? '',
      createdAt: createdAt ?? this.now,
      lastActivityAt: dates[0] ?? this.now,
      commits,
      tree: treeOf([...paths]),
      pulls,
    })
  }

  private commits(path: string, seeds: ForgeCommit[]): CommitRecord[] {
    const sorted = [...seeds].sort((a, b) =>
      byDateDesc(b.committedDate ?? b.date, a.committedDate ?? a.date),
    )
    const out: CommitRecord[] = []
    let parent: string | undefined
    for (const c of sorted) {
      const user = c.author ? this.user(c.author) : undefined
      const sha = c.sha ?? sha1(`${path}\0${parent ?? ''}\0${c.date}\0${c.message}`)
      out.push({
        sha,
        parents: parent ? [parent] : [],
        author: user?.login,
        authorName: c.authorName ?? user?.name ?? 'Unknown',
        authorEmail: c.authorEmail ?? user?.email ?? 'unknown@example.com',
        authoredDate: c.date,
        committedDate: c.committedDate ?? c.date,
        message: c.message,
      })
      parent = sha
    }
    return out.reverse()
  }

  private pull(path: string, target: string, p: ForgePull): PullRecord {
    this.user(p.author)
    const state = p.state ?? (p.mergedAt ? 'merged' : p.closedAt ? 'closed' : 'open')
    const mergedAt = p.mergedAt ?? null
    const closedAt = p.closedAt ?? null
    const updatedAt =
      p.updatedAt ?? [p.createdAt, mergedAt, closedAt].filter((d) => d !== null).sort(byDateDesc)[0]
    return {
      id: this.id(),
      number: p.number,
      author: p.author,
      title: p.title,
      description: p.description ?? '',
      state,
      createdAt: p.createdAt,
      updatedAt: updatedAt ?? p.createdAt,
      mergedAt,
      closedAt,
      targetBranch: p.targetBranch ?? target,
      sourceBranch: p.sourceBranch ?? `${p.author}/change-${p.number}`,
      sha: sha1(`${path}!${p.number}`),
      mergeCommitSha: mergedAt ? sha1(`${path}!${p.number}:merge`) : null,
    }
  }
}

/** Every path as a blob and every directory above one as a tree, sorted as git lists them. */
function treeOf(paths: string[]): TreeRecord[] {
  const entries = new Map<string, TreeRecord>()
  for (const path of paths) {
    const parts = path.split('/')
    for (let i = 1; i < parts.length; i++) {
      const dir = parts.slice(0, i).join('/')
      if (!entries.has(dir))
        entries.set(dir, {
          path: dir,
          type: 'tree',
          mode: '040000',
          sha: sha1(`tree:${dir}`),
          size: 0,
        })
    }
    entries.set(path, {
      path,
      type: 'blob',
      mode: '100644',
      sha: sha1(`blob:${path}`),
      size: path.length * 10,
    })
  }
  return [...entries.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
}

/** An instant as GitLab writes it: milliseconds and `Z` (`2025-08-19T16:20:00.000Z`). */
export const gitlabTime = (iso: string) => new Date(Date.parse(iso)).toISOString()

/** A commit date as GitLab writes it: milliseconds, the commit's own offset kept
 * (`2025-08-16T11:01:38.000+05:30`). */
export const gitlabCommitTime = (iso: string) =>
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:[+-]\d{2}:\d{2})$/.test(iso)
    ? iso.replace(/(?=[+-]\d{2}:\d{2}$)/, '.000')
    : gitlabTime(iso)

/** An instant as Forgejo writes it: whole seconds, `Z`. */
export const forgejoTime = (iso: string) =>
  new Date(Date.parse(iso)).toISOString().replace(/\.\d{3}Z$/, 'Z')
