// Scenarios the bench runs: the demo, the demo at scale, and the naive job's inputs.
import { readFileSync } from 'node:fs'
import { sinceDate, todayIn } from '../src/config/index.js'
import { parseScenario, type Emulator, type Scenario } from '../src/emulator/index.js'
import type { NaiveJob } from './naive-refresh.js'

/**
 * The demo's GitHub part: its GitLab and Codeberg accounts are left out, so every figure (and the
 * REST bound it is compared with) is GitHub's. Forges are read side by side with GitHub's round 1
 * and have no bound of GitHub's API to be measured against.
 */
export const demo = (): Scenario => {
  const s = parseScenario(
    JSON.parse(readFileSync(new URL('../scenarios/demo.json', import.meta.url), 'utf8')),
  )
  delete s.forges
  const { forges: _forges, 'forge-tokens': _tokens, ...inputs } = s.inputs ?? {}
  const sides = (inputs['side-projects'] ?? '').split('\n').filter((l) => !l.includes('{emulator}'))
  s.inputs = { ...inputs, 'side-projects': sides.join('\n') }
  return s
}

/** The demo's site with `prs` merged upstream PRs and `commits` spread over `projects`. */
export function scaleScenario(prs: number, commits: number, projects: number): Scenario {
  const s = demo()
  const start = Date.parse('2025-05-27T00:00:00Z')
  const span = Date.parse('2025-08-23T00:00:00Z') - start
  s.repos = s.repos.filter((r) => r.fullName === 'someone/site')
  const orgs = ['kubernetes/kubernetes', 'golang/go', 'nodejs/node', 'rust-lang/rust']
  for (const full of orgs) {
    s.repos.push({
      fullName: full,
      ownerType: 'Organization',
      pulls: Array.from({ length: Math.ceil(prs / orgs.length) }, (_, i) => {
        const t = new Date(
          start + ((i * orgs.length + orgs.indexOf(full)) / prs) * span,
        ).toISOString()
        return {
          number: i + 1,
          author: 'someone',
          title: `change ${i}`,
          state: 'closed' as const,
          createdAt: t,
          mergedAt: t,
        }
      }),
    })
  }
  const sides: string[] = []
  for (let p = 0; p < projects; p++) {
    const full = `someone/side-${p}`
    sides.push(`${full} ch(?<chapter>\\d+)`)
    s.repos.push({
      fullName: full,
      files: { 'README.md': '# side\n' },
      commits: Array.from({ length: commits / projects }, (_, i) => ({
        author: 'someone',
        date: new Date(start + (i / (commits / projects)) * span).toISOString(),
        message: `step ${i}`,
        // A few paths, reused: the tree stays small however long the history.
        paths: [`ch${String(i % 20).padStart(2, '0')}/main.go`],
      })),
    })
  }
  s.inputs = { ...s.inputs, 'side-projects': sides.join('\n'), 'exclude-orgs': '' }
  // One emulator serves all repetitions of a case: each stands for a run with GitHub's search
  // bucket of its own, not one that ten runs in a row have emptied (the pacing that waits for
  // the bucket is tested in test/github/search-pacing.int.test.ts). 5,000 PRs need 62 searches,
  // more than one minute's 30: on GitHub that run also waits for the bucket to refill.
  for (const token of Object.values(s.tokens)) token.searchRateLimit = 100_000
  return s
}

/** The Action's job for scripts/naive-refresh.ts, from a scenario's inputs. */
export function naiveJob(em: Emulator, scenario: Scenario): NaiveJob {
  const now = new Date(scenario.now)
  const timeZone = scenario.inputs?.['time-zone'] ?? 'UTC'
  const today = todayIn(timeZone, now)
  const sides = (scenario.inputs?.['side-projects'] ?? '').split('\n').filter(Boolean)
  return {
    apiUrl: em.url,
    token: Object.keys(scenario.tokens)[0] as string,
    owner: 'someone',
    repo: 'site',
    path: scenario.inputs?.['page-path'] ?? 'content/now.md',
    branch: 'now-page/refresh',
    since: sinceDate({ kind: 'duration', days: 90 }, today),
    today,
    now: now.toISOString(),
    timeZone,
    excludeOrgs: (scenario.inputs?.['exclude-orgs'] ?? '').split(/[\s,]+/).filter(Boolean),
    sideProjects: sides.map((line) => {
      const [repo = '', ...pattern] = line.trim().split(/\s+/)
      return pattern.length ? { repo, progressPattern: pattern.join(' ') } : { repo }
    }),
  }
}

/** One more merged upstream PR: new activity for an update run. */
export function oneMorePull(em: Emulator): void {
  em.state.repo('kubernetes/kubernetes')!.pulls.push({
    number: 133999,
    id: 99999,
    author: 'someone',
    title: 'kubectl: one more fix',
    body: '',
    state: 'closed',
    draft: false,
    createdAt: '2025-08-22T10:00:00Z',
    updatedAt: '2025-08-23T10:00:00Z',
    closedAt: '2025-08-23T10:00:00Z',
    mergedAt: '2025-08-23T10:00:00Z',
    head: 'someone:fix',
    base: 'master',
    labels: [],
    assignees: [],
    reviewers: [],
    comments: [],
  })
}
