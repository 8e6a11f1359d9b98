import { Octokit } from '@octokit/rest'
import { createTwoFilesPatch } from 'diff'
import {
  loadScenario,
  parseScenario,
  startEmulator,
  type Emulator,
  type Scenario,
} from '../emulator/index.js'
import { NowPageError } from '../errors.js'
import { dispatchEvent, type ActionRun, type ActionRunner } from '../runner/local-runner.js'
import demoScenario from '../../scenarios/demo.json' with { type: 'json' }
import { parseCommandArgs } from './command-args.js'
import { actionRunner, type CommandIo } from './command-io.js'

export const DEMO = {
  name: 'demo',
  usage: `Usage: now-page demo [--scenario FILE] [--json]

Starts the embedded GitHub API emulator with a scenario (default: the built-in demo), runs the
bundled Action against it exactly as a runner would (twice: the second run has nothing to do),
and prints the pull request it opened and the page's diff. Needs no token and no network.
  --scenario FILE   a scenario file (schema/scenario.schema.json)
  --json            print { outputs, pullRequest, files, diff, requests, secondRun } as JSON`,
  options: {
    scenario: { type: 'string' },
    json: { type: 'boolean', default: false },
  },
} as const

export async function demoCommand(argv: string[], io: CommandIo): Promise<number> {
  const values = parseCommandArgs(DEMO, argv, io)
  if (!values) return 0
  const scenario = values.scenario
    ? loadScenario(values.scenario)
    : parseScenario(demoScenario, 'scenarios/demo.json (built in)')
  const result = await runDemo(scenario, actionRunner(io))
  if (values.json) {
    io.stdout(JSON.stringify(result.json, null, 2) + '\n')
  } else {
    io.stdout(result.text)
  }
  return result.first.exitCode === 0 && result.second.exitCode === 0 ? 0 : 1
}

export interface DemoResult {
  first: ActionRun
  second: ActionRun
  json: {
    outputs: Record<string, string>
    pullRequest: {
      number: number
      title: string
      body: string
      head: string
      base: string
      url: string
    } | null
    files: Record<string, string>
    /** The page's diff as the pull request proposes it. */
    diff: string
    requests: Array<{ method: string; path: string; status: number; ms: number }>
    secondRun: { outputs: Record<string, string>; requests: number; writes: number }
  }
  text: string
}

/** The site repository of a scenario: the one the inputs point at, else the first with files. */
function siteRepository(scenario: Scenario): string {
  const explicit = scenario.repository
  if (explicit) return explicit
  const site = scenario.repos.find((r) => r.files && Object.keys(r.files).length > 0)
  if (!site) {
    throw new NowPageError('the scenario has no repository with files to act on', {
      hint: 'Give one repo a "files" object with the page, or set "repository"',
    })
  }
  return site.fullName
}

export async function runDemo(scenario: Scenario, runAction: ActionRunner): Promise<DemoResult> {
  const emulator = await startEmulator(scenario, { port: 0 })
  try {
    // parseScenario refuses a scenario without tokens.
    const token = Object.keys(scenario.tokens)[0] as string
    const repository = siteRepository(scenario)
    const ownerType =
      scenario.repos.find((r) => r.fullName === repository)?.ownerType === 'Organization'
        ? 'Organization'
        : 'User'
    const run = () =>
      runAction({
        inputs: { token, ...(scenario.inputs ?? {}) },
        apiUrl: emulator.url,
        repository,
        // As a workflow_dispatch run: the payload says who owns the repository.
        event: dispatchEvent(repository, ownerType),
        now: scenario.now,
      })
    const first = await run()
    const firstRequests = emulator.requests.length
    const second = await run()
    const secondLog = emulator.requests.slice(firstRequests)

    const { pullRequest, files, diff } = await readPullRequest(emulator, repository, token, first)
    const requests = emulator.requests
      .slice(0, firstRequests)
      .map(({ method, path, status, ms }) => ({
        method,
        path,
        status,
        ms,
      }))
    const json: DemoResult['json'] = {
      outputs: first.outputs,
      pullRequest,
      files,
      diff,
      requests,
      secondRun: {
        outputs: second.outputs,
        requests: secondLog.length,
        writes: secondLog.filter((r) => r.method !== 'GET').length,
      },
    }
    return { first, second, json, text: describe(first, second, json, diff, emulator.url) }
  } finally {
    await emulator.close()
  }
}

/** The PR the first run opened, its files after the change, and the page's diff. */
async function readPullRequest(
  emulator: Emulator,
  repository: string,
  token: string,
  first: ActionRun,
): Promise<{
  pullRequest: DemoResult['json']['pullRequest']
  files: Record<string, string>
  diff: string
}> {
  const files: Record<string, string> = {}
  const number = Number(first.outputs['pull-request-number'])
  if (!(number > 0)) return { pullRequest: null, files, diff: '' }
  const [owner = '', repo = ''] = repository.split('/')
  // Its own answers are read here: an expected 404 is no news to print.
  const quiet = () => {}
  const octokit = new Octokit({
    baseUrl: emulator.url,
    auth: token,
    log: { debug: quiet, info: quiet, warn: quiet, error: quiet },
  })
  const { data: pr } = await octokit.rest.pulls.get({ owner, repo, pull_number: number })
  const { data: cmp } = await octokit.rest.repos.compareCommits({
    owner,
    repo,
    base: pr.base.ref,
    head: pr.head.ref,
  })
  let diff = ''
  for (const f of cmp.files ?? []) {
    const after = emulator.readFile(repository, f.filename, pr.head.ref) ?? ''
    const before = emulator.readFile(repository, f.filename, pr.base.ref) ?? ''
    files[f.filename] = after
    diff += createTwoFilesPatch(`a/${f.filename}`, `b/${f.filename}`, before, after)
  }
  const pullRequest = {
    number: pr.number,
    title: pr.title,
    body: pr.body ?? '',
    head: pr.head.ref,
    base: pr.base.ref,
    url: pr.html_url,
  }
  return { pullRequest, files, diff }
}

function describe(
  first: ActionRun,
  second: ActionRun,
  json: DemoResult['json'],
  diff: string,
  url: string,
): string {
  const out: string[] = []
  const rule = '─'.repeat(72)
  out.push(
    `Emulated GitHub at ${url}; the Action ran as a runner would (${Math.round(first.ms)} ms, ${json.requests.length} requests).`,
  )
  if (first.exitCode !== 0) {
    out.push(
      '',
      `The Action failed (exit ${first.exitCode}):`,
      lastLines(first.stdout + first.stderr, 30),
    )
    return out.join('\n') + '\n'
  }
  const pr = json.pullRequest
  if (pr) {
    out.push(
      '',
      rule,
      `Pull request #${pr.number} (${json.outputs['pull-request-operation']}): ${pr.title}`,
    )
    out.push(`  ${pr.head} -> ${pr.base}   ${pr.url}`, rule, pr.body, rule, '', diff.trimEnd(), '')
  } else {
    out.push('', `No pull request: ${json.outputs.summary ?? ''}`)
  }
  out.push(
    rule,
    `Second run on the same emulator: ${json.secondRun.outputs['pull-request-operation'] ?? '?'} ` +
      `(changed=${json.secondRun.outputs.changed ?? '?'}, ${json.secondRun.requests} requests, ${json.secondRun.writes} writes): ` +
      `${json.secondRun.outputs.summary ?? ''}${second.exitCode === 0 ? '' : ` — FAILED (exit ${second.exitCode})`}`,
  )
  return out.join('\n') + '\n'
}

function lastLines(text: string, n: number): string {
  return text.trimEnd().split('\n').slice(-n).join('\n')
}
