import {
  pageParams,
  pageUrl,
  textHeaders,
  type ForgeKind,
  type ForgeReply,
  type ForgeRequest,
} from './shared.js'
import {
  forgejoTime,
  type CommitRecord,
  type ForgeState,
  type ForgeUser,
  type ProjectRecord,
  type PullRecord,
} from './state.js'

/**
 * Forgejo's (and Gitea's) REST API v1, the calls the Action makes (the instance's
 * /api/swagger; Forgejo's templates/swagger/v1_json.tmpl). Errors are Forgejo's API errors,
 * `{"message": ..., "url": "https://{host}/api/swagger"}`; a 404 adds `"errors": []`. Paging:
 * `page` and `limit` (default 30, at most 50: `[api] DEFAULT_PAGING_NUM`, `MAX_RESPONSE_ITEMS`),
 * `X-Total-Count` and a Link header with next, last, first and prev, as Forgejo's
 * `SetLinkHeader` writes them; commits add `X-HasMore` and the older `X-Page`, `X-PerPage`,
 * `X-Total`, `X-PageCount`.
 */

const DEFAULT_VERSION = '11.0.1+gitea-1.22.0'

const apiError = (state: ForgeState, status: number, message: string): ForgeReply => ({
  status,
  body: { message, url: `https://${state.forge.host}/api/swagger` },
})
const notFound = (state: ForgeState): ForgeReply => ({
  status: 404,
  body: {
    errors: [],
    message: "The target couldn't be found.",
    url: `https://${state.forge.host}/api/swagger`,
  },
})

export const forgejo: ForgeKind = {
  apiPrefix: '/api/v1',
  tokenOf(headers, query) {
    const auth = typeof headers.authorization === 'string' ? headers.authorization : ''
    const value = /^(?:token|bearer)\s+(.+)$/i.exec(auth)?.[1]?.trim()
    return value ?? query.get('token') ?? query.get('access_token') ?? ''
  },
  // An unknown token: Forgejo's token auth (services/auth/oauth2.go) fails with
  // user_model.ErrUserNotExist before any route runs, and the API answers 401 with its text.
  // (Gitea before 2026 treated such a request as anonymous instead: go-gitea/gitea#21671.)
  badToken: (state) => apiError(state, 401, 'user does not exist [uid: 0, name: ]'),
  // Forgejo's tokenRequiresScopes: an issue search needs read:issue, a repository read
  // read:repository; write:X and all include read:X.
  missingScope: (path, scopes, state) => {
    const needed =
      path === '/repos/issues/search'
        ? 'issue'
        : path.startsWith('/repos/')
          ? 'repository'
          : undefined
    if (
      !needed ||
      scopes.some((s) => s === 'all' || s === `read:${needed}` || s === `write:${needed}`)
    )
      return undefined
    return apiError(
      state,
      403,
      `token does not have at least one of required scope(s): [read:${needed}]`,
    )
  },
  noRoute: (state) => notFound(state),
  faultBody: (status, state) => apiError(state, status, statusText(status)),
  // Codeberg limits requests in front of Forgejo: 429 with Retry-After, a plain-text body.
  tooMany: (retryAfter) => ({
    status: 429,
    body: 'Too Many Requests\n',
    headers: { ...textHeaders(''), 'retry-after': String(retryAfter) },
  }),
  rateHeaders: () => ({}),
  defaultLimit: () => undefined,
  route: (req, state) => {
    if (req.path === '/version')
      return { body: { version: state.forge.version ?? DEFAULT_VERSION } }
    if (req.path === '/repos/issues/search') return searchIssues(req, state)
    const m = /^\/repos\/([^/]+)\/([^/]+)(\/.*)?$/.exec(req.path)
    if (!m) return undefined
    const rest = m[3] ?? ''
    const tree = /^\/git\/trees\/([^/]+)$/.exec(rest)
    if (!['', '/pulls', '/commits'].includes(rest) && !tree) return undefined
    const project = state.project(
      `${decodeURIComponent(m[1] ?? '')}/${decodeURIComponent(m[2] ?? '')}`,
    )
    if (!project || !state.canSee(project, req.user?.login)) return notFound(state)
    if (rest === '') return { body: repositoryOf(state, project) }
    if (rest === '/pulls') return listPulls(req, state, project)
    if (rest === '/commits') return listCommits(req, state, project)
    return getTree(req, state, project, decodeURIComponent(tree?.[1] ?? ''))
  },
}

function statusText(status: number): string {
  if (status === 502) return 'Bad Gateway'
  if (status === 503) return 'Service Unavailable'
  if (status === 504) return 'Gateway Timeout'
  if (status >= 500) return 'Internal Server Error'
  return 'Injected fault'
}

const web = (state: ForgeState, path: string) => `https://${state.forge.host}/${path}`
const api = (state: ForgeState, path: string) => `https://${state.forge.host}/api/v1/${path}`

function userOf(state: ForgeState, u: ForgeUser) {
  return {
    id: u.id,
    login: u.login,
    login_name: '',
    source_id: 0,
    full_name: u.name === u.login ? '' : u.name,
    email: u.email,
    avatar_url: `https://${state.forge.host}/avatars/${u.id}`,
    html_url: web(state, u.login),
    language: '',
    is_admin: false,
    last_login: '0001-01-01T00:00:00Z',
    created: '2020-01-01T00:00:00Z',
    restricted: false,
    active: false,
    prohibit_login: false,
    location: '',
    pronouns: '',
    website: '',
    description: '',
    visibility: 'public',
    followers_count: 0,
    following_count: 0,
    starred_repos_count: 0,
  }
}

function ownerOf(state: ForgeState, p: ProjectRecord) {
  return userOf(state, state.user(p.namespace))
}

function repositoryOf(state: ForgeState, p: ProjectRecord) {
  const open = p.pulls.filter((x) => x.state === 'open').length
  return {
    id: p.id,
    owner: ownerOf(state, p),
    name: p.name,
    full_name: p.path,
    description: p.description,
    empty: p.commits.length === 0,
    private: p.visibility === 'private',
    fork: false,
    template: false,
    parent: null,
    mirror: false,
    size: 0,
    language: '',
    languages_url: api(state, `repos/${p.path}/languages`),
    html_url: web(state, p.path),
    url: api(state, `repos/${p.path}`),
    link: '',
    ssh_url: `ssh://git@${state.forge.host}/${p.path}.git`,
    clone_url: `${web(state, p.path)}.git`,
    original_url: '',
    website: '',
    stars_count: 0,
    forks_count: 0,
    watchers_count: 1,
    open_issues_count: 0,
    open_pr_counter: open,
    release_counter: 0,
    default_branch: p.defaultBranch,
    archived: false,
    created_at: forgejoTime(p.createdAt),
    updated_at: forgejoTime(p.lastActivityAt),
    archived_at: '1970-01-01T00:00:00Z',
    permissions: { admin: false, push: false, pull: true },
    has_issues: true,
    internal_tracker: {
      enable_time_tracker: true,
      allow_only_contributors_to_track_time: true,
      enable_issue_dependencies: true,
    },
    has_wiki: true,
    wiki_branch: p.defaultBranch,
    globally_editable_wiki: false,
    has_pull_requests: true,
    has_projects: true,
    has_releases: true,
    has_packages: true,
    has_actions: true,
    ignore_whitespace_conflicts: false,
    allow_merge_commits: true,
    allow_rebase: true,
    allow_rebase_explicit: true,
    allow_squash_merge: true,
    allow_fast_forward_only_merge: true,
    allow_rebase_update: true,
    default_delete_branch_after_merge: false,
    default_merge_style: 'merge',
    default_allow_maintainer_edit: false,
    default_update_style: 'merge',
    avatar_url: '',
    internal: false,
    mirror_interval: '',
    object_format_name: 'sha1',
    mirror_updated: '0001-01-01T00:00:00Z',
    repo_transfer: null,
    topics: [],
  }
}

/** A pull request as the issue search lists it: an issue with a `pull_request` part. */
function issueOf(state: ForgeState, p: ProjectRecord, pr: PullRecord) {
  const html = web(state, `${p.path}/pulls/${pr.number}`)
  const closed =
    pr.state === 'open' ? null : forgejoTime(pr.closedAt ?? pr.mergedAt ?? pr.updatedAt)
  return {
    id: pr.id,
    url: api(state, `repos/${p.path}/issues/${pr.number}`),
    html_url: html,
    number: pr.number,
    user: userOf(state, state.user(pr.author)),
    original_author: '',
    original_author_id: 0,
    title: pr.title,
    body: pr.description,
    ref: '',
    assets: [],
    labels: [],
    milestone: null,
    assignee: null,
    assignees: null,
    state: pr.state === 'open' ? 'open' : 'closed',
    is_locked: false,
    comments: 0,
    created_at: forgejoTime(pr.createdAt),
    updated_at: forgejoTime(pr.updatedAt),
    closed_at: closed,
    due_date: null,
    pull_request: {
      merged: pr.mergedAt !== null,
      merged_at: pr.mergedAt ? forgejoTime(pr.mergedAt) : null,
      draft: false,
      html_url: html,
    },
    repository: { id: p.id, name: p.name, owner: p.namespace, full_name: p.path },
    pin_order: 0,
  }
}

function branchOf(state: ForgeState, p: ProjectRecord, ref: string, sha: string) {
  return {
    label: ref,
    ref,
    sha,
    repo_id: p.id,
    repo: repositoryOf(state, p),
  }
}

function pullOf(state: ForgeState, p: ProjectRecord, pr: PullRecord) {
  const html = web(state, `${p.path}/pulls/${pr.number}`)
  const user = userOf(state, state.user(pr.author))
  const base = p.commits[0]?.sha ?? pr.sha
  return {
    id: pr.id,
    url: html,
    number: pr.number,
    user,
    title: pr.title,
    body: pr.description,
    labels: [],
    milestone: null,
    assignee: null,
    assignees: null,
    requested_reviewers: null,
    requested_reviewers_teams: null,
    state: pr.state === 'open' ? 'open' : 'closed',
    draft: false,
    is_locked: false,
    comments: 0,
    review_comments: 0,
    additions: 0,
    deletions: 0,
    changed_files: 0,
    html_url: html,
    diff_url: `${html}.diff`,
    patch_url: `${html}.patch`,
    mergeable: pr.state === 'open',
    merged: pr.mergedAt !== null,
    merged_at: pr.mergedAt ? forgejoTime(pr.mergedAt) : null,
    merge_commit_sha: pr.mergeCommitSha,
    merged_by: pr.mergedAt ? user : null,
    allow_maintainer_edit: false,
    base: branchOf(state, p, pr.targetBranch, base),
    head: branchOf(state, p, pr.sourceBranch, pr.sha),
    merge_base: base,
    due_date: null,
    created_at: forgejoTime(pr.createdAt),
    updated_at: forgejoTime(pr.updatedAt),
    closed_at: pr.state === 'open' ? null : forgejoTime(pr.closedAt ?? pr.mergedAt ?? pr.updatedAt),
    pin_order: 0,
    flow: 0,
  }
}

function commitOf(state: ForgeState, p: ProjectRecord, c: CommitRecord) {
  const person = { name: c.authorName, email: c.authorEmail, date: c.authoredDate }
  const committer = { name: c.authorName, email: c.authorEmail, date: c.committedDate }
  const user = c.author ? userOf(state, state.user(c.author)) : null
  return {
    url: api(state, `repos/${p.path}/git/commits/${c.sha}`),
    sha: c.sha,
    created: c.committedDate,
    html_url: web(state, `${p.path}/commit/${c.sha}`),
    commit: {
      url: api(state, `repos/${p.path}/git/commits/${c.sha}`),
      author: person,
      committer,
      message: c.message,
      tree: {
        url: api(state, `repos/${p.path}/git/trees/${c.sha}`),
        sha: c.sha,
        created: c.committedDate,
      },
      verification: null,
    },
    author: user,
    committer: user,
    parents: c.parents.map((sha) => ({
      url: api(state, `repos/${p.path}/git/commits/${sha}`),
      sha,
      created: c.committedDate,
    })),
    files: null,
    stats: null,
  }
}

/** Forgejo's Link header (`SetLinkHeader`): next and last before the last page, first and prev
 * after the first; `X-Total-Count` beside it. */
function pageHeaders(req: ForgeRequest, total: number, page: number, size: number) {
  const pages = Math.max(Math.ceil(total / size), 1)
  const link = (p: number, rel: string) => `<${pageUrl(req.url, p)}>; rel="${rel}"`
  const links: string[] = []
  if (page < pages) links.push(link(page + 1, 'next'), link(pages, 'last'))
  if (page > 1) links.push(link(1, 'first'), link(page - 1, 'prev'))
  const headers: Record<string, string> = { 'x-total-count': String(total) }
  if (links.length) headers.link = links.join(',')
  return { headers, pages }
}

function listPage<T>(
  req: ForgeRequest,
  items: T[],
  shape: (item: T) => unknown,
  defaultSize = 30,
): ForgeReply {
  const { page, size } = pageParams(req.query, 'limit', defaultSize, 50)
  const { headers } = pageHeaders(req, items.length, page, size)
  return { body: items.slice((page - 1) * size, page * size).map(shape), headers }
}

const byUpdatedDesc = (a: PullRecord, b: PullRecord) =>
  Date.parse(b.updatedAt) - Date.parse(a.updatedAt) || b.id - a.id

/**
 * `GET /repos/issues/search`: issues and pulls of every repository the caller can see. The
 * filters that name the caller (`created`, `assigned`, `mentioned`, `review_requested`) apply
 * only to a signed-in caller (`if ctx.IsSigned` in routers/api/v1/repo/issue.go SearchIssues):
 * Forgejo ignores them for an anonymous one, who gets everyone's public pulls.
 */
function searchIssues(req: ForgeRequest, state: ForgeState): ForgeReply {
  const q = req.query
  const type = q.get('type')
  const wanted = q.get('state') ?? 'open'
  const since = q.get('since')
  const before = q.get('before')
  for (const [name, v] of [
    ['since', since],
    ['before', before],
  ] as const)
    if (v !== null && Number.isNaN(Date.parse(v))) return apiError(state, 422, `invalid ${name}`)
  const createdBy =
    req.user && q.get('created') === 'true' ? req.user.login.toLowerCase() : undefined
  const owner = q.get('owner')?.toLowerCase()
  const rows = state.projects
    .filter((p) => state.canSee(p, req.user?.login))
    .filter((p) => owner === undefined || p.namespace.toLowerCase() === owner)
    .flatMap((p) =>
      type === 'issues'
        ? []
        : p.pulls
            .filter((pr) => wanted === 'all' || (wanted === 'open') === (pr.state === 'open'))
            .filter((pr) => createdBy === undefined || pr.author.toLowerCase() === createdBy)
            .filter((pr) => since === null || Date.parse(pr.updatedAt) >= Date.parse(since))
            .filter((pr) => before === null || Date.parse(pr.updatedAt) <= Date.parse(before))
            .map((pr) => ({ p, pr })),
    )
    // Newest created first, as the issue indexer sorts them (SortByCreatedDesc).
    .sort((a, b) => Date.parse(b.pr.createdAt) - Date.parse(a.pr.createdAt) || b.pr.id - a.pr.id)
  // The issue search's page size defaults to the UI's (`[ui] ISSUE_PAGING_NUM`, 20), not the
  // API's.
  return listPage(req, rows, (r) => issueOf(state, r.p, r.pr), 20)
}

function listPulls(req: ForgeRequest, state: ForgeState, p: ProjectRecord): ForgeReply {
  const wanted = req.query.get('state') ?? 'open'
  const sort = req.query.get('sort') ?? 'recentupdate'
  const pulls = p.pulls
    .filter((pr) => wanted === 'all' || (wanted === 'open') === (pr.state === 'open'))
    .sort((a, b) =>
      sort === 'oldest'
        ? Date.parse(a.createdAt) - Date.parse(b.createdAt)
        : sort === 'newest'
          ? Date.parse(b.createdAt) - Date.parse(a.createdAt)
          : byUpdatedDesc(a, b),
    )
  return listPage(req, pulls, (pr) => pullOf(state, p, pr))
}

function listCommits(req: ForgeRequest, state: ForgeState, p: ProjectRecord): ForgeReply {
  const q = req.query
  const ref = q.get('sha') ?? p.defaultBranch
  if (p.commits.length === 0) return apiError(state, 409, 'Git Repository is empty.')
  const start = ref === p.defaultBranch ? 0 : p.commits.findIndex((c) => c.sha === ref)
  if (start < 0) return notFound(state)
  const since = q.get('since')
  const until = q.get('until')
  const commits = p.commits
    .slice(start)
    .filter(
      (c) =>
        (since === null || Date.parse(c.committedDate) >= Date.parse(since)) &&
        (until === null || Date.parse(c.committedDate) <= Date.parse(until)),
    )
  const { page, size } = pageParams(q, 'limit', 30, 50)
  const { headers, pages } = pageHeaders(req, commits.length, page, size)
  Object.assign(headers, {
    'x-page': String(page),
    'x-perpage': String(size),
    'x-total': String(commits.length),
    'x-pagecount': String(pages),
    'x-hasmore': String(page < pages),
  })
  return {
    body: commits.slice((page - 1) * size, page * size).map((c) => commitOf(state, p, c)),
    headers,
  }
}

/** `GET /repos/{owner}/{repo}/git/trees/{sha}`: paged in the body (`page`, `total_count`,
 * `truncated`), `per_page` default 1000; a branch name is accepted for the sha. */
function getTree(req: ForgeRequest, state: ForgeState, p: ProjectRecord, ref: string): ForgeReply {
  const head = p.commits[0]
  const commit = ref === p.defaultBranch ? head : p.commits.find((c) => c.sha === ref)
  if (!commit) return apiError(state, 400, `sha ${ref} not found`)
  const recursive = req.query.get('recursive') === 'true'
  const entries = p.tree.filter((e) => recursive || !e.path.includes('/'))
  const { page, size } = pageParams(req.query, 'per_page', 1000, 10_000)
  const slice = entries.slice((page - 1) * size, page * size)
  return {
    body: {
      sha: commit.sha,
      url: api(state, `repos/${p.path}/git/trees/${commit.sha}`),
      tree: slice.map((e) => ({
        path: e.path,
        mode: e.mode,
        type: e.type,
        size: e.size,
        sha: e.sha,
        url: api(state, `repos/${p.path}/git/${e.type === 'tree' ? 'trees' : 'blobs'}/${e.sha}`),
      })),
      truncated: page * size < entries.length,
      page,
      total_count: entries.length,
    },
  }
}
