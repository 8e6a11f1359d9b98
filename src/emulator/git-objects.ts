import { createHash } from 'node:crypto'

/** Git objects with git's own ids, so the emulator's shas behave like GitHub's. */
export interface Person {
  name: string
  email: string
  date: string
}

export interface TreeEntry {
  path: string
  mode: string
  type: 'blob' | 'tree'
  sha: string
}

export interface CommitObject {
  sha: string
  tree: string
  parents: string[]
  author: Person
  committer: Person
  message: string
  /** Login linked to the author's email, if any (GitHub's `author` field). */
  authorLogin: string | null
  committerLogin: string | null
  verified: boolean
}

function hash(type: string, body: Buffer): string {
  return createHash('sha1').update(`${type} ${body.length}\0`).update(body).digest('hex')
}

function gitTime(iso: string): string {
  return `${Math.floor(Date.parse(iso) / 1000)} +0000`
}

export class ObjectStore {
  readonly blobs = new Map<string, Buffer>()
  readonly trees = new Map<string, TreeEntry[]>()
  readonly commits = new Map<string, CommitObject>()

  putBlob(content: Buffer): string {
    const sha = hash('blob', content)
    this.blobs.set(sha, content)
    return sha
  }

  /** Stores a tree from entries (names without slashes) and returns its id. */
  putTree(entries: TreeEntry[]): string {
    // Git sorts entries by name, comparing a tree's name as if it ended with '/'.
    const key = (e: TreeEntry) => (e.type === 'tree' ? `${e.path}/` : e.path)
    const sorted = [...entries].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0))
    const body = Buffer.concat(
      sorted.map((e) =>
        Buffer.concat([Buffer.from(`${e.mode} ${e.path}\0`), Buffer.from(e.sha, 'hex')]),
      ),
    )
    const sha = hash('tree', body)
    this.trees.set(sha, sorted)
    return sha
  }

  /** Builds nested trees from a flat path -> blob map. */
  treeFromFiles(files: Map<string, string>): string {
    const dirs = new Map<string, Map<string, string>>()
    const blobs: TreeEntry[] = []
    for (const [path, sha] of files) {
      const at = path.indexOf('/')
      if (at < 0) blobs.push({ path, mode: '100644', type: 'blob', sha })
      else {
        const dir = path.slice(0, at)
        const inner = dirs.get(dir) ?? new Map<string, string>()
        inner.set(path.slice(at + 1), sha)
        dirs.set(dir, inner)
      }
    }
    const trees = [...dirs].map(([path, inner]): TreeEntry => ({
      path,
      mode: '040000',
      type: 'tree',
      sha: this.treeFromFiles(inner),
    }))
    return this.putTree([...blobs, ...trees])
  }

  /** The flat path -> blob map of a tree. */
  files(treeSha: string, prefix = '', into = new Map<string, string>()): Map<string, string> {
    for (const e of this.trees.get(treeSha) ?? []) {
      if (e.type === 'tree') this.files(e.sha, `${prefix}${e.path}/`, into)
      else into.set(`${prefix}${e.path}`, e.sha)
    }
    return into
  }

  /** Every entry under a tree, with full paths (for `?recursive=1`). */
  walk(treeSha: string, prefix = '', into: TreeEntry[] = []): TreeEntry[] {
    for (const e of this.trees.get(treeSha) ?? []) {
      into.push({ ...e, path: `${prefix}${e.path}` })
      if (e.type === 'tree') this.walk(e.sha, `${prefix}${e.path}/`, into)
    }
    return into
  }

  putCommit(c: Omit<CommitObject, 'sha'>, forcedSha?: string): string {
    const lines = [
      `tree ${c.tree}`,
      ...c.parents.map((p) => `parent ${p}`),
      `author ${c.author.name} <${c.author.email}> ${gitTime(c.author.date)}`,
      `committer ${c.committer.name} <${c.committer.email}> ${gitTime(c.committer.date)}`,
      '',
      c.message,
    ]
    const sha = forcedSha ?? hash('commit', Buffer.from(lines.join('\n')))
    // A forced id may stand for other content than before: histories through it may change.
    if (forcedSha) this.histories.clear()
    this.commits.set(sha, { ...c, sha })
    return sha
  }

  /** Histories already listed, by head: a commit's ancestry never changes, and listing a
   * 50,000-commit history page by page would otherwise walk and sort it again for each page. */
  private readonly histories = new Map<string, readonly CommitObject[]>()

  /** True when `ancestor` is `sha` or reachable from it. */
  isAncestor(ancestor: string, sha: string): boolean {
    const seen = new Set<string>()
    const stack = [sha]
    while (stack.length > 0) {
      const s = stack.pop() as string
      if (s === ancestor) return true
      if (seen.has(s)) continue
      seen.add(s)
      stack.push(...(this.commits.get(s)?.parents ?? []))
    }
    return false
  }

  /** Commits reachable from `sha` but not from `base`, oldest first. */
  commitsBetween(base: string, sha: string): CommitObject[] {
    const out: CommitObject[] = []
    const stack = [sha]
    const seen = new Set<string>()
    while (stack.length > 0) {
      const s = stack.pop() as string
      if (seen.has(s) || this.isAncestor(s, base)) continue
      seen.add(s)
      const c = this.commits.get(s)
      if (!c) continue
      out.push(c)
      stack.push(...c.parents)
    }
    return out.sort((a, b) => Date.parse(a.committer.date) - Date.parse(b.committer.date))
  }

  /** Newest first along first parents and merges: the history `GET /commits` lists. */
  history(sha: string): readonly CommitObject[] {
    const known = this.histories.get(sha)
    if (known) return known
    const out: CommitObject[] = []
    const seen = new Set<string>()
    const stack = [sha]
    while (stack.length > 0) {
      const s = stack.pop() as string
      if (seen.has(s)) continue
      seen.add(s)
      const c = this.commits.get(s)
      if (!c) continue
      out.push(c)
      stack.push(...c.parents)
    }
    const time = new Map(out.map((c) => [c.sha, Date.parse(c.committer.date)]))
    const at = (c: CommitObject) => time.get(c.sha) as number
    out.sort((a, b) => at(b) - at(a) || (a.sha < b.sha ? -1 : 1))
    this.histories.set(sha, out)
    return out
  }

  mergeBase(a: string, b: string): string | undefined {
    const ancestors = new Set(this.history(a).map((c) => c.sha))
    return this.history(b).find((c) => ancestors.has(c.sha))?.sha
  }
}
