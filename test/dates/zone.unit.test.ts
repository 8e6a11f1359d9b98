import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { isTimeZone, partsInZone } from '../../src/dates/index.js'

/** What Intl says for UTC: the reference the formatter-free UTC path must match. */
const intlUtc = new Intl.DateTimeFormat('en-US', {
  timeZone: 'UTC',
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
})
function viaIntl(t: number): [string, string] {
  const parts = intlUtc.formatToParts(t)
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '00'
  return [
    `${get('year')}-${get('month')}-${get('day')}`,
    `${get('hour')}:${get('minute')}:${get('second')}`,
  ]
}

describe('UTC without a formatter', () => {
  it('is a time zone', () => expect(isTimeZone('UTC')).toBe(true))

  it('gives what Intl gives, at the edges of four-digit years and anywhere between', () => {
    for (const iso of ['1000-01-01T00:00:00Z', '9999-12-31T23:59:59.999Z', '2024-02-29T23:59:59Z'])
      expect(partsInZone(iso, 'UTC')).toEqual(viaIntl(Date.parse(iso)))
    // Beyond them (year 999, year 1 BC written "1"), the formatter answers.
    for (const t of [Date.UTC(999, 11, 31), -62_167_219_200_000, 253_402_300_800_000])
      expect(partsInZone(t, 'UTC')).toEqual(viaIntl(t))
    fc.assert(
      fc.property(fc.integer({ min: -40e12, max: 260e12 }), (t) => {
        expect(partsInZone(t, 'UTC')).toEqual(viaIntl(t))
      }),
    )
  })
})
