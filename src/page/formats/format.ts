/** The delimited front-matter kinds (read by front-matter.ts). */
export type FrontMatterKind = 'toml' | 'yaml' | 'json'

export interface FrontMatter {
  kind: FrontMatterKind
  /** Offset of the block's first character (after a BOM and blank lines). */
  start: number
  /** Offset of the first character of the block's content (the line after the opening delimiter;
   * for JSON, the opening brace). */
  contentStart: number
  /** Offset just past the content (the closing delimiter line's start; for JSON, past `}`). */
  contentEnd: number
  /** Offset where the body begins: after the closing delimiter line and its line ending. */
  bodyStart: number
  /** 1-based line of the body's first line in the file. */
  bodyLine: number
  /** 1-based file line of the content's first line. */
  contentLine: number
  data: Record<string, unknown>
}

/** One scalar value of a page's metadata, with where its characters are. */
export interface FieldValue {
  /** Keys from the root (`['extra', 'updated']`; array items by index). */
  path: string[]
  /** The characters that hold the value, quotes excluded. */
  start: number
  end: number
  /** A native date (TOML date, YAML timestamp), a number, or text. */
  type: 'date' | 'number' | 'string'
}

/** Where a page's metadata is: the bytes it spans. */
export interface MetadataBlock {
  format: MetadataFormat
  start: number
  /** Just past the block (its closing delimiter line included): the body starts here. */
  end: number
}

/**
 * A metadata format: how to find it at the top of a page, how to list its values with their
 * bytes, and what it means (for checking that an edit changed only what it meant to).
 */
export interface MetadataFormat {
  name: 'toml' | 'yaml' | 'json' | 'pelican' | 'org' | 'rst-meta'
  detect(text: string, file?: string): MetadataBlock | null
  fields(text: string, block: MetadataBlock): FieldValue[]
  /** The block's data, as plain JSON-able values, to verify edits. */
  data(text: string, block: MetadataBlock, file?: string): unknown
  /** Writes a new root field holding `today` (`add-date-field`), in the format's own syntax
   * and the page's line endings; undefined when it cannot. */
  add?(text: string, fm: FrontMatter, field: string, today: string): Added | undefined
}

export interface Added {
  text: string
  /** Offset of the new field, for the report's line number. */
  offset: number
}

/** `Key: value` lines (Pelican, Org, reST): each line's value is one string field. */
export function lineFields(
  text: string,
  block: MetadataBlock,
  re: RegExp,
): Array<FieldValue & { key: string }> {
  const out: Array<FieldValue & { key: string }> = []
  const lineRe = /[^\r\n]*(?:\r\n|\n|\r|$)/g
  lineRe.lastIndex = block.start
  for (let m = lineRe.exec(text); m && m.index < block.end; m = lineRe.exec(text)) {
    if (m[0] === '') break
    const hit = re.exec(m[0].replace(/[\r\n]+$/, ''))
    if (hit?.groups?.key !== undefined && hit.groups.value !== undefined) {
      const value = hit.groups.value.replace(/\s+$/, '')
      const start = m.index + (hit.index + hit[0].length - hit.groups.value.length)
      out.push({
        key: hit.groups.key,
        path: [hit.groups.key],
        start,
        end: start + value.length,
        type: 'string',
      })
    }
  }
  return out
}

export function lineEnd(text: string, from: number): { end: number; next: number } {
  const m = /\r\n|\n|\r/g
  m.lastIndex = from
  const hit = m.exec(text)
  return hit
    ? { end: hit.index, next: hit.index + hit[0].length }
    : { end: text.length, next: text.length + 1 }
}

export function lineOf(text: string, offset: number): number {
  let line = 1
  for (const m of text.slice(0, offset).matchAll(/\r\n|\n|\r/g)) if (m) line++
  return line
}

export function headline(message: string): string {
  return (message.split('\n')[0] ?? '').replace(/:$/, '')
}

/**
 * The block of `Key: value`-like lines at the top of a page: consecutive lines that all match
 * `line` (blank lines allowed where `blankInside`), ending at the first other line.
 */
export function topBlock(
  format: MetadataFormat,
  text: string,
  line: RegExp,
  opts: { blankInside: boolean; known?: RegExp; skip?: RegExp },
): MetadataBlock | null {
  const start = text.startsWith('\uFEFF') ? 1 : 0
  const lineRe = /[^\r\n]*(?:\r\n|\n|\r|$)/g
  lineRe.lastIndex = start
  let end = start
  let matched = 0
  let known = false
  for (let m = lineRe.exec(text); m && m[0] !== ''; m = lineRe.exec(text)) {
    const content = m[0].replace(/[\r\n]+$/, '')
    const hit = line.exec(content)
    if (hit) {
      matched++
      if (!opts.known || opts.known.test(hit.groups?.key ?? '')) known = true
    } else if (content.trim() === '' && matched === 0) {
      // leading blank lines
    } else if (opts.skip?.test(content) || (opts.blankInside && content.trim() === '')) {
      // comments, wrappers, blank lines between keywords
    } else break
    end = m.index + m[0].length
  }
  return matched > 0 && known ? { format, start, end } : null
}

export function pairs(
  fields: ReadonlyArray<{ key: string; start: number; end: number }>,
  text: string,
) {
  return fields.map((f) => [f.key, text.slice(f.start, f.end)])
}
