import { describe, expect, it } from 'vitest'
import type { Listing, Observed } from '../../src/publish/observe.js'
import { baseHint } from '../../src/publish/base-hint.js'
import { plan, planFromListing, planRollback } from '../../src/publish/plan.js'
import { gitBlobSha, type RefreshState } from '../../src/publish/refresh-state.js'
import type { PublishOptions, PullView } from '../../src/publish/types.js'

/** The publish decision table (issue 13 §2): what the repository looks like -> what to do.
 * No HTTP: every row is a plain object in, a decision out. */

const sha = (c: string) => c.repeat(40)
const BASE = 'Hello.'
const NEW = 'Hello.\n- new'
const edit = (t: string) =>
  t.includes('- new') ? { text: t, changed: false } : { text: `${t}\n- new`, changed: true }

const o: Omit<PublishOptions, 'owner' | 'repo' | 'title' | 'body' | 'commitMessage' | 'draft'> = {
  branch: 'now-page/refresh',
  path: 'now.md',
  edit,
  onHumanEdit: 'skip',
  dryRun: false,
  labels: ['now'],
  assignees: ['me'],
  reviewers: ['friend'],
}

const pull: PullView = {
  number: 7,
  url: 'https://github.com/me/site/pull/7',
  title: 't',
  body: 'b',
  head: 'now-page/refresh',
  base: 'main',
  headSha: sha('b'),
}
const ours: RefreshState = { head: sha('b'), basePage: gitBlobSha(BASE), page: gitBlobSha(NEW) }

function listing(x: Partial<Listing> = {}): Listing {
  return { page: { path: 'now.md', text: BASE, blobSha: gitBlobSha(BASE) }, ...x }
}

function seen(x: Partial<Observed> = {}): Observed {
  return {
    ...listing(),
    base: 'main',
    defaultBranch: 'main',
    baseCommit: { sha: sha('a'), tree: sha('c') },
    atBase: { text: BASE, sha: gitBlobSha(BASE) },
    human: [],
    upToDate: true,
    ...x,
  }
}
const branch = { sha: sha('b'), tree: sha('d'), protected: false }

describe('planFromListing (round 1 only)', () => {
  it.each([
    [
      'nothing new, no PR: up to date',
      listing({ page: { path: 'now.md', text: NEW, blobSha: gitBlobSha(NEW) } }),
      { kind: 'skip', changed: false, message: expect.stringMatching(/up to date/) },
    ],
    [
      'the PR state proposes exactly this: already proposes',
      listing({ pull, state: ours }),
      { kind: 'skip', changed: true, message: '#7 already proposes this refresh.' },
    ],
    [
      'the PR lacks labels an earlier run failed to add: read on',
      listing({ pull, state: { ...ours, todo: ['labels'] } }),
      undefined,
    ],
    [
      'the PR head moved since the state was written: read on',
      listing({ pull: { ...pull, headSha: sha('e') }, state: ours }),
      undefined,
    ],
    ['no state in the body: read on', listing({ pull }), undefined],
    [
      'something new, no PR: read on',
      listing({ page: { path: 'now.md', text: 'Other', blobSha: gitBlobSha('Other') } }),
      undefined,
    ],
  ])('%s', (_name, l, expected) => {
    const p = planFromListing(o, l)
    if (expected === undefined) expect(p).toBeUndefined()
    else expect(p?.decision).toMatchObject(expected)
  })
})

describe("planFromListing with the runner's base head (a write from round 1)", () => {
  const hint = { name: 'main', sha: sha('a') }
  const mine: RefreshState = { ...ours, page: gitBlobSha('Hello.\n- old'), base: sha('a') }
  const other = { path: 'now.md', text: 'Other', blobSha: gitBlobSha('Other') }
  const rows: Array<[string, Listing, Partial<typeof o> & { base?: string }, unknown]> = [
    [
      'no PR: a branch at the base head, the page committed over the base blob',
      listing({ page: other }),
      {},
      {
        kind: 'contents',
        action: 'create',
        base: 'main',
        baseCommit: sha('a'),
        parent: sha('a'),
        replaces: other.blobSha,
        basePage: other.blobSha,
        text: 'Other\n- new',
        extras: ['labels', 'assignees', 'reviewers'],
      },
    ],
    [
      "no PR, base input is another branch than the runner's: read on",
      listing({ page: other }),
      { base: 'gh-pages' },
      undefined,
    ],
    [
      'dry run: read on (the full plan says what would happen)',
      listing({ page: other }),
      { dryRun: true },
      undefined,
    ],
    [
      'PR of the Action on the base head it still has: commit on its head',
      listing({ pull, state: mine }),
      {},
      {
        kind: 'contents',
        action: 'update',
        base: 'main',
        baseCommit: sha('a'),
        parent: sha('b'),
        replaces: mine.page,
        basePage: gitBlobSha(BASE),
        text: NEW,
        pull,
        extras: ['labels'],
      },
    ],
    [
      'the state has no base (written over human commits): read on',
      listing({ pull, state: { ...mine, base: undefined } }),
      {},
      undefined,
    ],
    [
      "the PR head is not the state's: read on",
      listing({ pull: { ...pull, headSha: sha('e') }, state: mine }),
      {},
      undefined,
    ],
    [
      'the base moved since the branch was made: read on (merge it)',
      listing({ pull, state: { ...mine, base: sha('f') } }),
      {},
      undefined,
    ],
    [
      'the page on the base changed since: read on',
      listing({ pull, state: { ...mine, basePage: sha('9') } }),
      {},
      undefined,
    ],
    [
      'the PR is to another base: read on',
      listing({ pull: { ...pull, base: 'gh-pages' }, state: mine }),
      {},
      undefined,
    ],
    [
      'only extras missing: read on (completed without a commit)',
      listing({ pull, state: { ...mine, page: gitBlobSha(NEW), todo: ['labels'] } }),
      {},
      undefined,
    ],
  ]
  it.each(rows)('%s', (_name, l, extra, expected) => {
    const p = planFromListing({ ...o, ...extra }, l, hint)
    if (expected === undefined) expect(p).toBeUndefined()
    else expect(p?.decision).toEqual(expected)
  })

  it('without the hint, the same listing reads on', () => {
    expect(planFromListing(o, listing({ page: other }))).toBeUndefined()
    expect(planFromListing(o, listing({ pull, state: mine }))).toBeUndefined()
  })
})

describe("baseHint: the runner's commit, when it is the base's head", () => {
  const SHA = sha('a')
  it.each([
    [
      'dispatch on the default branch',
      { GITHUB_SHA: SHA, GITHUB_REF: 'refs/heads/main' },
      undefined,
      'main',
      { name: 'main', sha: SHA },
    ],
    [
      'schedule: the default branch by definition',
      { GITHUB_SHA: SHA, GITHUB_REF: 'refs/heads/main', GITHUB_EVENT_NAME: 'schedule' },
      undefined,
      undefined,
      { name: 'main', sha: SHA },
    ],
    [
      "the base input is the run's branch",
      { GITHUB_SHA: SHA, GITHUB_REF: 'refs/heads/site' },
      'site',
      undefined,
      { name: 'site', sha: SHA },
    ],
    [
      'dispatch on another branch than the base',
      { GITHUB_SHA: SHA, GITHUB_REF: 'refs/heads/feature' },
      undefined,
      'main',
      undefined,
    ],
    [
      'default branch unknown',
      { GITHUB_SHA: SHA, GITHUB_REF: 'refs/heads/main' },
      undefined,
      undefined,
      undefined,
    ],
    [
      "a pull request's merge commit",
      { GITHUB_SHA: SHA, GITHUB_REF: 'refs/pull/3/merge' },
      undefined,
      'main',
      undefined,
    ],
    ['a tag', { GITHUB_SHA: SHA, GITHUB_REF: 'refs/tags/v1' }, undefined, 'main', undefined],
    ['no GITHUB_SHA', { GITHUB_REF: 'refs/heads/main' }, undefined, 'main', undefined],
  ])('%s', (_name, env, base, defaultBranch, expected) => {
    expect(baseHint(env, base, defaultBranch)).toEqual(expected)
  })
})

describe('plan', () => {
  const rows: Array<[string, Partial<Observed>, Partial<typeof o>, Record<string, unknown>]> = [
    [
      'page deleted mid-run: refuse, naming page-path',
      { atBase: undefined },
      {},
      {
        kind: 'refuse',
        error: expect.objectContaining({
          input: 'page-path',
          message: 'now.md is not on main any more',
        }),
      },
    ],
    [
      'protected branch: refuse before any write',
      { branch: { ...branch, protected: true } },
      {},
      {
        kind: 'refuse',
        error: expect.objectContaining({
          input: 'branch',
          message: expect.stringMatching(/protected/),
        }),
      },
    ],
    [
      'the branch is the default branch: refuse',
      { base: 'gh-pages', defaultBranch: 'now-page/refresh' },
      {},
      {
        kind: 'refuse',
        error: expect.objectContaining({ message: expect.stringMatching(/default branch/) }),
      },
    ],
    [
      'the branch is the base (PR base): refuse',
      { base: 'now-page/refresh' },
      {},
      {
        kind: 'refuse',
        error: expect.objectContaining({ message: expect.stringMatching(/base branch/) }),
      },
    ],
    [
      'no branch, no PR: create on the base',
      {},
      {},
      {
        kind: 'write',
        action: 'create',
        parents: [sha('a')],
        onto: sha('c'),
        text: NEW,
        extras: ['labels', 'assignees', 'reviewers'],
        // The state records the base commit: the next update may write from round 1.
        baseCommit: sha('a'),
      },
    ],
    [
      'PR open but its branch was deleted: recreate it and update the PR',
      { pull, state: ours },
      {},
      { kind: 'write', action: 'recreate', parents: [sha('a')], pull, extras: ['labels'] },
    ],
    [
      'our branch, up to date, new text: fast-forward update',
      { pull, branch, branchPage: 'old', state: ours },
      {},
      {
        kind: 'write',
        action: 'update',
        parents: [sha('b')],
        expectedHead: sha('b'),
        onto: sha('c'),
      },
    ],
    [
      'the base moved: rebuild with the base as second parent (still a fast-forward)',
      { pull, branch, branchPage: NEW, upToDate: false },
      {},
      {
        kind: 'write',
        action: 'update',
        parents: [sha('b'), sha('a')],
        expectedHead: sha('b'),
        baseCommit: sha('a'),
      },
    ],
    [
      'our branch already has it and is up to date: already proposes',
      { pull, branch, branchPage: NEW },
      {},
      { kind: 'skip', changed: true, message: '#7 already proposes this refresh.' },
    ],
    [
      'two runs creating the PR at once (branch there, no PR yet): update and open',
      { branch, branchPage: NEW },
      {},
      {
        kind: 'write',
        action: 'update',
        pull: undefined,
        extras: ['labels', 'assignees', 'reviewers'],
      },
    ],
    [
      'reviewer request failed last run: add the missing reviewers',
      { pull, branch, branchPage: NEW, state: { ...ours, todo: ['reviewers'] } },
      {},
      { kind: 'complete', todo: ['reviewers'] },
    ],
    [
      'reviewers missing and a new edit: update, then labels and reviewers',
      { pull, branch, branchPage: 'old', state: { ...ours, todo: ['reviewers'] } },
      {},
      { kind: 'write', action: 'update', extras: ['labels', 'reviewers'] },
    ],
    [
      'human commits, on-human-edit skip: leave the branch, warn',
      { pull, branch: { ...branch, sha: sha('f') }, branchPage: 'mine', human: ['fffffff'] },
      {},
      {
        kind: 'skip',
        changed: true,
        warning: expect.stringMatching(
          /1 commit\(s\) by someone else \(fffffff\); it was not touched/,
        ),
      },
    ],
    [
      'branch moved during the write (re-plan after a lost swap): the human commit wins',
      {
        pull,
        state: ours,
        branch: { ...branch, sha: sha('f') },
        branchPage: `${NEW}\nmine`,
        human: ['fffffff'],
      },
      {},
      { kind: 'skip', warning: expect.stringMatching(/by someone else/) },
    ],
    [
      'human commits, rebase-onto: our commit on top of theirs',
      { pull, branch: { ...branch, sha: sha('f') }, branchPage: 'Mine.', human: ['fffffff'] },
      { onHumanEdit: 'rebase-onto' },
      {
        kind: 'write',
        action: 'rebase',
        parents: [sha('f')],
        onto: sha('d'),
        text: 'Mine.\n- new',
        expectedHead: sha('f'),
      },
    ],
    [
      'human commits already carry the refresh: nothing to do',
      { pull, branch, branchPage: `Mine.\n- new`, human: ['fffffff'] },
      { onHumanEdit: 'rebase-onto' },
      { kind: 'skip', message: expect.stringMatching(/already has the refresh on top/) },
    ],
    [
      'stale PR (base has it), only our commits: close and delete the branch read',
      { pull, branch, atBase: { text: NEW, sha: gitBlobSha(NEW) } },
      {},
      { kind: 'close', pull, base: 'main', branchHead: sha('b') },
    ],
    [
      'stale PR with human commits: leave it open, warn',
      { pull, branch, atBase: { text: NEW, sha: gitBlobSha(NEW) }, human: ['fffffff'] },
      {},
      {
        kind: 'skip',
        changed: false,
        warning: expect.stringMatching(/has commits by someone else; it is left open/),
      },
    ],
    [
      'base has it, no PR: up to date',
      { atBase: { text: NEW, sha: gitBlobSha(NEW) } },
      {},
      { kind: 'skip', changed: false },
    ],
    [
      'dry run with an open PR: say what would happen, write nothing',
      { pull, branch, branchPage: 'old' },
      { dryRun: true },
      { kind: 'skip', changed: true, message: 'dry run: now.md would be refreshed (#7 updated).' },
    ],
    [
      'dry run, no PR: a PR would be opened',
      {},
      { dryRun: true },
      { kind: 'skip', message: 'dry run: now.md would be refreshed (a pull request opened).' },
    ],
    [
      'dry run with a stale PR: it would be closed',
      { pull, branch, atBase: { text: NEW, sha: gitBlobSha(NEW) } },
      { dryRun: true },
      { kind: 'skip', changed: false, message: 'dry run: #7 would be closed.' },
    ],
    [
      'dry run with missing reviewers',
      { pull, branch, branchPage: NEW, state: { ...ours, todo: ['reviewers'] } },
      { dryRun: true },
      { kind: 'skip', message: 'dry run: #7 would get its missing reviewers.' },
    ],
    [
      'dry run on a protected branch still refuses',
      { branch: { ...branch, protected: true } },
      { dryRun: true },
      { kind: 'refuse' },
    ],
  ]
  it.each(rows)('%s', (_name, observed, options, expected) => {
    expect(plan({ ...o, ...options }, seen(observed)).decision).toMatchObject(expected)
  })

  it('a write over someone else’s commits records no base commit (no write from round 1 later)', () => {
    const human = { pull, branch: { ...branch, sha: sha('f') }, branchPage: 'Mine.', human: ['f'] }
    const d = plan({ ...o, onHumanEdit: 'rebase-onto' }, seen(human)).decision
    expect(d).toMatchObject({ kind: 'write', action: 'rebase' })
    expect('baseCommit' in d).toBe(false)
  })

  it('the diff is against the page at the base commit', () => {
    const p = plan(
      o,
      seen({ atBase: { text: 'Edited by hand.', sha: gitBlobSha('Edited by hand.') } }),
    )
    expect(p.diff).toContain('+- new')
    expect(p.decision).toMatchObject({
      text: 'Edited by hand.\n- new',
      basePage: gitBlobSha('Edited by hand.'),
    })
  })
})

describe('planRollback', () => {
  it.each([
    [
      'created this run, still ours: delete',
      { created: true, to: sha('n') },
      sha('n'),
      { kind: 'delete', ref: 'b' },
    ],
    [
      'moved this run, still ours: restore the head found',
      { created: false, from: sha('o'), to: sha('n') },
      sha('n'),
      { kind: 'restore', to: sha('o') },
    ],
    [
      'someone pushed since: leave it',
      { created: true, to: sha('n') },
      sha('h'),
      { kind: 'leave', reason: expect.stringMatching(/moved since/) },
    ],
    [
      'already gone: leave it',
      { created: false, from: sha('o'), to: sha('n') },
      undefined,
      { kind: 'leave', reason: expect.stringMatching(/already gone/) },
    ],
  ])('%s', (_name, written, headNow, expected) => {
    expect(planRollback({ branch: 'b', ...written }, headNow)).toMatchObject(expected)
  })

  it('a PR opened after all (its answer was lost) keeps the branch', () => {
    expect(planRollback({ branch: 'b', created: true, to: sha('n') }, sha('n'), 3)).toMatchObject({
      kind: 'leave',
      reason: 'pull request #3 was opened after all: b is kept for it',
    })
  })
})
