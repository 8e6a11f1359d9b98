/**
 * Time-zone math through Intl's zone data: no hand-written offsets, no clock. Formatters are
 * costly to build (the process's first one loads ICU's zone data: ~15-25 ms), so each zone's is
 * built once, on first use, and UTC, the default, needs none.
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
  // Years 1000-9999: four digits, written by toISOString as the formatter writes them.
  if (timeZone === 'UTC' && t >= -30_610_224_000_000 && t < 253_402_300_800_000) {
    const iso = new Date(t).toISOString()
    return [iso.slice(0, 10), iso.slice(11, 19)]
  }
  const parts = formatterFor(timeZone).formatToParts(t)
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '00'
  return [
    `${get('year')}-${get('month')}-${get('day')}`,
    `${get('hour')}:${get('minute')}:${get('second')}`,
  ]
}

/** The calendar date (`YYYY-MM-DD`) of an instant in a time zone: what the author would call
 * the day it happened. Unparseable text falls back to its first ten characters. */
export function dateInZone(instant: number | string | Date, timeZone: string): string {
  const t = instant instanceof Date ? instant.getTime() : new Date(instant).getTime()
  if (Number.isNaN(t)) return typeof instant === 'string' ? instant.slice(0, 10) : ''
  return partsInZone(t, timeZone)[0]
}
