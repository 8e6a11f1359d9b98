import { describe, expect, it } from 'vitest'
import { NowPageError } from '../../src/errors.js'
import { editPage } from '../../src/page/edit-page.js'
import type { EditOptions } from '../../src/page/types.js'
import { smallActivity } from '../helpers/page-fixtures.js'

const S = (name: string) => `<!-- now-page:${name}:start -->`
const E = (name: string) => `<!-- now-page:${name}:end -->`

/** Each bad page or option must fail with a message that names the problem, where it is, and
 * how to fix it, and must not produce a page. */
const table: Array<{
  what: string
  page: string
  options?: Partial<EditOptions>
  message: RegExp
  line?: number
  hint?: RegExp
}> = [
  {
    what: 'unclosed marker',
    page: `# Now\n\n${S('contributions')}\n- x\n`,
    message: /'contributions' start marker is never closed/,
    line: 3,
    hint: /now-page:contributions:end/,
  },
  {
    what: 'end without start',
    page: `# Now\n${E('progress')}\n`,
    message: /'progress' end marker without a start marker/,
    line: 2,
  },
  {
    what: 'end before start (misordered)',
    page: `${E('contributions')}\n${S('contributions')}\n`,
    message: /'contributions' end marker without a start marker/,
    line: 1,
  },
  {
    what: 'nested markers',
    page: `${S('contributions')}\n${S('progress')}\n${E('progress')}\n${E('contributions')}\n`,
    message: /'progress' starts inside 'contributions' \(opened on line 1\)/,
    line: 2,
  },
  {
    what: 'crossed markers',
    page: `${S('contributions')}\n${E('progress')}\n`,
    message: /'progress' end marker while 'contributions' \(opened on line 1\) is still open/,
    line: 2,
  },
  {
    what: 'duplicated section',
    page: `${S('progress')}\n${E('progress')}\n\ntext\n\n${S('progress')}\n${E('progress')}\n`,
    message: /duplicate 'progress' section \(it already appears on line 1\)/,
    line: 6,
  },
  {
    what: 'unknown section name',
    page: `<!-- now-page:talks:start -->\n<!-- now-page:talks:end -->\n`,
    message: /unknown section 'talks'/,
    line: 1,
    hint: /contributions, progress/,
  },
  {
    what: 'near-miss marker',
    page: `text\n\n<!-- now-page:contributions:begin -->\n`,
    message: /malformed now-page marker/,
    line: 3,
  },
  {
    what: 'line numbers count the front matter',
    page: `+++\ntitle = "x"\n+++\n\n${S('contributions')}\n`,
    message: /never closed/,
    line: 5,
  },
  {
    what: 'managed heading missing',
    page: `# Now\n\n## Work\n`,
    options: { sections: { contributions: { heading: 'Open source' } } },
    message: /heading "Open source" for the contributions section was not found/,
    hint: /Headings on the page: "Now", "Work"/,
  },
  {
    what: 'managed heading twice',
    page: `## OSS\n\na\n\n## OSS\n\nb\n`,
    options: { sections: { contributions: { heading: 'OSS' } } },
    message: /appears more than once \(lines 1 and 5\)/,
  },
  {
    what: 'insert after a heading that is not there',
    page: `## Work\n`,
    options: { insert: { at: 'after-heading', heading: 'Elsewhere' } },
    message: /heading "Elsewhere" .* was not found/,
  },
  {
    what: 'today not a date',
    page: `# Now\n`,
    options: { today: '24/08/2025' },
    message: /'today' must be a calendar date written YYYY-MM-DD/,
  },
  {
    what: 'today impossible',
    page: `# Now\n`,
    options: { today: '2025-02-30' },
    message: /'today' must be a calendar date/,
  },
]

describe('bad pages and options', () => {
  it.each(table)('$what', ({ page, options, message, line, hint }) => {
    let error: unknown
    try {
      editPage(page, smallActivity(), { today: '2025-08-24', file: 'content/now.md', ...options })
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(NowPageError)
    const e = error as NowPageError
    expect(e.message).toMatch(message)
    if (line !== undefined) {
      expect(e.line).toBe(line)
      expect(e.describe()).toContain(`content/now.md:${line}: `)
    }
    if (hint) expect(e.hint).toMatch(hint)
    expect(e.hint ?? '').not.toBe('')
  })

  it('ignores markers inside code blocks, even malformed ones', () => {
    const page = [
      '```',
      S('contributions'),
      '<!-- now-page:oops -->',
      '```',
      '',
      '    ' + E('progress'),
      '',
    ].join('\n')
    const result = editPage(page, { pullRequests: [], projects: [] }, { today: '2025-08-24' })
    expect(result.changed).toBe(false)
    expect(result.text).toBe(page)
  })
})
