import { NowPageError } from '../errors.js'

/**
 * Turns a progress pattern matched over a project's paths into a stable summary, e.g. with
 * `(?<track>go|rust)/ch(?<chapter>\d+)` over `go/ch04/x.go` and `rust/ch05/y.rs`:
 * "Go: chapter 4 · Rust: chapter 5". Numeric named groups are "how far" (the highest wins); the
 * other named groups name the track. Sorted, so the same paths always give the same text.
 */
export function summarizeProgress(pattern: string, paths: Iterable<string>, repo?: string): string {
  let re: RegExp
  try {
    re = new RegExp(pattern)
  } catch (e) {
    throw new NowPageError(
      `invalid progress pattern for ${repo ?? 'a side project'}: ${(e as Error).message}`,
      {
        input: 'side-projects',
        hint: 'Use a JavaScript regular expression with named groups, e.g. (?<track>go|rust)/ch(?<chapter>\\d+)',
      },
    )
  }
  const best = new Map<string, { label: string; unit: string; value: number | undefined }>()
  for (const path of paths) {
    const groups = re.exec(path)?.groups
    if (!groups) continue
    const labels: string[] = []
    let unit = ''
    let value: number | undefined
    for (const [name, raw] of Object.entries(groups)) {
      if (raw === undefined) continue
      if (/^\d+$/.test(raw)) {
        if (value === undefined) {
          value = Number.parseInt(raw, 10)
          unit = name.replace(/_/g, ' ')
        }
      } else {
        labels.push(raw)
      }
    }
    const key = labels.join(' ').toLowerCase()
    const seen = best.get(key)
    if (!seen || (value !== undefined && (seen.value === undefined || value > seen.value))) {
      best.set(key, { label: capitalize(labels.join(' ')), unit, value })
    }
  }
  return [...best.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, { label, unit, value }]) => {
      const amount = value === undefined ? '' : `${unit} ${value}`.trim()
      return label && amount ? `${label}: ${amount}` : label || amount
    })
    .filter((s) => s)
    .join(' · ')
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1)
}
