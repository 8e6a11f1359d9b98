import { lineFields, pairs, topBlock, type MetadataFormat } from './format.js'

const PELICAN_LINE = /^(?<key>[A-Za-z][A-Za-z0-9_-]{0,30}):[ \t]+(?<value>\S.*)$/
const PELICAN_KEYS =
  /^(?:title|date|modified|updated|author|authors|category|tags|slug|summary|lang|status|save_as|url|template|keywords)$/i

/** Pelican / MultiMarkdown `Key: value` headers, no delimiters, ended by a blank line. */
export const pelican: MetadataFormat = {
  name: 'pelican',
  detect(text) {
    const block = topBlock(pelican, text, PELICAN_LINE, { blankInside: false, known: PELICAN_KEYS })
    // A lone "Note: …" paragraph is prose: a header block names a title or a date.
    if (!block) return null
    const keys = lineFields(text, block, PELICAN_LINE).map((f) => f.key.toLowerCase())
    return keys.some((k) => /^(?:title|date|modified)$/.test(k)) ? block : null
  },
  fields: (text, block) => lineFields(text, block, PELICAN_LINE),
  data: (text, block) => pairs(lineFields(text, block, PELICAN_LINE), text),
}
