import type { Activity, ProjectActivity, PullRequestActivity } from '../activity/types.js'
import { INPUT_DEFAULTS } from '../config/input-defaults.js'
import { escapeInline, safeUrl, subjectLine } from './escape-markdown.js'
import { dateInZone } from './format-date.js'
import { summarizeProgress } from './progress-pattern.js'
import { fillTemplate } from './template.js'
import type { SectionName, SectionOptions } from './types.js'

/** action.yml's `max-items` default, for callers that give none. */
const DEFAULT_MAX_ITEMS = Number(INPUT_DEFAULTS['max-items'])

export const CONTRIBUTION_PLACEHOLDERS = [
  'title',
  'repo',
  'owner',
  'name',
  'number',
  'url',
  'repo_url',
  'merged_at',
  'first',
] as const
export const GROUPED_CONTRIBUTION_PLACEHOLDERS = [
  'repo',
  'owner',
  'name',
  'repo_url',
  'count',
  'pull_requests',
  'merged_at',
  'title',
  'url',
] as const
export const PROGRESS_PLACEHOLDERS = [
  'repo',
  'owner',
  'name',
  'url',
  'summary',
  'progress',
  'count',
  'commits',
  'latest_message',
  'latest_date',
  'latest_url',
  'languages',
] as const

export const DEFAULT_TEMPLATES = {
  contributions: '- {title} ([{repo}#{number}]({url})), merged {merged_at}',
  contributionsGrouped:
    '- [{repo}]({repo_url}): {pull_requests}, latest merged {merged_at}: {title}',
  progress: '- [{repo}]({url}): {summary}',
} as const

export interface RenderedSection {
  /** Lines of the section's content (no line endings); empty when there is nothing to list. */
  lines: string[]
  items: number
  omitted: number
}

export interface RenderContext {
  timeZone: string
}

export function renderSection(
  name: SectionName,
  activity: Activity,
  options: SectionOptions,
  ctx: RenderContext,
): RenderedSection {
  return name === 'contributions'
    ? renderContributions(activity.pullRequests, options, ctx)
    : renderProgress(activity.projects, options, ctx)
}

function splitRepo(repo: string): { owner: string; name: string } {
  const [owner = '', name = ''] = repo.split('/')
  return { owner: escapeInline(owner), name: escapeInline(name) }
}

function repoUrlOf(pr: PullRequestActivity): string {
  // A PR's html_url is `<server>/<owner>/<repo>/pull/<n>`; GHES servers differ, so derive it.
  const at = pr.url.lastIndexOf('/pull/')
  return safeUrl(at > 0 ? pr.url.slice(0, at) : pr.url)
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`
}

/** Newest merge first; ties broken by repo and number so the order never flips between runs. */
function byMergeDesc(a: PullRequestActivity, b: PullRequestActivity): number {
  if (a.mergedAt !== b.mergedAt) return a.mergedAt < b.mergedAt ? 1 : -1
  if (a.repo !== b.repo) return a.repo < b.repo ? -1 : 1
  return b.number - a.number
}

function renderContributions(
  prs: readonly PullRequestActivity[],
  options: SectionOptions,
  ctx: RenderContext,
): RenderedSection {
  const max = options.maxItems ?? DEFAULT_MAX_ITEMS
  const sorted = [...prs].sort(byMergeDesc)
  let lines: string[]
  let total: number
  if (options.groupByRepo) {
    const groups = new Map<string, PullRequestActivity[]>()
    for (const pr of sorted) groups.set(pr.repo, [...(groups.get(pr.repo) ?? []), pr])
    total = groups.size
    const template = options.template ?? DEFAULT_TEMPLATES.contributionsGrouped
    lines = [...groups.values()].slice(0, max).map((group) => {
      const latest = group[0] as PullRequestActivity
      return fillTemplate(template, {
        repo: escapeInline(latest.repo),
        ...splitRepo(latest.repo),
        repo_url: repoUrlOf(latest),
        count: String(group.length),
        pull_requests: plural(group.length, 'merged pull request', 'merged pull requests'),
        merged_at: dateInZone(latest.mergedAt, ctx.timeZone),
        title: escapeInline(latest.title),
        url: safeUrl(latest.url),
      })
    })
  } else {
    total = sorted.length
    const template = options.template ?? DEFAULT_TEMPLATES.contributions
    lines = sorted.slice(0, max).map((pr) =>
      fillTemplate(template, {
        title: escapeInline(pr.title),
        repo: escapeInline(pr.repo),
        ...splitRepo(pr.repo),
        number: String(pr.number),
        url: safeUrl(pr.url),
        repo_url: repoUrlOf(pr),
        merged_at: dateInZone(pr.mergedAt, ctx.timeZone),
        first: pr.firstContribution ? ' (first contribution)' : '',
      }),
    )
  }
  const omitted = Math.max(0, total - max)
  if (omitted > 0) lines.push(`- …and ${omitted} more`)
  return { lines, items: Math.min(total, max), omitted }
}

function renderProgress(
  projects: readonly ProjectActivity[],
  options: SectionOptions,
  ctx: RenderContext,
): RenderedSection {
  const max = options.maxItems ?? DEFAULT_MAX_ITEMS
  const template = options.template ?? DEFAULT_TEMPLATES.progress
  const lines = projects.slice(0, max).map((project) => {
    const latest = [...project.commits].sort((a, b) =>
      a.date === b.date ? 0 : Date.parse(b.date) - Date.parse(a.date),
    )[0]
    const progress = project.progressPattern
      ? escapeInline(
          summarizeProgress(
            project.progressPattern,
            [...(project.paths ?? []), ...project.commits.flatMap((c) => c.paths ?? [])],
            project.repo,
          ),
        )
      : ''
    const count = Math.max(project.commitCount ?? 0, project.commits.length)
    const latestDate = latest ? dateInZone(latest.date, ctx.timeZone) : ''
    const latestMessage = latest ? escapeInline(subjectLine(latest.message), 120) : ''
    const recent = latest
      ? `${plural(count, 'commit', 'commits')} in this period, latest on ${latestDate}: ${latestMessage}`
      : 'no new commits in this period'
    const languages = Object.entries(project.languages ?? {})
      .sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1))
      .slice(0, 3)
      .map(([lang]) => escapeInline(lang))
      .join(', ')
    return fillTemplate(template, {
      repo: escapeInline(project.repo),
      ...splitRepo(project.repo),
      url: safeUrl(project.url),
      summary: progress ? `${progress}; ${recent}` : capitalizeFirst(recent),
      progress,
      count: String(count),
      commits: plural(count, 'commit', 'commits'),
      latest_message: latestMessage,
      latest_date: latestDate,
      latest_url: latest ? safeUrl(latest.url) : '',
      languages,
    })
  })
  const omitted = Math.max(0, projects.length - max)
  if (omitted > 0) lines.push(`- …and ${omitted} more`)
  return { lines, items: Math.min(projects.length, max), omitted }
}

function capitalizeFirst(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1)
}
