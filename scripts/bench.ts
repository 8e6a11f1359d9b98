// npm run bench [-- --latency 100] [--scale-latency 20] [--quick] [--json]
// Runs the bundled Action (dist/index.js) against the emulator with injected per-request latency
// and prints requests by kind, wall time against a lower bound, scale runs, cold start and size.
import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { cpus } from 'node:os'
import { parseArgs } from 'node:util'
import {
  parseScenario,
  startEmulator,
  type Emulator,
  type Scenario,
} from '../src/emulator/index.js'
import {
  actionEntry,
  dispatchEvent,
  runActionProcess,
  type ActionRun,
} from '../src/runner/local-runner.js'
import { sinceDate, todayIn } from '../src/config/index.js'
import { naiveRefresh, type NaiveJob } from './naive-refresh.js'

const { values } = parseArgs({
  options: {
    latency: { type: 'string', default: '100' },
    'scale-latency': { type: 'string', default: '20' },
    quick: { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
  },
})
const latency = Number(values.latency)
const scaleLatency = Number(values['scale-latency'])

const demo = (): Scenario =>
  parseScenario(
    JSON.parse(readFileSync(new URL('../scenarios/demo.json', import.meta.url), 'utf8')),
  )

type Kind = 'search' | 'commits' | 'contents' | 'git reads' | 'git writes' | 'pulls' | 'other'
function kindOf(method: string, path: string): Kind {
  if (path.startsWith('/search/')) return 'search'
  if (/\/git\//.test(path)) return method === 'GET' ? 'git reads' : 'git writes'
  if (/\/commits|\/compare\//.test(path)) return 'commits'
  if (/\/contents\//.test(path)) return 'contents'
  if (/\/pulls|\/issues\//.test(path)) return 'pulls'
  return 'other'
}

/** Requests, writes, requests by kind and API time (first request to last answer) of a log. */
function summarize(log: Emulator['requests']) {
  const byKind: Record<string, number> = {}
  for (const r of log)
    byKind[kindOf(r.method, r.path)] = (byKind[kindOf(r.method, r.path)] ?? 0) + 1
  const apiMs = log.length
    ? Math.max(...log.map((r) => r.at + r.ms)) - Math.min(...log.map((r) => r.at))
    : 0
  return {
    requests: log.length,
    writes: log.filter((r) => r.method !== 'GET').length,
    byKind,
    apiMs,
  }
}

interface Row {
  run: string
  requests: number
  writes: number
  byKind: Record<string, number>
  /** First request to last response, ms. */
  apiMs: number
  /** Process start to exit, ms. */
  wallMs: number
  lowerBoundMs: number
  ratio: number
  coldStartMs: number
  peakRssMb?: number
}

/**
 * Lower bound: the sequential round trips a run of this kind needs, with every read it makes
 * issued at once in one round. Writes through the Git Data API cannot overlap: a tree needs the
 * base's tree, a commit the tree, the ref the commit, the pull request the ref.
 */
const ROUNDS: Record<string, number> = {
  // reads (page, PR, search, commits, tree, base head) 1 + tree -> commit -> ref -> pull = 5.
  first: 1 + 4,
  // reads 1: nothing to write.
  'no-op': 1,
  // reads 1 + tree -> commit -> ref -> PR update = 5.
  update: 1 + 4,
  'dry run': 1,
}
const BOUNDS_TEXT = [
  'first: all reads in 1 round (page, PR, search, commits, tree, base head) + tree -> commit -> ref -> pull = 5',
  'no-op and dry run: all reads in 1 round = 1; update: 1 + tree -> commit -> ref -> PR update = 5',
]

async function measure(
  name: string,
  em: Emulator,
  scenario: Scenario,
  inputs: Record<string, string> = {},
  bound = ROUNDS[name] ?? 0,
): Promise<Row> {
  const from = em.requests.length
  const repository = scenario.repository ?? 'someone/site'
  const run: ActionRun = await runActionProcess({
    inputs: { token: Object.keys(scenario.tokens)[0] as string, ...scenario.inputs, ...inputs },
    apiUrl: em.url,
    repository,
    // As on a runner: a scheduled or dispatched run's payload names the repository's owner.
    event: dispatchEvent(repository, 'User'),
    now: scenario.now,
    timeoutMs: 900_000,
  })
  if (run.exitCode !== 0) throw new Error(`${name} failed:\n${run.stdout}\n${run.stderr}`)
  const log = em.requests.slice(from)
  const summary = summarize(log)
  const { apiMs } = summary
  const lowerBoundMs = bound * latency
  return {
    run: name,
    ...summary,
    wallMs: Math.round(run.ms),
    lowerBoundMs,
    ratio: lowerBoundMs ? Math.round((apiMs / lowerBoundMs) * 100) / 100 : 0,
    coldStartMs: log.length ? Math.min(...log.map((r) => r.at)) - run.startedAt : 0,
  }
}

function scaleScenario(prs: number, commits: number, projects: number): Scenario {
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
  return s
}

const rows: Row[] = []
const naive: Row[] = []
const notes: string[] = []

/** The Action's job done the naive way (scripts/naive-refresh.ts), in this process. */
async function measureNaive(
  name: string,
  em: Emulator,
  scenario: Scenario,
): Promise<Row & { pullRequestsFound: number }> {
  const now = new Date(scenario.now)
  const timeZone = scenario.inputs?.['time-zone'] ?? 'UTC'
  const today = todayIn(timeZone, now)
  const sides = (scenario.inputs?.['side-projects'] ?? '').split('\n').filter(Boolean)
  const job: NaiveJob = {
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
  const from = em.requests.length
  const started = performance.now()
  const outcome = await naiveRefresh(job)
  const wallMs = Math.round(performance.now() - started)
  const summary = summarize(em.requests.slice(from))
  const { apiMs } = summary
  const lowerBoundMs = (ROUNDS[name] ?? 0) * latency
  return {
    run: `naive ${name}`,
    ...summary,
    wallMs,
    lowerBoundMs,
    ratio: lowerBoundMs ? Math.round((apiMs / lowerBoundMs) * 100) / 100 : 0,
    coldStartMs: 0,
    pullRequestsFound: outcome.pullRequests,
  }
}

/** One more merged upstream PR: new activity for an update run. */
function oneMorePull(em: Emulator): void {
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

{
  const scenario = demo()
  const em = await startEmulator(scenario, { latencyMs: latency })
  rows.push(await measure('first', em, scenario))
  rows.push(await measure('no-op', em, scenario))
  oneMorePull(em)
  rows.push(await measure('update', em, scenario))
  await em.close()
  const dry = await startEmulator(scenario, { latencyMs: latency })
  rows.push(await measure('dry run', dry, scenario, { 'dry-run': 'true' }))
  await dry.close()

  // The same three runs, the naive way, on a fresh copy of the scenario.
  const other = await startEmulator(demo(), { latencyMs: latency })
  for (const name of ['first', 'no-op', 'update']) {
    if (name === 'update') oneMorePull(other)
    const { pullRequestsFound: _found, ...row } = await measureNaive(name, other, scenario)
    naive.push(row)
  }
  await other.close()
}

interface ScaleRow extends Row {
  prs: number
  commits: number
  /** Fewest requests that can carry the activity: 100 items a page. */
  pages: number
  pullRequestsFound?: number
}
const scale: ScaleRow[] = []
if (!values.quick) {
  for (const [prs, commits, heapCapMb] of [
    [1000, 0, 0],
    [5000, 0, 0],
    [0, 50_000, 0],
    // Peak RSS above includes garbage V8 has not collected yet; under a small heap cap the run
    // must still finish if what it holds does not grow with history.
    [0, 50_000, 40],
  ] as const) {
    const projects = commits ? 5 : 1
    const scenario = scaleScenario(prs, commits, projects)
    const em = await startEmulator(scenario, { latencyMs: scaleLatency })
    const from = em.requests.length
    const started = Date.now()
    const dir = mkdtempSync(join(tmpdir(), 'now-page-bench-'))
    writeFileSync(join(dir, 'event.json'), JSON.stringify(dispatchEvent('someone/site', 'User')))
    // One run under /usr/bin/time, for its peak memory; the request log gives the rest.
    const child = spawn('/usr/bin/time', ['-f', '%M', process.execPath, actionEntry()], {
      env: {
        PATH: process.env.PATH ?? '',
        GITHUB_API_URL: em.url,
        GITHUB_REPOSITORY: 'someone/site',
        GITHUB_EVENT_PATH: join(dir, 'event.json'),
        ...(heapCapMb ? { NODE_OPTIONS: `--max-old-space-size=${heapCapMb}` } : {}),
        NOW_PAGE_NOW: scenario.now,
        INPUT_TOKEN: 'demo-token',
        'INPUT_DRY-RUN': 'true',
        'INPUT_PAGE-PATH': 'content/now.md',
        'INPUT_SIDE-PROJECTS': scenario.inputs?.['side-projects'] ?? '',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stdout = ''
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d))
    let stderr = ''
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d))
    const code = await new Promise<number>((resolve) => child.on('close', (c) => resolve(c ?? 1)))
    const wallMs = Date.now() - started
    rmSync(dir, { recursive: true, force: true })
    if (code !== 0) throw new Error(`scale run failed: ${stderr}`)
    const kb = Number(stderr.trim().split('\n').pop())
    // The page read, the PR lookup, and per project its tree: the rest is listing pages.
    const pages = Math.ceil(prs / 100) + projects * Math.ceil(commits / projects / 100)
    scale.push({
      run: `scale ${prs} PRs / ${commits} commits${heapCapMb ? ` (heap ≤ ${heapCapMb} MB)` : ''}`,
      ...summarize(em.requests.slice(from)),
      wallMs,
      lowerBoundMs: 0,
      ratio: 0,
      coldStartMs: 0,
      ...(Number.isFinite(kb) ? { peakRssMb: Math.round(kb / 1024) } : {}),
      prs,
      commits,
      pages: Math.max(1, pages),
      ...(prs
        ? { pullRequestsFound: Number(/found (\d+) merged pull requests/.exec(stdout)?.[1] ?? NaN) }
        : {}),
    })
    await em.close()
  }
  // The naive way at scale: one search query stops at GitHub's 1,000-result cap; every
  // commit's files cost a request. 2,000 commits keep this part of the bench short.
  for (const [prs, commits] of [
    [5000, 0],
    [0, 2000],
  ] as const) {
    const scenario = scaleScenario(prs, commits, 1)
    const em = await startEmulator(scenario, { latencyMs: scaleLatency })
    const { pullRequestsFound, ...row } = await measureNaive('first', em, scenario)
    scale.push({
      ...row,
      run: `naive ${prs} PRs / ${commits} commits`,
      prs,
      commits,
      pages: Math.max(1, Math.ceil(prs / 100) + Math.ceil(commits / 100)),
      ...(prs ? { pullRequestsFound } : {}),
    })
    await em.close()
  }
}

const entry = actionEntry()
const bundleBytes = statSync(entry).size
const gain = rows
  .map((r) => ({ ours: r, theirs: naive.find((n) => n.run === `naive ${r.run}`) }))
  .filter((x): x is { ours: Row; theirs: Row } => x.theirs !== undefined)
  .map(({ ours, theirs }) => ({
    run: ours.run,
    requests: `${theirs.requests} -> ${ours.requests}`,
    apiMs: `${theirs.apiMs} -> ${ours.apiMs}`,
    speedup: Math.round((theirs.apiMs / Math.max(1, ours.apiMs)) * 10) / 10,
  }))
const result = {
  machine: `${process.platform} ${process.arch}, ${cpus().length} cores, node ${process.version}`,
  latencyMs: latency,
  scaleLatencyMs: scaleLatency,
  bounds: BOUNDS_TEXT,
  runs: rows,
  naive,
  gain,
  scale,
  bundle: { file: 'dist/index.js', bytes: bundleBytes },
  notes,
}

if (values.json) {
  console.log(JSON.stringify(result, null, 2))
} else {
  const pad = (s: unknown, n: number) => String(s).padEnd(n)
  const kinds = (r: Row) =>
    Object.entries(r.byKind)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')
  console.log(`now-page-action bench: ${result.machine}; ${latency} ms injected per request\n`)
  console.log(
    pad('run', 16) +
      pad('requests', 10) +
      pad('writes', 8) +
      pad('api ms', 9) +
      pad('bound ms', 10) +
      pad('ratio', 7) +
      pad('wall ms', 9) +
      pad('cold ms', 8) +
      'by kind',
  )
  for (const r of [...rows, ...naive]) {
    console.log(
      pad(r.run, 16) +
        pad(r.requests, 10) +
        pad(r.writes, 8) +
        pad(r.apiMs, 9) +
        pad(r.lowerBoundMs, 10) +
        pad(r.ratio, 7) +
        pad(r.wallMs, 9) +
        pad(r.run.startsWith('naive') ? '-' : r.coldStartMs, 8) +
        kinds(r),
    )
  }
  console.log('\nLower bound = sequential round trips the run needs x latency:')
  for (const line of BOUNDS_TEXT) console.log(`  ${line}`)
  console.log('\nAgainst the naive approach (scripts/naive-refresh.ts): requests, API time')
  for (const g of gain)
    console.log(
      `  ${pad(g.run, 8)} ${pad(g.requests, 12)} ${pad(g.apiMs + ' ms', 18)} ${g.speedup}x faster`,
    )
  if (scale.length) {
    console.log(`\nScale (${scaleLatency} ms per request; the Action's runs are dry runs)`)
    console.log(
      pad('run', 48) +
        pad('requests', 10) +
        pad('pages', 7) +
        pad('req/page', 10) +
        pad('api ms', 10) +
        pad('peak RSS MB', 13) +
        'by kind',
    )
    for (const r of scale)
      console.log(
        pad(r.run, 48) +
          pad(r.requests, 10) +
          pad(r.pages, 7) +
          pad((r.requests / r.pages).toFixed(2), 10) +
          pad(r.apiMs, 10) +
          pad(r.peakRssMb ?? '-', 13) +
          kinds(r) +
          (r.pullRequestsFound !== undefined
            ? `; PRs found: ${r.pullRequestsFound} of ${r.prs}`
            : ''),
      )
  }
  console.log(`\nBundle: dist/index.js ${(bundleBytes / 1024 / 1024).toFixed(2)} MB`)
}
