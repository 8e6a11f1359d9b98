/**
 * GitHub's patterns for text that notifies someone or acts on an issue, written wider than
 * GitHub's own (any `@` before a name character, any `#` before a digit), so text that passes
 * these cannot mention or reference anything.
 */
export const GITHUB_REFERENCE_PATTERNS: ReadonlyArray<[string, RegExp]> = [
  ['mention', /@[A-Za-z0-9]/],
  ['#N or owner/repo#N reference', /#\d/],
  ['GH-N reference', /\bgh-\d/i],
  [
    'issue or pull request URL',
    /(?<![\w.-])(?:https?:\/\/)?(?:www\.)?github\.com\/[\w.-]+\/[\w.-]+\/(?:issues|pulls?|discussions)\/\d/i,
  ],
  [
    'closing keyword before a reference',
    /\b(?:close[sd]?|fix(?:e[sd])?|resolve[sd]?):?\s+(?:#\d|gh-\d|[\w.-]+\/[\w.-]+#\d|https?:\/\/\S+\/(?:issues|pull)\/\d)/i,
  ],
]

/** What in `text` GitHub would read as a mention or reference: `[pattern name, match]` pairs. */
export function liveReferences(text: string): Array<[string, string]> {
  const found: Array<[string, string]> = []
  for (const [name, re] of GITHUB_REFERENCE_PATTERNS) {
    const m = re.exec(text)
    if (m) found.push([name, m[0]])
  }
  return found
}
