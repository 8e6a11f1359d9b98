import {
  findDate,
  inferNumericOrder,
  isModificationKey,
  parseIsoDate,
  rewriteDate,
  rewriteValue,
  type FindOptions,
  type WrittenDate,
  type YMD,
} from '../dates/index.js'
import { maskFrozen, type FrozenContext } from './frozen-text.js'

/** One date of the body that moves: `[start, end)` offsets into the scanned text. */
export interface BodyDateEdit {
  start: number
  end: number
  from: string
  to: string
  guessedOrder?: 'dmy' | 'mdy'
}

export interface BodyDatesResult {
  edits: BodyDateEdit[]
  /** Live dates found, moved or already today. */
  live: number
  notes: Array<{ offset: number; message: string }>
}

/** A phrase announcing the page's last update, per language (the language also tells which
 * month names and numeric order to expect). */
const PHRASES: Array<{ locale: string; re: string }> = [
  {
    locale: 'en',
    re: '(?:(?:last|latest|most\\s+recently)[\\s-]+(?:updated|update|modified|edited|edit|revised|changed|refreshed)|(?:page\\s+)?updated|last\\s+mod|(?:current\\s+|accurate\\s+)?as\\s+of|now(?=\\s*\\())',
  },
  {
    locale: 'es',
    re: '(?:[úu]ltima\\s+(?:actualizaci[óo]n|modificaci[óo]n|edici[óo]n)|actualizad[oa])',
  },
  {
    locale: 'pt',
    re: '(?:[úu]ltima\\s+(?:atualiza[çc][ãa]o|actualiza[çc][ãa]o|modifica[çc][ãa]o|edi[çc][ãa]o)|atualizad[oa]|actualizad[oa])',
  },
  {
    locale: 'de',
    re: '(?:zuletzt\\s+(?:aktualisiert|ge[äa]ndert|bearbeitet)|letzte[sn]?\\s+(?:aktualisierung|[äa]nderung|update|bearbeitung)|aktualisiert|stand(?=\\s*:|\\s+vom\\s))',
  },
  {
    locale: 'it',
    re: '(?:ultimo\\s+aggiornamento|aggiornat[oa])',
  },
  {
    locale: 'nl',
    re: '(?:laatst\\s+(?:bijgewerkt|gewijzigd)|bijgewerkt)',
  },
  {
    locale: 'fr',
    re: '(?:derni[èe]re\\s+(?:mise\\s+[àa]\\s+jour|modification)|mise?\\s+[àa]\\s+jour|modifi[ée]e?|actualis[ée]e?)',
  },
]
const PHRASE_RE = new RegExp(
  `(?<![\\p{L}\\d])(?:${PHRASES.map((p, i) => `(?<p${i}>${p.re})`).join('|')})(?![\\p{L}])`,
  'giu',
)

/** What may stand between the phrase and its date: decoration, markup, and little words. */
const FILLER =
  /^(?:[ \t\u00A0\u202F]+|&nbsp;|&#160;|\r?\n(?![ \t]*\r?\n)|[*_~>:.,;()[\]|–—-]|<(?!time\b)[a-zA-Z][^>]*>|<\/[a-zA-Z]+>|<time\b[^>]*>|(?:on|in|at|was|is|the|el|la|em|de|del|do|da|am|vom|le|du|au|à|a|o|il|op)(?![\p{L}\d]))/iu

/**
 * Finds the body's live dates: the date right after a "last updated" phrase in any of five
 * languages and any decoration (also across a wrapped line), its `<time datetime>` twin, dates
 * in attributes of components named for an update (`<LastUpdated date="…"/>`), the first
 * `Date:` label, or, on a page with none of those, a date standing alone as its own paragraph.
 * Frozen text (code, comments, templates, links, archive sections) is never read.
 */
export function findBodyDates(
  text: string,
  today: string,
  context: FrozenContext,
): BodyDatesResult {
  const target = parseIsoDate(today)
  const masked = maskFrozen(text, context)
  const order = inferNumericOrder(text)
  const result: BodyDatesResult = { edits: [], live: 0, notes: [] }
  const seen = new Set<number>()
  const take = (found: WrittenDate, offset: number) => {
    const start = offset + found.start
    if (seen.has(start) || masked.slice(start, offset + found.end).includes(MASK)) return
    seen.add(start)
    result.live++
    const to = rewriteDate(found, target)
    if (to === undefined) return
    const guess = found.guessedOrder ? { guessedOrder: found.guessedOrder } : {}
    result.edits.push({ start, end: offset + found.end, from: found.text, to, ...guess })
  }
  for (const m of masked.matchAll(PHRASE_RE)) {
    const index = PHRASES.findIndex((_p, i) => m.groups?.[`p${i}`] !== undefined)
    const locale = PHRASES[index]?.locale ?? 'en'
    if (context.phrasesOnly && /^(?:current\s+|accurate\s+)?as\s+of$|^now$/i.test(m[0])) continue
    const find: FindOptions = {
      locales: [locale],
      fallbackLocale: locale,
      ...(order ? { numericOrder: order } : {}),
    }
    if (listedLink(text, m.index)) continue
    const at = skipFiller(masked, m.index + m[0].length)
    const found = dateAt(text, at, find)
    if (!found) {
      if (!yearOnly(text, at, target, result)) unknownShape(text, masked, m.index, at, result)
      continue
    }
    take(found, at)
    timeTwin(text, masked, m.index + m[0].length, at, target, result)
  }
  if (!context.phrasesOnly) {
    components(text, masked, target, result, take)
    // The weaker signs count only on a page with no other live date at all.
    if (result.live === 0 && !context.metadataLive) labelled(text, masked, order, take)
    if (result.live === 0 && !context.metadataLive) {
      // A lone `<time datetime>` stamp: its attribute moves with its text.
      const twin = (from: number, to: number) => timeTwin(text, masked, from, to, target, result)
      standalone(text, masked, order, take, twin)
    }
  }
  // One edit per date, however many rules found it (a <time> after a phrase, with itemprop).
  result.edits = result.edits
    .sort((a, b) => a.start - b.start)
    .filter((e, i, all) => i === 0 || e.start >= (all[i - 1]?.end ?? 0))
  return result
}

const MASK = '\u0001'

function skipFiller(masked: string, from: number): number {
  let at = from
  for (let steps = 0; steps < 12; steps++) {
    const m = FILLER.exec(masked.slice(at, at + 200))
    if (!m || m[0] === '') break
    at += m[0].length
  }
  return at
}

/** A line that starts with the phrase and holds a number we cannot read as a date: worth a
 * note, since the author probably expects it to move. */
/** Characters of emphasis, heading marks or tags that may stand before a "last updated" phrase. */
const MAX_DECORATION = 200
/** How far into a list item a link may stand before the phrase that dates it. */
const MAX_LISTED_PREFIX = 2000

function unknownShape(
  text: string,
  masked: string,
  phraseAt: number,
  at: number,
  result: BodyDatesResult,
): void {
  const lineStart = masked.lastIndexOf('\n', phraseAt) + 1
  // Only decoration may stand before the phrase; bounded, so a hostile line of thousands of
  // phrases costs linear time, not the square of its length.
  if (phraseAt - lineStart > MAX_DECORATION) return
  if (masked.slice(lineStart, phraseAt).replace(/[\s*_~>#:|-]|<[^>]*>/g, '') !== '') return
  const newline = masked.indexOf('\n', at)
  const lineEnd =
    newline === -1 ? masked.length : masked[newline - 1] === '\r' ? newline - 1 : newline
  if (!/\d/.test(masked.slice(at, lineEnd))) return
  const line = text.slice(lineStart, lineEnd).trim()
  result.notes.push({
    offset: phraseAt,
    message: `"last updated" line left as it is: its date format is not one I know (${line})`,
  })
}

/** `- [Older post](/x) — updated 2024-01-01`: a list of links with their own dates. */
function listedLink(text: string, at: number): boolean {
  const lineStart = text.lastIndexOf('\n', at - 1) + 1
  if (at - lineStart > MAX_LISTED_PREFIX) return false
  const before = text.slice(lineStart, at)
  return /^\s*(?:[-*+]|\d+[.)])\s/.test(before) && /\]\(|<a\s/i.test(before)
}

/** `Last updated in 2024.`: a year alone moves to this year. */
function yearOnly(text: string, at: number, target: YMD, result: BodyDatesResult): boolean {
  const m = /^(\d{4})(?![\d/.:-]\d|\d)/.exec(text.slice(at, at + 6))
  const year = Number(m?.[1])
  if (!m || year < 1990 || year > 2100) return false
  result.live++
  if (year !== target.year) {
    result.edits.push({ start: at, end: at + 4, from: m[1] ?? '', to: String(target.year) })
  }
  return true
}

/** The date starting exactly at `at`, if one does. */
function dateAt(text: string, at: number, find: FindOptions): WrittenDate | undefined {
  const found = findDate(text.slice(at, at + 80).split(/\r?\n\s*\r?\n/)[0] ?? '', find)
  return found && found.start === 0 ? found : undefined
}

/** `<time datetime="2026-03-20">20 de março de 2026</time>`: the attribute moves with the text. */
function timeTwin(
  text: string,
  masked: string,
  from: number,
  to: number,
  target: YMD,
  result: BodyDatesResult,
): void {
  const tag = /<time\b[^>]*?\bdatetime\s*=\s*(["'])([^"']*)\1/i.exec(masked.slice(from, to))
  if (!tag) return
  const valueStart = from + tag.index + tag[0].length - 1 - (tag[2]?.length ?? 0)
  const value = text.slice(valueStart, valueStart + (tag[2]?.length ?? 0))
  const change = rewriteValue(value, 'string', target)
  result.live++
  if (!change) return
  result.edits.push({
    start: valueStart,
    end: valueStart + value.length,
    from: value,
    to: change.text,
  })
}

/** `<LastUpdated date="June 19, 2020" />`, `<PageMeta updated="2025-01-02">`. */
function components(
  text: string,
  masked: string,
  target: YMD,
  result: BodyDatesResult,
  take: Take,
): void {
  const tagRe = /<([A-Za-z][\w.:-]*)((?:\s+[\w:-]+(?:\s*=\s*(?:"[^"]*"|'[^']*'))?)*)\s*(\/?)>/g
  for (const tag of masked.matchAll(tagRe)) {
    const name = tag[1] ?? ''
    const attrsAt = (tag.index ?? 0) + 1 + name.length
    const attrs = [...(tag[2] ?? '').matchAll(/([\w:-]+)\s*=\s*(["'])([^"']*)\2/g)]
    // <LastUpdated …>, <span class="last-updated">, <meta name="last-modified" …>
    const named =
      isModificationKey(name) ||
      attrs.some(
        (a) =>
          /^(?:class|id|name|property|itemprop|data-[\w-]+)$/i.test(a[1] ?? '') &&
          (a[3] ?? '').split(/\s+/).some((v) => v !== '' && isModificationKey(v)),
      )
    for (const attr of attrs) {
      const attrName = attr[1] ?? ''
      const live =
        isModificationKey(attrName) ||
        (named && /^(?:date|value|on|datetime|time|when|content)$/i.test(attrName))
      if (!live) continue
      const start = attrsAt + (attr.index ?? 0) + attr[0].length - 1 - (attr[3]?.length ?? 0)
      const value = text.slice(start, start + (attr[3]?.length ?? 0))
      const change = rewriteValue(value, 'string', target)
      if (!change && !findDate(value)) continue
      result.live++
      if (change)
        result.edits.push({ start, end: start + value.length, from: value, to: change.text })
    }
    if (named && tag[3] !== '/') {
      const at = skipFiller(masked, (tag.index ?? 0) + tag[0].length)
      const found = dateAt(text, at, {})
      if (found) take(found, at)
    }
  }
}

type Take = (found: WrittenDate, offset: number) => void

/** A `Date: June 15, 2024` label line: the first one is the page's date, later ones are older
 * entries. */
function labelled(
  text: string,
  masked: string,
  order: FindOptions['numericOrder'],
  take: Take,
): void {
  const m = /^[ \t]*(?:[*_>#]+[ \t]*)?(?:date|fecha|data|datum)[ \t]*[*_]*:[*_]*[ \t]*/imu.exec(
    masked,
  )
  if (!m) return
  const at = m.index + m[0].length
  const find: FindOptions = order ? { numericOrder: order } : {}
  const found = dateAt(text, at, find)
  if (found) take(found, at)
}

/** A paragraph, or an HTML element alone on its line, that is nothing but a full date (maybe
 * with a time, a dash before it): the page's date stamp. */
function standalone(
  text: string,
  masked: string,
  order: FindOptions['numericOrder'],
  take: Take,
  twin: (from: number, to: number) => void,
): void {
  const lines = [...masked.matchAll(/[^\r\n]*(?:\r\n|\n|\r|$)/g)].filter((l) => l[0] !== '')
  const blank = (i: number) => i < 0 || i >= lines.length || (lines[i]?.[0] ?? '').trim() === ''
  const stamps: Array<[WrittenDate, number, number | undefined]> = []
  for (let i = 0; i < lines.length; i++) {
    const raw = (lines[i]?.[0] ?? '').replace(/[\r\n]+$/, '')
    const element = /^([ \t]*<([a-zA-Z][\w-]*)\b[^>]*>)(.*)<\/\2>[ \t]*$/.exec(raw)
    if (!element && (!blank(i - 1) || !blank(i + 1))) continue
    const inner = element ? (element[3] ?? '') : raw
    const skip =
      (element?.[1]?.length ?? 0) + (/^[ \t]*[*_]*(?:[—–][ \t]*)?/.exec(inner)?.[0].length ?? 0)
    const at = (lines[i]?.index ?? 0) + skip
    const find: FindOptions = order ? { numericOrder: order } : {}
    const found = dateAt(text, at, find)
    if (!found || found.date.year === undefined || found.date.day === undefined) continue
    const rest = raw.slice(skip + found.end, element ? raw.lastIndexOf('</') : raw.length)
    if (!/^(?:[ \t]+\d{1,2}:\d{2}(?::\d{2})?)?[*_.]*[ \t]*$/.test(rest)) continue
    stamps.push([found, at, element ? (lines[i]?.index ?? 0) : undefined])
  }
  // Several lone dates are a dated log, whose entries keep their dates.
  const only = stamps.length === 1 ? stamps[0] : undefined
  if (!only) return
  const [found, at, elementStart] = only
  take(found, at)
  if (elementStart !== undefined) twin(elementStart, at)
}

export type LastUpdatedResult =
  { kind: 'updated'; line: string; from: string; to: string } | { kind: 'current'; date: string }

/** One line on its own (tests and the CLI's explain mode). */
export function rewriteLastUpdatedLine(line: string, today: string): LastUpdatedResult | null {
  const r = findBodyDates(line, today, {})
  const edit = r.edits[0]
  if (edit) {
    return {
      kind: 'updated',
      line: line.slice(0, edit.start) + edit.to + line.slice(edit.end),
      from: edit.from,
      to: edit.to,
    }
  }
  return r.live > 0 ? { kind: 'current', date: line } : null
}
