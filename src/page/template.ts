import { NowPageError } from '../errors.js'
import { looksLikeMarker } from './markers.js'

const PLACEHOLDER_RE = /\{([a-z_]+)\}/g

/** Fills `{name}` placeholders. Values must already be escaped for Markdown by the caller. */
export function fillTemplate(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(PLACEHOLDER_RE, (whole, name: string) => values[name] ?? whole)
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
