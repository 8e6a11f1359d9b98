import { fromMarkdown } from 'mdast-util-from-markdown'
import { gfmFromMarkdown } from 'mdast-util-gfm'
import { gfm } from 'micromark-extension-gfm'
import type { Nodes } from 'mdast'
import { describe, expect, it } from 'vitest'
import { escapeInline, safeUrl, subjectLine } from '../../src/page/escape-markdown.js'
import { looksLikeMarker } from '../../src/page/markers.js'

// GFM, as GitHub and most site generators render it: autolink literals, strikethrough, tables.
const parse = (md: string) =>
  fromMarkdown(md, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] })

/** Node types found when the escaped text is parsed as one Markdown paragraph. */
function nodeTypes(markdown: string): Set<string> {
  const types = new Set<string>()
  const visit = (n: Nodes) => {
    types.add(n.type)
    if ('children' in n) n.children.forEach(visit)
  }
  visit(parse(markdown))
  return types
}

function textOf(markdown: string): string {
  const parts: string[] = []
  const visit = (n: Nodes) => {
    if (n.type === 'text') parts.push(n.value)
    if ('children' in n) n.children.forEach(visit)
  }
  visit(parse(markdown))
  return parts.join('')
}

const hostile = [
  '-->',
  '<!-- now-page:progress:end -->',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '[click](javascript:alert(1))',
  '![x](https://evil.example/x.png)',
  '`code` and ``more``',
  'a | b | c',
  '*bold* _em_ **strong** ~~strike~~',
  '[not a link]',
  '# heading?',
  '> quote?',
  '1. list?',
  '- item?',
  'line one\nline two\r\n<!-- now-page:contributions:start -->',
  'zero\u200bwidth and bidi \u202Eevil\u202C and \u2066isolate\u2069',
  '&lt;script&gt; already escaped',
  'back\\slash\\',
  'see https://evil.example and www.evil.example or me@evil.example',
  '<https://evil.example>',
]

describe('escapeInline', () => {
  it.each(hostile)('renders %j as inert text', (title) => {
    const escaped = escapeInline(title)
    expect(escaped).not.toMatch(/[\r\n]/)
    expect(looksLikeMarker(escaped)).toBe(false)
    expect(escaped).not.toContain('<')
    expect(escaped).not.toContain('-->')
    const types = nodeTypes(`- ${escaped}`)
    for (const t of [
      'html',
      'link',
      'image',
      'emphasis',
      'strong',
      'inlineCode',
      'heading',
      'delete',
      'table',
    ]) {
      expect(types.has(t), `${t} in ${escaped}`).toBe(false)
    }
  })

  it('keeps the text readable: parsed back, it is the original text (whitespace folded)', () => {
    for (const title of hostile) {
      const expected = title
        .replace(/[\u200b\u202a-\u202e\u2066-\u2069]/g, '')
        .replace(/\s+/g, ' ')
        .trim()
      // The word joiners that break autolinks are invisible: a reader sees the original text.
      expect(textOf(`- ${escapeInline(title)}`).replace(/\u2060/g, '')).toBe(expected)
    }
  })

  it('caps very long titles', () => {
    const long = 'x'.repeat(10_000)
    const escaped = escapeInline(long)
    expect(Array.from(escaped).length).toBe(200)
    expect(escaped.endsWith('…')).toBe(true)
  })

  it('does not split surrogate pairs when capping', () => {
    const escaped = escapeInline('🎉'.repeat(300))
    expect(escaped).toBe('🎉'.repeat(199) + '…')
  })
})

describe('safeUrl', () => {
  it.each([
    ['https://github.com/o/r/pull/1', 'https://github.com/o/r/pull/1'],
    ['javascript:alert(1)', '#'],
    ['data:text/html,<script>', '#'],
    ['not a url', '#'],
    ['https://example.com/a)b(c', 'https://example.com/a%29b%28c'],
    ['https://example.com/<x>', 'https://example.com/%3Cx%3E'],
  ])('%s -> %s', (url, expected) => {
    expect(safeUrl(url)).toBe(expected)
  })
})

describe('subjectLine', () => {
  it('takes the first line of a commit message', () => {
    expect(subjectLine('feat: x\n\nbody')).toBe('feat: x')
    expect(subjectLine('a\r\nb')).toBe('a')
    expect(subjectLine('')).toBe('')
  })
})
