import { NowPageError } from '../errors.js'
import type { Client } from '../github/client.js'
import { createLimit } from './limit.js'
import { readProjects, type SideProject } from './read-projects.js'
import { readPullRequests } from './read-pull-requests.js'
import { checkWindow, startOfDay } from './search-windows.js'
import type { Activity, SkippedSource } from './types.js'
import { dateInZone } from '../dates/zone.js'
import type { Logger } from '../logging.js'

export interface ReadOptions {
  /** GitHub login whose activity is read (see resolveAuthor). */
  author: string
  /** `YYYY-MM-DD`, first day of the window (inclusive), from 00:00 in `timeZone`. */
  since: string
  /** End of the window (inclusive): the run's clock. */
  now: Date
  sideProjects: SideProject[]
  /** Globs on `owner/name`, case-insensitive (`rancher/*`). */
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
  return log.group(
    `Reading the activity of ${options.author} from ${options.since} to ${until}`,
    async () => {
      const skipped: SkippedSource[] = []
      const [pullRequests, projects] = await Promise.all([
        readPullRequests(client, options, log, limit),
        readProjects(client, { ...options, onSkip: (s) => skipped.push(s) }, log, limit),
      ])
      return {
        since: options.since,
        pullRequests,
        projects,
        ...(skipped.length > 0 ? { skipped } : {}),
      }
    },
  )
}
