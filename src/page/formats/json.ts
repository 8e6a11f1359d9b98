import {
  parseTree,
  printParseErrorCode,
  type Node as JsonNode,
  type ParseError,
} from 'jsonc-parser'
import { NowPageError } from '../../errors.js'
import { lineEnd, lineOf, type Added, type FieldValue, type FrontMatter } from './format.js'
import { detectEol } from '../lines.js'

/** Hugo's JSON front matter: an object starting on the first line, ending at its closing brace. */
export function readJson(text: string, start: number, file: string | undefined): FrontMatter {
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

export function jsonFields(text: string, fm: FrontMatter): FieldValue[] {
  const out: FieldValue[] = []
  const base = fm.start
  const walk = (node: JsonNode | undefined, path: string[]) => {
    if (!node) return
    if (node.type === 'object') {
      for (const prop of node.children ?? []) {
        const [key, value] = prop.children ?? []
        if (typeof key?.value === 'string') walk(value, [...path, key.value])
      }
    } else if (node.type === 'array') {
      ;(node.children ?? []).forEach((c, i) => walk(c, [...path, String(i)]))
    } else if (node.type === 'string') {
      out.push({
        path,
        start: base + node.offset + 1,
        end: base + node.offset + node.length - 1,
        type: 'string',
      })
    } else if (node.type === 'number') {
      out.push({
        path,
        start: base + node.offset,
        end: base + node.offset + node.length,
        type: 'number',
      })
    }
  }
  walk(parseTree(text.slice(base)), [])
  return out
}

/** `"field": "2025-08-24"` after the last root key, with its indentation. */
export function addJson(
  text: string,
  fm: FrontMatter,
  field: string,
  today: string,
): Added | undefined {
  const root = parseTree(text.slice(fm.contentStart, fm.contentEnd))
  const last = root?.children?.at(-1)
  if (!last) return undefined
  const at = fm.contentStart + last.offset + last.length
  const lineStart = text.lastIndexOf('\n', fm.contentStart + last.offset) + 1
  const indent = /^[ \t]*/.exec(text.slice(lineStart))?.[0] ?? '  '
  const insert = `,${detectEol(text)}${indent}"${field}": "${today}"`
  return { text: text.slice(0, at) + insert + text.slice(at), offset: at + insert.length - 1 }
}
