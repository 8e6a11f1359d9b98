// Copies the `now-page` command's own help into the README's "The now-page command": the text
// of `now-page --help` and of `now-page <command> --help` for every command it lists, exactly as
// the CLI prints it. `node scripts/readme-cli.mjs` rewrites the block from the built dist/cli.js;
// `--check` exits 1 when it is stale. test/docs/readme-cli.unit.test.ts checks the block against
// the CLI's source, so a usage string cannot change without the README.
import { execFileSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath, pathToFileURL } from 'node:url'

/** The command names `now-page --help` lists under "Commands:". */
export function commandsOf(help) {
  const list = help.split(/^Commands:\n/m)[1] ?? ''
  return [...list.matchAll(/^ {2}([a-z][a-z-]*) {2,}/gm)].map((m) => m[1])
}

/**
 * The README block for a CLI whose output for `args` is `help(args)`: the overview, then each
 * command's usage under its own `now-page <command> --help` line.
 */
export function cliBlock(help) {
  const overview = help(['--help']).trimEnd()
  const parts = [
    "In a clone, `now-page` is `node dist/cli.js` (the package's `bin`; `npm link` puts it on the PATH).",
    'What `now-page --help` prints:',
    '',
    '```text',
    overview,
    '```',
  ]
  for (const command of commandsOf(overview)) {
    parts.push(
      '',
      `<details><summary><code>now-page ${command} --help</code></summary>`,
      '',
      '```text',
      help([command, '--help']).trimEnd(),
      '```',
      '',
      '</details>',
    )
  }
  return parts.join('\n')
}

const BLOCK = /(<!-- cli:start -->\n)[\s\S]*?(<!-- cli:end -->)/

/** The README with its cli block replaced by `block`. */
export function withCliBlock(readme, block) {
  if (!BLOCK.test(readme)) throw new Error('README.md has no <!-- cli:start --> marker')
  return readme.replace(BLOCK, (_, start, end) => `${start}${block}\n${end}`)
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const root = new URL('../', import.meta.url)
  const cli = fileURLToPath(new URL('dist/cli.js', root))
  const help = (args) => execFileSync(process.execPath, [cli, ...args], { encoding: 'utf8' })
  const url = new URL('README.md', root)
  const readme = readFileSync(url, 'utf8')
  const next = withCliBlock(readme, cliBlock(help))
  if (process.argv.includes('--check')) {
    if (next !== readme) {
      console.error(
        'README.md: the now-page help block is stale; run `npm run readme` (after `npm run package`)',
      )
      process.exit(1)
    }
  } else {
    writeFileSync(url, next)
  }
}
