import { lineFields, pairs, topBlock, type MetadataBlock, type MetadataFormat } from './format.js'

const RST_LINE = /^(?:\.\.[ \t]+[A-Za-z_][\w-]*:|:[A-Za-z_][\w-]*:)[ \t]*(?<value>.*)$/

/** Nikola `.. date: …` comments and reST `:date:` field lists at the top (Nikola may wrap them
 * in an HTML comment in Markdown files). */
export const rstMeta: MetadataFormat = {
  name: 'rst-meta',
  detect: (text) =>
    topBlock(rstMeta, text, RST_LINE, { blankInside: false, skip: /^<!--\s*$|^-->\s*$/ }),
  fields: (text, block) => rstFields(text, block),
  data: (text, block) => pairs(rstFields(text, block), text),
}

function rstFields(text: string, block: MetadataBlock) {
  const dots = lineFields(text, block, /^\.\.[ \t]+(?<key>[A-Za-z_][\w-]*):[ \t]*(?<value>.*)$/)
  const colons = lineFields(text, block, /^:(?<key>[A-Za-z_][\w-]*):[ \t]*(?<value>.*)$/)
  return [...dots, ...colons].sort((a, b) => a.start - b.start)
}
