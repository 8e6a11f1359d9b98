import type { PullRecord, RepoState } from './state.js'

/** A parsed `q` of GET /search/issues, as GitHub reads its qualifiers. */
export interface SearchQuery {
  terms: Array<{ key: string; value: string; negated: boolean }>
  text: string[]
}

export function parseQuery(q: string): SearchQuery {
  const query: SearchQuery = { terms: [], text: [] }
  for (const word of q.trim().split(/\s+/)) {
    const m = /^(-?)([a-z-]+):(.+)$/i.exec(word)
    if (m)
      query.terms.push({
        negated: m[1] === '-',
        key: (m[2] as string).toLowerCase(),
        value: m[3] as string,
      })
    else if (word) query.text.push(word.toLowerCase())
  }
  return query
}

/** A date qualifier (`2025-08-01..2025-08-24`, `>=2025-08-01`, `<2025-08-01T10:00:00Z`...) as a
 * predicate on an ISO instant. Dates are whole UTC days and ranges include both ends. */
export function dateFilter(expr: string): ((iso: string | null) => boolean) | undefined {
  const day = (s: string, end: boolean) => {
    if (/^\d{4}-\d{2}-\d{2}$/.test(s))
      return Date.parse(`${s}T00:00:00Z`) + (end ? 86_400_000 - 1 : 0)
    const t = Date.parse(s)
    return Number.isNaN(t) ? undefined : t
  }
  const range = /^([^.]+)\.\.([^.]+)$/.exec(expr)
  let lo = -Infinity
  let hi = Infinity
  if (range) {
    const a = range[1] === '*' ? -Infinity : day(range[1] as string, false)
    const b = range[2] === '*' ? Infinity : day(range[2] as string, true)
    if (a === undefined || b === undefined) return undefined
    lo = a
    hi = b
  } else {
    const m = /^(>=|<=|>|<)?(.+)$/.exec(expr)
    const op = m?.[1] ?? ''
    const value = m?.[2] ?? ''
    const start = day(value, false)
    const end = day(value, true)
    if (start === undefined || end === undefined) return undefined
    if (op === '>=') lo = start
    else if (op === '>') lo = end + 1
    else if (op === '<=') hi = end
    else if (op === '<') hi = start - 1
    else {
      lo = start
      hi = end
    }
  }
  return (iso) => {
    if (!iso) return false
    const t = Date.parse(iso)
    return t >= lo && t <= hi
  }
}

export interface SearchHit {
  repo: RepoState
  pull: PullRecord
}

/** Filters pull requests (GitHub's search over issues; only PRs exist here). Throws a string
 * for a query GitHub would answer 422. */
export function searchPulls(
  repos: Iterable<RepoState>,
  q: string,
  ownerExists: (login: string) => boolean,
): SearchHit[] {
  const query = parseQuery(q)
  const checks: Array<(h: SearchHit) => boolean> = []
  for (const { key, value, negated } of query.terms) {
    let check: ((h: SearchHit) => boolean) | undefined
    const v = value.toLowerCase()
    switch (key) {
      case 'is':
      case 'type':
        if (v === 'pr' || v === 'pull-request') check = () => true
        else if (v === 'issue') check = () => false
        else if (v === 'merged') check = (h) => h.pull.mergedAt !== null
        else if (v === 'unmerged')
          check = (h) => h.pull.mergedAt === null && h.pull.state === 'closed'
        else if (v === 'open' || v === 'closed') check = (h) => h.pull.state === v
        else if (v === 'public') check = (h) => !h.repo.private
        break
      case 'state':
        check = (h) => h.pull.state === v
        break
      case 'author':
        // GitHub refuses a query naming a user that does not exist rather than finding nothing.
        if (!ownerExists(v))
          throw `The listed users cannot be searched either because the users do not exist or you do not have permission to view the users.`
        check = (h) => h.pull.author.toLowerCase() === v
        break
      case 'user':
      case 'org':
        if (!ownerExists(v))
          throw `The listed users and repositories cannot be searched either because the resources do not exist or you do not have permission to view them.`
        check = (h) => h.repo.owner.toLowerCase() === v
        break
      case 'repo':
        check = (h) => h.repo.fullName.toLowerCase() === v
        break
      case 'merged':
      case 'created':
      case 'closed': {
        const f = dateFilter(value)
        if (!f) throw `Invalid ${key} date: ${value}`
        check = (h) =>
          f(
            key === 'merged'
              ? h.pull.mergedAt
              : key === 'created'
                ? h.pull.createdAt
                : h.pull.closedAt,
          )
        break
      }
      default:
        check = undefined
    }
    if (check) {
      const c = check
      checks.push(negated ? (h) => !c(h) : c)
    }
  }
  const hits: SearchHit[] = []
  for (const repo of repos) {
    for (const pull of repo.pulls) {
      const hit = { repo, pull }
      if (!checks.every((c) => c(hit))) continue
      if (query.text.length && !query.text.every((t) => pull.title.toLowerCase().includes(t)))
        continue
      hits.push(hit)
    }
  }
  return hits
}
