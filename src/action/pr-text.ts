import type { Activity } from '../activity/types.js'
import { escapeInline, safeUrl, subjectLine } from '../page/escape-markdown.js'
import { neutralizeReferences, quietLink } from '../page/neutralize-references.js'
import { referenceOf } from '../page/reference.js'
import { fillTemplate } from '../page/template.js'
import { explainDates } from '../page/explain-dates.js'
import type { EditReport } from '../page/types.js'

export interface PrTextInput {
  activity: Activity
  report: EditReport
  /** The page as it is on the base branch, to tell what is new. */
  baseText: string
  path: string
  today: string
  since: string
  repository: string
  workflowUrl?: string
}

/** What is new on the page: PRs and commits whose links the base page does not have yet. */
export function whatIsNew(activity: Activity, baseText: string) {
  const pullRequests = activity.pullRequests.filter((pr) => !baseText.includes(pr.url))
  const projects = activity.projects
    .map((p) => ({ repo: p.repo, commits: p.commits.filter((c) => !baseText.includes(c.sha)) }))
    .filter((p) => p.commits.length > 0)
  return { pullRequests, projects }
}

export function prTitle(template: string, input: PrTextInput): string {
  return fillTemplate(template, values(input))
}

export function commitMessage(template: string, input: PrTextInput): string {
  return fillTemplate(template, values(input))
}

function values(input: PrTextInput): Record<string, string> {
  const news = whatIsNew(input.activity, input.baseText)
  return {
    today: input.today,
    since: input.since,
    // Plain text (titles and commit messages are not Markdown), but a path is still copied text.
    path: neutralizeReferences(input.path),
    new_pull_requests: String(news.pullRequests.length),
    new_commits: String(news.projects.reduce((n, p) => n + p.commits.length, 0)),
  }
}

/** Untrusted text in the body: inert Markdown that mentions and references nothing. */
function copied(text: string, maxLength?: number): string {
  return neutralizeReferences(escapeInline(text, maxLength))
}

/**
 * `owner/repo#N` (`group/project!N` for a GitLab merge request), linked without notifying the
 * upstream pull request: github.com through its quiet redirect (see quietLink); another forge's
 * page directly, since GitHub records no cross-reference for it.
 */
function pullRequestRef(pr: { repo: string; number: number; url: string; forge?: string }): string {
  const onForge = pr.forge !== undefined && pr.forge !== 'github.com'
  const text = copied(referenceOf(pr))
  // safeUrl: an http(s) address made safe as a Markdown link target ('#' for anything else).
  const link = onForge ? safeUrl(pr.url) : quietLink(pr.url)
  if (link === '#') return text
  return link ? `[${text}](${link})` : text
}

/** The PR body: what changed, the window, and how to refresh. Titles are untrusted here too. */
export function prBody(input: PrTextInput, extra?: string): string {
  const news = whatIsNew(input.activity, input.baseText)
  const lines: string[] = [
    `This pull request refreshes \`${neutralizeReferences(input.path)}\` with activity since **${input.since}** (today: ${input.today}).`,
    '',
  ]
  if (news.pullRequests.length > 0) {
    lines.push(`**New merged pull requests (${news.pullRequests.length})**`, '')
    for (const pr of news.pullRequests.slice(0, 50)) {
      lines.push(`- ${pullRequestRef(pr)}: ${copied(pr.title)}`)
    }
    if (news.pullRequests.length > 50) lines.push(`- …and ${news.pullRequests.length - 50} more`)
    lines.push('')
  }
  if (news.projects.length > 0) {
    lines.push('**Side-project commits**', '')
    for (const p of news.projects) {
      const latest = p.commits[0]
      const subject = latest ? `; latest: ${copied(subjectLine(latest.message), 100)}` : ''
      lines.push(
        `- ${copied(p.repo)}: ${p.commits.length} commit${p.commits.length === 1 ? '' : 's'}${subject}`,
      )
    }
    lines.push('')
  }
  lines.push(...skippedText(input.activity))
  const sections = input.report.sections
    .filter((s) => s.status === 'updated' || s.status === 'inserted')
    .map((s) => `\`${s.name}\` (${s.status})`)
  if (sections.length > 0) lines.push(`Sections changed: ${sections.join(', ')}.`)
  lines.push(...movedDatesText(input.report))
  for (const note of input.report.notes) {
    lines.push(`> Note${note.line ? ` (line ${note.line})` : ''}: ${copied(note.message, 300)}`)
  }
  lines.push(
    '',
    '---',
    `Review, edit or merge as you like: your commits on this branch are never overwritten. ` +
      `To refresh now, run the workflow from the Actions tab (workflow_dispatch)` +
      (input.workflowUrl ? ` — [open it](${input.workflowUrl})` : '') +
      '.',
    '',
    '<sub>Opened by [now-page-action](https://github.com/marketplace/actions/now-page).</sub>',
  )
  if (extra) lines.splice(2, 0, extra, '')
  return lines.join('\n')
}

/** Each date moved to today, field or line, old -> new (the page core's own explanation, so the
 * PR body and `now-page edit --explain` say the same), or how to add one when the page has none.
 * The old values are the author's own text: escaped like any copied text. */
export function movedDatesText(report: EditReport): string[] {
  const lines = explainDates(report)
  const moved = lines.slice(0, report.movedDates.length)
  const out: string[] = []
  if (moved.length > 0) {
    out.push('', '**Dates moved to today**', '', ...moved.map((l) => `- ${copied(l, 300)}`), '')
  }
  if (report.noLiveDate) out.push('', `> ${copied(lines.at(-1) ?? '', 300)}`)
  return out
}

/** Sources the readers could not read, and why: a reviewer should know the page may lack them.
 * Rendered generically (side projects, forges…); both fields may carry copied text. */
export function skippedText(activity: Activity): string[] {
  const skipped = activity.skipped ?? []
  if (skipped.length === 0) return []
  return [
    `**Not read this run (${skipped.length})**`,
    '',
    ...skipped.map((s) => `- ${copied(s.source, 200)}: ${copied(s.reason, 500)}`),
    '',
  ]
}
