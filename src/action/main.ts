import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as core from '@actions/core'
import { readActivity, type Logger } from '../activity/read-activity.js'
import { resolveAuthor } from '../activity/resolve-author.js'
import {
  configFromInputs,
  PAGE_PATH_CANDIDATES,
  sinceDate,
  todayIn,
  type Config,
} from '../config/index.js'
import { isNowPageError, NowPageError } from '../errors.js'
import { createClient } from '../github/client.js'
import { editPage } from '../page/edit-page.js'
import { readFrontMatter } from '../page/front-matter.js'
import type { EditOptions, EditReport } from '../page/types.js'
import { findOpenPull, publish } from '../publish/publish.js'
import { readPageFromBase } from '../publish/read-page.js'
import { commitMessage, prBody, prTitle, type PrTextInput } from './pr-text.js'
import { writeSummary } from './summary.js'

const logger: Logger = {
  debug: (m) => core.debug(m),
  info: (m) => core.info(m),
  warning: (m) => core.warning(m),
  group: (name, fn) => core.group(name, fn),
}

/**
 * The Action's main job, in the one direction data flows: inputs -> config -> read activity ->
 * edit the page (pure) -> publish. Every failure ends here as one clear error; nothing is
 * written to GitHub before the edit is known to be valid.
 */
export async function run(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  let token = ''
  try {
    const config = configFromInputs((name) => core.getInput(name), env)
    token = config.token
    if (token) core.setSecret(token)
    await runWithConfig(config, env)
  } catch (error) {
    core.setFailed(describeFailure(error, token))
  }
}

async function runWithConfig(config: Config, env: NodeJS.ProcessEnv): Promise<void> {
  const repository = env.GITHUB_REPOSITORY ?? ''
  const [owner, repo] = repository.split('/')
  if (!owner || !repo) {
    throw new NowPageError(`GITHUB_REPOSITORY is ${JSON.stringify(repository)}, not owner/name`, {
      hint: 'Run the Action in a GitHub Actions workflow, or set GITHUB_REPOSITORY',
    })
  }
  const client = createClient({
    token: config.token,
    baseUrl: config.apiUrl,
    log: logger,
    deadline: {
      signal: AbortSignal.timeout(config.apiTimeoutMinutes * 60_000),
      minutes: config.apiTimeoutMinutes,
    },
  })
  // NOW_PAGE_NOW pins the clock (ISO 8601) for reproducible runs, like SOURCE_DATE_EPOCH.
  const now = env.NOW_PAGE_NOW ? new Date(env.NOW_PAGE_NOW) : new Date()
  if (Number.isNaN(now.getTime())) {
    throw new NowPageError(`NOW_PAGE_NOW is not an ISO date-time: ${env.NOW_PAGE_NOW}`)
  }
  const today = todayIn(config.timeZone, now)

  // Round 1: the page, the open PR and the activity are independent reads, made at once (the
  // activity waits for the page only when `since: page` dates the window from it).
  const base = config.publish.base || undefined
  const pageRead = core.group('Reading the page', async () => {
    const found = await readPageFromBase(client, {
      owner,
      repo,
      base,
      paths: config.pagePath ? [config.pagePath] : [...PAGE_PATH_CANDIDATES],
    })
    core.info(
      `${found.path} on ${base ?? 'the default branch'} (blob ${found.blobSha.slice(0, 7)}), ${found.text.length} characters`,
    )
    return found
  })
  const pullRead = findOpenPull(client, { owner, repo, branch: config.publish.branch, base })
  const authorRead = resolveAuthor(
    client,
    {
      author: config.author,
      repositoryOwner: env.GITHUB_REPOSITORY_OWNER ?? owner,
      repositoryOwnerType: eventOwnerType(env),
    },
    logger,
  )
  const sinceRead =
    config.since.kind === 'page'
      ? pageRead.then((page) => sinceDate(config.since, today, pageDate(page.text, page.path)))
      : Promise.resolve(sinceDate(config.since, today))
  const activityRead = Promise.all([authorRead, sinceRead]).then(([author, since]) =>
    readActivity(
      client,
      {
        author,
        since,
        now,
        timeZone: config.timeZone,
        serverUrl: env.GITHUB_SERVER_URL,
        sideProjects: config.sideProjects,
        includeRepos: config.includeRepos,
        excludeRepos: config.excludeRepos,
        excludeOrgs: config.excludeOrgs,
        withLanguages: usesPlaceholder(config.edit, 'languages'),
        firstContribution: usesPlaceholder(config.edit, 'first'),
      },
      logger,
    ),
  )
  const [page, openPull, activity, since] = await Promise.all([
    pageRead,
    pullRead,
    activityRead,
    sinceRead,
  ])
  const activityPath = join(
    mkdtempSync(join(env.RUNNER_TEMP || tmpdir(), 'now-page-')),
    'activity.json',
  )
  writeFileSync(activityPath, JSON.stringify(activity, null, 2) + '\n')
  core.setOutput('activity', activityPath)
  await core.group(`Activity (${activityPath})`, async () => {
    core.info(JSON.stringify(activity, null, 2))
  })
  core.info(
    `found ${activity.pullRequests.length} merged pull requests and ${activity.projects.length} side projects (activity: ${activityPath})`,
  )

  const editOptions: EditOptions = {
    ...config.edit,
    today,
    timeZone: config.timeZone,
    file: page.path,
  }
  // Checked on the base text first: a bad page fails before anything is written.
  const first = editPage(page.text, activity, editOptions)
  for (const note of first.report.notes) {
    core.notice(note.message, { file: page.path, startLine: note.line })
  }
  const textInput: PrTextInput = {
    activity,
    report: first.report,
    baseText: page.text,
    path: page.path,
    today,
    since,
    repository,
    workflowUrl: workflowUrl(env),
  }
  let report: EditReport = first.report
  const result = await publish(
    client,
    {
      owner,
      repo,
      base,
      branch: config.publish.branch,
      path: page.path,
      page,
      openPull: openPull ?? null,
      edit: (text) => {
        const r = editPage(text, activity, editOptions)
        report = r.report
        return r
      },
      title: prTitle(config.publish.title, textInput),
      body: prBody(textInput, config.publish.body),
      commitMessage: commitMessage(config.publish.commitMessage, textInput),
      labels: config.publish.labels,
      reviewers: config.publish.reviewers,
      assignees: config.publish.assignees,
      draft: config.publish.draft,
      author: config.publish.author,
      committer: config.publish.committer,
      onHumanEdit: config.publish.onHumanEdit,
      dryRun: config.publish.dryRun,
    },
    logger,
  )
  for (const w of result.warnings) core.warning(w)
  core.setOutput('changed', String(result.changed))
  core.setOutput('pull-request-number', result.pullRequest ? String(result.pullRequest.number) : '')
  core.setOutput('pull-request-url', result.pullRequest?.url ?? '')
  core.setOutput('pull-request-operation', result.operation)
  core.setOutput('commit-sha', result.commitSha ?? '')
  core.setOutput('summary', result.message)
  core.notice(result.message)
  writeSummary(
    {
      activity,
      report,
      result,
      path: page.path,
      since,
      today,
      dryRun: config.publish.dryRun,
    },
    env.GITHUB_STEP_SUMMARY,
  )
}

/** `repository.owner.type` from the workflow's event payload, when there is one to read. */
function eventOwnerType(env: NodeJS.ProcessEnv): string | undefined {
  if (!env.GITHUB_EVENT_PATH) return undefined
  try {
    const payload = JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, 'utf8')) as {
      repository?: { owner?: { type?: unknown } }
    }
    const type = payload.repository?.owner?.type
    return typeof type === 'string' ? type : undefined
  } catch (error) {
    core.debug(`could not read the event payload: ${(error as Error).message}`)
    return undefined
  }
}

/** The page's own date (front matter `date`/`lastmod`), for `since: page`. */
function pageDate(text: string, file: string): string | undefined {
  const data = readFrontMatter(text, file)?.data ?? {}
  for (const key of ['lastmod', 'date', 'updated', 'last_modified_at', 'modified']) {
    const v = data[key]
    if (v instanceof Date && !Number.isNaN(v.getTime())) return v.toISOString().slice(0, 10)
    if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}/.test(v)) return v.slice(0, 10)
  }
  return undefined
}

/** Reads that only a template needs (languages, first contributions) are skipped otherwise. */
function usesPlaceholder(edit: Config['edit'], name: string): boolean {
  const templates = [edit.sections?.contributions?.template, edit.sections?.progress?.template]
  return templates.some((t) => t?.includes(`{${name}}`))
}

function workflowUrl(env: NodeJS.ProcessEnv): string | undefined {
  const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repo, GITHUB_WORKFLOW_REF: ref } = env
  const file = ref?.split('@')[0]?.split('/').slice(2).join('/') // owner/repo/.github/workflows/x.yml
  if (!server || !repo || !file) return undefined
  return `${server}/${repo}/actions/workflows/${file.replace(/^\.github\/workflows\//, '')}`
}

function describeFailure(error: unknown, token: string): string {
  let text: string
  if (isNowPageError(error)) {
    if (error.file) {
      core.error(error.message + (error.hint ? `. ${error.hint}` : ''), {
        file: error.file,
        startLine: error.line,
      })
    }
    text = error.describe()
  } else {
    text = `unexpected error: ${error instanceof Error ? error.message : String(error)}`
    core.debug(error instanceof Error ? (error.stack ?? '') : '')
  }
  // setSecret masks the token in the runner's log; an error text may also go to outputs.
  return token ? text.split(token).join('***') : text
}
