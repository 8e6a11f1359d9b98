import { readFileSync, readdirSync } from 'node:fs'
import { dirname, join, relative, resolve, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

/**
 * A user's clone has nothing beside it: no test, script or build step may read a file outside
 * the repository. This scans every source file for relative path literals ('../…') and checks
 * that each resolves inside the repository, from the file's own folder.
 */
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const scanned = ['src', 'test', 'scripts', '.ci']
const topLevel = ['vitest.config.ts', 'rollup.config.mjs', 'eslint.config.mjs', 'package.json']

function* files(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules' && entry.name !== 'fixtures' && entry.name !== 'golden')
        yield* files(path)
    } else if (/\.(ts|mts|mjs|js|json|sh)$|^run$/.test(entry.name)) {
      yield path
    }
  }
}

/** Relative path literals: a quoted string that starts with one or more `../`. */
const RELATIVE = /['"`]((?:\.\.\/)+[^'"`\s]*)['"`]/g

export function pathsLeavingRepository(file: string, text: string): string[] {
  const out: string[] = []
  for (const match of text.matchAll(RELATIVE)) {
    const target = resolve(dirname(file), match[1]!)
    if (target !== root && !target.startsWith(root + sep)) out.push(match[1]!)
  }
  // Anything naming the workplace's shared folder is outside by definition.
  if (/['"`][^'"`]*\bshared\/reference\b/.test(text)) out.push('shared/reference')
  return out
}

describe('the repository stands on its own', () => {
  it('recognizes a path that climbs out of the repository', () => {
    const file = join(root, 'test', 'helpers', 'x.ts')
    // Built from parts, so that this test's own text names no path outside the repository.
    const outside = ['..', '..', '..', 'shared', 'reference', 'now.md'].join('/')
    expect(pathsLeavingRepository(file, `new URL('${outside}')`)).not.toEqual([])
    expect(pathsLeavingRepository(file, "new URL('../fixtures/pages/a.md')")).toEqual([])
  })

  it('no source, test or script file reads a path outside the repository', () => {
    const offenders: string[] = []
    const all = [
      ...scanned.flatMap((d) => [...files(join(root, d))]),
      ...topLevel.map((f) => join(root, f)),
    ]
    for (const file of all) {
      if (file === fileURLToPath(import.meta.url)) continue
      for (const path of pathsLeavingRepository(file, readFileSync(file, 'utf8')))
        offenders.push(`${relative(root, file)}: ${path}`)
    }
    expect(offenders).toEqual([])
  })
})
