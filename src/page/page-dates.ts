import { detectMetadata } from './formats/index.js'
import { findBodyDates } from './last-updated-line.js'
import { countLiveFields, type FrontMatterDatesResult } from './front-matter-dates.js'
import type { BodyStructure } from './markdown-structure.js'
import { DEFAULT_DATE_FIELDS, type EditOptions, type EditReport } from './types.js'

export interface BodyLineEdit {
  index: number
  text: string
  line: number
  from: string
  to: string
  guessedOrder?: 'dmy' | 'mdy'
}

/**
 * The body's live dates, as rewritten line texts. `managed` are the line ranges the Action owns
 * (never read for dates); a Pelican/Org/reST header at the top of the body is the metadata's
 * business, not the body's.
 */
export function moveBodyDates(
  page: string,
  body: BodyStructure,
  bodyStart: number,
  managed: ReadonlyArray<readonly [number, number]>,
  options: EditOptions,
): { lines: BodyLineEdit[]; live: number; notes: EditReport['notes'] } {
  const { today, file } = options
  const text = page.slice(bodyStart)
  const at = (index: number) => (body.lines[index]?.start ?? page.length) - bodyStart
  const ranges: Array<[number, number]> = managed.map(([a, b]) => [at(a), at(b)])
  for (const [from, to] of codeRuns(body, file)) ranges.push([at(from), at(to)])
  const header = detectMetadata(page)
  if (header && !['toml', 'yaml', 'json'].includes(header.format.name)) {
    ranges.push([header.start - bodyStart, header.end - bodyStart])
  }
  const headings = body.headings.map((h) => ({ start: at(h.index), depth: h.depth, text: h.text }))
  const fields = explicitDateFields(options.dateFields)
  const metadataLive =
    countLiveFields(page, { today, ...(fields ? { fields } : {}), ...(file ? { file } : {}) }) > 0
  const found = findBodyDates(text, today, { ranges, headings, metadataLive })
  const lines: BodyLineEdit[] = []
  for (const edit of [...found.edits].reverse()) {
    const index = body.lines.findIndex(
      (l, i) => at(i) <= edit.start && edit.start < at(i) + l.text.length,
    )
    const line = body.lines[index]
    if (!line || edit.end > at(index) + line.text.length) continue
    const current = lines.find((l) => l.index === index)?.text ?? line.text
    const col = edit.start - at(index)
    const next = current.slice(0, col) + edit.to + current.slice(col + edit.end - edit.start)
    const entry = {
      index,
      text: next,
      line: line.number,
      from: edit.from,
      to: edit.to,
      ...(edit.guessedOrder ? { guessedOrder: edit.guessedOrder } : {}),
    }
    const existing = lines.findIndex((l) => l.index === index)
    if (existing >= 0)
      lines[existing] = {
        ...entry,
        from: `${edit.from}; ${lines[existing]?.from}`,
        to: `${edit.to}; ${lines[existing]?.to}`,
      }
    else lines.push(entry)
  }
  const notes = found.notes.map((n) => ({
    line: body.lines.find((l, i) => at(i) <= n.offset && n.offset <= at(i) + l.text.length)?.number,
    message: n.message,
  }))
  return { lines: lines.reverse(), live: found.live, notes }
}

/**
 * Line ranges of code whose dates never move: fenced blocks always; indented blocks in Markdown
 * unless they hold HTML, because templates (.njk, .html) and HTML blocks indent their markup
 * and CommonMark would call that code.
 */
function codeRuns(body: BodyStructure, file: string | undefined): Array<[number, number]> {
  const markdown = !file || /\.(?:md|markdown|mdx|mdown|mkd)$/i.test(file)
  const runs: Array<[number, number]> = []
  for (let i = 0; i < body.lines.length; i++) {
    if (!body.inCode[i]) continue
    let j = i
    while (j < body.lines.length && body.inCode[j]) j++
    const lines = body.lines.slice(i, j).map((l) => l.text)
    const fenced = /^\s*(?:```|~~~)/.test(lines[0] ?? '')
    if (fenced || (markdown && !lines.some((l) => /<\/?[a-zA-Z][^>]*>/.test(l)))) runs.push([i, j])
    i = j
  }
  return runs
}

/** `date-fields` is an explicit choice only when it differs from the built-in default, which
 * means "the fields that name a modification, else `date`". */
export function explicitDateFields(fields: EditOptions['dateFields']): string[] | undefined {
  if (!fields) return undefined
  const same =
    fields.length === DEFAULT_DATE_FIELDS.length &&
    fields.every((f, i) => f === DEFAULT_DATE_FIELDS[i])
  return same ? undefined : fields
}

/** Fills the report's list of moved dates and, for a page without a live date, a suggestion. */
export function reportDates(
  report: EditReport,
  body: ReturnType<typeof moveBodyDates>,
  meta: FrontMatterDatesResult | undefined,
  options: EditOptions,
): void {
  for (const f of meta?.fields ?? []) {
    report.movedDates.push({ kind: 'field', name: f.field, line: f.line, from: f.from, to: f.to })
  }
  for (const l of body.lines) {
    const guess = l.guessedOrder ? { guessedOrder: l.guessedOrder } : {}
    report.movedDates.push({
      kind: 'line',
      name: `line ${l.line}`,
      line: l.line,
      from: l.from,
      to: l.to,
      ...guess,
    })
    if (l.guessedOrder) {
      report.notes.push({
        line: l.line,
        message: `nothing on the page says whether ${l.from} is day-first or month-first; assumed ${l.guessedOrder === 'dmy' ? 'day/month/year' : 'month/day/year'}`,
      })
    }
  }
  report.movedDates.sort((a, b) => a.line - b.line)
  // With body dates turned off, the body was not read: no claim about it.
  if (options.updateBodyDate !== false && body.live === 0 && (meta?.live ?? 0) === 0) {
    report.noLiveDate = {
      suggestion: meta?.blockEnd
        ? `set the add-date-field input (e.g. add-date-field: lastmod) or add a line such as "Last updated: ${options.today}"`
        : `add a line such as "Last updated: ${options.today}" to the page`,
    }
  }
}

export { explainDates } from './explain-dates.js'
