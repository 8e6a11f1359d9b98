import { describe, expect, it } from 'vitest'
import { editPage } from '../../src/page/edit-page.js'
import { smallActivity } from '../helpers/page-fixtures.js'

// A reST transition: a line of tildes between blank lines. In Markdown the same line opens a
// code fence that runs to the end of the page.
const page = 'Now\n===\n\nSome prose.\n\n~~~~~~~~\n\nInspired by the /now movement.\n'
const options = (file: string) => ({ today: '2025-08-24', file })

describe('tildes are a fence only in Markdown', () => {
  it('a .rst page ending after a transition gets its sections, and a second run changes nothing', () => {
    const once = editPage(page, smallActivity(), options('now.rst'))
    expect(once.changed).toBe(true)
    expect(once.text.startsWith(page.trimEnd())).toBe(true)
    expect(once.text).toContain('now-page:contributions:start')
    const twice = editPage(once.text, smallActivity(), options('now.rst'))
    expect(twice.text).toBe(once.text)
  })

  it('the same text as Markdown is refused with the fence line, instead of editing inside code', () => {
    expect(() => editPage(page, smallActivity(), options('now.md'))).toThrow(
      expect.objectContaining({ file: 'now.md', line: 6 }),
    )
  })
})
