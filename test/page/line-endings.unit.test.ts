import { describe, expect, it } from 'vitest'
import { editPage } from '../../src/page/edit-page.js'
import { emptyActivity, smallActivity } from '../helpers/page-fixtures.js'

const S = '<!-- now-page:contributions:start -->'
const E = '<!-- now-page:contributions:end -->'
const options = { today: '2025-08-24', file: 'now.md' }

describe('CR-only line endings (classic Mac OS) are kept', () => {
  const head = '# Now\r\rHello,  world.\t\r\r'
  const tail = '\r\rLast updated: 2024-01-01\r\rBye.'

  it('updates marked sections with CR line endings and keeps every other byte', () => {
    const page = `${head}${S}\r- old\r${E}${tail}`
    const result = editPage(page, smallActivity(), {
      ...options,
      sections: { progress: { enabled: false } },
    })
    expect(result.changed).toBe(true)
    expect(result.text).not.toContain('\n')
    expect(result.text.startsWith(`${head}${S}\r`)).toBe(true)
    expect(result.text.endsWith(`\r${E}${tail.replace('2024-01-01', '2025-08-24')}`)).toBe(true)
    expect(result.text).not.toContain('- old')
  })

  it('inserts sections with CR line endings, once', () => {
    const page = `${head}Bye.\r`
    const once = editPage(page, smallActivity(), options)
    expect(once.report.sections.map((s) => s.status)).toEqual(['inserted', 'inserted'])
    expect(once.text).not.toContain('\n')
    expect(once.text.startsWith(`${head}Bye.\r`)).toBe(true)
    expect(once.text.endsWith('<!-- now-page:progress:end -->\r')).toBe(true)
    expect(editPage(once.text, smallActivity(), options).changed).toBe(false)
  })

  it('leaves a CR-only page byte-identical when there is nothing new', () => {
    const page = `${head}${S}\r- old\r${E}${tail}`
    expect(editPage(page, emptyActivity(), options)).toMatchObject({ text: page, changed: false })
  })
})
