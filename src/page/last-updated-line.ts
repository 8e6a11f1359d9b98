import { findDate, parseIsoDate, rewriteDate } from '../dates/index.js'

export type LastUpdatedResult =
  | { kind: 'updated'; line: string; from: string; to: string }
  | { kind: 'current'; date: string }
  | { kind: 'unknown-format'; text: string }

const PHRASE_RE = /(?:last[\s_-]*(?:updated|modified|edited)|updated|modified)(?:\s+on)?\b/i
/** Markup a "last updated" line may wear: emphasis, quote, heading, small/em tags, a colon. */
const DECORATION_RE =
  /<\/?(?:small|em|i|b|strong|sub|sup|span|p|time)\b[^>]*>|[\s*_~>#:.,;()[\]|\-–—]|\p{Extended_Pictographic}|\uFE0F|\u200D/gu

/**
 * Rewrites the date of a line such as `*_Last Updated: 2025-08-03_*` to `today`, in the format it
 * was written in. Only a line that is nothing but the phrase, a date and decoration counts: a
 * sentence that happens to contain "updated" is the author's prose and is never touched.
 */
export function rewriteLastUpdatedLine(line: string, today: string): LastUpdatedResult | null {
  const phrase = PHRASE_RE.exec(line)
  if (!phrase) return null
  const before = line.slice(0, phrase.index)
  if (before.replace(DECORATION_RE, '') !== '') return null
  const afterAt = phrase.index + phrase[0].length
  const after = line.slice(afterAt)
  const found = findDate(after)
  if (!found) {
    return /\d/.test(after) &&
      !/[a-z]{3,}\s+[a-z]{3,}\s+[a-z]{3,}/i.test(after.replace(/<[^>]*>/g, ''))
      ? { kind: 'unknown-format', text: line }
      : null
  }
  const rest = after.slice(0, found.start) + after.slice(found.end)
  if (rest.replace(DECORATION_RE, '') !== '') {
    // "Updated: August 2025 (roughly)" and the like: a date line we do not understand.
    return { kind: 'unknown-format', text: line }
  }
  const from = found.text
  const to = rewriteDate(found, parseIsoDate(today))
  if (to === undefined) return { kind: 'current', date: from }
  const start = afterAt + found.start
  return {
    kind: 'updated',
    line: line.slice(0, start) + to + line.slice(found.end + afterAt),
    from,
    to,
  }
}
