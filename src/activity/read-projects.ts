import { NowPageError } from '../errors.js'
import { httpStatus, type Client } from '../github/client.js'
import type { Logger } from '../logging.js'
import { createLimit, type Limit } from './limit.js'
import { checkWindow, isoSeconds, startOfDay } from './search-windows.js'
import type { CommitActivity, ProjectActivity, SkippedSource } from './types.js'

export interface SideProject {
  /** `owner/name`. */
  repo: string
  progressPattern?: string
}

export interface ProjectReadOptions {
  author: string
  since: string
  now: Date
  sideProjects: SideProject[]
  withLanguages?: boolean
  /** IANA zone `since` is a date in. Default UTC. */
  timeZone?: string
  /** Web address of the GitHub server, for project links (`GITHUB_SERVER_URL`). */
  serverUrl?: string
  /** Told of each project left off the page, so the summary and the PR body can say why. */
  onSkip?: (skipped: SkippedSource) => void
}

type ListedCommit = Awaited<ReturnType<Client['rest']['repos']['listCommits']>>['data'][number]

const REPO = /^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/

/**
 * What moved in each side project inside the window, in the order the projects were given. A
 * project the token cannot see is a warning; when none can be read the run fails, since the
 * page would lose its whole progress section.
 */
export async function readProjects(
  client: Client,
  options: ProjectReadOptions,
  log: Logger,
  limit: Limit = createLimit(4),
): Promise<ProjectActivity[]> {
  const unique = new Map<string, SideProject>()
  for (const project of options.sideProjects) {
    if (!REPO.test(project.repo)) {
      throw new NowPageError(`'${project.repo}' is not an owner/name repository`, {
        input: 'side-projects',
        hint: 'List one owner/name per line, optionally followed by a progress pattern',
      })
    }
    const key = project.repo.toLowerCase()
    if (unique.has(key))
      log.warning(`side project ${project.repo} is listed twice; reading it once`)
    else unique.set(key, project)
  }
  if (unique.size === 0) return []
  const start = startOfDay(options.since, options.timeZone)
  checkWindow(options.since, start, options.now)

  const read = await Promise.all(
    [...unique.values()].map((project) => readProject(client, options, start, project, log, limit)),
  )
  const projects = read.filter((p): p is ProjectActivity => p !== undefined)
  if (projects.length === 0) {
    throw new NowPageError(
      `none of the side projects could be read: ${[...unique.values()].map((p) => p.repo).join(', ')}`,
      {
        input: 'side-projects',
        hint: 'Check the names; the token needs contents: read on each (another owner’s private repository needs a personal access token with access)',
      },
    )
  }
  return projects
}

async function readProject(
  client: Client,
  options: ProjectReadOptions,
  start: number,
  project: SideProject,
  log: Logger,
  limit: Limit,
): Promise<ProjectActivity | undefined> {
  const [owner = '', name = ''] = project.repo.split('/')
  const repo = { owner, repo: name }
  const withPaths = project.progressPattern !== undefined
  try {
    // No `GET /repos/{owner}/{repo}` first: the commit listing and the trees endpoint both take
    // the default branch without being told its name (no `sha`, and `HEAD`), so every read of
    // a project goes out at once.
    const [{ commits, count }, paths, languages] = await Promise.all([
      readCommits(client, options, start, repo, log, limit),
      withPaths ? readTreePaths(client, repo, log, limit) : undefined,
      options.withLanguages
        ? limit(() => client.rest.repos.listLanguages(repo)).then((r) => r.data)
        : undefined,
    ])
    log.info(
      `${project.repo}: ${count} commit(s) by ${options.author} since ${options.since}${paths ? `, ${paths.length} path(s) at the head of the default branch` : ''}`,
    )
    return {
      repo: project.repo,
      url: `${(options.serverUrl ?? 'https://github.com').replace(/\/+$/, '')}/${project.repo}`,
      ...(withPaths ? { progressPattern: project.progressPattern } : {}),
      ...(paths ? { paths } : {}),
      ...(languages ? { languages } : {}),
      commits,
      ...(count > commits.length ? { commitCount: count } : {}),
    }
  } catch (error) {
    // 404 is also GitHub's answer for a private repository the token may not see; 403 comes
    // from a token that sees the repository but not its contents (a fine-grained token).
    const status = httpStatus(error)
    if (status !== 404 && status !== 403) throw error
    const what =
      status === 404
        ? 'does not exist or the token cannot see it'
        : 'cannot be read with this token'
    const fix = `the token needs contents: read on it; for another owner's private repository use a personal access token with access`
    log.warning(
      `side project ${project.repo} ${what} (HTTP ${status}); it is left off the page. ${fix.charAt(0).toUpperCase()}${fix.slice(1)}`,
    )
    options.onSkip?.({
      source: project.repo,
      reason: `side project ${what} (HTTP ${status}); ${fix}`,
    })
    return undefined
  }
}

/**
 * The author's commits on the default branch inside the window, newest first, and how many there
 * are. The newest page of the branch's listing is filtered here rather than by `author=`, because
 * a commit whose email GitHub cannot link to an account (`author: null`) never matches
 * `author=LOGIN`. Such a commit is the author's when its email or name is one the author's linked
 * commits use: GitHub links by email, so after a switch to an email that is not on the account
 * only the name still ties the new commits to the old ones.
 *
 * A window longer than that page is not paged through (500 sequential pages for 50,000 commits):
 * the author's newest linked commits come in one page and their number from a `per_page=1`
 * listing's `rel="last"` link, both at once. Unlinked commits then count from the newest page.
 */
async function readCommits(
  client: Client,
  options: ProjectReadOptions,
  start: number,
  repo: { owner: string; repo: string },
  log: Logger,
  limit: Limit,
): Promise<{ commits: CommitActivity[]; count: number }> {
  const login = options.author.toLowerCase()
  const since = isoSeconds(start)
  const window = { ...repo, since, until: options.now.toISOString() }
  const newest = await limit(() => client.rest.repos.listCommits({ ...window, per_page: 100 }))
  const identity = new AuthorIdentity(login)
  const mine = new NewestCommits(KEPT_COMMITS)
  // Unlinked commits are grouped by the identity they carry.
  const unlinked = new Map<string, { who: Who; commits: NewestCommits }>()
  for (const commit of newest.data) {
    const by = linkedLogin(commit)
    if (by === undefined) {
      const who = whoOf(commit)
      const key = `${who.email ?? ''}\n${who.name ?? ''}`
      let group = unlinked.get(key)
      if (!group) unlinked.set(key, (group = { who, commits: new NewestCommits(KEPT_COMMITS) }))
      group.commits.add(slim(commit))
    } else if (by.toLowerCase() === login) {
      mine.add(slim(commit))
      identity.learn(whoOf(commit))
    }
  }
  let linkedCount: number | undefined
  if (hasNextPage(newest.headers.link)) {
    const byAuthor = { ...window, author: options.author }
    const [linked, count] = await Promise.all([
      limit(() => client.rest.repos.listCommits({ ...byAuthor, per_page: 100 })),
      limit(() => client.rest.repos.listCommits({ ...byAuthor, per_page: 1 })).then(countOf),
    ])
    for (const commit of linked.data) {
      if (linkedLogin(commit)?.toLowerCase() !== login) continue
      mine.add(slim(commit))
      identity.learn(whoOf(commit))
    }
    linkedCount = count
  }
  const adopted = await adoptUnlinked(client, options, since, repo, identity, unlinked, mine, limit)
  if (adopted > 0) {
    log.debug(
      `${repo.owner}/${repo.repo}: ${adopted} commit(s) without a linked account attributed to ${options.author} by email or name`,
    )
  }
  const count = linkedCount === undefined ? mine.count : linkedCount + adopted
  return { commits: mine.newest(), count }
}

/**
 * Moves the unlinked commits whose identity is the author's into `mine`; returns how many. Commits
 * nobody is linked to may be the author's under an identity used only before the window: it is
 * learnt from the author's last linked commits before `since` (one page).
 */
async function adoptUnlinked(
  client: Client,
  options: ProjectReadOptions,
  since: string,
  repo: { owner: string; repo: string },
  identity: AuthorIdentity,
  unlinked: Map<string, { who: Who; commits: NewestCommits }>,
  mine: NewestCommits,
  limit: Limit,
): Promise<number> {
  const login = options.author.toLowerCase()
  let strangers = [...unlinked.values()].filter((g) => !identity.matches(g.who))
  if (strangers.length > 0) {
    const { data } = await limit(() =>
      client.rest.repos.listCommits({
        ...repo,
        author: options.author,
        until: since,
        per_page: 100,
      }),
    )
    for (const commit of data)
      if (linkedLogin(commit)?.toLowerCase() === login) identity.learn(whoOf(commit))
    strangers = strangers.filter((g) => !identity.matches(g.who))
  }
  let adopted = 0
  for (const group of unlinked.values()) {
    if (strangers.includes(group)) continue
    adopted += group.commits.count
    mine.merge(group.commits)
  }
  return adopted
}

function hasNextPage(link: string | undefined): boolean {
  return link !== undefined && /rel="next"/.test(link)
}

/** The length of a `per_page=1` listing: the page number its `rel="last"` link names. */
function countOf(response: { data: unknown[]; headers: { link?: string } }): number {
  const last = /<([^>]+)>;\s*rel="last"/.exec(response.headers.link ?? '')?.[1]
  const page = last ? Number(new URL(last).searchParams.get('page')) : Number.NaN
  return Number.isInteger(page) && page > 0 ? page : response.data.length
}

/**
 * How many of a project's commits the activity lists (newest first); the page shows only the
 * count and the latest, and a bounded list keeps memory flat however long the history is.
 */
export const KEPT_COMMITS = 100

/** The newest `size` commits seen, and how many were seen in all. */
class NewestCommits {
  count = 0
  private items: Array<CommitActivity & { at: number }> = []
  private readonly seen = new Set<string>()
  constructor(private readonly size: number) {}

  /** Adds a commit not seen before (the same one can come in two listings). */
  add(commit: CommitActivity): void {
    if (this.seen.has(commit.sha)) return
    this.seen.add(commit.sha)
    this.count++
    this.items.push({ ...commit, at: Date.parse(commit.date) })
    // Trimmed in batches: sorting on every add would be quadratic on a long history.
    if (this.items.length >= this.size * 2) this.trim()
  }

  merge(other: NewestCommits): void {
    this.count += other.count
    this.items.push(...other.items)
    this.trim()
  }

  newest(): CommitActivity[] {
    this.trim()
    return this.items.map(({ at: _at, ...commit }) => commit)
  }

  private trim(): void {
    this.items.sort((a, b) => b.at - a.at)
    this.items.length = Math.min(this.items.length, this.size)
  }
}

function slim(c: ListedCommit): CommitActivity {
  return { sha: c.sha, message: c.commit.message, date: commitDate(c), url: c.html_url }
}

interface Who {
  email?: string
  name?: string
}

function whoOf(commit: ListedCommit): Who {
  const email = commit.commit.author?.email?.trim().toLowerCase()
  const name = commit.commit.author?.name?.trim().toLowerCase()
  return { ...(email ? { email } : {}), ...(name ? { name } : {}) }
}

/**
 * The file paths at the head of the default branch, from one recursive tree read. They are all
 * a progress pattern needs: the head holds every chapter done so far, so the files each commit
 * changed (one request per commit) would add nothing.
 */
async function readTreePaths(
  client: Client,
  repo: { owner: string; repo: string },
  log: Logger,
  limit: Limit,
): Promise<string[]> {
  let tree
  try {
    tree = (
      await limit(() => client.rest.git.getTree({ ...repo, tree_sha: 'HEAD', recursive: 'true' }))
    ).data
  } catch (error) {
    // 409: the repository is empty, so there is nothing to match yet.
    if (httpStatus(error) === 409) return []
    throw error
  }
  if (tree.truncated) {
    log.warning(
      `${repo.owner}/${repo.repo}: GitHub truncated the file tree of the default branch; progress may miss files`,
    )
  }
  return tree.tree
    .filter((entry) => entry.type === 'blob' && entry.path !== undefined)
    .map((entry) => entry.path as string)
    .sort()
}

function linkedLogin(commit: ListedCommit): string | undefined {
  const author = commit.author
  return author && 'login' in author && typeof author.login === 'string' ? author.login : undefined
}

function commitDate(commit: ListedCommit): string {
  return commit.commit.committer?.date ?? commit.commit.author?.date ?? ''
}

/** The emails and names the author's linked commits carry. */
class AuthorIdentity {
  private readonly emails = new Set<string>()
  private readonly names = new Set<string>()
  private readonly noreply: RegExp

  constructor(login: string) {
    // `login@users.noreply.github.com`, or `ID+login@...`; GHES uses its own host after it.
    this.noreply = new RegExp(`^(?:\\d+\\+)?${escapeRegExp(login)}@users\\.noreply\\.`, 'i')
  }

  learn(who: Who): void {
    if (who.email) this.emails.add(who.email)
    if (who.name) this.names.add(who.name)
  }

  matches(who: Who): boolean {
    return Boolean(
      (who.email && (this.emails.has(who.email) || this.noreply.test(who.email))) ||
      (who.name && this.names.has(who.name)),
    )
  }
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
