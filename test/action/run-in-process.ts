import { run } from '../../src/action/main.js'
import {
  runnerWorkspace,
  type ActionRun,
  type RunActionOptions,
} from '../../src/runner/local-runner.js'

let queue: Promise<unknown> = Promise.resolve()

/**
 * Runs the Action's job in this process the way a runner would run dist/index.js: the same
 * INPUT_* variables and GITHUB_* files (from `runnerWorkspace`), with process.env, stdout and
 * process.exitCode swapped for the run and restored after. Coverage sees the job's code this way.
 * Runs are queued one after another, since process.env is one per process: tests of truly
 * concurrent runs spawn processes instead (runActionProcess).
 */
export function runInProcess(options: RunActionOptions): Promise<ActionRun> {
  const next = queue.then(() => runNow(options))
  queue = next.catch(() => undefined)
  return next
}

async function runNow(options: RunActionOptions): Promise<ActionRun> {
  const workspace = runnerWorkspace(options)
  const savedEnv = process.env
  const savedExitCode = process.exitCode
  const write = process.stdout.write
  let stdout = ''
  process.env = { ...workspace.env }
  process.exitCode = undefined
  process.stdout.write = ((chunk: string | Uint8Array) => {
    stdout += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8')
    return true
  }) as typeof process.stdout.write
  const started = performance.now()
  const startedAt = Date.now()
  let exitCode: number
  try {
    // Retry backoff and the 3 s spacing of notifying writes are the client's business (tested in
    // test/github and test/activity); here they would only make the suite wait.
    await run(process.env, { retryBaseMs: 1, throttle: { notificationsMinTimeMs: 0 } })
    exitCode = Number(process.exitCode ?? 0)
  } finally {
    process.stdout.write = write
    process.env = savedEnv
    process.exitCode = savedExitCode
  }
  const ms = performance.now() - started
  const result: ActionRun = { exitCode, stdout, stderr: '', ...workspace.collect(), ms, startedAt }
  workspace.remove()
  return result
}
