import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Activity } from '../../src/activity/types.js'
import {
  commitMessage,
  prBody,
  prTitle,
  type PrTextInput,
  movedDatesText,
} from '../../src/action/pr-text.js'
import type { EditReport } from '../../src/page/types.js'
import { liveReferences } from './github-references.js'

const hostile = [
  'Fixes #1',
  'fixes: #1 and closes #2',
  'Resolve GH-7',
  'gh-12 follow-up',
  'Closes owner/repo#12',
  'cc @alice and @org/team',
  '\u2060@bob',
  '@\u200Dcarol',
  'mail me@evil.example',
  'Fix https://github.com/o/r/issues/3',
  'see github.com/o/r/pull/4 and www.github.com/o/r/issues/5',
  'see https://redirect.github.com/o/r/pull/6',
  'x#1y and (#2) and [#3]',
  '#4',
  '&#35;5 and &#64;dave',
  '`@erin` in code and `#6`',
]

function report(notes: string[]): EditReport {
  return {
    sections: [{ name: 'contributions', status: 'updated', items: 1, omitted: 0 }],
    dateFields: [],
    bodyDates: [],
    movedDates: [],
    notes: notes.map((message, i) => ({ line: i + 1, message })),
  }
}

function inputFor(titles: string[], subjects: string[], path = 'content/now.md'): PrTextInput {
  const activity: Activity = {
    pullRequests: titles.map((title, i) => ({
      repo: 'upstream/project',
      number: 100 + i,
      title,
      url: `https://github.com/upstream/project/pull/${100 + i}`,
      mergedAt: '2025-08-20T10:00:00Z',
    })),
    projects: subjects.map((message, i) => ({
      repo: `me/side-${i}`,
      url: `https://github.com/me/side-${i}`,
      commits: [{ sha: `sha${i}`, message, date: '2025-08-20T10:00:00Z', url: 'https://x' }],
    })),
  }
  return {
    activity,
    report: report(subjects),
    baseText: '',
    path,
    today: '2025-08-24',
    since: '2025-08-17',
    repository: 'me/site',
  }
}

const TEMPLATE = 'Update {path} ({today}): {new_pull_requests} PRs, {new_commits} commits'

describe('pull request text pings no one', () => {
  it('neutralizes mentions, references, issue URLs and closing keywords from hostile titles, commit subjects and notes', () => {
    const input = inputFor(hostile, hostile)
    const body = prBody(input)
    expect(liveReferences(body)).toEqual([])
    expect(liveReferences(prTitle(TEMPLATE, input))).toEqual([])
    expect(liveReferences(commitMessage(TEMPLATE, input))).toEqual([])
    // Still readable: the words are there, with invisible joiners inside the patterns.
    const visible = body.replace(/[\u200D\u2060]/g, '')
    expect(visible).toContain('Fixes #1')
    expect(visible).toContain('cc @alice')
  })

  it('lists skipped sources, whatever their names and reasons say, as inert text', () => {
    const input = inputFor([], [])
    input.activity.skipped = hostile.map((text, i) => ({ source: `${text} ${i}`, reason: text }))
    const body = prBody(input)
    expect(body).toContain(`**Not read this run (${hostile.length})**`)
    expect(liveReferences(body)).toEqual([])
    expect(body).not.toMatch(/<(?!sub>|\/sub>|!--)/)
  })

  it('links upstream pull requests through the non-notifying redirect host', () => {
    const body = prBody(inputFor(['A title'], []))
    expect(body).toContain('](https://redirect.github.com/upstream/project/pull/100)')
    expect(body).not.toMatch(/(?<![\w.])github\.com\/upstream/)
    expect(body).not.toContain('upstream/project#100')
  })

  it('does not link pull requests on other servers, which have no redirect host', () => {
    const input = inputFor(['A title'], [])
    const pr = input.activity.pullRequests[0]
    if (pr) pr.url = 'https://ghe.example.com/upstream/project/pull/100'
    const body = prBody(input)
    expect(body).not.toContain('ghe.example.com')
    expect(liveReferences(body)).toEqual([])
  })

  it('links a GitLab merge request or a Forgejo pull request directly, GitLab with its !N', () => {
    const input = inputFor(['A title', 'Another'], [])
    const [gitlab, forgejo] = input.activity.pullRequests
    if (!gitlab || !forgejo) throw new Error('two pull requests expected')
    Object.assign(gitlab, {
      repo: 'GNOME/gnome-shell',
      number: 3801,
      forge: 'gitlab.gnome.org',
      url: 'https://gitlab.gnome.org/GNOME/gnome-shell/-/merge_requests/3801',
    })
    Object.assign(forgejo, {
      repo: 'someone/tool',
      number: 7,
      forge: 'codeberg.org',
      url: 'https://codeberg.org/someone/tool/pulls/7',
    })
    const body = prBody(input)
    expect(body).toContain(
      '](https://gitlab.gnome.org/GNOME/gnome-shell/-/merge_requests/3801): A title',
    )
    expect(body).toContain('GNOME/gnome-shell!3801')
    expect(body).toContain('](https://codeberg.org/someone/tool/pulls/7): Another')
    expect(liveReferences(body)).toEqual([])
  })

  it('neutralizes a path that carries references in the title and commit message', () => {
    const input = inputFor([], [], 'content/fixes-#1/@alice.md')
    expect(liveReferences(prTitle(TEMPLATE, input))).toEqual([])
    expect(liveReferences(commitMessage(TEMPLATE, input))).toEqual([])
    expect(liveReferences(prBody(input))).toEqual([])
  })

  it('holds for any text built from reference fragments (property)', () => {
    const fragment = fc.constantFrom(
      '@',
      '#',
      'GH-',
      'gh-',
      '1',
      '42',
      'alice',
      'o/r',
      ' ',
      '\n',
      ':',
      'Fixes',
      'closes',
      'resolved',
      'https://',
      'www.',
      'github.com/',
      'o/r/issues/',
      'pull/',
      '\u2060',
      '\u200D',
      '&#35;',
      '\\',
      '`',
    )
    const text = fc.oneof(
      fc.array(fragment, { maxLength: 12 }).map((a) => a.join('')),
      fc.string({ maxLength: 40 }),
    )
    fc.assert(
      fc.property(fc.array(text, { maxLength: 3 }), fc.array(text, { maxLength: 3 }), (t, s) => {
        const input = inputFor(t, s)
        expect(liveReferences(prBody(input))).toEqual([])
      }),
      { numRuns: 500 },
    )
  })
})

describe('the dates a refresh moved, listed for the reviewer', () => {
  const base = report([])
  it('lists each field and line, old -> new, and says when the order was a guess', () => {
    const text = movedDatesText({
      ...base,
      movedDates: [
        { kind: 'field', name: 'lastmod', line: 3, from: '2025-06-01', to: '2025-08-24' },
        {
          kind: 'line',
          name: 'line 6',
          line: 6,
          from: '01/06/2025',
          to: '24/08/2025',
          guessedOrder: 'dmy',
        },
        { kind: 'field', name: 'updated', line: 4, from: null, to: '2025-08-24' },
      ],
    }).join('\n')
    expect(text).toContain('**Dates moved to today**')
    expect(text).toContain('- lastmod (line 3): 2025-06-01 → 2025-08-24')
    expect(text).toMatch(/- line 6: 01\/06\/2025 → 24\/08\/2025 \(read as day\/month\/year: /)
    expect(text).toContain('- updated (line 4): added, 2025-08-24')
  })

  it('suggests a date when the page has none, and quotes hostile old values safely', () => {
    const text = movedDatesText({
      ...base,
      movedDates: [{ kind: 'line', name: 'line 2', line: 2, from: 'Fixes #1 `@eve`', to: 'x' }],
      noLiveDate: { suggestion: 'set add-date-field: lastmod' },
    }).join('\n')
    expect(text).toContain('Fixes')
    expect(text).not.toMatch(/(^|[^\u200d])@eve/)
    expect(text).not.toMatch(/#1(?!\u200d)/)
    expect(text).toContain(
      '> No date on this page says when it was updated: set add-date-field: lastmod',
    )
  })
})
