import { parseTree, type Node as JsonNode } from 'jsonc-parser'
import { isMap, isScalar, parseDocument } from 'yaml'
import { findDate, parseIsoDate, rewriteDate } from '../dates/index.js'
import { lineOf, readFrontMatter, type FrontMatter } from './front-matter.js'
import { detectEol, splitLines } from './lines.js'

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
}

/** Where a root-level value's source characters are, as offsets into the page. */
interface Span {
  start: number
  end: number
}

const TOML_DATE_RE =
  /^\d{4}-\d{2}-\d{2}(?:[Tt ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:[Zz]|[+-]\d{2}:\d{2})?)?/
const TOML_STRING_RE = /^(?:"(?:[^"\\\r\n]|\\.)*"|'[^'\r\n]*')/

/**
 * Moves the front matter's date fields to `today` by rewriting only the characters of each
 * value's calendar date: quoting, time of day, offset, comments, spacing and key order stay as
 * written. Each edit is verified by parsing the result again: if anything but that one value
 * changed, it is an internal error, never a silently damaged page.
 */
export function updateFrontMatterDates(
  text: string,
  fm: FrontMatter,
  opts: { fields: readonly string[]; today: string; add?: string; file?: string },
): FrontMatterDatesResult {
  const fields: DateFieldChange[] = []
  const notes: FrontMatterDatesResult['notes'] = []
  let out = text
  let current = fm
  const target = parseIsoDate(opts.today)
  for (const field of opts.fields) {
    if (!(field in current.data)) continue
    const span = locate(out, current, field)
    const line = span ? lineOf(out, span.start) : current.contentLine
    if (!span) {
      notes.push({
        line,
        message: `front-matter field '${field}' is not a plain date value, left as it is`,
      })
      continue
    }
    const token = out.slice(span.start, span.end)
    const iso = /\d{4}-\d{2}-\d{2}/.exec(token)
    let from: string
    let to: string
    let at: number
    if (iso) {
      from = iso[0]
      to = opts.today
      at = iso.index
      if (from === to) continue
    } else {
      const found = findDate(token)
      if (!found) {
        notes.push({
          line,
          message: `front-matter field '${field}' holds ${token}, not a date I can update; left as it is`,
        })
        continue
      }
      const written = rewriteDate(found, target)
      if (written === undefined) continue
      from = found.text
      to = written
      at = found.start
    }
    const next = out.slice(0, span.start + at) + to + out.slice(span.start + at + from.length)
    current = verify(out, next, current, field, opts.file)
    out = next
    fields.push({ field, from, to, line })
  }
  if (opts.add && !(opts.add in current.data)) {
    const added = addField(out, current, opts.add, opts.today)
    if (added) {
      current = verify(out, added.text, current, opts.add, opts.file, true)
      out = added.text
      fields.push({ field: opts.add, from: null, to: opts.today, line: lineOf(out, added.offset) })
    } else {
      notes.push({ message: `could not add '${opts.add}' to this front matter; add it by hand` })
    }
  }
  return { text: out, fields, notes }
}

function locate(text: string, fm: FrontMatter, field: string): Span | undefined {
  if (fm.kind === 'toml') return locateToml(text, fm, field)
  if (fm.kind === 'yaml') return locateYaml(text, fm, field)
  return locateJson(text, fm, field)
}

function locateToml(text: string, fm: FrontMatter, field: string): Span | undefined {
  const content = text.slice(fm.contentStart, fm.contentEnd)
  const escaped = field.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  const keyRe = new RegExp(`^[ \\t]*(?:${escaped}|"${escaped}"|'${escaped}')[ \\t]*=[ \\t]*`)
  for (const line of splitLines(content, fm.contentStart)) {
    // Root keys come before the first table; a `date` under [params] is not the page's date.
    if (/^[ \t]*\[/.test(line.text)) break
    const key = keyRe.exec(line.text)
    if (!key) continue
    const rest = line.text.slice(key[0].length)
    const value = TOML_DATE_RE.exec(rest) ?? TOML_STRING_RE.exec(rest)
    if (!value) return undefined
    const start = line.start + key[0].length
    return { start, end: start + value[0].length }
  }
  return undefined
}

function locateYaml(text: string, fm: FrontMatter, field: string): Span | undefined {
  const content = text.slice(fm.contentStart, fm.contentEnd)
  const doc = parseDocument(content, { keepSourceTokens: true })
  if (!isMap(doc.contents)) return undefined
  for (const pair of doc.contents.items) {
    if (!isScalar(pair.key) || pair.key.value !== field) continue
    const value = pair.value
    if (!isScalar(value) || !value.range) return undefined
    if (value.type !== 'PLAIN' && value.type !== 'QUOTE_DOUBLE' && value.type !== 'QUOTE_SINGLE') {
      return undefined
    }
    return { start: fm.contentStart + value.range[0], end: fm.contentStart + value.range[1] }
  }
  return undefined
}

function rootJson(text: string, fm: FrontMatter): JsonNode | undefined {
  return parseTree(text.slice(fm.contentStart, fm.contentEnd))
}

function locateJson(text: string, fm: FrontMatter, field: string): Span | undefined {
  const root = rootJson(text, fm)
  for (const prop of root?.children ?? []) {
    const [key, value] = prop.children ?? []
    if (key?.value !== field || !value) continue
    if (value.type !== 'string') return undefined
    return {
      start: fm.contentStart + value.offset,
      end: fm.contentStart + value.offset + value.length,
    }
  }
  return undefined
}

/** Adds `field` as a bare date (a string in JSON) after the last root-level key. */
function addField(
  text: string,
  fm: FrontMatter,
  field: string,
  today: string,
): { text: string; offset: number } | undefined {
  const eol = detectEol(text)
  if (!/^[A-Za-z0-9_-]+$/.test(field)) return undefined
  if (fm.kind === 'json') {
    const root = rootJson(text, fm)
    const last = root?.children?.at(-1)
    if (!last) return undefined
    const at = fm.contentStart + last.offset + last.length
    const lineStart = text.lastIndexOf('\n', fm.contentStart + last.offset) + 1
    const indent = /^[ \t]*/.exec(text.slice(lineStart))?.[0] ?? '  '
    const insert = `,${eol}${indent}"${field}": "${today}"`
    return { text: text.slice(0, at) + insert + text.slice(at), offset: at + insert.length - 1 }
  }
  let at = fm.contentEnd
  if (fm.kind === 'toml') {
    const lines = splitLines(text.slice(fm.contentStart, fm.contentEnd), fm.contentStart)
    const table = lines.find((l) => /^[ \t]*\[/.test(l.text))
    if (table) {
      at = table.start
      // Before the blank lines that separate the root keys from the first table.
      const before = lines.filter((l) => l.start < table.start)
      for (let i = before.length - 1; i >= 0 && (before[i]?.text.trim() ?? '') === ''; i--) {
        at = before[i]?.start ?? at
      }
    }
  }
  const line = fm.kind === 'toml' ? `${field} = ${today}${eol}` : `${field}: ${today}${eol}`
  return { text: text.slice(0, at) + line + text.slice(at), offset: at }
}

/** Re-reads the edited front matter and checks that only `field` changed. */
function verify(
  before: string,
  after: string,
  fm: FrontMatter,
  field: string,
  file: string | undefined,
  added = false,
): FrontMatter {
  const next = readFrontMatter(after, file)
  const ok =
    next !== null &&
    next.kind === fm.kind &&
    after.length - before.length === next.bodyStart - fm.bodyStart &&
    Object.keys(next.data).join('\n') ===
      (added ? [...Object.keys(fm.data), field] : Object.keys(fm.data))
        .sort(keyOrder(next.data))
        .join('\n') &&
    Object.keys(fm.data).every(
      (k) => k === field || canonical(fm.data[k]) === canonical(next.data[k]),
    ) &&
    (added || canonical(fm.data[field]) !== canonical(next.data[field]))
  if (!ok || !next) {
    throw new Error(
      `internal error: updating front-matter field '${field}' would change more than its date`,
    )
  }
  return next
}

function keyOrder(data: Record<string, unknown>) {
  const order = Object.keys(data)
  return (a: string, b: string) => order.indexOf(a) - order.indexOf(b)
}

function canonical(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v instanceof Date ? `date:${v.toISOString()}` : v,
  )
}
