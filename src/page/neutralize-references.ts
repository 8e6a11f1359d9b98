/**
 * Text copied from elsewhere (PR titles, commit subjects, page notes) into a pull request body,
 * title or commit message must not notify anyone or act on any issue. GitHub turns `@user`,
 * `#N`, `GH-N`, `owner/repo#N` and issue or pull request URLs into mentions and cross-references
 * (each one adds an event to the target's timeline), and a closing keyword before a reference
 * closes that issue when the pull request merges. A ZERO WIDTH JOINER, invisible, placed inside
 * each pattern (right after the `@`, as Dependabot does) breaks it without changing what a reader
 * sees. Only for pull request text: files are not scanned for references, so the page keeps its
 * text as it is.
 */
const ZWJ = '\u200D'

const MENTION_RE = /@/g
const ISSUE_NUMBER_RE = /#(?=\d)/g
const GH_NUMBER_RE = /(gh-)(?=\d)/gi
const ISSUE_URL_PATH_RE = /\/(issues|pulls?|discussions)\/(?=\d)/gi
const CLOSING_KEYWORD_RE = /\b(close[sd]?|fix(?:e[sd])?|resolve[sd]?)\b/gi

export function neutralizeReferences(text: string): string {
  return text
    .replace(MENTION_RE, `@${ZWJ}`)
    .replace(ISSUE_NUMBER_RE, `#${ZWJ}`)
    .replace(GH_NUMBER_RE, `$1${ZWJ}`)
    .replace(ISSUE_URL_PATH_RE, `/$1/${ZWJ}`)
    .replace(CLOSING_KEYWORD_RE, `$1${ZWJ}`)
}

const REDIRECT_HOST = 'https://redirect.github.com'

/**
 * A link to an upstream pull request or issue that does not add an event to its timeline:
 * github.com paths go through GitHub's non-notifying redirect host (what Dependabot and Renovate
 * use). Other servers (GitHub Enterprise) have no such host, so those get no link at all.
 */
export function quietLink(url: string): string | undefined {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return undefined
  }
  if (parsed.protocol !== 'https:' || parsed.hostname.toLowerCase() !== 'github.com')
    return undefined
  if (!/^\/[\w.-]+\/[\w.-]+\/(pull|issues)\/\d+$/.test(parsed.pathname)) return undefined
  return REDIRECT_HOST + parsed.pathname
}
