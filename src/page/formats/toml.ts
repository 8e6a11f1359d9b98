import TOML from '@iarna/toml'
import TOMLParser from '@iarna/toml/lib/toml-parser.js'
import { NowPageError } from '../../errors.js'
import { headline, type Added, type FieldValue, type FrontMatter } from './format.js'
import { detectEol, splitLines } from '../lines.js'

/** TOML front matter (`+++`, Hugo and Zola): strict parsing with line numbers, and each value's
 * bytes from the parser's own offsets. */
export function parseToml(
  s: string,
  file: string | undefined,
  firstLine: number,
): Record<string, unknown> {
  try {
    return TOML.parse(s) as Record<string, unknown>
  } catch (e) {
    const err = e as Error & { line?: number; col?: number }
    const line = typeof err.line === 'number' ? firstLine + err.line : firstLine
    throw new NowPageError(`invalid TOML front matter: ${headline(err.message)}`, {
      file,
      line,
      hint: 'Fix the TOML syntax on that line (strings need quotes; dates are written 2025-08-03)',
    })
  }
}

const OFFSET = Symbol('offset')

/**
 * @iarna/toml's own parser, taught to remember where each assigned value starts (the technique
 * of release-please's toml-edit): the value's bytes come from the parser that read them, so
 * dotted keys, quoted keys, [tables] and [[arrays of tables]] all land on the right bytes.
 */
class OffsetTomlParser extends TOMLParser {
  private starts: number[] = []
  override parseValue(): unknown {
    // `pos` is one past the character being read.
    this.starts.push(this.pos - 1)
    return super.parseValue()
  }
  override recordAssignValue(value: unknown): unknown {
    const start = this.starts.pop()
    const tagged: unknown = typeof value === 'string' ? new String(value) : value
    if (tagged !== null && typeof tagged === 'object' && start !== undefined) {
      Object.defineProperty(tagged, OFFSET, { value: start })
    }
    return super.recordAssignValue(tagged)
  }
  override recordInlineListValue(value: unknown): unknown {
    this.starts.pop()
    return super.recordInlineListValue(value)
  }
}

const TOML_DATE =
  /^\d{4}-\d{2}-\d{2}(?:[Tt ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:[Zz]|[+-]\d{2}:\d{2})?)?/
const TOML_STRING = /^(?:"(?:[^"\\\r\n]|\\.)*"|'[^'\r\n]*')/

export function tomlFields(text: string, fm: FrontMatter): FieldValue[] {
  // A CR before LF becomes a space: same offsets, and the parser accepts it after a comment.
  const content = text.slice(fm.contentStart, fm.contentEnd).replace(/\r(?=\n)/g, ' ')
  const parser = new OffsetTomlParser()
  parser.parse(content)
  const out: FieldValue[] = []
  const walk = (value: unknown, path: string[]) => {
    if (value === null || typeof value !== 'object') return
    const at = (value as { [OFFSET]?: number })[OFFSET]
    if (at !== undefined && (value instanceof Date || value instanceof String)) {
      const rest = content.slice(at)
      const date = value instanceof Date ? TOML_DATE.exec(rest) : null
      const str = value instanceof String ? TOML_STRING.exec(rest) : null
      if (date)
        out.push({
          path,
          start: fm.contentStart + at,
          end: fm.contentStart + at + date[0].length,
          type: 'date',
        })
      if (str)
        out.push({
          path,
          start: fm.contentStart + at + 1,
          end: fm.contentStart + at + str[0].length - 1,
          type: 'string',
        })
      return
    }
    for (const [k, v] of Object.entries(value)) walk(v, [...path, k])
  }
  walk(parser.finish(), [])
  return out
}

/** `field = 2025-08-24` (a TOML date) after the root keys, before the first [table] and the
 * blank lines that separate it. */
export function addToml(text: string, fm: FrontMatter, field: string, today: string): Added {
  const lines = splitLines(text.slice(fm.contentStart, fm.contentEnd), fm.contentStart)
  const table = lines.find((l) => /^[ \t]*\[/.test(l.text))
  let at = fm.contentEnd
  if (table) {
    at = table.start
    const before = lines.filter((l) => l.start < table.start)
    for (let i = before.length - 1; i >= 0 && (before[i]?.text.trim() ?? '') === ''; i--) {
      at = before[i]?.start ?? at
    }
  }
  const line = `${field} = ${today}${detectEol(text)}`
  return { text: text.slice(0, at) + line + text.slice(at), offset: at }
}
