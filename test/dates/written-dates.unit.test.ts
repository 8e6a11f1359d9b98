import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  dateInZone,
  findDate,
  findDates,
  inferNumericOrder,
  isIsoDate,
  isTimeZone,
  localeOrder,
  lookupMonth,
  parseIsoDate,
  rewriteDate,
  toIso,
  type FindOptions,
} from '../../src/dates/index.js'

const today = parseIsoDate('2025-08-24')

/** [written, expected rewrite for 2025-08-24, options] */
const table: Array<[string, string, FindOptions?]> = [
  ['2025-08-03', '2025-08-24'],
  ['2025/8/3', '2025/8/24'],
  ['2025.08.03', '2025.08.24'],
  ['June 1, 2025', 'August 24, 2025'],
  ['Jun 1, 2025', 'Aug 24, 2025'],
  ['jun 1, 2025', 'aug 24, 2025'],
  ['JUNE 1, 2025', 'AUGUST 24, 2025'],
  ['Sept. 3, 2024', 'Aug. 24, 2025'],
  ['Mar. 3rd, 2024', 'Aug. 24th, 2025'],
  ['MARCH 3RD, 2024', 'AUGUST 24TH, 2025'],
  ['4<sup>th</sup> of July 2025', '24<sup>th</sup> of August 2025'],
  ['11th January 2025', '24th August 2025'],
  ['03 Aug. 2024', '24 Aug. 2025'],
  ['March 2023', 'August 2025'],
  ['July 13th', 'August 24th'],
  ['Sat 11 December 2021', 'Sun 24 August 2025'],
  ['Saturday, December 11, 2021', 'Sunday, August 24, 2025'],
  ['Sun, 01 May 2022', 'Sun, 24 Aug 2025'],
  ['May 5, 2025', 'August 24, 2025'],
  ['02-Aug-2026', '24-Aug-2025'],
  ['13/04/2025', '24/08/2025'],
  ['04/13/2025', '08/24/2025'],
  ['4/13/2025', '8/24/2025'],
  ['03/04/2025', '08/24/2025', { numericOrder: 'mdy' }],
  ['03.04.2025', '24.08.2025', { numericOrder: 'dmy' }],
  ['3.4.25', '24.8.25', { numericOrder: 'dmy' }],
  ['3. März 2025', '24. August 2025'],
  ['Samstag, 4. Januar 2025', 'Sonntag, 24. August 2025'],
  ['3 de março de 2025', '24 de agosto de 2025'],
  ['15 de enero de 2024', '24 de agosto de 2025'],
  ['lunes, 15 de enero de 2024', 'domingo, 24 de agosto de 2025'],
  ['marzo de 2023', 'agosto de 2025'],
  ['Agosto 2024', 'Agosto 2025'],
  ['1er janvier 2025', '24 août 2025'],
  ['12 février 2024', '24 août 2025'],
  ['12 févr. 2024', '24 août 2025'],
  ['2025-08-03 Sun', '2025-08-24 Sun'],
  ['2025-01-01 Wed', '2025-08-24 Sun'],
]

describe('a date is written back in its own shape', () => {
  it.each(table)('%s -> %s', (written, expected, opts) => {
    const found = findDate(written, opts)
    expect(found?.text).toBe(written)
    expect(rewriteDate(found!, today)).toBe(expected)
  })

  it('a date that already says today is left alone', () => {
    for (const s of ['2025-08-24', 'August 2025', 'Aug 24', '24/08/2025'])
      expect(rewriteDate(findDate(s)!, today)).toBeUndefined()
  })

  it('a malformed ISO date is written well-formed and flagged', () => {
    const found = findDate('2025-01-1')!
    expect(found.malformed).toBe(true)
    expect(rewriteDate(found, parseIsoDate('2025-08-05'))).toBe('2025-08-05')
  })

  it('numeric order: settled by the values, the page, else guessed from the locale', () => {
    expect(findDate('03/04/2025')?.guessedOrder).toBe('dmy')
    expect(findDate('03/04/2025', { locales: ['en'] })?.guessedOrder).toBe('mdy')
    expect(findDate('03/04/2025', { numericOrder: 'dmy' })?.guessedOrder).toBeUndefined()
    expect(findDate('13/04/2025')?.guessedOrder).toBeUndefined()
    expect(inferNumericOrder('from 25/12/2024 to 03/04/2025')).toBe('dmy')
    expect(inferNumericOrder('12/25/2024 and 03/04/2025')).toBe('mdy')
    expect(inferNumericOrder('03/04/2025')).toBeUndefined()
    expect(localeOrder('de')).toBe('dmy')
    expect(localeOrder('en')).toBe('mdy')
  })

  it('words that are not dates are not dates', () => {
    for (const s of [
      'v1.2.3',
      'release 1.2.10.2025',
      'Updated 40 items',
      'Mayday 2025',
      '32/13/2025',
    ])
      expect(findDates(s)).toEqual([])
  })

  it('month names come from Intl in each locale, abbreviations included', () => {
    expect(lookupMonth('März')).toMatchObject({ index: 3, locale: 'de', form: 'long' })
    expect(lookupMonth('févr.')).toMatchObject({ index: 2, locale: 'fr', form: 'short' })
    expect(lookupMonth('Sept')).toMatchObject({ index: 9, locale: 'en' })
    expect(lookupMonth('mar', ['es'])).toMatchObject({ index: 3, locale: 'es' })
    expect(lookupMonth('Updated')).toBeUndefined()
  })

  it('any valid date round-trips through every numeric and named shape', () => {
    const shapes = [
      '2024-01-02',
      '02/01/2024',
      'January 2, 2024',
      '2 January 2024',
      'Tue 2 Jan 2024',
    ]
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1990-01-01'), max: new Date('2100-12-31'), noInvalidDate: true }),
        (d) => {
          const target = parseIsoDate(d.toISOString().slice(0, 10))
          for (const shape of shapes) {
            const written = findDate(shape, { numericOrder: 'dmy' })!
            const out = rewriteDate(written, target) ?? shape
            const back = findDate(out, { numericOrder: 'dmy' })!
            expect(back.text).toBe(out)
            expect(
              toIso({ year: back.date.year!, month: back.date.month, day: back.date.day! }),
            ).toBe(toIso(target))
          }
        },
      ),
    )
  })
})

describe('calendar and time zones', () => {
  it('validates ISO dates and zones', () => {
    expect(isIsoDate('2024-02-29')).toBe(true)
    expect(isIsoDate('2025-02-29')).toBe(false)
    expect(isIsoDate('2025-8-1')).toBe(false)
    expect(isTimeZone('Asia/Kolkata')).toBe(true)
    expect(isTimeZone('Mars/Olympus')).toBe(false)
  })
  it('gives the calendar day of an instant in a zone', () => {
    expect(dateInZone('2025-08-23T20:00:00Z', 'Asia/Kolkata')).toBe('2025-08-24')
    expect(dateInZone('2025-08-24T02:00:00Z', 'America/Los_Angeles')).toBe('2025-08-23')
  })
})
