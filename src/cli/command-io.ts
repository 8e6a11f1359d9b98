import { runActionProcess, type ActionRunner } from '../runner/local-runner.js'

/** What a command talks to: its two output streams, and how it runs the Action. */
export interface CommandIo {
  stdout: (s: string) => void
  stderr: (s: string) => void
  /**
   * Runs the Action once; default: the bundled Action as a separate process, as a runner would.
   * Tests pass an in-process runner so coverage sees the job.
   */
  runAction?: ActionRunner
  /** How long a server command (emulator) serves, given its URL; default: until Ctrl-C. */
  untilStopped?: (url: string) => Promise<void>
}

export const processIo: CommandIo = {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
}

export function actionRunner(io: CommandIo): ActionRunner {
  return io.runAction ?? runActionProcess
}
