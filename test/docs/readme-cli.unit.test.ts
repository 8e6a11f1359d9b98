import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { runCli } from '../../src/cli/run-cli.js'
// @ts-expect-error: a plain .mjs script without types; its two functions take and return strings.
import { cliBlock, commandsOf, withCliBlock } from '../../scripts/readme-cli.mjs'

/** What `now-page ARGS` prints on stdout, from the CLI's source, in this process. */
async function helpOf(args: string[]): Promise<string> {
  let stdout = ''
  const code = await runCli(args, { stdout: (s) => (stdout += s), stderr: (s) => (stdout += s) })
  expect(code, `now-page ${args.join(' ')}`).toBe(0)
  return stdout
}

describe("README's now-page help", () => {
  it('is what the CLI prints for --help and for every command’s --help', async () => {
    const overview = await helpOf(['--help'])
    const commands = (commandsOf as (help: string) => string[])(overview)
    expect(commands).toEqual(['demo', 'edit', 'preview', 'emulator'])
    const helps = new Map<string, string>([[JSON.stringify(['--help']), overview]])
    for (const command of commands) {
      const text = await helpOf([command, '--help'])
      expect(text).toMatch(new RegExp(`^Usage: now-page ${command} `))
      helps.set(JSON.stringify([command, '--help']), text)
    }
    const block = (cliBlock as (help: (args: string[]) => string) => string)(
      (args) => helps.get(JSON.stringify(args)) ?? '',
    )
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8')
    const expected = (withCliBlock as (readme: string, block: string) => string)(readme, block)
    // On failure: `npm run package && npm run readme` regenerates it.
    expect(readme).toBe(expected)
  })
})
