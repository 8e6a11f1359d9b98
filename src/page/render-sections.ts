import type { Activity, ProjectActivity, PullRequestActivity } from '../activity/types.js'
import { INPUT_DEFAULTS } from '../config/input-defaults.js'
import { escapeHtmlAttribute, htmlAttributeValue } from './escape-html-attribute.js'
import { escapeInline, plainLine, safeUrl, subjectLine } from './escape-markdown.js'
import { dateInZone } from '../dates/index.js'
import { referenceOf } from './reference.js'
import { summarizeProgress } from './progress-pattern.js'
import { fillTemplate, type EscapedValue } from './template.js'
import { defaultTemplateFor, type SectionName } from './sections/registry.js'
import type { SectionOptions } from './types.js'

/** action.yml's `max-items` default, for callers that give none. */
const DEFAULT_MAX_ITEMS = Number(INPUT_DEFAULTS['max-items'])

export interface RenderedSection {
  /** Lines of the section's content (no line endings); empty when there is nothing to list. */
  lines: string[]
  items: number
  omitted: number
}

export interface RenderContext {
  timeZone: string
}

type Renderer = (activity: Activity, options: SectionOptions, ctx: RenderContext) => RenderedSection

/** One renderer per registered kind: a kind without one does not compile. */
const RENDERERS: { readonly [K in SectionName]: Renderer } = {
  contributions: (activity, options, ctx) =>
    renderContributions(activity.pullRequests, options, ctx),
  progress: (activity, options, ctx) => renderProgress(activity.projects, options, ctx),
}

export function renderSection(
  name: SectionName,
  activity: Activity,
  options: SectionOptions,
  ctx: RenderContext,
): RenderedSection {
  return RENDERERS[name](activity, options, ctx)
}

/** Untrusted text, escaped for Markdown and for an HTML attribute. */
function untrusted(raw: string, maxLength?: number): EscapedValue {
  return { markdown: escapeInline(raw, maxLength), attribute: escapeHtmlAttribute(raw, maxLength) }
}

function link(raw: string): EscapedValue {
  const url = safeUrl(raw)
  return { markdown: url, attribute: htmlAttributeValue(url) }
}

/** Owner and name; on GitLab the owner is the group path (`group/sub`) and the name its last part. */
function splitRepo(repo: string): { owner: EscapedValue; name: EscapedValue } {
  const at = repo.lastIndexOf('/')
  return { owner: untrusted(repo.slice(0, Math.max(at, 0))), name: untrusted(repo.slice(at + 1)) }
}

function repoUrlOf(pr: PullRequestActivity): EscapedValue {
  // A PR's html_url is `<server>/<owner>/<repo>/pull/<n>` (GHES servers differ, so derive it),
  // Forgejo's `…/pulls/<n>`, GitLab's `…/-/merge_requests/<n>`.
  const m = /\/(?:pulls?|-\/merge_requests)\/\d+\/?$/.exec(pr.url)
  return link(m && m.index > 0 ? pr.url.slice(0, m.index) : pr.url)
}

/** The host of the forge an item is on: `github.com` (or the GHES host) for GitHub's. */
function forgeOf(item: { forge?: string; url: string }): EscapedValue {
  let host = item.forge ?? ''
  if (!host) {
    try {
      host = new URL(item.url).host
    } catch {
      host = ''
    }
  }
  return untrusted(host)
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`
}

/** Newest merge first; ties broken by forge, repo and number so the order never flips. */
function byMergeDesc(a: PullRequestActivity, b: PullRequestActivity): number {
  if (a.mergedAt !== b.mergedAt) return a.mergedAt < b.mergedAt ? 1 : -1
  if ((a.forge ?? '') !== (b.forge ?? '')) return (a.forge ?? '') < (b.forge ?? '') ? -1 : 1
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
    // `GNOME/x` on GitHub and on gitlab.gnome.org are two repositories.
    const key = (pr: PullRequestActivity) => `${pr.forge ?? ''}\n${pr.repo}`
    for (const pr of sorted) groups.set(key(pr), [...(groups.get(key(pr)) ?? []), pr])
    total = groups.size
    const template = options.template ?? defaultTemplateFor('contributions', options)
    lines = [...groups.values()].slice(0, max).map((group) => {
      const latest = group[0] as PullRequestActivity
      return fillTemplate(template, {
        repo: untrusted(latest.repo),
        ...splitRepo(latest.repo),
        repo_url: repoUrlOf(latest),
        count: String(group.length),
        pull_requests: plural(group.length, 'merged pull request', 'merged pull requests'),
        merged_at: dateInZone(latest.mergedAt, ctx.timeZone),
        title: untrusted(latest.title),
        url: link(latest.url),
        forge: forgeOf(latest),
      })
    })
  } else {
    total = sorted.length
    const template = options.template ?? defaultTemplateFor('contributions', options)
    lines = sorted.slice(0, max).map((pr) =>
      fillTemplate(template, {
        title: untrusted(pr.title),
        ref: untrusted(referenceOf(pr)),
        repo: untrusted(pr.repo),
        ...splitRepo(pr.repo),
        number: String(pr.number),
        url: link(pr.url),
        repo_url: repoUrlOf(pr),
        merged_at: dateInZone(pr.mergedAt, ctx.timeZone),
        first: pr.firstContribution ? ' (first contribution)' : '',
        forge: forgeOf(pr),
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
  const template = options.template ?? defaultTemplateFor('progress', options)
  const lines = projects.slice(0, max).map((project) => {
    const latest = [...project.commits].sort((a, b) =>
      a.date === b.date ? 0 : Date.parse(b.date) - Date.parse(a.date),
    )[0]
    const progressText = project.progressPattern
      ? summarizeProgress(
          project.progressPattern,
          [...(project.paths ?? []), ...project.commits.flatMap((c) => c.paths ?? [])],
          project.repo,
        )
      : ''
    const progress = untrusted(progressText)
    const count = Math.max(project.commitCount ?? 0, project.commits.length)
    const latestDate = latest ? dateInZone(latest.date, ctx.timeZone) : ''
    const messageText = latest ? subjectLine(latest.message) : ''
    const latestMessage = untrusted(messageText, 120)
    const summary = (progressPart: string, messagePart: string) => {
      const recent = latest
        ? `${plural(count, 'commit', 'commits')} in this period, latest on ${latestDate}: ${messagePart}`
        : 'no new commits in this period'
      return progressPart ? `${progressPart}; ${recent}` : capitalizeFirst(recent)
    }
    const languages = Object.entries(project.languages ?? {})
      .sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1))
      .slice(0, 3)
      .map(([lang]) => lang)
    return fillTemplate(template, {
      repo: untrusted(project.repo),
      ...splitRepo(project.repo),
      url: link(project.url),
      summary: {
        markdown: summary(progress.markdown, latestMessage.markdown),
        // Escaped as a whole, our words too: an unquoted attribute ends at any space.
        attribute: htmlAttributeValue(
          summary(plainLine(progressText), plainLine(messageText, 120)),
        ),
      },
      progress,
      count: String(count),
      commits: plural(count, 'commit', 'commits'),
      latest_message: latestMessage,
      latest_date: latestDate,
      latest_url: latest ? link(latest.url) : '',
      languages: {
        markdown: languages.map((l) => escapeInline(l)).join(', '),
        attribute: languages.map((l) => escapeHtmlAttribute(l)).join(', '),
      },
      forge: forgeOf(project),
    })
  })
  const omitted = Math.max(0, projects.length - max)
  if (omitted > 0) lines.push(`- …and ${omitted} more`)
  return { lines, items: Math.min(projects.length, max), omitted }
}

function capitalizeFirst(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1)
}
