// npm run bench [-- --quick] [--reps 5] [--latency 100] [--scale-latency 20] [--node PATH] [--json]
//   [--out FILE]
// Runs the bundled Action (dist/index.js) as a runner runs it, a separate process, against the
// emulator with latency injected into every request, each figure the median of --reps runs.
// Progress goes to stderr; the table (or --json) to stdout; --out writes the JSON for
// scripts/performance-doc.ts, which regenerates docs/performance.md from it.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { cpus, loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { format, resolveConfig } from 'prettier'
import { startEmulator, type Emulator, type Scenario } from '../src/emulator/index.js'
import { actionEntry, dispatchEvent, runActionProcess } from '../src/runner/local-runner.js'
import { demo, naiveJob, oneMorePull, scaleScenario } from './bench-scenarios.js'
import { measureClientOverhead } from './client-overhead.js'
import { loadedJs } from './loaded-js.mjs'
import { naiveRefresh } from './naive-refresh.js'

const { values } = parseArgs({
  options: {
    latency: { type: 'string', default: '100' },
    'scale-latency': { type: 'string', default: '20' },
    reps: { type: 'string', default: '5' },
    quick: { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
    out: { type: 'string' },
    // Another Node binary for the Action's processes and bare node (the runners use Node 24).
    node: { type: 'string' },
  },
})
const node = values.node ?? process.execPath
const latency = Number(values.latency)
const scaleLatency = Number(values['scale-latency'])
const reps = Math.max(5, Number(values.reps))
const progress = (m: string) => process.stderr.write(`[bench] ${m}\n`)
const hook = fileURLToPath(new URL('bench-hook.mjs', import.meta.url))

/** Median, min and max of repeated measurements. */
export interface Stat {
  median: number
  min: number
  max: number
}
function stat(xs: number[]): Stat {
  const s = [...xs].sort((a, b) => a - b)
  const mid = s.length >> 1
  const median =
    s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2
  const round = (x: number) => Math.round(x * 10) / 10
  return {
    median: round(median),
    min: round(s[0] as number),
    max: round(s[s.length - 1] as number),
  }
}

/** Round trips that must follow one another: the emulator logs `arrived`/`answered` order. */
function rounds(log: Emulator['requests']): number {
  let count = 0
  let lastAnswer = -1
  for (const r of [...log].sort((a, b) => a.arrived - b.arrived)) {
    if (r.arrived > lastAnswer) count++
    lastAnswer = Math.max(lastAnswer, r.answered)
  }
  return count
}

/** The requests of each round, in the log's order: where a run's rounds come from. */
function roundTrips(log: Emulator['requests']): string[][] {
  const out: string[][] = []
  let lastAnswer = -1
  for (const r of [...log].sort((a, b) => a.arrived - b.arrived)) {
    if (r.arrived > lastAnswer) out.push([])
    const path = r.path
      .replace(/\?.*$/, '')
      .replace(/[0-9a-f]{40}/g, (x) => x.slice(0, 7))
      .replace(/%2F/gi, '/')
    out[out.length - 1]?.push(`${r.method} ${path}`)
    lastAnswer = Math.max(lastAnswer, r.answered)
  }
  return out
}

/**
 * The job's lower bound, in sequential round trips, through each of GitHub's APIs. REST (the API
 * the Action uses): every read at once (1), then a branch (POST git/refs), a commit on it (PUT
 * contents, one request with `branch` and the replaced blob's `sha`) and the pull request (POST
 * pulls) = 4; an update: the commit on the branch, then the PR update = 3 (the PR body names the
 * commit, so it waits for it). GraphQL: every read in one query (1), then one mutation document,
 * whose mutations GitHub runs in order (createRef, createCommitOnBranch, createPullRequest; or
 * createCommitOnBranch and updatePullRequest) = 2. No-op and dry run: the reads = 1 either way.
 */
const JOB_ROUNDS: Record<string, { rest: number; graphql: number }> = {
  first: { rest: 4, graphql: 2 },
  'no-op': { rest: 1, graphql: 1 },
  update: { rest: 3, graphql: 2 },
  'dry run': { rest: 1, graphql: 1 },
}

interface Sample {
  requests: number
  /** Requests to the side projects' repositories (scale rows: someone/side-N). */
  sideRequests?: number
  writes: number
  rounds: number
  apiMs: number
  wallMs: number
  coldStartMs: number
  emulatorCpuMs: number
  cpuMs?: number
  peakRssMb?: number
  liveHeapMb?: number
}

/** One run of the Action's process; the bench process's CPU meanwhile is the emulator's. */
async function runOnce(
  em: Emulator,
  scenario: Scenario,
  inputs: Record<string, string>,
  opts: { stats?: boolean; heap?: boolean; heapCapMb?: number } = {},
): Promise<Sample & { stdout: string; roundTrips: string[][] }> {
  const from = em.requests.length
  const dir = mkdtempSync(join(tmpdir(), 'now-page-bench-'))
  const statsFile = join(dir, 'stats.json')
  const nodeOptions = [
    ...(opts.stats ? [`--import=${hook}`] : []),
    ...(opts.heapCapMb ? [`--max-old-space-size=${opts.heapCapMb}`] : []),
  ]
  const repository = scenario.repository ?? 'someone/site'
  const site = em.state.repo(repository)
  const defaultBranch = site?.defaultBranch ?? 'main'
  // A `workflow_dispatch` on the default branch as GitHub starts it: the payload names the
  // default branch, GITHUB_REF is that branch and GITHUB_SHA its head when the run was queued.
  const event = dispatchEvent(repository, 'User') as { repository: object }
  const cpu = process.cpuUsage()
  const run = await runActionProcess({
    inputs: { token: Object.keys(scenario.tokens)[0] as string, ...scenario.inputs, ...inputs },
    apiUrl: em.url,
    repository,
    event: { ...event, repository: { ...event.repository, default_branch: defaultBranch } },
    now: scenario.now,
    timeoutMs: 900_000,
    node,
    env: {
      GITHUB_REF: `refs/heads/${defaultBranch}`,
      GITHUB_SHA: site?.refs.get(`refs/heads/${defaultBranch}`) ?? '',
      ...(nodeOptions.length ? { NODE_OPTIONS: nodeOptions.join(' ') } : {}),
      ...(opts.stats ? { NOW_PAGE_BENCH_STATS: statsFile } : {}),
      ...(opts.heap ? { NOW_PAGE_BENCH_HEAP: '1' } : {}),
    },
  })
  const used = process.cpuUsage(cpu)
  if (run.exitCode !== 0) throw new Error(`run failed:\n${run.stdout}\n${run.stderr}`)
  const log = em.requests.slice(from)
  const first = Math.min(...log.map((r) => r.at))
  const stats = opts.stats
    ? (JSON.parse(readFileSync(statsFile, 'utf8')) as Partial<Sample> & { peakLiveHeapMb: number })
    : undefined
  rmSync(dir, { recursive: true, force: true })
  return {
    roundTrips: roundTrips(log),
    requests: log.length,
    sideRequests: log.filter((r) => r.path.startsWith('/repos/someone/side-')).length,
    writes: log.filter((r) => r.method !== 'GET').length,
    rounds: rounds(log),
    apiMs: log.length ? Math.max(...log.map((r) => r.at + r.ms)) - first : 0,
    wallMs: run.ms,
    coldStartMs: log.length ? first - run.startedAt : 0,
    emulatorCpuMs: (used.user + used.system) / 1000,
    ...(stats
      ? {
          cpuMs: stats.cpuMs,
          peakRssMb: stats.peakRssMb,
          ...(opts.heap ? { liveHeapMb: stats.peakLiveHeapMb } : {}),
        }
      : {}),
    stdout: run.stdout,
  }
}

type Row = { run: string } & { [K in keyof Sample]?: Stat } & Record<string, unknown>
function summarize(run: string, samples: Sample[], extra: Record<string, unknown> = {}): Row {
  const row: Row = { run, ...extra }
  for (const key of Object.keys(samples[0] ?? {}) as Array<keyof Sample>) {
    const xs = samples.map((s) => s[key]).filter((x): x is number => typeof x === 'number')
    if (xs.length) row[key] = stat(xs)
  }
  return row
}

/** One bare process's wall time: `node -e 0` (the start any Action pays), or `script`. */
function bareRun(script = '0'): number {
  const t = performance.now()
  spawnSync(node, ['-e', script])
  return performance.now() - t
}

const loadBefore = loadavg()
const started = performance.now()

// The demo scenario: first, no-op and update on one emulator, the dry run on another, x reps.
// Bare node is sampled inside each repetition, beside the runs it is compared with (3 each), so
// a busy moment of the machine weighs on both alike. The emulator speaks http: a run against
// api.github.com also loads node:https (TLS, crypto) before its first request, measured the same
// way as bare node, to be added to the cold start.
const bareSamples: number[] = []
const bareHttpsSamples: number[] = []
const demoSamples: Record<string, Array<Sample & { roundTrips?: string[][] }>> = {
  first: [],
  'no-op': [],
  update: [],
  'dry run': [],
}
for (let i = 0; i < reps; i++) {
  progress(`demo runs at ${latency} ms, repetition ${i + 1} of ${reps}`)
  for (let k = 0; k < 3; k++) {
    bareSamples.push(bareRun())
    bareHttpsSamples.push(bareRun("require('node:https')"))
  }
  const scenario = demo()
  const em = await startEmulator(scenario, { latencyMs: latency })
  demoSamples.first?.push(await runOnce(em, scenario, {}))
  demoSamples['no-op']?.push(await runOnce(em, scenario, {}))
  oneMorePull(em)
  demoSamples.update?.push(await runOnce(em, scenario, {}))
  await em.close()
  const dry = await startEmulator(scenario, { latencyMs: latency })
  demoSamples['dry run']?.push(await runOnce(dry, scenario, { 'dry-run': 'true' }))
  await dry.close()
}
const bare = stat(bareSamples)
const bareHttps = stat(bareHttpsSamples)
const httpsMs = Math.max(0, Math.round((bareHttps.median - bare.median) * 10) / 10)
const demoRows = Object.entries(demoSamples).map(([name, samples]) => {
  const job = JOB_ROUNDS[name] as { rest: number; graphql: number }
  const row = summarize(name, samples, {
    jobRounds: job,
    // The last repetition's requests, round by round (every repetition makes the same ones).
    roundTrips: samples.at(-1)?.roundTrips,
    restBoundApiMs: job.rest * latency,
    graphqlBoundApiMs: job.graphql * latency,
    restBoundWallMs: Math.round(bare.median + job.rest * latency),
    graphqlBoundWallMs: Math.round(bare.median + job.graphql * latency),
  })
  const median = (k: keyof Sample) => (row[k] as Stat).median
  const ratio = (x: number, y: number) => Math.round((x / y) * 100) / 100
  // Against REST's bound, the API the Action uses; GraphQL's is reported beside it.
  row.apiRatio = ratio(median('apiMs'), job.rest * latency)
  row.apiRatioGraphql = ratio(median('apiMs'), job.graphql * latency)
  row.wallRatio = ratio(median('wallMs'), row.restBoundWallMs as number)
  row.wallRatioGraphql = ratio(median('wallMs'), row.graphqlBoundWallMs as number)
  row.coldStartRatio = ratio(median('coldStartMs'), bare.median)
  row.coldStartHttpsRatio = ratio(median('coldStartMs') + httpsMs, bare.median)
  return row
})

// The naive approach, in this process (scripts/naive-refresh.ts).
const naiveRows: Row[] = []
if (!values.quick) {
  const samples: Record<string, Sample[]> = { first: [], 'no-op': [], update: [] }
  for (let i = 0; i < reps; i++) {
    progress(`naive runs, repetition ${i + 1} of ${reps}`)
    const scenario = demo()
    const em = await startEmulator(scenario, { latencyMs: latency })
    for (const name of ['first', 'no-op', 'update']) {
      if (name === 'update') oneMorePull(em)
      const from = em.requests.length
      const t = performance.now()
      await naiveRefresh(naiveJob(em, scenario))
      const log = em.requests.slice(from)
      samples[name]?.push({
        requests: log.length,
        writes: log.filter((r) => r.method !== 'GET').length,
        rounds: rounds(log),
        apiMs: Math.max(...log.map((r) => r.at + r.ms)) - Math.min(...log.map((r) => r.at)),
        wallMs: performance.now() - t,
        coldStartMs: 0,
        emulatorCpuMs: 0,
      })
    }
    await em.close()
  }
  for (const [name, s] of Object.entries(samples)) naiveRows.push(summarize(`naive ${name}`, s))
}

// Scale: dry runs, so that each repetition starts from the same state.
const scaleRows: Row[] = []
// --quick keeps the two rows the issue sets targets for (1,200 PRs; one 50,000-commit project).
const scaleCases: Array<{ prs: number; commits: number; projects: number; heapCapMb?: number }> = [
  { prs: 1200, commits: 0, projects: 1 },
  ...(values.quick ? [] : [{ prs: 5000, commits: 0, projects: 1 }]),
  { prs: 0, commits: 50_000, projects: 1 },
  ...(values.quick ? [] : [{ prs: 0, commits: 50_000, projects: 1, heapCapMb: 40 }]),
]
for (const c of scaleCases) {
  const { projects } = c
  const scenario = scaleScenario(c.prs, c.commits, projects)
  const name = `${c.prs} PRs / ${c.commits} commits${c.commits ? ` in ${projects} project` : ''}${c.heapCapMb ? ` (heap <= ${c.heapCapMb} MB)` : ''}`
  const em = await startEmulator(scenario, { latencyMs: scaleLatency })
  const timed: Sample[] = []
  const heap: Sample[] = []
  let found = Number.NaN
  for (let i = 0; i < reps; i++) {
    progress(`scale ${name}, repetition ${i + 1} of ${reps}`)
    const s = await runOnce(
      em,
      scenario,
      { 'dry-run': 'true' },
      { stats: true, heapCapMb: c.heapCapMb },
    )
    found = Number(/found (\d+) merged pull requests/.exec(s.stdout)?.[1] ?? Number.NaN)
    timed.push(s)
  }
  // --quick leaves out the live-heap runs (each doubles a row's time for a memory figure).
  for (let i = 0; i < (values.quick ? 0 : reps); i++) {
    progress(`scale ${name}, live heap sample ${i + 1} of ${reps}`)
    heap.push(
      await runOnce(
        em,
        scenario,
        { 'dry-run': 'true' },
        { stats: true, heap: true, heapCapMb: c.heapCapMb },
      ),
    )
  }
  await em.close()
  const row = summarize(name, timed, {
    prs: c.prs,
    commits: c.commits,
    projects: c.commits ? projects : 0,
    ...(c.heapCapMb ? { heapCapMb: c.heapCapMb } : {}),
    ...(c.prs ? { pullRequestsFound: found } : {}),
  })
  if (heap.length) row.liveHeapMb = stat(heap.map((h) => h.liveHeapMb ?? Number.NaN))
  scaleRows.push(row)
}

progress('client overhead: 100 sequential requests x 5 rounds, plain Octokit and ours')
const clientOverhead = await measureClientOverhead(100)

/** The issue's targets (issue 16, "Done when"), each with the figure that meets it or not. */
const byRun = (rows: Row[], run: string) => rows.find((r) => r.run === run)
const med = (r: Row | undefined, k: keyof Sample) => (r?.[k] as Stat | undefined)?.median
const first = byRun(demoRows, 'first')
const update = byRun(demoRows, 'update')
const noop = byRun(demoRows, 'no-op')
const prs1200 = scaleRows.find((r) => r.prs === 1200)
const commits = scaleRows.find((r) => r.commits && !r.heapCapMb)
const capped = scaleRows.find((r) => r.commits && r.heapCapMb)
const targets = {
  firstApiVsRestBound: { value: first?.apiRatio, target: 1.3 },
  updateApiVsRestBound: { value: update?.apiRatio, target: 1.3 },
  noopRequests: { value: med(noop, 'requests'), target: 5 },
  noopRounds: { value: med(noop, 'rounds'), target: 1 },
  noopWrites: { value: med(noop, 'writes'), target: 0 },
  requestsPer50kCommitProject: {
    value: commits ? (med(commits, 'sideRequests') ?? 0) / Number(commits.projects) : undefined,
    target: 5,
  },
  prs1200WallMs: { value: med(prs1200, 'wallMs'), target: 15_000 },
  loadedJsMb: { value: undefined as number | undefined, target: 0.6 },
  // The slowest of the demo runs' median cold starts, against bare node.
  coldStartVsBare: {
    value: Math.max(...demoRows.map((r) => Number(r.coldStartRatio))),
    target: 1.6,
  },
  coldStartWithHttpsVsBare: {
    value: Math.max(...demoRows.map((r) => Number(r.coldStartHttpsRatio))),
    target: 1.6,
  },
  noopWallMs: {
    value: med(noop, 'wallMs'),
    target: Math.round(bare.median + latency + 150),
  },
  heapCapCpuRatio: {
    value:
      capped && commits
        ? Math.round(((med(capped, 'cpuMs') ?? 0) / (med(commits, 'cpuMs') ?? 1)) * 100) / 100
        : undefined,
  },
}

const entry = actionEntry()
const loaded = loadedJs(entry)
targets.loadedJsMb.value = Math.round((loaded.bytes / 1e6) * 1000) / 1000
const result = {
  date: new Date().toISOString().slice(0, 10),
  machine: `${process.platform} ${process.arch}, ${cpus().length} cores, node ${spawnSync(node, ['--version'], { encoding: 'utf8' }).stdout.trim()}`,
  load: {
    before: loadBefore.map((x) => Math.round(x * 100) / 100),
    after: loadavg().map((x) => Math.round(x * 100) / 100),
  },
  reps,
  latencyMs: latency,
  scaleLatencyMs: scaleLatency,
  bareNodeMs: bare,
  bareNodeHttpsMs: bareHttps,
  httpsMs,
  loadedJs: {
    bytes: loaded.bytes,
    namedBytes: loaded.namedBytes,
    files: loaded.files,
    lazy: loaded.lazy,
  },
  runs: demoRows,
  naive: naiveRows,
  scale: scaleRows,
  clientOverhead,
  targets,
  quick: values.quick,
  benchSeconds: Math.round((performance.now() - started) / 1000),
}
if (values.out) {
  // As `prettier --check .` expects it, so that the committed file passes lint as written.
  const options = (await resolveConfig(values.out)) ?? {}
  writeFileSync(
    values.out,
    await format(JSON.stringify(result), { ...options, filepath: values.out }),
  )
}
if (values.json) console.log(JSON.stringify(result, null, 2))
else printTables()

function printTables(): void {
  const f = (s: Stat | undefined) => (s ? `${s.median} (${s.min}-${s.max})` : '-')
  const pad = (s: unknown, n: number) => String(s).padEnd(n)
  console.log(
    `now-page-action bench, ${result.machine}; load ${result.load.before.join(' ')} -> ${result.load.after.join(' ')}`,
  )
  console.log(`medians of ${reps} runs (min-max); ${latency} ms injected per request`)
  console.log(
    `bare node -e 0: ${f(bare)} ms; JavaScript the Action loads: ${(loaded.bytes / 1e6).toFixed(3)} MB\n`,
  )
  console.log(
    pad('run', 10) +
      pad('requests', 10) +
      pad('rounds', 8) +
      pad('API ms', 22) +
      pad('REST', 6) +
      pad('GQL', 6) +
      pad('xREST', 7) +
      pad('xGQL', 7) +
      pad('wall ms', 22) +
      pad('node+REST', 10) +
      pad('xREST', 7) +
      pad('cold start ms', 20) +
      pad('x bare', 8) +
      'emulator CPU ms',
  )
  for (const r of demoRows)
    console.log(
      pad(r.run, 10) +
        pad(r.requests?.median, 10) +
        pad(r.rounds?.median, 8) +
        pad(f(r.apiMs), 22) +
        pad(r.restBoundApiMs, 6) +
        pad(r.graphqlBoundApiMs, 6) +
        pad(r.apiRatio, 7) +
        pad(r.apiRatioGraphql, 7) +
        pad(f(r.wallMs), 22) +
        pad(r.restBoundWallMs, 10) +
        pad(r.wallRatio, 7) +
        pad(f(r.coldStartMs), 20) +
        pad(r.coldStartRatio, 8) +
        f(r.emulatorCpuMs),
    )
  for (const r of naiveRows)
    console.log(
      pad(r.run, 16) + pad(r.requests?.median, 10) + pad(r.rounds?.median, 8) + f(r.apiMs),
    )
  if (scaleRows.length) console.log(`\nScale, ${scaleLatency} ms per request (dry runs)`)
  for (const r of scaleRows)
    console.log(
      `${pad(r.run, 40)} requests ${r.requests?.median}, rounds ${r.rounds?.median}, API ${f(r.apiMs)} ms, wall ${f(r.wallMs)} ms, Action CPU ${f(r.cpuMs)} ms, emulator CPU ${f(r.emulatorCpuMs)} ms, peak RSS ${f(r.peakRssMb)} MB, live heap ${f(r.liveHeapMb as Stat)} MB` +
        (r.pullRequestsFound !== undefined ? `, PRs found ${String(r.pullRequestsFound)}` : ''),
    )
  const o = clientOverhead
  console.log(
    `\nClient overhead: ${o.overheadWallMs} ms wall, ${o.overheadCpuMs} ms CPU a request (plain @octokit/rest ${o.plainWallMs} ms, ours ${o.actionWallMs} ms)`,
  )
  console.log('\nTargets (issue 16):')
  for (const [k, t] of Object.entries(targets))
    console.log(`  ${pad(k, 30)} ${String(t.value)}${'target' in t ? ` (target ${t.target})` : ''}`)
  console.log(`\n${result.benchSeconds} s`)
}
