import {
  isMap,
  isScalar,
  isSeq,
  parseDocument,
  parse as parseYaml,
  YAMLParseError,
  type Node as YamlNode,
} from 'yaml'
import { NowPageError } from '../../errors.js'
import { headline, type Added, type FieldValue, type FrontMatter } from './format.js'
import { detectEol } from '../lines.js'

/** YAML front matter (`---`): YAML 1.2, and each scalar's bytes from the parser's ranges. */
export function parseYamlBlock(
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

export function yamlFields(text: string, fm: FrontMatter): FieldValue[] {
  const doc = parseDocument(text.slice(fm.contentStart, fm.contentEnd))
  const out: FieldValue[] = []
  const walk = (node: unknown, path: string[]) => {
    if (isMap(node)) {
      for (const pair of node.items) {
        if (isScalar(pair.key)) walk(pair.value, [...path, String(pair.key.value)])
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => walk(item, [...path, String(i)]))
    } else if (isScalar(node) && node.range) {
      const quoted = node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE'
      const [a, b] = node.range
      const source = text.slice(fm.contentStart + a, fm.contentStart + b)
      // A plain scalar's range may include trailing spaces before a comment.
      const len = quoted ? source.length - 2 : source.replace(/\s+$/, '').length
      const start = fm.contentStart + a + (quoted ? 1 : 0)
      out.push({
        path,
        start,
        end: start + len,
        type: typeof node.value === 'number' ? 'number' : 'string',
      })
    }
  }
  walk(doc.contents as YamlNode, [])
  return out
}

/** `field: 2025-08-24` as the block's last line. */
export function addYaml(text: string, fm: FrontMatter, field: string, today: string): Added {
  const at = fm.contentEnd
  const line = `${field}: ${today}${detectEol(text)}`
  return { text: text.slice(0, at) + line + text.slice(at), offset: at }
}
