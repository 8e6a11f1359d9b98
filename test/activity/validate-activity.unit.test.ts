/* eslint-disable @typescript-eslint/no-explicit-any -- each row builds a document that breaks
   the Activity type in its own way: that is what is under test */
import { describe, expect, it } from 'vitest'
import { validateActivity } from '../../src/activity/validate-activity.js'
import { smallActivity } from '../helpers/page-fixtures.js'

/** The small fixture with one change made by `edit`. */
function changed(edit: (a: Record<string, any>) => void): unknown {
  const doc = JSON.parse(JSON.stringify(smallActivity())) as Record<string, any>
  edit(doc)
  return doc
}

describe('an activity document is checked against schema/activity.schema.json', () => {
  it('accepts the fixture as it is', () => {
    expect(validateActivity(smallActivity())).toEqual(smallActivity())
  })

  it.each([
    ['not an object', () => 'x', 'the document: expected object (now-page activity), got "x"'],
    ['no projects', (a: any) => delete a.projects, 'projects: expected a value (required)'],
    [
      'an unknown field',
      (a: any) => (a.extra = 1),
      'extra: expected no such field (known: since, pullRequests, projects, skipped)',
    ],
    [
      'a bad since',
      (a: any) => (a.since = '2025-02-30'),
      'since: expected a date YYYY-MM-DD, got "2025-02-30"',
    ],
    [
      'a bad repo',
      (a: any) => (a.pullRequests[0].repo = 'nope'),
      'pullRequests[0].repo: expected owner/name, got "nope"',
    ],
    [
      'number 0',
      (a: any) => (a.pullRequests[0].number = 0),
      'pullRequests[0].number: expected a positive integer, got 0',
    ],
    [
      'a javascript: URL',
      (a: any) => (a.pullRequests[0].url = 'javascript:alert(1)'),
      'pullRequests[0].url: expected an http(s) URL, got "javascript:alert(1)"',
    ],
    [
      'a bad merge date',
      (a: any) => (a.pullRequests[0].mergedAt = 'yesterday'),
      'pullRequests[0].mergedAt: expected an ISO 8601 date-time, got "yesterday"',
    ],
    [
      'a bad commit date',
      (a: any) => (a.projects[0].commits[0].date = 1),
      'projects[0].commits[0].date: expected string (an ISO 8601 date-time), got 1',
    ],
    [
      'languages not numbers',
      (a: any) => (a.projects[0].languages = { Go: 'lots' }),
      'projects[0].languages.Go: expected number (a number of bytes), got "lots"',
    ],
    [
      'fewer commits counted than listed',
      (a: any) => (a.projects[0].commitCount = 0),
      'projects[0].commitCount: expected an integer of at least',
    ],
  ])('refuses %s, naming the field', (_, edit, message) => {
    const doc =
      typeof edit === 'function' && edit.length === 0
        ? (edit as () => unknown)()
        : changed(edit as (a: any) => void)
    expect(() => validateActivity(doc, 'activity.json')).toThrow(message)
    expect(() => validateActivity(doc, 'activity.json')).toThrow(
      expect.objectContaining({ file: 'activity.json' }),
    )
  })
})
