import { NOW, TOKEN } from './helpers.js'

/** A merged (or not) pull request, as the scenario's `pulls` entries describe one. */
export interface PullSpec {
  repo: string
  number: number
  mergedAt: string | null
  state?: 'open' | 'closed'
  author?: string
  title?: string
  createdAt?: string
}

export interface CommitSpec {
  sha?: string
  author?: string | null
  authorName?: string
  authorEmail?: string
  date: string
  message: string
  paths?: string[]
}

export interface RepoSpec {
  fullName: string
  ownerType?: 'User' | 'Organization'
  defaultBranch?: string
  private?: boolean
  languages?: Record<string, number>
  files?: Record<string, string>
  commits?: CommitSpec[]
  pulls?: Array<Omit<PullSpec, 'repo'>>
}

const ORGS = /^(kubernetes|golang|rancher|suse-edge|acme|nodejs)\//i

/** Groups pull requests into their repositories, adding repositories not listed. */
export function scenario(
  options: {
    pulls?: PullSpec[]
    repos?: RepoSpec[]
    faults?: unknown[]
    now?: string
    [key: string]: unknown
  } = {},
): Record<string, unknown> {
  const { pulls = [], repos = [], faults = [], now = NOW, ...rest } = options
  const byName = new Map<string, RepoSpec>()
  for (const r of repos) byName.set(r.fullName.toLowerCase(), { ...r })
  for (const p of pulls) {
    const key = p.repo.toLowerCase()
    let repo = byName.get(key)
    if (!repo) {
      repo = { fullName: p.repo, ownerType: ORGS.test(p.repo) ? 'Organization' : 'User' }
      byName.set(key, repo)
    }
    const { repo: _repo, ...pull } = p
    repo.pulls = [
      ...(repo.pulls ?? []),
      {
        author: 'someone',
        title: `Change ${p.number} in ${p.repo}`,
        state: 'closed',
        createdAt: p.mergedAt
          ? new Date(Date.parse(p.mergedAt) - 86_400_000).toISOString()
          : '2025-06-01T00:00:00Z',
        ...pull,
      },
    ]
  }
  return {
    now,
    viewer: 'someone',
    tokens: {
      [TOKEN]: { login: 'someone', permissions: { contents: 'read', pull_requests: 'read' } },
    },
    repos: [...byName.values()].map((r) => ({ defaultBranch: 'main', ...r })),
    faults,
    ...rest,
  }
}

/** `count` merged PRs spread evenly between two instants, across `repos`. */
export function spreadPulls(
  count: number,
  from: string,
  to: string,
  repos: string[],
  firstNumber = 1,
): PullSpec[] {
  const start = Date.parse(from)
  const step = (Date.parse(to) - start) / Math.max(count - 1, 1)
  return Array.from({ length: count }, (_, i) => ({
    repo: repos[i % repos.length] as string,
    number: firstNumber + i,
    mergedAt: new Date(Math.floor((start + i * step) / 1000) * 1000)
      .toISOString()
      .replace('.000Z', 'Z'),
  }))
}
