import { readFileSync } from 'node:fs'
import { NowPageError } from '../errors.js'

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
}

export type Permission = 'none' | 'read' | 'write'

export interface ScenarioToken {
  login: string
  permissions?: { contents?: Permission; pull_requests?: Permission }
  /** Requests left in the primary rate limit (default 5000). */
  rateLimitRemaining?: number
  /** Epoch seconds the primary limit resets at (default: an hour after the emulator starts). */
  rateLimitReset?: number
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
  author?: string
  /** An email no account is linked to: the API shows `author: null`. */
  authorEmail?: string
  authorName?: string
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
}

type Check = (v: unknown, path: string) => void

/** Validates a scenario, naming the first wrong field by its path. */
export function parseScenario(json: unknown, source = 'scenario'): Scenario {
  const fail = (path: string, expected: string, got: unknown): never => {
    throw new NowPageError(
      `${path}: expected ${expected}, got ${JSON.stringify(got) ?? 'nothing'}`,
      {
        file: source,
        hint: 'See schema/scenario.schema.json',
      },
    )
  }
  const isObj = (v: unknown): v is Record<string, unknown> =>
    typeof v === 'object' && v !== null && !Array.isArray(v)
  const obj: Check = (v, p) => {
    if (!isObj(v)) fail(p, 'an object', v)
  }
  const str: Check = (v, p) => {
    if (typeof v !== 'string' || v === '') fail(p, 'a non-empty string', v)
  }
  const instant: Check = (v, p) => {
    if (typeof v !== 'string' || !/^\d{4}-\d{2}-\d{2}T/.test(v) || Number.isNaN(Date.parse(v))) {
      fail(p, 'an ISO date-time', v)
    }
  }
  const optional =
    (check: Check): Check =>
    (v, p) => {
      if (v !== undefined && v !== null) check(v, p)
    }
  const array =
    (check: Check): Check =>
    (v, p) => {
      if (!Array.isArray(v)) return fail(p, 'an array', v)
      v.forEach((x, i) => check(x, `${p}[${i}]`))
    }
  const oneOf =
    (...values: string[]): Check =>
    (v, p) => {
      if (typeof v !== 'string' || !values.includes(v)) fail(p, `one of ${values.join(', ')}`, v)
    }
  const fields =
    (spec: Record<string, Check>, required: string[]): Check =>
    (v, p) => {
      obj(v, p)
      const o = v as Record<string, unknown>
      for (const key of required)
        if (o[key] === undefined) fail(`${p}.${key}`, 'a value (required)', undefined)
      for (const [key, value] of Object.entries(o)) {
        const check = spec[key]
        if (!check)
          fail(`${p}.${key}`, `no such field (known: ${Object.keys(spec).join(', ')})`, key)
        else check(value, `${p}.${key}`)
      }
    }
  const fullName: Check = (v, p) => {
    if (typeof v !== 'string' || !/^[\w.-]+\/[\w.-]+$/.test(v)) fail(p, 'owner/name', v)
  }
  const int: Check = (v, p) => {
    if (!Number.isInteger(v) || (v as number) < 0) fail(p, 'a whole number', v)
  }
  const record =
    (check: Check): Check =>
    (v, p) => {
      obj(v, p)
      for (const [k, x] of Object.entries(v as object)) check(x, `${p}.${k}`)
    }
  const permission = optional(oneOf('none', 'read', 'write'))
  fields(
    {
      $schema: optional(str),
      now: instant,
      viewer: optional(str),
      repository: optional(fullName),
      tokens: record(
        fields(
          {
            login: str,
            permissions: optional(fields({ contents: permission, pull_requests: permission }, [])),
            rateLimitRemaining: optional(int),
            rateLimitReset: optional(int),
            installation: optional((v, p) => typeof v !== 'boolean' && fail(p, 'true or false', v)),
          },
          ['login'],
        ),
      ),
      users: optional(
        array(
          fields(
            {
              login: str,
              name: optional(str),
              type: optional(oneOf('User', 'Organization', 'Bot')),
              emails: optional(array(str)),
            },
            ['login'],
          ),
        ),
      ),
      repos: array(
        fields(
          {
            fullName,
            defaultBranch: optional(str),
            ownerType: optional(oneOf('User', 'Organization')),
            private: optional((v, p) => typeof v !== 'boolean' && fail(p, 'true or false', v)),
            files: optional(record((v, p) => typeof v !== 'string' && fail(p, 'file text', v))),
            languages: optional(record(int)),
            commits: optional(
              array(
                fields(
                  {
                    sha: optional(
                      (v, p) =>
                        (typeof v !== 'string' || !/^[0-9a-f]{40}$/.test(v)) &&
                        fail(p, 'a 40-hex sha', v),
                    ),
                    author: optional(str),
                    authorEmail: optional(str),
                    authorName: optional(str),
                    date: instant,
                    message: str,
                    paths: optional(array(str)),
                  },
                  ['date', 'message'],
                ),
              ),
            ),
            pulls: optional(
              array(
                fields(
                  {
                    number: int,
                    author: str,
                    title: (v, p) => typeof v !== 'string' && fail(p, 'a string', v),
                    state: oneOf('open', 'closed'),
                    createdAt: instant,
                    mergedAt: optional(instant),
                    closedAt: optional(instant),
                  },
                  ['number', 'author', 'title', 'state', 'createdAt'],
                ),
              ),
            ),
            protectedBranches: optional(array(str)),
          },
          ['fullName'],
        ),
      ),
      inputs: optional(record((v, p) => typeof v !== 'string' && fail(p, 'a string', v))),
      faults: optional(
        array(
          fields(
            {
              method: optional(str),
              path: str,
              status: optional(int),
              times: optional(int),
              after: optional(int),
              retryAfter: optional(int),
              latencyMs: optional(int),
              drop: optional((v, p) => typeof v !== 'boolean' && fail(p, 'true or false', v)),
              body: optional(() => undefined),
            },
            ['path'],
          ),
        ),
      ),
    },
    ['now', 'tokens', 'repos'],
  )(json, 'scenario')
  const s = json as Scenario
  if (Object.keys(s.tokens).length === 0) fail('scenario.tokens', 'at least one token', s.tokens)
  s.repos.forEach((r, i) =>
    (r.pulls ?? []).forEach((pr, j) => {
      if (pr.mergedAt && pr.state !== 'closed')
        fail(
          `scenario.repos[${i}].pulls[${j}].state`,
          "'closed' for a merged pull request",
          pr.state,
        )
    }),
  )
  return s
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
