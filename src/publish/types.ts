import type { Logger } from '../logging.js'
import type { Client } from '../github/client.js'
import type { BasePage } from './read-page.js'

export type { Logger }

export interface PublishOptions {
  owner: string
  repo: string
  /** The base branch; undefined means the repository's default branch. */
  base?: string | undefined
  branch: string
  path: string
  /** The page as read from the base (`readPageFromBase`), when the caller already has it. */
  page?: BasePage
  /** The open pull request from `branch` (`findOpenPull`), when the caller already looked:
   * null when there is none. */
  openPull?: Pull | null
  /** The base's head as the runner saw it when the run was triggered (`baseHint`): a first run
   * creates its branch there without reading the base, and an update whose branch already has
   * it writes without reading the branch. Undefined: the run reads them. */
  baseHint?: BaseHint | undefined
  /** Pure edit of the page as it is on the base; called again if the base moves. */
  edit: (baseText: string) => { text: string; changed: boolean }
  title: string
  body: string
  commitMessage: string
  labels: string[]
  reviewers: string[]
  assignees: string[]
  draft: boolean
  author?: { name: string; email: string } | undefined
  committer?: { name: string; email: string } | undefined
  onHumanEdit: 'skip' | 'rebase-onto'
  dryRun: boolean
}

/** A base branch and its head commit, from the runner rather than from a read. */
export interface BaseHint {
  name: string
  sha: string
}

/** What the Action's inputs decide about publishing (config reads them; the job adds the page,
 * the edit and the texts): one type, so config and publish cannot drift apart. */
export type PublishSettings = Pick<
  PublishOptions,
  | 'branch'
  | 'labels'
  | 'reviewers'
  | 'assignees'
  | 'draft'
  | 'author'
  | 'committer'
  | 'onHumanEdit'
  | 'dryRun'
>

export interface PullInfo {
  number: number
  url: string
  title: string
  body: string
  head: string
  base: string
}

export interface PublishResult {
  operation: 'created' | 'updated' | 'closed' | 'none'
  changed: boolean
  pullRequest?: PullInfo
  commitSha?: string
  diff: string
  message: string
  /** What went differently from what was asked (shown as warnings in the log and summary). */
  warnings: string[]
  /** What the run did besides the edit that the reader should know (rollbacks, fallbacks). */
  notes: string[]
}

export type Pull = Awaited<ReturnType<Client['rest']['pulls']['list']>>['data'][number]
type CreatedPull = Awaited<ReturnType<Client['rest']['pulls']['create']>>['data']

/** What publishing needs of a pull request, from a listing or a write. */
export interface PullView extends PullInfo {
  /** The head commit GitHub reports (it keeps the last one when the branch is deleted). */
  headSha: string
}

export function pullView(pr: Pull | CreatedPull): PullView {
  return {
    number: pr.number,
    url: pr.html_url,
    title: pr.title,
    body: pr.body ?? '',
    head: pr.head.ref,
    base: pr.base.ref,
    headSha: pr.head.sha,
  }
}

export function pullInfo(pr: PullView): PullInfo {
  const { headSha: _, ...info } = pr
  return info
}

/** Extras applied after the pull request exists; a failed one is retried by the next run. */
export type Extra = 'labels' | 'assignees' | 'reviewers'
