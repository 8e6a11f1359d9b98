import { parseArgs } from 'node:util'
import { NowPageError } from '../errors.js'
import { loadScenario, startEmulator } from './index.js'

export const EMULATOR_USAGE = `Usage: now-page emulator --scenario FILE [--port N] [--latency MS]

Starts the local GitHub API emulator and prints its URL on the first line. Point Octokit, curl or
the Action (GITHUB_API_URL) at it with a token from the scenario. Stops on Ctrl-C.`

export async function emulatorCommand(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      scenario: { type: 'string' },
      port: { type: 'string', default: '0' },
      latency: { type: 'string', default: '0' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  })
  if (values.help) {
    process.stdout.write(EMULATOR_USAGE + '\n')
    return 0
  }
  if (!values.scenario)
    throw new NowPageError('emulator needs --scenario FILE', { hint: EMULATOR_USAGE })
  const port = Number(values.port)
  const latencyMs = Number(values.latency)
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new NowPageError(`--port ${values.port} is not a port number`)
  if (!Number.isFinite(latencyMs) || latencyMs < 0)
    throw new NowPageError(`--latency ${values.latency} is not a number of milliseconds`)
  const emulator = await startEmulator(loadScenario(values.scenario), { port, latencyMs })
  process.stdout.write(`${emulator.url}\n`)
  await new Promise<void>((resolve) => {
    const stop = () => resolve()
    process.once('SIGINT', stop)
    process.once('SIGTERM', stop)
  })
  await emulator.close()
  return 0
}
