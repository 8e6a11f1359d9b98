import type { EditReport } from './types.js'

/**
 * The moved dates as one line each, for the PR body and `now-page edit --explain`:
 * "`lastmod` (line 4): 2024-05-06 → 2025-08-24", "line 12: March 2023 → August 2025 (…)".
 * Plain text: the caller escapes it for Markdown.
 */
export function explainDates(report: EditReport): string[] {
  const lines = report.movedDates.map((d) => {
    const where = d.kind === 'field' ? `${d.name} (line ${d.line})` : d.name
    const change = d.from === null ? `added, ${d.to}` : `${d.from} → ${d.to}`
    const guess = d.guessedOrder
      ? ` (read as ${d.guessedOrder === 'dmy' ? 'day/month/year' : 'month/day/year'}: nothing on the page said which)`
      : ''
    return `${where}: ${change}${guess}`
  })
  if (report.noLiveDate)
    lines.push(`No date on this page says when it was updated: ${report.noLiveDate.suggestion}.`)
  return lines
}
