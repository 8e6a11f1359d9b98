import {
  pageParams,
  pageUrl,
  textHeaders,
  type ForgeKind,
  type ForgeReply,
  type ForgeRequest,
} from './shared.js'
import {
  gitlabCommitTime,
  gitlabTime,
  type CommitRecord,
  type ForgeState,
  type ForgeUser,
  type ProjectRecord,
  type PullRecord,
  type TreeRecord,
} from './state.js'

/**
 * GitLab's REST API v4, the calls the Action makes (docs.gitlab.com/api/merge_requests,
 * /api/projects, /api/commits, /api/repositories, /api/rest#pagination,
 * /user/gitlab_com#rate-limits-on-gitlabcom). Errors are GitLab's: `{"message": "404 Project
 * Not Found"}`, `{"message": "401 Unauthorized"}`, an unknown route `{"error": "404 Not
 * Found"}`, a bad parameter `{"error": "state does not have a valid value"}`, and the rate
 * limiter's plain-text `Retry later`.
 */

const message = (status: number, text: string): ForgeReply => ({
  status,
  body: { message: `${status} ${text}` },
})
const unauthorized = () => message(401, 'Unauthorized')
const projectNotFound = () => message(404, 'Project Not Found')
const invalid = (param: string): ForgeReply => ({
  status: 400,
  body: { error: `${param} does not have a valid value` },
})

const STATUS_TEXT: Record<number, string> = {
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
}

export const gitlab: ForgeKind = {
  apiPrefix: '/api/v4',
  tokenOf(headers, query) {
    const privateToken = headers['private-token']
    if (typeof privateToken === 'string' && privateToken) return privateToken.trim()
    const auth = typeof headers.authorization === 'string' ? headers.authorization : ''
    const bearer = /^bearer\s+(.+)$/i.exec(auth)?.[1]?.trim()
    return bearer ?? query.get('private_token') ?? ''
  },
  badToken: () => unauthorized(),
  // A token without read_api or api: Doorkeeper's insufficient-scope answer.
  missingScope: (_path, scopes) =>
    scopes.some((s) => s === 'api' || s === 'read_api')
      ? undefined
      : {
          status: 403,
          body: {
            error: 'insufficient_scope',
            error_description:
              'The request requires higher privileges than provided by the access token.',
            scope: 'api read_api',
          },
        },
  noRoute: () => ({ status: 404, body: { error: '404 Not Found' } }),
  faultBody: (status) => message(status, STATUS_TEXT[status] ?? 'Error'),
  // Rack::Attack's throttled response on GitLab: 429, text/plain, "Retry later".
  tooMany: (retryAfter) => ({
    status: 429,
    body: 'Retry later\n',
    headers: { ...textHeaders(''), 'retry-after': String(retryAfter) },
  }),
  rateHeaders: (b, limit, anonymous) => ({
    'ratelimit-name': anonymous ? 'throttle_unauthenticated_api' : 'throttle_authenticated_api',
    'ratelimit-limit': String(limit.limit),
    'ratelimit-observed': String(b.observed),
    'ratelimit-remaining': String(b.remaining),
    'ratelimit-reset': String(b.reset),
    'ratelimit-resettime': new Date(b.reset * 1000).toUTCString(),
  }),
  // GitLab.com: 2,000 API requests a minute for a signed-in user, 500 for anonymous ones.
  defaultLimit: (anonymous) => ({ limit: anonymous ? 500 : 2000, windowSeconds: 60 }),
  route: (req, state) => {
    if (req.path === '/merge_requests') return listMergeRequests(req, state, undefined)
    const m = /^\/projects\/([^/]+)(\/.*)?$/.exec(req.path)
    if (!m) return undefined
    const project = state.project(decodeURIComponent(m[1] ?? ''))
    const rest = m[2] ?? ''
    const known = ['', '/merge_requests', '/repository/commits', '/repository/tree']
    if (!known.includes(rest)) return undefined
    if (!project || !state.canSee(project, req.user?.login)) return projectNotFound()
    if (rest === '') return { body: projectOf(state, project) }
    if (rest === '/merge_requests') return listMergeRequests(req, state, project)
    if (rest === '/repository/commits') return listCommits(req, state, project)
    return listTree(req, state, project)
  },
}

const web = (state: ForgeState, path: string) => `https://${state.forge.host}/${path}`

function userOf(state: ForgeState, u: ForgeUser) {
  return {
    id: u.id,
    username: u.login,
    name: u.name,
    state: 'active',
    locked: false,
    avatar_url: `https://${state.forge.host}/uploads/-/system/user/avatar/${u.id}/avatar.png`,
    web_url: web(state, u.login),
  }
}

function projectOf(state: ForgeState, p: ProjectRecord) {
  const namespaceUser = p.owner ? state.user(p.owner) : undefined
  return {
    id: p.id,
    description: p.description,
    name: p.name,
    name_with_namespace: [...p.namespace.split('/'), p.name].join(' / '),
    path: p.name,
    path_with_namespace: p.path,
    created_at: gitlabTime(p.createdAt),
    default_branch: p.defaultBranch,
    tag_list: [],
    topics: [],
    ssh_url_to_repo: `git@${state.forge.host}:${p.path}.git`,
    http_url_to_repo: `${web(state, p.path)}.git`,
    web_url: web(state, p.path),
    readme_url: `${web(state, p.path)}/-/blob/${p.defaultBranch}/README.md`,
    forks_count: 0,
    avatar_url: null,
    star_count: 0,
    last_activity_at: gitlabTime(p.lastActivityAt),
    namespace: {
      id: namespaceUser?.id ?? p.id - 1,
      name: p.namespace.split('/').at(-1) ?? p.namespace,
      path: p.namespace.split('/').at(-1) ?? p.namespace,
      kind: namespaceUser ? 'user' : 'group',
      full_path: p.namespace,
      parent_id: null,
      avatar_url: null,
      web_url: namespaceUser ? web(state, p.namespace) : web(state, `groups/${p.namespace}`),
    },
    visibility: p.visibility,
    empty_repo: p.commits.length === 0,
    archived: false,
    issues_enabled: true,
    merge_requests_enabled: true,
    open_issues_count: 0,
    _links: {
      self: `https://${state.forge.host}/api/v4/projects/${p.id}`,
      issues: `https://${state.forge.host}/api/v4/projects/${p.id}/issues`,
      merge_requests: `https://${state.forge.host}/api/v4/projects/${p.id}/merge_requests`,
      repo_branches: `https://${state.forge.host}/api/v4/projects/${p.id}/repository/branches`,
      labels: `https://${state.forge.host}/api/v4/projects/${p.id}/labels`,
      events: `https://${state.forge.host}/api/v4/projects/${p.id}/events`,
      members: `https://${state.forge.host}/api/v4/projects/${p.id}/members`,
      cluster_agents: `https://${state.forge.host}/api/v4/projects/${p.id}/cluster_agents`,
    },
  }
}

const GITLAB_STATE = { open: 'opened', closed: 'closed', merged: 'merged' } as const

function mergeRequestOf(state: ForgeState, p: ProjectRecord, mr: PullRecord) {
  const author = userOf(state, state.user(mr.author))
  const mergedBy = mr.mergedAt ? author : null
  const short = `!${mr.number}`
  return {
    id: mr.id,
    iid: mr.number,
    project_id: p.id,
    title: mr.title,
    description: mr.description,
    state: GITLAB_STATE[mr.state],
    created_at: gitlabTime(mr.createdAt),
    updated_at: gitlabTime(mr.updatedAt),
    merged_by: mergedBy,
    merge_user: mergedBy,
    merged_at: mr.mergedAt ? gitlabTime(mr.mergedAt) : null,
    closed_by: mr.state === 'closed' ? author : null,
    closed_at: mr.closedAt ? gitlabTime(mr.closedAt) : null,
    target_branch: mr.targetBranch,
    source_branch: mr.sourceBranch,
    user_notes_count: 0,
    upvotes: 0,
    downvotes: 0,
    author,
    assignees: [],
    assignee: null,
    reviewers: [],
    source_project_id: p.id,
    target_project_id: p.id,
    labels: [],
    draft: false,
    imported: false,
    imported_from: 'none',
    work_in_progress: false,
    milestone: null,
    merge_when_pipeline_succeeds: false,
    merge_status: mr.state === 'open' ? 'can_be_merged' : 'unchecked',
    detailed_merge_status: mr.state === 'open' ? 'mergeable' : 'not_open',
    sha: mr.sha,
    merge_commit_sha: mr.mergeCommitSha,
    squash_commit_sha: null,
    discussion_locked: null,
    should_remove_source_branch: null,
    force_remove_source_branch: true,
    prepared_at: gitlabTime(mr.createdAt),
    reference: short,
    references: { short, relative: short, full: `${p.path}${short}` },
    web_url: web(state, `${p.path}/-/merge_requests/${mr.number}`),
    time_stats: {
      time_estimate: 0,
      total_time_spent: 0,
      human_time_estimate: null,
      human_total_time_spent: null,
    },
    squash: false,
    squash_on_merge: false,
    task_completion_status: { count: 0, completed_count: 0 },
    has_conflicts: false,
    blocking_discussions_resolved: true,
    approvals_before_merge: null,
  }
}

function commitOf(state: ForgeState, p: ProjectRecord, c: CommitRecord) {
  return {
    id: c.sha,
    short_id: c.sha.slice(0, 8),
    created_at: gitlabCommitTime(c.committedDate),
    parent_ids: c.parents,
    title: c.message.split('\n')[0] ?? '',
    message: c.message,
    author_name: c.authorName,
    author_email: c.authorEmail,
    authored_date: gitlabCommitTime(c.authoredDate),
    committer_name: c.authorName,
    committer_email: c.authorEmail,
    committed_date: gitlabCommitTime(c.committedDate),
    trailers: {},
    extended_trailers: {},
    web_url: web(state, `${p.path}/-/commit/${c.sha}`),
  }
}

function treeEntryOf(e: TreeRecord) {
  return {
    id: e.sha,
    name: e.path.split('/').at(-1) ?? e.path,
    type: e.type,
    path: e.path,
    mode: e.mode,
  }
}

const time = (v: string | null) => (v === null ? undefined : Date.parse(v))

function listMergeRequests(
  req: ForgeRequest,
  state: ForgeState,
  project: ProjectRecord | undefined,
): ForgeReply {
  const q = req.query
  // GET /merge_requests needs a signed-in user; a project's list is public for a public project.
  if (!project && !req.user) return unauthorized()
  const scope = q.get('scope') ?? (project ? 'all' : 'created_by_me')
  if (
    !['all', 'created_by_me', 'created-by-me', 'assigned_to_me', 'assigned-to-me'].includes(scope)
  )
    return invalid('scope')
  const wanted = q.get('state') ?? 'all'
  if (!['opened', 'closed', 'locked', 'merged', 'all'].includes(wanted)) return invalid('state')
  const orderBy = q.get('order_by') ?? 'created_at'
  if (!['created_at', 'updated_at', 'merged_at', 'title'].includes(orderBy))
    return invalid('order_by')
  const sort = q.get('sort') ?? 'desc'
  if (!['asc', 'desc'].includes(sort)) return invalid('sort')
  const bounds = {
    updated_after: q.get('updated_after'),
    updated_before: q.get('updated_before'),
    created_after: q.get('created_after'),
    created_before: q.get('created_before'),
  }
  for (const [name, v] of Object.entries(bounds))
    if (v !== null && Number.isNaN(Date.parse(v))) return invalid(name)
  const after = (v: string | null, bound: string | null) =>
    bound === null || (time(v) ?? -Infinity) >= Date.parse(bound)
  const before = (v: string | null, bound: string | null) =>
    bound === null || (time(v) ?? Infinity) <= Date.parse(bound)
  const author = q.get('author_username')?.toLowerCase()
  const authorId = q.get('author_id')
  const projects = project
    ? [project]
    : state.projects.filter((p) => state.canSee(p, req.user?.login))
  const rows = projects.flatMap((p) =>
    p.pulls
      .filter((mr) => {
        if (wanted !== 'all' && GITLAB_STATE[mr.state] !== wanted) return false
        const by = mr.author.toLowerCase()
        if (
          (scope === 'created_by_me' || scope === 'created-by-me') &&
          by !== req.user?.login.toLowerCase()
        )
          return false
        if (scope === 'assigned_to_me' || scope === 'assigned-to-me') return false
        if (author !== undefined && by !== author) return false
        if (authorId !== null && String(state.user(mr.author).id) !== authorId) return false
        return (
          after(mr.updatedAt, bounds.updated_after) &&
          before(mr.updatedAt, bounds.updated_before) &&
          after(mr.createdAt, bounds.created_after) &&
          before(mr.createdAt, bounds.created_before)
        )
      })
      .map((mr) => ({ p, mr })),
  )
  const key = (r: { mr: PullRecord }): string | number =>
    orderBy === 'title'
      ? r.mr.title
      : (time(
          orderBy === 'merged_at'
            ? r.mr.mergedAt
            : orderBy === 'updated_at'
              ? r.mr.updatedAt
              : r.mr.createdAt,
        ) ?? 0)
  rows.sort((a, b) => {
    const [x, y] = [key(a), key(b)]
    const c = x < y ? -1 : x > y ? 1 : b.mr.id - a.mr.id
    return sort === 'asc' ? c : -c
  })
  return offsetPage(req, rows, (r) => mergeRequestOf(state, r.p, r.mr))
}

function listCommits(req: ForgeRequest, state: ForgeState, p: ProjectRecord): ForgeReply {
  const q = req.query
  const ref = q.get('ref_name') ?? p.defaultBranch
  const since = q.get('since')
  const until = q.get('until')
  if (since !== null && Number.isNaN(Date.parse(since))) return invalid('since')
  if (until !== null && Number.isNaN(Date.parse(until))) return invalid('until')
  const commits =
    ref === p.defaultBranch || p.commits.some((c) => c.sha === ref)
      ? p.commits
          .slice(
            Math.max(
              p.commits.findIndex((c) => c.sha === ref),
              0,
            ),
          )
          .filter(
            (c) =>
              (since === null || Date.parse(c.committedDate) >= Date.parse(since)) &&
              (until === null || Date.parse(c.committedDate) <= Date.parse(until)),
          )
      : []
  return offsetPage(req, commits, (c) => commitOf(state, p, c))
}

function listTree(req: ForgeRequest, state: ForgeState, p: ProjectRecord): ForgeReply {
  const q = req.query
  const ref = q.get('ref') ?? p.defaultBranch
  if (ref !== p.defaultBranch && !p.commits.some((c) => c.sha === ref))
    return message(404, 'Tree Not Found')
  const dir = (q.get('path') ?? '').replace(/^\/+|\/+$/g, '')
  if (dir && !p.tree.some((e) => e.type === 'tree' && e.path === dir))
    return message(404, 'Tree Not Found')
  const recursive = q.get('recursive') === 'true'
  const prefix = dir ? `${dir}/` : ''
  const entries = p.tree.filter(
    (e) => e.path.startsWith(prefix) && (recursive || !e.path.slice(prefix.length).includes('/')),
  )
  if (q.get('pagination') === 'keyset') return keysetPage(req, entries)
  return offsetPage(req, entries, treeEntryOf)
}

/**
 * GitLab's offset pagination (docs.gitlab.com/api/rest#pagination): `page` and `per_page`
 * (default 20, at most 100), the `x-*` headers, and a Link header with prev, next, first and
 * last. Past 10,000 results GitLab stops counting: no `x-total`, `x-total-pages` or last link.
 */
function offsetPage<T>(req: ForgeRequest, items: T[], shape: (item: T) => unknown): ForgeReply {
  const { page, size } = pageParams(req.query, 'per_page', 20, 100)
  const total = items.length
  const pages = Math.max(Math.ceil(total / size), 1)
  const counted = total <= 10_000
  const next = page < pages ? String(page + 1) : ''
  const prev = page > 1 ? String(page - 1) : ''
  const link = (p: number, rel: string) => `<${pageUrl(req.url, p)}>; rel="${rel}"`
  const links: string[] = []
  if (prev) links.push(link(page - 1, 'prev'))
  if (next) links.push(link(page + 1, 'next'))
  links.push(link(1, 'first'))
  if (counted) links.push(link(pages, 'last'))
  const headers: Record<string, string> = {
    link: links.join(', '),
    'x-next-page': next,
    'x-page': String(page),
    'x-per-page': String(size),
    'x-prev-page': prev,
  }
  if (counted) {
    headers['x-total'] = String(total)
    headers['x-total-pages'] = String(pages)
  }
  return { body: items.slice((page - 1) * size, page * size).map(shape), headers }
}

/**
 * Keyset pagination of a repository tree (`pagination=keyset`): `per_page` entries after the
 * one `page_token` names (its id), and only a `rel="next"` Link while more remain.
 */
function keysetPage(req: ForgeRequest, entries: TreeRecord[]): ForgeReply {
  const { size } = pageParams(req.query, 'per_page', 20, 100)
  const token = req.query.get('page_token')
  const start = token ? entries.findIndex((e) => e.sha === token) + 1 : 0
  if (token && start === 0) return { status: 400, body: { error: 'page_token is invalid' } }
  const page = entries.slice(start, start + size)
  const headers: Record<string, string> = {}
  const last = page.at(-1)
  if (last && start + size < entries.length) {
    const u = new URL(req.url.toString())
    u.searchParams.delete('page')
    u.searchParams.set('page_token', last.sha)
    headers.link = `<${u.toString()}>; rel="next"`
  }
  return { body: page.map(treeEntryOf), headers }
}
