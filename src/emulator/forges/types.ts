import type { Fault } from '../scenario.js'

/**
 * A GitLab (API v4) or Forgejo/Gitea (API v1) instance the emulator serves under
 * `{emulatorUrl}/{host}/api/v4|v1`. JSON Schema: `forges` in schema/scenario.schema.json.
 */
export interface ScenarioForge {
  kind: 'gitlab' | 'forgejo'
  /** The instance's host (`gitlab.gnome.org`): the path prefix and the host of every web URL. */
  host: string
  /** Forgejo's `GET /version` answer (default `11.0.1+gitea-1.22.0`). */
  version?: string
  /** Token value → who it belongs to. GitLab reads `PRIVATE-TOKEN` (or `Authorization:
   * Bearer`), Forgejo `Authorization: token` (or `Bearer`). */
  tokens?: Record<string, ForgeToken>
  users?: Array<{ login: string; name?: string; email?: string }>
  projects?: ForgeProject[]
  /** Requests a window allows per token (anonymous requests share one bucket). */
  rateLimit?: ForgeRateLimit
  /** Every request fails: a status (default 503) or a dropped connection. */
  outage?: { status?: number; drop?: boolean }
  /** Milliseconds every answer of this forge waits. */
  latencyMs?: number
  /** As the GitHub faults, with paths under the API root (`/merge_requests`,
   * `/projects/*\/repository/commits`, `/repos/*\/*\/commits`). */
  faults?: Fault[]
}

export interface ForgeToken {
  login: string
  /** What the token may do (default: everything). GitLab: `read_api` or `api` to read;
   * Forgejo: `read:issue` for the issue search, `read:repository` for repositories (`write:`
   * and `all` include them). A missing scope answers 403. */
  scopes?: string[]
}

export interface ForgeRateLimit {
  /** Requests per window (GitLab.com: 2000 a minute for a token, 500 anonymous). */
  limit: number
  /** Requests left in the first window (default: the limit). */
  remaining?: number
  /** Window length in seconds (default 60). */
  windowSeconds?: number
}

export interface ForgeProject {
  /** Full path: `GNOME/gnome-shell`, `group/sub/project` (GitLab), `owner/repo` (Forgejo). */
  path: string
  defaultBranch?: string
  /** Default `public`. `internal` (GitLab) is visible to any signed-in user. */
  visibility?: 'public' | 'internal' | 'private'
  /** Logins who can see a private project besides its owner namespace's user. */
  members?: string[]
  description?: string
  /** Paths in the default branch's tree besides those the commits touch. */
  files?: string[]
  /** Commits on the default branch, in any order (listed newest first). */
  commits?: ForgeCommit[]
  /** Merge requests (GitLab) or pull requests (Forgejo). */
  pulls?: ForgePull[]
}

export interface ForgeCommit {
  sha?: string
  /** Login of the author (their name and email are used). */
  author?: string
  authorName?: string
  authorEmail?: string
  /** When written (ISO, offset kept as given). */
  date: string
  /** When committed (default: `date`); `since` filters on it. */
  committedDate?: string
  message: string
  paths?: string[]
}

export interface ForgePull {
  /** GitLab `iid`, Forgejo `number`. */
  number: number
  author: string
  title: string
  /** Default: `merged` with `mergedAt`, `closed` with `closedAt`, else `open`. */
  state?: 'open' | 'closed' | 'merged'
  createdAt: string
  updatedAt?: string
  mergedAt?: string
  closedAt?: string
  description?: string
  targetBranch?: string
  sourceBranch?: string
}
