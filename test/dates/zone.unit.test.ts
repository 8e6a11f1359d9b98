import fc from 'fast-check'
import { describe, expect, it, vi } from 'vitest'
import { clockKnowsZone, isTimeZone, partsInZone } from '../../src/dates/index.js'
import { partsViaClock } from '../../src/dates/zone.js'

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

function viaFormatter(timeZone: string, t: number): [string, string] {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(t)
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '00'
  return [
    `${get('year')}-${get('month')}-${get('day')}`,
    `${get('hour')}:${get('minute')}:${get('second')}`,
  ]
}

describe('the process clock, for the instants the first requests need', () => {
  // Every zone Intl lists, and names it accepts without listing them (aliases, old spellings).
  const zones = [
    ...Intl.supportedValuesOf('timeZone'),
    ...['Asia/Kolkata', 'Europe/Kyiv', 'US/Pacific', 'Etc/GMT+5', 'Etc/GMT-14', 'EST5EDT'],
  ]
  const instant = fc.oneof(
    // Years 1000-9999, and the last few years' daylight-saving changes, densely.
    fc.integer({ min: -30_610_224_000_000, max: 253_402_300_799_999 }),
    fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2030, 0, 1) }),
  )

  it('gives what Intl gives, in every zone it answers for', () => {
    fc.assert(
      fc.property(fc.constantFrom(...zones), instant, (zone, t) => {
        const viaClock = partsViaClock(t, zone)
        if (viaClock) expect(viaClock).toEqual(viaFormatter(zone, t))
      }),
      { numRuns: 3000 },
    )
  })

  it('answers for the zones authors live in, aliases included', () => {
    const july = Date.UTC(2025, 6, 1, 12)
    for (const zone of ['Asia/Kolkata', 'Europe/Berlin', 'America/New_York', 'Europe/London'])
      expect(partsViaClock(july, zone)).toEqual(viaFormatter(zone, july))
    // Zones always at offset 0 look like a name ICU does not know: Intl answers for those.
    const answered = zones.filter((z) => partsViaClock(july, z) !== undefined)
    expect(answered.length).toBeGreaterThan(zones.length * 0.9)
  })

  it('leaves to Intl the names it cannot be trusted with', () => {
    const t = Date.UTC(2025, 0, 15)
    for (const name of [
      'Mars/Olympus',
      'asia/kolkata',
      ':Europe/Paris',
      'EST5EDT,M3.2.0,M11.1.0',
      '<+0530>-5:30',
      '+05:30',
      'Africa/Abidjan',
      'Etc/UTC',
      '',
    ])
      expect(partsViaClock(t, name)).toBeUndefined()
    expect(clockKnowsZone('Asia/Kolkata')).toBe(true)
    expect(clockKnowsZone('UTC')).toBe(true)
    expect(clockKnowsZone('Mars/Olympus')).toBe(false)
  })

  it('puts TZ back as it was, set or not', () => {
    const saved = process.env.TZ
    try {
      delete process.env.TZ
      partsViaClock(Date.UTC(2025, 0, 15), 'Asia/Tokyo')
      expect('TZ' in process.env).toBe(false)
      process.env.TZ = 'America/Lima'
      partsViaClock(Date.UTC(2025, 0, 15), 'Asia/Tokyo')
      expect(process.env.TZ).toBe('America/Lima')
      expect(new Date(Date.UTC(2025, 0, 15)).getTimezoneOffset()).toBe(300)
    } finally {
      if (saved === undefined) delete process.env.TZ
      else process.env.TZ = saved
    }
  })

  it('keeps its answers until Intl confirms them, and names a zone Intl refuses', async () => {
    vi.resetModules()
    const zone = await import('../../src/dates/zone.js')
    const t = Date.UTC(2025, 6, 1)
    expect(zone.partsInZone(t, 'Asia/Kolkata')).toEqual(['2025-07-01', '05:30:00'])
    expect(zone.confirmClockAnswers()).toBeUndefined()
    // Debian's tzdata has a `posixrules` file the clock reads and Intl refuses.
    if (zone.clockKnowsZone('posixrules')) {
      zone.partsInZone(t, 'posixrules')
      expect(zone.confirmClockAnswers()).toBe('posixrules')
    }
  })
})
