/** A physical line of the page with its own line ending, so the page can be rebuilt byte for
 * byte from its lines. */
export interface Line {
  text: string
  /** `\n`, `\r\n`, `\r`, or '' for a last line without a final newline. */
  eol: string
  /** Offset of the line's first character in the whole page text. */
  start: number
  /** 1-based line number in the whole page, for messages. */
  number: number
}

export function splitLines(text: string, startOffset = 0, firstLineNumber = 1): Line[] {
  const lines: Line[] = []
  const re = /\r\n|\n|\r/g
  let from = 0
  let number = firstLineNumber
  for (let m = re.exec(text); m; m = re.exec(text)) {
    lines.push({ text: text.slice(from, m.index), eol: m[0], start: startOffset + from, number })
    from = m.index + m[0].length
    number++
  }
  if (from < text.length) {
    lines.push({ text: text.slice(from), eol: '', start: startOffset + from, number })
  }
  return lines
}

/** The line ending new lines should use: the page's own (the first one found: LF, CRLF, or CR
 * alone as classic Mac OS wrote), LF if none. */
export function detectEol(text: string): '\r\n' | '\n' | '\r' {
  const m = /\r\n|\n|\r/.exec(text)
  return m?.[0] === '\r\n' ? '\r\n' : m?.[0] === '\r' ? '\r' : '\n'
}
