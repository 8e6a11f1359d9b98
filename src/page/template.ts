import { NowPageError } from '../errors.js'
import { looksLikeMarker } from './markers.js'

const PLACEHOLDER_RE = /\{([a-z_]+)\}/g

/** A value escaped for each place a template may put it: Markdown text, or inside an HTML tag
 * (an attribute's value, quoted or not). */
export interface EscapedValue {
  markdown: string
  attribute: string
}

/** Plain strings are the caller's own text (numbers, dates) and go in as they are. */
export type TemplateValue = string | EscapedValue

/**
 * Fills `{name}` placeholders, each with the form of its value escaped for where it sits: inside
 * an HTML tag of the template (`<a title="{title}">`) or in Markdown text.
 */
export function fillTemplate(
  template: string,
  values: Readonly<Record<string, TemplateValue>>,
): string {
  const inTag = tagRanges(template)
  return template.replace(PLACEHOLDER_RE, (whole, name: string, at: number) => {
    const value = values[name]
    if (value === undefined) return whole
    if (typeof value === 'string') return value
    return inTag.some(([from, to]) => at > from && at < to) ? value.attribute : value.markdown
  })
}

/** [start, end) offsets of the HTML tags in a template line: `<` and a letter (or `/`) up to
 * the `>` that is not inside a quoted attribute value; a tag left open runs to the end. */
function tagRanges(template: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = []
  const open = /<\/?[A-Za-z]/g
  for (let m = open.exec(template); m; m = open.exec(template)) {
    let quote = ''
    let i = m.index + 1
    for (; i < template.length; i++) {
      const c = template[i] as string
      if (quote) quote = c === quote ? '' : quote
      else if (c === '"' || c === "'") quote = c
      else if (c === '>') break
    }
    ranges.push([m.index, i])
    open.lastIndex = i
  }
  return ranges
}

/**
 * Templates are the author's own text, so they are trusted; still, one that names an unknown
 * placeholder or spans lines would render a broken page on every run, so it is refused up front.
 */
export function checkTemplate(
  template: string,
  known: readonly string[],
  where: { input?: string; file?: string },
): void {
  if (/[\r\n]/.test(template) || looksLikeMarker(template)) {
    throw new NowPageError('a template must be a single line without now-page markers', {
      ...where,
      hint: 'Write one line per item, e.g. "- {title} ({url})"',
    })
  }
  for (const m of template.matchAll(PLACEHOLDER_RE)) {
    const name = m[1] as string
    if (!known.includes(name)) {
      throw new NowPageError(
        `unknown placeholder {${name}} in template ${JSON.stringify(template)}`,
        {
          ...where,
          hint: `Available placeholders: ${known.map((k) => `{${k}}`).join(', ')}`,
        },
      )
    }
  }
}
