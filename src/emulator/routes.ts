import type { CommitObject, Person, TreeEntry } from './git-objects.js'
import {
  HttpError,
  listing,
  notFound,
  unprocessable,
  type Paging,
  type Reply,
  type Request,
} from './http.js'
import { searchPulls } from './search.js'
import type { Permissions } from './access.js'
import type { TokenLimits } from './rate-limit.js'
import type { ScenarioToken } from './scenario.js'
import type { Shapes } from './shapes.js'
import type { EmulatorState, PullRecord, RepoState } from './state.js'

export interface Route {
  method: string
  pattern: string
  /** The permission a token needs (contents / pull_requests), if any. */
  needs?: Permissions
  /** A list route: its handler answers with `listing(...)` and the route step pages it. */
  paged?: Paging
  handle(req: Request, params: Record<string, string>, ctx: Context): Reply
}

export interface Context {
  state: EmulatorState
  shapes: Shapes
  login: string
  installation: boolean
  token: ScenarioToken
  /** The token's rate-limit buckets (GET /rate_limit reads them). */
  limits: TokenLimits
}

const SEARCH_CAP = 1000

function repoOf(ctx: Context, p: Record<string, string>): RepoState {
  const repo = ctx.state.repo(`${p.owner}/${p.repo}`)
  if (!repo) throw notFound()
  return repo
}

/**
 * A repository whose Git data a route reads or writes: an empty one (no commit yet) answers 409
 * "Git Repository is empty." on every Git data, commits and compare route, as GitHub does
 * (github/rest-api-description#637 for blobs and trees, noflo/noflo-ui#500 for refs; the
 * message as quoted in tiledocs-dev/tiledocs-editor#3).
 */
function gitRepoOf(ctx: Context, p: Record<string, string>): RepoState {
  const repo = repoOf(ctx, p)
  if (repo.store.commits.size === 0) throw new HttpError(409, 'Git Repository is empty.')
  return repo
}

function commitOf(repo: RepoState, ctx: Context, ref: string): CommitObject {
  const sha = ctx.state.resolve(repo, ref)
  const commit = sha ? repo.store.commits.get(sha) : undefined
  if (!commit) throw new HttpError(404, `No commit found for SHA: ${ref}`)
  return commit
}

function str(body: Record<string, unknown>, key: string, required = true): string | undefined {
  const v = body[key]
  if (typeof v === 'string') return v
  if (required)
    throw unprocessable('Invalid request.', [
      { resource: 'Request', field: key, code: 'missing_field' },
    ])
  return undefined
}

function person(v: unknown, fallback: Person): Person {
  if (typeof v !== 'object' || v === null) return fallback
  const o = v as Record<string, unknown>
  return {
    name: typeof o.name === 'string' ? o.name : fallback.name,
    email: typeof o.email === 'string' ? o.email : fallback.email,
    date: typeof o.date === 'string' ? o.date : fallback.date,
  }
}

function pullOf(repo: RepoState, n: string): PullRecord {
  const pr = repo.pulls.find((p) => p.number === Number(n))
  if (!pr) throw notFound()
  return pr
}

/**
 * GitHub's 422s for a protected branch: "Cannot force-push to this protected branch" for a forced
 * update (dependabot/dependabot-core#1911), "Changes must be made through a pull request." for
 * any other (googleapis/repo-automation-bots#5551, a ref update through the API).
 */
function refuseProtected(repo: RepoState, name: string, force: boolean): void {
  if (!repo.protectedBranches.has(name.replace(/^refs\/heads\//, ''))) return
  throw unprocessable(
    force
      ? 'Cannot force-push to this protected branch'
      : 'Changes must be made through a pull request.',
  )
}

function setRef(repo: RepoState, name: string, sha: string, force = false): void {
  refuseProtected(repo, name, force)
  if (!repo.store.commits.has(sha)) throw unprocessable('Object does not exist')
  repo.refs.set(name, sha)
}

/** A route from `'METHOD /pattern'`, the permission it needs, its handler and its paging. */
function route(
  spec: string,
  needs: Permissions | undefined,
  handle: Route['handle'],
  paged?: Paging,
): Route {
  const [method = '', pattern = ''] = spec.split(' ')
  return { method, pattern, handle, ...(needs ? { needs } : {}), ...(paged ? { paged } : {}) }
}

const READ_CODE: Permissions = ['contents', 'read']
const WRITE_CODE: Permissions = ['contents', 'write']
const READ_PRS: Permissions = ['pull_requests', 'read']
const WRITE_PRS: Permissions = ['pull_requests', 'write']

type RepoHandler = (req: Request, p: Record<string, string>, ctx: Context, repo: RepoState) => Reply

/** A route under /repos/:owner/:repo: the handler gets the repository (404 when unknown). */
function repoRoute(spec: string, needs: Permissions, handle: RepoHandler, paged?: Paging) {
  return route(spec, needs, (req, p, ctx) => handle(req, p, ctx, repoOf(ctx, p)), paged)
}

/** A route on Git data, commits or compare: an empty repository answers 409. */
function gitRoute(spec: string, needs: Permissions, handle: RepoHandler, paged?: Paging) {
  return route(spec, needs, (req, p, ctx) => handle(req, p, ctx, gitRepoOf(ctx, p)), paged)
}

/** A route on one pull request (or its issue): the handler gets it (404 when unknown). */
function pullRoute(
  spec: string,
  needs: Permissions,
  handle: (req: Request, ctx: Context, repo: RepoState, pr: PullRecord) => Reply,
  paged?: Paging,
) {
  return repoRoute(
    spec,
    needs,
    (req, p, ctx, repo) => handle(req, ctx, repo, pullOf(repo, p.number as string)),
    paged,
  )
}

export const routes: Route[] = [
  route('GET /user', undefined, (_req, _p, ctx) => {
    if (ctx.installation) throw new HttpError(403, 'Resource not accessible by integration')
    return { body: ctx.shapes.profile(ctx.login, true) }
  }),
  route('GET /users/:user', undefined, (_req, p, ctx) => {
    if (!ctx.state.users.has((p.user as string).toLowerCase())) throw notFound()
    return { body: ctx.shapes.profile(p.user as string, false) }
  }),
  route('GET /rate_limit', undefined, (_req, _p, ctx) => ({ body: ctx.limits.overview() })),
  route(
    'GET /search/issues',
    undefined,
    (req, _p, ctx) => {
      const q = req.query.get('q')
      if (!q)
        throw unprocessable('Validation Failed', [
          { resource: 'Search', field: 'q', code: 'missing' },
        ])
      let hits
      try {
        hits = searchPulls(ctx.state.repos.values(), q, (login) => ctx.state.users.has(login))
      } catch (message) {
        throw unprocessable('Validation Failed', [
          { message: String(message), resource: 'Search', field: 'q', code: 'invalid' },
        ])
      }
      const sort = req.query.get('sort')
      const desc = req.query.get('order') !== 'asc'
      // Best match is not merge order: readers must not rely on any order but the one asked.
      const key = (h: (typeof hits)[number]) =>
        (sort === 'updated' ? h.pull.updatedAt : h.pull.createdAt) + h.pull.id
      hits.sort((a, b) => (key(a) < key(b) ? 1 : -1) * (desc ? 1 : -1))
      return listing(hits, (h) => ctx.shapes.searchItem(h.repo, h.pull))
    },
    {
      cap: SEARCH_CAP,
      envelope: (items, total) => ({
        total_count: total,
        incomplete_results: false,
        items,
        // After `items`: Octokit's paginate takes the first key left as the list.
        search_type: 'lexical',
      }),
    },
  ),
  route('GET /repos/:owner/:repo', READ_CODE, (_r, p, ctx) => ({
    body: ctx.shapes.repo(repoOf(ctx, p)),
  })),
  route('GET /repos/:owner/:repo/languages', READ_CODE, (_r, p, ctx) => ({
    body: repoOf(ctx, p).languages,
  })),
  repoRoute('GET /repos/:owner/:repo/branches/:branch', READ_CODE, (_r, p, ctx, repo) => {
    const sha = repo.refs.get(`refs/heads/${p.branch}`)
    if (!sha) throw new HttpError(404, 'Branch not found')
    const url = `${ctx.shapes.api}/repos/${repo.fullName}/branches/${p.branch}`
    return {
      body: {
        name: p.branch,
        commit: ctx.shapes.commit(repo, repo.store.commits.get(sha) as CommitObject),
        _links: { self: url, html: `${ctx.shapes.web}/${repo.fullName}/tree/${p.branch}` },
        protected: repo.protectedBranches.has(p.branch as string),
        protection: {
          enabled: repo.protectedBranches.has(p.branch as string),
          required_status_checks: { enforcement_level: 'off', contexts: [], checks: [] },
        },
        protection_url: `${url}/protection`,
      },
    }
  }),
  gitRoute(
    'GET /repos/:owner/:repo/commits',
    READ_CODE,
    (req, p, ctx, repo) => {
      const head = commitOf(repo, ctx, req.query.get('sha') ?? repo.defaultBranch)
      const author = req.query.get('author')?.toLowerCase()
      const since = req.query.get('since')
      const until = req.query.get('until')
      const path = req.query.get('path')
      const list = repo.store.history(head.sha).filter((c) => {
        const t = Date.parse(c.committer.date)
        if (since && t < Date.parse(since)) return false
        if (until && t > Date.parse(until)) return false
        if (
          author &&
          c.authorLogin?.toLowerCase() !== author &&
          c.author.email.toLowerCase() !== author
        )
          return false
        if (
          path &&
          !ctx.shapes
            .changedFiles(repo, c)
            .some((f) => f.filename === path || f.filename.startsWith(`${path}/`))
        )
          return false
        return true
      })
      return listing(list, (c) => ctx.shapes.commit(repo, c))
    },
    {},
  ),
  gitRoute('GET /repos/:owner/:repo/commits/:ref', READ_CODE, (_req, p, ctx, repo) => {
    return { body: ctx.shapes.commit(repo, commitOf(repo, ctx, p.ref as string), true) }
  }),
  gitRoute('GET /repos/:owner/:repo/compare/:spec', READ_CODE, (_req, p, ctx, repo) => {
    const [baseRef = '', headRef = ''] = (p.spec as string).split('...')
    const base = commitOf(repo, ctx, baseRef)
    const head = commitOf(repo, ctx, headRef)
    const mergeBase = repo.store.mergeBase(base.sha, head.sha) ?? base.sha
    const ahead = repo.store.commitsBetween(mergeBase, head.sha)
    const behind = repo.store.commitsBetween(mergeBase, base.sha)
    const status =
      ahead.length && behind.length
        ? 'diverged'
        : ahead.length
          ? 'ahead'
          : behind.length
            ? 'behind'
            : 'identical'
    const mb = repo.store.commits.get(mergeBase) as CommitObject
    return {
      body: {
        url: `${ctx.shapes.api}/repos/${repo.fullName}/compare/${p.spec}`,
        html_url: `${ctx.shapes.web}/${repo.fullName}/compare/${p.spec}`,
        permalink_url: `${ctx.shapes.web}/${repo.fullName}/compare/${base.sha}...${head.sha}`,
        diff_url: `${ctx.shapes.web}/${repo.fullName}/compare/${p.spec}.diff`,
        patch_url: `${ctx.shapes.web}/${repo.fullName}/compare/${p.spec}.patch`,
        status,
        ahead_by: ahead.length,
        behind_by: behind.length,
        total_commits: ahead.length,
        base_commit: ctx.shapes.commit(repo, base),
        merge_base_commit: ctx.shapes.commit(repo, mb),
        commits: ahead.map((c) => ctx.shapes.commit(repo, c)),
        files: ctx.shapes.changedFiles(repo, head, mb.tree),
      },
    }
  }),
  repoRoute('GET /repos/:owner/:repo/contents/*path', READ_CODE, (req, p, ctx, repo) => {
    if (repo.store.commits.size === 0) throw new HttpError(404, 'This repository is empty.')
    const commit = commitOf(repo, ctx, req.query.get('ref') ?? repo.defaultBranch)
    const path = (p.path as string).replace(/\/+$/, '')
    const files = repo.store.files(commit.tree)
    const blob = files.get(path)
    const entry = (x: string, type: 'file' | 'dir', sha: string, size: number) => {
      const url = `${ctx.shapes.api}/repos/${repo.fullName}/contents/${x}?ref=${commit.sha}`
      const git = `${ctx.shapes.api}/repos/${repo.fullName}/git/${type === 'file' ? 'blobs' : 'trees'}/${sha}`
      const html = `${ctx.shapes.web}/${repo.fullName}/${type === 'file' ? 'blob' : 'tree'}/${commit.sha}/${x}`
      return {
        type,
        size,
        name: x.split('/').pop() as string,
        path: x,
        sha,
        url,
        git_url: git,
        html_url: html,
        download_url: null,
        _links: { self: url, git, html },
      }
    }
    if (blob) {
      const data = repo.store.blobs.get(blob) as Buffer
      return {
        body: {
          ...entry(path, 'file', blob, data.length),
          encoding: 'base64',
          content: (data.toString('base64').match(/.{1,60}/g) ?? []).join('\n') + '\n',
        },
      }
    }
    const inDir = [...files].filter(([f]) => f.startsWith(`${path}/`))
    if (inDir.length === 0) throw notFound()
    const names = new Map<string, 'file' | 'dir'>()
    for (const [f] of inDir) {
      const rest = f.slice(path.length + 1)
      names.set(rest.split('/')[0] as string, rest.includes('/') ? 'dir' : 'file')
    }
    const dirTree = repo.store.walk(commit.tree)
    return {
      body: [...names].map(([name, type]) => {
        const full = `${path}/${name}`
        const sha = dirTree.find((e) => e.path === full)?.sha ?? ''
        return entry(
          full,
          type,
          sha,
          type === 'file' ? (repo.store.blobs.get(sha)?.length ?? 0) : 0,
        )
      }),
    }
  }),
  /**
   * One commit that sets one file on a branch: GitHub's "create or update file contents". As on
   * GitHub, `sha` (the blob replaced) is required when the file exists (422 `"sha" wasn't
   * supplied.`, xorbitsai/xagent#2403) and must be the file's blob on the branch's head (409
   * "PATH does not match SHA", octokit/octokit.js#1374, agorapulse/pierrot#45); a branch that
   * does not exist is 404 (the OpenAPI description's 404). The commit's parent is the branch's
   * head at that moment: it is a compare-and-swap on the file, not on the head.
   */
  repoRoute('PUT /repos/:owner/:repo/contents/*path', WRITE_CODE, (req, p, ctx, repo) => {
    const message = str(req.body, 'message') as string
    const content = str(req.body, 'content') as string
    const path = p.path as string
    const branch = str(req.body, 'branch', false) ?? repo.defaultBranch
    const name = `refs/heads/${branch}`
    const head = repo.refs.get(name)
    if (!head) throw new HttpError(404, `Branch ${branch} not found`)
    const parent = repo.store.commits.get(head) as CommitObject
    const files = repo.store.files(parent.tree)
    const current = files.get(path)
    const sha = str(req.body, 'sha', false)
    if (current && sha === undefined)
      throw unprocessable('Invalid request.\n\n"sha" wasn\'t supplied.')
    if (sha !== undefined && sha !== current)
      throw new HttpError(409, `${path} does not match ${sha}`)
    refuseProtected(repo, name, false)
    const blob = repo.store.putBlob(Buffer.from(content, 'base64'))
    files.set(path, blob)
    const date = ctx.state.tick()
    const me = ctx.installation
      ? {
          name: 'github-actions[bot]',
          email: '41898282+github-actions[bot]@users.noreply.github.com',
          date,
        }
      : ctx.state.person(ctx.login, date)
    const author = person(req.body.author, me)
    const committer = person(req.body.committer, me)
    const commit = repo.store.putCommit({
      tree: repo.store.treeFromFiles(files),
      parents: [head],
      author,
      committer,
      message,
      authorLogin: ctx.installation
        ? 'github-actions[bot]'
        : (ctx.state.loginForEmail(author.email) ?? (req.body.author ? null : ctx.login)),
      committerLogin: ctx.installation
        ? 'github-actions[bot]'
        : (ctx.state.loginForEmail(committer.email) ?? (req.body.committer ? null : ctx.login)),
      // Signed as the git-data API's commits are: when GitHub is the committer.
      verified: req.body.committer === undefined && req.body.author === undefined,
    })
    setRef(repo, name, commit)
    const data = repo.store.blobs.get(blob) as Buffer
    const url = `${ctx.shapes.api}/repos/${repo.fullName}/contents/${path}?ref=${branch}`
    const git = `${ctx.shapes.api}/repos/${repo.fullName}/git/blobs/${blob}`
    const html = `${ctx.shapes.web}/${repo.fullName}/blob/${branch}/${path}`
    return {
      status: current ? 200 : 201,
      body: {
        content: {
          type: 'file',
          size: data.length,
          name: path.split('/').pop() as string,
          path,
          sha: blob,
          url,
          git_url: git,
          html_url: html,
          download_url: `${ctx.shapes.web}/${repo.fullName}/raw/${branch}/${path}`,
          _links: { self: url, git, html },
        },
        commit: ctx.shapes.gitCommit(repo, repo.store.commits.get(commit) as CommitObject),
      },
    }
  }),
  gitRoute('GET /repos/:owner/:repo/git/ref/*ref', READ_CODE, (_req, p, ctx, repo) => {
    const name = `refs/${p.ref}`
    const sha = repo.refs.get(name)
    if (!sha) throw notFound()
    return { body: ctx.shapes.ref(repo, name, sha) }
  }),
  gitRoute('GET /repos/:owner/:repo/git/matching-refs/*ref', READ_CODE, (_req, p, ctx, repo) => {
    const prefix = `refs/${p.ref}`
    return {
      body: [...repo.refs]
        .filter(([n]) => n.startsWith(prefix))
        .map(([n, s]) => ctx.shapes.ref(repo, n, s)),
    }
  }),
  gitRoute('POST /repos/:owner/:repo/git/refs', WRITE_CODE, (req, p, ctx, repo) => {
    const ref = str(req.body, 'ref') as string
    const sha = str(req.body, 'sha') as string
    if (!/^refs\/[\w./-]+$/.test(ref) || ref.split('/').length < 3)
      throw unprocessable('Reference name is invalid')
    if (repo.refs.has(ref)) throw unprocessable('Reference already exists')
    setRef(repo, ref, sha)
    return { status: 201, body: ctx.shapes.ref(repo, ref, sha) }
  }),
  gitRoute('PATCH /repos/:owner/:repo/git/refs/*ref', WRITE_CODE, (req, p, ctx, repo) => {
    const name = `refs/${p.ref}`
    const current = repo.refs.get(name)
    if (!current) throw unprocessable('Reference does not exist')
    const sha = str(req.body, 'sha') as string
    if (!repo.store.commits.has(sha)) throw unprocessable('Object does not exist')
    const force = req.body.force === true
    refuseProtected(repo, name, force)
    if (!force && !repo.store.isAncestor(current, sha))
      throw unprocessable('Update is not a fast forward')
    setRef(repo, name, sha, force)
    return { body: ctx.shapes.ref(repo, name, sha) }
  }),
  gitRoute('DELETE /repos/:owner/:repo/git/refs/*ref', WRITE_CODE, (_req, p, ctx, repo) => {
    const name = `refs/${p.ref}`
    const sha = repo.refs.get(name)
    if (!sha) throw unprocessable('Reference does not exist')
    if (repo.protectedBranches.has((p.ref as string).replace(/^heads\//, '')))
      throw unprocessable('Cannot delete this protected branch')
    // github.com no longer closes a pull request whose head branch is deleted: it stays open,
    // showing the commit its head had.
    const branch = name.replace(/^refs\/heads\//, '')
    for (const pr of repo.pulls)
      if (pr.state === 'open' && pr.head.split(':').pop() === branch) pr.headSha = sha
    repo.refs.delete(name)
    return { status: 204 }
  }),
  gitRoute('POST /repos/:owner/:repo/git/blobs', WRITE_CODE, (req, p, ctx, repo) => {
    const content = str(req.body, 'content') as string
    const data =
      req.body.encoding === 'base64' ? Buffer.from(content, 'base64') : Buffer.from(content, 'utf8')
    const sha = repo.store.putBlob(data)
    return {
      status: 201,
      body: {
        sha,
        url: `${ctx.shapes.api}/repos/${repo.fullName}/git/blobs/${sha}`,
      },
    }
  }),
  gitRoute('GET /repos/:owner/:repo/git/blobs/:sha', READ_CODE, (_req, p, ctx, repo) => {
    const data = repo.store.blobs.get(p.sha as string)
    if (!data) throw notFound()
    return {
      body: {
        sha: p.sha,
        node_id: `B_${p.sha}`,
        size: data.length,
        encoding: 'base64',
        content: data.toString('base64'),
        url: `${ctx.shapes.api}/repos/${repo.fullName}/git/blobs/${p.sha}`,
      },
    }
  }),
  gitRoute('POST /repos/:owner/:repo/git/trees', WRITE_CODE, (req, p, ctx, repo) => {
    const baseTree = str(req.body, 'base_tree', false)
    if (baseTree && !repo.store.trees.has(baseTree)) throw unprocessable('Invalid tree info')
    const files = baseTree ? repo.store.files(baseTree) : new Map<string, string>()
    const entries = Array.isArray(req.body.tree)
      ? (req.body.tree as Array<Record<string, unknown>>)
      : []
    for (const e of entries) {
      const path = typeof e.path === 'string' ? e.path : ''
      if (!path) throw unprocessable('Invalid tree info', [{ field: 'path', code: 'missing' }])
      if (e.sha === null) files.delete(path)
      else if (typeof e.content === 'string')
        files.set(path, repo.store.putBlob(Buffer.from(e.content)))
      else if (typeof e.sha === 'string' && repo.store.blobs.has(e.sha)) files.set(path, e.sha)
      else throw unprocessable('Invalid tree info', [{ field: 'sha', code: 'invalid' }])
    }
    const sha = repo.store.treeFromFiles(files)
    return { status: 201, body: treeBody(ctx, repo, sha, false) }
  }),
  gitRoute('GET /repos/:owner/:repo/git/trees/:sha', READ_CODE, (req, p, ctx, repo) => {
    let sha = p.sha as string
    if (!repo.store.trees.has(sha)) {
      const commit = ctx.state.resolve(repo, sha)
      const c = commit ? repo.store.commits.get(commit) : undefined
      if (!c) throw notFound()
      sha = c.tree
    }
    // GitHub's docs: any value, even 0 or false, turns recursion on.
    const recursive = req.query.has('recursive')
    return { body: treeBody(ctx, repo, sha, recursive) }
  }),
  gitRoute('POST /repos/:owner/:repo/git/commits', WRITE_CODE, (req, p, ctx, repo) => {
    const tree = str(req.body, 'tree') as string
    if (!repo.store.trees.has(tree)) throw unprocessable('Tree SHA does not exist')
    const parents = Array.isArray(req.body.parents) ? (req.body.parents as string[]) : []
    for (const parent of parents)
      if (!repo.store.commits.has(parent))
        throw unprocessable('Parent SHA does not exist or is not a commit object')
    const date = ctx.state.tick()
    const me = ctx.installation
      ? {
          name: 'github-actions[bot]',
          email: '41898282+github-actions[bot]@users.noreply.github.com',
          date,
        }
      : ctx.state.person(ctx.login, date)
    const author = person(req.body.author, me)
    const committer = person(req.body.committer, me)
    // GitHub signs commits made through the API when it is the committer.
    const verified = req.body.committer === undefined && req.body.author === undefined
    const sha = repo.store.putCommit({
      tree,
      parents,
      author,
      committer,
      message: str(req.body, 'message') as string,
      authorLogin: ctx.installation
        ? 'github-actions[bot]'
        : (ctx.state.loginForEmail(author.email) ?? (req.body.author ? null : ctx.login)),
      committerLogin: ctx.installation
        ? 'github-actions[bot]'
        : (ctx.state.loginForEmail(committer.email) ?? (req.body.committer ? null : ctx.login)),
      verified,
    })
    return {
      status: 201,
      body: ctx.shapes.gitCommit(repo, repo.store.commits.get(sha) as CommitObject),
    }
  }),
  gitRoute('GET /repos/:owner/:repo/git/commits/:sha', READ_CODE, (_req, p, ctx, repo) => {
    const c = repo.store.commits.get(p.sha as string)
    if (!c) throw notFound()
    return { body: ctx.shapes.gitCommit(repo, c) }
  }),
  repoRoute(
    'GET /repos/:owner/:repo/pulls',
    READ_PRS,
    (req, p, ctx, repo) => {
      const state = req.query.get('state') ?? 'open'
      const head = req.query.get('head')
      const base = req.query.get('base')
      const list = repo.pulls
        .filter((pr) => state === 'all' || pr.state === state)
        .filter(
          (pr) =>
            !head ||
            pr.head.toLowerCase() === head.toLowerCase() ||
            `${repo.owner}:${pr.head}`.toLowerCase() === head.toLowerCase(),
        )
        .filter((pr) => !base || pr.base === base)
        .sort((a, b) => b.number - a.number)
      return listing(list, (pr) => ctx.shapes.pull(repo, pr))
    },
    {},
  ),
  repoRoute('POST /repos/:owner/:repo/pulls', WRITE_PRS, (req, p, ctx, repo) => {
    // GitHub's wording, as in danielroe/uppt#11 (the full 403 body of POST /pulls) and
    // peter-evans/create-pull-request#3979; off by default on new repositories.
    if (ctx.installation && !repo.settings.allowActionsToCreatePullRequests)
      throw new HttpError(
        403,
        'GitHub Actions is not permitted to create or approve pull requests.',
      )
    const head = (str(req.body, 'head') as string).replace(new RegExp(`^${repo.owner}:`, 'i'), '')
    const base = str(req.body, 'base') as string
    const title = str(req.body, 'title') as string
    const headSha = ctx.state.resolve(repo, head)
    const baseSha = ctx.state.resolve(repo, base)
    if (!headSha || !baseSha)
      throw unprocessable('Validation Failed', [
        { resource: 'PullRequest', field: headSha ? 'base' : 'head', code: 'invalid' },
      ])
    if (repo.pulls.some((pr) => pr.state === 'open' && pr.head === head && pr.base === base)) {
      throw unprocessable('Validation Failed', [
        {
          resource: 'PullRequest',
          code: 'custom',
          message: `A pull request already exists for ${repo.owner}:${head}.`,
        },
      ])
    }
    if (repo.store.commitsBetween(baseSha, headSha).length === 0) {
      throw unprocessable('Validation Failed', [
        {
          resource: 'PullRequest',
          code: 'custom',
          message: `No commits between ${base} and ${head}`,
        },
      ])
    }
    // Private repositories on free plans have no drafts: GitHub's 422 as quoted in
    // SWE-agent/SWE-agent#179 and mislav/hub#2099.
    if (req.body.draft === true && !repo.settings.draftPullRequests)
      throw unprocessable('Draft pull requests are not supported in this repository.')
    const now = ctx.state.tick()
    const number = Math.max(0, ...repo.pulls.map((x) => x.number)) + 1
    const pr: PullRecord = {
      number,
      id: ctx.state.id(),
      author: ctx.installation ? 'github-actions[bot]' : ctx.login,
      title,
      body: str(req.body, 'body', false) ?? '',
      state: 'open',
      draft: req.body.draft === true,
      createdAt: now,
      updatedAt: now,
      closedAt: null,
      mergedAt: null,
      head,
      base,
      labels: [],
      assignees: [],
      reviewers: [],
      comments: [],
    }
    repo.pulls.push(pr)
    return { status: 201, body: ctx.shapes.pull(repo, pr) }
  }),
  repoRoute('GET /repos/:owner/:repo/labels/:name', READ_PRS, (_req, p, ctx, repo) => {
    const label = repo.labels.get((p.name as string).toLowerCase())
    if (!label) throw notFound()
    return { body: ctx.shapes.label(repo, label.name) }
  }),
  repoRoute('POST /repos/:owner/:repo/labels', WRITE_PRS, (req, _p, ctx, repo) => {
    const name = str(req.body, 'name') as string
    const color = str(req.body, 'color', false) ?? 'ededed'
    // GitHub's 422s for a label (the body as quoted in tektoncd/plumbing#1098): a colour is six
    // hex digits without '#'.
    if (!/^[0-9a-f]{6}$/i.test(color))
      throw unprocessable('Validation Failed', [
        { resource: 'Label', code: 'invalid', field: 'color' },
      ])
    if (repo.labels.has(name.toLowerCase()))
      throw unprocessable('Validation Failed', [
        { resource: 'Label', code: 'already_exists', field: 'name' },
      ])
    const description = str(req.body, 'description', false) ?? ''
    ctx.state.label(repo, name, color.toLowerCase(), description)
    return { status: 201, body: ctx.shapes.label(repo, name) }
  }),
  repoRoute('GET /repos/:owner/:repo/pulls/:number', READ_PRS, (_req, p, ctx, repo) => {
    return { body: ctx.shapes.pull(repo, pullOf(repo, p.number as string)) }
  }),
  pullRoute('PATCH /repos/:owner/:repo/pulls/:number', WRITE_PRS, (req, ctx, repo, pr) => {
    const title = str(req.body, 'title', false)
    const body = str(req.body, 'body', false)
    const state = str(req.body, 'state', false)
    if (title !== undefined) pr.title = title
    if (body !== undefined) pr.body = body
    if (state === 'closed' && pr.state === 'open') {
      pr.state = 'closed'
      pr.closedAt = ctx.state.tick()
    } else if (state === 'open' && pr.state === 'closed' && !pr.mergedAt) {
      pr.state = 'open'
      pr.closedAt = null
    }
    pr.updatedAt = ctx.state.tick()
    return { body: ctx.shapes.pull(repo, pr) }
  }),
  pullRoute(
    'POST /repos/:owner/:repo/pulls/:number/requested_reviewers',
    WRITE_PRS,
    (req, ctx, repo, pr) => {
      const reviewers = Array.isArray(req.body.reviewers) ? (req.body.reviewers as string[]) : []
      if (reviewers.some((r) => r.toLowerCase() === pr.author.toLowerCase())) {
        throw unprocessable('Review cannot be requested from pull request author.')
      }
      // GitHub's wording: peter-evans/create-pull-request#4138.
      const collaborators = repo.settings.collaborators
      const mayReview = (login: string) =>
        collaborators
          ? collaborators.has(login) || login === repo.owner.toLowerCase()
          : ctx.state.users.has(login)
      for (const r of reviewers) {
        if (!mayReview(r.toLowerCase()))
          throw unprocessable(
            'Reviews may only be requested from collaborators. One or more of the users or teams you specified is not a collaborator of the ' +
              repo.fullName +
              ' repository.',
          )
      }
      pr.reviewers = [...new Set([...pr.reviewers, ...reviewers])]
      return { status: 201, body: ctx.shapes.pull(repo, pr) }
    },
  ),
  pullRoute('POST /repos/:owner/:repo/issues/:number/labels', WRITE_PRS, (req, ctx, repo, pr) => {
    const labels = Array.isArray(req.body.labels) ? (req.body.labels as string[]) : []
    pr.labels = [...new Set([...pr.labels, ...labels])]
    return { body: pr.labels.map((name) => ctx.shapes.label(repo, name)) }
  }),
  pullRoute(
    'POST /repos/:owner/:repo/issues/:number/assignees',
    WRITE_PRS,
    (req, ctx, repo, pr) => {
      const assignees = Array.isArray(req.body.assignees) ? (req.body.assignees as string[]) : []
      pr.assignees = [
        ...new Set([
          ...pr.assignees,
          ...assignees.filter((a) => ctx.state.users.has(a.toLowerCase())),
        ]),
      ]
      return { status: 201, body: ctx.shapes.issue(repo, pr) }
    },
  ),
  pullRoute('POST /repos/:owner/:repo/issues/:number/comments', WRITE_PRS, (req, ctx, repo, pr) => {
    const comment = {
      id: ctx.state.id(),
      user: ctx.login,
      body: str(req.body, 'body') as string,
      createdAt: ctx.state.tick(),
    }
    pr.comments.push(comment)
    return { status: 201, body: ctx.shapes.comment(repo, pr, comment) }
  }),
  pullRoute(
    'GET /repos/:owner/:repo/issues/:number/comments',
    READ_PRS,
    (req, ctx, repo, pr) => {
      return listing(pr.comments, (c) => ctx.shapes.comment(repo, pr, c))
    },
    {},
  ),
]

function treeBody(ctx: Context, repo: RepoState, sha: string, recursive: boolean) {
  const entries: TreeEntry[] = recursive ? repo.store.walk(sha) : (repo.store.trees.get(sha) ?? [])
  return {
    sha,
    url: `${ctx.shapes.api}/repos/${repo.fullName}/git/trees/${sha}`,
    truncated: false,
    tree: entries.map((e) => ({
      path: e.path,
      mode: e.mode,
      type: e.type,
      sha: e.sha,
      ...(e.type === 'blob' ? { size: repo.store.blobs.get(e.sha)?.length ?? 0 } : {}),
      url: `${ctx.shapes.api}/repos/${repo.fullName}/git/${e.type}s/${e.sha}`,
    })),
  }
}
