/**
 * Time-zone math over ICU's zone data, two ways. Intl's formatters are exact but costly to build:
 * the process's first one initialises ICU's locale data, ~22 ms, whatever the zone. The process
 * clock (`Date` with `TZ` set) reads the same zone data for ~0.1 ms, so the Action's start uses
 * it for the few instants its first requests need; {@link confirmClockAnswers} later checks each
 * of those answers with Intl, before anything is written. Once a zone's formatter exists it is
 * used for every answer. UTC needs neither.
 */
const formatters = new Map<string, Intl.DateTimeFormat>()

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let fmt = formatters.get(timeZone)
  if (!fmt) {
    fmt = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    })
    formatters.set(timeZone, fmt)
  }
  return fmt
}

/** Years 1000-9999: four digits, written by toISOString and the formatter alike. */
const FOUR_DIGIT_YEARS = (t: number) => t >= -30_610_224_000_000 && t < 253_402_300_800_000

// An IANA name's shape. `TZ` also takes POSIX rules (`EST5EDT,M3.2.0,M11.1.0`, `:Europe/Paris`,
// `<+0530>-5:30`) that Intl reads differently or not at all: those never reach the clock.
const IANA_NAME = /^[A-Za-z][A-Za-z0-9_+-]*(?:\/[A-Za-z0-9_+-]+)*$/

/** Answers the clock gave, by zone, until Intl confirms them. */
const clockAnswers = new Map<string, Map<number, [string, string]>>()

function withTz<T>(timeZone: string, read: () => T): T {
  const saved = process.env.TZ
  process.env.TZ = timeZone
  try {
    return read()
  } finally {
    // Node resets V8's zone cache on both; nothing else runs in between (this is synchronous).
    if (saved === undefined) delete process.env.TZ
    else process.env.TZ = saved
  }
}

let clockFollowsTz: boolean | undefined
/** True where setting `TZ` moves `Date`'s local time (not every platform's ICU reads it). */
function clockWorks(): boolean {
  return (clockFollowsTz ??=
    withTz('Etc/GMT-14', () => new Date(0).getTimezoneOffset()) === -840 &&
    withTz('Etc/GMT+12', () => new Date(0).getTimezoneOffset()) === 720)
}

/**
 * The zone's local date and time at `t` through the process clock (exported for its tests: the
 * Action reaches it through partsInZone), or undefined when the clock
 * cannot be trusted to know the zone: ICU reads an ID it does not know as GMT, so a zone whose
 * offset is 0 in January, July and at `t` is left to Intl (UTC-like zones, unknown names).
 */
export function partsViaClock(t: number, timeZone: string): [string, string] | undefined {
  if (!IANA_NAME.test(timeZone) || !FOUR_DIGIT_YEARS(t) || !clockWorks()) return undefined
  return withTz(timeZone, () => {
    const d = new Date(t)
    const year = d.getFullYear()
    const offsets = [d, new Date(year, 0, 1), new Date(year, 6, 1)].map((x) =>
      x.getTimezoneOffset(),
    )
    // Intl writes years before 1000 with fewer digits: those (and after 9999) are left to it.
    if (offsets.every((o) => o === 0) || year < 1000 || year > 9999) return undefined
    const two = (n: number) => String(n).padStart(2, '0')
    return [
      `${year}-${two(d.getMonth() + 1)}-${two(d.getDate())}`,
      `${two(d.getHours())}:${two(d.getMinutes())}:${two(d.getSeconds())}`,
    ]
  })
}

/**
 * True when the process clock knows the zone, so {@link partsInZone} can answer for it without
 * building a formatter. Intl has not confirmed it yet: see {@link confirmClockAnswers}.
 */
export function clockKnowsZone(timeZone: string): boolean {
  return timeZone === 'UTC' || partsViaClock(Date.UTC(2025, 6, 1), timeZone) !== undefined
}

/**
 * Checks every answer the clock gave against Intl (building each zone's formatter, the cost the
 * clock saved at start). Returns the first zone Intl does not know, or whose answers differ, and
 * undefined when all are confirmed; from then on the formatter answers for those zones.
 */
export function confirmClockAnswers(): string | undefined {
  for (const [timeZone, answers] of clockAnswers) {
    let fmt: Intl.DateTimeFormat
    try {
      fmt = formatterFor(timeZone)
    } catch {
      return timeZone
    }
    for (const [t, parts] of answers) {
      if (formatParts(fmt, t).join(' ') !== parts.join(' ')) return timeZone
    }
    clockAnswers.delete(timeZone)
  }
  return undefined
}

function formatParts(fmt: Intl.DateTimeFormat, t: number): [string, string] {
  const parts = fmt.formatToParts(t)
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '00'
  return [
    `${get('year')}-${get('month')}-${get('day')}`,
    `${get('hour')}:${get('minute')}:${get('second')}`,
  ]
}

/** True when Intl knows the IANA zone name (`UTC`, `Europe/Berlin`…). */
export function isTimeZone(timeZone: string): boolean {
  if (timeZone === 'UTC') return true
  try {
    formatterFor(timeZone)
    return true
  } catch {
    return false
  }
}

/** `['YYYY-MM-DD', 'HH:MM:SS']` of an instant (ms or ISO text) in a time zone. Throws a
 * RangeError for an unknown zone. */
export function partsInZone(instant: number | string | Date, timeZone: string): [string, string] {
  const t = instant instanceof Date ? instant.getTime() : new Date(instant).getTime()
  if (timeZone === 'UTC' && FOUR_DIGIT_YEARS(t)) {
    const iso = new Date(t).toISOString()
    return [iso.slice(0, 10), iso.slice(11, 19)]
  }
  const fmt = formatters.get(timeZone)
  if (fmt) return formatParts(fmt, t)
  let answers = clockAnswers.get(timeZone)
  // Each clock answer sets TZ twice (ICU re-reads the zone each time): asked again, it is reused.
  const known = answers?.get(t)
  if (known) return known
  // A start needs a handful of instants; past that, the formatter is worth building.
  const viaClock = (answers?.size ?? 0) < 64 ? partsViaClock(t, timeZone) : undefined
  if (viaClock) {
    if (!answers) clockAnswers.set(timeZone, (answers = new Map()))
    answers.set(t, viaClock)
    return viaClock
  }
  return formatParts(formatterFor(timeZone), t)
}

/** The calendar date (`YYYY-MM-DD`) of an instant in a time zone: what the author would call
 * the day it happened. Unparseable text falls back to its first ten characters. */
export function dateInZone(instant: number | string | Date, timeZone: string): string {
  const t = instant instanceof Date ? instant.getTime() : new Date(instant).getTime()
  if (Number.isNaN(t)) return typeof instant === 'string' ? instant.slice(0, 10) : ''
  return partsInZone(t, timeZone)[0]
}
