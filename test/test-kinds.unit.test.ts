import { readFileSync, readdirSync } from 'node:fs'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

/**
 * Tests come in two kinds, told apart by name (as create-pull-request does): `*.unit.test.ts`
 * run pure code in-process; `*.int.test.ts` drive the real client over HTTP against the emulator
 * or start a process. `npm run test:unit` is then fast and needs nothing but Node.
 */
const root = fileURLToPath(new URL('../', import.meta.url))

function testFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? e.name === 'fixtures' || e.name === 'golden'
        ? []
        : testFiles(join(dir, e.name))
      : e.name.endsWith('.test.ts')
        ? [join(dir, e.name)]
        : [],
  )
}

/** What makes a test an integration test: a server, a process, the emulator or a real client. */
const INTEGRATION =
  /node:(?:http|https|net|child_process)\b|\/emulator\/index\.js|\bstartEmulator\b|\bcreateClient\b|\bclientFor\b|\brunInProcess\b/

describe('test files say which kind they are', () => {
  const files = testFiles(join(root, 'test'))

  it('every test file is *.unit.test.ts or *.int.test.ts', () => {
    expect(files.length).toBeGreaterThan(40)
    expect(
      files.filter((f) => !/\.(?:unit|int)\.test\.ts$/.test(f)).map((f) => relative(root, f)),
    ).toEqual([])
  })

  it('unit tests start no server, process or client', () => {
    const impure = files
      .filter((f) => f.endsWith('.unit.test.ts'))
      .filter((f) => f !== fileURLToPath(import.meta.url))
      .filter((f) => INTEGRATION.test(readFileSync(f, 'utf8')))
    expect(impure.map((f) => relative(root, f))).toEqual([])
  })
})
