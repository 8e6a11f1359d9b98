import { describe, expect, it } from 'vitest'
import { isModificationKey, isModificationPath, isPlainDateKey } from '../../src/dates/index.js'
import { liveMetadataDate, updateFrontMatterDates } from '../../src/page/front-matter-dates.js'

const move = (text: string, fields?: string[]) =>
  updateFrontMatterDates(text, {
    today: '2025-08-24',
    file: 'now.md',
    ...(fields ? { fields } : {}),
  })

describe('which metadata fields are live', () => {
  it.each([
    'lastmod',
    'updated',
    'updatedDate',
    'modifiedAt',
    'lastUpdated',
    'last_modified',
    'last_modified_at',
    'date-last-update',
    'updated_es',
    'modDate',
    'dateModified',
    '#+lastmod',
  ])('%s names a modification', (key) => expect(isModificationKey(key)).toBe(true))

  it.each([
    'date',
    'created',
    'published',
    'pubDate',
    'publishDate',
    'next_update',
    'updated_by',
    'showUpdated',
  ])('%s does not', (key) => expect(isModificationKey(key)).toBe(false))

  it('a date under a modification key counts (Docusaurus last_update.date)', () => {
    expect(isModificationPath(['last_update', 'date'])).toBe(true)
    expect(isModificationPath(['extra', 'updated'])).toBe(true)
    expect(isModificationPath(['extra', 'date'])).toBe(false)
    expect(isPlainDateKey('#+DATE')).toBe(true)
  })

  it.each([
    [
      'TOML: date stays when lastmod exists',
      '+++\ndate = 2024-01-01\nlastmod = 2025-01-02\n+++\n',
      '+++\ndate = 2024-01-01\nlastmod = 2025-08-24\n+++\n',
    ],
    [
      'TOML: plain date moves when it is the only one',
      '+++\ntitle = "x"\ndate = 2024-01-01T10:20:30Z\n+++\n',
      '+++\ntitle = "x"\ndate = 2025-08-24T00:00:00Z\n+++\n',
    ],
    [
      'TOML: Zola [extra] table, a date in an unrelated table stays',
      '+++\ndate = 2020-01-01\n[taxonomies]\ndate = 2020-01-01\n[extra]\nupdated = "2021-03-14 00:07:00-07:00"\n+++\n',
      '+++\ndate = 2020-01-01\n[taxonomies]\ndate = 2020-01-01\n[extra]\nupdated = "2025-08-24 00:00:00-07:00"\n+++\n',
    ],
    [
      'TOML: dotted and quoted keys, array of tables',
      '+++\nextra.lastmod = 2024-05-05\n[[revisions]]\n"updated" = 2024-05-05 # c\n+++\n',
      '+++\nextra.lastmod = 2025-08-24\n[[revisions]]\n"updated" = 2025-08-24 # c\n+++\n',
    ],
    [
      'YAML: nested map and list of maps',
      '---\ndate: 2020-01-01\nmeta:\n  updatedDate: "Sun, 01 May 2022"\nhistory:\n  - modified_at: 2022-12-04Z\n---\n',
      '---\ndate: 2020-01-01\nmeta:\n  updatedDate: "Sun, 24 Aug 2025"\nhistory:\n  - modified_at: 2025-08-24Z\n---\n',
    ],
    [
      'YAML: offset without a colon stays so',
      '---\nlast_modified_at: 2026-01-10 18:19:00 -0300\n---\n',
      '---\nlast_modified_at: 2025-08-24 00:00:00 -0300\n---\n',
    ],
    [
      'YAML: month and year only',
      "---\nupdated: 'June 2026'\n---\n",
      "---\nupdated: 'August 2025'\n---\n",
    ],
    [
      'YAML after blank lines',
      '\n\n---\nupdated: 2024-01-01\n---\nbody\n',
      '\n\n---\nupdated: 2025-08-24\n---\nbody\n',
    ],
    [
      'YAML epoch milliseconds (Dendron)',
      '---\ncreated: 1684359616824\nupdated: 1684359616824\n---\n',
      '---\ncreated: 1684359616824\nupdated: 1755993600000\n---\n',
    ],
    [
      'JSON nested',
      '{\n  "date": "2020-01-01",\n  "meta": { "lastUpdated": "2024-02-03" }\n}\n',
      '{\n  "date": "2020-01-01",\n  "meta": { "lastUpdated": "2025-08-24" }\n}\n',
    ],
    [
      'Pelican headers',
      'Title: Now\nDate: 2020-01-01 10:00\nModified: 2026-01-10 18:19:00 -0300\n\nBody 2020-01-01\n',
      'Title: Now\nDate: 2020-01-01 10:00\nModified: 2025-08-24 00:00:00 -0300\n\nBody 2020-01-01\n',
    ],
    [
      'Org keywords, weekday recomputed',
      '#+title: Now\n#+date: <2024-01-01 Mon>\n\n* Now\n',
      '#+title: Now\n#+date: <2025-08-24 Sun>\n\n* Now\n',
    ],
    [
      'Org lastmod over date',
      '#+TITLE: Now\n#+DATE: 2020-01-01\n#+LASTMOD: [2024-01-01 Mon 10:00]\n',
      '#+TITLE: Now\n#+DATE: 2020-01-01\n#+LASTMOD: [2025-08-24 Sun 00:00]\n',
    ],
    [
      'Nikola reST comments in Markdown',
      '<!--\n.. title: Now\n.. date: 2020-01-01 10:00:00 UTC\n.. updated: 2024-01-01 10:00:00 UTC\n-->\n\nBody\n',
      '<!--\n.. title: Now\n.. date: 2020-01-01 10:00:00 UTC\n.. updated: 2025-08-24 00:00:00 UTC\n-->\n\nBody\n',
    ],
    [
      'non-date values are left alone',
      '---\ndate: Last Modified\nshowUpdated: true\n---\n',
      '---\ndate: Last Modified\nshowUpdated: true\n---\n',
    ],
  ])('%s', (_name, input, expected) => {
    const r = move(input)
    expect(r.text).toBe(expected)
    expect(move(r.text).text).toBe(r.text)
  })

  it('a malformed date gets today, well-formed, with a note', () => {
    const r = move("---\nupdated: '2025-01-1'\n---\n")
    expect(r.text).toBe("---\nupdated: '2025-08-24'\n---\n")
    expect(r.notes[0]?.message).toMatch(/not a well-formed date/)
  })

  it('an edit that would change another value (a YAML alias) is left out, with a note', () => {
    const text = '---\nupdated: &d 2024-01-01\nmirror: *d\n---\n'
    const r = move(text)
    expect(r.text).toBe(text)
    expect(r.notes[0]?.message).toMatch(/without touching other values/)
  })

  it('date-fields is an explicit override', () => {
    const text = '+++\ndate = 2024-01-01\nlastmod = 2024-01-01\n+++\n'
    expect(move(text, ['date']).text).toBe('+++\ndate = 2025-08-24\nlastmod = 2024-01-01\n+++\n')
  })

  it('counts live fields so a page without one can be told', () => {
    expect(move('---\ntitle: x\n---\n').live).toBe(0)
    expect(move('---\nupdated: 2025-08-24\n---\n').live).toBe(1)
  })
})

describe('the page date for since: page', () => {
  it.each([
    ['---\ndate: 2020-01-01\nlastmod: "June 3, 2024"\n---\n', '2024-06-03'],
    ['+++\ndate = 2020-01-01T10:00:00Z\n+++\n', '2020-01-01'],
    ['---\nupdated: 1684359616824\n---\n', '2023-05-17'],
    ['---\ntitle: x\n---\n', undefined],
    ['#+title: x\n#+date: <2024-02-03 Sat>\n', '2024-02-03'],
  ])('%j', (text, expected) => expect(liveMetadataDate(text)).toBe(expected))
})
