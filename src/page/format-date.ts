const formatters = new Map<string, Intl.DateTimeFormat>()

/** The calendar date (`YYYY-MM-DD`) of an instant in a time zone: what the author would call
 * the day it happened. Deterministic: Intl's zone data, no clock. */
export function dateInZone(instant: string, timeZone: string): string {
  const date = new Date(instant)
  if (Number.isNaN(date.getTime())) return instant.slice(0, 10)
  let fmt = formatters.get(timeZone)
  if (!fmt) {
    // en-CA formats as YYYY-MM-DD.
    fmt = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    })
    formatters.set(timeZone, fmt)
  }
  return fmt.format(date)
}
