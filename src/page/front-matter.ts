import matter from 'gray-matter'
import { NowPageError } from '../errors.js'
import { type FrontMatter, type FrontMatterKind } from './formats/format.js'
import { parserFor } from './formats/parsers.js'
import { splitLines, type Line } from './lines.js'
import { lineEnd, lineOf } from './formats/format.js'

export { lineEnd, lineOf } from './formats/format.js'
export type { FrontMatter, FrontMatterKind } from './formats/format.js'

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

/**
 * The front-matter kinds a page may need parsed, from its opening lines alone (no parser): what
 * page/core.ts's loadParsersFor loads before the page is read. A page whose block follows blank
 * lines is read both ways (see readFrontMatter), so its kind is looked for there too.
 */
export function frontMatterKinds(text: string): FrontMatterKind[] {
  const bom = text.startsWith('\uFEFF') ? 1 : 0
  const blank = /^(?:[ \t]*(?:\r\n|\n|\r))*/.exec(text.slice(bom))?.[0] ?? ''
  const first = text.slice(bom + blank.length, lineEnd(text, bom + blank.length).end)
  if (/^\{[ \t]*$/.test(first)) return ['json']
  const opener = OPENERS.find((o) => o.re.test(first))
  if (!opener) return []
  const language = (opener.re.exec(first)?.[1] ?? '').trim().toLowerCase()
  if (language === '') return [opener.kind]
  return (['toml', 'yaml', 'json'] as const).filter((k) => k === language)
}

function readFrontMatterAt(text: string, start: number, file?: string): FrontMatter | null {
  const firstEnd = lineEnd(text, start)
  const first = text.slice(start, firstEnd.end)
  if (/^\{[ \t]*$/.test(first)) return parserFor('json').readJson(text, start, file)
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
    toml: (s: string) => parserFor('toml').parseToml(s, file, FIRST_CONTENT_LINE - leading(s)),
    yaml: (s: string) => parserFor('yaml').parseYamlBlock(s, file, FIRST_CONTENT_LINE - leading(s)),
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
