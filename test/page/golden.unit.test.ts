import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { editPage } from '../../src/page/edit-page.js'
import type { EditOptions } from '../../src/page/types.js'
import { readFixture, smallActivity } from '../helpers/page-fixtures.js'

/**
 * Golden tests: each page in test/fixtures/pages is edited with the small activity and compared
 * byte for byte with test/golden/<case>.md. Regenerate with UPDATE_GOLDEN=1 and read the diff.
 */
const cases: Array<{ name: string; page: string; options?: Partial<EditOptions> }> = [
  { name: 'hugo-toml-insert-at-end', page: 'hugo-toml.md' },
  {
    name: 'hugo-toml-insert-after-heading',
    page: 'hugo-toml.md',
    options: { insert: { at: 'after-heading', heading: 'Work' } },
  },
  { name: 'hugo-markers', page: 'hugo-markers.md' },
  {
    name: 'jekyll-yaml-heading-mode',
    page: 'jekyll-yaml.md',
    options: {
      sections: { contributions: { heading: 'Open source' }, progress: { enabled: false } },
    },
  },
  { name: 'astro-json', page: 'astro-json.md' },
  { name: 'no-front-matter', page: 'no-front-matter.md' },
  { name: 'code-fences', page: 'code-fences.md' },
  { name: 'tabs-emoji', page: 'tabs-emoji.md', options: { timeZone: 'Asia/Kolkata' } },
  { name: 'crlf', page: 'crlf.md' },
  { name: 'bom', page: 'bom.md' },
  { name: 'no-final-newline', page: 'no-final-newline.md' },
  {
    name: 'grouped-and-templated',
    page: 'hugo-markers.md',
    options: {
      sections: {
        contributions: { groupByRepo: true },
        progress: { template: '* {repo} ({languages}) {progress}: {commits}, last {latest_date}' },
      },
    },
  },
]

const goldenPath = (name: string) => fileURLToPath(new URL(`../golden/${name}.md`, import.meta.url))

describe('golden pages', () => {
  it.each(cases)('$name', ({ name, page, options }) => {
    const input = readFixture(`pages/${page}`)
    const edit = (text: string, today: string) =>
      editPage(text, smallActivity(), { today, file: page, ...options })
    const result = edit(input, '2025-08-24')
    const path = goldenPath(name)
    if (process.env.UPDATE_GOLDEN === '1' || !existsSync(path)) {
      if (process.env.CI) throw new Error(`golden file ${name}.md is missing`)
      writeFileSync(path, result.text)
    }
    expect(result.text).toBe(readFileSync(path, 'utf8'))
    expect(result.changed).toBe(true)
    // Twice = once.
    const again = edit(result.text, '2025-08-24')
    expect(again.changed).toBe(false)
    expect(again.text).toBe(result.text)
    // A later day with the same activity changes nothing either: dates move only with content.
    expect(edit(result.text, '2025-09-30').text).toBe(result.text)
  })
})
