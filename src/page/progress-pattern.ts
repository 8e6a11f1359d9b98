import { RE2JS } from 're2js'
import { NowPageError } from '../errors.js'

const HINT =
  'Use a regular expression with named groups, e.g. (?<track>go|rust)/ch(?<chapter>\\d+); ' +
  'backreferences (\\1) and lookaround ((?=, (?!, (?<=, (?<!) are not supported'

/**
 * Compiles a progress pattern with RE2 (re2js), whose matching time is linear in the path's
 * length whatever the pattern: a pattern like `(?<a>a+)+$` would make JavaScript's backtracking
 * engine run for minutes on a 31-character path, and the Action's timeouts do not bound CPU.
 * Exported so configuration can refuse a bad pattern before any request.
 */
export function compileProgressPattern(pattern: string, repo?: string): RE2JS {
  try {
    return RE2JS.compile(pattern)
  } catch (e) {
    const reason = (e as Error).message.replace(/^error parsing regexp: /, '')
    throw new NowPageError(
      `invalid progress pattern for ${repo ?? 'a side project'}: ${JSON.stringify(pattern)}: ${reason}`,
      { input: 'side-projects', hint: HINT },
    )
  }
}

/**
 * Turns a progress pattern matched over a project's paths into a stable summary, e.g. with
 * `(?<track>go|rust)/ch(?<chapter>\d+)` over `go/ch04/x.go` and `rust/ch05/y.rs`:
 * "Go: chapter 4 · Rust: chapter 5". Numeric named groups are "how far" (the highest wins); the
 * other named groups name the track. Sorted, so the same paths always give the same text.
 */
export function summarizeProgress(pattern: string, paths: Iterable<string>, repo?: string): string {
  const re = compileProgressPattern(pattern, repo)
  const best = new Map<string, { label: string; unit: string; value: number | undefined }>()
  for (const path of paths) {
    // re2js types exec() as any[]; at runtime it is shaped like RegExpExecArray (its README).
    const match = re.exec(path) as RegExpExecArray | null
    const groups = match?.groups
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
