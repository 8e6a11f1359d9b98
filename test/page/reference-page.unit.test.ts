import { readFileSync } from 'node:fs'
import { diffArrays } from 'diff'
import { describe, expect, it } from 'vitest'
import { editPage } from '../../src/page/edit-page.js'
import { readFrontMatter } from '../../src/page/front-matter.js'
import { referencePagePath, smallActivity } from '../helpers/page-fixtures.js'

const reference = readFileSync(referencePagePath, 'utf8')

describe('the reference page (Hugo, TOML, bare date, no final newline)', () => {
  const result = editPage(reference, smallActivity(), {
    today: '2025-08-24',
    file: 'content/now.md',
  })

  it('changes only the date, the last-updated line, and adds the marked sections', () => {
    const before = reference.split('\n')
    const after = result.text.split('\n')
    const removed: string[] = []
    const added: string[] = []
    for (const part of diffArrays(before, after)) {
      if (part.removed) removed.push(...part.value)
      if (part.added) added.push(...part.value)
    }
    expect(removed).toEqual(['date = 2025-08-03', '*_Last Updated: 2025-08-03_*'])
    expect(added.slice(0, 2)).toEqual(['date = 2025-08-24', '*_Last Updated: 2025-08-24_*'])
    const inserted = added.slice(2)
    expect(inserted[0]).toBe('')
    expect(inserted).toContain('### Open source contributions')
    expect(inserted).toContain('<!-- now-page:contributions:start -->')
    expect(inserted).toContain('<!-- now-page:progress:end -->')
    expect(inserted.at(-1)).toBe('<!-- now-page:progress:end -->')
    // The author's text is a prefix of the new page, byte for byte, but for the two dates.
    const authorText = reference
      .replace('date = 2025-08-03', 'date = 2025-08-24')
      .replace('*_Last Updated: 2025-08-03_*', '*_Last Updated: 2025-08-24_*')
    expect(result.text.startsWith(authorText)).toBe(true)
  })

  it('keeps the page without a final newline and with its padded title line', () => {
    expect(result.text.endsWith('\n')).toBe(false)
    expect(result.text).toContain('title = "Now"                           \n')
  })

  it('reports what it did', () => {
    expect(result.report.dateFields).toEqual([
      { field: 'date', from: '2025-08-03', to: '2025-08-24', line: 3 },
    ])
    expect(result.report.bodyDates).toEqual([{ line: 6, from: '2025-08-03', to: '2025-08-24' }])
    expect(result.report.sections.map((s) => [s.name, s.status, s.items])).toEqual([
      ['contributions', 'inserted', 2],
      ['progress', 'inserted', 1],
    ])
  })

  it('still parses, with the new date as a bare TOML date', () => {
    const fm = readFrontMatter(result.text, 'content/now.md')
    expect(fm?.kind).toBe('toml')
    const date = fm?.data.date as Date
    expect(date.toISOString().slice(0, 10)).toBe('2025-08-24')
  })

  it('a second run with the same activity changes nothing', () => {
    const again = editPage(result.text, smallActivity(), {
      today: '2025-08-25',
      file: 'content/now.md',
    })
    expect(again.changed).toBe(false)
    expect(again.text).toBe(result.text)
  })
})
