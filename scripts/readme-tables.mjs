// Writes the README's inputs and outputs tables from action.yml, so the two never disagree.
// `node scripts/readme-tables.mjs` rewrites README.md; `--check` exits 1 when it is stale.
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
const next = replace(replace(readme, 'inputs', inputs), 'outputs', outputs)
if (process.argv.includes('--check')) {
  if (next !== readme) {
    console.error('README.md tables differ from action.yml: run node scripts/readme-tables.mjs')
    process.exit(1)
  }
} else if (next !== readme) {
  writeFileSync(readmeUrl, next)
}
