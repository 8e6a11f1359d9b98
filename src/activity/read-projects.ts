import { NowPageError } from '../errors.js'
import { httpStatus, type Client } from '../github/client.js'
import { createLimit, limitedPages, type Limit } from './limit.js'
import type { Logger } from './read-activity.js'
import { checkWindow, isoSeconds, startOfDay } from './search-windows.js'
import type { CommitActivity, ProjectActivity } from './types.js'

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
  const withPaths = project.progressPattern !== undefined
  try {
    const { data: repository } = await limit(() => client.rest.repos.get({ owner, repo: name }))
    const repo = { owner: repository.owner.login, repo: repository.name }
    const branch = repository.default_branch
    const [commits, paths, languages] = await Promise.all([
      readCommits(client, options, start, repo, branch, withPaths, log, limit),
      withPaths ? readTreePaths(client, repo, branch, log, limit) : undefined,
      options.withLanguages
        ? limit(() => client.rest.repos.listLanguages(repo)).then((r) => r.data)
        : undefined,
    ])
    log.info(
      `${repository.full_name}: ${commits.length} commit(s) by ${options.author} since ${options.since}${paths ? `, ${paths.length} path(s) at the head of ${branch}` : ''}`,
    )
    return {
      repo: repository.full_name,
      url: repository.html_url,
      ...(withPaths ? { progressPattern: project.progressPattern } : {}),
      ...(paths ? { paths } : {}),
      ...(languages ? { languages } : {}),
      commits,
    }
  } catch (error) {
    // 404 is also GitHub's answer for a private repository the token may not see; 403 comes
    // from a token that sees the repository but not its contents (a fine-grained token).
    const status = httpStatus(error)
    if (status !== 404 && status !== 403) throw error
    log.warning(
      `side project ${project.repo} ${status === 404 ? 'does not exist or the token cannot see it' : 'cannot be read with this token'} (HTTP ${status}); it is left off the page. The token needs contents: read on it; for another owner's private repository use a personal access token with access`,
    )
    return undefined
  }
}

/**
 * The author's commits on the default branch inside the window, newest first. One listing of
 * the branch, filtered here rather than by `author=`, because a commit whose email GitHub cannot
 * link to an account (`author: null`) never matches `author=LOGIN`. Such a commit is the
 * author's when its email or name is one the author's linked commits use: GitHub links by
 * email, so after a switch to an email that is not on the account only the name still ties the
 * new commits to the old ones.
 */
async function readCommits(
  client: Client,
  options: ProjectReadOptions,
  start: number,
  repo: { owner: string; repo: string },
  branch: string,
  withPaths: boolean,
  log: Logger,
  limit: Limit,
): Promise<CommitActivity[]> {
  const login = options.author.toLowerCase()
  const since = isoSeconds(start)
  const pages = client.paginate.iterator(client.rest.repos.listCommits, {
    ...repo,
    sha: branch,
    since,
    until: options.now.toISOString(),
    per_page: 100,
  })
  const identity = new AuthorIdentity(login)
  const mine: ListedCommit[] = []
  const unlinked: ListedCommit[] = []
  for await (const { data } of limitedPages(pages, limit)) {
    for (const commit of data) {
      const by = linkedLogin(commit)
      if (by === undefined) unlinked.push(commit)
      else if (by.toLowerCase() === login) {
        mine.push(commit)
        identity.learn(commit)
      }
    }
  }
  let strangers = unlinked.filter((c) => !identity.matches(c))
  if (strangers.length > 0) {
    // Commits nobody is linked to may be the author's under an identity used only before the
    // window: learn it from the author's last linked commits before `since` (one page).
    const { data } = await limit(() =>
      client.rest.repos.listCommits({
        ...repo,
        sha: branch,
        author: options.author,
        until: since,
        per_page: 100,
      }),
    )
    for (const commit of data)
      if (linkedLogin(commit)?.toLowerCase() === login) identity.learn(commit)
    strangers = strangers.filter((c) => !identity.matches(c))
  }
  const adopted = unlinked.filter((c) => !strangers.includes(c))
  if (adopted.length > 0) {
    log.debug(
      `${repo.owner}/${repo.repo}: ${adopted.length} commit(s) without a linked account attributed to ${options.author} by email or name`,
    )
  }
  const ordered = [...mine, ...adopted]
    .map((c) => ({ commit: c, at: Date.parse(commitDate(c)) }))
    .sort((a, b) => b.at - a.at)
    .map((c) => c.commit)

  return Promise.all(
    ordered.map(async (c, i): Promise<CommitActivity> => {
      const activity: CommitActivity = {
        sha: c.sha,
        message: c.commit.message,
        date: commitDate(c),
        url: c.html_url,
      }
      // One request per commit: only for the newest ones. The head's tree already holds the
      // cumulative paths, so older commits' paths add nothing a pattern would not see there.
      if (!withPaths || i >= MAX_COMMITS_WITH_PATHS) return activity
      const { data } = await limit(() => client.rest.repos.getCommit({ ...repo, ref: c.sha }))
      return { ...activity, paths: (data.files ?? []).map((f) => f.filename) }
    }),
  )
}

/** How many of the newest commits get their changed paths read (one request each). */
export const MAX_COMMITS_WITH_PATHS = 50

/** The file paths at the head of `branch`, from one recursive tree read. */
async function readTreePaths(
  client: Client,
  repo: { owner: string; repo: string },
  branch: string,
  log: Logger,
  limit: Limit,
): Promise<string[]> {
  let tree
  try {
    // The trees endpoint takes a branch name for tree_sha, which saves resolving the head first.
    tree = (
      await limit(() => client.rest.git.getTree({ ...repo, tree_sha: branch, recursive: 'true' }))
    ).data
  } catch (error) {
    // 409: the repository is empty, so there is nothing to match yet.
    if (httpStatus(error) === 409) return []
    throw error
  }
  if (tree.truncated) {
    log.warning(
      `${repo.owner}/${repo.repo}: GitHub truncated the file tree of ${branch}; progress may miss files`,
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

  learn(commit: ListedCommit): void {
    const email = commit.commit.author?.email?.trim().toLowerCase()
    const name = commit.commit.author?.name?.trim().toLowerCase()
    if (email) this.emails.add(email)
    if (name) this.names.add(name)
  }

  matches(commit: ListedCommit): boolean {
    const email = commit.commit.author?.email?.trim().toLowerCase()
    const name = commit.commit.author?.name?.trim().toLowerCase()
    return Boolean(
      (email && (this.emails.has(email) || this.noreply.test(email))) ||
      (name && this.names.has(name)),
    )
  }
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
