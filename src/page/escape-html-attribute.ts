import { plainLine } from './escape-markdown.js'

const ATTRIBUTE_SPECIAL_RE = /[&<>"'`= ]/g

/**
 * Untrusted text placed inside an HTML tag by a user's template (`<li title="{title}">`):
 * Markdown escapes mean nothing there (a backslash shows as itself) and a quote would end the
 * attribute, so every character that can end a value or a tag, quoted or not, becomes a numeric
 * character reference, which the browser shows as the character.
 */
export function escapeHtmlAttribute(text: string, maxLength?: number): string {
  return htmlAttributeValue(plainLine(text, maxLength))
}

/** Escapes text that is already one clean line (a URL that passed safeUrl, say). */
export function htmlAttributeValue(line: string): string {
  return line.replace(ATTRIBUTE_SPECIAL_RE, (c) => `&#${c.charCodeAt(0)};`)
}
