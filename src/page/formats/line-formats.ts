import { lineFields, type MetadataBlock, type MetadataFormat } from './format.js'

/**
 * The block of `Key: value`-like lines at the top of a page: consecutive lines that all match
 * `line` (blank lines allowed where `blankInside`), ending at the first other line.
 */
function topBlock(
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

const ORG_LINE = /^#\+(?<key>[A-Za-z_][A-Za-z0-9_-]*):[ \t]*(?<value>.*)$/

/** Org-mode `#+title:`/`#+date:` keywords at the top of the file. */
export const org: MetadataFormat = {
  name: 'org',
  detect: (text) => topBlock(org, text, ORG_LINE, { blankInside: true, skip: /^#(?:\s|$)|^:/ }),
  fields: (text, block) =>
    lineFields(text, block, ORG_LINE).map((f) => ({ ...f, path: [`#+${f.key}`] })),
  data: (text, block) => pairs(lineFields(text, block, ORG_LINE), text),
}

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

function pairs(fields: ReadonlyArray<{ key: string; start: number; end: number }>, text: string) {
  return fields.map((f) => [f.key, text.slice(f.start, f.end)])
}
