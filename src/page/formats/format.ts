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
