import type { ForgeKind } from '../../config/forges.js'
import type { Limit } from '../limit.js'
import type { CommitActivity } from '../types.js'

/** The read window and the run's shared bound on requests in flight. */
export interface Window {
  /** Start of the window, ISO 8601 to the second (UTC). */
  sinceIso: string
  start: number
  now: Date
  limit: Limit
  /** Iterates pages with each page's request taken under `limit`. */
  limited<T>(pages: AsyncIterable<T>): AsyncIterable<T>
}

/** A merged MR/PR as a forge lists it, before the window and repository filters. */
export interface MergedItem {
  repo: string
  number: number
  title: string
  url: string
  mergedAt: string
  /** Login of its author, as the forge says. */
  author: string
}

export interface ProjectRead {
  /** The project's web page. */
  url: string
  /** The author's commits in the window, newest first. */
  commits: CommitActivity[]
  count: number
  paths?: string[]
}

/** What the Action reads from one kind of forge. */
export interface ForgeReader {
  kind: ForgeKind
  /** Merged MRs/PRs authored by the account, across the forge (needs a token). */
  mergedByAccount(window: Window): Promise<MergedItem[]>
  /** Merged MRs/PRs authored by the account in one repository (public API). */
  mergedInRepo(repo: string, window: Window): Promise<MergedItem[]>
  project(repo: string, window: Window, withPaths: boolean): Promise<ProjectRead>
}
