import { weekdayOf, type YMD } from './calendar.js'
import { writeName, type NameHit } from './names.js'

/** How one date was written, piece by piece, so another date can be written the same way. */
export type Part =
  | { kind: 'text'; text: string }
  | { kind: 'year'; digits: 2 | 4 }
  | { kind: 'month-number'; pad: boolean }
  | { kind: 'day'; pad: boolean; ordinal?: Ordinal }
  | { kind: 'month-name' | 'weekday'; written: string; hit: NameHit }

/** An ordinal suffix as written: `th`, `TH`, `<sup>th</sup>`, French `er`, German `.`… */
export interface Ordinal {
  style: 'english' | 'first-only' | 'dot'
  written: string
  /** Markup around the suffix, kept as it was (`<sup>`, `</sup>`). */
  open: string
  close: string
}

export function englishOrdinal(n: number): string {
  const s = n % 100
  if (s >= 11 && s <= 13) return 'th'
  return ['th', 'st', 'nd', 'rd'][n % 10] ?? 'th'
}

function writeOrdinal(o: Ordinal, day: number): string {
  let suffix: string
  if (o.style === 'english') {
    const s = englishOrdinal(day)
    suffix = o.written === o.written.toUpperCase() ? s.toUpperCase() : s
  } else if (o.style === 'first-only') {
    // French "1er", Spanish/Portuguese "1º": only the first of the month takes it.
    suffix = day === 1 ? o.written : ''
  } else suffix = o.written
  return suffix === '' ? '' : o.open + suffix + o.close
}

const pad2 = (n: number, pad: boolean) => (pad ? String(n).padStart(2, '0') : String(n))

/** Writes `date` with the shape's pieces; a weekday is recomputed for the new date. */
export function writeShape(parts: readonly Part[], date: YMD): string {
  return parts
    .map((p) => {
      switch (p.kind) {
        case 'text':
          return p.text
        case 'year':
          return p.digits === 4 ? String(date.year).padStart(4, '0') : pad2(date.year % 100, true)
        case 'month-number':
          return pad2(date.month, p.pad)
        case 'day':
          return pad2(date.day, p.pad) + (p.ordinal ? writeOrdinal(p.ordinal, date.day) : '')
        case 'month-name':
          return writeName(p.written, p.hit, date.month, 'month')
        case 'weekday':
          return writeName(p.written, p.hit, weekdayOf(date), 'weekday')
      }
    })
    .join('')
}
