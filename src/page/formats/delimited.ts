import TOMLParser from '@iarna/toml/lib/toml-parser.js'
import { parseTree, type Node as JsonNode } from 'jsonc-parser'
import { isMap, isScalar, isSeq, parseDocument, type Node as YamlNode } from 'yaml'
import { readFrontMatter, type FrontMatterKind } from '../front-matter.js'
import type { FieldValue, MetadataBlock, MetadataFormat } from './format.js'

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

function tomlFields(text: string): FieldValue[] {
  const fm = readFrontMatter(text)
  if (!fm) return []
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

function yamlFields(text: string): FieldValue[] {
  const fm = readFrontMatter(text)
  if (!fm) return []
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

function jsonFields(text: string, block: MetadataBlock): FieldValue[] {
  const out: FieldValue[] = []
  const base = block.start
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

function delimited(
  kind: FrontMatterKind,
  fields: (text: string, block: MetadataBlock) => FieldValue[],
): MetadataFormat {
  const format: MetadataFormat = {
    name: kind,
    detect(text, file) {
      const fm = readFrontMatter(text, file)
      return fm?.kind === kind ? { format, start: fm.start, end: fm.bodyStart } : null
    },
    fields,
    data: (text, _block, file) => readFrontMatter(text, file)?.data ?? null,
  }
  return format
}

export const toml = delimited('toml', tomlFields)
export const yaml = delimited('yaml', yamlFields)
export const json = delimited('json', jsonFields)
