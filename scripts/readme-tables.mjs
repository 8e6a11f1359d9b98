// Writes what derives from action.yml, so nothing disagrees with it: the README's inputs and
// outputs tables, and src/config/input-defaults.ts (the input names and defaults the code uses);
// and the README's quick-start workflow, which is examples/hugo.yml (tested as a user runs it).
// `node scripts/readme-tables.mjs` rewrites both; `--check` exits 1 when either is stale.
import { readFileSync, writeFileSync } from 'node:fs'
import { parse } from 'yaml'

const root = new URL('../', import.meta.url)
const action = parse(readFileSync(new URL('action.yml', root), 'utf8'))
const cell = (s) =>
  String(s ?? '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/\|/g, '\\|')
const code = (s) => (s === '' ? '' : `\`${cell(s)}\``)

const inputs = [
  '| input | description | default |',
  '| --- | --- | --- |',
  ...Object.entries(action.inputs).map(
    ([name, i]) => `| \`${name}\` | ${cell(i.description)} | ${code(i.default)} |`,
  ),
].join('\n')
const outputs = [
  '| output | description |',
  '| --- | --- |',
  ...Object.entries(action.outputs).map(([name, o]) => `| \`${name}\` | ${cell(o.description)} |`),
].join('\n')

const readmeUrl = new URL('README.md', root)
const readme = readFileSync(readmeUrl, 'utf8')
const replace = (text, name, table) => {
  const re = new RegExp(`(<!-- ${name}:start -->\\n)[\\s\\S]*?(<!-- ${name}:end -->)`)
  if (!re.test(text)) throw new Error(`README.md has no <!-- ${name}:start --> marker`)
  return text.replace(re, `$1${table}\n$2`)
}
// The example as a user copies it, from `name:` on (its first lines say where it goes).
const example = readFileSync(new URL('examples/hugo.yml', root), 'utf8')
const quickStart = ['```yaml', example.slice(example.indexOf('\nname:') + 1).trimEnd(), '```'].join(
  '\n',
)
const next = replace(
  replace(replace(readme, 'inputs', inputs), 'outputs', outputs),
  'quick-start',
  quickStart,
)

const defaultsUrl = new URL('src/config/input-defaults.ts', root)
const defaults = [
  '// Generated from action.yml by `npm run readme` (scripts/readme-tables.mjs); do not edit.',
  '// Every input of the Action with its default, as action.yml states it: the one source.',
  '',
  'export const INPUT_DEFAULTS = {',
  ...Object.entries(action.inputs).map(
    ([name, i]) =>
      `  ${/^[a-z]+$/.test(name) ? name : `'${name}'`}: ${JSON.stringify(String(i.default ?? ''))},`,
  ),
  '} as const',
  '',
  'export type InputName = keyof typeof INPUT_DEFAULTS',
  '',
]
  .join('\n')
  .replace(/"((?:[^"\\]|\\.)*)"/g, (_, s) => `'${s.replace(/'/g, "\\'")}'`)
const readText = (url) => {
  try {
    return readFileSync(url, 'utf8')
  } catch {
    return ''
  }
}
const stale = [
  [readmeUrl, readme, next],
  [defaultsUrl, readText(defaultsUrl), defaults],
].filter(([, before, after]) => before !== after)
if (process.argv.includes('--check')) {
  for (const [url] of stale) {
    console.error(
      `${url.pathname.slice(root.pathname.length)} differs from action.yml or examples/hugo.yml: run npm run readme`,
    )
  }
  if (stale.length > 0) process.exit(1)
} else {
  for (const [url, , after] of stale) writeFileSync(url, after)
}
