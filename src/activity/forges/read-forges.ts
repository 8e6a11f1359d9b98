/**
 * Reads the GitLab and Forgejo accounts of `forges`: merged MRs/PRs and side projects. Loaded
 * by dynamic import only when a forge is configured. A forge that is down, slow, rate-limited or
 * refuses the token drops only its own items, with a warning and an `activity.skipped` entry.
 */
import type { ForgeAccount, ForgeKind, ForgeSettings } from '../../config/forges.js'
import type { Logger } from '../../logging.js'
import { limitedPages, type Limit } from '../limit.js'
import { KEPT_COMMITS } from '../read-projects.js'
import { createRepoFilter } from '../repo-filter.js'
import { inReadWindow, isoSeconds } from '../search-windows.js'
import type { ProjectActivity, PullRequestActivity, SkippedSource } from '../types.js'
import { forgejoReader } from './forgejo.js'
import { gitlabReader } from './gitlab.js'
import { createForgeHttp, ForgeHttpError, type ForgeHttp, type ForgeWaits } from './http.js'
import { forgeScope, hostsOf, literalRepos, type FilterLists } from './scope.js'
import type { ForgeReader, Window } from './types.js'

export interface ForgeSideProject {
  repo: string
  progressPattern?: string
  /** `base` of the account in `forges`. */
  forge: string
}

export interface ForgeReadOptions extends FilterLists {
  forges: ForgeSettings
  /** Side projects on the forges, with their place in `side-projects`. */
  sideProjects: Array<ForgeSideProject & { index: number }>
  /** Start of the window (epoch ms) and its end. */
  start: number
  now: Date
  /** Hosts filters may name besides the forges' own (GitHub's). */
  otherHosts: string[]
  /** Shorter waits for tests. */
  waits?: ForgeWaits
}

export interface ForgeActivity {
  pullRequests: PullRequestActivity[]
  projects: Array<{ index: number; project: ProjectActivity }>
  skipped: SkippedSource[]
}

export async function readForges(
  options: ForgeReadOptions,
  log: Logger,
  limit: Limit,
): Promise<ForgeActivity> {
  const deadline = AbortSignal.timeout(options.forges.timeoutMinutes * 60_000)
  const window: Window = {
    sinceIso: isoSeconds(options.start),
    start: options.start,
    now: options.now,
    limit,
    limited: (pages) => limitedPages(pages, limit),
  }
  const allHosts = [
    ...options.otherHosts,
    ...options.forges.accounts.flatMap((a) => hostsOf(a.base)),
  ]
  const activity: ForgeActivity = { pullRequests: [], projects: [], skipped: [] }
  const skip = (source: string, reason: string) => {
    log.warning(`${source} left out of this run: ${reason}`)
    activity.skipped.push({ source, reason })
  }
  await Promise.all(
    options.forges.accounts.map(async (account) => {
      const projects = options.sideProjects.filter((p) => p.forge === account.base)
      const http = (apiRoot: string, headers: Record<string, string> = {}) =>
        createForgeHttp({ ...options.waits, apiRoot, name: account.name, deadline, log, headers })
      let reader: ForgeReader
      try {
        const kind = account.kind ?? (await detectKind(account, http, limit, log))
        reader =
          kind === 'gitlab'
            ? gitlabReader(
                http(`${account.base}/api/v4`, authHeader(kind, account.token)),
                account.login,
              )
            : forgejoReader(
                http(`${account.base}/api/v1`, authHeader(kind, account.token)),
                account.login,
              )
      } catch (error) {
        const reason = explain(error, account)
        skip(account.name, reason)
        for (const p of projects) skip(projectSource(account, p.repo), reason)
        return
      }
      const scope = forgeScope(options, hostsOf(account.base), allHosts)
      await Promise.all([
        readMerged(reader, account, scope, window, log, skip).then((prs) =>
          activity.pullRequests.push(...prs),
        ),
        ...projects.map(async (p) => {
          try {
            const project = await readProject(reader, p, window)
            log.info(
              `${projectSource(account, p.repo)}: ${project.commitCount ?? project.commits.length} commit(s) since ${window.sinceIso}${project.paths ? `, ${project.paths.length} path(s)` : ''}`,
            )
            activity.projects.push({ index: p.index, project })
          } catch (error) {
            skip(projectSource(account, p.repo), explain(error, account, 'project'))
          }
        }),
      ])
    }),
  )
  activity.pullRequests.sort(
    (a, b) => Date.parse(b.mergedAt) - Date.parse(a.mergedAt) || (a.url < b.url ? -1 : 1),
  )
  return activity
}

/** The token's header as each forge documents it; none without a token. */
function authHeader(kind: ForgeKind, token: string | undefined): Record<string, string> {
  if (!token) return {}
  return kind === 'gitlab' ? { 'private-token': token } : { authorization: `token ${token}` }
}

/**
 * GitLab or Forgejo, for a host that is neither known nor stated: Forgejo and Gitea answer the
 * public `GET /api/v1/version` with `{"version": …}`; GitLab has no v1 API (404, or a redirect
 * to its sign-in page on a private instance).
 */
async function detectKind(
  account: ForgeAccount,
  http: (apiRoot: string) => ForgeHttp,
  limit: Limit,
  log: Logger,
): Promise<ForgeKind> {
  try {
    const { data } = await limit(() =>
      http(`${account.base}/api/v1`).get<{ version?: unknown }>('/version'),
    )
    if (typeof data?.version === 'string') {
      log.debug(`${account.name}: Forgejo/Gitea ${data.version}`)
      return 'forgejo'
    }
  } catch (error) {
    if (
      !(error instanceof ForgeHttpError) ||
      !['not-found', 'other', 'auth'].includes(error.failure)
    )
      throw error
  }
  log.debug(`${account.name}: no /api/v1/version, read as GitLab`)
  return 'gitlab'
}

/**
 * The account's merged MRs/PRs in the window that the filters keep. With a token, one search
 * across the forge; without, one listing per repository named in `include-repos` (the forge's
 * account-wide search needs a token), and the rest is recorded as skipped.
 */
async function readMerged(
  reader: ForgeReader,
  account: ForgeAccount,
  scope: ReturnType<typeof forgeScope>,
  window: Window,
  log: Logger,
  skip: (source: string, reason: string) => void,
): Promise<PullRequestActivity[]> {
  if (scope.nothingIncluded) {
    log.info(`${account.name}: include-repos names no repository here; no merge requests read`)
    return []
  }
  let filter: Awaited<ReturnType<typeof createRepoFilter>>
  try {
    filter = await createRepoFilter({ author: account.login, ...scope.lists })
  } catch (error) {
    skip(account.name, (error as Error).message)
    return []
  }
  const found = new Map<string, PullRequestActivity>()
  const left = { outside: 0, filtered: 0, other: 0 }
  const consider = (items: Awaited<ReturnType<ForgeReader['mergedInRepo']>>) => {
    for (const item of items) {
      if (item.author.toLowerCase() !== account.login.toLowerCase()) {
        left.other++
        continue
      }
      if (!inReadWindow(item.mergedAt, window.start, window.now)) {
        left.outside++
        continue
      }
      const why = filter.rejection(item.repo)
      if (why) {
        log.debug(`skipping ${item.url}: ${why}`)
        left.filtered++
        continue
      }
      found.set(item.url, {
        repo: item.repo,
        ...forgeField(item.url),
        number: item.number,
        title: item.title,
        url: item.url,
        mergedAt: item.mergedAt,
      })
    }
  }
  const noun = reader.kind === 'gitlab' ? 'merge requests' : 'pull requests'
  try {
    if (account.token) {
      consider(await reader.mergedByAccount(window))
    } else if (reader.kind === 'gitlab' && (await anonymousSearch(reader, window, log, consider))) {
      // GitLab lists public MRs across the instance without a token (`scope=all`).
    } else {
      const repos = literalRepos(scope.lists.includeRepos)
      const results = await Promise.allSettled(repos.map((r) => reader.mergedInRepo(r, window)))
      results.forEach((r, i) => {
        if (r.status === 'fulfilled') consider(r.value)
        else skip(`${account.name}/${repos[i]}`, explain(r.reason, account, 'project'))
      })
      if (repos.length === 0 || scope.lists.includeRepos.length > repos.length) {
        skip(
          account.name,
          `${noun} across ${account.name} are read with a token only: add ${account.name}=\${{ secrets.… }} to forge-tokens${repos.length ? '; without one only the repositories include-repos names exactly were read' : ', or name repositories in include-repos to read them publicly'}`,
        )
      }
    }
  } catch (error) {
    skip(account.name, explain(error, account))
    return []
  }
  const prs = [...found.values()]
  log.info(
    `${account.name}: ${prs.length} merged ${noun} by ${account.login} (left out: ${left.filtered} by repository, ${left.outside} outside the window, ${left.other} by someone else)`,
  )
  return prs
}

/**
 * GitLab answers `/merge_requests?scope=all` without a token with the public projects' MRs
 * (`authenticate! unless params[:scope] == 'all'` in lib/api/merge_requests.rb); an instance
 * may still refuse it (401/403: sign-in required), and then the per-project path is taken.
 */
async function anonymousSearch(
  reader: ForgeReader,
  window: Window,
  log: Logger,
  consider: (items: Awaited<ReturnType<ForgeReader['mergedByAccount']>>) => void,
): Promise<boolean> {
  try {
    consider(await reader.mergedByAccount(window))
    return true
  } catch (error) {
    if (!(error instanceof ForgeHttpError) || error.failure !== 'auth') throw error
    log.debug(`${error.message}: listing merge requests per project instead`)
    return false
  }
}

async function readProject(
  reader: ForgeReader,
  p: ForgeSideProject,
  window: Window,
): Promise<ProjectActivity> {
  const withPaths = p.progressPattern !== undefined
  const read = await reader.project(p.repo, window, withPaths)
  const commits = read.commits.slice(0, KEPT_COMMITS)
  return {
    repo: p.repo,
    ...forgeField(read.url),
    url: read.url,
    ...(withPaths ? { progressPattern: p.progressPattern } : {}),
    ...(read.paths ? { paths: read.paths } : {}),
    commits,
    ...(read.count > commits.length ? { commitCount: read.count } : {}),
  }
}

function projectSource(account: ForgeAccount, repo: string): string {
  return `${account.name}/${repo}`
}

/** `{ forge: host }` of an item's web address; nothing when the forge sent no usable URL. */
function forgeField(url: string): { forge?: string } {
  try {
    const host = new URL(url).host
    return host ? { forge: host } : {}
  } catch {
    return {}
  }
}

/** One sentence a person can act on, naming the input to change; never the token. */
export function explain(error: unknown, account: ForgeAccount, what = 'forge'): string {
  if (!(error instanceof ForgeHttpError)) {
    return `unexpected error: ${error instanceof Error ? error.message : String(error)}`
  }
  switch (error.failure) {
    case 'auth':
      return account.token
        ? `${error.message}: the token for ${account.name} in forge-tokens was refused; check that it is valid and may read the API (GitLab: read_api; Forgejo: read:repository, read:issue)`
        : `${error.message}: ${account.name} asks for a token; add ${account.name}=\${{ secrets.… }} to forge-tokens`
    case 'not-found':
      return what === 'project'
        ? `${error.message}: no such repository on ${account.name}, or it is private${account.token ? ' and the token in forge-tokens cannot see it' : ' (a token in forge-tokens can read it)'}`
        : `${error.message}: check the forge's address in forges`
    case 'rate-limit':
      return `${error.message}; re-run later${account.token ? '' : ', or give a token in forge-tokens (a higher limit)'}`
    case 'server':
    case 'unreachable':
    case 'timeout':
      return `${error.message}; ${account.name} is down or slow: re-run later`
    default:
      return error.message
  }
}
