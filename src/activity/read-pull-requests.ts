import { NowPageError } from '../errors.js'
import { httpStatus, type Client } from '../github/client.js'
import { createLimit, limitedPages, type Limit } from './limit.js'
import type { Logger } from '../logging.js'
import { createRepoFilter, type RepoFilterOptions } from './repo-filter.js'
import {
  checkWindow,
  initialWindow,
  inReadWindow,
  mergedBefore,
  mergedRange,
  splitWindow,
  startOfDay,
  type SearchWindow,
} from './search-windows.js'
import type { PullRequestActivity } from './types.js'

export interface PullRequestReadOptions extends RepoFilterOptions {
  since: string
  now: Date
  /** IANA zone `since` is a date in. Default UTC. */
  timeZone?: string
  firstContribution?: boolean
}

/** GitHub serves at most this many results per query, whatever the page. */
const SEARCH_CAP = 1000
/** GitHub rejects longer queries; optional exclusions are dropped to stay under it. */
const MAX_QUERY_LENGTH = 256
/** `merged:` plus the longest range `mergedRange` writes. */
const RANGE_LENGTH = 'merged:2025-08-24T00:00:00Z..2025-08-24T11:59:59Z'.length

type SearchItem = Awaited<
  ReturnType<Client['rest']['search']['issuesAndPullRequests']>
>['data']['items'][number]

/**
 * The author's pull requests merged into other people's repositories inside the window, each
 * once, newest merge first. The search sorts by anything but merge date and stops at 1000
 * results, so the window is split in halves until every query reports at most 1000.
 */
export async function readPullRequests(
  client: Client,
  options: PullRequestReadOptions,
  log: Logger,
  limit: Limit = createLimit(4),
): Promise<PullRequestActivity[]> {
  const { author, since, now } = options
  const start = startOfDay(since, options.timeZone)
  checkWindow(since, start, now)
  const filter = await createRepoFilter(options)
  const base = ['is:pr', 'is:merged', `author:${author}`, `-user:${author}`]
  let exclusions = ownerExclusions(base, filter.plainExcludedOwners, log)
  const collected = collector({ author, start, now, filter, log })

  const windows: SearchWindow[] = [initialWindow(start, now)]
  let queries = 0
  while (windows.length > 0) {
    const window = windows.shift() as SearchWindow
    const q = [...base, ...exclusions, `merged:${mergedRange(window)}`].join(' ')
    queries++
    const outcome = await searchWindow(client, q, window, limit, log, collected.consider)
    if (outcome.halves) windows.unshift(...outcome.halves)
    if (!('refused' in outcome)) continue
    if (exclusions.length === 0) {
      throw new NowPageError(`GitHub search rejected '${q}': ${errorMessage(outcome.refused)}`, {
        input: 'author',
        hint: 'Check that the author is an existing GitHub user login',
      })
    }
    // GitHub refuses a query naming an owner it does not know, e.g. a typo in exclude-orgs;
    // those owners are still excluded, client-side.
    log.warning(
      `GitHub search rejected the exclusions ${exclusions.join(' ')} (${errorMessage(outcome.refused)}); excluding those owners after the search instead`,
    )
    exclusions = []
    windows.unshift(window)
  }

  const pullRequests = [...collected.found.values()].sort(newestFirst)
  if (options.firstContribution) {
    await markFirstContributions(client, author, mergedBefore(start), pullRequests, limit)
  }
  const { skipped } = collected
  log.info(
    `${pullRequests.length} merged pull request(s) in ${new Set(pullRequests.map((p) => p.repo)).size} repositories (${queries} search queries; left out: ${skipped.filtered} by repository, ${skipped.outside} outside the window, ${skipped.unmerged} unmerged, ${skipped.duplicate} seen twice)`,
  )
  return pullRequests
}

/** `-org:` terms for excluded owners, as many as fit in GitHub's query length; the rest are
 * excluded after the search. */
function ownerExclusions(base: string[], owners: Iterable<string>, log: Logger): string[] {
  const exclusions: string[] = []
  for (const owner of owners) {
    const q = [...base, ...exclusions, `-org:${owner}`].join(' ')
    if (q.length + 1 + RANGE_LENGTH > MAX_QUERY_LENGTH) {
      log.debug(`search query full: exclude-orgs from '${owner}' on are applied after the search`)
      break
    }
    exclusions.push(`-org:${owner}`)
  }
  return exclusions
}

/** Keeps each search hit that is the author's, merged inside the window, in a repository the
 * filters allow, once; counts what it leaves out and why. */
function collector(o: {
  author: string
  start: number
  now: Date
  filter: Awaited<ReturnType<typeof createRepoFilter>>
  log: Logger
}) {
  const found = new Map<string, PullRequestActivity>()
  const skipped = { unmerged: 0, outside: 0, filtered: 0, duplicate: 0 }
  const consider = (item: SearchItem) => {
    const mergedAt = item.pull_request?.merged_at
    if (!mergedAt) return void skipped.unmerged++
    if (!inReadWindow(mergedAt, o.start, o.now)) return void skipped.outside++
    if (item.user && item.user.login.toLowerCase() !== o.author.toLowerCase()) {
      return void skipped.filtered++
    }
    const repo = /\/repos\/([^/]+\/[^/]+)$/.exec(item.repository_url)?.[1]
    const why = repo ? o.filter.rejection(repo) : `no repository in ${item.repository_url}`
    if (!repo || why) {
      o.log.debug(`skipping ${item.html_url}: ${why}`)
      return void skipped.filtered++
    }
    if (found.has(item.html_url)) return void skipped.duplicate++
    found.set(item.html_url, {
      repo,
      number: item.number,
      title: item.title,
      url: item.html_url,
      mergedAt,
    })
  }
  return { found, skipped, consider }
}

/** Pages through one window's results into `consider`; returns its halves instead when it holds
 * more than the search serves, or GitHub's refusal of the query (422 before any page: the one
 * refusal a changed query can fix). */
async function searchWindow(
  client: Client,
  q: string,
  window: SearchWindow,
  limit: Limit,
  log: Logger,
  consider: (item: SearchItem) => void,
): Promise<{ halves?: SearchWindow[] } | { halves?: undefined; refused: unknown }> {
  const pages = client.paginate.iterator(client.rest.search.issuesAndPullRequests, {
    q,
    // Creation order moves only when a new PR appears while we page (the repeat is dropped
    // by URL); the default relevance order can reshuffle between pages.
    sort: 'created',
    order: 'desc',
    per_page: 100,
  })
  let first = true
  try {
    for await (const { data: items } of limitedPages(pages, limit)) {
      if (first) {
        first = false
        log.debug(`search '${q}': ${items.total_count} results`)
        if (items.total_count > SEARCH_CAP) {
          const halves = splitWindow(window)
          if (halves) return { halves }
          log.warning(
            `more than ${SEARCH_CAP} pull requests merged within one second (${mergedRange(window)}); GitHub serves only the first ${SEARCH_CAP}`,
          )
        }
      }
      if (items.incomplete_results) {
        log.warning(`GitHub search timed out on '${q}'; some pull requests may be missing`)
      }
      for (const item of items) consider(item)
    }
  } catch (error) {
    if (first && httpStatus(error) === 422) return { refused: error }
    throw error
  }
  return {}
}

function newestFirst(a: PullRequestActivity, b: PullRequestActivity): number {
  return (
    Date.parse(b.mergedAt) - Date.parse(a.mergedAt) ||
    (a.repo < b.repo ? -1 : a.repo > b.repo ? 1 : 0) ||
    b.number - a.number
  )
}

/**
 * Flags the oldest PR of each repository when the author had no merged PR there before the
 * window: one `per_page=1` search per repository, reading only `total_count`.
 */
async function markFirstContributions(
  client: Client,
  author: string,
  before: string,
  pullRequests: PullRequestActivity[],
  limit: Limit,
): Promise<void> {
  const repos = [...new Set(pullRequests.map((p) => p.repo))].sort()
  const earlier = new Map<string, boolean>()
  await Promise.all(
    repos.map(async (repo) => {
      const q = `is:pr is:merged author:${author} repo:${repo} merged:${before}`
      const { data } = await limit(() =>
        client.rest.search.issuesAndPullRequests({ q, per_page: 1 }),
      )
      earlier.set(repo, data.total_count > 0)
    }),
  )
  for (const repo of repos) {
    const inRepo = pullRequests.filter((p) => p.repo === repo)
    const oldest = inRepo[inRepo.length - 1]
    for (const pr of inRepo) pr.firstContribution = !earlier.get(repo) && pr === oldest
  }
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
