import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { NowPageError } from '../../src/errors.js'
import { readFrontMatter } from '../../src/page/front-matter.js'
import { updateFrontMatterDates } from '../../src/page/front-matter-dates.js'
import { rewriteLastUpdatedLine } from '../../src/page/last-updated-line.js'
import { findDate } from '../../src/dates/index.js'
import { DEFAULT_DATE_FIELDS } from '../../src/page/types.js'

const update = (text: string, add?: string) => {
  return updateFrontMatterDates(text, {
    fields: DEFAULT_DATE_FIELDS,
    today: '2025-08-24',
    add,
    file: 'now.md',
  })
}

describe('front-matter dates: only the date characters change', () => {
  it.each([
    ['bare TOML date', '+++\ndate = 2025-08-03\n+++\n', '+++\ndate = 2025-08-24\n+++\n'],
    [
      'TOML comment and odd spacing',
      '+++\ndate   =2025-08-03 # published\n+++\n',
      '+++\ndate   =2025-08-24 # published\n+++\n',
    ],
    ['TOML double quotes', '+++\ndate = "2025-08-03"\n+++\n', '+++\ndate = "2025-08-24"\n+++\n'],
    ['TOML single quotes', "+++\ndate = '2025-08-03'\n+++\n", "+++\ndate = '2025-08-24'\n+++\n"],
    [
      'TOML datetime with offset',
      '+++\nlastmod = 2025-08-03T09:30:00.5+05:30\n+++\n',
      '+++\nlastmod = 2025-08-24T00:00:00.0+05:30\n+++\n',
    ],
    [
      'TOML local datetime',
      '+++\nlastmod = 2025-08-03T09:30:00\n+++\n',
      '+++\nlastmod = 2025-08-24T00:00:00\n+++\n',
    ],
    [
      'TOML nested table date untouched',
      '+++\ntitle = "x"\n[params]\ndate = 2020-01-01\n+++\n',
      '+++\ntitle = "x"\n[params]\ndate = 2020-01-01\n+++\n',
    ],
    ['TOML quoted key', '+++\n"date" = 2025-08-03\n+++\n', '+++\n"date" = 2025-08-24\n+++\n'],
    [
      'TOML long date string',
      '+++\ndate = "August 3, 2025"\n+++\n',
      '+++\ndate = "August 24, 2025"\n+++\n',
    ],
    ['YAML plain date', '---\ndate: 2025-08-03\n---\n', '---\ndate: 2025-08-24\n---\n'],
    [
      'YAML Jekyll datetime',
      '---\ndate: 2025-08-03 10:00:00 +0530\n---\n',
      '---\ndate: 2025-08-24 00:00:00 +0530\n---\n',
    ],
    [
      'YAML quoted, comment',
      "---\nupdated: '2025-08-03' # x\ntags: [a]\n---\n",
      "---\nupdated: '2025-08-24' # x\ntags: [a]\n---\n",
    ],
    [
      'YAML CRLF',
      '---\r\ndate: 2025-08-03\r\ntitle: Now\r\n---\r\n',
      '---\r\ndate: 2025-08-24\r\ntitle: Now\r\n---\r\n',
    ],
    [
      'JSON',
      '{\n  "date": "2025-08-03",\n  "x": 1\n}\n',
      '{\n  "date": "2025-08-24",\n  "x": 1\n}\n',
    ],
    ['BOM', '\uFEFF+++\ndate = 2025-08-03\n+++\n', '\uFEFF+++\ndate = 2025-08-24\n+++\n'],
    [
      'several fields, order kept',
      '+++\nlastmod = 2025-08-03\ndate = 2024-01-01\n+++\n',
      '+++\nlastmod = 2025-08-24\ndate = 2025-08-24\n+++\n',
    ],
    ['already today', '+++\ndate = 2025-08-24\n+++\n', '+++\ndate = 2025-08-24\n+++\n'],
  ])('%s', (_name, input, expected) => {
    expect(update(input).text).toBe(expected)
  })

  it('leaves a non-date value alone with a note', () => {
    const r = update('+++\ndate = "soon"\n+++\n')
    expect(r.text).toBe('+++\ndate = "soon"\n+++\n')
    expect(r.notes[0]?.message).toMatch(/'date' holds "soon"/)
  })

  it.each([
    ['TOML', '+++\ntitle = "x"\n+++\n', '+++\ntitle = "x"\nlastmod = 2025-08-24\n+++\n'],
    ['YAML', '---\ntitle: x\n---\n', '---\ntitle: x\nlastmod: 2025-08-24\n---\n'],
    ['JSON', '{\n  "title": "x"\n}\n', '{\n  "title": "x",\n  "lastmod": "2025-08-24"\n}\n'],
  ])('adds a missing field when asked (%s)', (_kind, input, expected) => {
    expect(update(input, 'lastmod').text).toBe(expected)
  })

  it('property: for any date and spacing, only the value bytes change', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2000-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }),
        fc.constantFrom(' = ', '=', '   =  '),
        fc.constantFrom('', ' # note', '\t'),
        fc.constantFrom('\n', '\r\n'),
        (date, eq, tail, eol) => {
          const iso = date.toISOString().slice(0, 10)
          const text = `+++${eol}title = "x"${eol}date${eq}${iso}${tail}${eol}+++${eol}body`
          const out = update(text).text
          expect(out).toBe(text.replace(`date${eq}${iso}`, `date${eq}2025-08-24`))
          expect(update(out).text).toBe(out)
        },
      ),
    )
  })
})

describe('front matter errors', () => {
  it.each([
    ['+++\ntitle = "x\n+++\n', /invalid TOML front matter/, 2],
    ['+++\na = 1\nb = [\n+++\n', /invalid TOML front matter/, 3],
    ['---\ntitle: [x\n---\n', /invalid YAML front matter/, undefined],
    ['{\n "a": 1,\n}\n', /invalid JSON front matter/, 3],
    ['---js\n{ title: require("fs") }\n---\n', /front matter in 'js' is refused/, 1],
    ['---javascript\n{}\n---\n', /'javascript' is refused/, 1],
    ['---coffee\ntitle: "x"\n---\n', /'coffee' is refused/, 1],
    ['+++js\n{}\n+++\n', /'js' is refused/, 1],
    ['+++\ntitle = "x"\n', /never closed/, 1],
  ])('%j', (text, message, line) => {
    let error: unknown
    try {
      readFrontMatter(text, 'now.md')
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(NowPageError)
    expect((error as NowPageError).message).toMatch(message)
    if (line !== undefined) expect((error as NowPageError).line).toBe(line)
    expect((error as NowPageError).file).toBe('now.md')
  })

  it('never evaluates executable front matter', () => {
    const g = globalThis as { pwned?: boolean }
    expect(() => readFrontMatter('---js\n(globalThis.pwned = true, {})\n---\n', 'now.md')).toThrow()
    expect(g.pwned).toBeUndefined()
  })
})

describe('last-updated lines', () => {
  it.each([
    ['*_Last Updated: 2025-08-03_*', '*_Last Updated: 2025-08-24_*'],
    ['_Last updated on March 3, 2024_', '_Last updated on August 24, 2025_'],
    ['Updated: 3 March 2024', 'Updated: 24 August 2025'],
    ['Last modified 2024/03/03', 'Last modified 2025/08/24'],
    ['**Last updated:** 2025-08-03', '**Last updated:** 2025-08-24'],
    ['> Updated on 2025-08-03', '> Updated on 2025-08-24'],
    ['<small>Last updated: Aug. 3rd, 2025</small>', '<small>Last updated: Aug. 24th, 2025</small>'],
    ['LAST UPDATED: 3 MAR 2024', 'LAST UPDATED: 24 AUG 2025'],
    ['Last edited: 03.08.2025', 'Last edited: 24.08.2025'],
    ['*Updated: 3 Mar 2024*\t🎉', '*Updated: 24 Aug 2025*\t🎉'],
  ])('%s', (line, expected) => {
    expect(rewriteLastUpdatedLine(line, '2025-08-24')).toMatchObject({
      kind: 'updated',
      line: expected,
    })
  })

  it.each([
    'I updated my resume on 2025-08-03 because of reasons.',
    'Modified versions of this page are welcome.',
    'Nothing to see here',
  ])('prose is not a last-updated line: %s', (line) => {
    expect(rewriteLastUpdatedLine(line, '2025-08-24')).toBeNull()
  })

  it('a month-and-year date moves to this month', () => {
    expect(rewriteLastUpdatedLine('Updated: March 2025', '2025-08-24')).toMatchObject({
      kind: 'updated',
      line: 'Updated: August 2025',
    })
  })

  it('property: the new line reads back as today, other characters unchanged', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2000-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }),
        fc.constantFrom(
          '*_Last Updated: %_*',
          'Updated: %',
          '_Last updated on %_',
          '**Last modified:** %',
        ),
        fc.constantFrom('iso', 'long', 'dayfirst'),
        (date, shape, style) => {
          const d = date.toISOString().slice(0, 10)
          const [y, m, day] = d.split('-').map(Number) as [number, number, number]
          const months = [
            'January',
            'February',
            'March',
            'April',
            'May',
            'June',
            'July',
            'August',
            'September',
            'October',
            'November',
            'December',
          ]
          const written =
            style === 'iso'
              ? d
              : style === 'long'
                ? `${months[m - 1]} ${day}, ${y}`
                : `${day} ${months[m - 1]} ${y}`
          const line = shape.replace('%', written)
          const r = rewriteLastUpdatedLine(line, '2025-08-24')
          if (d === '2025-08-24') {
            // fast-check reads a returned value as the verdict: assert, then return nothing.
            expect(r?.kind).toBe('current')
            return
          }
          if (r?.kind !== 'updated') throw new Error(`not updated: ${line}`)
          const found = findDate(r.line)
          expect(found?.date).toEqual({ year: 2025, month: 8, day: 24 })
          expect(r.line.replace(r.to, '#')).toBe(line.replace(written, '#'))
        },
      ),
    )
  })
})
