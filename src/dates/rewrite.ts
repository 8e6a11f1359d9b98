import { saysSameDay, toIso, type YMD } from './calendar.js'
import { findDate, type FindOptions, type WrittenDate } from './recognize.js'
import { writeShape } from './shape.js'

/** The text `written` becomes for `target`, or undefined when it already says that day (a
 * malformed date is always rewritten, into its well-formed shape). */
export function rewriteDate(written: WrittenDate, target: YMD): string | undefined {
  if (!written.malformed && saysSameDay(written.date, target)) return undefined
  const text = writeShape(written.parts, target)
  return text === written.text ? undefined : text
}

export interface ValueRewrite {
  /** The whole new value. */
  text: string
  /** The date as it was and as it is now, for the report. */
  from: string
  to: string
  /** Why the shape changed, when it had to (a malformed date). */
  note?: string
  guessedOrder?: WrittenDate['guessedOrder']
}

/** A time of day right after a date: `T09:30:00.5`, ` 10:00`, ` 00:07:00`. */
const TIME = /^(?:[Tt]|[ \t]+)\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?/

/**
 * A metadata value (`2025-08-03T09:30:00+05:30`, `"Sun, 01 May 2022"`, `<2025-08-03 Sun>`,
 * `1684359616824`) rewritten to say `target`, in its own shape, or undefined when it is not a
 * date or already says `target`.
 *
 * Time of day: a date-time moves to 00:00 (same precision, same offset). The refresh day is
 * all the page knows, and a kept afternoon time could lie in the future, which Hugo and others
 * treat as "not yet published".
 */
export function rewriteValue(
  value: string,
  type: 'date' | 'number' | 'string',
  target: YMD,
  opts: FindOptions = {},
): ValueRewrite | undefined {
  if (/^\d{13}$|^\d{10}$/.test(value)) return rewriteEpoch(value, target)
  if (type === 'number') return undefined
  const found = findDate(value, opts)
  if (found && /^[\s<[("']*$/.test(value.slice(0, found.start))) {
    const date = rewriteDate(found, target)
    if (date === undefined) return undefined
    const time = TIME.exec(value.slice(found.end))?.[0] ?? ''
    const midnight = time.replace(/\d/g, '0')
    const from = found.text + time
    const to = date + midnight
    const text = value.slice(0, found.start) + to + value.slice(found.end + time.length)
    const note = found.malformed
      ? `'${found.text}' is not a well-formed date; written as ${date}`
      : undefined
    return {
      text,
      from,
      to,
      ...(note ? { note } : {}),
      ...(found.guessedOrder ? { guessedOrder: found.guessedOrder } : {}),
    }
  }
  return rewriteMalformed(value, target)
}

/** Dendron and others store Unix time: the new value is 00:00 UTC of `target`, in the same unit. */
function rewriteEpoch(value: string, target: YMD): ValueRewrite | undefined {
  const ms = Date.UTC(target.year, target.month - 1, target.day)
  const text = value.length === 13 ? String(ms) : String(ms / 1000)
  const old = new Date(value.length === 13 ? Number(value) : Number(value) * 1000)
  if (old.toISOString().slice(0, 10) === toIso(target)) return undefined
  return { text, from: value, to: text }
}

/** `2025-01-1`, `2025-13-45`: a date that went wrong gets today, written well-formed. */
function rewriteMalformed(value: string, target: YMD): ValueRewrite | undefined {
  const m = /^(\d{4})([-/.])(\d{1,2})\2(\d{1,3})(?!\d)/.exec(value)
  if (!m) return undefined
  const sep = m[2] as string
  const to = toIso(target).replace(/-/g, sep)
  return {
    text: to + value.slice(m[0].length),
    from: m[0],
    to,
    note: `'${m[0]}' is not a valid date; written as ${to}`,
  }
}
