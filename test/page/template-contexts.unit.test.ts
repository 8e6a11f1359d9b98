import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Activity } from '../../src/activity/types.js'
import { editPage } from '../../src/page/edit-page.js'
import { fillTemplate } from '../../src/page/template.js'

const S = '<!-- now-page:contributions:start -->'
const E = '<!-- now-page:contributions:end -->'
const P = (name: string) => `<!-- now-page:progress:${name} -->`

function activity(title: string, message = 'a commit'): Activity {
  return {
    pullRequests: [
      {
        repo: 'o/r',
        number: 1,
        title,
        url: 'https://github.com/o/r/pull/1?a=1&b="2"',
        mergedAt: '2025-08-20T10:00:00Z',
      },
    ],
    projects: [
      {
        repo: 'me/side',
        url: 'https://github.com/me/side',
        commits: [
          { sha: 'abc', message, date: '2025-08-20T10:00:00Z', url: 'https://x.example/c' },
        ],
      },
    ],
  }
}

function render(template: string, title: string, progressTemplate?: string, message?: string) {
  const page = `# Now\n\n${S}\n${E}\n\n${P('start')}\n${P('end')}\n`
  const text = editPage(page, activity(title, message), {
    today: '2025-08-24',
    sections: {
      contributions: { template },
      progress: progressTemplate ? { template: progressTemplate } : { enabled: false },
    },
  }).text
  const lines = text.split('\n')
  return {
    contribution: lines[lines.indexOf(S) + 1] as string,
    progress: lines[lines.indexOf(P('start')) + 1] as string,
  }
}

const hostile = `" onmouseover="alert(1)" x='<b>&amp; \`*_[x](y)\\ a=b`

describe('placeholders inside an HTML tag are escaped for an attribute', () => {
  it('a quoted attribute value cannot be closed, and text context keeps Markdown escaping', () => {
    const { contribution } = render('- <abbr title="{title}">{repo}</abbr>: {title}', hostile)
    const tag = /^- <abbr title="([^"]*)">/.exec(contribution)
    expect(tag, contribution).not.toBeNull()
    expect(tag?.[1]).not.toMatch(/["'<>`]|&(?!#\d+;|amp;|quot;|lt;|gt;)/)
    expect(tag?.[1]).toContain('&#34;&#32;onmouseover&#61;&#34;alert(1)&#34;')
    // After the tag: the Markdown form, with backslash escapes and no raw `<`.
    const text = contribution.slice(contribution.indexOf('</abbr>: ') + 9)
    expect(text).toContain('\\*\\_\\[x\\](y)')
    expect(text).not.toContain('<b>')
  })

  it('an unquoted attribute value cannot grow another attribute', () => {
    const { contribution } = render('- <a href={url} title={title}>{repo}#{number}</a>', hostile)
    expect(contribution).toMatch(/^- <a href=[^\s"'<>`=]+ title=[^\s"'<>`=]+>o\/r#1<\/a>$/)
  })

  it('a progress summary in an attribute is escaped as a whole', () => {
    const { progress } = render(
      '- x',
      'title',
      '- <span title="{summary}" data-m=\'{latest_message}\'>{repo}</span>',
      `it's "done" <script>`,
    )
    expect(progress).toMatch(/^- <span title="[^"<>']*" data-m='[^"<>']*'>me\/side<\/span>$/)
  })

  it('holds for any title (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (title) => {
        const { contribution } = render('- <i title="{title}" data-x={title}>{number}</i>', title)
        expect(contribution).toMatch(/^- <i title="[^"'<>`]*" data-x=[^\s"'<>`=]*>1<\/i>$/)
      }),
      { numRuns: 300 },
    )
  })

  it('keeps plain values and unknown placeholders as they are', () => {
    expect(fillTemplate('<b title="{n}">{n} {x}</b>', { n: '3' })).toBe('<b title="3">3 {x}</b>')
  })
})
