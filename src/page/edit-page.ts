import type { Activity } from '../activity/types.js'
import { NowPageError } from '../errors.js'
import { readFrontMatter } from './front-matter.js'
import { updateFrontMatterDates } from './front-matter-dates.js'
import { detectEol } from './lines.js'
import { analyzeBody, type BodyStructure, type Heading } from './markdown-structure.js'
import { findMarkedRegions, looksLikeMarker, markerLine } from './markers.js'
import { explicitDateFields, moveBodyDates, reportDates } from './page-dates.js'
import { renderSection, type RenderedSection } from './render-sections.js'
import { sectionDefinition } from './sections/registry.js'
import {
  SECTION_NAMES,
  type EditOptions,
  type EditReport,
  type EditResult,
  type SectionName,
  type SectionOptions,
} from './types.js'

/** A change to the body, in line indices of the original body: replace lines [from, to) with
 * `lines`. Insertions have from === to. */
interface Splice {
  from: number
  to: number
  lines: string[]
}

/**
 * The page core: (page text, activity, options) -> new page text. Pure and deterministic.
 * Only the managed sections, the date fields and "last updated" lines can change, and dates move
 * only when a section's content did, so an unchanged activity returns the input unchanged.
 */
export function editPage(text: string, activity: Activity, options: EditOptions): EditResult {
  checkToday(options.today)
  const file = options.file
  const fm = readFrontMatter(text, file)
  const bom = text.startsWith('\uFEFF') ? 1 : 0
  const bodyStart = fm ? fm.bodyStart : bom
  const body = analyzeBody(text.slice(bodyStart), bodyStart, fm ? fm.bodyLine : 1, file)
  const report: EditReport = {
    sections: [],
    dateFields: [],
    bodyDates: [],
    movedDates: [],
    notes: [],
  }
  const plan = planSections(body, activity, options, report)
  if (plan.toInsert.length > 0) {
    plan.splices.push(planInsertion(body, plan.toInsert, options, file))
    reportInsertion(plan.toInsert, options, report)
  }
  if (plan.splices.length === 0) return { text, changed: false, report }
  // A section changed: this is an update, so the page's dates move to today.
  const out = applyUpdate(
    text,
    { body, bodyStart, hasFrontMatter: fm !== null },
    plan,
    options,
    report,
  )
  return { text: out, changed: out !== text, report }
}

type ToInsert = { name: SectionName; rendered: RenderedSection; options: SectionOptions }

interface SectionPlan {
  splices: Splice[]
  /** [from, to) of body lines the Action owns: their dates are not the author's. */
  managed: Array<[number, number]>
  toInsert: ToInsert[]
}

/** Each enabled section: rendered, then edited where its markers or heading are, or queued for
 * insertion on a first run. */
function planSections(
  body: BodyStructure,
  activity: Activity,
  options: EditOptions,
  report: EditReport,
): SectionPlan {
  const marked = findMarkedRegions(body, options.file)
  const plan: SectionPlan = { splices: [], managed: [], toInsert: [] }
  for (const name of SECTION_NAMES) {
    const sectionOptions = options.sections?.[name] ?? {}
    if (sectionOptions.enabled === false) {
      report.sections.push({ name, status: 'disabled', items: 0, omitted: 0 })
      continue
    }
    const rendered = renderSection(name, activity, sectionOptions, {
      timeZone: options.timeZone ?? 'UTC',
    })
    assertInert(rendered.lines)
    const empty = rendered.items === 0
    const content =
      empty && sectionOptions.empty !== undefined ? [sectionOptions.empty] : rendered.lines
    const section: PlacedSection = {
      name,
      entry: { name, items: rendered.items, omitted: rendered.omitted },
      content,
      keep: empty && sectionOptions.empty === undefined,
    }
    const region = marked.get(name)
    if (region) {
      plan.managed.push([region.startIndex, region.endIndex + 1])
      editBetweenMarkers(body, region, section, plan, report)
    } else if (sectionOptions.heading) {
      const heading = findHeading(body, sectionOptions.heading, options.file, name)
      editUnderHeading(body, sectionRange(body, heading), section, plan, report)
    } else if (empty) {
      // Nothing to show yet: inserting an empty section would make a PR out of nothing.
      report.sections.push({ ...section.entry, status: 'unchanged' })
      report.notes.push({
        message: `no ${name} to show yet; the section will be added when there are some`,
      })
    } else {
      plan.toInsert.push({
        name,
        rendered: { ...rendered, lines: content },
        options: sectionOptions,
      })
    }
  }
  return plan
}

interface PlacedSection {
  name: SectionName
  entry: { name: SectionName; items: number; omitted: number }
  content: string[]
  /** Nothing to list and no `empty` text: what is there stays. */
  keep: boolean
}

function editBetweenMarkers(
  body: BodyStructure,
  region: { startIndex: number; endIndex: number },
  section: PlacedSection,
  plan: SectionPlan,
  report: EditReport,
): void {
  const from = region.startIndex + 1
  const current = body.lines.slice(from, region.endIndex).map((l) => l.text)
  if (section.keep || sameLines(current, section.content)) {
    report.sections.push({ ...section.entry, status: 'unchanged', line: lineNumber(body, from) })
    if (section.keep) report.notes.push(keptNote(section.name))
    return
  }
  plan.splices.push({ from, to: region.endIndex, lines: section.content })
  report.sections.push({ ...section.entry, status: 'updated', line: lineNumber(body, from) })
}

function editUnderHeading(
  body: BodyStructure,
  { from, to }: { from: number; to: number },
  section: PlacedSection,
  plan: SectionPlan,
  report: EditReport,
): void {
  plan.managed.push([from, to])
  const current = body.lines.slice(from, to).map((l) => l.text)
  const lead = leadingBlank(current)
  const trail = to === body.lines.length ? 0 : trailingBlank(current.slice(lead))
  const middle = current.slice(lead, current.length - trail)
  if (section.keep || sameLines(middle, section.content)) {
    report.sections.push({ ...section.entry, status: 'unchanged', line: lineNumber(body, from) })
    if (section.keep) report.notes.push(keptNote(section.name))
    return
  }
  // Keep the author's spacing around the section; only the lines with text are ours.
  const before = lead === 0 ? [''] : []
  const after = trail === 0 && to < body.lines.length ? [''] : []
  plan.splices.push({
    from: from + lead,
    to: to - trail,
    lines: [...before, ...section.content, ...after],
  })
  report.sections.push({ ...section.entry, status: 'updated', line: lineNumber(body, from) })
}

function reportInsertion(toInsert: ToInsert[], options: EditOptions, report: EditReport): void {
  for (const { name, rendered } of toInsert) {
    report.sections.push({
      name,
      status: 'inserted',
      items: rendered.items,
      omitted: rendered.omitted,
    })
  }
  const where =
    options.insert?.at === 'after-heading'
      ? `at the end of the '${options.insert.heading}' section`
      : 'at the end of the page'
  report.notes.push({
    message: `inserted the ${toInsert.map((s) => `'${s.name}'`).join(' and ')} section${toInsert.length > 1 ? 's' : ''} ${where}; move the marked block anywhere you like`,
  })
}

/** The sections' splices, then every live date moved to today: body lines, then front matter. */
function applyUpdate(
  text: string,
  {
    body,
    bodyStart,
    hasFrontMatter,
  }: { body: BodyStructure; bodyStart: number; hasFrontMatter: boolean },
  plan: SectionPlan,
  options: EditOptions,
  report: EditReport,
): string {
  const eol = detectEol(text)
  const lineTexts = body.lines.map((l) => l.text)
  const bodyDates =
    options.updateBodyDate === false
      ? { lines: [], live: 0, notes: [] }
      : moveBodyDates(text, body, bodyStart, plan.managed, options)
  for (const edit of bodyDates.lines) {
    lineTexts[edit.index] = edit.text
    report.bodyDates.push({ line: edit.line, from: edit.from, to: edit.to })
  }
  report.notes.push(...bodyDates.notes)
  const newBody = applySplices(body, lineTexts, plan.splices, eol)
  // Front matter closed without a final newline and no body: the new body starts on a new line.
  const glue = newBody !== '' && bodyStart === text.length && !/[\r\n]$/.test(text) ? eol : ''
  const dates = updateFrontMatterDates(text.slice(0, bodyStart) + glue + newBody, {
    fields: explicitDateFields(options.dateFields),
    today: options.today,
    add: options.addDateField,
    file: options.file,
  })
  report.dateFields.push(...dates.fields)
  report.notes.push(...dates.notes)
  if (!hasFrontMatter && options.addDateField) {
    report.notes.push({
      message: `the page has no front matter, so '${options.addDateField}' was not added`,
    })
  }
  reportDates(report, bodyDates, dates, options)
  return dates.text
}

function checkToday(today: string): void {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(today)
  const d = m ? new Date(`${today}T00:00:00Z`) : undefined
  if (!m || !d || Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== today) {
    throw new NowPageError(
      `'today' must be a calendar date written YYYY-MM-DD, got ${JSON.stringify(today)}`,
      {
        input: 'today',
        hint: 'Pass the date in the author’s time zone, e.g. 2025-08-24',
      },
    )
  }
}

function keptNote(name: SectionName) {
  return { message: `no ${name} found in this period; the section keeps its current content` }
}

function assertInert(lines: readonly string[]): void {
  // Escaping makes this impossible; checking anyway costs nothing and turns a bug into an error
  // instead of a page whose sections the next run would misread.
  for (const line of lines) {
    if (looksLikeMarker(line) || /[\r\n]/.test(line)) {
      throw new Error(`internal error: rendered text looks like a marker: ${JSON.stringify(line)}`)
    }
  }
}

function sameLines(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((line, i) => line === b[i])
}

const isBlank = (s: string) => s.trim() === ''

function leadingBlank(lines: readonly string[]): number {
  let n = 0
  while (n < lines.length && isBlank(lines[n] as string)) n++
  return n
}

function trailingBlank(lines: readonly string[]): number {
  let n = 0
  while (n < lines.length && isBlank(lines[lines.length - 1 - n] as string)) n++
  return n
}

function lineNumber(body: BodyStructure, index: number): number | undefined {
  return body.lines[index]?.number ?? body.lines[body.lines.length - 1]?.number
}

function normalizeHeading(s: string): string {
  return s
    .replace(/^#+\s*/, '')
    .trim()
    .toLowerCase()
}

function findHeading(
  body: BodyStructure,
  wanted: string,
  file: string | undefined,
  name: SectionName,
): Heading {
  const target = normalizeHeading(wanted)
  const found = body.headings.filter((h) => h.text.toLowerCase() === target)
  if (found.length === 1) return found[0] as Heading
  const known = body.headings.map((h) => `"${h.text}"`).join(', ') || 'none'
  if (found.length > 1) {
    const at = found.map((h) => body.lines[h.index]?.number).join(' and ')
    throw new NowPageError(
      `heading "${wanted}" for the ${name} section appears more than once (lines ${at})`,
      {
        file,
        hint: 'Rename one of them, or use <!-- now-page:... --> markers instead',
      },
    )
  }
  throw new NowPageError(`heading "${wanted}" for the ${name} section was not found`, {
    file,
    hint: `Headings on the page: ${known}. Fix the ${name}-heading input or add the heading`,
  })
}

/** Lines after a heading up to the next heading of the same or a higher level. */
function sectionRange(body: BodyStructure, heading: Heading): { from: number; to: number } {
  const next = body.headings.find((h) => h.index > heading.index && h.depth <= heading.depth)
  return { from: heading.lastIndex + 1, to: next ? next.index : body.lines.length }
}

function planInsertion(
  body: BodyStructure,
  sections: ReadonlyArray<{
    name: SectionName
    rendered: RenderedSection
    options: SectionOptions
  }>,
  options: EditOptions,
  file: string | undefined,
): Splice {
  let end = body.lines.length
  let depth: number
  if (options.insert?.at === 'after-heading') {
    const wanted = options.insert.heading ?? ''
    const heading = findHeading(body, wanted, file, sections[0]?.name ?? 'contributions')
    end = sectionRange(body, heading).to
    depth = Math.min(heading.depth + 1, 6)
  } else {
    // Under the page's last heading's level, but never a second page title (h1).
    depth = Math.max(body.headings[body.headings.length - 1]?.depth ?? 2, 2)
  }
  // Insert after the last line with text, so the author's blank lines before the next heading
  // (or at the end of the file) stay where they are.
  let at = end
  while (at > 0 && isBlank(body.lines[at - 1]?.text ?? '')) at--
  refuseInsideOpenFence(body, at, file)
  const block: string[] = []
  for (const { name, rendered, options: section } of sections) {
    const title = section.title ?? sectionDefinition(name).defaultTitle
    if (at > 0 || block.length > 0) block.push('')
    if (title) block.push(title.startsWith('#') ? title : `${'#'.repeat(depth)} ${title}`, '')
    block.push(markerLine(name, 'start'), ...rendered.lines, markerLine(name, 'end'))
  }
  return { from: at, to: at, lines: block }
}

/** A code fence that is never closed runs to the end of the page: sections inserted after it
 * would be code, unseen by the next run, which would insert them again. */
function refuseInsideOpenFence(body: BodyStructure, at: number, file: string | undefined): void {
  const fence = body.unclosedFence
  if (!fence || at <= fence.index) return
  const line = body.lines[fence.index]?.number
  throw new NowPageError(
    `the code block opened on line ${line} is never closed, so sections inserted at the end would be inside it`,
    {
      file,
      line,
      hint: 'Close it with a fence of the same kind (``` or ~~~, at least as long as the opening one), or put the now-page markers where the sections belong',
    },
  )
}

/** Rebuilds the body from its original lines, the rewritten line texts and the splices. New
 * lines take the page's line ending; a page without a final newline keeps not having one. */
function applySplices(
  body: BodyStructure,
  lineTexts: readonly string[],
  splices: readonly Splice[],
  eol: string,
): string {
  const sorted = [...splices].sort((a, b) => a.from - b.from)
  const out: Array<{ text: string; eol: string }> = []
  let index = 0
  const copyUntil = (limit: number) => {
    for (; index < limit; index++) {
      const line = body.lines[index]
      if (line) out.push({ text: lineTexts[index] ?? line.text, eol: line.eol })
    }
  }
  for (const splice of sorted) {
    copyUntil(splice.from)
    for (const text of splice.lines) out.push({ text, eol })
    index = splice.to
  }
  copyUntil(body.lines.length)
  // Only the page's last line may lack a line ending, and only if it lacked one before.
  const endedWithoutNewline = body.lines[body.lines.length - 1]?.eol === ''
  out.forEach((line, i) => {
    if (i < out.length - 1 && line.eol === '') line.eol = eol
  })
  const last = out[out.length - 1]
  if (last && endedWithoutNewline) last.eol = ''
  return out.map((l) => l.text + l.eol).join('')
}
