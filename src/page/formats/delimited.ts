import { readFrontMatter } from '../front-matter.js'
import type { Added, FieldValue, FrontMatter, FrontMatterKind, MetadataFormat } from './format.js'

/** TOML, YAML and JSON blocks are found by front-matter.ts (delimiters, BOM, blank lines,
 * refusing executable languages); the format files locate the values. */
export function delimited(
  kind: FrontMatterKind,
  fields: (text: string, fm: FrontMatter) => FieldValue[],
  add: (text: string, fm: FrontMatter, field: string, today: string) => Added | undefined,
): MetadataFormat {
  const format: MetadataFormat = {
    name: kind,
    detect(text, file) {
      const fm = readFrontMatter(text, file)
      return fm?.kind === kind ? { format, start: fm.start, end: fm.bodyStart } : null
    },
    fields: (text) => {
      const fm = readFrontMatter(text)
      return fm ? fields(text, fm) : []
    },
    data: (text, _block, file) => readFrontMatter(text, file)?.data ?? null,
    add,
  }
  return format
}
