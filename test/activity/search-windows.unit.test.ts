import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { NowPageError } from '../../src/errors.js'
import {
  checkWindow,
  initialWindow,
  inReadWindow,
  mergedBefore,
  mergedRange,
  parseDay,
  splitWindow,
  startOfDay,
  type SearchWindow,
} from '../../src/activity/search-windows.js'

const DAY = 86_400_000
const now = new Date('2025-08-24T06:00:00Z')

describe('search windows', () => {
  it('covers since 00:00 UTC to the end of the UTC day of now, as a date range', () => {
    const w = initialWindow(parseDay('2025-05-26'), now)
    expect(new Date(w.start).toISOString()).toBe('2025-05-26T00:00:00.000Z')
    expect(new Date(w.end).toISOString()).toBe('2025-08-24T23:59:59.000Z')
    expect(mergedRange(w)).toBe('2025-05-26..2025-08-24')
  })

  it('accepts a window of one day (since = today)', () => {
    expect(mergedRange(initialWindow(parseDay('2025-08-24'), now))).toBe('2025-08-24..2025-08-24')
  })

  it('rejects since after now, and dates that do not exist', () => {
    expect(() => checkWindow('2025-08-25', parseDay('2025-08-25'), now)).toThrow(NowPageError)
    expect(() => checkWindow('2025-08-25', parseDay('2025-08-25'), now)).toThrow(/after now/)
    expect(() => checkWindow('2025-08-24', parseDay('2025-08-24'), now)).not.toThrow()
    for (const bad of [
      '2025-02-30',
      '2025-13-01',
      '25-01-01',
      '2025-1-1',
      '',
      '2025-01-01T00:00',
    ]) {
      expect(() => parseDay(bad), bad).toThrow(NowPageError)
    }
  })

  it('includes both edges: 00:00:00 UTC on since and the instant now', () => {
    const since = parseDay('2025-05-26')
    expect(inReadWindow('2025-05-26T00:00:00Z', since, now)).toBe(true)
    expect(inReadWindow('2025-05-25T23:59:59Z', since, now)).toBe(false)
    expect(inReadWindow('2025-08-24T06:00:00Z', since, now)).toBe(true)
    expect(inReadWindow('2025-08-24T06:00:01Z', since, now)).toBe(false)
    expect(inReadWindow('2025-05-26T05:29:59+05:30', since, now)).toBe(false)
    expect(inReadWindow('not a date', since, now)).toBe(false)
  })

  it('splits whole days at a day boundary', () => {
    const w = initialWindow(parseDay('2025-08-01'), new Date('2025-08-04T12:00:00Z'))
    const [a, b] = splitWindow(w) ?? []
    expect(a && mergedRange(a)).toBe('2025-08-01..2025-08-02')
    expect(b && mergedRange(b)).toBe('2025-08-03..2025-08-04')
    const [c, d] =
      splitWindow(initialWindow(parseDay('2025-08-01'), new Date('2025-08-03T00:00:00Z'))) ?? []
    expect(c && mergedRange(c)).toBe('2025-08-01..2025-08-01')
    expect(d && mergedRange(d)).toBe('2025-08-02..2025-08-03')
  })

  it('splits a single day by time, down to a single second', () => {
    const w = initialWindow(parseDay('2025-08-24'), now)
    const [a, b] = splitWindow(w) ?? []
    expect(a && mergedRange(a)).toBe('2025-08-24T00:00:00Z..2025-08-24T11:59:59Z')
    expect(b && mergedRange(b)).toBe('2025-08-24T12:00:00Z..2025-08-24T23:59:59Z')
    expect(splitWindow({ start: w.start, end: w.start })).toBeUndefined()
    const two = splitWindow({ start: w.start, end: w.start + 1000 })
    expect(two).toEqual([
      { start: w.start, end: w.start },
      { start: w.start + 1000, end: w.start + 1000 },
    ])
  })

  it('halves partition the window exactly: no second lost, none twice', () => {
    const base = Date.UTC(2024, 0, 1)
    const windows = fc
      .tuple(fc.integer({ min: 0, max: 400 }), fc.integer({ min: 0, max: 400 * 86_400 }))
      .map(([days, seconds]): SearchWindow => {
        const start = base + days * DAY
        return { start, end: start + seconds * 1000 }
      })
    fc.assert(
      fc.property(windows, (w) => {
        const halves = splitWindow(w)
        if (!halves) return w.start === w.end
        const [a, b] = halves
        return (
          a.start === w.start &&
          b.end === w.end &&
          b.start === a.end + 1000 &&
          a.start <= a.end &&
          b.start <= b.end &&
          a.end - a.start < w.end - w.start &&
          b.end - b.start < w.end - w.start
        )
      }),
    )
  })

  it('starts the window at midnight in the author’s time zone', () => {
    const iso = (ms: number) => new Date(ms).toISOString()
    expect(iso(startOfDay('2025-08-25'))).toBe('2025-08-25T00:00:00.000Z')
    expect(iso(startOfDay('2025-08-25', 'Asia/Kolkata'))).toBe('2025-08-24T18:30:00.000Z')
    expect(iso(startOfDay('2025-08-25', 'America/New_York'))).toBe('2025-08-25T04:00:00.000Z')
    expect(iso(startOfDay('2025-01-15', 'America/New_York'))).toBe('2025-01-15T05:00:00.000Z')
    // The days clocks change, and a day whose midnight does not exist (Chile skips 00:00-01:00).
    expect(iso(startOfDay('2025-03-09', 'America/New_York'))).toBe('2025-03-09T05:00:00.000Z')
    expect(iso(startOfDay('2025-11-02', 'America/New_York'))).toBe('2025-11-02T04:00:00.000Z')
    expect(iso(startOfDay('2024-09-08', 'America/Santiago'))).toBe('2024-09-08T04:00:00.000Z')
    expect(iso(startOfDay('2025-08-25', 'Pacific/Kiritimati'))).toBe('2025-08-24T10:00:00.000Z')
    expect(() => startOfDay('2025-08-25', 'Mars/Olympus')).toThrow(NowPageError)
  })

  it('a run at 20:00 UTC for a user in Asia/Kolkata is already the next day', () => {
    const run = new Date('2025-08-24T20:00:00Z')
    const start = startOfDay('2025-08-25', 'Asia/Kolkata')
    expect(() => checkWindow('2025-08-25', start, run)).not.toThrow()
    expect(mergedRange(initialWindow(start, run))).toBe('2025-08-24..2025-08-24')
    expect(inReadWindow('2025-08-24T18:30:00Z', start, run)).toBe(true)
    expect(inReadWindow('2025-08-24T18:29:59Z', start, run)).toBe(false)
    expect(mergedBefore(start)).toBe('<2025-08-24T18:30:00Z')
    expect(mergedBefore(parseDay('2025-08-25'))).toBe('<2025-08-25')
  })
})
