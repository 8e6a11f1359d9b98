import { readFileSync } from 'node:fs'
import { schemaValidator } from '../json-schema/validator.js'
import schema from '../../schema/scenario.schema.json' with { type: 'json' }
import { NowPageError } from '../errors.js'
import type { ScenarioForge } from './forges/types.js'

/** A scenario seeds the emulator: who exists, which repositories hold what, and what goes wrong.
 * JSON Schema: schema/scenario.schema.json. */
export interface Scenario {
  /** The emulator's clock: every timestamp it makes derives from it. */
  now: string
  viewer?: string
  /** The website repository the Action runs in (default: the first repository with files). */
  repository?: string
  tokens: Record<string, ScenarioToken>
  users?: ScenarioUser[]
  repos: ScenarioRepo[]
  /** Action inputs the demo passes (`page-path`, `side-projects`, ...). */
  inputs?: Record<string, string>
  faults?: Fault[]
  /** GitLab and Forgejo instances served beside GitHub, under `/{host}/api/v4|v1`. */
  forges?: ScenarioForge[]
}

export type Permission = 'none' | 'read' | 'write'

export interface ScenarioToken {
  login: string
  permissions?: { contents?: Permission; pull_requests?: Permission }
  /** Requests an hour in the core bucket (default 5000). */
  rateLimit?: number
  /** Requests left in the core bucket (default: the limit). */
  rateLimitRemaining?: number
  /** Epoch seconds the core bucket resets at (default: an hour after the token's first use). */
  rateLimitReset?: number
  /** Requests a minute in the search bucket (default 30, GitHub's). */
  searchRateLimit?: number
  searchRateLimitRemaining?: number
  /** Epoch seconds the search bucket resets at (default: a minute after the token's first use). */
  searchRateLimitReset?: number
  /** The status of an exhausted primary limit: GitHub sends 403 or 429 (default 403). */
  rateLimitStatus?: 403 | 429
  /** A fine-grained personal access token: a missing permission says so. */
  fineGrained?: boolean
  /** An app installation token, like GITHUB_TOKEN: GET /user answers 403. */
  installation?: boolean
}

export interface ScenarioUser {
  login: string
  name?: string
  type?: 'User' | 'Organization' | 'Bot'
  emails?: string[]
}

export interface ScenarioCommit {
  sha?: string
  /** Login of the author; their first email is used. */
  author?: string | null
  /** An email no account is linked to: the API shows `author: null`. */
  authorEmail?: string
  authorName?: string
  /** Login of a committer other than the author (`null`: an email no account is linked to). */
  committer?: string | null
  /** When it was committed, if not when it was written (`date`). */
  committedDate?: string
  date: string
  message: string
  paths?: string[]
}

export interface ScenarioPull {
  number: number
  author: string
  title: string
  state: 'open' | 'closed'
  createdAt: string
  mergedAt?: string | null
  closedAt?: string | null
}

export interface ScenarioRepo {
  fullName: string
  defaultBranch?: string
  ownerType?: 'User' | 'Organization'
  private?: boolean
  files?: Record<string, string>
  languages?: Record<string, number>
  commits?: ScenarioCommit[]
  pulls?: ScenarioPull[]
  protectedBranches?: string[]
  /** Settings → Actions → General → "Allow GitHub Actions to create and approve pull requests"
   * (default true here; off by default on new github.com repositories). */
  allowActionsToCreatePullRequests?: boolean
  /** The plan allows draft pull requests here (default true). */
  draftPullRequests?: boolean
  /** Who may be asked for review besides the owner (default: every known user). */
  collaborators?: string[]
  /** No commit at all: Git data answers 409. */
  empty?: boolean
  /** Labels that exist before the run (others are created when added by name). */
  labels?: Array<{ name: string; color: string; description?: string }>
}

export interface Fault {
  method?: string
  /** A path without the query; `*` matches one path segment, `**` any number. */
  path: string
  status?: number
  /** How many matching requests fail (default 1). */
  times?: number
  /** Let this many matching requests through first. */
  after?: number
  /** Seconds, sent as `retry-after`; with 403 this is a secondary rate limit. */
  retryAfter?: number
  latencyMs?: number
  /** Destroy the connection without an answer. */
  drop?: boolean
  body?: unknown
  /** GitHub's secondary rate limit: its wording, 403 unless `status` says 429. */
  secondaryRateLimit?: boolean
}

/** Validates a scenario against schema/scenario.schema.json, naming the first wrong field by its
 * path and the file it came from. */
const validateScenario = schemaValidator<Scenario>(schema, {
  root: 'scenario',
  hint: 'See schema/scenario.schema.json',
  // An instant `Date.parse` reads, written as ISO 8601 with a time.
  formats: { 'date-time': (v) => /^\d{4}-\d{2}-\d{2}T/.test(v) && !Number.isNaN(Date.parse(v)) },
})

export function parseScenario(json: unknown, source = 'scenario'): Scenario {
  return validateScenario(json, source)
}

export function loadScenario(path: string): Scenario {
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch (e) {
    throw new NowPageError(
      `cannot read the scenario: ${(e as NodeJS.ErrnoException).code ?? String(e)}`,
      { file: path },
    )
  }
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (e) {
    throw new NowPageError(`the scenario is not JSON: ${(e as Error).message}`, { file: path })
  }
  return parseScenario(json, path)
}
