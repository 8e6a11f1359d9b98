import { fromMarkdown } from 'mdast-util-from-markdown'
import type { Nodes } from 'mdast'
import { splitLines, type Line } from './lines.js'

export interface Heading {
  /** Index into `lines` of the heading's first line. */
  index: number
  /** Index of its last line (a setext heading's underline). */
  lastIndex: number
  depth: number
  text: string
}

/** What the page core needs to know about the body's Markdown: its lines, which of them are
 * code (where marker-looking text is just text), and its headings. */
export interface BodyStructure {
  lines: Line[]
  inCode: boolean[]
  headings: Heading[]
}

/**
 * Parses the body with a CommonMark parser (micromark) rather than by hand: fenced and indented
 * code blocks, setext headings and lazy continuation lines have rules a regex gets wrong.
 */
export function analyzeBody(body: string, offset: number, firstLineNumber: number): BodyStructure {
  const lines = splitLines(body, offset, firstLineNumber)
  const inCode = lines.map(() => false)
  const headings: Heading[] = []
  const tree = fromMarkdown(body)
  const visit = (node: Nodes): void => {
    const pos = node.position
    if (node.type === 'code' && pos) {
      for (let l = pos.start.line; l <= pos.end.line; l++) inCode[l - 1] = true
      return
    }
    if (node.type === 'heading' && pos) {
      headings.push({
        index: pos.start.line - 1,
        lastIndex: pos.end.line - 1,
        depth: node.depth,
        text: plainText(node).trim(),
      })
      return
    }
    if ('children' in node) for (const child of node.children) visit(child)
  }
  visit(tree)
  return { lines, inCode, headings }
}

function plainText(node: Nodes): string {
  if ('value' in node && typeof node.value === 'string') return node.value
  if ('children' in node) return node.children.map((c) => plainText(c)).join('')
  return ''
}
