/** A calendar day. Written dates may omit the year ("July 13th") or the day ("March 2023"). */
export interface YMD {
  year: number
  month: number
  day: number
}

/** What a written date says: any of its components may be missing. */
export interface PartialDate {
  year?: number
  month: number
  day?: number
}

/** True for a real calendar date written exactly `YYYY-MM-DD` (the one validator config,
 * activity and page code share). */
export function isIsoDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value)
  return m !== null && isValidDate({ year: +m[1]!, month: +m[2]!, day: +m[3]! })
}

/** Parses `YYYY-MM-DD`; throws on anything else so a bad `today` never becomes NaN text. */
export function parseIsoDate(value: string): YMD {
  if (!isIsoDate(value)) throw new Error(`'${value}' is not a calendar date written YYYY-MM-DD`)
  const [year, month, day] = value.split('-').map(Number) as [number, number, number]
  return { year, month, day }
}

export function isValidDate({ year, month, day }: YMD): boolean {
  if (!Number.isInteger(year) || month < 1 || month > 12 || day < 1) return false
  return day <= daysInMonth(year, month)
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate()
}

/** 0 = Sunday … 6 = Saturday, like `Date#getUTCDay`. */
export function weekdayOf({ year, month, day }: YMD): number {
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay()
}

/** Whether a written date already says `target`, comparing only the components it has. */
export function saysSameDay(written: PartialDate, target: YMD): boolean {
  return (
    written.month === target.month &&
    (written.year === undefined || written.year === target.year) &&
    (written.day === undefined || written.day === target.day)
  )
}

export function toIso({ year, month, day }: YMD): string {
  const p = (n: number, w: number) => String(n).padStart(w, '0')
  return `${p(year, 4)}-${p(month, 2)}-${p(day, 2)}`
}
