import { createTwoFilesPatch } from 'diff'
import type { Logger } from '../logging.js'
import { NowPageError } from '../errors.js'
import { httpStatus, type Client } from '../github/client.js'
import { branchHead, readPageFromBase, readText, type BasePage } from './read-page.js'
import { gitBlobSha, readRefreshState, withRefreshState } from './refresh-state.js'

/** Every commit the Action makes carries this trailer; a commit on its branch without it was
 * made by someone else, and is never overwritten. */
export const TRAILER = 'Now-Page-Action: refresh'

export interface PublishOptions {
  owner: string
  repo: string
  /** The base branch; undefined means the repository's default branch. */
  base?: string
  branch: string
  path: string
  /** The page as read from the base (`readPageFromBase`), when the caller already has it. */
  page?: BasePage
  /** The open pull request from `branch` (`findOpenPull`), when the caller already looked:
   * null when there is none. */
  openPull?: Pull | null
  /** Pure edit of the page as it is on the base; called again if the base moves. */
  edit: (baseText: string) => { text: string; changed: boolean }
  title: string
  body: string
  commitMessage: string
  labels: string[]
  reviewers: string[]
  assignees: string[]
  draft: boolean
  author?: { name: string; email: string }
  committer?: { name: string; email: string }
  onHumanEdit: 'skip' | 'rebase-onto'
  dryRun: boolean
}

export interface PublishResult {
  operation: 'created' | 'updated' | 'closed' | 'none'
  changed: boolean
  pullRequest?: {
    number: number
    url: string
    title: string
    body: string
    head: string
    base: string
  }
  commitSha?: string
  diff: string
  message: string
  warnings: string[]
}

export type Pull = Awaited<ReturnType<Client['rest']['pulls']['list']>>['data'][number]

const PERMISSIONS_BLOCK = 'permissions:\n  contents: write\n  pull-requests: write'

/**
 * Publishes the edit as one pull request from a fixed branch: creates it, updates it, closes it
 * when the base already has the change, or does nothing. Writes go through the Git Data API
 * (blob, tree, commit, ref), so no clone is needed and the commit is verified.
 */
export async function publish(
  client: Client,
  o: PublishOptions,
  log: Logger,
): Promise<PublishResult> {
  try {
    return await publishOnce(client, o, log, 0)
  } catch (error) {
    throw explainWriteError(error, o)
  }
}

async function publishOnce(
  client: Client,
  o: PublishOptions,
  log: Logger,
  attempt: number,
): Promise<PublishResult> {
  const { owner, repo } = o
  const warnings: string[] = []
  // Round 1, unless the caller made it alongside the activity reads: the page and the PR.
  const [page, openPr] = await Promise.all([
    attempt === 0 && o.page ? o.page : readPageFromBase(client, { ...o, paths: [o.path] }),
    attempt === 0 && o.openPull !== undefined ? (o.openPull ?? undefined) : findOpenPull(client, o),
  ])
  let baseText = page.text
  let edited = o.edit(baseText)
  const state = openPr ? readRefreshState(openPr.body) : undefined
  const diffOf = () =>
    edited.changed ? createTwoFilesPatch(`a/${o.path}`, `b/${o.path}`, baseText, edited.text) : ''

  // The two outcomes of most scheduled runs, decided without another request.
  if (!edited.changed && !openPr) {
    return {
      operation: 'none',
      changed: false,
      diff: '',
      warnings,
      message: `${o.path} is up to date: nothing new since the last refresh.`,
    }
  }
  if (
    openPr &&
    edited.changed &&
    state?.head === openPr.head.sha &&
    state.basePage === page.blobSha &&
    state.page === gitBlobSha(edited.text)
  ) {
    return {
      operation: 'none',
      changed: true,
      diff: diffOf(),
      warnings,
      pullRequest: pullInfo(openPr),
      message: `#${openPr.number} already proposes this refresh.`,
    }
  }

  // A dry run with no PR open only needs to know whether a branch is in the way.
  if (o.dryRun && edited.changed && !openPr && !(await branchHead(client, owner, repo, o.branch))) {
    return {
      operation: 'none',
      changed: true,
      diff: diffOf(),
      warnings,
      message: `dry run: ${o.path} would be refreshed (a pull request opened).`,
    }
  }

  // Round 2: the base's head (and its name, when neither the input nor the PR gives it), and
  // the branch's head when there is no PR to tell it.
  const baseRef = o.base ?? openPr?.base.ref
  const [base, baseCommit, branchSha] = await Promise.all([
    baseRef ?? defaultBranch(client, owner, repo),
    baseHead(client, o, baseRef),
    openPr ? openPr.head.sha : branchHead(client, owner, repo, o.branch),
  ])
  const baseSha = baseCommit.sha
  const oursOnly = branchSha === undefined || state?.head === branchSha
  // Round 3: the page at that exact base commit (round 1 read the branch by name, and a push
  // may have come between), who made the branch's commits, the page on the branch when no
  // state vouches for it, and, when the commit will go on the base, its tree (a spare tree
  // object is harmless; making it now saves a round trip).
  const [atBase, branch, onBranch, speculativeTree] = await Promise.all([
    readText(client, { owner, repo, path: o.path, ref: baseSha }),
    branchSha ? branchState(client, o, baseSha, branchSha) : undefined,
    branchSha && !(state?.head === branchSha)
      ? readText(client, { owner, repo, path: o.path, ref: branchSha })
      : undefined,
    edited.changed && oursOnly && !o.dryRun
      ? createTree(client, o, baseCommit.tree, edited.text)
      : undefined,
  ])
  if (atBase === undefined)
    throw new NowPageError(`${o.path} is not on ${base} any more`, { input: 'page-path' })
  let tree = speculativeTree
  if (atBase.sha !== page.blobSha) {
    log.info(`${base} changed ${o.path} since it was read: editing it as it is at ${baseSha}`)
    baseText = atBase.text
    edited = o.edit(baseText)
    tree = undefined
  }
  const diff = diffOf()
  const human = branch?.human ?? []
  const branchPage = onBranch?.text

  if (!edited.changed) {
    if (!openPr || o.dryRun) {
      return {
        operation: 'none',
        changed: false,
        diff,
        warnings,
        message: `${o.path} is up to date: nothing new since the last refresh.`,
      }
    }
    // The base already has what the PR proposes (merged, or edited by hand): the PR is stale.
    if (human.length > 0) {
      return {
        operation: 'none',
        changed: false,
        diff,
        warnings: [
          `${o.path} is up to date on ${base}, but ${openPr.html_url} has commits by someone else; it is left open`,
        ],
        message: `${o.path} is up to date; the open pull request has human commits and was left alone.`,
        pullRequest: pullInfo(openPr),
      }
    }
    await client.rest.issues.createComment({
      owner,
      repo,
      issue_number: openPr.number,
      body: `${base} already contains this refresh of \`${o.path}\`, so this pull request is no longer needed. Closing it and deleting \`${o.branch}\`.`,
    })
    await client.rest.pulls.update({ owner, repo, pull_number: openPr.number, state: 'closed' })
    if (branchSha) await client.rest.git.deleteRef({ owner, repo, ref: `heads/${o.branch}` })
    return {
      operation: 'closed',
      changed: false,
      diff,
      warnings,
      pullRequest: pullInfo(openPr),
      message: `${base} already has the change: closed #${openPr.number} and deleted ${o.branch}.`,
    }
  }

  // Where our commit goes: on the base, or on top of a human's commits on our branch.
  let parent = baseSha
  let parentTree = baseCommit.tree
  let text = edited.text
  let force = false
  if (branchSha && branch) {
    if (human.length > 0) {
      const link = openPr ? openPr.html_url : `the ${o.branch} branch`
      if (o.onHumanEdit === 'skip') {
        const message = `${link} has ${human.length} commit(s) by someone else (${human.map((c) => c.sha.slice(0, 7)).join(', ')}); it was not touched. Merge or close it, or set on-human-edit: rebase-onto.`
        return {
          operation: 'none',
          changed: true,
          diff,
          warnings: [message],
          message,
          ...(openPr ? { pullRequest: pullInfo(openPr) } : {}),
        }
      }
      const onBranchText =
        branchPage ??
        (await readText(client, { owner, repo, path: o.path, ref: branchSha }))?.text ??
        baseText
      const onTop = o.edit(onBranchText)
      if (!onTop.changed) {
        return {
          operation: 'none',
          changed: true,
          diff,
          warnings,
          message: `${link} already has the refresh on top of the human commits.`,
          ...(openPr ? { pullRequest: pullInfo(openPr) } : {}),
        }
      }
      parent = branchSha
      parentTree = (await client.rest.git.getCommit({ owner, repo, commit_sha: branchSha })).data
        .tree.sha
      text = onTop.text
      tree = undefined
    } else {
      const proposed =
        branchPage === undefined ? state?.page === gitBlobSha(edited.text) : branchPage === text
      if (proposed && openPr && branch.upToDate) {
        return {
          operation: 'none',
          changed: true,
          diff,
          warnings,
          pullRequest: pullInfo(openPr),
          message: `#${openPr.number} already proposes this refresh.`,
        }
      }
      force = true
    }
  }

  if (o.dryRun) {
    return {
      operation: 'none',
      changed: true,
      diff,
      warnings,
      message: `dry run: ${o.path} would be refreshed (${openPr ? `#${openPr.number} updated` : 'a pull request opened'}).`,
    }
  }

  const treeSha = tree ?? (await createTree(client, o, parentTree, text))
  // The branch is read again alongside the commit: a push since round 2 wins over our write.
  const [commitSha, nowBranch] = await Promise.all([
    createCommit(client, o, treeSha, parent),
    branchSha ? branchHead(client, owner, repo, o.branch) : Promise.resolve(undefined),
  ])
  if (nowBranch !== branchSha) {
    if (attempt > 0)
      throw new NowPageError(
        `${o.branch} keeps moving while the Action writes; nothing was changed`,
        {
          hint: 'Re-run the workflow',
        },
      )
    log.info(`${o.branch} moved meanwhile: reading it again`)
    return publishOnce(client, o, log, attempt + 1)
  }
  try {
    if (branchSha) {
      await client.rest.git.updateRef({
        owner,
        repo,
        ref: `heads/${o.branch}`,
        sha: commitSha,
        force,
      })
    } else {
      await client.rest.git.createRef({
        owner,
        repo,
        ref: `refs/heads/${o.branch}`,
        sha: commitSha,
      })
    }
  } catch (error) {
    const status = httpStatus(error)
    if (
      (status === 422 || status === 409) &&
      attempt === 0 &&
      !/protected/i.test(errorText(error))
    ) {
      log.info(`updating ${o.branch} was refused (${status}): reading it again`)
      return publishOnce(client, o, log, attempt + 1)
    }
    throw error
  }

  const body = withRefreshState(o.body, {
    head: commitSha,
    basePage: atBase.sha,
    page: gitBlobSha(text),
  })
  if (openPr) {
    const { data: pr } = await client.rest.pulls.update({
      owner,
      repo,
      pull_number: openPr.number,
      title: o.title,
      body,
    })
    if (o.labels.length)
      await client.rest.issues.addLabels({ owner, repo, issue_number: pr.number, labels: o.labels })
    return {
      operation: 'updated',
      changed: true,
      diff,
      warnings,
      commitSha,
      pullRequest: pullInfo(pr),
      message: `Updated #${pr.number} with the refreshed ${o.path}.`,
    }
  }
  const pr = await createPull(client, o, base, body)
  if (o.labels.length)
    await client.rest.issues.addLabels({ owner, repo, issue_number: pr.number, labels: o.labels })
  if (o.assignees.length)
    await client.rest.issues.addAssignees({
      owner,
      repo,
      issue_number: pr.number,
      assignees: o.assignees,
    })
  if (o.reviewers.length) {
    try {
      await client.rest.pulls.requestReviewers({
        owner,
        repo,
        pull_number: pr.number,
        reviewers: o.reviewers,
      })
    } catch (error) {
      warnings.push(`could not request reviews from ${o.reviewers.join(', ')}: ${errorText(error)}`)
    }
  }
  return {
    operation: 'created',
    changed: true,
    diff,
    warnings,
    commitSha,
    pullRequest: pullInfo(pr),
    message: `Opened #${pr.number} to refresh ${o.path}.`,
  }
}

async function defaultBranch(client: Client, owner: string, repo: string): Promise<string> {
  return (await client.rest.repos.get({ owner, repo })).data.default_branch
}

/** The base's head commit and its tree, in one request (`HEAD` is the default branch). */
async function baseHead(
  client: Client,
  o: PublishOptions,
  ref: string | undefined,
): Promise<{ sha: string; tree: string }> {
  try {
    const { data } = await client.rest.repos.getCommit({
      owner: o.owner,
      repo: o.repo,
      ref: ref ?? 'HEAD',
    })
    return { sha: data.sha, tree: data.commit.tree.sha }
  } catch (error) {
    if (httpStatus(error) === 404 || httpStatus(error) === 422)
      throw new NowPageError(`branch '${ref ?? 'HEAD'}' does not exist in ${o.owner}/${o.repo}`, {
        input: 'base',
        hint: 'Set base to an existing branch, or leave it empty for the default branch',
      })
    throw error
  }
}

async function createPull(client: Client, o: PublishOptions, base: string, body: string) {
  try {
    return (
      await client.rest.pulls.create({
        owner: o.owner,
        repo: o.repo,
        head: o.branch,
        base,
        title: o.title,
        body,
        draft: o.draft,
      })
    ).data
  } catch (error) {
    // Another run opened it a moment ago: use that one.
    if (httpStatus(error) === 422 && /already exists/i.test(errorText(error))) {
      const existing = await findOpenPull(client, o)
      if (existing)
        return (
          await client.rest.pulls.update({
            owner: o.owner,
            repo: o.repo,
            pull_number: existing.number,
            title: o.title,
            body,
          })
        ).data
    }
    throw error
  }
}

/** A tree: `baseTree` with the page replaced. The text goes inline (no blob request). */
async function createTree(
  client: Client,
  o: PublishOptions,
  baseTree: string,
  text: string,
): Promise<string> {
  const { data } = await client.rest.git.createTree({
    owner: o.owner,
    repo: o.repo,
    base_tree: baseTree,
    tree: [{ path: o.path, mode: '100644', type: 'blob', content: text }],
  })
  return data.sha
}

async function createCommit(
  client: Client,
  o: PublishOptions,
  tree: string,
  parent: string,
): Promise<string> {
  const { data } = await client.rest.git.createCommit({
    owner: o.owner,
    repo: o.repo,
    tree,
    parents: [parent],
    message: `${o.commitMessage}\n\n${TRAILER}`,
    ...(o.author ? { author: o.author } : {}),
    ...(o.committer ? { committer: o.committer } : {}),
  })
  return data.sha
}

/** The open pull request from the Action's branch (to `base`, when one is set). */
export async function findOpenPull(
  client: Client,
  o: { owner: string; repo: string; branch: string; base?: string },
): Promise<Pull | undefined> {
  const { data } = await client.rest.pulls.list({
    owner: o.owner,
    repo: o.repo,
    head: `${o.owner}:${o.branch}`,
    ...(o.base ? { base: o.base } : {}),
    state: 'open',
    per_page: 10,
  })
  return data[0]
}

/** Commits on our branch since the base that the Action did not make, and whether the branch
 * already contains the base's head (one compare answers both). */
async function branchState(client: Client, o: PublishOptions, base: string, branchSha: string) {
  const { data } = await client.rest.repos.compareCommitsWithBasehead({
    owner: o.owner,
    repo: o.repo,
    basehead: `${base}...${branchSha}`,
  })
  return {
    human: data.commits.filter((c) => !c.commit.message.split('\n').includes(TRAILER)),
    upToDate: data.behind_by === 0,
  }
}

function pullInfo(pr: Pull | Awaited<ReturnType<Client['rest']['pulls']['create']>>['data']) {
  return {
    number: pr.number,
    url: pr.html_url,
    title: pr.title,
    body: pr.body ?? '',
    head: pr.head.ref,
    base: pr.base.ref,
  }
}

function errorText(error: unknown): string {
  const data = (
    error as { response?: { data?: { message?: string; errors?: Array<{ message?: string }> } } }
  ).response?.data
  return (
    [data?.message, ...(data?.errors ?? []).map((e) => e.message)].filter(Boolean).join(': ') ||
    (error instanceof Error ? error.message : String(error))
  )
}

/** A write refused for lack of permission becomes the fix the user needs. */
function explainWriteError(error: unknown, o: PublishOptions): unknown {
  const status = httpStatus(error)
  const text = errorText(error)
  if (status === 403 && /not accessible by integration|permission/i.test(text)) {
    const headers =
      (error as { response?: { headers?: Record<string, string> } }).response?.headers ?? {}
    const needed = headers['x-accepted-github-permissions'] ?? 'contents=write, pull_requests=write'
    return new NowPageError(
      `the token may not write to ${o.owner}/${o.repo} (403 ${text}; needs ${needed})`,
      {
        input: 'token',
        hint: `Add to the workflow (or the job):\n${PERMISSIONS_BLOCK}\nand, in the repository's Settings > Actions, allow GitHub Actions to create pull requests`,
      },
    )
  }
  if (status === 422 && /protected branch/i.test(text)) {
    return new NowPageError(`the branch '${o.branch}' is protected against this token (${text})`, {
      input: 'branch',
      hint: 'Use a branch name no protection rule matches (the default now-page/refresh), or allow the token to push to it',
    })
  }
  return error
}
