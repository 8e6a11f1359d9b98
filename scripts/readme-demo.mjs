// Copies what `npm run demo` shows into the README's "What a refresh looks like": the pull
// request's title, the page's diff and the body, exactly as the bundled Action produced them
// against the built-in demo scenario. `node scripts/readme-demo.mjs` rewrites the block;
// `--check` exits 1 when it is stale. Needs a built dist/ (`npm run package`).
import { execFileSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const root = new URL('../', import.meta.url)
const cli = fileURLToPath(new URL('dist/cli.js', root))
const demo = JSON.parse(
  execFileSync(process.execPath, [cli, 'demo', '--json'], { encoding: 'utf8' }),
)
const pr = demo.pullRequest
if (!pr) throw new Error('the demo opened no pull request')

/** A fence longer than any run of backticks in the text. */
const fence = (text) =>
  '`'.repeat(Math.max(3, ...[...text.matchAll(/`+/g)].map((m) => m[0].length + 1)))
// The hidden state comment holds commit ids: real, but noise for a reader.
const body = pr.body.replace(/\n*<!-- now-page-action:state [^\n]*-->\s*$/, '').trimEnd()
const diff = demo.diff
  .split('\n')
  .filter((line) => !/^(={3,}|Index: )/.test(line))
  .join('\n')
  .trimEnd()

const block = [
  `The pull request it opens, **${pr.title}** (\`${pr.head}\` → \`${pr.base}\`), changes only the`,
  'dates and the managed sections:',
  '',
  fence(diff) + 'diff',
  diff,
  fence(diff),
  '',
  '<details><summary>Its description, as the reviewer sees it (Markdown source)</summary>',
  '',
  fence(body) + 'markdown',
  body,
  fence(body),
  '',
  '</details>',
].join('\n')

const url = new URL('README.md', root)
const readme = readFileSync(url, 'utf8')
const re = /(<!-- demo:start -->\n)[\s\S]*?(<!-- demo:end -->)/
if (!re.test(readme)) throw new Error('README.md has no <!-- demo:start --> marker')
const next = readme.replace(re, (_, start, end) => `${start}${block}\n${end}`)
if (process.argv.includes('--check')) {
  if (next !== readme) {
    console.error(
      'README.md: the demo block is stale; run `npm run readme` (after `npm run package`)',
    )
    process.exit(1)
  }
} else {
  writeFileSync(url, next)
}
