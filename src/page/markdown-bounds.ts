import { NowPageError } from '../errors.js'
import type { Line } from './lines.js'

/**
 * CommonMark parsing costs time for every line and, on each line, for every container (block
 * quote, list item) still open; a hostile page can nest thousands of them. These limits, far
 * beyond any real page, keep the parse of a page under the 1 MiB limit to a few seconds and a
 * shallow stack, and are checked before parsing with a cheap line scan.
 */
export const MAX_LINES = 20_000
/** Consecutive lines with text: a paragraph's inline content costs more than linear time in its
 * number of lines for some hostile texts, so paragraphs (or anything without a blank line) are
 * kept to a size no real page reaches. */
export const MAX_RUN = 1_000
export const MAX_NESTING = 64
/** Sum over lines of the containers that may be open on each line. */
export const MAX_NESTING_WORK = 50_000
/** The parser splits a paragraph's text at each character that may start an inline construct,
 * then merges the pieces back line by line, each merge costing the paragraph's size: so for
 * each run of lines, lines times such characters. */
export const MAX_TEXT_WORK = 100_000_000
const INLINE_START_RE = /[!&*<[\\\]_`]/g

/** Leading block-quote markers, list markers and indentation: what opens or continues a
 * container. Indentation alone may be code, so it only counts before a marker. */
const CONTAINER_PREFIX_RE = /^(?:[ \t]*(?:>|[-+*](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$)))+/

function columns(s: string): number {
  let col = 0
  for (const c of s) col = c === '\t' ? col + 4 - (col % 4) : c === ' ' ? col + 1 : col
  return col
}

/** An upper bound of the containers a line opens or continues with markers of its own. */
function nestingOf(text: string): number {
  const prefix = CONTAINER_PREFIX_RE.exec(text)?.[0]
  if (!prefix) return 0
  const markers = prefix.match(/>|[-+*]|\d{1,9}[.)]/g)?.length ?? 0
  // Containers opened on earlier lines: a nested list item needs two more columns each.
  return markers + Math.floor(columns(/^[ \t]*/.exec(prefix)?.[0] ?? '') / 2)
}

/** Refuses, with the file and the line, a page whose parse would not be bounded. */
export function checkMarkdownBounds(lines: readonly Line[], file: string | undefined): void {
  if (lines.length > MAX_LINES) {
    throw new NowPageError(
      `the page has ${lines.length} lines; pages of more than ${MAX_LINES} lines are not supported`,
      {
        file,
        line: lines[MAX_LINES]?.number,
        hint: 'Move older content to another page, or point page-path at the page that holds the sections',
      },
    )
  }
  const work = { nesting: 0, open: 0, text: 0, run: 0, runStarts: 0, previousBlank: true }
  for (const line of lines) {
    const refuse = (message: string, hint: string) =>
      new NowPageError(message, { file, line: line.number, hint })
    const blank = line.text.trim() === ''
    const own = nestingOf(line.text)
    if (own > MAX_NESTING) {
      throw refuse(
        `line nests ${own} block quotes or list items; at most ${MAX_NESTING} are supported`,
        'Flatten the nesting on this line',
      )
    }
    // Containers stay open over lazy, blank and indented lines; after a blank line, a line that
    // starts at the margin without markers closes them all.
    const closesAll = work.previousBlank && !blank && own === 0 && !/^[ \t]/.test(line.text)
    work.open = closesAll ? 0 : Math.max(work.open, own)
    work.nesting += work.open
    if (work.nesting > MAX_NESTING_WORK) {
      throw refuse(
        `the page nests block quotes or list items too deeply for too long (up to line ${line.number})`,
        `Keep nested block quotes and lists short: at most ${MAX_NESTING_WORK} nested lines in all`,
      )
    }
    const starts = blank ? 0 : (line.text.match(INLINE_START_RE)?.length ?? 0)
    work.run = blank ? 0 : work.run + 1
    work.runStarts = blank ? 0 : work.runStarts + starts
    // Growing a run by one line adds the run's characters so far and this line's characters
    // times the lines before it: the sum is lines times characters of the whole run.
    if (!blank) work.text += work.runStarts + (work.run - 1) * starts
    if (work.run > MAX_RUN) {
      throw refuse(
        `more than ${MAX_RUN} lines in a row without a blank line (from line ${line.number - MAX_RUN})`,
        'Separate paragraphs, lists and code blocks with blank lines',
      )
    }
    if (work.text > MAX_TEXT_WORK) {
      throw refuse(
        `the page has too much inline Markdown in long runs of lines (up to line ${line.number})`,
        'Separate long paragraphs and lists with blank lines',
      )
    }
    work.previousBlank = blank
  }
}
