import { describe, expect, it } from 'vitest'
import type { Activity } from '../../src/activity/types.js'
import { NowPageError } from '../../src/errors.js'
import { editPage } from '../../src/page/edit-page.js'
import { summarizeProgress } from '../../src/page/progress-pattern.js'
import { emptyActivity, smallActivity } from '../helpers/page-fixtures.js'

const S = '<!-- now-page:contributions:start -->'
const E = '<!-- now-page:contributions:end -->'

describe('summarizeProgress', () => {
  const pattern = '(?<track>go|rust)/ch(?<chapter>\\d+)'
  it.each([
    [
      ['go/ch01/a.go', 'go/ch04/b.go', 'rust/ch05/c.rs', 'README.md'],
      'Go: chapter 4 · Rust: chapter 5',
    ],
    [['rust/ch10/a.rs', 'rust/ch9/b.rs'], 'Rust: chapter 10'],
    [['docs/x.md'], ''],
    [[], ''],
  ])('%j -> %s', (paths, expected) => {
    expect(summarizeProgress(pattern, paths)).toBe(expected)
  })

  it('works with a numeric group only, and with labels only', () => {
    expect(summarizeProgress('ch(?<chapter>\\d+)', ['ch03/a', 'ch07/b'])).toBe('chapter 7')
    expect(summarizeProgress('^(?<lang>[a-z]+)/', ['go/a', 'rust/b', 'go/c'])).toBe('Go · Rust')
  })

  it('rejects an invalid pattern naming the input', () => {
    expect(() => summarizeProgress('(?<x', [], 'o/r')).toThrow(/invalid progress pattern for o\/r/)
  })

  it('matches in linear time: a catastrophic pattern answers instead of backtracking', () => {
    // With a backtracking engine this takes minutes; RE2 answers at once (no timing asserted).
    const path = `${'a'.repeat(30)}!`
    expect(summarizeProgress('(?<a>a+)+$', [path], 'o/r')).toBe('')
    expect(summarizeProgress('(?<a>a+)+$', ['a'.repeat(100_000)], 'o/r')).toBe(
      `${'A'}${'a'.repeat(99_999)}`,
    )
    expect(summarizeProgress('^(?<x>(a|aa)+)*(?<n>\\d+)$', [`${'a'.repeat(50_000)}!`])).toBe('')
  })

  it.each([
    ['(?<a>a)\\1', 'backreference'],
    ['(?=x)(?<a>a)', 'lookahead'],
    ['(?<!x)(?<a>a)', 'lookbehind'],
  ])('refuses %j (%s), which RE2 cannot run, naming the project and the pattern', (pattern) => {
    let error: unknown
    try {
      summarizeProgress(pattern, ['a'], 'me/side')
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(NowPageError)
    const err = error as NowPageError
    expect(err.message).toContain('me/side')
    expect(err.message).toContain(JSON.stringify(pattern))
    expect(err.input).toBe('side-projects')
    expect(err.hint).toMatch(/lookaround/)
  })
})

describe('sections', () => {
  const page = `# Now\n\n${S}\n- old\n${E}\n`

  it('max-items caps the list and reports what was left out', () => {
    const r = editPage(page, smallActivity(), {
      today: '2025-08-24',
      sections: { contributions: { maxItems: 1 }, progress: { enabled: false } },
    })
    expect(r.text).toContain('- …and 1 more\n')
    expect(r.report.sections[0]).toMatchObject({ name: 'contributions', items: 1, omitted: 1 })
  })

  it('keeps the current content when the window is empty, unless an empty text is set', () => {
    const kept = editPage(page, emptyActivity(), { today: '2025-08-24' })
    expect(kept.changed).toBe(false)
    expect(kept.report.notes.map((n) => n.message).join()).toMatch(/keeps its current content/)
    const emptied = editPage(page, emptyActivity(), {
      today: '2025-08-24',
      sections: { contributions: { empty: '_Nothing merged lately._' } },
    })
    expect(emptied.text).toBe(`# Now\n\n${S}\n_Nothing merged lately._\n${E}\n`)
  })

  it('counts a project’s commits from commitCount when the activity lists only the newest', () => {
    const activity = smallActivity()
    const project = activity.projects[0]!
    const listed = project.commits.length
    const r = editPage(
      `# Now\n\n<!-- now-page:progress:start -->\n- old\n<!-- now-page:progress:end -->\n`,
      { ...activity, projects: [{ ...project, commitCount: 250 }] },
      { today: '2025-08-24', sections: { contributions: { enabled: false } } },
    )
    expect(listed).toBeLessThan(250)
    expect(r.text).toContain('250 commits in this period')
  })

  it('prints merge dates in the time zone', () => {
    const activity: Activity = {
      pullRequests: [
        {
          repo: 'a/b',
          number: 1,
          title: 't',
          url: 'https://github.com/a/b/pull/1',
          mergedAt: '2025-08-23T20:00:00Z',
        },
      ],
      projects: [],
    }
    const utc = editPage(page, activity, { today: '2025-08-24' }).text
    const ist = editPage(page, activity, { today: '2025-08-24', timeZone: 'Asia/Kolkata' }).text
    expect(utc).toContain('merged 2025-08-23')
    expect(ist).toContain('merged 2025-08-24')
  })

  it('heading mode replaces only the text under the heading, keeping the spacing', () => {
    const text = '## Work\n\nJob.\n\n## Open source\n\nold list\nmore\n\n\n## Elsewhere\n\nLinks.\n'
    const r = editPage(text, smallActivity(), {
      today: '2025-08-24',
      sections: { contributions: { heading: 'open source' }, progress: { enabled: false } },
    })
    const lines = r.text.split('\n')
    const at = lines.indexOf('## Open source')
    expect(lines.slice(0, at + 2)).toEqual(['## Work', '', 'Job.', '', '## Open source', ''])
    expect(lines[at + 2]).toMatch(/^- Document/)
    expect(r.text.endsWith('\n\n\n## Elsewhere\n\nLinks.\n')).toBe(true)
  })

  it('reports a last-updated line whose format it does not know, and leaves it', () => {
    const text = `Updated: sometime in August 2025\n\n${S}\n${E}\n`
    const r = editPage(text, smallActivity(), {
      today: '2025-08-24',
      sections: { progress: { enabled: false } },
    })
    expect(r.text.startsWith('Updated: sometime in August 2025\n')).toBe(true)
    expect(
      r.report.notes.some((n) => n.line === 1 && /format is not one I know/.test(n.message)),
    ).toBe(true)
  })

  it('adds a date field only when asked, in the front matter style', () => {
    const text = `+++\ntitle = "Now"\n\n[params]\nx = 1\n+++\n${S}\n${E}\n`
    const r = editPage(text, smallActivity(), {
      today: '2025-08-24',
      addDateField: 'lastmod',
      sections: { progress: { enabled: false } },
    })
    expect(
      r.text.startsWith('+++\ntitle = "Now"\nlastmod = 2025-08-24\n\n[params]\nx = 1\n+++\n'),
    ).toBe(true)
    const without = editPage(text, smallActivity(), {
      today: '2025-08-24',
      sections: { progress: { enabled: false } },
    })
    expect(without.text.startsWith('+++\ntitle = "Now"\n\n[params]')).toBe(true)
  })
})
