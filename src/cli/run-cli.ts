import { isNowPageError } from '../errors.js'
import { editCommand, type CommandIo } from './edit-command.js'
import { emulatorCommand } from '../emulator/command.js'
import { demoCommand } from './demo-command.js'
import { previewCommand } from './preview-command.js'

const USAGE = `Usage: now-page <command> [options]

Commands:
  demo       run the Action against the embedded GitHub emulator (no token, no network)
  edit       edit a page offline from an activity file (now-page edit --help)
  preview    dry-run the Action against GitHub with your token and print the diff
  emulator   start the local GitHub API emulator from a scenario file
Run a command with --help for its options.`

const defaultIo: CommandIo = {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
}

/** Runs the CLI; resolves to the process exit code (0 ok, 1 unexpected failure, 2 bad input). */
export async function runCli(argv: string[], io: CommandIo = defaultIo): Promise<number> {
  const [command, ...rest] = argv
  try {
    switch (command) {
      case 'edit':
        return editCommand(rest, io)
      case 'demo':
        return await demoCommand(rest, io)
      case 'preview':
        return await previewCommand(rest, io)
      case 'emulator':
        return await emulatorCommand(rest)
      case undefined:
      case '--help':
      case '-h':
      case 'help':
        io.stdout(USAGE + '\n')
        return command === undefined ? 2 : 0
      default:
        io.stderr(`now-page: unknown command '${command}'\n${USAGE}\n`)
        return 2
    }
  } catch (e) {
    if (isNowPageError(e)) {
      io.stderr(`now-page ${command}: ${e.describe()}\n`)
      return 2
    }
    if (e instanceof TypeError && 'code' in e && String(e.code).startsWith('ERR_PARSE_ARGS')) {
      io.stderr(`now-page ${command}: ${e.message}\n`)
      return 2
    }
    io.stderr(`now-page ${command}: unexpected error: ${(e as Error).stack ?? String(e)}\n`)
    return 1
  }
}
