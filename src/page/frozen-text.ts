/**
 * Text whose dates never move, whatever words surround them: code, comments, template and JS
 * expressions, link texts and addresses, archive sections, the Action's own regions. It is
 * masked (same length, line breaks kept) before any date is looked for.
 */
export interface FrozenContext {
  /** Offsets `[start, end)` known frozen by the caller: code blocks, managed regions, the
   * metadata header. */
  ranges?: ReadonlyArray<readonly [number, number]>
  /** Headings of the body: `[offset of the heading line, depth, text]`. */
  headings?: ReadonlyArray<{ start: number; depth: number; text: string }>
  /** Only dates after a strong "last updated" phrase (inside a metadata string, where "as of"
   * is prose and a lone date is some other field's business). */
  phrasesOnly?: boolean
  /** The metadata already holds a live date: a lone date paragraph or a `Date:` label in the
   * body is then not the page's date. */
  metadataLive?: boolean
}

const MASK = '\u0001'

// Each pattern stays near-linear on hostile pages: template expressions are looked for within
// 1,000 characters of their opening (a `{#id}` heading attribute is not one, and must not hide
// the rest of the page), an unclosed comment or <pre> hides the rest as a browser would, and
// link texts stop at the next `[` (instead of every `[` of a long run scanning the whole line).
const FROZEN_PATTERNS: RegExp[] = [
  /<!--[\s\S]*?(?:-->|$)/g,
  /\{\{[\s\S]{0,1000}?\}\}/g,
  /\{%[\s\S]{0,1000}?%\}/g,
  /\{#[\s\S]{0,1000}?#\}/g,
  // MDX/JSX expressions: `{new Date(…)}`, `{frontmatter.date}`
  /\{[^{}\r\n]*\}/g,
  /^(?:import|export)\s[^\r\n]*/gm,
  /`[^`\r\n]+`/g,
  // link texts and addresses, bare URLs, href/src attributes
  /!?\[[^[\]\r\n]*\]\((?:[^()\r\n]|\([^()\r\n]*\))*\)/g,
  /!?\[[^[\]\r\n]*\]\[[^[\]\r\n]*\]/g,
  /\[\[[^[\]\r\n]*\]\]/g,
  /\bhttps?:\/\/[^\s<>"')\]]+/g,
  /\b(?:href|src)\s*=\s*(?:"[^"]*"|'[^']*')/gi,
  /^[ \t]*#\+begin_(src|example|export)\b[\s\S]*?^[ \t]*#\+end_\1\b[^\r\n]*/gim,
  /<(script|style|pre|code)\b[\s\S]*?(?:<\/\1>|$)/gi,
]

const ARCHIVE =
  /\b(?:archives?|previous(?:ly)?|older|past|earlier|history|changelog|anteriores?|antig[oa]s|hist[óo]ric[oa]|archiv|fr[üu]her|[äa]ltere?|pr[ée]c[ée]dentes?|anciennes?)\b/i

export function maskFrozen(text: string, context: FrozenContext): string {
  const chars = text.split('')
  const mask = (start: number, end: number) => {
    for (let i = Math.max(0, start); i < Math.min(end, chars.length); i++) {
      if (chars[i] !== '\n' && chars[i] !== '\r') chars[i] = MASK
    }
  }
  for (const [start, end] of context.ranges ?? []) mask(start, end)
  for (const re of FROZEN_PATTERNS) {
    for (const m of text.matchAll(re)) mask(m.index ?? 0, (m.index ?? 0) + m[0].length)
  }
  for (const [start, end] of archiveSections(text, context)) mask(start, end)
  return chars.join('')
}

/** Sections under a heading such as "Previous updates" or "Archive", to the next heading of
 * the same or a higher level (Markdown headings from the parser, Org `*` headings here). */
function archiveSections(text: string, context: FrozenContext): Array<[number, number]> {
  const headings = [...(context.headings ?? [])]
  if (!context.headings) {
    // No parser at hand: ATX headings (setext ones need the parser).
    for (const m of text.matchAll(/^[ ]{0,3}(#{1,6})[ \t]+([^\r\n]*)/gm)) {
      headings.push({ start: m.index ?? 0, depth: m[1]?.length ?? 1, text: m[2] ?? '' })
    }
  }
  for (const m of text.matchAll(/^(\*+)[ \t]+([^\r\n]*)/gm)) {
    headings.push({ start: m.index ?? 0, depth: m[1]?.length ?? 1, text: m[2] ?? '' })
  }
  headings.sort((a, b) => a.start - b.start)
  const out: Array<[number, number]> = []
  headings.forEach((h, i) => {
    if (!ARCHIVE.test(h.text)) return
    const next = headings.slice(i + 1).find((n) => n.depth <= h.depth)
    out.push([h.start, next ? next.start : text.length])
  })
  return out
}
