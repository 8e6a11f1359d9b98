import {
  findDate,
  inferNumericOrder,
  isModificationPath,
  toIso,
  isPlainDateKey,
  parseIsoDate,
  rewriteValue,
  type FindOptions,
  type YMD,
} from '../dates/index.js'
import {
  detectMetadata,
  FORMATS,
  type FieldValue,
  type MetadataBlock,
  type MetadataFormat,
} from './formats/index.js'
import { findBodyDates } from './last-updated-line.js'
import { lineOf, readFrontMatter, type FrontMatter } from './front-matter.js'

export interface DateFieldChange {
  field: string
  from: string | null
  to: string
  line: number
}

export interface FrontMatterDatesResult {
  text: string
  fields: DateFieldChange[]
  notes: Array<{ line?: number; message: string }>
  /** Live date fields found, moved or already today: 0 means the page has none. */
  live: number
  /** Where the metadata block ends (the body starts), for header formats without delimiters. */
  blockEnd: number
}

export interface FrontMatterDatesOptions {
  /** Exactly these fields (dotted paths), instead of the ones that name a modification. */
  fields?: readonly string[]
  today: string
  add?: string
  file?: string
  /** For numeric dates like `03/04/2025` (see the dates module). */
  find?: FindOptions
}

/**
 * Moves the page's live metadata dates to `today`, rewriting only the characters of each value's
 * date (quoting, type, shape, precision, offset, comments and key order stay as written). Live:
 * every field whose key names a modification (`lastmod`, `updatedDate`, `extra.updated`…), else
 * the plain `date`; `fields` overrides that choice. Each edit is verified by reading the block
 * again: if anything but that one value changed, it is an internal error, never a damaged page.
 */
export function updateFrontMatterDates(
  text: string,
  opts: FrontMatterDatesOptions,
): FrontMatterDatesResult {
  const notes: FrontMatterDatesResult['notes'] = []
  const fields: DateFieldChange[] = []
  const block = detectMetadata(text, opts.file)
  if (!block) return { text, fields, notes, live: 0, blockEnd: 0 }
  const target = parseIsoDate(opts.today)
  // `03/04/2025` reads in the order the page's other numeric dates settle, if any do.
  const order = inferNumericOrder(text)
  const find: FindOptions = opts.find ?? (order ? { numericOrder: order } : {})
  const all = block.format
    .fields(text, block)
    .map((f) => ({ ...f, value: text.slice(f.start, f.end) }))
  const chosen = chooseLive(all, opts.fields, target, find)
  let out = text
  // Last first, so the offsets of the fields before stay right.
  for (const field of [...chosen].sort((a, b) => b.start - a.start)) {
    const name = fieldName(field.path)
    const line = lineOf(out, field.start)
    const change = rewriteValue(field.value, field.type, target, find)
    if (!change) {
      if (opts.fields && !isDateLike(field, target, find)) {
        notes.push({
          line,
          message: `front-matter field '${name}' holds ${JSON.stringify(field.value)}, not a date I can update; left as it is`,
        })
      }
      continue
    }
    const next = out.slice(0, field.start) + change.text + out.slice(field.end)
    if (!verify(out, next, block.format, field.path, opts.file)) {
      notes.push({ line, message: unsafeNote(name) })
      continue
    }
    out = next
    fields.unshift({ field: name, from: change.from, to: change.to, line })
    if (change.note) notes.push({ line, message: `front-matter field '${name}': ${change.note}` })
    if (change.guessedOrder) notes.push({ line, message: guessNote(name, change.guessedOrder) })
  }
  const phrased = phraseDates(out, block, chosen, opts)
  out = phrased.text
  fields.push(...phrased.fields)
  notes.push(...phrased.notes)
  const live = chosen.filter((f) => isDateLike(f, target, find)).length + phrased.live
  const added = addRequested(out, opts, live)
  if (added.field) fields.push(added.field)
  notes.push(...added.notes)
  const blockEnd = block.end + (added.text.length - out.length)
  return { text: added.text, fields, notes, live: live + (added.field ? 1 : 0), blockEnd }
}

type Field = FieldValue & { value: string }

/** The page's own last-updated date (`YYYY-MM-DD`) from its live metadata field, for
 * `since: page`; undefined when it has none that reads as a full date. */
export function liveMetadataDate(
  text: string,
  opts: { fields?: readonly string[]; file?: string } = {},
): string | undefined {
  const block = detectMetadata(text, opts.file)
  if (!block) return undefined
  const probe = { year: 1970, month: 1, day: 1 }
  const all = block.format
    .fields(text, block)
    .map((f) => ({ ...f, value: text.slice(f.start, f.end) }))
  for (const field of chooseLive(all, opts.fields, probe)) {
    if (/^\d{13}$|^\d{10}$/.test(field.value)) {
      const ms = Number(field.value) * (field.value.length === 10 ? 1000 : 1)
      return new Date(ms).toISOString().slice(0, 10)
    }
    const d = findDate(field.value)?.date
    if (d?.year !== undefined && d.day !== undefined)
      return toIso({ year: d.year, month: d.month, day: d.day })
  }
  return undefined
}

/** How many live metadata dates the page has (moved or not), without changing anything. */
export function countLiveFields(
  text: string,
  opts: { fields?: readonly string[]; today: string; file?: string },
): number {
  const block = detectMetadata(text, opts.file)
  if (!block) return 0
  const target = parseIsoDate(opts.today)
  const all = block.format
    .fields(text, block)
    .map((f) => ({ ...f, value: text.slice(f.start, f.end) }))
  return chooseLive(all, opts.fields, target).filter((f) => isDateLike(f, target)).length
}

/** A text field that announces the update itself (`meta: "Última atualização <time…>"`): its
 * date moves like a body line's. */
function phraseDates(
  text: string,
  block: MetadataBlock,
  chosen: readonly Field[],
  opts: FrontMatterDatesOptions,
): {
  text: string
  fields: DateFieldChange[]
  live: number
  notes: FrontMatterDatesResult['notes']
} {
  let out = text
  let live = 0
  const fields: DateFieldChange[] = []
  const notes: FrontMatterDatesResult['notes'] = []
  const taken = new Set(chosen.map((c) => c.path.join('\0')))
  const current = block.format.detect(text, opts.file) ?? block
  const others = block.format
    .fields(text, current)
    .filter((f) => f.type === 'string' && !taken.has(f.path.join('\0')))
  for (const field of others.sort((a, b) => b.start - a.start)) {
    const value = out.slice(field.start, field.end)
    const found = findBodyDates(value, opts.today, { phrasesOnly: true })
    live += found.live
    if (found.edits.length === 0) continue
    let next = value
    for (const e of [...found.edits].reverse())
      next = next.slice(0, e.start) + e.to + next.slice(e.end)
    const page = out.slice(0, field.start) + next + out.slice(field.end)
    const name = field.path.join('.')
    if (!verify(out, page, block.format, field.path, opts.file)) {
      notes.push({ line: lineOf(out, field.start), message: unsafeNote(name) })
      continue
    }
    out = page
    for (const e of found.edits)
      fields.push({ field: name, from: e.from, to: e.to, line: lineOf(out, field.start + e.start) })
  }
  return { text: out, fields, live, notes }
}

function chooseLive(
  all: Field[],
  explicit: readonly string[] | undefined,
  target: YMD,
  find?: FindOptions,
): Field[] {
  if (explicit) {
    const wanted = new Set(explicit)
    return all.filter(
      (f) => wanted.has(f.path.join('.')) || wanted.has(f.path.join('.').replace(/^#\+/, '')),
    )
  }
  const key = (f: Field) => f.path.filter((p) => !/^\d+$/.test(p)).at(-1) ?? ''
  const modified = all.filter((f) => isModificationPath(f.path) && isDateLike(f, target, find))
  if (modified.length > 0) return modified
  return all.filter(
    (f) => f.path.length === 1 && isPlainDateKey(key(f)) && isDateLike(f, target, find),
  )
}

function isDateLike(f: Field, target: YMD, find?: FindOptions): boolean {
  if (f.type === 'date') return true
  if (/^\d{13}$|^\d{10}$/.test(f.value)) return true
  if (f.type === 'number') return false
  // Already today, or rewritable: either way a date.
  const probe = { year: target.year === 1970 ? 1971 : 1970, month: 1, day: 1 }
  return rewriteValue(f.value, f.type, probe, find) !== undefined
}

function fieldName(path: string[]): string {
  return path.join('.')
}

function guessNote(name: string, order: string): string {
  return `front-matter field '${name}': nothing on the page says whether its date is day-first or month-first; assumed ${order === 'dmy' ? 'day/month/year' : 'month/day/year'}`
}

/** `add-date-field`: adds the field (a bare date) when the page has no live date. */
function addRequested(text: string, opts: FrontMatterDatesOptions, live: number) {
  const notes: FrontMatterDatesResult['notes'] = []
  const fm = opts.add ? readFrontMatter(text, opts.file) : null
  if (!opts.add || live > 0 || !fm || opts.add in fm.data) return { text, notes, field: undefined }
  const format = FORMATS.find((f) => f.name === fm.kind)
  const added = /^[A-Za-z0-9_-]+$/.test(opts.add)
    ? format?.add?.(text, fm, opts.add, opts.today)
    : undefined
  if (!added) {
    notes.push({ message: `could not add '${opts.add}' to this front matter; add it by hand` })
    return { text, notes, field: undefined }
  }
  verifyAdded(text, added.text, fm, opts.add, opts.file)
  return {
    text: added.text,
    notes,
    field: { field: opts.add, from: null, to: opts.today, line: lineOf(added.text, added.offset) },
  }
}

const unsafeNote = (name: string) =>
  `front-matter field '${name}' could not be rewritten without touching other values; left as it is`

/** Re-reads the edited block and checks that only the value at `path` changed. A surprise
 * (anchors, duplicate keys, a parser quirk) leaves the field alone rather than the page damaged. */
function verify(
  before: string,
  after: string,
  format: MetadataFormat,
  path: string[],
  file?: string,
): boolean {
  let block: MetadataBlock | null
  try {
    block = format.detect(after, file)
  } catch {
    return false
  }
  const old = format.detect(before, file)
  const strip = (data: unknown) =>
    canonical(
      withoutPath(
        data,
        format.name === 'org' || format.name === 'pelican' || format.name === 'rst-meta'
          ? undefined
          : path,
      ),
    )
  const ok =
    block !== null &&
    old !== null &&
    after.length - before.length === block.end - old.end &&
    (format.name === 'org' || format.name === 'pelican' || format.name === 'rst-meta'
      ? sameExceptOne(format.data(before, old, file), format.data(after, block, file))
      : strip(format.data(before, old, file)) === strip(format.data(after, block, file)))
  return ok
}

/** Header formats list [key, value] pairs: the same keys, and all values equal but one. */
function sameExceptOne(a: unknown, b: unknown): boolean {
  if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false
  const pairs = a as Array<[string, string]>
  const next = b as Array<[string, string]>
  if (pairs.some(([key], i) => next[i]?.[0] !== key)) return false
  return pairs.filter(([, value], i) => next[i]?.[1] !== value).length === 1
}

function withoutPath(data: unknown, path: string[] | undefined): unknown {
  if (!path) return data
  const copy = JSON.parse(canonical(data)) as unknown
  let node = copy as Record<string, unknown> | undefined
  for (const key of path.slice(0, -1)) node = node?.[key] as Record<string, unknown> | undefined
  if (node && typeof node === 'object') delete node[path.at(-1) as string]
  return copy
}

function verifyAdded(
  before: string,
  after: string,
  fm: FrontMatter,
  field: string,
  file?: string,
): void {
  const next = readFrontMatter(after, file)
  const keys = next ? Object.keys(next.data).filter((k) => k !== field) : []
  const ok =
    next !== null &&
    field in next.data &&
    canonical(keys) === canonical(Object.keys(fm.data)) &&
    keys.every((k) => canonical(fm.data[k]) === canonical(next.data[k])) &&
    after.length - before.length === next.bodyStart - fm.bodyStart
  if (!ok)
    throw new Error(
      `internal error: adding front-matter field '${field}' would change more than that`,
    )
}

function canonical(value: unknown): string {
  return (
    JSON.stringify(value, (_k, v: unknown) =>
      v instanceof Date ? `date:${v.toISOString()}` : v,
    ) ?? 'undefined'
  )
}
