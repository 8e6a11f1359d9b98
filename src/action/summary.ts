import * as core from '@actions/core'
import type { Activity } from '../activity/types.js'
import type { EditReport } from '../page/types.js'
import type { PublishResult } from '../publish/publish.js'

export interface SummaryInput {
  activity: Activity
  report: EditReport
  result: PublishResult
  path: string
  since: string
  today: string
  dryRun: boolean
}

/** The job summary: what was found, what the page edit did, the diff, and the PR link. */
export async function writeSummary(input: SummaryInput): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) return
  const { activity, report, result } = input
  const s = core.summary.addHeading(`Now page: ${input.path}`, 2)
  s.addRaw(
    `${input.dryRun ? '**Dry run**: nothing was written. ' : ''}${result.message} Window: ${input.since} to ${input.today}.`,
    true,
  )
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
  if (result.diff) s.addDetails('Diff of the page', `\n\n\`\`\`diff\n${result.diff}\n\`\`\`\n\n`)
  for (const w of result.warnings) s.addRaw(`> ⚠️ ${w}`, true)
  await s.write()
}
