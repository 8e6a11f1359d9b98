import { runCli } from '../../src/cli/run-cli.js'
import { runInProcess } from '../action/run-in-process.js'

export interface CliResult {
  code: number
  stdout: string
  stderr: string
}

/** `now-page ARGS` in this process: the same code as dist/cli.js, with the Action run in-process. */
export async function cli(args: string[]): Promise<CliResult> {
  let stdout = ''
  let stderr = ''
  const code = await runCli(args, {
    stdout: (s) => (stdout += s),
    stderr: (s) => (stderr += s),
    runAction: runInProcess,
  })
  return { code, stdout, stderr }
}
