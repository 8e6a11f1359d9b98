import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

export interface ActionRun {
  exitCode: number
  stdout: string
  stderr: string
  outputs: Record<string, string>
  summary: string
  ms: number
  /** Epoch milliseconds when the process was spawned (for cold-start figures). */
  startedAt: number
}

export interface RunActionOptions {
  /** Inputs by name as in action.yml (`page-path`), passed as INPUT_* variables like a runner. */
  inputs: Record<string, string>
  apiUrl: string
  repository: string
  /** Pins the Action's clock (NOW_PAGE_NOW). */
  now?: string
  eventName?: string
  /**
   * The event payload the runner writes to GITHUB_EVENT_PATH; see `dispatchEvent`. None by
   * default, as in a bare `node dist/index.js`.
   */
  event?: object
  /** Extra environment, e.g. to test GITHUB_* edge cases. */
  env?: Record<string, string>
  /** Path of the bundled Action; default: this package's dist/index.js. */
  entry?: string
  /** The Node binary that runs it; default: this process's (the bench compares Node versions). */
  node?: string
  timeoutMs?: number
}

/** The part of a `workflow_dispatch` payload the Action reads: who owns the repository. */
export function dispatchEvent(repository: string, ownerType: 'User' | 'Organization'): object {
  const [login = '', name = ''] = repository.split('/')
  return {
    inputs: {},
    ref: 'refs/heads/main',
    repository: { full_name: repository, name, owner: { login, type: ownerType } },
    sender: { login, type: 'User' },
    workflow: '.github/workflows/now.yml',
  }
}

/** dist/index.js of this package, found from wherever this module runs (src/ or the bundle). */
export function actionEntry(): string {
  let dir = dirname(fileURLToPath(import.meta.url))
  for (;;) {
    if (existsSync(join(dir, 'action.yml'))) return join(dir, 'dist', 'index.js')
    const up = dirname(dir)
    if (up === dir)
      throw new Error('cannot find action.yml above ' + fileURLToPath(import.meta.url))
    dir = up
  }
}

/** The files and environment a runner gives one step: INPUT_* variables, GITHUB_* files. */
export interface RunnerWorkspace {
  dir: string
  env: Record<string, string>
  /** Reads what the step left: its outputs and job summary. Call once, at the end. */
  collect: () => { outputs: Record<string, string>; summary: string }
  /** Deletes the workspace. */
  remove: () => void
}

/** Prepares a runner's workspace for one run of the Action (a temp dir holds its files). */
export function runnerWorkspace(options: RunActionOptions): RunnerWorkspace {
  const dir = mkdtempSync(join(tmpdir(), 'now-page-run-'))
  const outputFile = join(dir, 'output')
  const summaryFile = join(dir, 'summary')
  writeFileSync(outputFile, '')
  writeFileSync(summaryFile, '')
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? dir,
    GITHUB_ACTIONS: 'true',
    CI: 'true',
    GITHUB_API_URL: options.apiUrl,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_GRAPHQL_URL: `${options.apiUrl}/graphql`,
    GITHUB_REPOSITORY: options.repository,
    GITHUB_REPOSITORY_OWNER: options.repository.split('/')[0] ?? '',
    GITHUB_EVENT_NAME: options.eventName ?? 'workflow_dispatch',
    GITHUB_WORKFLOW_REF: `${options.repository}/.github/workflows/now.yml@refs/heads/main`,
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    RUNNER_TEMP: dir,
    ...(options.event ? { GITHUB_EVENT_PATH: join(dir, 'event.json') } : {}),
    ...(options.now ? { NOW_PAGE_NOW: options.now } : {}),
    ...options.env,
  }
  if (options.event) writeFileSync(join(dir, 'event.json'), JSON.stringify(options.event))
  for (const [name, value] of Object.entries(options.inputs)) {
    // Scenario inputs name the emulator's forges as `{emulator}/gitlab.gnome.org`: its address is
    // known only once it listens.
    env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value.replaceAll(
      '{emulator}',
      options.apiUrl,
    )
  }
  return {
    dir,
    env,
    collect: () => ({
      outputs: parseOutputFile(readFileSync(outputFile, 'utf8')),
      summary: readFileSync(summaryFile, 'utf8'),
    }),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  }
}

/**
 * Runs the bundled Action the way a GitHub runner does: a separate `node` process, inputs as
 * INPUT_* variables, outputs and the job summary written to the files the runner names.
 */
export async function runActionProcess(options: RunActionOptions): Promise<ActionRun> {
  const workspace = runnerWorkspace(options)
  const started = performance.now()
  const startedAt = Date.now()
  const child = spawn(options.node ?? process.execPath, [options.entry ?? actionEntry()], {
    env: workspace.env,
    stdio: 'pipe',
  })
  let stdout = ''
  let stderr = ''
  child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d))
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d))
  const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 120_000)
  const exitCode = await new Promise<number>((resolve, reject) => {
    child.on('error', reject)
    child.on('close', (code) => resolve(code ?? 1))
  }).finally(() => clearTimeout(timer))
  const ms = performance.now() - started
  const run: ActionRun = { exitCode, stdout, stderr, ...workspace.collect(), ms, startedAt }
  workspace.remove()
  return run
}

/** Something that runs the Action once: a spawned process, or (in tests) the job in-process. */
export type ActionRunner = (options: RunActionOptions) => Promise<ActionRun>

/** Parses the runner's GITHUB_OUTPUT file (`name<<DELIMITER` blocks, or `name=value`). */
export function parseOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {}
  const lines = text.split(/\r?\n/)
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line)
    if (heredoc) {
      const [, name, delimiter] = heredoc as unknown as [string, string, string]
      const value: string[] = []
      for (i++; i < lines.length && lines[i] !== delimiter; i++) value.push(lines[i] as string)
      outputs[name] = value.join('\n')
    } else if (line.includes('=')) {
      const at = line.indexOf('=')
      outputs[line.slice(0, at)] = line.slice(at + 1)
    }
  }
  return outputs
}
