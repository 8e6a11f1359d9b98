import { appendFileSync } from 'node:fs'
import * as core from '@actions/core'
import type { Activity } from '../activity/types.js'
import type { EditReport } from '../page/types.js'
import type { PublishResult } from '../publish/publish.js'
import { escapeInline } from '../page/escape-markdown.js'
import { neutralizeReferences } from '../page/neutralize-references.js'
import { skippedText } from './pr-text.js'

export interface SummaryInput {
  activity: Activity
  report: EditReport
  result: PublishResult
  path: string
  since: string
  today: string
  dryRun: boolean
  /** The workflow_dispatch inputs of a run started by hand (see dispatchInputs). */
  dispatch?: Record<string, string> | undefined
}

/** The job summary: what was found, what the page edit did, the diff, and the PR link. */
export function writeSummary(input: SummaryInput, file: string | undefined): void {
  if (!file) return
  const { activity, report, result } = input
  // core.summary builds the Markdown; the file is written here because core.summary.write()
  // remembers the first GITHUB_STEP_SUMMARY it saw, and a job may run more than once in a process.
  const s = core.summary.emptyBuffer().addHeading(`Now page: ${input.path}`, 2)
  s.addRaw(
    `${input.dryRun ? '**Dry run**: nothing was written. ' : ''}${result.message} Window: ${input.since} to ${input.today}.`,
    true,
  )
  if (input.dispatch) s.addRaw(dispatchText(input.dispatch), true)
  if (result.pullRequest)
    s.addLink(`Pull request #${result.pullRequest.number}`, result.pullRequest.url).addBreak()
  s.addTable([
    [
      { data: 'what', header: true },
      { data: 'found', header: true },
      { data: 'on the page', header: true },
    ],
    ...report.sections.map((sec) => [
      sec.name === 'contributions' ? 'merged upstream pull requests' : 'side projects',
      String(
        sec.name === 'contributions' ? activity.pullRequests.length : activity.projects.length,
      ),
      `${sec.items} (${sec.status}${sec.omitted ? `, ${sec.omitted} left out by max-items` : ''})`,
    ]),
  ])
  const skipped = skippedText(activity)
  if (skipped.length > 0) s.addRaw(`\n\n${skipped.join('\n')}\n`, true)
  if (result.diff)
    s.addDetails('Diff of the page', `\n\n${DIFF_START}${result.diff}${DIFF_END}\n\n`)
  for (const w of result.warnings) s.addRaw(`> ⚠️ ${w}`, true)
  appendFileSync(file, s.stringify())
  s.emptyBuffer()
}

const DIFF_START = '```diff\n'
const DIFF_END = '\n```'

/** The page's diff from a job summary this module wrote (the CLI's preview prints it). */
export function diffFromSummary(summary: string): string {
  const start = summary.indexOf(DIFF_START)
  const end = summary.lastIndexOf(DIFF_END)
  if (start < 0 || end < start) return ''
  const diff = summary.slice(start + DIFF_START.length, end)
  return diff.endsWith('\n') ? diff : diff + '\n'
}

/**
 * The run's one-sentence outcome. The publish layer says "nothing new since the last refresh"
 * when the page needs no change; on a page none of whose sections is there yet (no refresh ever
 * wrote it) that is wrong: nothing was found to start them with.
 */
export function outcomeMessage(
  result: PublishResult,
  report: EditReport,
  input: { path: string; since: string },
): string {
  if (result.operation !== 'none' || result.changed) return result.message
  const on = report.sections.filter((s) => s.status !== 'disabled')
  const neverRefreshed = on.length > 0 && on.every((s) => s.status === 'unchanged' && !s.line)
  if (!neverRefreshed) return result.message
  return `${input.path} is unchanged: nothing found since ${input.since} to start its ${on.map((s) => s.name).join(' and ')} section${on.length === 1 ? '' : 's'} with; they are added on the first run that finds some.`
}

/** One line for the summary; the values are what a person typed, so they are escaped. */
function dispatchText(inputs: Record<string, string>): string {
  const asked = Object.entries(inputs)
    .filter(([, value]) => value !== '')
    .map(
      ([name, value]) => `${/^[\w-]+$/.test(name) ? `\`${name}\`` : typed(name)}: ${typed(value)}`,
    )
  return asked.length > 0
    ? `Run by hand (workflow_dispatch) with ${asked.join(', ')}.`
    : "Run by hand (workflow_dispatch) with the workflow's defaults."
}

/** Text a person typed, as inert bold Markdown (not a code span: a backtick could close one). */
function typed(text: string): string {
  return `**${neutralizeReferences(escapeInline(text, 200))}**`
}
