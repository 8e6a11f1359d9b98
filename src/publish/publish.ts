import { createTwoFilesPatch } from 'diff'
import type { Logger } from '../activity/read-activity.js'
import { NowPageError } from '../errors.js'
import { httpStatus, type Client } from '../github/client.js'
import { branchHead, readText } from './read-page.js'

/** Every commit the Action makes carries this trailer; a commit on its branch without it was
 * made by someone else, and is never overwritten. */
export const TRAILER = 'Now-Page-Action: refresh'

export interface PublishOptions {
  owner: string
  repo: string
  base: string
  branch: string
  path: string
  /** The page and the commit it was read at, when the caller already has them. */
  baseText?: string
  baseSha?: string
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

type Pull = Awaited<ReturnType<Client['rest']['pulls']['list']>>['data'][number]

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
  const baseSha =
    (attempt === 0 ? o.baseSha : undefined) ?? (await branchHead(client, owner, repo, o.base))
  if (!baseSha)
    throw new NowPageError(`branch '${o.base}' does not exist in ${owner}/${repo}`, {
      input: 'base',
    })
  const baseText =
    (attempt === 0 ? o.baseText : undefined) ??
    (await readText(client, { owner, repo, path: o.path, ref: baseSha }))?.text
  if (baseText === undefined)
    throw new NowPageError(`${o.path} is not on ${o.base} any more`, { input: 'page-path' })

  const edited = o.edit(baseText)
  const [branchSha, openPr] = await Promise.all([
    branchHead(client, owner, repo, o.branch),
    findOpenPull(client, o),
  ])
  const diff = edited.changed
    ? createTwoFilesPatch(`a/${o.path}`, `b/${o.path}`, baseText, edited.text)
    : ''

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
    const human = branchSha ? await humanCommits(client, o, branchSha) : []
    if (human.length > 0) {
      return {
        operation: 'none',
        changed: false,
        diff,
        warnings: [
          `${o.path} is up to date on ${o.base}, but ${openPr.html_url} has commits by someone else; it is left open`,
        ],
        message: `${o.path} is up to date; the open pull request has human commits and was left alone.`,
        pullRequest: pullInfo(openPr),
      }
    }
    await client.rest.issues.createComment({
      owner,
      repo,
      issue_number: openPr.number,
      body: `${o.base} already contains this refresh of \`${o.path}\`, so this pull request is no longer needed. Closing it and deleting \`${o.branch}\`.`,
    })
    await client.rest.pulls.update({ owner, repo, pull_number: openPr.number, state: 'closed' })
    if (branchSha) await client.rest.git.deleteRef({ owner, repo, ref: `heads/${o.branch}` })
    return {
      operation: 'closed',
      changed: false,
      diff,
      warnings,
      pullRequest: pullInfo(openPr),
      message: `${o.base} already has the change: closed #${openPr.number} and deleted ${o.branch}.`,
    }
  }

  // Where our commit goes: on the base, or on top of a human's commits on our branch.
  let parent = baseSha
  let text = edited.text
  let force = false
  if (branchSha) {
    const [onBranch, { human, upToDate }] = await Promise.all([
      readText(client, { owner, repo, path: o.path, ref: branchSha }),
      branchState(client, o, baseSha, branchSha),
    ])
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
      const onTop = o.edit(onBranch?.text ?? baseText)
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
      text = onTop.text
    } else {
      if (onBranch?.text === edited.text && openPr && upToDate) {
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

  const commitSha = await writeCommit(client, o, parent, text)
  // Re-check right before moving the branch: a push or a base move since we looked wins.
  const [nowBase, nowBranch] = await Promise.all([
    parent === baseSha ? branchHead(client, owner, repo, o.base) : Promise.resolve(baseSha),
    branchHead(client, owner, repo, o.branch),
  ])
  if (nowBase !== baseSha || nowBranch !== branchSha) {
    if (attempt > 0)
      throw new NowPageError(
        `${o.base} or ${o.branch} keeps moving while the Action writes; nothing was changed`,
        { hint: 'Re-run the workflow' },
      )
    log.info(`${nowBase !== baseSha ? o.base : o.branch} moved meanwhile: reading it again`)
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

  if (openPr) {
    const { data: pr } = await client.rest.pulls.update({
      owner,
      repo,
      pull_number: openPr.number,
      title: o.title,
      body: o.body,
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
  const pr = await createPull(client, o)
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

async function createPull(client: Client, o: PublishOptions) {
  try {
    return (
      await client.rest.pulls.create({
        owner: o.owner,
        repo: o.repo,
        head: o.branch,
        base: o.base,
        title: o.title,
        body: o.body,
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
            body: o.body,
          })
        ).data
    }
    throw error
  }
}

async function writeCommit(
  client: Client,
  o: PublishOptions,
  parent: string,
  text: string,
): Promise<string> {
  const { owner, repo } = o
  const { data: parentCommit } = await client.rest.git.getCommit({
    owner,
    repo,
    commit_sha: parent,
  })
  const { data: blob } = await client.rest.git.createBlob({
    owner,
    repo,
    content: Buffer.from(text).toString('base64'),
    encoding: 'base64',
  })
  const { data: tree } = await client.rest.git.createTree({
    owner,
    repo,
    base_tree: parentCommit.tree.sha,
    tree: [{ path: o.path, mode: '100644', type: 'blob', sha: blob.sha }],
  })
  const { data: commit } = await client.rest.git.createCommit({
    owner,
    repo,
    tree: tree.sha,
    parents: [parent],
    message: `${o.commitMessage}\n\n${TRAILER}`,
    ...(o.author ? { author: o.author } : {}),
    ...(o.committer ? { committer: o.committer } : {}),
  })
  return commit.sha
}

async function findOpenPull(client: Client, o: PublishOptions): Promise<Pull | undefined> {
  const { data } = await client.rest.pulls.list({
    owner: o.owner,
    repo: o.repo,
    head: `${o.owner}:${o.branch}`,
    base: o.base,
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

async function humanCommits(client: Client, o: PublishOptions, branchSha: string) {
  return (await branchState(client, o, o.base, branchSha)).human
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
