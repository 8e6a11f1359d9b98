import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { NowPageError } from '../../src/errors.js'
import { editPage } from '../../src/page/edit-page.js'
import { analyzeBody } from '../../src/page/markdown-structure.js'
import { MAX_LINES, MAX_NESTING, MAX_RUN } from '../../src/page/markdown-bounds.js'
import { smallActivity } from '../helpers/page-fixtures.js'

const S = '<!-- now-page:contributions:start -->'
const E = '<!-- now-page:contributions:end -->'
const options = { today: '2025-08-24', file: 'content/now.md' }
const lines = (n: number, f: (i: number) => string) => Array.from({ length: n }, (_, i) => f(i))

/** The edit either refuses the page with a NowPageError naming the file and a line, or edits it;
 * it never overflows the stack or throws anything else. No timing is asserted: what bounds the
 * time is that each refusal happens before parsing, which the error's line proves. */
function outcome(page: string): 'refused' | 'edited' {
  try {
    const result = editPage(page, smallActivity(), options)
    expect(result.text).toContain(S)
    return 'edited'
  } catch (error) {
    expect(error).toBeInstanceOf(NowPageError)
    const e = error as NowPageError
    expect(e.file).toBe('content/now.md')
    expect(e.line).toBeGreaterThan(0)
    expect(e.hint).toBeTruthy()
    return 'refused'
  }
}

describe('pathological pages parse in bounded time and stack, or are refused with file and line', () => {
  it('refuses 8,000 nested block quotes on one line (a stack overflow before)', () => {
    const page = `# Now\n\n${'>'.repeat(8000)} deep\n\n${S}\n${E}\n`
    expect(() => editPage(page, smallActivity(), options)).toThrow(
      expect.objectContaining({
        name: 'NowPageError',
        line: 3,
        message: expect.stringMatching(/8000 block quotes or list items; at most 64/),
      }),
    )
  })

  it('refuses 100 KB of ever deeper nested lists at the first line too deep', () => {
    const page = lines(600, (i) => `${'  '.repeat(i)}- item`).join('\n')
    expect(page.length).toBeGreaterThan(100_000)
    expect(() => analyzeBody(page, 0, 1, 'now.md')).toThrow(
      expect.objectContaining({ file: 'now.md', line: MAX_NESTING + 1 }),
    )
  })

  it('refuses a long run of deeply nested quotes', () => {
    const page = lines(5000, () => `${'> '.repeat(MAX_NESTING)}x`).join('\n')
    expect(outcome(page)).toBe('refused')
  })

  it.each([
    ['100 KB of emphasis on one line', '*_'.repeat(50_000)],
    ['100 KB of open brackets', `${'['.repeat(50_000)}x${']'.repeat(50_000)}`],
    ['100 KB of unclosed links', '[a]('.repeat(25_000)],
    ['100 KB of unclosed code spans', '`a``'.repeat(25_000)],
    ['100 KB of emphasis in a heading', `## ${'*a '.repeat(33_000)}`],
    [
      '100 KB of emphasis over short paragraphs',
      lines(2000, () => `${'*_'.repeat(25)}\n`).join('\n'),
    ],
  ])('edits a page with %s', (_what, hostile) => {
    expect(outcome(`# Now\n\n${hostile}\n\n${S}\n${E}\n`)).toBe('edited')
  })

  it.each([
    ['emphasis over one long run of lines', lines(MAX_RUN, () => '*_'.repeat(25)).join('\n')],
    ['a paragraph of more lines than a run may have', lines(MAX_RUN + 1, () => 'a').join('\n')],
    ['more lines than a page may have', lines(MAX_LINES + 1, () => '').join('\n')],
  ])('refuses or edits a page with %s', (_what, hostile) => {
    expect(['refused', 'edited']).toContain(outcome(`# Now\n\n${hostile}\n\n${S}\n${E}\n`))
  })

  it('still reads headings as a reader sees them', () => {
    const page = `# Now\n\n## *Open* [source](https://x.example) \`work\`\n\nold\n\n## Next\n`
    const result = editPage(page, smallActivity(), {
      ...options,
      sections: { contributions: { heading: 'Open source work' }, progress: { enabled: false } },
    })
    expect(result.report.sections[0]?.status).toBe('updated')
    expect(result.text).toContain('## Next')
  })
})

describe('a page that ends inside an unclosed code fence', () => {
  const only = { progress: { enabled: false } }

  it.each([
    ['backticks', '# Now\n\nSome text.\n\n```js\nconst x = 1\n', 5],
    ['tildes in a list', '# Now\n\n- item\n\n  ~~~\n  code\n', 5],
  ])(
    'refuses to insert the sections inside it (%s), naming the opening line',
    (_what, page, line) => {
      expect(() => editPage(page, smallActivity(), { ...options, sections: only })).toThrow(
        expect.objectContaining({
          name: 'NowPageError',
          file: 'content/now.md',
          line,
          message: expect.stringMatching(/never closed/),
        }),
      )
    },
  )

  it('edits marked sections before the fence, and runs again to the same page', () => {
    const page = `# Now\n\n${S}\n${E}\n\n\`\`\`\nunclosed\n`
    const once = editPage(page, smallActivity(), { ...options, sections: only }).text
    const twice = editPage(once, smallActivity(), { ...options, sections: only })
    expect(twice.changed).toBe(false)
    expect(once.split(S)).toHaveLength(2)
    expect(once.endsWith('```\nunclosed\n')).toBe(true)
  })

  it('inserts once after a closed fence: three runs give one marker pair', () => {
    let page = '# Now\n\n```\ncode\n```\n'
    for (let run = 0; run < 3; run++) {
      page = editPage(page, smallActivity(), { ...options, sections: only }).text
    }
    expect(page.split(S)).toHaveLength(2)
    expect(page.split(E)).toHaveLength(2)
  })
})

describe('any page of Markdown punctuation (property)', () => {
  it('is edited, or refused with a NowPageError naming file and line; never anything else', () => {
    const piece = fc.constantFrom(
      '>',
      '> ',
      '- ',
      '1. ',
      '  ',
      '\t',
      '*',
      '_',
      '[',
      ']',
      '(',
      '`',
      '```',
      '~~~',
      '<div>',
      '<!--',
      '-->',
      '#',
      '## h',
      '===',
      '---',
      '\\',
      '&amp;',
      'a',
      'word ',
      '\n',
      '\n\n',
      '\r',
      '\r\n',
    )
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), (pieces) => {
        expect(['refused', 'edited']).toContain(
          outcome(`# Now\n\n${S}\n${E}\n\n${pieces.join('')}`),
        )
      }),
      { numRuns: 300 },
    )
  })
})
