/**
 * Month and weekday names per locale, from Intl rather than typed-in tables. A table is built
 * the first time a locale is needed (cold start matters in an Action), then kept.
 */
export const NAME_LOCALES = ['en', 'es', 'pt', 'de', 'fr', 'it', 'nl'] as const

export interface NameTable {
  locale: string
  /** Index 0 = January. Lower case, without a trailing dot. */
  monthsLong: string[]
  monthsShort: string[]
  /** Index 0 = Sunday. */
  weekdaysLong: string[]
  weekdaysShort: string[]
}

const tables = new Map<string, NameTable>()

const clean = (s: string) => s.normalize('NFC').toLocaleLowerCase().replace(/\.$/, '')

/** The twelve month names (index 0 = January) in one form, from a single formatter. With a day
 * beside it, Intl gives the form used inside a date ("de março", "Jan."), not the stand-alone one. */
function monthNames(locale: string, month: 'long' | 'short'): string[] {
  const fmt = new Intl.DateTimeFormat(locale, { month, day: 'numeric', timeZone: 'UTC' })
  return Array.from({ length: 12 }, (_, i) =>
    clean(fmt.formatToParts(Date.UTC(2001, i, 15)).find((p) => p.type === 'month')?.value ?? ''),
  )
}

function weekdayNames(locale: string, weekday: 'long' | 'short'): string[] {
  const fmt = new Intl.DateTimeFormat(locale, { weekday, timeZone: 'UTC' })
  // 2023-01-01 was a Sunday.
  return Array.from({ length: 7 }, (_, i) => clean(fmt.format(Date.UTC(2023, 0, 1 + i))))
}

export function namesFor(locale: string): NameTable {
  let table = tables.get(locale)
  if (!table) {
    table = {
      locale,
      monthsLong: monthNames(locale, 'long'),
      monthsShort: monthNames(locale, 'short'),
      weekdaysLong: weekdayNames(locale, 'long'),
      weekdaysShort: weekdayNames(locale, 'short'),
    }
    tables.set(locale, table)
  }
  return table
}

/** How a name was written: its full form, the locale's abbreviation, or the first `length`
 * letters of the full name ("Sept", "Augu" is not accepted: at least three letters, at most the
 * abbreviation plus one). */
export type NameForm = 'long' | 'short' | { prefix: number }

export interface NameHit {
  /** Month 1-12, or weekday 0-6. */
  index: number
  locale: string
  form: NameForm
}

function lookup(
  word: string,
  preferred: readonly string[],
  pick: (t: NameTable) => [string[], string[]],
  offset: number,
): NameHit | undefined {
  const w = clean(word)
  if (w.length < 2) return undefined
  // Locale by locale, so English "Sept" is English even though Spanish abbreviates "sept".
  for (const locale of [...new Set([...preferred, ...NAME_LOCALES])]) {
    const [long, short] = pick(namesFor(locale))
    let i = long.indexOf(w)
    if (i >= 0) return { index: i + offset, locale, form: 'long' }
    i = short.indexOf(w)
    if (i >= 0) return { index: i + offset, locale, form: 'short' }
    if (w.length < 3) continue
    i = long.findIndex((name, k) => name.startsWith(w) && w.length <= (short[k]?.length ?? 3) + 1)
    if (i >= 0) return { index: i + offset, locale, form: { prefix: w.length } }
  }
  return undefined
}

export function lookupMonth(word: string, preferred: readonly string[] = []): NameHit | undefined {
  return lookup(word, preferred, (t) => [t.monthsLong, t.monthsShort], 1)
}

export function lookupWeekday(
  word: string,
  preferred: readonly string[] = [],
): NameHit | undefined {
  return lookup(word, preferred, (t) => [t.weekdaysLong, t.weekdaysShort], 0)
}

type Case = 'upper' | 'lower' | 'title' | 'as-is'

export function caseOf(word: string): Case {
  const letters = word.replace(/[^\p{L}]/gu, '')
  if (letters.length > 1 && letters === letters.toLocaleUpperCase()) return 'upper'
  if (letters === letters.toLocaleLowerCase()) return 'lower'
  if (letters[0] === letters[0]?.toLocaleUpperCase()) return 'title'
  return 'as-is'
}

export function applyCase(word: string, c: Case): string {
  if (c === 'upper') return word.toLocaleUpperCase()
  if (c === 'lower') return word.toLocaleLowerCase()
  if (c === 'title') return word.charAt(0).toLocaleUpperCase() + word.slice(1)
  return word
}

/** The name of `index` in the same locale, form, case and dot as `written`. */
export function writeName(
  written: string,
  hit: NameHit,
  index: number,
  kind: 'month' | 'weekday',
): string {
  const t = namesFor(hit.locale)
  const [long, short] =
    kind === 'month' ? [t.monthsLong, t.monthsShort] : [t.weekdaysLong, t.weekdaysShort]
  const i = kind === 'month' ? index - 1 : index
  const full = long[i] ?? ''
  let name: string
  if (hit.form === 'long') name = full
  else if (hit.form === 'short') name = short[i] ?? full
  else if (hit.locale === 'en' && hit.form.prefix === 4) {
    // AP style: "Sept." is the one four-letter abbreviation; the rest keep three letters.
    name = kind === 'month' && index === 9 ? 'sept' : (short[i] ?? full)
  } else name = full.slice(0, hit.form.prefix)
  const dot = written.endsWith('.') && name !== full ? '.' : ''
  return applyCase(name, caseOf(written)) + dot
}
