/** Options of the pure page core. Everything the edit depends on is here; nothing is read from
 * the environment or the clock. */
export interface EditOptions {
  /** "Today" in the author's time zone, `YYYY-MM-DD`. */
  today: string
  /** IANA time zone used to print activity dates (merge dates, commit dates). Default `UTC`. */
  timeZone?: string
  /** Name of the page file, used in error messages and the report only. */
  file?: string
  /** Front-matter fields to move to `today` when they exist. Default: DEFAULT_DATE_FIELDS. */
  dateFields?: string[]
  /** Add this front-matter field (as a bare date) when the page lacks it. Default: none. */
  addDateField?: string
  /** Rewrite "Last updated: ..." lines in the body. Default true. */
  updateBodyDate?: boolean
  /** Per-section settings. A section absent here uses its defaults. */
  sections?: Partial<Record<SectionName, SectionOptions>>
  /** Where to insert marked sections on a first run when the page has neither markers nor a
   * managed heading. Default `{ at: 'end' }`. */
  insert?: InsertOptions
}

export { SECTION_NAMES, type SectionName } from './sections/registry.js'
import type { SectionName } from './sections/registry.js'

export interface SectionOptions {
  /** Turn the section off entirely (no markers inserted, existing ones left alone). */
  enabled?: boolean
  /** Manage the content under this heading (text, without `#`) instead of markers. */
  heading?: string
  /** Heading written above the section when it is inserted on a first run (e.g. `### Open source`).
   * Empty string: no heading. */
  title?: string
  /** Line template for one item; placeholders are documented in README (`{repo}`, `{title}`...). */
  template?: string
  /** Text written when there is nothing to list. Default: a short sentence. */
  empty?: string
  /** Cap on listed items; the report counts the rest. */
  maxItems?: number
  /** contributions: group PRs per repository ("12 PRs to kubernetes/kubernetes"). */
  groupByRepo?: boolean
}

export interface InsertOptions {
  /** `end` (default) or `after-heading`. */
  at: 'end' | 'after-heading'
  /** With `after-heading`: the heading's text (case-insensitive, without `#`). The sections go
   * at the end of that heading's section. */
  heading?: string
}

export const DEFAULT_DATE_FIELDS: readonly string[] = [
  'date',
  'lastmod',
  'updated',
  'last_modified_at',
  'modified',
]

export interface EditReport {
  /** Sections whose content changed, were inserted, or were left as they were. */
  sections: Array<{
    name: SectionName
    status: 'updated' | 'inserted' | 'unchanged' | 'disabled'
    items: number
    omitted: number
    line?: number
  }>
  /** Front-matter fields set to today (or added). */
  dateFields: Array<{ field: string; from: string | null; to: string; line: number }>
  /** Body "last updated" lines rewritten. */
  bodyDates: Array<{ line: number; from: string; to: string }>
  /** Every date moved to today, metadata fields and body lines alike, in page order: what the
   * PR body and `edit --explain` list (`name` is the field's dotted path, or `line N`). */
  movedDates: MovedDate[]
  /** Set when the page holds no live date at all (no modification field, no plain `date`, no
   * "last updated" line): nothing tells readers when it was refreshed. */
  noLiveDate?: { suggestion: string }
  /** Things the author may want to know: unknown date formats, fields not found... */
  notes: Array<{ line?: number; message: string }>
}

export interface EditResult {
  text: string
  changed: boolean
  report: EditReport
}

export interface MovedDate {
  kind: 'field' | 'line'
  name: string
  line: number
  /** null for a field `add-date-field` added. */
  from: string | null
  to: string
  /** Day-first or month-first assumed for a numeric date nothing on the page settled. */
  guessedOrder?: 'dmy' | 'mdy'
}
