import { diffFromSummary } from '../action/summary.js'
import { inputNames } from '../config/index.js'
import { NowPageError } from '../errors.js'
import { parseCommandArgs } from './command-args.js'
import { actionRunner, type CommandIo } from './command-io.js'

export const PREVIEW = {
  name: 'preview',
  usage: `Usage: now-page preview --repo owner/site [--token TOKEN] [--api-url URL] [--input name=value ...]

Runs the Action's job in dry-run mode against GitHub (or --api-url) with your token and prints
the diff it would make to the page on stdout (nothing when the page is current), and its log on
stderr: a way to try the Action before adding it to a workflow. Nothing is written.
  --repo owner/site   the website repository
  --token TOKEN       default: $GITHUB_TOKEN, then $GH_TOKEN
  --api-url URL       default: https://api.github.com
  --input name=value  any Action input (see action.yml), e.g. --input "side-projects=me/book"`,
  options: {
    repo: { type: 'string' },
    token: { type: 'string' },
    'api-url': { type: 'string' },
    input: { type: 'string', multiple: true },
  },
} as const

export async function previewCommand(argv: string[], io: CommandIo): Promise<number> {
  const values = parseCommandArgs(PREVIEW, argv, io)
  if (!values) return 0
  if (!values.repo || !/^[\w.-]+\/[\w.-]+$/.test(values.repo)) {
    throw new NowPageError('preview needs --repo owner/name', { hint: PREVIEW.usage })
  }
  const token = values.token ?? process.env.GITHUB_TOKEN ?? process.env.GH_TOKEN
  if (!token) {
    throw new NowPageError('preview needs a token', {
      hint: 'Pass --token or set GITHUB_TOKEN (a fine-grained token with read access is enough)',
    })
  }
  const run = await actionRunner(io)({
    inputs: { ...parseInputs(values.input ?? []), token, 'dry-run': 'true' },
    apiUrl: values['api-url'] ?? 'https://api.github.com',
    repository: values.repo,
    env: { NOW_PAGE_NOW: process.env.NOW_PAGE_NOW ?? '' },
  })
  io.stderr(plainLog(run.stdout).split(token).join('***'))
  io.stdout(diffFromSummary(run.summary))
  return run.exitCode === 0 ? 0 : 1
}

/** `--input name=value` pairs, each name one of action.yml's inputs. */
function parseInputs(pairs: string[]): Record<string, string> {
  const known: string[] = inputNames()
  const inputs: Record<string, string> = {}
  for (const pair of pairs) {
    const at = pair.indexOf('=')
    if (at < 1) {
      throw new NowPageError(`--input ${pair}: expected name=value`, {
        hint: 'e.g. --input since=30d',
      })
    }
    const name = pair.slice(0, at)
    if (!known.includes(name)) {
      throw new NowPageError(`--input ${pair}: '${name}' is not an input of the Action`, {
        hint: `Inputs: ${known.join(', ')}`,
      })
    }
    inputs[name] = pair.slice(at + 1)
  }
  return inputs
}

/**
 * The runner's log as plain lines: workflow commands are for a runner to act on, so debug lines,
 * masks and group ends go, and `::warning::x` reads `warning: x`.
 */
export function plainLog(log: string): string {
  const lines: string[] = []
  for (const line of log.split('\n')) {
    const command = /^::([a-z-]+)(?: [^:]*)?::(.*)$/.exec(line)
    if (!command) lines.push(line)
    else if (command[1] === 'group') lines.push(command[2] as string)
    else if (['error', 'warning', 'notice'].includes(command[1] as string)) {
      lines.push(`${command[1]}: ${unescapeData(command[2] as string)}`)
    }
  }
  return lines.join('\n')
}

function unescapeData(text: string): string {
  return text.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%')
}
