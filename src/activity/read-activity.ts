import type { ForgeSettings } from '../config/forges.js'
import { NowPageError } from '../errors.js'
import type { Client } from '../github/client.js'
import type { ForgeActivity } from './forges/read-forges.js'
import type { ForgeWaits } from './forges/http.js'
import { forgeScope, hostsOf } from './forges/scope.js'
import { createLimit } from './limit.js'
import { readProjects, type SideProject } from './read-projects.js'
import { readPullRequests } from './read-pull-requests.js'
import { checkWindow, startOfDay } from './search-windows.js'
import type { Activity, ProjectActivity, SkippedSource } from './types.js'
import { dateInZone } from '../dates/zone.js'
import type { Logger } from '../logging.js'

export interface ReadOptions {
  /** GitHub login whose activity is read (see resolveAuthor). */
  author: string
  /** `YYYY-MM-DD`, first day of the window (inclusive), from 00:00 in `timeZone`. */
  since: string
  /** End of the window (inclusive): the run's clock. */
  now: Date
  /** GitHub's, and those on a forge of `forges` (with that account's `base` as `forge`). */
  sideProjects: Array<SideProject & { forge?: string }>
  /** GitLab and Forgejo accounts read beside GitHub (`forges`, `forge-tokens`). */
  forges?: ForgeSettings
  /** Shorter retry and rate-limit waits on the forges, for tests. */
  forgeWaits?: ForgeWaits
  /** Globs on `owner/name`, case-insensitive (`rancher/*`); `host/owner/name` for one forge. */
  includeRepos: string[]
  excludeRepos: string[]
  /** Globs on the owner (`rancher`, `suse-*`; `rancher/*` means the same as `rancher`). */
  excludeOrgs: string[]
  withLanguages?: boolean
  /** Flag each repository's first merged PR (one extra search per repository). */
  firstContribution?: boolean
  /** IANA zone `since` is a calendar date in (the `time-zone` input). Default UTC. */
  timeZone?: string
  /** Web address of the GitHub server, for project links (`GITHUB_SERVER_URL`). */
  serverUrl?: string
  /** Requests in flight at once. Default 4. */
  concurrency?: number
}

/**
 * Reads what the author did inside the window: merged upstream PRs and side-project commits,
 * the two read side by side under one bound on requests in flight.
 */
export async function readActivity(
  client: Client,
  options: ReadOptions,
  log: Logger,
): Promise<Activity> {
  if (!/^[A-Za-z0-9][A-Za-z0-9-]{0,38}$/.test(options.author)) {
    throw new NowPageError(`'${options.author}' is not a GitHub user login`, { input: 'author' })
  }
  // Fails on a bad `since`, `time-zone` or `now` before any request is made.
  checkWindow(options.since, startOfDay(options.since, options.timeZone), options.now)
  const limit = createLimit(options.concurrency ?? 4)
  // Both ends as days in the author's zone: the window's own terms, one date style.
  const until = dateInZone(options.now, options.timeZone ?? 'UTC')
  const forgeProjects = options.sideProjects
    .map((p, index) => ({ ...p, index }))
    .filter((p): p is typeof p & { forge: string } => p.forge !== undefined)
  const githubProjects = options.sideProjects.filter((p) => p.forge === undefined)
  const accounts = options.forges?.accounts ?? []
  // The filters' host prefixes name forges; GitHub takes the unprefixed globs and its own.
  const githubHosts = ['github.com', ...(options.serverUrl ? hostsOf(options.serverUrl) : [])]
  const githubScope = forgeScope(options, githubHosts, [
    ...githubHosts,
    ...accounts.flatMap((a) => hostsOf(a.base)),
  ])
  return log.group(
    `Reading the activity of ${options.author} from ${options.since} to ${until}`,
    async () => {
      const skipped: SkippedSource[] = []
      const [pullRequests, projects, forges] = await Promise.all([
        githubScope.nothingIncluded
          ? []
          : readPullRequests(client, { ...options, ...githubScope.lists }, log, limit),
        readProjects(
          client,
          { ...options, sideProjects: githubProjects, onSkip: (s) => skipped.push(s) },
          log,
          limit,
        ),
        readForgeActivity(options, forgeProjects, githubHosts, log, limit),
      ])
      skipped.push(...(forges?.skipped ?? []))
      // Reads finish in any order: the list is sorted so a rerun reports it the same way.
      skipped.sort((a, b) => (a.source < b.source ? -1 : a.source > b.source ? 1 : 0))
      return {
        since: options.since,
        pullRequests: [...pullRequests, ...(forges?.pullRequests ?? [])].sort(
          (a, b) => Date.parse(b.mergedAt) - Date.parse(a.mergedAt),
        ),
        projects: forges
          ? inConfiguredOrder(options.sideProjects, projects, forges.projects)
          : projects,
        ...(skipped.length > 0 ? { skipped } : {}),
      }
    },
  )
}

/**
 * The forges' reads, side by side with GitHub's under the same bound. Their code is imported
 * only when a forge is configured: most runs never load it.
 */
async function readForgeActivity(
  options: ReadOptions,
  sideProjects: Array<SideProject & { forge: string; index: number }>,
  githubHosts: string[],
  log: Logger,
  limit: ReturnType<typeof createLimit>,
): Promise<ForgeActivity | undefined> {
  const forges = options.forges
  if (!forges || forges.accounts.length === 0) return undefined
  const { readForges } = await import('./forges/read-forges.js')
  return readForges(
    {
      forges,
      sideProjects,
      start: startOfDay(options.since, options.timeZone),
      now: options.now,
      includeRepos: options.includeRepos,
      excludeRepos: options.excludeRepos,
      excludeOrgs: options.excludeOrgs,
      otherHosts: githubHosts,
      ...(options.forgeWaits ? { waits: options.forgeWaits } : {}),
    },
    log,
    limit,
  )
}

/** GitHub's and the forges' projects in the order `side-projects` lists them. */
function inConfiguredOrder(
  configured: ReadOptions['sideProjects'],
  github: ProjectActivity[],
  forges: Array<{ index: number; project: ProjectActivity }>,
): ProjectActivity[] {
  const indexOf = (repo: string) =>
    configured.findIndex(
      (p) => p.forge === undefined && p.repo.toLowerCase() === repo.toLowerCase(),
    )
  return [...github.map((project) => ({ index: indexOf(project.repo), project })), ...forges]
    .sort((a, b) => a.index - b.index)
    .map((p) => p.project)
}
