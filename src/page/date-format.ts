/**
 * Recognises how a date is written and writes another date the same way: the body's
 * "last updated" line and string-valued front-matter dates keep the author's format.
 */

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
]

export interface YMD {
  year: number
  month: number
  day: number
}

export interface DateMatch {
  /** Offset of the date in the searched text, and its length. */
  index: number
  length: number
  date: YMD
  /** Writes another date in the same format. */
  format(date: YMD): string
  /** Day-first where day and month could be swapped: worth a note. */
  ambiguous?: boolean
}

export function parseYmd(iso: string): YMD {
  const [year, month, day] = iso.split('-').map((n) => Number.parseInt(n, 10)) as [
    number,
    number,
    number,
  ]
  return { year, month, day }
}

function valid({ year, month, day }: YMD): boolean {
  if (month < 1 || month > 12 || day < 1) return false
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate()
}

const pad = (n: number, width: number) => String(n).padStart(width, '0')
/** Keeps zero-padding as written: `03` stays two digits, `3` stays one. */
const like = (written: string, n: number) => (written.length === 2 ? pad(n, 2) : String(n))

function ordinal(n: number): string {
  const s = n % 100
  if (s >= 11 && s <= 13) return 'th'
  return ['th', 'st', 'nd', 'rd'][n % 10] ?? 'th'
}

function monthName(written: string, month: number): string {
  const full = MONTHS[month - 1] as string
  const bare = written.replace(/\.$/, '')
  const isShort = bare.length <= 4 && bare.toLowerCase() !== full
  // "Sept" is four letters; every other short name is three.
  let name = isShort ? full.slice(0, bare.length === 4 && month === 9 ? 4 : 3) : full
  if (isShort && month === 5) name = 'may'
  if (bare === bare.toUpperCase()) name = name.toUpperCase()
  else if (bare[0] === bare[0]?.toUpperCase()) name = name[0]?.toUpperCase() + name.slice(1)
  return name + (written.endsWith('.') && name.length < full.length ? '.' : '')
}

function monthIndex(word: string): number {
  const w = word.replace(/\.$/, '').toLowerCase()
  if (w.length < 3) return 0
  const i = MONTHS.findIndex((m) => m === w || (w.length <= 4 && m.startsWith(w)))
  return i + 1
}

type Matcher = (text: string) => DateMatch | undefined

const MONTH_WORD = '([A-Za-z]{3,9}\\.?)'

const matchers: Matcher[] = [
  // 2025-08-03, 2025/08/03, 2025.08.03
  (text) => {
    const m = /(?<!\d)(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?!\d)/.exec(text)
    if (!m) return undefined
    const [all, y, sep, mo, d] = m as unknown as [string, string, string, string, string]
    const date = { year: +y, month: +mo, day: +d }
    if (!valid(date)) return undefined
    return {
      index: m.index,
      length: all.length,
      date,
      format: (t) => `${pad(t.year, 4)}${sep}${like(mo, t.month)}${sep}${like(d, t.day)}`,
    }
  },
  // March 3, 2024 / Mar. 3rd, 2024 / March 3 2024
  (text) => {
    const re = new RegExp(
      `(?<![A-Za-z])${MONTH_WORD}(\\s+)(\\d{1,2})(st|nd|rd|th)?(,?\\s+)(\\d{4})(?!\\d)`,
    )
    const m = re.exec(text)
    if (!m) return undefined
    const [all, mw, sp, d, suffix, sep, y] = m as unknown as string[]
    const month = monthIndex(mw as string)
    const date = { year: Number(y), month, day: Number(d) }
    if (!month || !valid(date)) return undefined
    return {
      index: m.index,
      length: (all as string).length,
      date,
      format: (t) =>
        `${monthName(mw as string, t.month)}${sp}${like(d as string, t.day)}${suffix ? caseLike(suffix, ordinal(t.day)) : ''}${sep}${t.year}`,
    }
  },
  // 3 March 2024 / 3rd Mar 2024 / 03 Aug. 2025
  (text) => {
    const re = new RegExp(
      `(?<!\\d)(\\d{1,2})(st|nd|rd|th)?(\\s+)${MONTH_WORD}(,?\\s+)(\\d{4})(?!\\d)`,
    )
    const m = re.exec(text)
    if (!m) return undefined
    const [all, d, suffix, sp, mw, sep, y] = m as unknown as string[]
    const month = monthIndex(mw as string)
    const date = { year: Number(y), month, day: Number(d) }
    if (!month || !valid(date)) return undefined
    return {
      index: m.index,
      length: (all as string).length,
      date,
      format: (t) =>
        `${like(d as string, t.day)}${suffix ? caseLike(suffix, ordinal(t.day)) : ''}${sp}${monthName(mw as string, t.month)}${sep}${t.year}`,
    }
  },
  // 03/08/2025, 03.08.2025, 8/3/2025: day-first unless that is impossible.
  (text) => {
    const m = /(?<!\d)(\d{1,2})([/.-])(\d{1,2})\2(\d{4})(?!\d)/.exec(text)
    if (!m) return undefined
    const [all, a, sep, b, y] = m as unknown as [string, string, string, string, string]
    const dayFirst = { year: +y, month: +b, day: +a }
    const monthFirst = { year: +y, month: +a, day: +b }
    const useDayFirst = valid(dayFirst)
    const date = useDayFirst ? dayFirst : monthFirst
    if (!valid(date)) return undefined
    return {
      index: m.index,
      length: all.length,
      date,
      ambiguous: useDayFirst && valid(monthFirst) && a !== b,
      format: (t) =>
        useDayFirst
          ? `${like(a, t.day)}${sep}${like(b, t.month)}${sep}${t.year}`
          : `${like(a, t.month)}${sep}${like(b, t.day)}${sep}${t.year}`,
    }
  },
]

function caseLike(written: string, s: string): string {
  return written === written.toUpperCase() ? s.toUpperCase() : s
}

/** The first date in `text` in a format we can write back, or undefined. */
export function findDate(text: string): DateMatch | undefined {
  let best: DateMatch | undefined
  for (const matcher of matchers) {
    const m = matcher(text)
    if (m && (!best || m.index < best.index)) best = m
  }
  return best
}

export function sameDate(a: YMD, b: YMD): boolean {
  return a.year === b.year && a.month === b.month && a.day === b.day
}
