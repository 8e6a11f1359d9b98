import { t as transport, u as unreachableCode, o as isoSeconds, g as hostsOf, j as forgeScope, a as createRepoFilter, p as literalRepos, K as KEPT_COMMITS, l as limitedPages, f as inReadWindow } from './repo-filter.js';
import './errors.js';
import './_commonjsHelpers.js';
import './inputs.js';
import 'node:module';
import './input-defaults.js';
import './proxy.js';

const MAX_PAGES$1 = 50;
const LIMIT = 50;
const repoPath = (repo) => repo
    .split('/')
    .map((p) => encodeURIComponent(p))
    .join('/');
function forgejoReader(http, login) {
    return {
        kind: 'forgejo',
        async mergedByAccount(window) {
            const items = [];
            const pages = http.pages('/repos/issues/search', {
                type: 'pulls',
                state: 'closed',
                created: true,
                since: window.sinceIso,
                limit: LIMIT,
            }, MAX_PAGES$1);
            for await (const page of window.limited(pages)) {
                for (const p of page.data) {
                    const mergedAt = p.pull_request?.merged ? p.pull_request.merged_at : undefined;
                    const repo = p.repository?.full_name;
                    if (!mergedAt || !repo)
                        continue;
                    items.push({
                        repo,
                        number: p.number,
                        title: p.title,
                        url: p.html_url,
                        mergedAt,
                        author: p.user?.login ?? '',
                    });
                }
            }
            return items;
        },
        async mergedInRepo(repo, window) {
            const items = [];
            const pages = http.pages(`/repos/${repoPath(repo)}/pulls`, { state: 'closed', sort: 'recentupdate', limit: LIMIT }, MAX_PAGES$1);
            for await (const page of window.limited(pages)) {
                for (const p of page.data) {
                    if (!p.merged || !p.merged_at)
                        continue;
                    items.push({
                        repo: p.base?.repo?.full_name ?? repo,
                        number: p.number,
                        title: p.title,
                        url: p.html_url,
                        mergedAt: p.merged_at,
                        author: p.user?.login ?? '',
                    });
                }
                // Newest update first, and a merge is an update: past the window start, nothing more.
                const last = page.data[page.data.length - 1];
                if (!last || Date.parse(last.updated_at) < window.start)
                    break;
            }
            return items;
        },
        async project(repo, window, withPaths) {
            const { data: repository } = await window.limit(() => http.get(`/repos/${repoPath(repo)}`));
            if (repository.empty) {
                return {
                    url: repository.html_url,
                    commits: [],
                    count: 0,
                    ...(withPaths ? { paths: [] } : {}),
                };
            }
            const branch = repository.default_branch;
            const [{ commits, count }, paths] = await Promise.all([
                readCommits$1(http, repo, branch, login, window),
                withPaths ? readPaths$1(http, repo, branch, window) : undefined,
            ]);
            return { url: repository.html_url, commits, count, ...(paths ? { paths } : {}) };
        },
    };
}
/**
 * The account's commits on the default branch in the window: those Forgejo links to the login,
 * and unlinked ones (an email not on the account) carrying a name or email the linked ones use.
 */
async function readCommits$1(http, repo, branch, login, window) {
    const linked = [];
    const unlinked = [];
    const known = new Set();
    const pages = http.pages(`/repos/${repoPath(repo)}/commits`, {
        sha: branch,
        since: window.sinceIso,
        limit: LIMIT,
        stat: false,
        verification: false,
        files: false,
    }, MAX_PAGES$1);
    for await (const page of window.limited(pages)) {
        for (const c of page.data) {
            const date = c.commit.committer?.date ?? c.commit.author?.date ?? '';
            if (Date.parse(date) > window.now.getTime())
                continue;
            const commit = { sha: c.sha, message: c.commit.message, date, url: c.html_url };
            const who = [c.commit.author?.email, c.commit.author?.name]
                .filter((w) => Boolean(w?.trim()))
                .map((w) => w.trim().toLowerCase());
            if (c.author?.login) {
                if (c.author.login.toLowerCase() !== login.toLowerCase())
                    continue;
                linked.push(commit);
                for (const w of who)
                    known.add(w);
            }
            else {
                unlinked.push({ commit, who });
            }
        }
    }
    const adopted = unlinked.filter((u) => u.who.some((w) => known.has(w))).map((u) => u.commit);
    const commits = [...linked, ...adopted].sort((a, b) => Date.parse(b.date) - Date.parse(a.date));
    return { commits, count: commits.length };
}
async function readPaths$1(http, repo, branch, window) {
    const paths = [];
    // A large tree comes in pages (`truncated` while more follow), numbered without Link headers.
    for (let page = 1; page <= MAX_PAGES$1; page++) {
        const { data } = await window.limit(() => http.get(`/repos/${repoPath(repo)}/git/trees/${encodeURIComponent(branch)}`, {
            recursive: true,
            page,
            per_page: 1000,
        }));
        for (const e of data.tree ?? [])
            if (e.type === 'blob')
                paths.push(e.path);
        if (!data.truncated)
            break;
    }
    return paths.sort();
}

const MAX_PAGES = 50;
const encode = (path) => encodeURIComponent(path);
/** `group/sub/name` from `https://host/group/sub/name/-/merge_requests/12`. */
function gitlabRepoOf(mr) {
    const ref = mr.references?.full;
    if (ref && ref.includes('!'))
        return ref.slice(0, ref.lastIndexOf('!'));
    const m = /^https?:\/\/[^/]+\/(.+?)\/-\/merge_requests\/\d+/.exec(mr.web_url);
    return m?.[1];
}
function merged(mr, login) {
    const repo = gitlabRepoOf(mr);
    if (!mr.merged_at || !repo)
        return undefined;
    return {
        repo,
        number: mr.iid,
        title: mr.title,
        url: mr.web_url,
        mergedAt: mr.merged_at,
        author: mr.author?.username ?? login,
    };
}
function gitlabReader(http, login) {
    return {
        kind: 'gitlab',
        async mergedByAccount(window) {
            const items = [];
            const pages = http.pages('/merge_requests', {
                scope: 'all',
                state: 'merged',
                author_username: login,
                updated_after: window.sinceIso,
                order_by: 'updated_at',
                sort: 'desc',
                per_page: 100,
            }, MAX_PAGES);
            for await (const page of window.limited(pages)) {
                for (const mr of page.data) {
                    const item = merged(mr, login);
                    if (item)
                        items.push(item);
                }
            }
            return items;
        },
        async mergedInRepo(repo, window) {
            const items = [];
            const pages = http.pages(`/projects/${encode(repo)}/merge_requests`, {
                state: 'merged',
                author_username: login,
                updated_after: window.sinceIso,
                per_page: 100,
            }, MAX_PAGES);
            for await (const page of window.limited(pages)) {
                for (const mr of page.data) {
                    const item = merged(mr, login);
                    if (item)
                        items.push(item);
                }
            }
            return items;
        },
        async project(repo, window, withPaths) {
            const { data: project } = await window.limit(() => http.get(`/projects/${encode(repo)}`));
            const branch = project.default_branch;
            if (!branch) {
                // An empty project has no branch yet: nothing moved, nothing to match.
                return { url: project.web_url, commits: [], count: 0, ...(withPaths ? { paths: [] } : {}) };
            }
            const [{ commits, count }, paths] = await Promise.all([
                readCommits(http, repo, branch, window),
                withPaths ? readPaths(http, repo, branch, window) : undefined,
            ]);
            return { url: project.web_url, commits, count, ...(paths ? { paths } : {}) };
        },
    };
}
/**
 * Every commit of the default branch in the window: GitLab's commits carry no account, only a
 * name and email the project owner chose, so in one's own side project all count.
 */
async function readCommits(http, repo, branch, window) {
    const commits = [];
    const pages = http.pages(`/projects/${encode(repo)}/repository/commits`, { ref_name: branch, since: window.sinceIso, per_page: 100 }, MAX_PAGES);
    for await (const page of window.limited(pages)) {
        for (const c of page.data) {
            if (Date.parse(c.committed_date) > window.now.getTime())
                continue;
            commits.push({ sha: c.id, message: c.message, date: c.committed_date, url: c.web_url });
        }
    }
    return { commits, count: commits.length };
}
async function readPaths(http, repo, branch, window) {
    const paths = [];
    const pages = http.pages(`/projects/${encode(repo)}/repository/tree`, { recursive: true, ref: branch, per_page: 100, pagination: 'keyset' }, MAX_PAGES);
    for await (const page of window.limited(pages)) {
        for (const e of page.data)
            if (e.type === 'blob')
                paths.push(e.path);
    }
    return paths.sort();
}

/** A request that failed for good; its message names the request, never the token. */
class ForgeHttpError extends Error {
    failure;
    status;
    constructor(message, failure, status) {
        super(message);
        this.failure = failure;
        this.status = status;
        this.name = 'ForgeHttpError';
    }
}
const MAX_RATE_LIMIT_WAITS = 2;
function createForgeHttp(options) {
    const root = options.apiRoot.replace(/\/+$/, '');
    const origin = new URL(root).origin;
    const retries = options.retries ?? 3;
    const retryBaseMs = options.retryBaseMs ?? 1000;
    const retryAfterBaseMs = options.retryAfterBaseMs ?? 1000;
    const maxWait = options.maxRetryAfterSeconds ?? 60;
    const timeoutMs = options.requestTimeoutMs ?? 30_000;
    const log = options.log;
    // Behind a runner's proxy (HTTPS_PROXY, minus NO_PROXY), as GitHub's requests are.
    const send = transport(root);
    function urlFor(path, query = {}) {
        const url = new URL(root + path);
        for (const [k, v] of Object.entries(query)) {
            if (v !== undefined)
                url.searchParams.set(k, String(v));
        }
        return url;
    }
    /** `GET /path?query` relative to the API root, for messages. */
    function describe(url) {
        const path = url.href.startsWith(root) ? url.href.slice(root.length) : url.pathname;
        return `GET ${decodeURIComponent(path)}`;
    }
    async function request(url) {
        const what = `${options.name}: ${describe(url)}`;
        let failures = 0;
        let limited = 0;
        for (;;) {
            if (options.deadline.aborted)
                throw deadlineError(what);
            const started = Date.now();
            let response;
            try {
                response = await send(url, {
                    headers: { accept: 'application/json', ...options.headers },
                    signal: AbortSignal.any([options.deadline, AbortSignal.timeout(timeoutMs)]),
                    // A redirect is an answer (a sign-in page, a moved instance), never followed with the
                    // token to wherever it points.
                    redirect: 'manual',
                });
            }
            catch (error) {
                if (options.deadline.aborted)
                    throw deadlineError(what);
                const name = error instanceof Error ? error.name : '';
                if (name === 'TimeoutError') {
                    throw new ForgeHttpError(`${what} took more than ${timeoutMs / 1000} s`, 'timeout');
                }
                const code = unreachableCode(error) ?? causeCode(error);
                log.debug(`${what} -> ${code ?? 'failed'} (${Date.now() - started} ms)`);
                // Nothing listens there or no such host: asking again will not help.
                if (unreachableCode(error) || failures >= retries) {
                    throw new ForgeHttpError(`${what}: cannot connect (${code ?? error.message})`, 'unreachable');
                }
                await sleep((failures + 1) ** 2 * retryBaseMs, options.deadline);
                failures++;
                continue;
            }
            log.debug(`${what} -> ${response.status} (${Date.now() - started} ms)`);
            if (response.status >= 200 && response.status < 300) {
                try {
                    return {
                        data: (await response.json()),
                        status: response.status,
                        headers: response.headers,
                    };
                }
                catch {
                    throw new ForgeHttpError(`${what}: the answer is not JSON`, 'other', response.status);
                }
            }
            const body = await response.text().catch(() => '');
            const detail = errorDetail(body);
            if (response.status === 429) {
                const wait = retryAfterSeconds(response.headers);
                if (wait === undefined || wait > maxWait || limited >= MAX_RATE_LIMIT_WAITS) {
                    throw new ForgeHttpError(`${what}: rate limited (429${wait !== undefined ? `, asked to wait ${wait} s` : ''})`, 'rate-limit', 429);
                }
                log.warning(`${options.name} rate limit on ${describe(url)}: waiting ${wait} s as asked`);
                await sleep(wait * retryAfterBaseMs, options.deadline);
                limited++;
                continue;
            }
            if (response.status >= 500) {
                if (failures < retries) {
                    await sleep((failures + 1) ** 2 * retryBaseMs, options.deadline);
                    failures++;
                    continue;
                }
                throw new ForgeHttpError(`${what}: HTTP ${response.status}${detail}`, 'server', response.status);
            }
            const failure = response.status === 401 || response.status === 403
                ? 'auth'
                : response.status === 404
                    ? 'not-found'
                    : 'other';
            throw new ForgeHttpError(`${what}: HTTP ${response.status}${detail}`, failure, response.status);
        }
    }
    function deadlineError(what) {
        return new ForgeHttpError(`${what}: stopped when the run's time for the API was up (api-timeout-minutes)`, 'timeout');
    }
    async function* pages(path, query, maxPages) {
        let url = urlFor(path, query);
        for (let n = 0; url && n < maxPages; n++) {
            const page = await request(url);
            yield page;
            url = nextPage(url, page.headers);
            if (url && url.origin !== origin) {
                // The token goes with every request: never to another host than the forge's.
                log.warning(`${options.name}: the next page is on another host (${url.host}); stopping`);
                url = undefined;
            }
            if (url && n + 1 === maxPages) {
                log.warning(`${options.name}: ${describe(url)} and later pages not read (at most ${maxPages} pages)`);
            }
        }
    }
    return {
        name: options.name,
        get: (path, query) => request(urlFor(path, query)),
        pages,
    };
}
/** The next page: `Link: <…>; rel="next"` (GitLab and Forgejo), else GitLab's `x-next-page`. */
function nextPage(current, headers) {
    const link = headers.get('link') ?? '';
    for (const part of link.split(',')) {
        const m = /<([^>]+)>\s*;\s*rel="?next"?/.exec(part);
        if (m)
            return new URL(m[1], current);
    }
    const next = headers.get('x-next-page')?.trim();
    if (next && /^\d+$/.test(next)) {
        const url = new URL(current);
        url.searchParams.set('page', next);
        return url;
    }
    return undefined;
}
/**
 * Seconds a 429 asks to wait: `Retry-After` (seconds or an HTTP date), else GitLab's
 * `RateLimit-Reset` (epoch seconds). Undefined when it says nothing usable.
 */
function retryAfterSeconds(headers, now = Date.now()) {
    const after = headers.get('retry-after')?.trim();
    if (after) {
        if (/^\d+$/.test(after))
            return Number(after);
        const at = Date.parse(after);
        if (!Number.isNaN(at))
            return Math.max(0, Math.ceil((at - now) / 1000));
    }
    const reset = headers.get('ratelimit-reset')?.trim();
    if (reset && /^\d+$/.test(reset)) {
        const r = Number(reset);
        // Epoch seconds (GitLab); a small number is seconds from now (the IETF draft).
        return r > 1_000_000_000 ? Math.max(0, Math.ceil(r - now / 1000)) : r;
    }
    return undefined;
}
/**
 * ` (message)` from a forge's JSON error (`{"message": …}`, GitLab's OAuth-style
 * `{"error_description": …}`), or its text; short and on one line. It is the forge's text:
 * untrusted wherever it is shown.
 */
function errorDetail(body) {
    let message = body;
    try {
        const json = JSON.parse(body);
        message = json.message ?? json.error_description ?? json.error ?? '';
    }
    catch {
        // Not JSON (GitLab's `Retry later`, a proxy's page): the text itself.
    }
    const text = (typeof message === 'string' ? message : JSON.stringify(message))
        .replace(/\s+/g, ' ')
        .trim()
        .slice(0, 120);
    return text ? ` (${text})` : '';
}
function causeCode(error) {
    for (let e = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
        const code = e.code;
        if (code)
            return code;
    }
    return undefined;
}
function sleep(ms, signal) {
    return new Promise((resolve) => {
        if (signal.aborted || ms <= 0)
            return resolve();
        const timer = setTimeout(done, ms);
        function done() {
            clearTimeout(timer);
            signal.removeEventListener('abort', done);
            resolve();
        }
        signal.addEventListener('abort', done, { once: true });
    });
}

async function readForges(options, log, limit) {
    const deadline = AbortSignal.timeout(options.forges.timeoutMinutes * 60_000);
    const window = {
        sinceIso: isoSeconds(options.start),
        start: options.start,
        now: options.now,
        limit,
        limited: (pages) => limitedPages(pages, limit),
    };
    const allHosts = [
        ...options.otherHosts,
        ...options.forges.accounts.flatMap((a) => hostsOf(a.base)),
    ];
    const activity = { pullRequests: [], projects: [], skipped: [] };
    const skip = (source, reason) => {
        log.warning(`${source} left out of this run: ${reason}`);
        activity.skipped.push({ source, reason });
    };
    await Promise.all(options.forges.accounts.map(async (account) => {
        const projects = options.sideProjects.filter((p) => p.forge === account.base);
        const http = (apiRoot, headers = {}) => createForgeHttp({ ...options.waits, apiRoot, name: account.name, deadline, log, headers });
        let reader;
        try {
            const kind = account.kind ?? (await detectKind(account, http, limit, log));
            reader =
                kind === 'gitlab'
                    ? gitlabReader(http(`${account.base}/api/v4`, authHeader(kind, account.token)), account.login)
                    : forgejoReader(http(`${account.base}/api/v1`, authHeader(kind, account.token)), account.login);
        }
        catch (error) {
            const reason = explain(error, account);
            skip(account.name, reason);
            for (const p of projects)
                skip(projectSource(account, p.repo), reason);
            return;
        }
        const scope = forgeScope(options, hostsOf(account.base), allHosts);
        await Promise.all([
            readMerged(reader, account, scope, window, log, skip).then((prs) => activity.pullRequests.push(...prs)),
            ...projects.map(async (p) => {
                try {
                    const project = await readProject(reader, p, window);
                    log.info(`${projectSource(account, p.repo)}: ${project.commitCount ?? project.commits.length} commit(s) since ${window.sinceIso}${project.paths ? `, ${project.paths.length} path(s)` : ''}`);
                    activity.projects.push({ index: p.index, project });
                }
                catch (error) {
                    skip(projectSource(account, p.repo), explain(error, account, 'project'));
                }
            }),
        ]);
    }));
    activity.pullRequests.sort((a, b) => Date.parse(b.mergedAt) - Date.parse(a.mergedAt) || (a.url < b.url ? -1 : 1));
    return activity;
}
/** The token's header as each forge documents it; none without a token. */
function authHeader(kind, token) {
    if (!token)
        return {};
    return kind === 'gitlab' ? { 'private-token': token } : { authorization: `token ${token}` };
}
/**
 * GitLab or Forgejo, for a host that is neither known nor stated: Forgejo and Gitea answer the
 * public `GET /api/v1/version` with `{"version": …}`; GitLab has no v1 API (404, or a redirect
 * to its sign-in page on a private instance).
 */
async function detectKind(account, http, limit, log) {
    try {
        const { data } = await limit(() => http(`${account.base}/api/v1`).get('/version'));
        if (typeof data?.version === 'string') {
            log.debug(`${account.name}: Forgejo/Gitea ${data.version}`);
            return 'forgejo';
        }
    }
    catch (error) {
        if (!(error instanceof ForgeHttpError) ||
            !['not-found', 'other', 'auth'].includes(error.failure))
            throw error;
    }
    log.debug(`${account.name}: no /api/v1/version, read as GitLab`);
    return 'gitlab';
}
/**
 * The account's merged MRs/PRs in the window that the filters keep. With a token, one search
 * across the forge; without, one listing per repository named in `include-repos` (the forge's
 * account-wide search needs a token), and the rest is recorded as skipped.
 */
async function readMerged(reader, account, scope, window, log, skip) {
    if (scope.nothingIncluded) {
        log.info(`${account.name}: include-repos names no repository here; no merge requests read`);
        return [];
    }
    let filter;
    try {
        filter = await createRepoFilter({ author: account.login, ...scope.lists });
    }
    catch (error) {
        skip(account.name, error.message);
        return [];
    }
    const found = new Map();
    const left = { outside: 0, filtered: 0, other: 0 };
    const consider = (items) => {
        for (const item of items) {
            if (item.author.toLowerCase() !== account.login.toLowerCase()) {
                left.other++;
                continue;
            }
            if (!inReadWindow(item.mergedAt, window.start, window.now)) {
                left.outside++;
                continue;
            }
            const why = filter.rejection(item.repo);
            if (why) {
                log.debug(`skipping ${item.url}: ${why}`);
                left.filtered++;
                continue;
            }
            found.set(item.url, {
                repo: item.repo,
                ...forgeField(item.url),
                number: item.number,
                title: item.title,
                url: item.url,
                mergedAt: item.mergedAt,
            });
        }
    };
    const noun = reader.kind === 'gitlab' ? 'merge requests' : 'pull requests';
    try {
        if (account.token) {
            consider(await reader.mergedByAccount(window));
        }
        else if (reader.kind === 'gitlab' && (await anonymousSearch(reader, window, log, consider))) {
            // GitLab lists public MRs across the instance without a token (`scope=all`).
        }
        else {
            const repos = literalRepos(scope.lists.includeRepos);
            const results = await Promise.allSettled(repos.map((r) => reader.mergedInRepo(r, window)));
            results.forEach((r, i) => {
                if (r.status === 'fulfilled')
                    consider(r.value);
                else
                    skip(`${account.name}/${repos[i]}`, explain(r.reason, account, 'project'));
            });
            if (repos.length === 0 || scope.lists.includeRepos.length > repos.length) {
                skip(account.name, `${noun} across ${account.name} are read with a token only: add ${account.name}=\${{ secrets.… }} to forge-tokens${repos.length ? '; without one only the repositories include-repos names exactly were read' : ', or name repositories in include-repos to read them publicly'}`);
            }
        }
    }
    catch (error) {
        skip(account.name, explain(error, account));
        return [];
    }
    const prs = [...found.values()];
    log.info(`${account.name}: ${prs.length} merged ${noun} by ${account.login} (left out: ${left.filtered} by repository, ${left.outside} outside the window, ${left.other} by someone else)`);
    return prs;
}
/**
 * GitLab answers `/merge_requests?scope=all` without a token with the public projects' MRs
 * (`authenticate! unless params[:scope] == 'all'` in lib/api/merge_requests.rb); an instance
 * may still refuse it (401/403: sign-in required), and then the per-project path is taken.
 */
async function anonymousSearch(reader, window, log, consider) {
    try {
        consider(await reader.mergedByAccount(window));
        return true;
    }
    catch (error) {
        if (!(error instanceof ForgeHttpError) || error.failure !== 'auth')
            throw error;
        log.debug(`${error.message}: listing merge requests per project instead`);
        return false;
    }
}
async function readProject(reader, p, window) {
    const withPaths = p.progressPattern !== undefined;
    const read = await reader.project(p.repo, window, withPaths);
    const commits = read.commits.slice(0, KEPT_COMMITS);
    return {
        repo: p.repo,
        ...forgeField(read.url),
        url: read.url,
        ...(withPaths ? { progressPattern: p.progressPattern } : {}),
        ...(read.paths ? { paths: read.paths } : {}),
        commits,
        ...(read.count > commits.length ? { commitCount: read.count } : {}),
    };
}
function projectSource(account, repo) {
    return `${account.name}/${repo}`;
}
/** `{ forge: host }` of an item's web address; nothing when the forge sent no usable URL. */
function forgeField(url) {
    try {
        const host = new URL(url).host;
        return host ? { forge: host } : {};
    }
    catch {
        return {};
    }
}
/** One sentence a person can act on, naming the input to change; never the token. */
function explain(error, account, what = 'forge') {
    if (!(error instanceof ForgeHttpError)) {
        return `unexpected error: ${error instanceof Error ? error.message : String(error)}`;
    }
    switch (error.failure) {
        case 'auth':
            return account.token
                ? `${error.message}: the token for ${account.name} in forge-tokens was refused; check that it is valid and may read the API (GitLab: read_api; Forgejo: read:repository, read:issue)`
                : `${error.message}: ${account.name} asks for a token; add ${account.name}=\${{ secrets.… }} to forge-tokens`;
        case 'not-found':
            return what === 'project'
                ? `${error.message}: no such repository on ${account.name}, or it is private${account.token ? ' and the token in forge-tokens cannot see it' : ' (a token in forge-tokens can read it)'}`
                : `${error.message}: check the forge's address in forges`;
        case 'rate-limit':
            return `${error.message}; re-run later${account.token ? '' : ', or give a token in forge-tokens (a higher limit)'}`;
        case 'server':
        case 'unreachable':
        case 'timeout':
            return `${error.message}; ${account.name} is down or slow: re-run later`;
        default:
            return error.message;
    }
}

export { explain, readForges };
