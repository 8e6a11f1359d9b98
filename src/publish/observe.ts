import { NowPageError } from '../errors.js'
import { httpStatus, type Client } from '../github/client.js'
import { readPageFromBase, readText, type BasePage } from './read-page.js'
import { readRefreshState, type RefreshState } from './refresh-state.js'
import { pullView, type Pull, type PublishOptions, type PullView } from './types.js'

/** Marks every commit the Action makes; a commit on its branch without it is someone else's. */
export const TRAILER = 'Now-Page-Action: refresh'

/** Round 1: the page on the base (read by name) and the open pull request from the branch. */
export interface Listing {
  page: BasePage
  pull?: PullView | undefined
  state?: RefreshState | undefined
}

/** Everything the plan decides from: the listing, then the base, the branch and its history. */
export interface Observed extends Listing {
  /** The base's name (the input, the PR's base, or the default branch). */
  base: string
  defaultBranch: string
  baseCommit: { sha: string; tree: string }
  /** The page at exactly `baseCommit`; undefined when it was deleted since round 1. */
  atBase?: { text: string; sha: string } | undefined
  /** The Action's branch; undefined when it does not exist. */
  branch?: { sha: string; tree: string; protected: boolean } | undefined
  /** Commits on the branch since the base that the Action did not make (short shas). */
  human: string[]
  /** The branch already contains the base's head. */
  upToDate: boolean
  /** The page on the branch (null: not there); undefined when there is no branch. Always read:
   * the hidden state in the PR body is never trusted for what a write builds on. */
  branchPage?: string | null | undefined
}

export async function readListing(
  client: Client,
  o: PublishOptions,
  reuse: boolean,
): Promise<Listing> {
  const [page, pull] = await Promise.all([
    reuse && o.page ? o.page : readPageFromBase(client, { ...o, paths: [o.path] }),
    reuse && o.openPull !== undefined ? (o.openPull ?? undefined) : findOpenPull(client, o),
  ])
  const view = pull ? pullView(pull) : undefined
  return { page, pull: view, state: readRefreshState(view?.body) }
}

/** Rounds 2 and 3: the base's head, the default branch, the Action's branch, then the page at
 * that base commit, the branch's history and the page on the branch. */
export async function observe(
  client: Client,
  o: PublishOptions,
  listing: Listing,
): Promise<Observed> {
  const { owner, repo } = o
  const baseRef = o.base ?? listing.pull?.base
  const [defaultBranch, baseCommit, branch] = await Promise.all([
    client.rest.repos.get({ owner, repo }).then((r) => r.data.default_branch),
    baseHead(client, o, baseRef),
    readBranch(client, owner, repo, o.branch),
  ])
  const [atBase, history, onBranch] = await Promise.all([
    readText(client, { owner, repo, path: o.path, ref: baseCommit.sha }),
    branch ? branchHistory(client, o, baseCommit.sha, branch.sha) : undefined,
    branch ? readText(client, { owner, repo, path: o.path, ref: branch.sha }) : undefined,
  ])
  return {
    ...listing,
    base: baseRef ?? defaultBranch,
    defaultBranch,
    baseCommit,
    atBase,
    branch,
    human: history?.human ?? [],
    upToDate: history?.upToDate ?? true,
    branchPage: branch ? (onBranch?.text ?? null) : undefined,
  }
}

/** The open pull request from the Action's branch (to `base`, when one is set). */
export async function findOpenPull(
  client: Client,
  o: { owner: string; repo: string; branch: string; base?: string | undefined },
  request?: { signal: AbortSignal },
): Promise<Pull | undefined> {
  const { data } = await client.rest.pulls.list({
    ...(request ? { request } : {}),
    owner: o.owner,
    repo: o.repo,
    head: `${o.owner}:${o.branch}`,
    ...(o.base ? { base: o.base } : {}),
    state: 'open',
    per_page: 10,
  })
  return data[0]
}

/** The branch's head, its tree and protection; undefined when the branch does not exist. */
export async function readBranch(
  client: Client,
  owner: string,
  repo: string,
  branch: string,
  request?: { signal: AbortSignal },
): Promise<{ sha: string; tree: string; protected: boolean } | undefined> {
  try {
    const { data } = await client.rest.repos.getBranch({
      owner,
      repo,
      branch,
      ...(request ? { request } : {}),
    })
    return { sha: data.commit.sha, tree: data.commit.commit.tree.sha, protected: data.protected }
  } catch (error) {
    if (httpStatus(error) === 404) return undefined
    throw error
  }
}

/** The base's head commit and its tree, in one request (`HEAD` is the default branch). */
async function baseHead(client: Client, o: PublishOptions, ref: string | undefined) {
  try {
    const { data } = await client.rest.repos.getCommit({
      owner: o.owner,
      repo: o.repo,
      ref: ref ?? 'HEAD',
    })
    return { sha: data.sha, tree: data.commit.tree.sha }
  } catch (error) {
    if (httpStatus(error) === 404 || httpStatus(error) === 422) {
      throw new NowPageError(`branch '${ref ?? 'HEAD'}' does not exist in ${o.owner}/${o.repo}`, {
        input: 'base',
        hint: 'Set base to an existing branch, or leave it empty for the default branch',
      })
    }
    throw error
  }
}

/** Commits on the branch since the base that the Action did not make, and whether the branch
 * already contains the base's head (one compare answers both). */
async function branchHistory(client: Client, o: PublishOptions, base: string, head: string) {
  const { data } = await client.rest.repos.compareCommitsWithBasehead({
    owner: o.owner,
    repo: o.repo,
    basehead: `${base}...${head}`,
  })
  return {
    human: data.commits
      .filter((c) => !c.commit.message.split('\n').includes(TRAILER))
      .map((c) => c.sha.slice(0, 7)),
    upToDate: data.behind_by === 0,
  }
}
