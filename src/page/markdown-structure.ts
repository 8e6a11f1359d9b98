import { fromMarkdown } from 'mdast-util-from-markdown'
import type { Nodes } from 'mdast'
import { parse, postprocess, preprocess } from 'micromark'
import type { Event, Extension, Token } from 'micromark-util-types'
import { splitLines, type Line } from './lines.js'
import { checkMarkdownBounds } from './markdown-bounds.js'

export interface Heading {
  /** Index into `lines` of the heading's first line. */
  index: number
  /** Index of its last line (a setext heading's underline). */
  lastIndex: number
  depth: number
  text: string
}

/** A fenced code block that runs to the end of the body: no closing fence. */
export interface UnclosedFence {
  /** Index into `lines` of its opening fence. */
  index: number
}

/** What the page core needs to know about the body's Markdown: its lines, which of them are
 * code (where marker-looking text is just text), and its headings. */
export interface BodyStructure {
  lines: Line[]
  inCode: boolean[]
  headings: Heading[]
  unclosedFence?: UnclosedFence
}

/**
 * Only the block structure matters here, and inline constructs are where CommonMark parsing
 * turns superlinear on hostile text (100 KB of brackets or emphasis takes minutes). Block
 * structure does not depend on them, so they are turned off; a heading's own text is parsed in
 * full separately, when it is short.
 */
const BLOCKS_ONLY: Extension = {
  disable: {
    null: [
      'attention',
      'autolink',
      'codeText',
      'hardBreakEscape',
      'htmlText',
      'labelEnd',
      'labelStartImage',
      'labelStartLink',
    ],
  },
}
/** Heading texts are parsed in full (emphasis, links...) up to these sizes, one and all
 * together; beyond, they are taken as written, as inline parsing can cost quadratic time. */
const MAX_INLINE_HEADING = 200
const MAX_INLINE_HEADINGS_TOTAL = 20_000

/**
 * Parses the body with a CommonMark parser (micromark) rather than by hand: fenced and indented
 * code blocks, setext headings and lazy continuation lines have rules a regex gets wrong. Its
 * size and nesting are checked first, so a hostile page is refused instead of parsed for minutes.
 */
export function analyzeBody(
  body: string,
  offset: number,
  firstLineNumber: number,
  file?: string,
): BodyStructure {
  const lines = splitLines(body, offset, firstLineNumber)
  checkMarkdownBounds(lines, file)
  const inCode = lines.map(() => false)
  const headings: Heading[] = []
  let unclosedFence: UnclosedFence | undefined
  let inlineBudget = MAX_INLINE_HEADINGS_TOTAL
  // reST and Org have no ``` or ~~~ fences: there a line of tildes is a section underline or a
  // transition, not code that runs to the end of the page.
  const fences = !/\.(?:rst|org)$/i.test(file ?? '')
  const events = postprocess(
    parse({ extensions: [BLOCKS_ONLY] })
      .document()
      .write(preprocess()(body, undefined, true)),
  )
  events.forEach(([kind, token, context], at) => {
    if (kind !== 'enter') return
    if ((token.type === 'codeFenced' && fences) || token.type === 'codeIndented') {
      for (let l = token.start.line; l <= token.end.line; l++) inCode[l - 1] = true
      if (token.type === 'codeFenced' && fenceCount(events, at) < 2) {
        unclosedFence ??= { index: token.start.line - 1 }
      }
    } else if (token.type === 'atxHeading' || token.type === 'setextHeading') {
      const serialize = context.sliceSerialize.bind(context)
      const raw = headingSource(events, at, serialize)
      const parseInline = raw.length <= Math.min(MAX_INLINE_HEADING, inlineBudget)
      if (parseInline) inlineBudget -= raw.length
      headings.push({
        index: token.start.line - 1,
        lastIndex: token.end.line - 1,
        depth: headingDepth(events, at, serialize),
        text: parseInline ? inlineText(raw) : raw,
      })
    }
  })
  return { lines, inCode, headings, unclosedFence }
}

type Serialize = (token: Token) => string

/** Events from the one at `at` (an enter) up to its matching exit. */
function* inside(events: readonly Event[], at: number): Generator<Event> {
  const token = events[at]?.[1]
  for (let i = at + 1; i < events.length; i++) {
    const event = events[i] as Event
    if (event[1] === token) return
    yield event
  }
}

function fenceCount(events: readonly Event[], at: number): number {
  let n = 0
  for (const [kind, token] of inside(events, at)) {
    if (kind === 'enter' && token.type === 'codeFencedFence') n++
  }
  return n
}

function headingDepth(events: readonly Event[], at: number, serialize: Serialize): number {
  for (const [kind, token] of inside(events, at)) {
    if (kind !== 'enter') continue
    if (token.type === 'atxHeadingSequence') return serialize(token).length
    if (token.type === 'setextHeadingLineSequence') return serialize(token).startsWith('=') ? 1 : 2
  }
  return 1
}

/** The heading's text as written, on one line. */
function headingSource(events: readonly Event[], at: number, serialize: Serialize): string {
  const parts: string[] = []
  for (const [kind, token] of inside(events, at)) {
    if (kind !== 'enter') continue
    if (token.type === 'atxHeadingText' || token.type === 'setextHeadingText') {
      parts.push(serialize(token))
    }
  }
  // A setext heading's text may span lines, each with its container prefixes.
  return parts
    .join(' ')
    .split(/\r\n|\n|\r/)
    .map((l) => l.replace(/^[ \t>]*/, ''))
    .join(' ')
    .trim()
}

/** The heading's text as a reader sees it: `## *Now* \`x\`` is "Now x". */
function inlineText(raw: string): string {
  // As an ATX heading of one line; a trailing `#` run escaped so it is not a closing sequence.
  const tree = fromMarkdown(`# ${raw.replace(/#+$/, (m) => `\\${m}`)}`)
  return plainText(tree).trim()
}

function plainText(node: Nodes): string {
  if ('value' in node && typeof node.value === 'string') return node.value
  if ('children' in node) return node.children.map((c) => plainText(c)).join('')
  return ''
}
