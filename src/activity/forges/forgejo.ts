/**
 * Forgejo (and Gitea) v1: merged pull requests of an account and side-project commits. Calls
 * (see wt/briefs/forges-contract.md): `/repos/issues/search?type=pulls&created=true` (the token's
 * own pulls: needs a token), per repository `/repos/:owner/:repo/pulls` (public), `/repos/:o/:r`,
 * `/repos/:o/:r/commits` and `/repos/:o/:r/git/trees/:ref`.
 */
import type { CommitActivity } from '../types.js'
import type { ForgeHttp } from './http.js'
import type { ForgeReader, MergedItem, ProjectRead, Window } from './types.js'

interface SearchedPull {
  number: number
  title: string
  html_url: string
  updated_at: string
  user?: { login?: string } | null
  repository?: { full_name?: string } | null
  pull_request?: { merged?: boolean; merged_at?: string | null } | null
}

interface Pull {
  number: number
  title: string
  html_url: string
  merged?: boolean
  merged_at?: string | null
  updated_at: string
  user?: { login?: string } | null
  base?: { repo?: { full_name?: string } | null } | null
}

interface Repository {
  full_name: string
  default_branch: string
  html_url: string
  empty?: boolean
}

interface Commit {
  sha: string
  html_url: string
  commit: {
    message: string
    author?: { name?: string; email?: string; date?: string } | null
    committer?: { date?: string } | null
  }
  author?: { login?: string } | null
}

interface Tree {
  tree: Array<{ path: string; type: string }>
  truncated?: boolean
}

const MAX_PAGES = 50
const LIMIT = 50

const repoPath = (repo: string) =>
  repo
    .split('/')
    .map((p) => encodeURIComponent(p))
    .join('/')

export function forgejoReader(http: ForgeHttp, login: string): ForgeReader {
  return {
    kind: 'forgejo',
    async mergedByAccount(window: Window): Promise<MergedItem[]> {
      const items: MergedItem[] = []
      const pages = http.pages<SearchedPull[]>(
        '/repos/issues/search',
        {
          type: 'pulls',
          state: 'closed',
          created: true,
          since: window.sinceIso,
          limit: LIMIT,
        },
        MAX_PAGES,
      )
      for await (const page of window.limited(pages)) {
        for (const p of page.data) {
          const mergedAt = p.pull_request?.merged ? p.pull_request.merged_at : undefined
          const repo = p.repository?.full_name
          if (!mergedAt || !repo) continue
          items.push({
            repo,
            number: p.number,
            title: p.title,
            url: p.html_url,
            mergedAt,
            author: p.user?.login ?? '',
          })
        }
      }
      return items
    },

    async mergedInRepo(repo: string, window: Window): Promise<MergedItem[]> {
      const items: MergedItem[] = []
      const pages = http.pages<Pull[]>(
        `/repos/${repoPath(repo)}/pulls`,
        { state: 'closed', sort: 'recentupdate', limit: LIMIT },
        MAX_PAGES,
      )
      for await (const page of window.limited(pages)) {
        for (const p of page.data) {
          if (!p.merged || !p.merged_at) continue
          items.push({
            repo: p.base?.repo?.full_name ?? repo,
            number: p.number,
            title: p.title,
            url: p.html_url,
            mergedAt: p.merged_at,
            author: p.user?.login ?? '',
          })
        }
        // Newest update first, and a merge is an update: past the window start, nothing more.
        const last = page.data[page.data.length - 1]
        if (!last || Date.parse(last.updated_at) < window.start) break
      }
      return items
    },

    async project(repo: string, window: Window, withPaths: boolean): Promise<ProjectRead> {
      const { data: repository } = await window.limit(() =>
        http.get<Repository>(`/repos/${repoPath(repo)}`),
      )
      if (repository.empty) {
        return {
          url: repository.html_url,
          commits: [],
          count: 0,
          ...(withPaths ? { paths: [] } : {}),
        }
      }
      const branch = repository.default_branch
      const [{ commits, count }, paths] = await Promise.all([
        readCommits(http, repo, branch, login, window),
        withPaths ? readPaths(http, repo, branch, window) : undefined,
      ])
      return { url: repository.html_url, commits, count, ...(paths ? { paths } : {}) }
    },
  }
}

/**
 * The account's commits on the default branch in the window: those Forgejo links to the login,
 * and unlinked ones (an email not on the account) carrying a name or email the linked ones use.
 */
async function readCommits(
  http: ForgeHttp,
  repo: string,
  branch: string,
  login: string,
  window: Window,
): Promise<{ commits: CommitActivity[]; count: number }> {
  const linked: CommitActivity[] = []
  const unlinked: Array<{ commit: CommitActivity; who: string[] }> = []
  const known = new Set<string>()
  const pages = http.pages<Commit[]>(
    `/repos/${repoPath(repo)}/commits`,
    {
      sha: branch,
      since: window.sinceIso,
      limit: LIMIT,
      stat: false,
      verification: false,
      files: false,
    },
    MAX_PAGES,
  )
  for await (const page of window.limited(pages)) {
    for (const c of page.data) {
      const date = c.commit.committer?.date ?? c.commit.author?.date ?? ''
      if (Date.parse(date) > window.now.getTime()) continue
      const commit = { sha: c.sha, message: c.commit.message, date, url: c.html_url }
      const who = [c.commit.author?.email, c.commit.author?.name]
        .filter((w): w is string => Boolean(w?.trim()))
        .map((w) => w.trim().toLowerCase())
      if (c.author?.login) {
        if (c.author.login.toLowerCase() !== login.toLowerCase()) continue
        linked.push(commit)
        for (const w of who) known.add(w)
      } else {
        unlinked.push({ commit, who })
      }
    }
  }
  const adopted = unlinked.filter((u) => u.who.some((w) => known.has(w))).map((u) => u.commit)
  const commits = [...linked, ...adopted].sort((a, b) => Date.parse(b.date) - Date.parse(a.date))
  return { commits, count: commits.length }
}

async function readPaths(
  http: ForgeHttp,
  repo: string,
  branch: string,
  window: Window,
): Promise<string[]> {
  const paths: string[] = []
  // A large tree comes in pages (`truncated` while more follow), numbered without Link headers.
  for (let page = 1; page <= MAX_PAGES; page++) {
    const { data } = await window.limit(() =>
      http.get<Tree>(`/repos/${repoPath(repo)}/git/trees/${encodeURIComponent(branch)}`, {
        recursive: true,
        page,
        per_page: 1000,
      }),
    )
    for (const e of data.tree ?? []) if (e.type === 'blob') paths.push(e.path)
    if (!data.truncated) break
  }
  return paths.sort()
}
