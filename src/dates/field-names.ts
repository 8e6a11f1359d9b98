/**
 * Which metadata keys name a page's last modification. Keys come in every case and separator
 * (`lastmod`, `updatedDate`, `modifiedAt`, `last_modified_at`, `date-last-update`, `updated_es`),
 * so a key is read as words.
 */
export function keyWords(key: string): string[] {
  return key
    .replace(/^#\+/, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
}

const MODIFICATION = new Set([
  'lastmod',
  'mod',
  'lastmodified',
  'lastupdated',
  'lastupdate',
  'updated',
  'update',
  'modified',
  'modification',
  'mtime',
  'revised',
  'edited',
  'lastedit',
])
/** Words that make a modification key about something else (`next_update`, `updated_by`). */
const NOT_A_DATE = new Set(['next', 'frequency', 'interval', 'by', 'author', 'show', 'count'])

export function isModificationKey(key: string): boolean {
  const words = keyWords(key)
  return words.some((w) => MODIFICATION.has(w)) && !words.some((w) => NOT_A_DATE.has(w))
}

/** `last_update: {date: …}` (Docusaurus), `updated: {at: …}`: a date under a modification key. */
export function isModificationPath(path: readonly string[]): boolean {
  const keys = path.filter((k) => !/^\d+$/.test(k))
  const last = keys.at(-1) ?? ''
  if (isModificationKey(last)) return true
  const parent = keys.at(-2)
  return (
    parent !== undefined &&
    isModificationKey(parent) &&
    /^(?:date|at|on|time|when|value)$/i.test(last)
  )
}

/** `date`, `Date`, `#+DATE`: the page's one date, which is its last update when nothing else is. */
export function isPlainDateKey(key: string): boolean {
  const words = keyWords(key)
  return words.length === 1 && words[0] === 'date'
}
