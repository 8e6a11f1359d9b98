import { NowPageError } from '../errors.js'
import { SECTION_NAMES, type SectionName } from './types.js'
import type { BodyStructure } from './markdown-structure.js'

const MARKER_RE = /^[ \t]*<!--[ \t]*now-page:([A-Za-z0-9_-]+):(start|end)[ \t]*-->[ \t]*$/
/** Anything that mentions our namespace inside a comment; used to catch near-miss markers that
 * would otherwise be silently ignored and make the Action insert a second copy of a section. */
const NEAR_MISS_RE = /<!--.*now-page\b/i

export function markerLine(name: SectionName, kind: 'start' | 'end'): string {
  return `<!-- now-page:${name}:${kind} -->`
}

/** True when a line would be read as a marker (used to prove rendered text never forges one). */
export function looksLikeMarker(line: string): boolean {
  return MARKER_RE.test(line) || NEAR_MISS_RE.test(line)
}

export interface MarkedRegion {
  name: SectionName
  /** Index into the body's lines of the start marker. */
  startIndex: number
  /** Index of the end marker. */
  endIndex: number
}

const example = (name: string) =>
  `<!-- now-page:${name}:start --> and <!-- now-page:${name}:end --> on lines of their own`

/**
 * Finds the marked regions of the body. Markers in code blocks are text, not markers. Every
 * malformed arrangement is an error: guessing would risk writing over the author's words.
 */
export function findMarkedRegions(
  body: BodyStructure,
  file: string | undefined,
): Map<SectionName, MarkedRegion> {
  const regions = new Map<SectionName, MarkedRegion>()
  let open: { name: SectionName; index: number } | undefined
  body.lines.forEach((line, index) => {
    if (body.inCode[index]) return
    const where = { file, line: line.number }
    const m = MARKER_RE.exec(line.text)
    if (!m) {
      if (NEAR_MISS_RE.test(line.text)) {
        throw new NowPageError(`malformed now-page marker: ${JSON.stringify(line.text.trim())}`, {
          ...where,
          hint: `Write markers exactly as <!-- now-page:contributions:start -->, alone on their line`,
        })
      }
      return
    }
    const name = m[1] as string
    const kind = m[2] as 'start' | 'end'
    if (!(SECTION_NAMES as readonly string[]).includes(name)) {
      throw new NowPageError(`unknown section '${name}' in marker`, {
        ...where,
        hint: `Known sections: ${SECTION_NAMES.join(', ')}`,
      })
    }
    const section = name as SectionName
    if (kind === 'start') {
      if (open) {
        const opened = body.lines[open.index]?.number
        throw new NowPageError(
          `'${section}' starts inside '${open.name}' (opened on line ${opened}); sections cannot nest`,
          { ...where, hint: `Close '${open.name}' with <!-- now-page:${open.name}:end --> first` },
        )
      }
      const earlier = regions.get(section)
      if (earlier) {
        const first = body.lines[earlier.startIndex]?.number
        throw new NowPageError(
          `duplicate '${section}' section (it already appears on line ${first})`,
          { ...where, hint: 'Keep one pair of markers per section and delete the other' },
        )
      }
      open = { name: section, index }
      return
    }
    if (!open) {
      throw new NowPageError(`'${section}' end marker without a start marker before it`, {
        ...where,
        hint: `Put ${example(section)}, start before end`,
      })
    }
    if (open.name !== section) {
      const opened = body.lines[open.index]?.number
      throw new NowPageError(
        `'${section}' end marker while '${open.name}' (opened on line ${opened}) is still open`,
        { ...where, hint: `Close '${open.name}' before ending '${section}'` },
      )
    }
    regions.set(section, { name: section, startIndex: open.index, endIndex: index })
    open = undefined
  })
  if (open) {
    const line = body.lines[open.index]?.number
    throw new NowPageError(`'${open.name}' start marker is never closed`, {
      file,
      line,
      hint: `Add <!-- now-page:${open.name}:end --> on its own line after the section`,
    })
  }
  return regions
}
