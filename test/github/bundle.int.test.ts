import { spawn, spawnSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { runActionProcess, runnerWorkspace } from '../../src/runner/local-runner.js'
import { demoScenario } from '../action/demo-scenario.js'
import { emulatorPerTest } from '../support/emulator-per-test.js'

const root = fileURLToPath(new URL('../..', import.meta.url))

const chunks = () => readdirSync(join(root, 'dist/chunks')).map((f) => join(root, 'dist/chunks', f))

/** The issue 16 budget: JavaScript the Action loads before its first line runs. */
const LOADED_JS_BUDGET = 600_000

describe('what the bundle leaves out', () => {
  // dist/ is whatever build is present (CI rebuilds it from the sources and compares).
  it(`loads at most ${LOADED_JS_BUDGET} bytes at start; parsers, Markdown, RE2 and picomatch load when needed`, async () => {
    const { loadedJs } = await import('../../scripts/loaded-js.mjs')
    const loaded = loadedJs(join(root, 'dist/index.js'))
    expect(loaded.bytes).toBeLessThanOrEqual(LOADED_JS_BUDGET)
    // A count of index.js's own `import { … } from` lines finds less than Node loads: the bare
    // imports (Octokit's chunk among them) and the named chunks' own imports load all the same.
    expect(loaded.namedBytes).toBeLessThan(loaded.bytes)
    expect(Object.keys(loaded.files)).toContain('chunks/inputs.js')
    const code = Object.keys(loaded.files).map((f) => readFileSync(join(root, 'dist', f), 'utf8'))
    const markers = {
      '@iarna/toml': /class TomlError\b/,
      yaml: /class YAMLParseError\b/,
      micromark: /function subtokenize\b/,
      re2js: /class RE2JS\b/,
      picomatch: /POSIX_REGEX_SOURCE/,
      'gray-matter': /excerpt_separator/,
    }
    const lazy = Object.keys(loaded.lazy).map((f) => join(root, 'dist', f))
    const everything = [join(root, 'dist/index.js'), ...chunks()].map((f) =>
      readFileSync(f, 'utf8'),
    )
    for (const [name, marker] of Object.entries(markers)) {
      expect(
        code.some((c) => marker.test(c)),
        `${name} is loaded at start`,
      ).toBe(false)
      // The marker is still a true sign of the package: it is somewhere in the bundle.
      expect(
        everything.some((c) => marker.test(c)),
        `${name}'s marker is in no chunk`,
      ).toBe(true)
    }
    expect(lazy.length).toBeGreaterThan(0)
    // Each front-matter parser is a chunk of its own, apart from the Markdown parser's: a run
    // loads only its page's (formats/load.ts's loadParsersFor).
    const holding = (marker: RegExp) =>
      [join(root, 'dist/index.js'), ...chunks()].filter((f) => marker.test(readFileSync(f, 'utf8')))
    const parsers = [markers['@iarna/toml'], markers.yaml, /function createScanner\b/]
    const files = parsers.map((m) => holding(m))
    for (const found of files) expect(found).toHaveLength(1)
    expect(new Set(files.flat()).size).toBe(3)
    expect(files.flat()).not.toContain(holding(markers.micromark)[0])
  })

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

describe('the bundle as a module (@github/local-action imports it and calls run())', () => {
  const start = emulatorPerTest()
  const entry = join(root, 'dist/index.js')

  /** Node on `args` with a runner's environment for the demo site; its outputs when it ends. */
  async function node(args: string[], em: { url: string }, token: string) {
    const scenario = demoScenario()
    const workspace = runnerWorkspace({
      inputs: { token, ...scenario.inputs },
      apiUrl: em.url,
      repository: 'someone/site',
      ...(scenario.now ? { now: scenario.now } : {}),
    })
    const child = spawn(process.execPath, args, { env: workspace.env, stdio: 'pipe' })
    let out = ''
    child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d))
    child.stderr.setEncoding('utf8').on('data', (d: string) => (out += d))
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve))
    const { outputs } = workspace.collect()
    workspace.remove()
    return { code, out, outputs }
  }

  it('exports run, runs only when it is the entry, and edits the page through the lazy chunks', async () => {
    const scenario = demoScenario()
    const em = await start(scenario)
    const token = Object.keys(scenario.tokens)[0] as string
    const importer = (call: boolean) => [
      '--input-type=module',
      '-e',
      `const m = await import(${JSON.stringify(entry)}); console.log(typeof m.run);` +
        (call ? ' await m.run()' : ''),
    ]

    const imported = await node(importer(false), em, token)
    expect([imported.code, imported.out]).toEqual([0, 'function\n'])
    expect(em.requests).toHaveLength(0)

    const called = await node(importer(true), em, token)
    expect(called.code, called.out).toBe(0)
    expect(called.outputs['changed']).toBe('true')
    const page = em.readFile('someone/site', 'content/now.md', 'now-page/refresh') as string
    expect(page).toContain('<!-- now-page:progress:start -->')

    // A runner may reach the file through a symlink: it still runs (here a no-op: same activity).
    const dir = mkdtempSync(join(tmpdir(), 'now-page-link-'))
    try {
      symlinkSync(entry, join(dir, 'index.js'))
      const linked = await node([join(dir, 'index.js')], em, token)
      expect(linked.code, linked.out).toBe(0)
      expect(linked.outputs['pull-request-operation']).toBe('none')
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  // The bundle loads one front-matter parser, the page's, from its own chunk: each kind is read
  // and edited through that path, as a runner runs the Action.
  it.each([
    ['YAML', '---\ntitle: Now\ndate: 2025-06-01\n---\n', 'date: 2025-08-24'],
    ['JSON', '{\n  "title": "Now",\n  "date": "2025-06-01"\n}\n', '"date": "2025-08-24"'],
    ['TOML', '+++\ntitle = "Now"\ndate = 2025-06-01\n+++\n', 'date = 2025-08-24'],
  ])('edits a page with %s front matter through its parser chunk', async (_kind, head, date) => {
    const scenario = demoScenario()
    const site = scenario.repos.find((r) => r.fullName === 'someone/site')
    const files = site?.files as Record<string, string>
    files['content/now.md'] = `${head}\n*_Last Updated: 2025-06-01_*\n\nWhat I'm doing now.\n`
    const em = await start(scenario)
    const run = await runActionProcess({
      inputs: { token: Object.keys(scenario.tokens)[0] as string, ...scenario.inputs },
      apiUrl: em.url,
      repository: 'someone/site',
      ...(scenario.now ? { now: scenario.now } : {}),
    })
    expect(run.exitCode, run.stdout + run.stderr).toBe(0)
    const page = em.readFile('someone/site', 'content/now.md', 'now-page/refresh') as string
    expect(page.startsWith(head.replace('2025-06-01', '2025-08-24'))).toBe(true)
    expect(page).toContain(date)
  })
})
