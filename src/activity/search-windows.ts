import { NowPageError } from '../errors.js'
import { isIsoDate, parseIsoDate, partsInZone } from '../dates/index.js'

const SECOND = 1000
const DAY = 86_400_000

/**
 * A span of merge instants, both ends inclusive, in whole seconds (UTC, epoch milliseconds).
 * GitHub's `merged:A..B` is inclusive on both ends too, whether A and B are dates or instants.
 */
export interface SearchWindow {
  start: number
  end: number
}

/** Parses a `YYYY-MM-DD` calendar date to 00:00:00 UTC of that day. */
export function parseDay(day: string, input = 'since'): number {
  if (!isIsoDate(day)) {
    throw new NowPageError(`'${day}' is not a calendar date (YYYY-MM-DD)`, {
      input,
      hint: 'Use a date such as 2025-05-26',
    })
  }
  const { year, month, day: d } = parseIsoDate(day)
  return Date.UTC(year, month - 1, d)
}

/**
 * The first instant of the calendar day `day` in `timeZone`: 00:00 local time, or the first
 * instant after it when a daylight-saving change skips midnight.
 */
export function startOfDay(day: string, timeZone = 'UTC'): number {
  const utcMidnight = parseDay(day)
  if (timeZone === 'UTC') return utcMidnight
  // Local midnight is UTC midnight minus the zone's offset then; the offset at the guess can
  // differ from the one at the answer around a daylight-saving change, hence two candidates.
  const first = utcMidnight - offsetAt(utcMidnight, timeZone)
  const second = utcMidnight - offsetAt(first, timeZone)
  const candidates = [...new Set([first, second])].sort((a, b) => a - b)
  return (
    candidates.find((t) => localParts(t, timeZone).join(' ') === `${day} 00:00:00`) ??
    candidates.find((t) => localParts(t, timeZone)[0] === day) ??
    second
  )
}

/** `['YYYY-MM-DD', 'HH:MM:SS']` of an instant in a time zone (src/dates), with the input named
 * when the zone is unknown. */
function localParts(t: number, timeZone: string): [string, string] {
  try {
    return partsInZone(t, timeZone)
  } catch (error) {
    if (!(error instanceof RangeError)) throw error
    throw new NowPageError(`unknown time zone '${timeZone}'`, {
      input: 'time-zone',
      hint: 'Use an IANA name such as Europe/Berlin or Asia/Kolkata',
    })
  }
}

/** Milliseconds the zone's wall clock is ahead of UTC at instant `t`. */
function offsetAt(t: number, timeZone: string): number {
  const [date, time] = localParts(t, timeZone)
  const wall = Date.parse(`${date}T${time}Z`)
  return wall - Math.floor(t / SECOND) * SECOND
}

/**
 * The window the search covers: from 00:00 UTC of the UTC day holding `start` to the end of the
 * UTC day holding `now`. Whole UTC days keep the query a plain date range; merges outside
 * [start, now] are dropped by {@link inReadWindow}.
 */
export function initialWindow(start: number, now: Date): SearchWindow {
  const nowMs = now.getTime()
  if (Number.isNaN(nowMs)) throw new Error('readActivity: `now` is not a valid date')
  if (Number.isNaN(start)) throw new Error('readActivity: the window start is not a valid date')
  return { start: Math.floor(start / DAY) * DAY, end: Math.floor(nowMs / DAY) * DAY + DAY - SECOND }
}

/** Checks that the window [start of `since`, `now`] is not empty. */
export function checkWindow(since: string, start: number, now: Date): void {
  if (start > now.getTime()) {
    throw new NowPageError(`since ${since} is after now (${now.toISOString()})`, {
      input: 'since',
      hint: 'Use a date in the past',
    })
  }
}

/** True when an instant is inside [start, now], both ends included. */
export function inReadWindow(instant: string, start: number, now: Date): boolean {
  const t = Date.parse(instant)
  return !Number.isNaN(t) && t >= start && t <= now.getTime()
}

/** `<2025-05-26` for a UTC midnight, else `<2025-05-25T18:30:00Z`: merged before `start`. */
export function mergedBefore(start: number): string {
  return start % DAY === 0 ? `<${day(start)}` : `<${instant(start)}`
}

/** ISO 8601 in whole seconds, `Z`. */
export function isoSeconds(ms: number): string {
  return instant(ms)
}

function isDayAligned(w: SearchWindow): boolean {
  return w.start % DAY === 0 && (w.end + SECOND) % DAY === 0
}

/** `2025-05-26..2025-08-24` for whole days, else `2025-08-24T00:00:00Z..2025-08-24T11:59:59Z`. */
export function mergedRange(w: SearchWindow): string {
  if (isDayAligned(w)) return `${day(w.start)}..${day(w.end)}`
  return `${instant(w.start)}..${instant(w.end)}`
}

/**
 * Splits a window into two halves that together cover it exactly: at a day boundary while it
 * spans several whole days (the query stays a readable date range), else at the middle second.
 * Undefined for a single second, which cannot be split.
 */
export function splitWindow(w: SearchWindow): [SearchWindow, SearchWindow] | undefined {
  if (isDayAligned(w)) {
    const days = (w.end + SECOND - w.start) / DAY
    if (days >= 2) {
      const mid = w.start + Math.floor(days / 2) * DAY
      return [
        { start: w.start, end: mid - SECOND },
        { start: mid, end: w.end },
      ]
    }
  }
  const seconds = (w.end - w.start) / SECOND
  if (seconds < 1) return undefined
  const mid = w.start + Math.floor(seconds / 2) * SECOND
  return [
    { start: w.start, end: mid },
    { start: mid + SECOND, end: w.end },
  ]
}

function day(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10)
}

function instant(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z')
}
