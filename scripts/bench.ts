// npm run bench [-- --latency 100] [--scale-latency 20] [--quick] [--json]
// Runs the bundled Action (dist/index.js) against the emulator with injected per-request latency
// and prints requests by kind, wall time against a lower bound, scale runs, cold start and size.
import { spawn } from 'node:child_process'
import { readFileSync, statSync } from 'node:fs'
import { parseArgs } from 'node:util'
import {
  parseScenario,
  startEmulator,
  type Emulator,
  type Scenario,
} from '../src/emulator/index.js'
import { actionEntry, runActionProcess, type ActionRun } from '../src/runner/local-runner.js'

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

/** Sequential round trips the job cannot avoid, by run kind (see docs/performance.md). */
const ROUNDS: Record<string, number> = {
  // read: page ∥ author, then search ∥ (project repo -> commits ∥ tree) = 3 rounds;
  // write: blob -> tree -> commit -> ref -> pull -> labels/reviewers = 6 rounds.
  first: 3 + 6,
  // read (3) + branch/PR lookup (1), nothing to write.
  'no-op': 4,
  // read (3) + lookup (1) + (compare) + blob -> tree -> commit -> ref -> PR update = 3 + 1 + 1 + 5.
  update: 10,
  'dry run': 4,
}

async function measure(
  name: string,
  em: Emulator,
  scenario: Scenario,
  inputs: Record<string, string> = {},
  bound = ROUNDS[name] ?? 0,
): Promise<Row> {
  const from = em.requests.length
  const run: ActionRun = await runActionProcess({
    inputs: { token: Object.keys(scenario.tokens)[0] as string, ...scenario.inputs, ...inputs },
    apiUrl: em.url,
    repository: scenario.repository ?? 'someone/site',
    now: scenario.now,
    timeoutMs: 900_000,
  })
  if (run.exitCode !== 0) throw new Error(`${name} failed:\n${run.stdout}\n${run.stderr}`)
  const log = em.requests.slice(from)
  const byKind: Record<string, number> = {}
  for (const r of log)
    byKind[kindOf(r.method, r.path)] = (byKind[kindOf(r.method, r.path)] ?? 0) + 1
  const first = Math.min(...log.map((r) => r.at))
  const last = Math.max(...log.map((r) => r.at + r.ms))
  const apiMs = log.length ? last - first : 0
  const lowerBoundMs = bound * latency
  return {
    run: name,
    requests: log.length,
    writes: log.filter((r) => r.method !== 'GET').length,
    byKind,
    apiMs,
    wallMs: Math.round(run.ms),
    lowerBoundMs,
    ratio: lowerBoundMs ? Math.round((apiMs / lowerBoundMs) * 100) / 100 : 0,
    coldStartMs: log.length ? first - run.startedAt : 0,
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
const notes: string[] = []

{
  const scenario = demo()
  const em = await startEmulator(scenario, { latencyMs: latency })
  rows.push(await measure('first', em, scenario))
  rows.push(await measure('no-op', em, scenario))
  // New activity: one more merged upstream PR, then a run that updates the same PR.
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
  rows.push(await measure('update', em, scenario))
  await em.close()
  const dry = await startEmulator(scenario, { latencyMs: latency })
  rows.push(await measure('dry run', dry, scenario, { 'dry-run': 'true' }))
  await dry.close()
}

const scale: Array<Row & { prs: number; commits: number }> = []
if (!values.quick) {
  for (const [prs, commits] of [
    [1000, 0],
    [5000, 0],
    [0, 50_000],
  ] as const) {
    const scenario = scaleScenario(prs, commits, commits ? 5 : 1)
    const em = await startEmulator(scenario, { latencyMs: scaleLatency })
    const from = em.requests.length
    const started = Date.now()
    // One run under /usr/bin/time, for its peak memory; the request log gives the rest.
    const child = spawn('/usr/bin/time', ['-f', '%M', process.execPath, actionEntry()], {
      env: {
        PATH: process.env.PATH ?? '',
        GITHUB_API_URL: em.url,
        GITHUB_REPOSITORY: 'someone/site',
        NOW_PAGE_NOW: scenario.now,
        INPUT_TOKEN: 'demo-token',
        'INPUT_DRY-RUN': 'true',
        'INPUT_PAGE-PATH': 'content/now.md',
        'INPUT_SIDE-PROJECTS': scenario.inputs?.['side-projects'] ?? '',
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    })
    let stderr = ''
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d))
    const code = await new Promise<number>((resolve) => child.on('close', (c) => resolve(c ?? 1)))
    const wallMs = Date.now() - started
    if (code !== 0) throw new Error(`scale run failed: ${stderr}`)
    const log = em.requests.slice(from)
    const byKind: Record<string, number> = {}
    for (const r of log)
      byKind[kindOf(r.method, r.path)] = (byKind[kindOf(r.method, r.path)] ?? 0) + 1
    const kb = Number(stderr.trim().split('\n').pop())
    const row: Row = {
      run: `scale ${prs} PRs / ${commits} commits`,
      requests: log.length,
      writes: log.filter((r) => r.method !== 'GET').length,
      byKind,
      apiMs: log.length
        ? Math.max(...log.map((r) => r.at + r.ms)) - Math.min(...log.map((r) => r.at))
        : 0,
      wallMs,
      lowerBoundMs: 0,
      ratio: 0,
      coldStartMs: 0,
      ...(Number.isFinite(kb) ? { peakRssMb: Math.round(kb / 1024) } : {}),
    }
    scale.push({ ...row, prs, commits })
    await em.close()
  }
}

const entry = actionEntry()
const bundleBytes = statSync(entry).size
const result = {
  machine: `${process.platform} ${process.arch}, node ${process.version}`,
  latencyMs: latency,
  scaleLatencyMs: scaleLatency,
  runs: rows,
  scale,
  bundle: { file: 'dist/index.js', bytes: bundleBytes },
  notes,
}

if (values.json) {
  console.log(JSON.stringify(result, null, 2))
} else {
  const pad = (s: unknown, n: number) => String(s).padEnd(n)
  console.log(`now-page-action bench: ${result.machine}; ${latency} ms injected per request\n`)
  console.log(
    pad('run', 30) +
      pad('requests', 10) +
      pad('writes', 8) +
      pad('api ms', 9) +
      pad('bound ms', 10) +
      pad('ratio', 7) +
      pad('wall ms', 9) +
      pad('cold ms', 8) +
      'by kind',
  )
  for (const r of rows) {
    console.log(
      pad(r.run, 30) +
        pad(r.requests, 10) +
        pad(r.writes, 8) +
        pad(r.apiMs, 9) +
        pad(r.lowerBoundMs, 10) +
        pad(r.ratio, 7) +
        pad(r.wallMs, 9) +
        pad(r.coldStartMs, 8) +
        Object.entries(r.byKind)
          .map(([k, v]) => `${k} ${v}`)
          .join(', '),
    )
  }
  console.log('\nLower bound = sequential round trips the job cannot avoid x latency:')
  console.log(
    '  first: read 3 (page ∥ author; search ∥ repo -> commits ∥ tree) + write 6 (blob -> tree -> commit -> ref -> PR -> labels) = 9',
  )
  console.log(
    '  no-op and dry run: read 3 + branch/PR lookup 1 = 4; update: 4 + compare 1 + blob -> tree -> commit -> ref -> PR update 5 = 10',
  )
  if (scale.length) {
    console.log(`\nScale (dry runs, ${scaleLatency} ms per request)`)
    console.log(
      pad('run', 34) +
        pad('requests', 10) +
        pad('api ms', 10) +
        pad('wall ms', 10) +
        pad('peak RSS MB', 13) +
        'by kind',
    )
    for (const r of scale)
      console.log(
        pad(r.run, 34) +
          pad(r.requests, 10) +
          pad(r.apiMs, 10) +
          pad(r.wallMs, 10) +
          pad(r.peakRssMb ?? '?', 13) +
          Object.entries(r.byKind)
            .map(([k, v]) => `${k} ${v}`)
            .join(', '),
      )
  }
  console.log(`\nBundle: dist/index.js ${(bundleBytes / 1024 / 1024).toFixed(2)} MB`)
}
