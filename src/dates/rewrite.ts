import { saysSameDay, type YMD } from './calendar.js'
import type { WrittenDate } from './recognize.js'
import { writeShape } from './shape.js'

/** The text `written` becomes for `target`, or undefined when it already says that day (a
 * malformed date is always rewritten, into its well-formed shape). */
export function rewriteDate(written: WrittenDate, target: YMD): string | undefined {
  if (!written.malformed && saysSameDay(written.date, target)) return undefined
  const text = writeShape(written.parts, target)
  return text === written.text ? undefined : text
}
