import { execFileSync, spawnSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const script = fileURLToPath(new URL('../../scripts/release-tags.mjs', import.meta.url))

/** A throwaway repository with one release commit tagged as release-please would tag it. */
function releaseRepo(version: string, using = 'node24'): string {
  const dir = mkdtempSync(join(tmpdir(), 'now-page-release-'))
  const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, encoding: 'utf8' })
  git('init', '--quiet', '--initial-branch=main')
  git('config', 'user.name', 'Release Test')
  git('config', 'user.email', 'release@example.invalid')
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'x', version }) + '\n')
  writeFileSync(
    join(dir, 'action.yml'),
    `name: x\nruns:\n  using: '${using}'\n  main: dist/index.js\n`,
  )
  git('add', '.')
  git('commit', '--quiet', '-m', `chore(main): release ${version}`)
  git('tag', `v${version}`)
  return dir
}

const run = (dir: string, ...args: string[]) =>
  spawnSync(process.execPath, [script, ...args], { cwd: dir, encoding: 'utf8' })
const tagCommit = (dir: string, tag: string) =>
  execFileSync('git', ['rev-parse', `${tag}^{commit}`], { cwd: dir, encoding: 'utf8' }).trim()

describe('the release script moves the major tag a workflow pins', () => {
  it('dry run says what it would move and moves nothing', () => {
    const dir = releaseRepo('1.4.0')
    const result = run(dir, '--version', '1.4.0', '--dry-run')
    expect(result.status, result.stderr).toBe(0)
    expect(result.stdout).toMatch(/would move v1: \(new\) -> [0-9a-f]{7} \(v1\.4\.0\)/)
    expect(result.stdout).toMatch(/would move v1\.4: \(new\)/)
    expect(spawnSync('git', ['rev-parse', '--verify', '--quiet', 'v1'], { cwd: dir }).status).toBe(
      1,
    )
  })

  it('moves v1 and v1.4 to the release commit', () => {
    const dir = releaseRepo('1.4.0')
    const result = run(dir, '--version', '1.4.0')
    expect(result.status, result.stderr).toBe(0)
    expect(tagCommit(dir, 'v1')).toBe(tagCommit(dir, 'v1.4.0'))
    expect(tagCommit(dir, 'v1.4')).toBe(tagCommit(dir, 'v1.4.0'))
  })

  it.each([
    [['--version', '1.4'], /--version must be X\.Y\.Z/],
    [['--version', '2.0.0'], /tag v2\.0\.0 does not exist/],
  ])('refuses %j', (args, message) => {
    const result = run(releaseRepo('1.4.0'), ...args)
    expect(result.status).toBe(1)
    expect(result.stderr).toMatch(message)
  })

  it('refuses a release whose action.yml does not run on node24', () => {
    const result = run(releaseRepo('1.4.0', 'node20'), '--version', '1.4.0')
    expect(result.status).toBe(1)
    expect(result.stderr).toMatch(/runs on node20, not node24/)
  })

  it('refuses a tag whose package.json names another version', () => {
    const dir = releaseRepo('1.3.9')
    execFileSync('git', ['tag', 'v1.4.0'], { cwd: dir })
    const result = run(dir, '--version', '1.4.0')
    expect(result.status).toBe(1)
    expect(result.stderr).toMatch(/package\.json says version 1\.3\.9, not 1\.4\.0/)
  })
})
