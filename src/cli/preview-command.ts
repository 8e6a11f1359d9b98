import { parseArgs } from 'node:util'
import { NowPageError } from '../errors.js'
import { runActionProcess } from '../runner/local-runner.js'
import type { CommandIo } from './edit-command.js'

export const PREVIEW_USAGE = `Usage: now-page preview --repo owner/site [--token TOKEN] [--api-url URL] [--input name=value ...]

Runs the Action's job in dry-run mode against GitHub (or --api-url) with your token and prints
what it would change: a way to try the Action before adding it to a workflow. Nothing is written.
  --repo owner/site   the website repository
  --token TOKEN       default: $GITHUB_TOKEN, then $GH_TOKEN
  --api-url URL       default: https://api.github.com
  --input name=value  any Action input, e.g. --input "side-projects=me/book"`

export async function previewCommand(argv: string[], io: CommandIo): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      repo: { type: 'string' },
      token: { type: 'string' },
      'api-url': { type: 'string' },
      input: { type: 'string', multiple: true },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  })
  if (values.help) {
    io.stdout(PREVIEW_USAGE + '\n')
    return 0
  }
  if (!values.repo || !/^[\w.-]+\/[\w.-]+$/.test(values.repo)) {
    throw new NowPageError('preview needs --repo owner/name', { hint: PREVIEW_USAGE })
  }
  const token = values.token ?? process.env.GITHUB_TOKEN ?? process.env.GH_TOKEN
  if (!token) {
    throw new NowPageError('preview needs a token', {
      hint: 'Pass --token or set GITHUB_TOKEN (a fine-grained token with read access is enough)',
    })
  }
  const inputs: Record<string, string> = {}
  for (const pair of values.input ?? []) {
    const at = pair.indexOf('=')
    if (at < 1) throw new NowPageError(`--input ${pair}: expected name=value`)
    inputs[pair.slice(0, at)] = pair.slice(at + 1)
  }
  const run = await runActionProcess({
    inputs: { ...inputs, token, 'dry-run': 'true' },
    apiUrl: values['api-url'] ?? 'https://api.github.com',
    repository: values.repo,
    env: { NOW_PAGE_NOW: process.env.NOW_PAGE_NOW ?? '' },
  })
  io.stderr(run.stdout.split(token).join('***'))
  io.stdout(run.summary || '(no summary)\n')
  return run.exitCode === 0 ? 0 : 1
}
