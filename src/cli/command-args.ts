import { parseArgs, type ParseArgsConfig } from 'node:util'
import { NowPageError } from '../errors.js'
import type { CommandIo } from './command-io.js'

type Options = NonNullable<ParseArgsConfig['options']>

/** A CLI command's name, usage text and flags: what the shared parser needs to read its argv. */
export interface CommandSpec<O extends Options> {
  name: string
  usage: string
  options: O
}

const HELP = { help: { type: 'boolean', short: 'h' } } as const

/** The values parseArgs gives for a command's options (and --help), typed from the spec. */
export type CommandValues<O extends Options> = ReturnType<
  typeof parseArgs<{ options: O & typeof HELP; strict: true; allowPositionals: false }>
>['values']

/**
 * Reads a command's flags with `util.parseArgs` (strict, no positionals). `--help`/`-h` prints
 * the usage and returns undefined; a bad flag is a NowPageError naming it, with the usage.
 */
export function parseCommandArgs<const O extends Options>(
  spec: CommandSpec<O>,
  argv: string[],
  io: CommandIo,
): CommandValues<O> | undefined {
  let values: CommandValues<O>
  try {
    values = parseArgs({
      args: argv,
      options: { ...spec.options, ...HELP },
      strict: true,
      allowPositionals: false,
    }).values as CommandValues<O>
  } catch (e) {
    throw new NowPageError(describeParseError(e), { hint: spec.usage })
  }
  // The generic values type does not narrow to `help`; it is always one of the options here.
  if ((values as { help?: boolean }).help) {
    io.stdout(spec.usage + '\n')
    return undefined
  }
  return values
}

/** parseArgs' messages, shortened to the part that names the flag. */
function describeParseError(e: unknown): string {
  const error = e as { code?: string; message?: string }
  const message = error.message ?? String(e)
  switch (error.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `unknown option ${quoted(message)}`
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      if (message.includes('does not take an argument')) {
        return `option ${quoted(message)} takes no value`
      }
      if (message.includes('ambiguous')) {
        return `option ${quoted(message)} needs a value (one starting with '-' is written as ${quoted(message).slice(1, -1)}=VALUE)`
      }
      return `option ${quoted(message)} needs a value`
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return `unexpected argument ${quoted(message)}`
    default:
      throw e
  }
}

/** The first quoted flag or argument in a parseArgs message, e.g. '--bogus'. */
function quoted(message: string): string {
  const m = /'([^']*)'/.exec(message)
  return m ? `'${(m[1] as string).replace(/ <value>$/, '')}'` : message
}
