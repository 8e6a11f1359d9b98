import { readFileSync } from 'node:fs'
import { Ajv, type ValidateFunction } from 'ajv'
import addFormats from 'ajv-formats'
import type { SentResponse } from '../../src/emulator/observers.js'

/**
 * Checks the emulator's GitLab and Forgejo answers against those forges' published types,
 * vendored in test/fixtures/forges/ (see its README for where each comes from and how it was
 * made): GitLab's from @gitbeaker/core's response types, Forgejo's from forgejo-js (generated
 * from Forgejo 11.0's OpenAPI description). Tests only.
 */

const FIXTURES = new URL('../fixtures/forges/', import.meta.url)
type Definitions = Record<string, Record<string, unknown> & { properties?: object }>
const load = (file: string) =>
  (JSON.parse(readFileSync(new URL(file, FIXTURES), 'utf8')) as { definitions: Definitions })
    .definitions

/**
 * Forgejo's Go structs serialize nil pointers and nil slices as `null`; OpenAPI 2.0, which its
 * description is written in, cannot say so, so the description types them as plain objects,
 * strings and arrays. These fields are pointers or slices in Forgejo's modules/structs
 * (`*time.Time`, `*User`, `*Milestone`, `[]*User`, ...) and are null when unset.
 */
const FORGEJO_NULLABLE: Record<string, string[]> = {
  Repository: ['parent', 'repo_transfer', 'permissions', 'internal_tracker'],
  Issue: ['milestone', 'assignee', 'assignees', 'closed_at', 'due_date', 'pull_request'],
  PullRequestMeta: ['merged_at'],
  PullRequest: [
    'milestone',
    'assignee',
    'assignees',
    'requested_reviewers',
    'requested_reviewers_teams',
    'merged_at',
    'merge_commit_sha',
    'merged_by',
    'closed_at',
    'due_date',
  ],
  Commit: ['author', 'committer', 'files', 'stats'],
  RepoCommit: ['verification'],
}

/**
 * Forgejo's description marks no field required (its Go structs have no `omitempty` on these:
 * every field is always sent). The fields the Action reads (docs: the forges contract) are
 * required here, so an answer without one fails.
 */
const FORGEJO_REQUIRED: Record<string, string[]> = {
  ServerVersion: ['version'],
  User: ['id', 'login'],
  Issue: [
    'number',
    'title',
    'html_url',
    'user',
    'updated_at',
    'state',
    'pull_request',
    'repository',
  ],
  PullRequestMeta: ['merged', 'merged_at'],
  RepositoryMeta: ['full_name', 'owner', 'name'],
  Repository: ['full_name', 'default_branch', 'html_url', 'private'],
  PullRequest: ['number', 'title', 'html_url', 'merged', 'merged_at', 'user', 'base', 'state'],
  PRBranchInfo: ['repo'],
  Commit: ['sha', 'html_url', 'created', 'commit', 'author'],
  RepoCommit: ['message', 'author', 'committer'],
  CommitUser: ['name', 'email', 'date'],
  GitTreeResponse: ['sha', 'tree', 'truncated', 'page', 'total_count'],
  GitEntry: ['path', 'type', 'mode', 'sha'],
  APIError: ['message'],
  APINotFound: ['message'],
}

/**
 * gitbeaker's ProjectSchema is the view of a project's maintainer (runners_token, CI settings,
 * permissions...). GitLab sends those only to members and admins, so a project's required fields
 * here are those of gitbeaker's SimpleProjectSchema plus the few every caller gets.
 */
const GITLAB_PROJECT_EXTRA_REQUIRED = ['visibility', 'empty_repo', 'archived', '_links']

/** GitLab's error bodies (docs.gitlab.com/api/rest/troubleshooting): `{"message": ...}`, or
 * `{"error": ...}` for a bad parameter or an unknown route, with `error_description` and `scope`
 * for a token without the scope (OAuth 2.0 bearer token errors, RFC 6750 section 3). */
const GITLAB_ERROR = {
  type: 'object',
  additionalProperties: false,
  properties: {
    message: { type: 'string' },
    error: { type: 'string' },
    error_description: { type: 'string' },
    scope: { type: 'string' },
  },
  oneOf: [{ required: ['message'] }, { required: ['error'] }],
}

interface Kind {
  ajv: Ajv
  compiled: Map<string, ValidateFunction>
}
const kinds = new Map<string, Kind>()

function kindOf(name: 'gitlab' | 'forgejo'): Kind {
  const cached = kinds.get(name)
  if (cached) return cached
  const definitions =
    name === 'gitlab' ? load('gitlab-gitbeaker-43.8.schema.json') : load('forgejo-11.0.schema.json')
  if (name === 'forgejo') {
    for (const [def, fields] of Object.entries(FORGEJO_NULLABLE)) {
      const props = definitions[def]?.properties as Record<string, unknown>
      for (const f of fields) props[f] = { anyOf: [props[f], { type: 'null' }] }
    }
    for (const [def, fields] of Object.entries(FORGEJO_REQUIRED))
      (definitions[def] as Record<string, unknown>).required = fields
  } else {
    // gitbeaker's types extend Record<string, unknown>: GitLab adds fields over releases. The
    // generator loses that index signature through MappedOmit (the MR's author, merged_by...),
    // so it is put back: GitLab's own UserBasic also sends `locked`, which gitbeaker omits.
    for (const [name, d] of Object.entries(definitions))
      if (name.startsWith('MappedOmit')) d.additionalProperties = true
    const simple = definitions.SimpleProjectSchema as { required: string[] }
    ;(definitions.ProjectSchema as Record<string, unknown>).required = [
      ...simple.required,
      ...GITLAB_PROJECT_EXTRA_REQUIRED,
    ]
  }
  // Compiling is most of the cost: the generated schemas are trusted (not validated against the
  // meta-schema), references are not inlined, the generated code is not optimized.
  const ajv = new Ajv({
    strict: false,
    validateSchema: false,
    allErrors: false,
    inlineRefs: false,
    code: { optimize: false },
  })
  addFormats.default(ajv)
  ajv.addSchema({ $id: name, definitions })
  ajv.addSchema({ $id: 'gitlab-error', ...GITLAB_ERROR })
  const kind = { ajv, compiled: new Map<string, ValidateFunction>() }
  kinds.set(name, kind)
  return kind
}

const def = (kind: string, name: string) => ({ $ref: `${kind}#/definitions/${name}` })
const list = (kind: string, name: string) => ({ type: 'array', items: def(kind, name) })

/** The schema of a successful answer, by path under the API root. */
function successSchema(kind: 'gitlab' | 'forgejo', path: string): object | undefined {
  if (kind === 'gitlab') {
    if (/^\/(projects\/[^/]+\/)?merge_requests$/.test(path))
      return list('gitlab', 'MergeRequestSchema')
    if (/^\/projects\/[^/]+$/.test(path)) return def('gitlab', 'ProjectSchema')
    if (/^\/projects\/[^/]+\/repository\/commits$/.test(path)) return list('gitlab', 'CommitSchema')
    if (/^\/projects\/[^/]+\/repository\/tree$/.test(path))
      return list('gitlab', 'RepositoryTreeSchema')
    return undefined
  }
  if (path === '/version') return def('forgejo', 'ServerVersion')
  if (path === '/repos/issues/search') return list('forgejo', 'Issue')
  if (/^\/repos\/[^/]+\/[^/]+$/.test(path)) return def('forgejo', 'Repository')
  if (/^\/repos\/[^/]+\/[^/]+\/pulls$/.test(path)) return list('forgejo', 'PullRequest')
  if (/^\/repos\/[^/]+\/[^/]+\/commits$/.test(path)) return list('forgejo', 'Commit')
  if (/^\/repos\/[^/]+\/[^/]+\/git\/trees\/[^/]+$/.test(path))
    return def('forgejo', 'GitTreeResponse')
  return undefined
}

/** The mismatches between one forge answer and its forge's description (empty when it fits). */
export function checkForgeResponse(r: SentResponse): string[] {
  if (!r.forge) return []
  const { kind: name, host } = r.forge
  const root = `/${host}${name === 'gitlab' ? '/api/v4' : '/api/v1'}`
  const path = r.path.replace(/\?.*$/, '').slice(root.length).replace(/\/+$/, '') || '/'
  const where = `${name} ${r.method} ${r.path} ${r.status}`
  if (r.status === 429) {
    const expected = name === 'gitlab' ? 'Retry later\n' : 'Too Many Requests\n'
    return r.body === expected ? [] : [`${where}: expected the body ${JSON.stringify(expected)}`]
  }
  let schema: object | undefined
  if (r.status < 300) {
    schema = successSchema(name, path)
    if (!schema) return [`${where}: no such operation in the ${name} description`]
  } else if (name === 'gitlab') schema = { $ref: 'gitlab-error' }
  else schema = def('forgejo', r.status === 404 ? 'APINotFound' : 'APIError')
  const kind = kindOf(name)
  const key = JSON.stringify(schema)
  let validate = kind.compiled.get(key)
  if (!validate) kind.compiled.set(key, (validate = kind.ajv.compile(schema)))
  if (validate(r.body)) return []
  return (validate.errors ?? []).map(
    (e) => `${where}: ${e.instancePath || '(body)'} ${e.message ?? ''} ${JSON.stringify(e.params)}`,
  )
}
