import { daysInMonth, isValidDate, type PartialDate } from './calendar.js'
import { lookupMonth, lookupWeekday, namesFor } from './names.js'
import type { Ordinal, Part } from './shape.js'

export type NumericOrder = 'dmy' | 'mdy'

/** A date found in text: where, what it says, and how it is written. */
export interface WrittenDate {
  start: number
  end: number
  text: string
  date: PartialDate
  parts: Part[]
  /** For `03/04/2025`-like dates whose order nothing on the page settled: the order assumed. */
  guessedOrder?: NumericOrder
  /** A year-first numeric date with mixed zero padding (`2025-01-1`): written back padded. */
  malformed?: boolean
}

export interface FindOptions {
  /** Locales to try first for month and weekday names (the phrase's language). */
  locales?: readonly string[]
  /** Order of ambiguous numeric dates, when the page settled it (see inferNumericOrder). */
  numericOrder?: NumericOrder
  /** Order to assume when nothing settled it; recorded as a guess. Default from `locales[0]`. */
  fallbackLocale?: string
}

const NAME = '\\p{L}{2,}\\.?'
const DAY =
  '(?<d>\\d{1,2})(?!\\d)(?:(?<oo><sup>)?(?<o>st|nd|rd|th|ST|ND|RD|TH|er|º|ª|°)(?<oc></sup>)?(?![\\p{L}])|(?<od>\\.)(?=\\s))?'
const WEEKDAY = `(?:(?<wd>${NAME})(?:,?\\s+|,))?`
const PATTERNS: RegExp[] = [
  // 2025-08-03, 2025/8/3, 2025.08.03, Org's <2025-08-03 Sun>
  /(?<![\d.])(?<y>\d{4})([-/.])(?<mnum>\d{1,2})\2(?<d>\d{1,2})(?![\d])(?:\s(?<wda>\p{L}{2,3}\.?)(?![\p{L}]))?/du,
  // 03/08/2025, 8.3.25, 03-08-2025: day or month first, settled later
  /(?<![\d./-])(?<n1>\d{1,2})([/.-])(?<n2>\d{1,2})\2(?<y>\d{4}|\d{2})(?![./-]?\d)/du,
  // Sat 11 December 2021, 4<sup>th</sup> of July, 3. März 2025, 3 de março de 2025, 02-Aug-2026
  new RegExp(
    `(?<![\\p{L}\\d.])${WEEKDAY}${DAY}(?:\\s+de\\s+|\\s+of\\s+(?:the\\s+)?|\\s+|-)(?<mn>${NAME})(?![\\p{L}])(?:(?:,?\\s+del?\\s+|,?\\s+|-)(?<y>\\d{4})(?!\\d))?`,
    'du',
  ),
  // Monday, June 1, 2025 / Jan. 3rd 2024 / July 13th
  new RegExp(
    `(?<![\\p{L}\\d])${WEEKDAY}(?<mn>${NAME})\\s+(?:the\\s+)?${DAY}(?:(?:,\\s*|\\s+)(?<y>\\d{4})(?!\\d))?`,
    'du',
  ),
  // March 2023, marzo de 2023, März 2023
  new RegExp(`(?<![\\p{L}\\d])(?<mn>${NAME})(?:,?\\s+del?\\s+|,?\\s+)(?<y>\\d{4})(?!\\d)`, 'du'),
  // 2025-08: ISO month
  /(?<![\d./-])(?<y>\d{4})-(?<mnum>\d{2})(?![\d]|[-/.]\d)/du,
]

/** Every date in `text` in a shape we can write back, left to right, not overlapping. */
export function findDates(text: string, opts: FindOptions = {}): WrittenDate[] {
  const found: WrittenDate[] = []
  for (const pattern of PATTERNS) {
    const re = new RegExp(pattern.source, pattern.flags + 'g')
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const date = build(m, opts)
      if (date) found.push(date)
      re.lastIndex = m.index + 1
    }
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end)
  const kept: WrittenDate[] = []
  for (const d of found) if (!kept.some((k) => d.start < k.end && k.start < d.end)) kept.push(d)
  return kept
}

/** The first date in `text`, if any. */
export function findDate(text: string, opts: FindOptions = {}): WrittenDate | undefined {
  return findDates(text, opts)[0]
}

type Span = [number, number]

function build(m: RegExpExecArray, opts: FindOptions): WrittenDate | undefined {
  const g = m.groups ?? {}
  const at = m.indices?.groups ?? {}
  const pieces: Array<{ span: Span; part: Part }> = []
  const date: PartialDate = { month: 0 }
  const locales = opts.locales ?? []

  if (g.mn !== undefined) {
    const hit = lookupMonth(g.mn, locales)
    if (!hit) return undefined
    date.month = hit.index
    pieces.push({ span: at.mn as Span, part: { kind: 'month-name', written: g.mn, hit } })
  }
  if (g.mnum !== undefined) {
    date.month = Number(g.mnum)
    pieces.push({ span: at.mnum as Span, part: { kind: 'month-number', pad: g.mnum.length === 2 } })
  }
  let guessedOrder: NumericOrder | undefined
  if (g.n1 !== undefined && g.n2 !== undefined) {
    const order = numericOrder(Number(g.n1), Number(g.n2), m[0].includes('.'), opts)
    if (order.guessed) guessedOrder = order.order
    const [dayGroup, monthGroup] = order.order === 'dmy' ? ['n1', 'n2'] : ['n2', 'n1']
    const day = g[dayGroup] as string
    const month = g[monthGroup] as string
    date.day = Number(day)
    date.month = Number(month)
    const pad = padding(day, month)
    pieces.push({ span: at[dayGroup] as Span, part: { kind: 'day', pad } })
    pieces.push({ span: at[monthGroup] as Span, part: { kind: 'month-number', pad } })
  }
  if (g.d !== undefined) {
    date.day = Number(g.d)
    const ordinal = ordinalOf(g)
    const end = (at.oc ?? at.o ?? at.od ?? at.d) as Span
    const pad = g.mnum !== undefined ? padding(g.d, g.mnum) : g.d.startsWith('0')
    pieces.push({ span: [(at.d as Span)[0], end[1]], part: { kind: 'day', pad, ordinal } })
  }
  if (g.y !== undefined) {
    date.year = g.y.length === 2 ? 2000 + Number(g.y) : Number(g.y)
    pieces.push({ span: at.y as Span, part: { kind: 'year', digits: g.y.length === 2 ? 2 : 4 } })
  }
  for (const key of ['wd', 'wda'] as const) {
    const word = g[key]
    const hit = word === undefined ? undefined : lookupWeekday(word, locales)
    if (word !== undefined && hit) {
      pieces.push({ span: at[key] as Span, part: { kind: 'weekday', written: word, hit } })
    }
  }
  if (!plausible(date)) return undefined
  shortMay(pieces)
  return assemble(m, pieces, date, guessedOrder, g)
}

function assemble(
  m: RegExpExecArray,
  pieces: Array<{ span: Span; part: Part }>,
  date: PartialDate,
  guessedOrder: NumericOrder | undefined,
  g: Record<string, string | undefined>,
): WrittenDate {
  pieces.sort((a, b) => a.span[0] - b.span[0])
  // A word before the date that is not a weekday ("on", "Updated") is not part of it.
  const start =
    g.wd !== undefined && pieces[0]?.part.kind !== 'weekday' ? pieces[0]!.span[0] : m.index
  let end = start
  const parts: Part[] = []
  for (const { span, part } of pieces) {
    if (span[0] > end) parts.push({ kind: 'text', text: m.input.slice(end, span[0]) })
    parts.push(part)
    end = span[1]
  }
  // Org's weekday is inside the match only when it is one.
  const matchEnd =
    g.wda !== undefined && pieces.at(-1)?.part.kind !== 'weekday' ? end : m.index + m[0].length
  if (matchEnd > end) parts.push({ kind: 'text', text: m.input.slice(end, matchEnd) })
  // `2025-01-1`: one part zero-padded, the other too short to be. (`2023-7-20` is consistent.)
  const malformed =
    g.mnum !== undefined &&
    g.d !== undefined &&
    ((g.mnum.startsWith('0') && g.d.length === 1) || (g.d.startsWith('0') && g.mnum.length === 1))
  return {
    start,
    end: matchEnd,
    text: m.input.slice(start, matchEnd),
    date,
    parts: malformed ? fixPadding(parts) : parts,
    ...(guessedOrder ? { guessedOrder } : {}),
    ...(malformed ? { malformed } : {}),
  }
}

/** "May" is both the full and the short English name: beside a short weekday ("Sun, 01 May
 * 2022") it is the short one. */
function shortMay(pieces: Array<{ part: Part }>): void {
  const weekday = pieces.find((p) => p.part.kind === 'weekday')?.part
  const month = pieces.find((p) => p.part.kind === 'month-name')?.part
  if (weekday?.kind !== 'weekday' || month?.kind !== 'month-name') return
  const names = namesFor(month.hit.locale)
  const i = month.hit.index - 1
  if (month.hit.form === 'long' && names.monthsShort[i] === names.monthsLong[i]) {
    if (weekday.hit.form !== 'long') month.hit = { ...month.hit, form: 'short' }
  }
}

function fixPadding(parts: Part[]): Part[] {
  return parts.map((p) => (p.kind === 'day' || p.kind === 'month-number' ? { ...p, pad: true } : p))
}

function plausible(date: PartialDate): boolean {
  if (date.month < 1 || date.month > 12) return false
  if (date.day === undefined) return true
  if (date.year === undefined) return date.day >= 1 && date.day <= daysInMonth(2024, date.month)
  return isValidDate({ year: date.year, month: date.month, day: date.day })
}

/** `03` keeps two digits and `3` one; `12`, which says nothing, follows its neighbour. */
function padding(day: string, month: string): boolean {
  const says = (s: string) => (s.length === 1 ? false : s.startsWith('0') ? true : undefined)
  return says(day) ?? says(month) ?? true
}

function ordinalOf(g: Record<string, string | undefined>): Ordinal | undefined {
  if (g.od !== undefined) return { style: 'dot', written: '.', open: '', close: '' }
  if (g.o === undefined) return undefined
  const english = /^(?:st|nd|rd|th)$/i.test(g.o)
  return {
    style: english ? 'english' : 'first-only',
    written: g.o,
    open: g.oo ?? '',
    close: g.oc ?? '',
  }
}

function numericOrder(
  a: number,
  b: number,
  dotted: boolean,
  opts: FindOptions,
): { order: NumericOrder; guessed: boolean } {
  if (a > 12 && b <= 12) return { order: 'dmy', guessed: false }
  if (b > 12 && a <= 12) return { order: 'mdy', guessed: false }
  if (opts.numericOrder) return { order: opts.numericOrder, guessed: false }
  // Dots are the day-first convention (03.08.2025) wherever they are used.
  if (dotted) return { order: 'dmy', guessed: true }
  return { order: localeOrder(opts.fallbackLocale ?? opts.locales?.[0] ?? 'en-GB'), guessed: true }
}

const localeOrders = new Map<string, NumericOrder>()

/** Day-first or month-first, as the locale writes numeric dates (`en` → en-US → month-first). */
export function localeOrder(locale: string): NumericOrder {
  let order = localeOrders.get(locale)
  if (!order) {
    const parts = new Intl.DateTimeFormat(locale, { timeZone: 'UTC' }).formatToParts(0)
    const day = parts.findIndex((p) => p.type === 'day')
    const month = parts.findIndex((p) => p.type === 'month')
    order = day < month ? 'dmy' : 'mdy'
    localeOrders.set(locale, order)
  }
  return order
}

/** The order the page's own unambiguous numeric dates use (`25/12/2024` says day-first), or
 * undefined when they say nothing or disagree. */
export function inferNumericOrder(text: string): NumericOrder | undefined {
  let dmy = 0
  let mdy = 0
  const re = new RegExp(PATTERNS[1]!.source, 'gu')
  for (const m of text.matchAll(re)) {
    const a = Number(m.groups?.n1)
    const b = Number(m.groups?.n2)
    if (a > 12 && b <= 12) dmy++
    if (b > 12 && a <= 12) mdy++
  }
  if (dmy > 0 && mdy === 0) return 'dmy'
  if (mdy > 0 && dmy === 0) return 'mdy'
  return undefined
}
