import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Activity } from '../../src/activity/types.js'
import { editPage } from '../../src/page/edit-page.js'
import { analyzeBody } from '../../src/page/markdown-structure.js'
import { findMarkedRegions, looksLikeMarker } from '../../src/page/markers.js'

const hostile = fc.constantFrom(
  '-->',
  '<!-- now-page:progress:end -->',
  '<!-- now-page:contributions:start -->',
  '\n<!-- now-page:contributions:end -->\n',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '](javascript:alert(1))',
  '`|*_[\u200b\u202e',
  '```\n',
  '    indented',
)
/** Any Unicode, including lone surrogates, control and bidi characters, mixed with known attacks. */
const untrusted = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 80 }),
  hostile,
  fc
    .array(fc.oneof(hostile, fc.string({ unit: 'binary', maxLength: 10 })), { maxLength: 5 })
    .map((a) => a.join('')),
)
const repoName = fc.stringMatching(/^[a-z][a-z0-9-]{0,8}\/[a-z][a-z0-9_.-]{0,8}$/)
const instant = fc
  .integer({ min: Date.parse('2024-01-01T00:00:00Z'), max: Date.parse('2025-08-24T00:00:00Z') })
  .map((ms) => new Date(ms).toISOString())

const activityArb: fc.Arbitrary<Activity> = fc.record({
  pullRequests: fc.array(
    fc.record({
      repo: repoName,
      number: fc.integer({ min: 1, max: 999999 }),
      title: untrusted,
      url: fc.constant('https://github.com/o/r/pull/1'),
      mergedAt: instant,
    }),
    { maxLength: 12 },
  ),
  projects: fc.array(
    fc.record({
      repo: repoName,
      url: fc.constant('https://github.com/o/side'),
      progressPattern: fc.constant('(?<track>go|rust)/ch(?<chapter>\\d+)'),
      paths: fc.array(
        fc.constantFrom('go/ch01/a.go', 'rust/ch05/b.rs', 'README.md', untrustedPathHack()),
      ),
      commits: fc.array(
        fc.record({
          sha: fc.constant('abc'),
          message: untrusted,
          date: instant,
          url: fc.constant('https://github.com/o/side/commit/abc'),
        }),
        { maxLength: 4 },
      ),
    }),
    { maxLength: 4 },
  ),
})

function untrustedPathHack(): string {
  return 'go/ch07/<!-- now-page:progress:end -->.go'
}

/** Author prose: any text that is not Markdown structure the test would have to model (code
 * fences, markers, HTML comments, "last updated" lines, headings, setext underlines). */
const proseLine = fc
  .string({ unit: 'grapheme', maxLength: 60 })
  .filter(
    (s) =>
      !/[`~<>#\r\n\u2028\u2029]|^\s{4}|^\s*[-=]+\s*$|updated|modified|^\s*\d+[.)]|^\s*[-*+]\s/i.test(
        s,
      ),
  )
const prose = fc.array(proseLine, { maxLength: 6 }).map((lines) => lines.join('\n'))
const eolArb = fc.constantFrom('\n', '\r\n')

interface PageParts {
  pre: string
  old: string
  post: string
  eol: string
  finalNewline: boolean
}

const START = '<!-- now-page:contributions:start -->'
const END = '<!-- now-page:contributions:end -->'

const pageArb: fc.Arbitrary<PageParts> = fc
  .record({
    intro: prose,
    old: fc.array(proseLine, { maxLength: 3 }),
    outro: prose,
    eol: eolArb,
    finalNewline: fc.boolean(),
    trailingSpaces: fc.constantFrom('', '  ', '\t'),
  })
  .map(({ intro, old, outro, eol, finalNewline, trailingSpaces }) => {
    const fm = ['+++', 'title = "Now"' + trailingSpaces, 'date = 2025-08-03', '+++', '']
    const pre = [...fm, intro, '', START, ''].join(eol)
    const oldContent = old.map((l) => l + eol).join('')
    const post = [END, '', outro].join(eol) + (finalNewline ? eol : '')
    return { pre, old: oldContent, post, eol, finalNewline }
  })

const opts = { today: '2025-08-24', sections: { progress: { enabled: false } } }

describe('page core properties', () => {
  it('bytes outside the managed region are unchanged, except the date value', () => {
    fc.assert(
      fc.property(pageArb, activityArb, (page, activity) => {
        const text = page.pre + page.old + page.post
        const out = editPage(text, activity, opts).text
        const expectedPre = page.pre.replace('date = 2025-08-03', 'date = 2025-08-24')
        expect(out.endsWith(page.post)).toBe(true)
        if (activity.pullRequests.length > 0) {
          // The old content is prose, never a rendering, so the section changed: the date moves.
          expect(out.startsWith(expectedPre)).toBe(true)
        } else {
          expect(out).toBe(text)
        }
      }),
      { numRuns: 300 },
    )
  })

  it('is idempotent: editing the output again changes nothing', () => {
    fc.assert(
      fc.property(pageArb, activityArb, fc.boolean(), (page, activity, both) => {
        const options = both ? { today: '2025-08-24' } : opts
        const once = editPage(page.pre + page.old + page.post, activity, options)
        const twice = editPage(once.text, activity, options)
        expect(twice.changed).toBe(false)
        expect(twice.text).toBe(once.text)
      }),
      { numRuns: 300 },
    )
  })

  it('empty activity is the identity', () => {
    fc.assert(
      fc.property(pageArb, fc.boolean(), (page, plain) => {
        const text = plain
          ? (page.pre.split('<!--')[0] ?? '') + (page.post.split('-->')[1] ?? '')
          : page.pre + page.old + page.post
        const result = editPage(text, { pullRequests: [], projects: [] }, { today: '2025-08-24' })
        expect(result.changed).toBe(false)
        expect(result.text).toBe(text)
      }),
      { numRuns: 200 },
    )
  })

  it('no untrusted string can create, close or forge a marker', () => {
    fc.assert(
      fc.property(pageArb, activityArb, (page, activity) => {
        const out = editPage(page.pre + page.old + page.post, activity, {
          today: '2025-08-24',
        }).text
        const body = out.slice(out.indexOf('+++', 3) + 3)
        const regions = findMarkedRegions(analyzeBody(body, 0, 1), 'out.md')
        const markerLines = body.split(/\r\n|\n/).filter((l) => looksLikeMarker(l))
        // One pair per section present, and no other line a parser could take for a marker.
        expect(markerLines.length).toBe(regions.size * 2)
        expect(regions.has('contributions')).toBe(true)
        for (const line of body.split(/\r\n|\n/)) {
          if (line.startsWith('- ') || line.startsWith('* ')) expect(line).not.toMatch(/<|-->/)
        }
      }),
      { numRuns: 300 },
    )
  })
})
