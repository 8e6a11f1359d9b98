import { spawnSync } from 'node:child_process'
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { fixturePath } from '../helpers/page-fixtures.js'

/** The bundled CLI, run with plain node as a user would from a clean clone. */
const cli = fileURLToPath(new URL('../../dist/cli.js', import.meta.url))
const golden = (name: string) =>
  readFileSync(fileURLToPath(new URL(`../golden/${name}.md`, import.meta.url)), 'utf8')

function run(args: string[]) {
  const r = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8' })
  return { code: r.status, stdout: r.stdout, stderr: r.stderr }
}

describe('now-page edit (dist/cli.js)', () => {
  const activity = fixturePath('activity/small.json')

  it('prints the edited page', () => {
    const r = run([
      'edit',
      '--page',
      fixturePath('pages/hugo-markers.md'),
      '--activity',
      activity,
      '--today',
      '2025-08-24',
    ])
    expect(r.stderr).toBe('')
    expect(r.code).toBe(0)
    expect(r.stdout).toBe(golden('hugo-markers'))
  })

  it('--diff prints a unified diff, and nothing when nothing changes', () => {
    const page = fixturePath('pages/hugo-markers.md')
    const r = run([
      'edit',
      '--page',
      page,
      '--activity',
      activity,
      '--today',
      '2025-08-24',
      '--diff',
    ])
    expect(r.code).toBe(0)
    expect(r.stdout).toContain('-date = "2025-08-03"\n+date = "2025-08-24"')
    const dir = mkdtempSync(join(tmpdir(), 'now-page-cli-'))
    writeFileSync(join(dir, 'now.md'), golden('hugo-markers'))
    const again = run([
      'edit',
      '--page',
      join(dir, 'now.md'),
      '--activity',
      activity,
      '--today',
      '2025-08-30',
      '--diff',
    ])
    expect(again.code).toBe(0)
    expect(again.stdout).toBe('')
  })

  it('--write edits in place, with settings from a --config file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'now-page-cli-'))
    const page = join(dir, 'now.md')
    copyFileSync(fixturePath('pages/jekyll-yaml.md'), page)
    const config = join(dir, 'now-page.yml')
    writeFileSync(config, 'contributions-heading: Open source\nsections: contributions\n')
    const r = run([
      'edit',
      '--page',
      page,
      '--activity',
      activity,
      '--today',
      '2025-08-24',
      '--config',
      config,
      '--write',
    ])
    expect(r.code).toBe(0)
    expect(readFileSync(page, 'utf8')).toBe(golden('jekyll-yaml-heading-mode'))
  })

  it.each([
    [['edit', '--page', 'nope.md', '--activity', 'x.json'], /cannot read nope\.md: ENOENT/],
    [
      ['edit', '--page', fixturePath('pages/bom.md'), '--activity', fixturePath('pages/bom.md')],
      /invalid JSON/,
    ],
    [['edit', '--page', fixturePath('pages/bom.md')], /edit needs --page and --activity/],
    [['edit', '--bogus'], /Unknown option '--bogus'/],
    [['frobnicate'], /unknown command 'frobnicate'/],
  ])('exits 2 with a clear message: %j', (args, message) => {
    const r = run(args)
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(message)
  })

  it('exits 2 naming the field of a bad activity file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'now-page-cli-'))
    const bad = join(dir, 'activity.json')
    writeFileSync(
      bad,
      JSON.stringify({
        pullRequests: [
          { repo: 'a/b', number: 1, title: 't', url: 'https://x', mergedAt: 'yesterday' },
        ],
        projects: [],
      }),
    )
    const r = run([
      'edit',
      '--page',
      fixturePath('pages/bom.md'),
      '--activity',
      bad,
      '--today',
      '2025-08-24',
    ])
    expect(r.code).toBe(2)
    expect(r.stderr).toContain(
      'pullRequests[0].mergedAt: expected an ISO 8601 date-time, got "yesterday"',
    )
  })

  it('exits 2 with file and line for a bad page', () => {
    const dir = mkdtempSync(join(tmpdir(), 'now-page-cli-'))
    const page = join(dir, 'now.md')
    writeFileSync(page, '# Now\n\n<!-- now-page:progress:start -->\n')
    const r = run(['edit', '--page', page, '--activity', activity, '--today', '2025-08-24'])
    expect(r.code).toBe(2)
    expect(r.stderr).toContain(`${page}:3: 'progress' start marker is never closed`)
  })
})
