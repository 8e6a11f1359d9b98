import TOML from '@iarna/toml'
import matter from 'gray-matter'
import { parseTree, type ParseError, printParseErrorCode } from 'jsonc-parser'
import { parse as parseYaml, YAMLParseError } from 'yaml'
import { NowPageError } from '../errors.js'
import { splitLines, type Line } from './lines.js'

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

const OPENERS: Array<{ re: RegExp; kind: FrontMatterKind; close: RegExp }> = [
  { re: /^\+\+\+([^\r\n]*)$/, kind: 'toml', close: /^\+\+\+[ \t]*$/ },
  { re: /^---([^\r\n]*)$/, kind: 'yaml', close: /^(?:---|\.\.\.)[ \t]*$/ },
]

/**
 * Reads the front matter: TOML between `+++`, YAML between `---`, or a JSON object at the top
 * (Hugo's form). Only the data is read; the page core never re-serializes it. Languages that
 * execute code (`---js`, `---coffee`, anything but toml/yaml/json) are refused, never evaluated.
 */
export function readFrontMatter(text: string, file?: string): FrontMatter | null {
  const bom = text.startsWith('\uFEFF') ? 1 : 0
  const blank = /^(?:[ \t]*(?:\r\n|\n|\r))+/.exec(text.slice(bom))
  if (blank) {
    // Hugo reads front matter after blank lines; a block there counts only if it reads as one.
    try {
      return readFrontMatterAt(text, bom + blank[0].length, file)
    } catch {
      return null
    }
  }
  return readFrontMatterAt(text, bom, file)
}

function readFrontMatterAt(text: string, start: number, file?: string): FrontMatter | null {
  const firstEnd = lineEnd(text, start)
  const first = text.slice(start, firstEnd.end)
  if (/^\{[ \t]*$/.test(first)) return readJson(text, start, file)
  const opener = OPENERS.find((o) => o.re.test(first))
  if (!opener) return null
  const language = (opener.re.exec(first)?.[1] ?? '').trim().toLowerCase()
  const kind: FrontMatterKind | undefined =
    language === '' ? opener.kind : (['toml', 'yaml', 'json'] as const).find((k) => k === language)
  if (!kind) {
    throw new NowPageError(
      `front matter in '${language}' is refused: it would run code, and only TOML, YAML and JSON are read`,
      { file, line: 1, hint: `Write the front matter as TOML (+++) or YAML (---)` },
    )
  }
  const firstLine = lineOf(text, start)
  const lines = splitLines(text.slice(start), start, firstLine)
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i] as Line
    if (!opener.close.test(line.text)) continue
    const contentStart = (lines[1] as Line).start
    const data = parseBlock(
      text.slice(contentStart, line.start),
      kind,
      file,
      opener === OPENERS[0] ? '+++' : '---',
    )
    return {
      kind,
      start,
      contentStart,
      contentEnd: line.start,
      bodyStart: line.start + line.text.length + line.eol.length,
      bodyLine: line.number + 1,
      contentLine: firstLine + 1,
      data,
    }
  }
  throw new NowPageError(`the front matter opened on line 1 is never closed`, {
    file,
    line: 1,
    hint: `Close it with a line containing only ${opener.kind === 'toml' ? '+++' : '---'}`,
  })
}

export function lineEnd(text: string, from: number): { end: number; next: number } {
  const m = /\r\n|\n|\r/g
  m.lastIndex = from
  const hit = m.exec(text)
  return hit
    ? { end: hit.index, next: hit.index + hit[0].length }
    : { end: text.length, next: text.length + 1 }
}

/** The content starts on the file's second line; gray-matter may hand engines a leading newline. */
const FIRST_CONTENT_LINE = 2
const leading = (s: string) => (/^\r?\n/.test(s) ? 1 : 0)

const refuse = (language: string) => () => {
  throw new NowPageError(`front matter in '${language}' is refused`, { line: 1 })
}

/** Parses with gray-matter (the data), using our own engines: strict TOML and YAML 1.2 parsers
 * with line numbers, and nothing that evaluates code. Options are always passed, which also
 * keeps gray-matter from caching by content. */
function parseBlock(
  content: string,
  kind: FrontMatterKind,
  file: string | undefined,
  delimiter: string,
): Record<string, unknown> {
  const engines = {
    toml: (s: string) => parseToml(s, file, FIRST_CONTENT_LINE - leading(s)),
    yaml: (s: string) => parseYamlBlock(s, file, FIRST_CONTENT_LINE - leading(s)),
    json: (s: string) => JSON.parse(s) as object,
    js: refuse('js'),
    javascript: refuse('javascript'),
    coffee: refuse('coffee'),
    coffeescript: refuse('coffeescript'),
    cson: refuse('cson'),
  }
  // gray-matter needs the delimiters and the block; hand it exactly that slice so its own
  // excerpt/section logic never sees the body.
  // Line endings normalized for reading only (@iarna/toml rejects the CR of a CRLF after a
  // comment); line numbers are the same, and nothing parsed here is ever written back.
  const lf = content.replace(/\r\n?/g, '\n')
  const block = `${delimiter}\n${lf}${lf.endsWith('\n') || lf === '' ? '' : '\n'}${delimiter}\n`
  const parsed = matter(block, { language: kind, delimiters: delimiter, engines })
  const data = parsed.data as unknown
  if (data === null || data === undefined) return {}
  if (typeof data !== 'object' || Array.isArray(data)) {
    throw new NowPageError('the front matter is not a table of keys and values', {
      file,
      line: FIRST_CONTENT_LINE,
      hint: 'Write key = value (TOML) or key: value (YAML) lines',
    })
  }
  return data as Record<string, unknown>
}

function parseToml(
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

function parseYamlBlock(
  s: string,
  file: string | undefined,
  firstLine: number,
): Record<string, unknown> {
  try {
    return (parseYaml(s) ?? {}) as Record<string, unknown>
  } catch (e) {
    const line =
      e instanceof YAMLParseError && e.linePos ? firstLine + e.linePos[0].line - 1 : firstLine
    throw new NowPageError(`invalid YAML front matter: ${headline((e as Error).message)}`, {
      file,
      line,
      hint: 'Fix the YAML syntax on that line (indentation, a missing colon, or an unquoted ": ")',
    })
  }
}

/** Hugo's JSON front matter: an object starting on the first line, ending at its closing brace. */
function readJson(text: string, start: number, file: string | undefined): FrontMatter {
  const errors: ParseError[] = []
  // parseTree stops at the end of the first value; what follows is the body.
  const tree = parseTree(text.slice(start), errors, {
    allowTrailingComma: false,
    disallowComments: true,
  })
  const firstError = errors[0]
  if (
    !tree ||
    tree.type !== 'object' ||
    (firstError && firstError.offset < (tree.offset + tree.length || Infinity))
  ) {
    const offset = start + (firstError?.offset ?? 0)
    throw new NowPageError(
      `invalid JSON front matter: ${firstError ? printParseErrorCode(firstError.error) : 'not an object'}`,
      {
        file,
        line: lineOf(text, offset),
        hint: 'Fix the JSON (quotes, commas) or use TOML/YAML front matter',
      },
    )
  }
  const contentEnd = start + tree.offset + tree.length
  let data: Record<string, unknown>
  try {
    data = JSON.parse(text.slice(start, contentEnd)) as Record<string, unknown>
  } catch (e) {
    throw new NowPageError(`invalid JSON front matter: ${(e as Error).message}`, { file, line: 1 })
  }
  const end = lineEnd(text, contentEnd)
  if (text.slice(contentEnd, end.end).trim() !== '') {
    throw new NowPageError('the JSON front matter must end with } alone on its line', {
      file,
      line: lineOf(text, contentEnd),
      hint: 'Put the closing brace on a line of its own',
    })
  }
  return {
    kind: 'json',
    start,
    contentStart: start,
    contentEnd,
    bodyStart: Math.min(end.next, text.length),
    bodyLine: lineOf(text, contentEnd) + 1,
    contentLine: 1,
    data,
  }
}

export function lineOf(text: string, offset: number): number {
  let line = 1
  for (const m of text.slice(0, offset).matchAll(/\r\n|\n|\r/g)) if (m) line++
  return line
}

function headline(message: string): string {
  return (message.split('\n')[0] ?? '').replace(/:$/, '')
}
