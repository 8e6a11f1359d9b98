import { spawnSync } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const root = fileURLToPath(new URL('../..', import.meta.url))

describe('what the bundle leaves out', () => {
  // dist/ is the committed build (CI rebuilds and compares it).
  it('loads undici only through the dynamic import the proxy path takes', async () => {
    const { loadedJs } = await import('../../scripts/loaded-js.mjs')
    const loaded = loadedJs(join(root, 'dist/index.js'))
    const text = (files: Record<string, number>) =>
      Object.keys(files).map((f) => readFileSync(join(root, 'dist', f), 'utf8'))
    const undici = /class ProxyAgent\b/
    expect(text(loaded.files).filter((code) => undici.test(code))).toEqual([])
    expect(text(loaded.lazy).filter((code) => undici.test(code))).toHaveLength(1)
    // Nor js-yaml's parser: gray-matter's reference to it is a stub.
    expect(text(loaded.files).filter((code) => code.includes('YAMLException'))).toEqual([])
  })

  // rollup.config.mjs resolves gray-matter's js-yaml to a stub that throws: the page paths
  // (YAML, TOML and JSON front matter, and none) must never call it.
  it('reads and edits every page fixture without calling js-yaml', () => {
    const script = fileURLToPath(new URL('fixtures/pages-without-js-yaml.ts', import.meta.url))
    const run = spawnSync(process.execPath, ['--import', 'tsx', script], {
      cwd: root,
      encoding: 'utf8',
    })
    expect(run.stderr).toBe('')
    expect(run.status).toBe(0)
    const pages = readdirSync(fileURLToPath(new URL('../fixtures/pages', import.meta.url)))
    expect(JSON.parse(run.stdout)).toEqual({ edited: pages.length })
  })
})
