import { NowPageError } from '../errors.js'
import { httpStatus, type Client } from '../github/client.js'
import { errorText, explainGitHubError, extraWarning } from './github-errors.js'
import { findOpenPull, readBranch, TRAILER } from './observe.js'
import type { ContentsDecision, Decision, WriteDecision } from './plan.js'
import { planRollback } from './plan.js'
import { gitBlobSha, withRefreshState, type RefreshState } from './refresh-state.js'
import { pullView, type Extra, type Logger, type PublishOptions, type PullView } from './types.js'

/** How long undoing a failed run's branch write may take. */
const ROLLBACK_MS = 20_000

/** The compare-and-swap of the branch lost: someone wrote it since it was read. Re-plan. */
export class LostSwap extends Error {
  override readonly name = 'LostSwap'
}

/** A write planned from round 1 and the runner's base head found the repository otherwise;
 * nothing of it is left. Read everything and plan again. */
export class ReadFirst extends Error {
  override readonly name = 'ReadFirst'
}

export interface Done {
  pull: PullView
  commitSha?: string
  warnings: string[]
  notes: string[]
}

/** Writes the commit, moves the branch by compare-and-swap, then opens or updates the PR. A
 * failure before the PR is written undoes the branch write; extras failing only warn. */
export async function executeWrite(
  client: Client,
  o: PublishOptions,
  d: WriteDecision,
  log: Logger,
): Promise<Done> {
  const tree = await createTree(client, o, d.onto, d.text)
  const commitSha = await createCommit(client, o, tree, d.parents)
  await swapRef(client, o, d.expectedHead, commitSha)
  const state: RefreshState = {
    head: commitSha,
    basePage: d.basePage,
    page: gitBlobSha(d.text),
    ...(d.baseCommit ? { base: d.baseCommit } : {}),
  }
  const body = withRefreshState(o.body, state)
  const warnings: string[] = []
  const notes: string[] = []
  if (d.action === 'recreate')
    notes.push(`${o.branch} had been deleted while #${d.pull?.number} stayed open: recreated it`)
  let pull: PullView
  try {
    pull = d.pull
      ? await updatePull(client, o, d.pull.number, { title: o.title, body })
      : await openPull(client, o, d.base, body, warnings)
  } catch (error) {
    // A PR this run was opening may exist after all (the answer was lost); one it was updating
    // existed before, and says nothing.
    const undo = { created: !d.expectedHead, from: d.expectedHead, to: commitSha, opening: !d.pull }
    throw withNote(explainGitHubError(error, o), await rollBack(client, o, undo, log))
  }
  const failed = await applyExtras(client, o, pull.number, d.extras, warnings)
  if (failed.length) await markTodo(client, o, pull, state, failed, warnings)
  return { pull, commitSha, warnings, notes }
}

/**
 * The write of a plan from round 1 (`ContentsDecision`), in the fewest rounds REST allows: a
 * first run creates the branch at the base head (and checks that commit is the base's, in the
 * same round), commits the page on it through the Contents API and opens the PR; an update
 * commits on the branch and updates the PR. The Contents API refuses a page that is not the one
 * read (409); a commit whose parent is not the head relied on (a push landed just before it) is
 * undone at once. Either way nothing is left and the run reads everything (`ReadFirst`).
 */
export async function executeContents(
  client: Client,
  o: PublishOptions,
  d: ContentsDecision,
  log: Logger,
): Promise<Done> {
  const create = d.action === 'create'
  if (create) await createAtBase(client, o, d, log)
  let commit: { sha: string; parent: string | undefined }
  try {
    commit = await commitContents(client, o, d)
  } catch (error) {
    const status = httpStatus(error)
    const retry =
      status === 409 || status === 404 || (status === 422 && /sha/i.test(errorText(error)))
    const undo = create
      ? await rollBack(client, o, fresh(d), log, retry ? 'retry' : 'failure')
      : undefined
    if (retry) throw new ReadFirst(`${o.path} on ${o.branch} is not as read (${errorText(error)})`)
    throw undo ? withNote(explainGitHubError(error, o), undo) : error
  }
  if (commit.parent !== d.parent) {
    // A push landed on the branch just before this commit: it sits on top of that push. Put the
    // branch back where the push left it, then plan with everything read.
    await rollBack(
      client,
      o,
      { created: false, from: commit.parent, to: commit.sha, opening: false },
      log,
      'retry',
    )
    throw new ReadFirst(`${o.branch} moved while the Action wrote it`)
  }
  const state: RefreshState = {
    head: commit.sha,
    basePage: d.basePage,
    page: gitBlobSha(d.text),
    base: d.baseCommit,
  }
  const body = withRefreshState(o.body, state)
  const warnings: string[] = []
  let pull: PullView
  try {
    pull = d.pull
      ? await updatePull(client, o, d.pull.number, { title: o.title, body })
      : await openPull(client, o, d.base, body, warnings)
  } catch (error) {
    const undo = create
      ? fresh(d, commit.sha)
      : { created: false, from: d.parent, to: commit.sha, opening: false }
    throw withNote(explainGitHubError(error, o), await rollBack(client, o, undo, log))
  }
  const failed = await applyExtras(client, o, pull.number, d.extras, warnings)
  if (failed.length) await markTodo(client, o, pull, state, failed, warnings)
  return { pull, commitSha: commit.sha, warnings, notes: [] }
}

/** What a first run's rollback undoes: the branch it created (at `to`, its head now). */
const fresh = (d: ContentsDecision, to = d.baseCommit) => ({
  created: true,
  to,
  opening: true,
})

/** Creates the branch at the runner's base head, and checks in the same round that this commit
 * is on the base (a base force-pushed since the run was triggered would not have it). */
async function createAtBase(
  client: Client,
  o: PublishOptions,
  d: ContentsDecision,
  log: Logger,
): Promise<void> {
  const [created, onBase] = await Promise.allSettled([
    client.rest.git.createRef({
      owner: o.owner,
      repo: o.repo,
      ref: `refs/heads/${o.branch}`,
      sha: d.baseCommit,
    }),
    client.rest.repos.compareCommitsWithBasehead({
      owner: o.owner,
      repo: o.repo,
      basehead: `${d.baseCommit}...${d.base}`,
      per_page: 1,
    }),
  ])
  const fits =
    onBase.status === 'fulfilled' &&
    (onBase.value.data.status === 'identical' || onBase.value.data.status === 'ahead')
  if (created.status === 'rejected') {
    const error: unknown = created.reason
    if (httpStatus(error) === 422 && /already exists/i.test(errorText(error)))
      throw new ReadFirst(`${o.branch} already exists`)
    throw error
  }
  if (!fits) {
    const why = onBase.status === 'rejected' ? errorText(onBase.reason) : onBase.value.data.status
    const failed = onBase.status === 'rejected' && httpStatus(onBase.reason) !== 404
    const note = await rollBack(client, o, fresh(d), log, failed ? 'failure' : 'retry')
    if (failed) throw withNote(explainGitHubError(onBase.reason, o), note)
    throw new ReadFirst(
      `the runner's commit ${d.baseCommit.slice(0, 7)} is not on ${d.base} (${why})`,
    )
  }
}

/** One commit of the page on the Action's branch, through the Contents API. */
async function commitContents(client: Client, o: PublishOptions, d: ContentsDecision) {
  const { data } = await client.rest.repos.createOrUpdateFileContents({
    owner: o.owner,
    repo: o.repo,
    path: o.path,
    branch: o.branch,
    sha: d.replaces,
    message: `${o.commitMessage}\n\n${TRAILER}`,
    content: Buffer.from(d.text, 'utf8').toString('base64'),
    ...(o.author ? { author: o.author } : {}),
    ...(o.committer ? { committer: o.committer } : {}),
  })
  return { sha: data.commit.sha as string, parent: data.commit.parents?.[0]?.sha }
}

/** The PR is right but an earlier run could not add some labels, assignees or reviewers. */
export async function executeComplete(
  client: Client,
  o: PublishOptions,
  d: Extract<Decision, { kind: 'complete' }>,
): Promise<Done> {
  const warnings: string[] = []
  const failed = await applyExtras(client, o, d.pull.number, d.todo, warnings)
  if (failed.length < d.todo.length) await markTodo(client, o, d.pull, d.state, failed, warnings)
  return { pull: d.pull, warnings, notes: [] }
}

/** The base has the change already: comment, close, and delete the branch if still as read. */
export async function executeClose(
  client: Client,
  o: PublishOptions,
  d: Extract<Decision, { kind: 'close' }>,
): Promise<Done> {
  const { owner, repo } = o
  await client.rest.issues.createComment({
    owner,
    repo,
    issue_number: d.pull.number,
    body: `${d.base} already contains this refresh of \`${o.path}\`, so this pull request is no longer needed. Closing it${d.branchHead ? ` and deleting \`${o.branch}\`` : ''}.`,
  })
  await client.rest.pulls.update({ owner, repo, pull_number: d.pull.number, state: 'closed' })
  const notes: string[] = []
  if (d.branchHead) {
    // REST has no conditional delete: check the head just before, so a push made since the
    // plan was read keeps its branch.
    const now = await readBranch(client, owner, repo, o.branch)
    if (now?.sha === d.branchHead) await deleteRef(client, o)
    else notes.push(`${o.branch} moved since it was read: it was kept`)
  }
  return { pull: d.pull, warnings: [], notes }
}

async function swapRef(
  client: Client,
  o: PublishOptions,
  expectedHead: string | undefined,
  sha: string,
): Promise<void> {
  const { owner, repo } = o
  try {
    if (expectedHead) {
      // Never forced: `sha` descends from `expectedHead`, so this only succeeds if the branch is
      // still there (GitHub answers 422 "Update is not a fast forward" otherwise).
      await client.rest.git.updateRef({ owner, repo, ref: `heads/${o.branch}`, sha, force: false })
    } else {
      await client.rest.git.createRef({ owner, repo, ref: `refs/heads/${o.branch}`, sha })
    }
  } catch (error) {
    const text = errorText(error)
    if (
      httpStatus(error) === 422 &&
      /not a fast forward|already exists|does not exist/i.test(text)
    ) {
      throw new LostSwap(`${o.branch} changed while the Action wrote it (${text})`)
    }
    throw error
  }
}

async function openPull(
  client: Client,
  o: PublishOptions,
  base: string,
  body: string,
  warnings: string[],
): Promise<PullView> {
  const create = async (draft: boolean) =>
    pullView(
      (
        await client.rest.pulls.create({
          owner: o.owner,
          repo: o.repo,
          head: o.branch,
          base,
          title: o.title,
          body,
          draft,
        })
      ).data,
    )
  try {
    return await create(o.draft)
  } catch (error) {
    const text = errorText(error)
    if (
      o.draft &&
      httpStatus(error) === 422 &&
      /draft pull requests are not supported/i.test(text)
    ) {
      warnings.push(
        `${o.owner}/${o.repo} does not support draft pull requests (${text}): opened it ready for review instead. Set draft: false to silence this.`,
      )
      return create(false)
    }
    // Another run opened it a moment ago: use that one.
    if (httpStatus(error) === 422 && /already exists/i.test(text)) {
      const existing = await findOpenPull(client, o)
      if (existing) return updatePull(client, o, existing.number, { title: o.title, body })
    }
    throw error
  }
}

async function updatePull(
  client: Client,
  o: PublishOptions,
  number: number,
  change: { title?: string; body?: string },
): Promise<PullView> {
  const { data } = await client.rest.pulls.update({
    owner: o.owner,
    repo: o.repo,
    pull_number: number,
    ...change,
  })
  return pullView(data)
}

/** Adds each extra on its own; returns the ones that failed (each with a warning). */
async function applyExtras(
  client: Client,
  o: PublishOptions,
  number: number,
  extras: Extra[],
  warnings: string[],
): Promise<Extra[]> {
  const { owner, repo } = o
  const add: Record<Extra, () => Promise<unknown>> = {
    labels: () =>
      client.rest.issues.addLabels({ owner, repo, issue_number: number, labels: o.labels }),
    assignees: () =>
      client.rest.issues.addAssignees({
        owner,
        repo,
        issue_number: number,
        assignees: o.assignees,
      }),
    reviewers: () =>
      client.rest.pulls.requestReviewers({
        owner,
        repo,
        pull_number: number,
        reviewers: o.reviewers,
      }),
  }
  const failed: Extra[] = []
  for (const extra of extras) {
    try {
      await add[extra]()
    } catch (error) {
      if (error instanceof NowPageError) throw error
      failed.push(extra)
      warnings.push(extraWarning(extra, o[extra], error))
    }
  }
  return failed
}

/** Records in the PR body what is still missing, so the next run adds it instead of saying
 * "already proposes". Best effort: the PR itself is fine. */
async function markTodo(
  client: Client,
  o: PublishOptions,
  pull: PullView,
  state: RefreshState,
  todo: Extra[],
  warnings: string[],
): Promise<void> {
  try {
    const body = withRefreshState(pull.body || o.body, { ...state, todo })
    await updatePull(client, o, pull.number, { body })
  } catch (error) {
    warnings.push(
      `could not note the missing ${todo.join(', ')} in #${pull.number}: ${errorText(error)}`,
    )
  }
}

/** Undoes this run's branch write (after a failure before the PR was written); says what it did. */
async function rollBack(
  client: Client,
  o: PublishOptions,
  {
    opening,
    ...written
  }: { created: boolean; from?: string | undefined; to: string; opening: boolean },
  log: Logger,
  /** `retry`: the fast path gave way and the run reads everything and goes on; not a failure. */
  why: 'failure' | 'retry' = 'failure',
): Promise<string> {
  let note: string
  // Its own time bound: a run that failed because its deadline fired must still clean up.
  const request = { signal: AbortSignal.timeout(ROLLBACK_MS) }
  try {
    const [now, pull] = await Promise.all([
      readBranch(client, o.owner, o.repo, o.branch, request),
      opening ? findOpenPull(client, o, request) : undefined,
    ])
    const r = planRollback({ branch: o.branch, ...written }, now?.sha, pull?.number)
    if (r.kind === 'delete') {
      await deleteRef(client, o, request)
      note = `deleted the branch ${o.branch} this run had created`
    } else if (r.kind === 'restore') {
      // Forced, but only on the Action's own branch and only when its head is still this run's
      // commit (checked just above): it puts back exactly what was there.
      await client.rest.git.updateRef({
        owner: o.owner,
        repo: o.repo,
        ref: `heads/${o.branch}`,
        sha: r.to,
        force: true,
        request,
      })
      note = `moved ${o.branch} back to ${r.to.slice(0, 7)}, where this run found it`
    } else {
      note = r.reason
    }
  } catch (error) {
    note = `could not undo the write to ${o.branch} (${errorText(error)}): delete it or reset it by hand`
  }
  if (why === 'retry' && !note.startsWith('could not undo')) {
    log.info(
      `undid this run's first write to ${o.branch} (${note}); writing it again from a full read`,
    )
  } else {
    log.warning(`the run failed after writing ${o.branch}: ${note}`)
  }
  return note
}

function withNote(error: unknown, note: string): unknown {
  if (error instanceof NowPageError) {
    return new NowPageError(`${error.message}; ${note}`, {
      ...(error.file ? { file: error.file } : {}),
      ...(error.line ? { line: error.line } : {}),
      ...(error.input ? { input: error.input } : {}),
      ...(error.hint ? { hint: error.hint } : {}),
    })
  }
  if (error instanceof Error) error.message = `${error.message} (${note})`
  return error
}

async function deleteRef(
  client: Client,
  o: PublishOptions,
  request?: { signal: AbortSignal },
): Promise<void> {
  await client.rest.git.deleteRef({
    owner: o.owner,
    repo: o.repo,
    ref: `heads/${o.branch}`,
    ...(request ? { request } : {}),
  })
}

/** A tree: `baseTree` with the page replaced. The text goes inline (no blob request). */
async function createTree(client: Client, o: PublishOptions, baseTree: string, text: string) {
  const { data } = await client.rest.git.createTree({
    owner: o.owner,
    repo: o.repo,
    base_tree: baseTree,
    tree: [{ path: o.path, mode: '100644', type: 'blob', content: text }],
  })
  return data.sha
}

async function createCommit(client: Client, o: PublishOptions, tree: string, parents: string[]) {
  const { data } = await client.rest.git.createCommit({
    owner: o.owner,
    repo: o.repo,
    tree,
    parents,
    message: `${o.commitMessage}\n\n${TRAILER}`,
    ...(o.author ? { author: o.author } : {}),
    ...(o.committer ? { committer: o.committer } : {}),
  })
  return data.sha
}
