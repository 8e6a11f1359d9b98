import { describe, expect, it, vi } from 'vitest'
import type { Activity } from '../../src/activity/types.js'
import { loadParsersFor, parsersLoadedFor } from '../../src/page/core.js'
import { editPage } from '../../src/page/edit-page.js'
import { frontMatterKinds } from '../../src/page/front-matter.js'
import { warmUp } from '../../src/page/warm-up.js'

const page = '---\ntitle: Now\nlastmod: 2024-03-01\n---\n\nLast updated: 2024-03-01\n'
const activity: Activity = { pullRequests: [], projects: [] }

describe('warming the page core up', () => {
  it('edits its sample without failing, in any zone, and changes no later edit', async () => {
    const before = editPage(page, activity, { today: '2025-08-24' })
    await expect(warmUp()).resolves.toBeUndefined()
    await expect(warmUp('Asia/Kolkata')).resolves.toBeUndefined()
    expect(editPage(page, activity, { today: '2025-08-24' })).toEqual(before)
  })
})

describe('the front-matter parser a page needs, from its first lines', () => {
  it.each([
    ['+++\ntitle = "Now"\n+++\n', ['toml']],
    ['---\ntitle: Now\n---\n', ['yaml']],
    ['{\n  "title": "Now"\n}\n', ['json']],
    ['---toml\ntitle = "Now"\n---\n', ['toml']],
    ['---json\n{"title": "Now"}\n---\n', ['json']],
    ['+++yaml\ntitle: Now\n+++\n', ['yaml']],
    ['\uFEFF+++\r\ntitle = "Now"\r\n+++\r\n', ['toml']],
    ['\n\n---\ntitle: Now\n---\n', ['yaml']],
    ['---js\nmodule.exports = {}\n---\n', []],
    ['# Now\n\nNo front matter.\n', []],
    ['', []],
  ])('%j needs %j', (text, kinds) => {
    expect(frontMatterKinds(text)).toEqual(kinds)
  })

  it('loads them (the tests provide every parser beforehand: see vitest.config.ts)', async () => {
    await loadParsersFor('---\ntitle: Now\n---\n')
    expect(parsersLoadedFor('---\ntitle: Now\n---\n')).toBe(true)
    expect(parsersLoadedFor('# Now\n')).toBe(true)
  })

  it('names a parser nobody loaded, and how to load it', async () => {
    vi.resetModules()
    const fresh = await import('../../src/page/formats/parsers.js')
    expect(fresh.hasParser('yaml')).toBe(false)
    expect(() => fresh.parserFor('yaml')).toThrow(/YAML front-matter parser is not loaded/)
    vi.resetModules()
  })
})
