import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { fixturePath } from '../helpers/page-fixtures.js'
import { cli } from './run-cli-in-process.js'

const golden = (name: string) =>
  readFileSync(fileURLToPath(new URL(`../golden/${name}.md`, import.meta.url)), 'utf8')

/** The CLI in-process (test/cli/bin.test.ts runs the bundled dist/cli.js as a process). */
const run = cli

describe('now-page edit', async () => {
  const activity = fixturePath('activity/small.json')

  it('prints the edited page', async () => {
    const r = await run([
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

  it('--explain lists each date it moved on stderr, old -> new', async () => {
    const r = await run([
      'edit',
      '--page',
      fixturePath('reference/now.md'),
      '--activity',
      activity,
      '--today',
      '2025-08-24',
      '--diff',
      '--explain',
    ])
    expect(r.code).toBe(0)
    expect(r.stderr).toContain('date (line 3): 2025-08-03 → 2025-08-24\n')
    expect(r.stderr).toContain('line 6: 2025-08-03 → 2025-08-24\n')
  })

  it('--diff prints a unified diff, and nothing when nothing changes', async () => {
    const page = fixturePath('pages/hugo-markers.md')
    const r = await run([
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
    const again = await run([
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

  it('--write edits in place, with settings from a --config file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'now-page-cli-'))
    const page = join(dir, 'now.md')
    copyFileSync(fixturePath('pages/jekyll-yaml.md'), page)
    const config = join(dir, 'now-page.yml')
    writeFileSync(config, 'contributions-heading: Open source\nsections: contributions\n')
    const r = await run([
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
    [['edit', '--bogus'], /now-page edit: unknown option '--bogus'/],
    [['edit', '--page'], /now-page edit: option '--page' needs a value/],
    [['edit', '--write=yes'], /now-page edit: option '--write' takes no value/],
    [['edit', 'now.md'], /now-page edit: unexpected argument 'now.md'/],

    [['frobnicate'], /unknown command 'frobnicate'/],
    [['constructor'], /unknown command 'constructor'/],
  ])('exits 2 with a clear message: %j', async (args, message) => {
    const r = await run(args)
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(message)
  })

  it('exits 2 naming the field of a bad activity file', async () => {
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
    const r = await run([
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

  it('exits 2 with file and line for a bad page', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'now-page-cli-'))
    const page = join(dir, 'now.md')
    writeFileSync(page, '# Now\n\n<!-- now-page:progress:start -->\n')
    const r = await run(['edit', '--page', page, '--activity', activity, '--today', '2025-08-24'])
    expect(r.code).toBe(2)
    expect(r.stderr).toContain(`${page}:3: 'progress' start marker is never closed`)
  })

  it('refuses --write with --diff, leaving the page as it was', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'now-page-cli-'))
    const page = join(dir, 'now.md')
    copyFileSync(fixturePath('pages/hugo-markers.md'), page)
    const before = readFileSync(page, 'utf8')
    const r = await run(['edit', '--page', page, '--activity', activity, '--write', '--diff'])
    expect(r.code).toBe(2)
    expect(r.stderr).toContain('now-page edit: --write and --diff do not go together')
    expect(r.stdout).toBe('')
    expect(readFileSync(page, 'utf8')).toBe(before)
  })

  it("without --today writes today's date in the config's time zone", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'now-page-cli-'))
    const config = join(dir, 'now-page.yml')
    writeFileSync(config, 'time-zone: Asia/Kolkata\n')
    const r = await run([
      'edit',
      '--page',
      fixturePath('pages/hugo-markers.md'),
      '--activity',
      activity,
      '--config',
      config,
    ])
    expect(r.code, r.stderr).toBe(0)
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Kolkata' }).format(new Date())
    // Around midnight the day may turn between the two readings; either day is right then.
    const yesterday = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Kolkata' }).format(
      new Date(Date.now() - 60_000),
    )
    expect([`date = "${today}"`, `date = "${yesterday}"`]).toContain(
      /date = "\d{4}-\d{2}-\d{2}"/.exec(r.stdout)?.[0],
    )
  })
})
