import { loadScenario, startEmulator } from '../emulator/index.js'
import { NowPageError } from '../errors.js'
import { parseCommandArgs } from './command-args.js'
import type { CommandIo } from './command-io.js'

export const EMULATOR = {
  name: 'emulator',
  usage: `Usage: now-page emulator --scenario FILE [--port N] [--latency MS]

Starts the local GitHub API emulator and prints its URL on the first line. Point Octokit, curl or
the Action (GITHUB_API_URL) at it with a token from the scenario. Stops on Ctrl-C.
  --scenario FILE   a scenario file (schema/scenario.schema.json)
  --port N          port to listen on (default: any free port)
  --latency MS      delay every answer by this many milliseconds (default: 0)`,
  options: {
    scenario: { type: 'string' },
    port: { type: 'string', default: '0' },
    latency: { type: 'string', default: '0' },
  },
} as const

/** Until Ctrl-C or a TERM signal: how long a started emulator serves. */
function untilSignalled(): Promise<void> {
  return new Promise<void>((resolve) => {
    process.once('SIGINT', () => resolve())
    process.once('SIGTERM', () => resolve())
  })
}

export async function emulatorCommand(argv: string[], io: CommandIo): Promise<number> {
  const values = parseCommandArgs(EMULATOR, argv, io)
  if (!values) return 0
  if (!values.scenario) {
    throw new NowPageError('emulator needs --scenario FILE', { hint: EMULATOR.usage })
  }
  const port = Number(values.port)
  const latencyMs = Number(values.latency)
  if (!/^\d+$/.test(values.port) || port > 65535) {
    throw new NowPageError(`--port ${values.port} is not a port number`, {
      hint: 'Use 0 (any free port) to 65535',
    })
  }
  if (!/^\d+(\.\d+)?$/.test(values.latency)) {
    throw new NowPageError(`--latency ${values.latency} is not a number of milliseconds`, {
      hint: 'Use a number such as 50',
    })
  }
  const emulator = await startEmulator(loadScenario(values.scenario), { port, latencyMs })
  io.stdout(`${emulator.url}\n`)
  await (io.untilStopped ?? untilSignalled)(emulator.url)
  await emulator.close()
  return 0
}
