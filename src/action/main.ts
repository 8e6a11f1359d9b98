import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as core from '@actions/core'
import { readActivity } from '../activity/read-activity.js'
import { groupedLogger, type Logger } from '../logging.js'
import type { Activity } from '../activity/types.js'
import { resolveAuthor } from '../activity/resolve-author.js'
import {
  checkEngineInputs,
  configFromInputs,
  PAGE_PATH_CANDIDATES,
  sinceDate,
  todayIn,
  type Config,
} from '../config/index.js'
import { isNowPageError, NowPageError } from '../errors.js'
import { unreachableCode } from '../github/unreachable.js'
import { createClient, requestsAllOut, type ClientOptions } from '../github/client.js'
import type * as PageCore from '../page/core.js'
import type { EditOptions, EditReport } from '../page/types.js'
import { findOpenPull, publish, type PublishResult } from '../publish/publish.js'
import { readPageFromBase } from '../publish/read-page.js'
import { baseHint } from '../publish/base-hint.js'
import { commitMessage, prBody, prTitle, type PrTextInput } from './pr-text.js'
import { readEvent, type EventFacts } from './event.js'
import { roundOneWork, type RoundOneWork } from './round-one-work.js'
import { outcomeMessage, writeSummary } from './summary.js'

/** The client's waits (retry backoff, spacing of notifying writes): production defaults unless a
 * test passes shorter ones. */
type ClientWaits = Pick<ClientOptions, 'retryBaseMs' | 'throttle'>

// The page and the activity are read at once, each in its own group: the grouped logger keeps
// each group's lines together instead of letting them land in whichever group is open.
const logger: Logger = groupedLogger({
  debug: (m) => core.debug(m),
  info: (m) => core.info(m),
  warning: (m) => core.warning(m),
  startGroup: (name) => core.startGroup(name),
  endGroup: () => core.endGroup(),
})

/**
 * The Action's main job, in the one direction data flows: inputs -> config -> read activity ->
 * edit the page (pure) -> publish. Every failure ends here as one clear error; nothing is
 * written to GitHub before the edit is known to be valid.
 */
export async function run(
  env: NodeJS.ProcessEnv = process.env,
  /** Shorter waits for tests that run the job in-process against the emulator; never an input. */
  waits: ClientWaits = {},
): Promise<void> {
  let token = ''
  try {
    const getInput = (name: string) => core.getInput(name)
    // The time zone and progress patterns need ICU's locale data and RE2 (~20 ms each): checked
    // while the first requests are out, and before anything is written.
    const config = await configFromInputs(getInput, env, { engineChecksLater: true })
    token = config.token
    if (token) core.setSecret(token)
    const work = roundOneWork(
      config.timeZone,
      () => checkEngineInputs(getInput, config),
      requestsAllOut,
    )
    await runWithConfig(config, env, waits, work).catch((error: unknown) => {
      throw unreachableApi(error, config.apiUrl) ?? error
    })
  } catch (error) {
    // One annotation per failure: core.setFailed would add a second, without the file and line.
    const failure = describeFailure(error, token)
    process.exitCode = core.ExitCode.Failure
    core.error(failure.message, failure.properties)
  }
}

async function runWithConfig(
  config: Config,
  env: NodeJS.ProcessEnv,
  waits: ClientWaits,
  work: RoundOneWork,
): Promise<void> {
  const job = jobContext(config, env, waits, work)
  const read = await readAll(job, config).then(
    (reads) => ({ reads }),
    (error: unknown) => ({ error }),
  )
  // A bad input is the error to report, even when a read failed too.
  await work.engineChecks()
  if ('error' in read) throw read.error
  const { reads } = read
  outputActivity(reads.activity, env)
  const editOptions: EditOptions = {
    ...config.edit,
    today: job.today,
    timeZone: config.timeZone,
    file: reads.page.path,
  }
  const { editPage, loadParsersFor } = await job.pageCore()
  await loadParsersFor(reads.page.text)
  // Checked on the base text first: a bad page fails before anything is written.
  const first = editPage(reads.page.text, reads.activity, editOptions)
  for (const note of first.report.notes) {
    core.notice(note.message, { file: reads.page.path, startLine: note.line })
  }
  const published = await publishEdit(job, config, reads, editOptions, first)
  const { report } = published
  const message = outcomeMessage(published.result, report, {
    path: reads.page.path,
    since: reads.since,
  })
  const result = { ...published.result, message }
  outputResult(result)
  writeSummary(
    {
      activity: reads.activity,
      report,
      result,
      path: reads.page.path,
      since: reads.since,
      today: job.today,
      dryRun: config.publish.dryRun,
      ...(job.event.dispatch ? { dispatch: job.event.dispatch } : {}),
    },
    env.GITHUB_STEP_SUMMARY,
  )
}

/** Where and when the job runs: the repository, the API client, and "today". */
interface JobContext {
  env: NodeJS.ProcessEnv
  repository: string
  owner: string
  repo: string
  base: string | undefined
  client: ReturnType<typeof createClient>
  now: Date
  today: string
  /** The event payload's facts, read once. */
  event: EventFacts
  /** The page core's chunk (Markdown, gray-matter, RE2; each front-matter parser apart): see
   * page/core.ts and round-one-work.ts. */
  pageCore: () => Promise<typeof PageCore>
}

function jobContext(
  config: Config,
  env: NodeJS.ProcessEnv,
  waits: ClientWaits,
  work: RoundOneWork,
): JobContext {
  const event = readEvent(env, (m) => core.debug(m))
  refuseDefaultBranch(config, event)
  const repository = env.GITHUB_REPOSITORY ?? ''
  const [owner, repo] = repository.split('/')
  if (!owner || !repo) {
    throw new NowPageError(`GITHUB_REPOSITORY is ${JSON.stringify(repository)}, not owner/name`, {
      hint: 'Run the Action in a GitHub Actions workflow, or set GITHUB_REPOSITORY',
    })
  }
  // NOW_PAGE_NOW pins the clock (ISO 8601) for reproducible runs, like SOURCE_DATE_EPOCH.
  const now = env.NOW_PAGE_NOW ? new Date(env.NOW_PAGE_NOW) : new Date()
  if (Number.isNaN(now.getTime())) {
    throw new NowPageError(`NOW_PAGE_NOW is not an ISO date-time: ${env.NOW_PAGE_NOW}`)
  }
  const client = createClient({
    ...waits,
    token: config.token,
    baseUrl: config.apiUrl,
    log: logger,
    deadline: {
      signal: AbortSignal.timeout(config.apiTimeoutMinutes * 60_000),
      minutes: config.apiTimeoutMinutes,
    },
  })
  const base = config.publish.base || undefined
  const today = todayIn(config.timeZone, now)
  return {
    env,
    repository,
    owner,
    repo,
    base,
    client,
    now,
    today,
    event,
    pageCore: work.pageCore,
  }
}

interface Reads {
  page: Awaited<ReturnType<typeof readPageFromBase>>
  openPull: Awaited<ReturnType<typeof findOpenPull>>
  activity: Activity
  since: string
}

/**
 * Round 1: the page, the open PR and the activity are independent reads, made at once (the
 * activity waits for the page only when `since: page` dates the window from it).
 */
async function readAll(job: JobContext, config: Config): Promise<Reads> {
  const pageRead = readPage(job, config)
  const pullRead = findOpenPull(job.client, {
    owner: job.owner,
    repo: job.repo,
    branch: config.publish.branch,
    base: job.base,
  })
  const sinceRead =
    config.since.kind === 'page'
      ? pageRead.then(async (page) => {
          const { liveMetadataDate, loadParsersFor } = await job.pageCore()
          await loadParsersFor(page.text)
          return sinceDate(
            config.since,
            job.today,
            liveMetadataDate(page.text, { file: page.path }),
          )
        })
      : Promise.resolve(sinceDate(config.since, job.today))
  const authorRead = resolveAuthor(
    job.client,
    {
      author: config.author,
      repositoryOwner: job.env.GITHUB_REPOSITORY_OWNER || job.owner,
      repositoryOwnerType: job.event.ownerType,
    },
    logger,
  )
  const activityRead = Promise.all([authorRead, sinceRead]).then(([author, since]) =>
    readActivityFor(job, config, author, since),
  )
  const [page, openPull, activity, since] = await settleAll([
    pageRead,
    pullRead,
    activityRead,
    sinceRead,
  ] as const)
  return { page, openPull, activity, since }
}

/**
 * Promise.all that lets every read finish before passing on the first failure: a read still
 * running after the run failed would log (its group prints when it ends) after the error, or
 * after the run, and keep requests in flight. The api-timeout-minutes deadline bounds the wait.
 */
async function settleAll<T extends readonly unknown[]>(reads: {
  readonly [K in keyof T]: Promise<T[K]>
}): Promise<T> {
  let failure: { error: unknown } | undefined
  const results = await Promise.all(
    (reads as readonly Promise<unknown>[]).map((read) =>
      read.catch((error: unknown) => {
        failure ??= { error }
        return undefined
      }),
    ),
  )
  if (failure) throw failure.error
  return results as unknown as T
}

function readPage(job: JobContext, config: Config) {
  return logger.group('Reading the page', async () => {
    const found = await readPageFromBase(job.client, {
      owner: job.owner,
      repo: job.repo,
      base: job.base,
      paths: config.pagePath ? [config.pagePath] : [...PAGE_PATH_CANDIDATES],
    })
    logger.info(
      `${found.path} on ${job.base ?? 'the default branch'} (blob ${found.blobSha.slice(0, 7)}), ${found.text.length} characters`,
    )
    return found
  })
}

function readActivityFor(
  job: JobContext,
  config: Config,
  author: string,
  since: string,
): Promise<Activity> {
  return readActivity(
    job.client,
    {
      author,
      since,
      now: job.now,
      timeZone: config.timeZone,
      serverUrl: job.env.GITHUB_SERVER_URL,
      sideProjects: config.sideProjects,
      forges: config.forges,
      includeRepos: config.includeRepos,
      excludeRepos: config.excludeRepos,
      excludeOrgs: config.excludeOrgs,
      withLanguages: usesPlaceholder(config.edit, 'languages'),
      firstContribution: usesPlaceholder(config.edit, 'first'),
    },
    logger,
  )
}

/** The activity as a JSON file for later steps (the `activity` output), and in the log. */
function outputActivity(activity: Activity, env: NodeJS.ProcessEnv): void {
  const activityPath = join(
    mkdtempSync(join(env.RUNNER_TEMP || tmpdir(), 'now-page-')),
    'activity.json',
  )
  writeFileSync(activityPath, JSON.stringify(activity, null, 2) + '\n')
  core.setOutput('activity', activityPath)
  core.startGroup(`Activity (${activityPath})`)
  core.info(JSON.stringify(activity, null, 2))
  core.endGroup()
  const skipped = activity.skipped?.length ?? 0
  core.info(
    `found ${count(activity.pullRequests.length, 'merged pull request')} and ${count(activity.projects.length, 'side project')}${skipped ? `; ${count(skipped, 'source')} not read (listed in the summary)` : ''} (activity: ${activityPath})`,
  )
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`
}

/** Publishes the edit; the report is the one of the text finally published. */
async function publishEdit(
  job: JobContext,
  config: Config,
  reads: Reads,
  editOptions: EditOptions,
  first: { text: string; changed: boolean; report: EditReport },
): Promise<{ result: PublishResult; report: EditReport }> {
  const { editPage, parsersLoadedFor } = await job.pageCore()
  const firstReport = first.report
  const textInput: PrTextInput = {
    activity: reads.activity,
    report: firstReport,
    baseText: reads.page.text,
    path: reads.page.path,
    today: job.today,
    since: reads.since,
    repository: job.repository,
    workflowUrl: workflowUrl(job.env),
  }
  let report = firstReport
  const { publish: p } = config
  const result = await publish(
    job.client,
    {
      owner: job.owner,
      repo: job.repo,
      base: job.base,
      // The runner's commit, when it is the base's head: the write needs no read of the base.
      baseHint: baseHint(job.env, job.base, job.event.defaultBranch),
      branch: p.branch,
      path: reads.page.path,
      page: reads.page,
      openPull: reads.openPull ?? null,
      edit: (text) => {
        // The page is pure: the base text's edit is already known (the usual case).
        if (text !== reads.page.text && !parsersLoadedFor(text)) {
          // The parsers loaded are the read page's; a page that changed its kind of front
          // matter since (TOML to YAML) in the seconds of a run is not worth loading more for.
          throw new NowPageError(
            `${reads.page.path} changed its front matter's format while the run was reading it`,
            { file: reads.page.path, hint: 'Run the workflow again' },
          )
        }
        const r = text === reads.page.text ? first : editPage(text, reads.activity, editOptions)
        report = r.report
        return r
      },
      title: prTitle(p.title, textInput),
      body: prBody(textInput, p.body),
      commitMessage: commitMessage(p.commitMessage, textInput),
      labels: p.labels,
      reviewers: p.reviewers,
      assignees: p.assignees,
      draft: p.draft,
      author: p.author,
      committer: p.committer,
      onHumanEdit: p.onHumanEdit,
      dryRun: p.dryRun,
    },
    logger,
  )
  return { result, report }
}

function outputResult(result: PublishResult): void {
  for (const w of result.warnings) core.warning(w)
  core.setOutput('changed', String(result.changed))
  core.setOutput('pull-request-number', result.pullRequest ? String(result.pullRequest.number) : '')
  core.setOutput('pull-request-url', result.pullRequest?.url ?? '')
  core.setOutput('pull-request-operation', result.operation)
  core.setOutput('commit-sha', result.commitSha ?? '')
  core.setOutput('summary', result.message)
  core.notice(result.message)
}

/** Before any request: the Action's branch is never the repository's default branch. */
function refuseDefaultBranch(config: Config, { defaultBranch }: EventFacts): void {
  if (defaultBranch && config.publish.branch === defaultBranch) {
    throw new NowPageError(`'${defaultBranch}' is the repository's default branch`, {
      input: 'branch',
      hint: 'The Action commits to its own branch and proposes it to the default branch; use a name such as now-page/refresh',
    })
  }
}

/** Reads that only a template needs (languages, first contributions) are skipped otherwise. */
function usesPlaceholder(edit: Config['edit'], name: string): boolean {
  return Object.values(edit.sections ?? {}).some((s) => s?.template?.includes(`{${name}}`))
}

function workflowUrl(env: NodeJS.ProcessEnv): string | undefined {
  const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repo, GITHUB_WORKFLOW_REF: ref } = env
  const file = ref?.split('@')[0]?.split('/').slice(2).join('/') // owner/repo/.github/workflows/x.yml
  if (!server || !repo || !file) return undefined
  return `${server}/${repo}/actions/workflows/${file.replace(/^\.github\/workflows\//, '')}`
}

/** A NowPageError naming `api-url` when the API root cannot be reached at all. */
function unreachableApi(error: unknown, apiUrl: string): NowPageError | undefined {
  const code = unreachableCode(error)
  if (!code) return undefined
  return new NowPageError(`cannot connect to ${apiUrl} (${code})`, {
    input: 'api-url',
    hint: 'Check api-url (or GITHUB_API_URL): the REST API root, e.g. https://api.github.com or https://HOST/api/v3',
  })
}

/** The failure's one message, with the file and line an annotation points at when known. */
function describeFailure(
  error: unknown,
  token: string,
): { message: string; properties: core.AnnotationProperties } {
  let text: string
  let properties: core.AnnotationProperties = {}
  if (isNowPageError(error)) {
    if (error.file) properties = { file: error.file, startLine: error.line }
    text = error.describe()
  } else {
    text = `unexpected error: ${error instanceof Error ? error.message : String(error)}`
    core.debug(error instanceof Error ? (error.stack ?? '') : '')
  }
  // setSecret masks the token in the runner's log; an error text may also go to outputs.
  return { message: token ? text.split(token).join('***') : text, properties }
}
