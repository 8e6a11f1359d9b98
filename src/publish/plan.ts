import { createTwoFilesPatch } from 'diff'
import { NowPageError } from '../errors.js'
import { branchRefusal } from './guard.js'
import type { Listing, Observed } from './observe.js'
import { gitBlobSha, type RefreshState } from './refresh-state.js'
import type { BaseHint, Extra, PublishOptions, PullView } from './types.js'

/** What to write: a commit with `text` as the page on tree `onto`, moved onto the branch by
 * compare-and-swap (created when `expectedHead` is undefined), then the pull request. */
export interface WriteDecision {
  kind: 'write'
  action: 'create' | 'update' | 'rebase' | 'recreate'
  /** The pull request's base branch. */
  base: string
  text: string
  onto: string
  /** The first is the head the Action read (when the branch exists): a fast-forward. */
  parents: string[]
  expectedHead?: string | undefined
  pull?: PullView | undefined
  /** Blob id of the page on the base the edit was made from (for the hidden state). */
  basePage: string
  /** Extras to (re)apply once the pull request is there. */
  extras: Extra[]
  /** The base commit the branch contains when every commit on it is the Action's (the state
   * records it, so the next update may write without reading the branch). */
  baseCommit?: string | undefined
}

/**
 * What to write when round 1 and the runner's base head (`BaseHint`) are enough: one commit
 * through the Contents API, on a branch created at the base head ('create') or on the branch as
 * the pull request shows it ('update'). GitHub checks what it relies on: the page it replaces
 * (`replaces`, else 409) and, in the answer, the commit's parent (`parent`).
 */
export interface ContentsDecision {
  kind: 'contents'
  action: 'create' | 'update'
  /** The pull request's base branch. */
  base: string
  /** The base commit the branch is created at, or already contains. */
  baseCommit: string
  text: string
  /** Blob id of the page the commit replaces (on the base, or on the branch). */
  replaces: string
  /** The commit the new commit must have as its parent: the branch head this run relies on. */
  parent: string
  pull?: PullView | undefined
  basePage: string
  extras: Extra[]
}

export type Decision =
  | { kind: 'skip'; changed: boolean; message: string; warning?: string; pull?: PullView }
  | { kind: 'refuse'; error: NowPageError }
  | { kind: 'close'; pull: PullView; base: string; branchHead?: string | undefined }
  | { kind: 'complete'; pull: PullView; state: RefreshState; todo: Extra[] }
  | WriteDecision
  | ContentsDecision

export interface Plan {
  decision: Decision
  /** The page's diff against the base, for the log and the summary. */
  diff: string
}

type Edit = PublishOptions['edit']
type Options = Pick<
  PublishOptions,
  'path' | 'branch' | 'onHumanEdit' | 'dryRun' | 'labels' | 'assignees' | 'reviewers'
> & { edit: Edit; base?: string | undefined }

const upToDate = (o: Options): Decision => ({
  kind: 'skip',
  changed: false,
  message: `${o.path} is up to date: nothing new since the last refresh.`,
})

/**
 * The decision the first round alone can make: the two outcomes of most scheduled runs, and,
 * with the runner's base head, the two writes that need no further read. Undefined means "read
 * more" (the full `plan`). The hidden state only ever lets a run skip work: a write it allows
 * rests on what GitHub checks when it is made (`ContentsDecision`).
 */
export function planFromListing(o: Options, l: Listing, hint?: BaseHint): Plan | undefined {
  const edited = o.edit(l.page.text)
  if (!edited.changed && !l.pull) return { decision: upToDate(o), diff: '' }
  const s = l.state
  const proposes =
    l.pull &&
    edited.changed &&
    s?.head === l.pull.headSha &&
    s.basePage === l.page.blobSha &&
    s.page === gitBlobSha(edited.text) &&
    !s.todo?.length
  if (proposes && l.pull) return withDiff(alreadyProposes(l.pull), o.path, l.page.text, edited.text)
  if (!edited.changed || o.dryRun || !hint) return undefined
  const write = l.pull ? contentsUpdate(o, l, hint, edited.text) : contentsCreate(o, l, hint)
  return write && withDiff({ ...write, text: edited.text }, o.path, l.page.text, edited.text)
}

/** A plan whose diff is worked out when it is first read: for the log and the summary, after
 * the writes, so that its CPU time is not spent between two round trips. */
function withDiff(decision: Decision, path: string, before: string, after: string): Plan {
  let diff: string | undefined
  return {
    decision,
    get diff() {
      diff ??= diffOf(path, before, after)
      return diff
    },
  }
}

/** No pull request: a branch at the base head, the page's commit on it, the pull request. */
function contentsCreate(
  o: Options,
  l: Listing,
  hint: BaseHint,
): Omit<ContentsDecision, 'text'> | undefined {
  if (o.base !== undefined && o.base !== hint.name) return undefined
  return {
    kind: 'contents',
    action: 'create',
    base: hint.name,
    baseCommit: hint.sha,
    replaces: l.page.blobSha,
    parent: hint.sha,
    basePage: l.page.blobSha,
    extras: allExtras(o),
  }
}

/** The pull request's head is the Action's last commit, made on the base head the runner still
 * sees, over the page the base still has: the new commit goes on top of it. */
function contentsUpdate(
  o: Options,
  l: Listing,
  hint: BaseHint,
  text: string,
): Omit<ContentsDecision, 'text'> | undefined {
  const s = l.state
  const pull = l.pull
  if (
    !pull ||
    !s?.base ||
    s.head !== pull.headSha ||
    s.base !== hint.sha ||
    s.basePage !== l.page.blobSha ||
    // Only its extras are missing: the full plan completes them without a commit.
    s.page === gitBlobSha(text) ||
    pull.base !== hint.name
  )
    return undefined
  return {
    kind: 'contents',
    action: 'update',
    base: pull.base,
    baseCommit: hint.sha,
    replaces: s.page,
    parent: pull.headSha,
    pull,
    basePage: l.page.blobSha,
    extras: extrasOnUpdate(o, s),
  }
}

/** What the repository looks like -> what to do. Pure: no I/O, every branch table-tested. */
export function plan(o: Options, s: Observed): Plan {
  if (!s.atBase) {
    const error = new NowPageError(`${o.path} is not on ${s.base} any more`, { input: 'page-path' })
    return { decision: { kind: 'refuse', error }, diff: '' }
  }
  const refusal = branchRefusal({
    branch: o.branch,
    base: s.base,
    defaultBranch: s.defaultBranch,
    protected: s.branch?.protected ?? false,
  })
  if (refusal) return { decision: { kind: 'refuse', error: refusal }, diff: '' }
  const edited = o.edit(s.atBase.text)
  const decision = !edited.changed
    ? planStale(o, s)
    : s.branch && s.human.length > 0
      ? planOverHuman(o, s, s.atBase.sha)
      : planOwnBranch(o, s, edited.text, s.atBase.sha)
  const planned = o.dryRun ? asDryRun(o, decision) : decision
  if (!edited.changed) return { decision: planned, diff: '' }
  return withDiff(planned, o.path, s.atBase.text, edited.text)
}

/** The base already has everything: a PR still open is stale, and goes unless a human added to it. */
function planStale(o: Options, s: Observed): Decision {
  if (!s.pull) return upToDate(o)
  if (s.human.length > 0) {
    return {
      kind: 'skip',
      changed: false,
      message: `${o.path} is up to date; the open pull request has human commits and was left alone.`,
      warning: `${o.path} is up to date on ${s.base}, but ${s.pull.url} has commits by someone else; it is left open`,
      pull: s.pull,
    }
  }
  return { kind: 'close', pull: s.pull, base: s.base, branchHead: s.branch?.sha }
}

/** Someone else committed on the Action's branch: leave it, or add the refresh on top. */
function planOverHuman(o: Options, s: Observed, basePage: string): Decision {
  const branch = s.branch as NonNullable<Observed['branch']>
  const where = s.pull ? s.pull.url : `the ${o.branch} branch`
  if (o.onHumanEdit === 'skip') {
    const message = `${where} has ${s.human.length} commit(s) by someone else (${s.human.join(', ')}); it was not touched. Merge or close it, or set on-human-edit: rebase-onto.`
    return { kind: 'skip', changed: true, message, warning: message, pull: s.pull }
  }
  const onTop = o.edit(s.branchPage ?? s.atBase?.text ?? '')
  if (!onTop.changed) {
    const message = `${where} already has the refresh on top of the human commits.`
    return { kind: 'skip', changed: true, message, pull: s.pull }
  }
  return {
    kind: 'write',
    action: 'rebase',
    base: s.base,
    text: onTop.text,
    onto: branch.tree,
    parents: [branch.sha],
    expectedHead: branch.sha,
    pull: s.pull,
    basePage,
    extras: s.pull ? extrasOnUpdate(o, s.state) : allExtras(o),
  }
}

/** Only the Action's commits on its branch (or no branch): create, recreate or update. */
function planOwnBranch(o: Options, s: Observed, text: string, basePage: string): Decision {
  const base = s.baseCommit
  if (!s.branch) {
    return {
      kind: 'write',
      action: s.pull ? 'recreate' : 'create',
      base: s.base,
      text,
      onto: base.tree,
      parents: [base.sha],
      pull: s.pull,
      basePage,
      extras: s.pull ? extrasOnUpdate(o, s.state) : allExtras(o),
      baseCommit: base.sha,
    }
  }
  if (s.branchPage === text && s.pull && s.upToDate) {
    const todo = s.state?.todo ?? []
    if (todo.length && s.state) return { kind: 'complete', pull: s.pull, state: s.state, todo }
    return alreadyProposes(s.pull)
  }
  return {
    kind: 'write',
    action: 'update',
    base: s.base,
    text,
    onto: base.tree,
    // Compare-and-swap: the head read is the first parent, so the ref update is a fast-forward
    // GitHub refuses after any push since. A moved base comes in as the second parent.
    parents: s.upToDate ? [s.branch.sha] : [s.branch.sha, base.sha],
    expectedHead: s.branch.sha,
    pull: s.pull,
    basePage,
    extras: s.pull ? extrasOnUpdate(o, s.state) : allExtras(o),
    baseCommit: base.sha,
  }
}

function asDryRun(o: Options, d: Decision): Decision {
  if (d.kind === 'skip' || d.kind === 'refuse') return d
  const what =
    d.kind === 'close'
      ? `#${d.pull.number} would be closed`
      : d.kind === 'complete'
        ? `#${d.pull.number} would get its missing ${d.todo.join(', ')}`
        : d.pull
          ? `#${d.pull.number} updated`
          : 'a pull request opened'
  const refreshed = d.kind === 'write' ? `${o.path} would be refreshed (${what})` : what
  return {
    kind: 'skip',
    changed: d.kind !== 'close',
    message: `dry run: ${refreshed}.`,
    ...(d.kind === 'write' || !d.pull ? {} : { pull: d.pull }),
  }
}

function alreadyProposes(pull: PullView): Decision {
  return {
    kind: 'skip',
    changed: true,
    message: `#${pull.number} already proposes this refresh.`,
    pull,
  }
}

function allExtras(o: Options): Extra[] {
  return (['labels', 'assignees', 'reviewers'] as const).filter((e) => o[e].length > 0)
}

/** On an update, labels are (idempotently) applied again, plus whatever an earlier run missed. */
function extrasOnUpdate(o: Options, state: RefreshState | undefined): Extra[] {
  const todo = new Set<Extra>(state?.todo ?? [])
  if (o.labels.length) todo.add('labels')
  return allExtras(o).filter((e) => todo.has(e))
}

function diffOf(path: string, before: string, after: string): string {
  return createTwoFilesPatch(`a/${path}`, `b/${path}`, before, after)
}

/** After a failure between moving the branch and the pull request: what undoes this run's write. */
export type Rollback =
  | { kind: 'delete'; ref: string }
  | { kind: 'restore'; ref: string; to: string }
  | { kind: 'leave'; reason: string }

export function planRollback(
  written: { branch: string; created: boolean; from?: string | undefined; to: string },
  headNow: string | undefined,
  /** An open PR from the branch: a request whose answer was lost may have opened it after all. */
  openPull?: number,
): Rollback {
  if (headNow === written.to && openPull !== undefined) {
    return {
      kind: 'leave',
      reason: `pull request #${openPull} was opened after all: ${written.branch} is kept for it`,
    }
  }
  if (headNow !== written.to) {
    return {
      kind: 'leave',
      reason: headNow
        ? `${written.branch} moved since this run wrote it (someone pushed): it is left as it is`
        : `${written.branch} is already gone`,
    }
  }
  if (written.created || !written.from) return { kind: 'delete', ref: written.branch }
  return { kind: 'restore', ref: written.branch, to: written.from }
}
