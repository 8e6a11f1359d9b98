import { isNowPageError } from '../errors.js'
import packageJson from '../../package.json' with { type: 'json' }
import { processIo, type CommandIo } from './command-io.js'
import { demoCommand } from './demo-command.js'
import { editCommand } from './edit-command.js'
import { emulatorCommand } from './emulator-command.js'
import { previewCommand } from './preview-command.js'
// The CLI edits pages of any kind: every front-matter parser (the Action loads only its page's).
import '../page/formats/all.js'

const USAGE = `Usage: now-page <command> [options]

Commands:
  demo       run the Action against the embedded GitHub emulator (no token, no network)
  edit       edit a page offline from an activity file
  preview    dry-run the Action against GitHub with your token and print the diff
  emulator   start the local GitHub API emulator from a scenario file
Run \`now-page <command> --help\` for a command's options, \`now-page --version\` for the version.`

const COMMANDS = new Map<string, (argv: string[], io: CommandIo) => number | Promise<number>>([
  ['demo', demoCommand],
  ['edit', editCommand],
  ['preview', previewCommand],
  ['emulator', emulatorCommand],
])

/** Runs the CLI; resolves to the process exit code (0 ok, 1 unexpected failure, 2 bad input). */
export async function runCli(argv: string[], io: CommandIo = processIo): Promise<number> {
  const [command, ...rest] = argv
  switch (command) {
    case undefined:
      io.stderr(USAGE + '\n')
      return 2
    case '--help':
    case '-h':
    case 'help':
      io.stdout(USAGE + '\n')
      return 0
    case '--version':
    case '-v':
      io.stdout(`now-page ${packageJson.version}\n`)
      return 0
  }
  const run = COMMANDS.get(command)
  if (!run) {
    io.stderr(`now-page: unknown command '${command}'\n${USAGE}\n`)
    return 2
  }
  try {
    return await run(rest, io)
  } catch (e) {
    if (isNowPageError(e)) {
      io.stderr(`now-page ${command}: ${e.describe()}\n`)
      return 2
    }
    io.stderr(`now-page ${command}: unexpected error: ${(e as Error).stack ?? String(e)}\n`)
    return 1
  }
}
