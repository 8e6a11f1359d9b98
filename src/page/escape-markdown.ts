/**
 * Untrusted text (PR titles, commit messages) goes onto a public page. It must render as the
 * text it is: never as HTML, a link, emphasis that swallows the rest of the line, a new block, or
 * one of our section markers. Everything here is a pure string transform.
 */

/** Invisible or direction-changing characters: they can hide or reorder text (Trojan Source). */
const INVISIBLE_RE =
  /[\u00AD\u061C\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF\uFFF9-\uFFFB]/g
/** C0/C1 controls other than whitespace, which become spaces. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_RE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g
/** Characters with Markdown meaning anywhere in a line (CommonMark allows `\` before any ASCII
 * punctuation, and renders it as the bare character). */
const INLINE_SPECIAL_RE = /[\\`*_[\]|~]/g
/** Characters that start a block when they open a line, in case a template puts a value first. */
const LEADING_BLOCK_RE = /^([#>+=-]|\d+[.)])/

export const DEFAULT_MAX_TEXT = 200
const WJ = '\u2060'

/** One line of visible text: invisible and control characters out, whitespace collapsed, cut to
 * `maxLength` characters (code points) with an ellipsis. */
export function plainLine(text: string, maxLength = DEFAULT_MAX_TEXT): string {
  const plain = text.replace(INVISIBLE_RE, '').replace(CONTROL_RE, ' ').replace(/\s+/g, ' ').trim()
  const chars = Array.from(plain)
  if (chars.length <= maxLength) return plain
  return (
    chars
      .slice(0, maxLength - 1)
      .join('')
      .trimEnd() + '…'
  )
}

export function escapeInline(text: string, maxLength = DEFAULT_MAX_TEXT): string {
  return (
    plainLine(text, maxLength)
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(INLINE_SPECIAL_RE, (c) => `\\${c}`)
      .replace(LEADING_BLOCK_RE, (c) => `${c.slice(0, -1)}\\${c.slice(-1)}`)
      // Autolink literals (GFM, goldmark's linkify) turn bare URLs and emails into links, some of
      // them after entity decoding, so escaping cannot stop them. A WORD JOINER (invisible, and
      // stripped from the input above) breaks the pattern without changing what a reader sees.
      .replace(/([a-z][a-z0-9+.-]*):\/\//gi, `$1:${WJ}//`)
      .replace(/\bwww\./gi, (w) => `${w.slice(0, 3)}${WJ}.`)
      .replace(/@/g, `${WJ}@`)
  )
}

/** The first line of a commit message: its subject. */
export function subjectLine(message: string): string {
  return message.split(/\r\n|\n|\r/, 1)[0] ?? ''
}

/**
 * URLs come from GitHub's API, but a link destination must still be unable to close the link or
 * run script: only http(s) passes, and characters that end a destination are percent-encoded.
 */
export function safeUrl(url: string): string {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return '#'
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return '#'
  return parsed.href.replace(
    /[()<>\s"'`\\[\]]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`,
  )
}
