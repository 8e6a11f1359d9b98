/**
 * GitLab v4: merged merge requests of an account and side-project commits. Calls (see
 * wt/briefs/forges-contract.md): `/merge_requests?scope=all` (needs a token), per project
 * `/projects/:path/merge_requests` (public for public projects), `/projects/:path`,
 * `/projects/:path/repository/commits` and `/repository/tree`.
 */
import type { CommitActivity } from '../types.js'
import type { ForgeHttp } from './http.js'
import type { ForgeReader, MergedItem, ProjectRead, Window } from './types.js'

interface MergeRequest {
  iid: number
  title: string
  web_url: string
  merged_at: string | null
  state: string
  author?: { username?: string } | null
  references?: { full?: string }
}

interface Project {
  path_with_namespace: string
  default_branch: string | null
  web_url: string
}

interface Commit {
  id: string
  message: string
  committed_date: string
  web_url: string
}

interface TreeEntry {
  path: string
  type: string
}

const MAX_PAGES = 50

const encode = (path: string) => encodeURIComponent(path)

/** `group/sub/name` from `https://host/group/sub/name/-/merge_requests/12`. */
export function gitlabRepoOf(mr: MergeRequest): string | undefined {
  const ref = mr.references?.full
  if (ref && ref.includes('!')) return ref.slice(0, ref.lastIndexOf('!'))
  const m = /^https?:\/\/[^/]+\/(.+?)\/-\/merge_requests\/\d+/.exec(mr.web_url)
  return m?.[1]
}

function merged(mr: MergeRequest, login: string): MergedItem | undefined {
  const repo = gitlabRepoOf(mr)
  if (!mr.merged_at || !repo) return undefined
  return {
    repo,
    number: mr.iid,
    title: mr.title,
    url: mr.web_url,
    mergedAt: mr.merged_at,
    author: mr.author?.username ?? login,
  }
}

export function gitlabReader(http: ForgeHttp, login: string): ForgeReader {
  return {
    kind: 'gitlab',
    async mergedByAccount(window: Window): Promise<MergedItem[]> {
      const items: MergedItem[] = []
      const pages = http.pages<MergeRequest[]>(
        '/merge_requests',
        {
          scope: 'all',
          state: 'merged',
          author_username: login,
          updated_after: window.sinceIso,
          order_by: 'updated_at',
          sort: 'desc',
          per_page: 100,
        },
        MAX_PAGES,
      )
      for await (const page of window.limited(pages)) {
        for (const mr of page.data) {
          const item = merged(mr, login)
          if (item) items.push(item)
        }
      }
      return items
    },

    async mergedInRepo(repo: string, window: Window): Promise<MergedItem[]> {
      const items: MergedItem[] = []
      const pages = http.pages<MergeRequest[]>(
        `/projects/${encode(repo)}/merge_requests`,
        {
          state: 'merged',
          author_username: login,
          updated_after: window.sinceIso,
          per_page: 100,
        },
        MAX_PAGES,
      )
      for await (const page of window.limited(pages)) {
        for (const mr of page.data) {
          const item = merged(mr, login)
          if (item) items.push(item)
        }
      }
      return items
    },

    async project(repo: string, window: Window, withPaths: boolean): Promise<ProjectRead> {
      const { data: project } = await window.limit(() =>
        http.get<Project>(`/projects/${encode(repo)}`),
      )
      const branch = project.default_branch
      if (!branch) {
        // An empty project has no branch yet: nothing moved, nothing to match.
        return { url: project.web_url, commits: [], count: 0, ...(withPaths ? { paths: [] } : {}) }
      }
      const [{ commits, count }, paths] = await Promise.all([
        readCommits(http, repo, branch, window),
        withPaths ? readPaths(http, repo, branch, window) : undefined,
      ])
      return { url: project.web_url, commits, count, ...(paths ? { paths } : {}) }
    },
  }
}

/**
 * Every commit of the default branch in the window: GitLab's commits carry no account, only a
 * name and email the project owner chose, so in one's own side project all count.
 */
async function readCommits(
  http: ForgeHttp,
  repo: string,
  branch: string,
  window: Window,
): Promise<{ commits: CommitActivity[]; count: number }> {
  const commits: CommitActivity[] = []
  const pages = http.pages<Commit[]>(
    `/projects/${encode(repo)}/repository/commits`,
    { ref_name: branch, since: window.sinceIso, per_page: 100 },
    MAX_PAGES,
  )
  for await (const page of window.limited(pages)) {
    for (const c of page.data) {
      if (Date.parse(c.committed_date) > window.now.getTime()) continue
      commits.push({ sha: c.id, message: c.message, date: c.committed_date, url: c.web_url })
    }
  }
  return { commits, count: commits.length }
}

async function readPaths(
  http: ForgeHttp,
  repo: string,
  branch: string,
  window: Window,
): Promise<string[]> {
  const paths: string[] = []
  const pages = http.pages<TreeEntry[]>(
    `/projects/${encode(repo)}/repository/tree`,
    { recursive: true, ref: branch, per_page: 100, pagination: 'keyset' },
    MAX_PAGES,
  )
  for await (const page of window.limited(pages)) {
    for (const e of page.data) if (e.type === 'blob') paths.push(e.path)
  }
  return paths.sort()
}
