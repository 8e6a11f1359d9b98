import { NowPageError } from '../errors.js'

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
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day)
  const ms = m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : Number.NaN
  if (!m || Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== day) {
    throw new NowPageError(`'${day}' is not a calendar date (YYYY-MM-DD)`, {
      input,
      hint: 'Use a date such as 2025-05-26',
    })
  }
  return ms
}

/**
 * The window the search covers: from 00:00:00 UTC on `since` to the end of the UTC day that
 * contains `now`. The day-aligned end keeps the query a plain date range; merges after `now`
 * (possible only in a scenario) are dropped by {@link inReadWindow}.
 */
export function initialWindow(since: string, now: Date): SearchWindow {
  const start = parseDay(since)
  const nowMs = now.getTime()
  if (Number.isNaN(nowMs)) throw new Error('readActivity: `now` is not a valid date')
  if (start > nowMs) {
    throw new NowPageError(`since ${since} is after now (${now.toISOString()})`, {
      input: 'since',
      hint: 'Use a date in the past',
    })
  }
  return { start, end: Math.floor(nowMs / DAY) * DAY + DAY - SECOND }
}

/** True when an instant is inside [00:00:00 UTC on `since`, `now`], both ends included. */
export function inReadWindow(instant: string, since: string, now: Date): boolean {
  const t = Date.parse(instant)
  return !Number.isNaN(t) && t >= parseDay(since) && t <= now.getTime()
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
