import { describe, expect, it } from 'vitest'
import { editPage } from '../../src/page/edit-page.js'
import { findBodyDates } from '../../src/page/last-updated-line.js'
import { explainDates } from '../../src/page/page-dates.js'
import { smallActivity } from '../helpers/page-fixtures.js'

const move = (text: string) => {
  const r = findBodyDates(text, '2025-08-24', {})
  let out = text
  for (const e of [...r.edits].reverse()) out = out.slice(0, e.start) + e.to + out.slice(e.end)
  return out
}

describe('live body dates move, in their own shape', () => {
  it.each([
    ['*_Last Updated: 2025-08-03_*', '*_Last Updated: 2025-08-24_*'],
    ['## Last updated: June 1, 2025', '## Last updated: August 24, 2025'],
    ['> Last updated on June 10, 2026', '> Last updated on August 24, 2025'],
    ['<small>Updated Jun 1st, 2025</small>', '<small>Updated Aug 24th, 2025</small>'],
    ['<aside>Last edit: 01/02/2025</aside>', '<aside>Last edit: 08/24/2025</aside>'],
    [
      '<p class="muted">Last update: 4 October 2021</p>',
      '<p class="muted">Last update: 24 August 2025</p>',
    ],
    [
      'Last updated: March 2026[^1] · from Bangalore',
      'Last updated: August 2025[^1] · from Bangalore',
    ],
    [
      '_Last updated September 17<sup>th</sup>, 2019_',
      '_Last updated August 24<sup>th</sup>, 2025_',
    ],
    ['Last updated Sat 25 May 2019. Apologies.', 'Last updated Sun 24 Aug 2025. Apologies.'],
    ['This page was last updated in March 2023.', 'This page was last updated in August 2025.'],
    [
      'I will update this page. Last\nupdate was January 5, 2025.',
      'I will update this page. Last\nupdate was August 24, 2025.',
    ],
    ['As of May 23, 2017, I am busy.', 'As of August 24, 2025, I am busy.'],
    ['What am I up to right now (May 2023)?', 'What am I up to right now (August 2025)?'],
    ['Updated: 02-Aug-2026', 'Updated: 24-Aug-2025'],
    ['Updated July 13th', 'Updated August 24th'],
    [
      '_Última actualización: 12 de diciembre del 2020_',
      '_Última actualización: 24 de agosto del 2025_',
    ],
    ['Última atualização: 11 de abril de 2026.', 'Última atualização: 24 de agosto de 2025.'],
    ['Zuletzt aktualisiert am 4. Januar 2024', 'Zuletzt aktualisiert am 24. August 2025'],
    ['Letztes Update: April 2025', 'Letztes Update: August 2025'],
    ['Mis à jour le 1er février 2024', 'Mis à jour le 24 août 2025'],
    [
      'Última atualização <time datetime="2026-03-20">20 de março de 2026</time>.',
      'Última atualização <time datetime="2025-08-24">24 de agosto de 2025</time>.',
    ],
    ['<LastUpdated date="June 19, 2020" />', '<LastUpdated date="August 24, 2025" />'],
    ['Date: June 15, 2024\n\nDate: May 15, 2022', 'Date: August 24, 2025\n\nDate: May 15, 2022'],
    ['Intro.\n\n2026-09-14 17:47\n\nMore.', 'Intro.\n\n2025-08-24 17:47\n\nMore.'],
    ['<p style="x">— 22 juin 2026</p>', '<p style="x">— 24 août 2025</p>'],
    // A lone <time> stamp: the attribute moves with the text, never one without the other.
    [
      'Intro.\n\n<time datetime="2024-03-03">March 3rd, 2024</time>\n\nMore.',
      'Intro.\n\n<time datetime="2025-08-24">August 24th, 2025</time>\n\nMore.',
    ],
    [
      '<span class="last-updated">March 3, 2024</span>',
      '<span class="last-updated">August 24, 2025</span>',
    ],
    [
      '<meta name="last-modified" content="2024-03-03">',
      '<meta name="last-modified" content="2025-08-24">',
    ],
    [
      'Updated <time itemprop="dateModified" datetime="2024-03-03">3/3/2024</time>',
      'Updated <time itemprop="dateModified" datetime="2025-08-24">8/24/2025</time>',
    ],
    ['Last-updated: 2024-03', 'Last-updated: 2025-08'],
    ['Actualisé le 3 mars 2024', 'Actualisé le 24 août 2025'],
    ['Stand: 03.03.2024', 'Stand: 24.08.2025'],
    ['Stand vom 3. August 2024', 'Stand vom 24. August 2025'],
    ['Last updated:&nbsp;March 2024', 'Last updated:&nbsp;August 2025'],
    ['| Last updated | 2024-01-01 |', '| Last updated | 2025-08-24 |'],
    ['Ultimo aggiornamento: 3 marzo 2024', 'Ultimo aggiornamento: 24 agosto 2025'],
    ['Laatst bijgewerkt op 3 maart 2024', 'Laatst bijgewerkt op 24 augustus 2025'],
    ['Last updated in 2024.', 'Last updated in 2025.'],
    ['Dernière mise à jour : 3 août 2024', 'Dernière mise à jour : 24 août 2025'],
    ['Last updated:\n2024-08-03', 'Last updated:\n2025-08-24'],
  ])('%j', (input, expected) => {
    expect(move(input)).toBe(expected)
    expect(move(expected)).toBe(expected)
  })
})

describe('frozen dates never move', () => {
  it.each([
    '<!-- Last updated: 2024-01-01 -->',
    'Last updated: `2024-01-01`',
    '**Latest Update: {{ page.date }}**',
    '_Last updated on {{luxon date "MMM d, yyyy"}}._',
    'Last updated: {new Date("2024-01-01").toDateString()}',
    'I have lived here since March 2021.',
    'I updated my resume on 2025-08-03 because of reasons.',
    'Read [Updated March 2024](/posts/2024/03/01/).',
    'See https://example.com/updated/2024-01-01',
    '## Previous updates\n\nLast updated: 2024-01-01\n',
    '* Archive\nLast updated: 2024-01-01\n',
    '#+begin_example\nLast updated: 2024-01-01\n#+end_example',
    '- 17/03/2026 went to the sea\n- 5/04/2026 read a book',
    '- [My post](/x) — updated 2024-01-01',
    '# Now\n\n2024-03-01\n\nStarted a job.\n\n2023-11-10\n\nMoved.\n',
    'Intro.\n\n- 2024-03-01\n\nMore.',
  ])('%j', (input) => {
    expect(move(input)).toBe(input)
  })

  it('a lone date or a Date: label is not the page date when the metadata has one', () => {
    const text = 'Intro.\n\n2024-01-01\n\nDate: 2024-01-01\n'
    expect(findBodyDates(text, '2025-08-24', { metadataLive: true }).edits).toEqual([])
    expect(findBodyDates(text, '2025-08-24', {}).edits).toHaveLength(1)
  })

  it('says when the numeric order was a guess, and uses the page when it can', () => {
    expect(findBodyDates('Updated: 03/04/2025', '2025-08-24', {}).edits[0]?.guessedOrder).toBe(
      'mdy',
    )
    const settled = findBodyDates('Updated: 03/04/2025\n\nBorn 25/12/1990', '2025-08-24', {})
    expect(settled.edits[0]).toMatchObject({ to: '24/08/2025' })
    expect(settled.edits[0]?.guessedOrder).toBeUndefined()
  })
})

describe('the report', () => {
  it('lists every moved date, fields and lines, in page order', () => {
    const page = '---\ndate: 2020-01-01\nlastmod: 2024-05-06\n---\n\nLast updated: 03/04/2024\n'
    const r = editPage(page, smallActivity(), { today: '2025-08-24' })
    expect(r.report.movedDates).toEqual([
      { kind: 'field', name: 'lastmod', line: 3, from: '2024-05-06', to: '2025-08-24' },
      {
        kind: 'line',
        name: 'line 6',
        line: 6,
        from: '03/04/2024',
        to: '08/24/2025',
        guessedOrder: 'mdy',
      },
    ])
    expect(explainDates(r.report)).toEqual([
      'lastmod (line 3): 2024-05-06 → 2025-08-24',
      'line 6: 03/04/2024 → 08/24/2025 (read as month/day/year: nothing on the page said which)',
    ])
  })

  it('flags a page without any live date', () => {
    const r = editPage('---\ntitle: x\n---\n\nHi.\n', smallActivity(), { today: '2025-08-24' })
    expect(r.report.noLiveDate?.suggestion).toMatch(/add-date-field/)
    expect(explainDates(r.report).at(-1)).toMatch(/^No date on this page/)
  })
})

describe('code never moves, in a whole page', () => {
  it.each([
    ['fenced', '# Now\n\n```\nLast updated: 2024-01-01\n```\n\nLast updated: 2024-01-01\n'],
    ['indented', '# Now\n\nText.\n\n    Last updated: 2024-01-01\n\nLast updated: 2024-01-01\n'],
    ['tilde', '# Now\n\n~~~md\nUpdated: March 2024\n~~~\n\nLast updated: 2024-01-01\n'],
  ])('%s', (_name, page) => {
    const r = editPage(page, smallActivity(), { today: '2025-08-24', file: 'now.md' })
    expect(r.report.movedDates.map((d) => d.line)).toEqual([page.split('\n').length - 1])
  })

  it('indented HTML in a template is not code', () => {
    const page = '<section>\n\n    <p>Last updated: 2024-01-01</p>\n\n</section>\n'
    const r = editPage(page, smallActivity(), { today: '2025-08-24', file: 'now.njk' })
    expect(r.report.movedDates.map((d) => d.line)).toEqual([3])
  })
})

describe('hostile pages stay bounded (each took seconds to minutes before)', () => {
  // 100 KB of one unit repeated on one line: the date scan used to redo the rest of the line for
  // every opening (33 s for brackets); the suite's 30 s timeout is the bound, no time is asserted.
  it.each(['[', '[x](', '{{', '{%', '{#', '<pre>', 'Last updated ', '<time datetime="'])(
    '%j repeated',
    (unit) => {
      const page = `# Now\n\n${unit.repeat(Math.floor(100_000 / unit.length))}\n`
      const r = findBodyDates(page, '2025-08-24', {})
      expect(r.edits.length).toBeLessThanOrEqual(1)
    },
  )

  it('a {#id} heading attribute is not a template: the dates after it still move', () => {
    expect(move('## Now {#now}\n\nLast updated: March 3, 2024\n')).toBe(
      '## Now {#now}\n\nLast updated: August 24, 2025\n',
    )
  })
})
