import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const root = fileURLToPath(new URL('../../', import.meta.url))

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? sources(join(dir, e.name))
      : e.name.endsWith('.ts') && !e.name.endsWith('.d.ts')
        ? [join(dir, e.name)]
        : [],
  )
}

/** Every environment variable a source file reads: `env.X`, `env['X']`, `process.env.X`, and
 * names destructured from `env` or `process.env`. */
export function environmentReads(text: string): string[] {
  const names = new Set<string>()
  for (const m of text.matchAll(
    /\benv(?:\.([A-Z][A-Z0-9_]+)|\[['"]([A-Za-z_][A-Za-z0-9_]*)['"]\])/g,
  ))
    names.add((m[1] ?? m[2])!)
  for (const m of text.matchAll(/const\s*\{([^}]*)\}\s*=\s*(?:process\.)?env\b/g))
    for (const part of m[1]!.split(','))
      if (/^\s*[A-Z][A-Z0-9_]+/.test(part)) names.add(part.trim().split(/[\s:]/)[0]!)
  return [...names]
}

/** Names the README's environment table documents (a row may name several, `A`/`a`, `B`). */
function documented(readme: string): Set<string> {
  const section = readme.split('## Environment variables')[1]?.split('\n## ')[0] ?? ''
  return new Set([...section.matchAll(/`([A-Za-z_][A-Za-z0-9_]*)(?:\*)?`/g)].map((m) => m[1]!))
}

describe('every environment variable the code reads is documented', () => {
  it('finds reads in each form the code uses', () => {
    expect(
      environmentReads(
        "env.NOW_PAGE_NOW; process.env['GH_TOKEN']; const { GITHUB_SERVER_URL: s, RUNNER_TEMP } = env",
      ).sort(),
    ).toEqual(['GH_TOKEN', 'GITHUB_SERVER_URL', 'NOW_PAGE_NOW', 'RUNNER_TEMP'])
  })

  it('README names each of them', () => {
    const names = documented(readFileSync(join(root, 'README.md'), 'utf8'))
    const reads = sources(join(root, 'src')).flatMap((file) =>
      environmentReads(readFileSync(file, 'utf8')).map((name) => ({ name, file })),
    )
    expect(reads.length).toBeGreaterThan(5)
    expect(reads.filter((r) => !names.has(r.name))).toEqual([])
  })
})
