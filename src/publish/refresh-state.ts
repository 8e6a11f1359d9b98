import { lazyBuiltin } from '../node/lazy-builtin.js'

const crypto = lazyBuiltin<typeof import('node:crypto')>('node:crypto')

/**
 * What the Action's pull request proposes, kept in a hidden comment at the end of the PR body.
 * With it, a scheduled run that finds nothing new knows the PR is already right from the one
 * PR listing it makes anyway: no reads of the branch, its page or its commits.
 *
 * It only ever lets a run skip work. A body edited by hand (the comment removed or altered)
 * sends the run down the full path, which checks the branch itself; writes never trust it.
 */
export interface RefreshState {
  /** The commit the Action last wrote to its branch. */
  head: string
  /** Git blob id of the page on the base when that commit was made. */
  basePage: string
  /** Git blob id of the page that commit proposes. */
  page: string
  /** The base commit the branch was made from or last merged, when every commit on the branch
   * since is the Action's (absent after a refresh on top of someone else's commits). */
  base?: string
  /** Labels, assignees or reviewers that could not be added yet: the next run adds them. */
  todo?: Array<'labels' | 'assignees' | 'reviewers'>
}

const EXTRAS = new Set(['labels', 'assignees', 'reviewers'])

const PREFIX = '<!-- now-page-action:state '
const SUFFIX = ' -->'
const SHA = /^[0-9a-f]{40}$/

/** `body` with the state appended (any earlier state comment removed). */
export function withRefreshState(body: string, state: RefreshState): string {
  const { todo, ...rest } = state
  const json = JSON.stringify({ v: 1, ...rest, ...(todo?.length ? { todo } : {}) })
  return `${withoutRefreshState(body).replace(/\s+$/, '')}\n\n${PREFIX}${json}${SUFFIX}`
}

export function withoutRefreshState(body: string): string {
  const at = body.lastIndexOf(PREFIX)
  return at === -1 ? body : body.slice(0, at).replace(/\s+$/, '')
}

/** The state in a PR body, or undefined when there is none or it is not one we wrote. */
export function readRefreshState(body: string | null | undefined): RefreshState | undefined {
  if (!body) return undefined
  const at = body.lastIndexOf(PREFIX)
  if (at === -1) return undefined
  const end = body.indexOf(SUFFIX, at + PREFIX.length)
  if (end === -1) return undefined
  let value: unknown
  try {
    value = JSON.parse(body.slice(at + PREFIX.length, end))
  } catch {
    return undefined
  }
  const v = value as Partial<RefreshState> & { v?: unknown }
  if (v.v !== 1 || !isSha(v.head) || !isSha(v.basePage) || !isSha(v.page)) return undefined
  const todo = Array.isArray(v.todo) ? v.todo.filter((t) => EXTRAS.has(t)) : []
  return {
    head: v.head,
    basePage: v.basePage,
    page: v.page,
    ...(isSha(v.base) ? { base: v.base } : {}),
    ...(todo.length ? { todo } : {}),
  }
}

/** The id git gives a file with this text (UTF-8): `sha1("blob <bytes>\0" + bytes)`. */
export function gitBlobSha(text: string): string {
  const bytes = Buffer.from(text, 'utf8')
  return crypto().createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex')
}

function isSha(v: unknown): v is string {
  return typeof v === 'string' && SHA.test(v)
}
