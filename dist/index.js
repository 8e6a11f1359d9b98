import { readFileSync, mkdtempSync, writeFileSync, realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { v as validateBranchName, c as createTwoFilesPatch, g as getInput, a as configFromInputs, s as setSecret, b as checkEngineInputs, E as ExitCode, f as error, n as notice, o as outcomeMessage, w as writeSummary, h as debug, t as todayIn, j as sinceDate, k as setOutput, l as startGroup, m as info, p as endGroup, q as commitMessage, r as prBody, u as prTitle, x as warning, P as PAGE_PATH_CANDIDATES } from './chunks/summary.js';
import { N as NowPageError, i as isNowPageError } from './chunks/errors.js';
import { s as startOfDay, c as checkWindow, a as createRepoFilter, i as initialWindow, m as mergedRange, b as mergedBefore, d as createLimit, l as limitedPages, e as splitWindow, h as httpStatus, f as inReadWindow, g as hostsOf, j as forgeScope, r as readProjects, k as requestsAllOut, u as unreachableCode, n as createClient } from './chunks/repo-filter.js';
import { d as dateInZone } from './chunks/input-defaults.js';
import { AsyncLocalStorage } from 'node:async_hooks';
import { l as lazyBuiltin } from './chunks/inputs.js';
import './chunks/reference.js';
import 'os';
import 'fs';
import './chunks/_commonjsHelpers.js';
import './chunks/proxy.js';
import 'node:module';

/** GitHub serves at most this many results per query, whatever the page. */
const SEARCH_CAP = 1000;
/** GitHub rejects longer queries; optional exclusions are dropped to stay under it. */
const MAX_QUERY_LENGTH = 256;
/** `merged:` plus the longest range `mergedRange` writes. */
const RANGE_LENGTH = 'merged:2025-08-24T00:00:00Z..2025-08-24T11:59:59Z'.length;
/**
 * The author's pull requests merged into other people's repositories inside the window, each
 * once, newest merge first. The search sorts by anything but merge date and stops at 1000
 * results, so the window is split in halves until every query reports at most 1000.
 */
async function readPullRequests(client, options, log, limit = createLimit(4)) {
    const { author, since, now } = options;
    const start = startOfDay(since, options.timeZone);
    checkWindow(since, start, now);
    const filter = await createRepoFilter(options);
    const base = ['is:pr', 'is:merged', `author:${author}`, `-user:${author}`];
    let exclusions = ownerExclusions(base, filter.plainExcludedOwners, log);
    const collected = collector({ author, start, now, filter, log });
    const windows = [initialWindow(start, now)];
    let queries = 0;
    while (windows.length > 0) {
        const window = windows.shift();
        const q = [...base, ...exclusions, `merged:${mergedRange(window)}`].join(' ');
        queries++;
        const outcome = await searchWindow(client, q, window, limit, log, collected.consider);
        if (outcome.halves)
            windows.unshift(...outcome.halves);
        if (!('refused' in outcome))
            continue;
        if (exclusions.length === 0) {
            throw new NowPageError(`GitHub search rejected '${q}': ${errorMessage(outcome.refused)}`, {
                input: 'author',
                hint: 'Check that the author is an existing GitHub user login',
            });
        }
        // GitHub refuses a query naming an owner it does not know, e.g. a typo in exclude-orgs;
        // those owners are still excluded, client-side.
        log.warning(`GitHub search rejected the exclusions ${exclusions.join(' ')} (${errorMessage(outcome.refused)}); excluding those owners after the search instead`);
        exclusions = [];
        windows.unshift(window);
    }
    const pullRequests = [...collected.found.values()].sort(newestFirst);
    if (options.firstContribution) {
        await markFirstContributions(client, author, mergedBefore(start), pullRequests, limit);
    }
    const { skipped } = collected;
    log.info(`${pullRequests.length} merged pull request(s) in ${new Set(pullRequests.map((p) => p.repo)).size} repositories (${queries} search queries; left out: ${skipped.filtered} by repository, ${skipped.outside} outside the window, ${skipped.unmerged} unmerged, ${skipped.duplicate} seen twice)`);
    return pullRequests;
}
/** `-org:` terms for excluded owners, as many as fit in GitHub's query length; the rest are
 * excluded after the search. */
function ownerExclusions(base, owners, log) {
    const exclusions = [];
    for (const owner of owners) {
        const q = [...base, ...exclusions, `-org:${owner}`].join(' ');
        if (q.length + 1 + RANGE_LENGTH > MAX_QUERY_LENGTH) {
            log.debug(`search query full: exclude-orgs from '${owner}' on are applied after the search`);
            break;
        }
        exclusions.push(`-org:${owner}`);
    }
    return exclusions;
}
/** Keeps each search hit that is the author's, merged inside the window, in a repository the
 * filters allow, once; counts what it leaves out and why. */
function collector(o) {
    const found = new Map();
    const skipped = { unmerged: 0, outside: 0, filtered: 0, duplicate: 0 };
    const consider = (item) => {
        const mergedAt = item.pull_request?.merged_at;
        if (!mergedAt)
            return void skipped.unmerged++;
        if (!inReadWindow(mergedAt, o.start, o.now))
            return void skipped.outside++;
        if (item.user && item.user.login.toLowerCase() !== o.author.toLowerCase()) {
            return void skipped.filtered++;
        }
        const repo = /\/repos\/([^/]+\/[^/]+)$/.exec(item.repository_url)?.[1];
        const why = repo ? o.filter.rejection(repo) : `no repository in ${item.repository_url}`;
        if (!repo || why) {
            o.log.debug(`skipping ${item.html_url}: ${why}`);
            return void skipped.filtered++;
        }
        if (found.has(item.html_url))
            return void skipped.duplicate++;
        found.set(item.html_url, {
            repo,
            number: item.number,
            title: item.title,
            url: item.html_url,
            mergedAt,
        });
    };
    return { found, skipped, consider };
}
/** Pages through one window's results into `consider`; returns its halves instead when it holds
 * more than the search serves, or GitHub's refusal of the query (422 before any page: the one
 * refusal a changed query can fix). */
async function searchWindow(client, q, window, limit, log, consider) {
    const pages = client.paginate.iterator(client.rest.search.issuesAndPullRequests, {
        q,
        // Creation order moves only when a new PR appears while we page (the repeat is dropped
        // by URL); the default relevance order can reshuffle between pages.
        sort: 'created',
        order: 'desc',
        per_page: 100,
    });
    let first = true;
    try {
        for await (const { data: items } of limitedPages(pages, limit)) {
            if (first) {
                first = false;
                log.debug(`search '${q}': ${items.total_count} results`);
                if (items.total_count > SEARCH_CAP) {
                    const halves = splitWindow(window);
                    if (halves)
                        return { halves };
                    log.warning(`more than ${SEARCH_CAP} pull requests merged within one second (${mergedRange(window)}); GitHub serves only the first ${SEARCH_CAP}`);
                }
            }
            if (items.incomplete_results) {
                log.warning(`GitHub search timed out on '${q}'; some pull requests may be missing`);
            }
            for (const item of items)
                consider(item);
        }
    }
    catch (error) {
        if (first && httpStatus(error) === 422)
            return { refused: error };
        throw error;
    }
    return {};
}
function newestFirst(a, b) {
    return (Date.parse(b.mergedAt) - Date.parse(a.mergedAt) ||
        (a.repo < b.repo ? -1 : a.repo > b.repo ? 1 : 0) ||
        b.number - a.number);
}
/**
 * Flags the oldest PR of each repository when the author had no merged PR there before the
 * window: one `per_page=1` search per repository, reading only `total_count`.
 */
async function markFirstContributions(client, author, before, pullRequests, limit) {
    const repos = [...new Set(pullRequests.map((p) => p.repo))].sort();
    const earlier = new Map();
    await Promise.all(repos.map(async (repo) => {
        const q = `is:pr is:merged author:${author} repo:${repo} merged:${before}`;
        const { data } = await limit(() => client.rest.search.issuesAndPullRequests({ q, per_page: 1 }));
        earlier.set(repo, data.total_count > 0);
    }));
    for (const repo of repos) {
        const inRepo = pullRequests.filter((p) => p.repo === repo);
        const oldest = inRepo[inRepo.length - 1];
        for (const pr of inRepo)
            pr.firstContribution = !earlier.get(repo) && pr === oldest;
    }
}
function errorMessage(error) {
    return error instanceof Error ? error.message : String(error);
}

/**
 * Reads what the author did inside the window: merged upstream PRs and side-project commits,
 * the two read side by side under one bound on requests in flight.
 */
async function readActivity(client, options, log) {
    if (!/^[A-Za-z0-9][A-Za-z0-9-]{0,38}$/.test(options.author)) {
        throw new NowPageError(`'${options.author}' is not a GitHub user login`, { input: 'author' });
    }
    // Fails on a bad `since`, `time-zone` or `now` before any request is made.
    checkWindow(options.since, startOfDay(options.since, options.timeZone), options.now);
    const limit = createLimit(options.concurrency ?? 4);
    // Both ends as days in the author's zone: the window's own terms, one date style.
    const until = dateInZone(options.now, options.timeZone ?? 'UTC');
    const forgeProjects = options.sideProjects
        .map((p, index) => ({ ...p, index }))
        .filter((p) => p.forge !== undefined);
    const githubProjects = options.sideProjects.filter((p) => p.forge === undefined);
    const accounts = options.forges?.accounts ?? [];
    // The filters' host prefixes name forges; GitHub takes the unprefixed globs and its own.
    const githubHosts = ['github.com', ...(options.serverUrl ? hostsOf(options.serverUrl) : [])];
    const githubScope = forgeScope(options, githubHosts, [
        ...githubHosts,
        ...accounts.flatMap((a) => hostsOf(a.base)),
    ]);
    return log.group(`Reading the activity of ${options.author} from ${options.since} to ${until}`, async () => {
        const skipped = [];
        const [pullRequests, projects, forges] = await Promise.all([
            githubScope.nothingIncluded
                ? []
                : readPullRequests(client, { ...options, ...githubScope.lists }, log, limit),
            readProjects(client, { ...options, sideProjects: githubProjects, onSkip: (s) => skipped.push(s) }, log, limit),
            readForgeActivity(options, forgeProjects, githubHosts, log, limit),
        ]);
        skipped.push(...(forges?.skipped ?? []));
        // Reads finish in any order: the list is sorted so a rerun reports it the same way.
        skipped.sort((a, b) => (a.source < b.source ? -1 : a.source > b.source ? 1 : 0));
        return {
            since: options.since,
            pullRequests: [...pullRequests, ...(forges?.pullRequests ?? [])].sort((a, b) => Date.parse(b.mergedAt) - Date.parse(a.mergedAt)),
            projects: forges
                ? inConfiguredOrder(options.sideProjects, projects, forges.projects)
                : projects,
            ...(skipped.length > 0 ? { skipped } : {}),
        };
    });
}
/**
 * The forges' reads, side by side with GitHub's under the same bound. Their code is imported
 * only when a forge is configured: most runs never load it.
 */
async function readForgeActivity(options, sideProjects, githubHosts, log, limit) {
    const forges = options.forges;
    if (!forges || forges.accounts.length === 0)
        return undefined;
    const { readForges } = await import('./chunks/read-forges.js');
    return readForges({
        forges,
        sideProjects,
        start: startOfDay(options.since, options.timeZone),
        now: options.now,
        includeRepos: options.includeRepos,
        excludeRepos: options.excludeRepos,
        excludeOrgs: options.excludeOrgs,
        otherHosts: githubHosts,
        ...(options.forgeWaits ? { waits: options.forgeWaits } : {}),
    }, log, limit);
}
/** GitHub's and the forges' projects in the order `side-projects` lists them. */
function inConfiguredOrder(configured, github, forges) {
    const indexOf = (repo) => configured.findIndex((p) => p.forge === undefined && p.repo.toLowerCase() === repo.toLowerCase());
    return [...github.map((project) => ({ index: indexOf(project.repo), project })), ...forges]
        .sort((a, b) => a.index - b.index)
        .map((p) => p.project);
}

/**
 * A Logger whose groups may run at the same time without their lines mixing. The runner's log
 * has one open group at a time, so a group started while another is still reading would swallow
 * the other's lines. Each group's lines are kept (through the async calls its function makes,
 * request logs included) and printed as one block when it ends, even when it fails; lines outside
 * any group print at once. A group inside a group prints its name as a line of the outer one.
 */
function groupedLogger(sink) {
    const open = new AsyncLocalStorage();
    // A line logged in a group's context after it printed (a request it left running) prints at once.
    const emit = (line) => {
        const group = open.getStore();
        if (group && !group.done)
            group.lines.push(line);
        else
            line();
    };
    return {
        debug: (m) => emit(() => sink.debug(m)),
        info: (m) => emit(() => sink.info(m)),
        warning: (m) => emit(() => sink.warning(m)),
        group: async (name, fn) => {
            const outer = open.getStore();
            if (outer && !outer.done) {
                outer.lines.push(() => sink.info(name));
                return fn();
            }
            const group = { lines: [], done: false };
            try {
                return await open.run(group, fn);
            }
            finally {
                group.done = true;
                sink.startGroup(name);
                for (const line of group.lines)
                    line();
                sink.endGroup();
            }
        },
    };
}

const LOGIN = /^[A-Za-z0-9][A-Za-z0-9-]{0,38}$/;
/**
 * Whose activity the page shows: the `author` input; else the owner of the site's repository
 * when the event payload says that owner is a person (no request); else the token's user; else
 * (for the Actions token, which belongs to an app and gets 403 from `GET /user`) the repository
 * owner, provided GitHub says it is a person.
 */
async function resolveAuthor(client, options, log) {
    const given = options.author?.trim().replace(/^@/, '');
    if (given)
        return checkLogin(given, 'author');
    const owner = options.repositoryOwner?.trim();
    if (owner && options.repositoryOwnerType === 'User') {
        log.info(`author: ${owner} (the repository owner; set the author input to override)`);
        return checkLogin(owner, 'author');
    }
    try {
        const { data: user } = await client.rest.users.getAuthenticated();
        if (user.type === 'User') {
            log.info(`author: ${user.login} (the token's user)`);
            return checkLogin(user.login, 'author');
        }
        log.debug(`the token belongs to ${user.login}, a ${user.type}, not a person`);
    }
    catch (error) {
        // 403 "Resource not accessible by integration": an installation token such as GITHUB_TOKEN.
        if (httpStatus(error) !== 403)
            throw error;
        log.debug('GET /user answered 403: the token is an app installation token');
    }
    if (!owner) {
        throw new NowPageError('cannot tell whose activity to read', {
            input: 'author',
            hint: 'Set the author input to your GitHub login',
        });
    }
    checkLogin(owner, 'author');
    const { data: account } = await client.rest.users.getByUsername({ username: owner });
    if (account.type !== 'User') {
        throw new NowPageError(`cannot tell whose activity to read: the token is not a person's and the repository owner ${owner} is an ${account.type}`, { input: 'author', hint: 'Set the author input to your GitHub login' });
    }
    log.info(`author: ${account.login} (the repository owner; set the author input to override)`);
    return account.login;
}
function checkLogin(login, input) {
    if (!LOGIN.test(login)) {
        throw new NowPageError(`'${login}' is not a GitHub user login`, {
            input,
            hint: 'Use a login such as octocat (letters, digits and hyphens)',
        });
    }
    return login;
}

/** GitHub's message and its validation errors, as one line. */
function errorText(error) {
    const data = error.response?.data;
    const details = (data?.errors ?? []).map((e) => typeof e === 'string' ? e : (e.message ?? (e.field ? `invalid ${e.field}` : undefined)));
    return ([data?.message, ...details].filter(Boolean).join(': ') ||
        (error instanceof Error ? error.message : String(error)));
}
function headers(error) {
    return error.response?.headers ?? {};
}
const PERMISSIONS_BLOCK = 'permissions:\n  contents: write\n  pull-requests: write';
const ACTIONS_SETTING = 'Settings → Actions → General → Workflow permissions → "Allow GitHub Actions to create and approve pull requests"';
/** A refused write (or read) becomes what is wrong and the exact fix; anything else passes. */
function explainGitHubError(error, o) {
    if (error instanceof NowPageError)
        return error;
    const status = httpStatus(error);
    const text = errorText(error);
    const repo = `${o.owner}/${o.repo}`;
    if (status === 403 && /not permitted to create or approve pull requests/i.test(text)) {
        return new NowPageError(`GitHub does not let Actions open pull requests in ${repo} (403 ${text})`, {
            input: 'token',
            hint: `In the repository, turn on ${ACTIONS_SETTING} and save; in an organization, turn on the same setting in the organization's Settings → Actions → General first (it overrides the repository's). Or pass a personal access token as token`,
        });
    }
    if (status === 403 && /not accessible by personal access token/i.test(text)) {
        return new NowPageError(`the personal access token may not write to ${repo} (403 ${text})`, {
            input: 'token',
            hint: `Give the fine-grained token access to ${repo} with the repository permissions Contents: Read and write and Pull requests: Read and write (a classic token needs the repo scope)`,
        });
    }
    if (status === 403 && /not accessible by integration|permission/i.test(text)) {
        const needed = headers(error)['x-accepted-github-permissions'] ?? 'contents=write, pull_requests=write';
        return new NowPageError(`the token may not write to ${repo} (403 ${text}; needs ${needed})`, {
            input: 'token',
            hint: `Add to the workflow (or the job):\n${PERMISSIONS_BLOCK}\nand, in the repository, turn on ${ACTIONS_SETTING}`,
        });
    }
    if (status === 422 &&
        /protected branch|required status check|branch protection|repository rule/i.test(text)) {
        return new NowPageError(`the branch '${o.branch}' is protected against this token (422 ${text})`, {
            input: 'branch',
            hint: 'Use a branch name no protection rule or ruleset matches (the default now-page/refresh)',
        });
    }
    if (status === 409 && /repository is empty/i.test(text)) {
        return new NowPageError(`${repo} is empty: there is no base branch and no page to refresh (409 ${text})`, {
            input: 'page-path',
            hint: 'Push a first commit with the Now page, then run the Action again',
        });
    }
    return error;
}
/** A review request, label or assignee refused: a warning that says why and what to change. */
function extraWarning(what, names, error) {
    const text = errorText(error);
    const list = names.join(', ');
    if (/collaborator/i.test(text))
        return `could not request reviews from ${list}: ${text}. Reviewers must be collaborators of the repository; fix the reviewers input. The next run tries again.`;
    if (/color/i.test(text))
        return `could not add the labels ${list}: GitHub refused to create a label (${text}). Create the labels in the repository first; the next run adds them.`;
    return `could not add ${what} ${list} (${httpStatus(error) ?? 'error'} ${text}); the pull request was kept and the next run tries again.`;
}

const MAX_PAGE_BYTES = 1024 * 1024;
/** The head commit of a branch, or undefined when the branch does not exist. */
async function branchHead(client, owner, repo, branch) {
    try {
        const { data } = await client.rest.git.getRef({ owner, repo, ref: `heads/${branch}` });
        return data.object.sha;
    }
    catch (error) {
        if (httpStatus(error) === 404)
            return undefined;
        throw error;
    }
}
/** A file's text at a commit, or undefined when it is not there. Refuses binary and huge files. */
async function readText(client, where) {
    let data;
    try {
        data = (await client.rest.repos.getContent(where)).data;
    }
    catch (error) {
        // An empty repository answers the contents route 404 "This repository is empty.".
        if (/repository is empty/i.test(errorText(error))) {
            throw new NowPageError(`${where.owner}/${where.repo} is empty: there is no page to refresh`, {
                input: 'page-path',
                hint: 'Push a first commit with the Now page, then run the Action again',
            });
        }
        if (httpStatus(error) === 404)
            return undefined;
        throw error;
    }
    if (Array.isArray(data) ||
        typeof data !== 'object' ||
        data === null ||
        data.type !== 'file') {
        throw new NowPageError(`${where.path} is a directory, not a page`, {
            input: 'page-path',
            hint: 'Point page-path at the Markdown file, e.g. content/now/index.md',
        });
    }
    const file = data;
    if ((file.size ?? 0) > MAX_PAGE_BYTES ||
        file.encoding !== 'base64' ||
        file.content === undefined) {
        throw new NowPageError(`${where.path} is ${file.size ?? '?'} bytes, more than a Now page should be (limit ${MAX_PAGE_BYTES})`, {
            file: where.path,
            hint: 'Check page-path points at the Now page',
        });
    }
    const bytes = Buffer.from(file.content, 'base64');
    let text;
    try {
        if (bytes.includes(0))
            throw new Error('NUL byte');
        text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
    }
    catch {
        throw new NowPageError(`${where.path} is not a UTF-8 text file`, {
            file: where.path,
            hint: 'Point page-path at the Markdown source of the page',
        });
    }
    return { text, sha: file.sha };
}
/**
 * Reads the page from the base branch (the default branch when `base` is not set): the first
 * of `paths` that exists. One request when the page is there: the contents endpoint reads the
 * default branch without being told its name, so the run needs no repository read to start.
 */
async function readPageFromBase(client, opts) {
    const { owner, repo, base } = opts;
    for (const path of opts.paths) {
        const found = await readText(client, { owner, repo, path, ...(base ? { ref: base } : {}) });
        if (found)
            return { path, text: found.text, blobSha: found.sha };
    }
    // Every candidate is missing: find out whether the page, the branch or the repository is.
    let branch = base;
    try {
        if (base) {
            if (!(await branchHead(client, owner, repo, base))) {
                throw new NowPageError(`branch '${base}' does not exist in ${owner}/${repo}`, {
                    input: 'base',
                    hint: 'Set base to an existing branch, or leave it empty for the default branch',
                });
            }
        }
        else {
            branch = (await client.rest.repos.get({ owner, repo })).data.default_branch;
        }
    }
    catch (error) {
        if (httpStatus(error) === 404) {
            throw new NowPageError(`repository ${owner}/${repo} was not found, or the token cannot read it`, { input: 'token', hint: 'Give the token contents: read on the repository' });
        }
        throw error;
    }
    throw new NowPageError(`no Now page found on ${branch}: tried ${opts.paths.join(', ')}`, {
        input: 'page-path',
        hint: 'Set page-path to the page’s path in the repository, e.g. content/now.md',
    });
}

const crypto = lazyBuiltin('node:crypto');
const EXTRAS = new Set(['labels', 'assignees', 'reviewers']);
const PREFIX = '<!-- now-page-action:state ';
const SUFFIX = ' -->';
const SHA = /^[0-9a-f]{40}$/;
/** `body` with the state appended (any earlier state comment removed). */
function withRefreshState(body, state) {
    const { todo, ...rest } = state;
    const json = JSON.stringify({ v: 1, ...rest, ...(todo?.length ? { todo } : {}) });
    return `${withoutRefreshState(body).replace(/\s+$/, '')}\n\n${PREFIX}${json}${SUFFIX}`;
}
function withoutRefreshState(body) {
    const at = body.lastIndexOf(PREFIX);
    return at === -1 ? body : body.slice(0, at).replace(/\s+$/, '');
}
/** The state in a PR body, or undefined when there is none or it is not one we wrote. */
function readRefreshState(body) {
    if (!body)
        return undefined;
    const at = body.lastIndexOf(PREFIX);
    if (at === -1)
        return undefined;
    const end = body.indexOf(SUFFIX, at + PREFIX.length);
    if (end === -1)
        return undefined;
    let value;
    try {
        value = JSON.parse(body.slice(at + PREFIX.length, end));
    }
    catch {
        return undefined;
    }
    const v = value;
    if (v.v !== 1 || !isSha(v.head) || !isSha(v.basePage) || !isSha(v.page))
        return undefined;
    const todo = Array.isArray(v.todo) ? v.todo.filter((t) => EXTRAS.has(t)) : [];
    return {
        head: v.head,
        basePage: v.basePage,
        page: v.page,
        ...(isSha(v.base) ? { base: v.base } : {}),
        ...(todo.length ? { todo } : {}),
    };
}
/** The id git gives a file with this text (UTF-8): `sha1("blob <bytes>\0" + bytes)`. */
function gitBlobSha(text) {
    const bytes = Buffer.from(text, 'utf8');
    return crypto().createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
}
function isSha(v) {
    return typeof v === 'string' && SHA.test(v);
}

function pullView(pr) {
    return {
        number: pr.number,
        url: pr.html_url,
        title: pr.title,
        body: pr.body ?? '',
        head: pr.head.ref,
        base: pr.base.ref,
        headSha: pr.head.sha,
    };
}
function pullInfo(pr) {
    const { headSha: _, ...info } = pr;
    return info;
}

/** Marks every commit the Action makes; a commit on its branch without it is someone else's. */
const TRAILER = 'Now-Page-Action: refresh';
async function readListing(client, o, reuse) {
    const [page, pull] = await Promise.all([
        reuse && o.page ? o.page : readPageFromBase(client, { ...o, paths: [o.path] }),
        reuse && o.openPull !== undefined ? (o.openPull ?? undefined) : findOpenPull(client, o),
    ]);
    const view = pull ? pullView(pull) : undefined;
    return { page, pull: view, state: readRefreshState(view?.body) };
}
/** Rounds 2 and 3: the base's head, the default branch, the Action's branch, then the page at
 * that base commit, the branch's history and the page on the branch. */
async function observe(client, o, listing) {
    const { owner, repo } = o;
    const baseRef = o.base ?? listing.pull?.base;
    const [defaultBranch, baseCommit, branch] = await Promise.all([
        client.rest.repos.get({ owner, repo }).then((r) => r.data.default_branch),
        baseHead(client, o, baseRef),
        readBranch(client, owner, repo, o.branch),
    ]);
    const [atBase, history, onBranch] = await Promise.all([
        readText(client, { owner, repo, path: o.path, ref: baseCommit.sha }),
        branch ? branchHistory(client, o, baseCommit.sha, branch.sha) : undefined,
        branch ? readText(client, { owner, repo, path: o.path, ref: branch.sha }) : undefined,
    ]);
    return {
        ...listing,
        base: baseRef ?? defaultBranch,
        defaultBranch,
        baseCommit,
        atBase,
        branch,
        human: history?.human ?? [],
        upToDate: history?.upToDate ?? true,
        branchPage: branch ? (onBranch?.text ?? null) : undefined,
    };
}
/** The open pull request from the Action's branch (to `base`, when one is set). */
async function findOpenPull(client, o, request) {
    const { data } = await client.rest.pulls.list({
        ...(request ? { request } : {}),
        owner: o.owner,
        repo: o.repo,
        head: `${o.owner}:${o.branch}`,
        ...(o.base ? { base: o.base } : {}),
        state: 'open',
        per_page: 10,
    });
    return data[0];
}
/** The branch's head, its tree and protection; undefined when the branch does not exist. */
async function readBranch(client, owner, repo, branch, request) {
    try {
        const { data } = await client.rest.repos.getBranch({
            owner,
            repo,
            branch,
            ...(request ? { request } : {}),
        });
        return { sha: data.commit.sha, tree: data.commit.commit.tree.sha, protected: data.protected };
    }
    catch (error) {
        if (httpStatus(error) === 404)
            return undefined;
        throw error;
    }
}
/** The base's head commit and its tree, in one request (`HEAD` is the default branch). */
async function baseHead(client, o, ref) {
    try {
        const { data } = await client.rest.repos.getCommit({
            owner: o.owner,
            repo: o.repo,
            ref: ref ?? 'HEAD',
        });
        return { sha: data.sha, tree: data.commit.tree.sha };
    }
    catch (error) {
        if (httpStatus(error) === 404 || httpStatus(error) === 422) {
            throw new NowPageError(`branch '${ref ?? 'HEAD'}' does not exist in ${o.owner}/${o.repo}`, {
                input: 'base',
                hint: 'Set base to an existing branch, or leave it empty for the default branch',
            });
        }
        throw error;
    }
}
/** Commits on the branch since the base that the Action did not make, and whether the branch
 * already contains the base's head (one compare answers both). */
async function branchHistory(client, o, base, head) {
    const { data } = await client.rest.repos.compareCommitsWithBasehead({
        owner: o.owner,
        repo: o.repo,
        basehead: `${base}...${head}`,
    });
    return {
        human: data.commits
            .filter((c) => !c.commit.message.split('\n').includes(TRAILER))
            .map((c) => c.sha.slice(0, 7)),
        upToDate: data.behind_by === 0,
    };
}

const HINT = 'Give the Action a branch of its own (the default now-page/refresh)';
const same = (a, b) => a.toLowerCase() === b.toLowerCase();
/** Before any request: the branch input is a branch name, and not the base named by input. */
function checkBranchInput(o) {
    validateBranchName(o.branch);
    if (o.base !== undefined && same(o.branch, o.base)) {
        throw new NowPageError(`branch '${o.branch}' is the base branch: the Action never writes it`, {
            input: 'branch',
            hint: HINT,
        });
    }
}
/** Before the first write: why the branch must not be written, or undefined when it may be. */
function branchRefusal(f) {
    const which = same(f.branch, f.base)
        ? 'the base branch'
        : same(f.branch, f.defaultBranch)
            ? "the repository's default branch"
            : f.protected
                ? 'a protected branch'
                : undefined;
    if (!which)
        return undefined;
    return new NowPageError(`branch '${f.branch}' is ${which}: the Action writes only a branch of its own, and nothing was written`, { input: 'branch', hint: HINT });
}

const upToDate = (o) => ({
    kind: 'skip',
    changed: false,
    message: `${o.path} is up to date: nothing new since the last refresh.`,
});
/**
 * The decision the first round alone can make: the two outcomes of most scheduled runs, and,
 * with the runner's base head, the two writes that need no further read. Undefined means "read
 * more" (the full `plan`). The hidden state only ever lets a run skip work: a write it allows
 * rests on what GitHub checks when it is made (`ContentsDecision`).
 */
function planFromListing(o, l, hint) {
    const edited = o.edit(l.page.text);
    if (!edited.changed && !l.pull)
        return { decision: upToDate(o), diff: '' };
    const s = l.state;
    const proposes = l.pull &&
        edited.changed &&
        s?.head === l.pull.headSha &&
        s.basePage === l.page.blobSha &&
        s.page === gitBlobSha(edited.text) &&
        !s.todo?.length;
    if (proposes && l.pull)
        return withDiff(alreadyProposes(l.pull), o.path, l.page.text, edited.text);
    if (!edited.changed || o.dryRun || !hint)
        return undefined;
    const write = l.pull ? contentsUpdate(o, l, hint, edited.text) : contentsCreate(o, l, hint);
    return write && withDiff({ ...write, text: edited.text }, o.path, l.page.text, edited.text);
}
/** A plan whose diff is worked out when it is first read: for the log and the summary, after
 * the writes, so that its CPU time is not spent between two round trips. */
function withDiff(decision, path, before, after) {
    let diff;
    return {
        decision,
        get diff() {
            diff ??= diffOf(path, before, after);
            return diff;
        },
    };
}
/** No pull request: a branch at the base head, the page's commit on it, the pull request. */
function contentsCreate(o, l, hint) {
    if (o.base !== undefined && o.base !== hint.name)
        return undefined;
    return {
        kind: 'contents',
        action: 'create',
        base: hint.name,
        baseCommit: hint.sha,
        replaces: l.page.blobSha,
        parent: hint.sha,
        basePage: l.page.blobSha,
        extras: allExtras(o),
    };
}
/** The pull request's head is the Action's last commit, made on the base head the runner still
 * sees, over the page the base still has: the new commit goes on top of it. */
function contentsUpdate(o, l, hint, text) {
    const s = l.state;
    const pull = l.pull;
    if (!pull ||
        !s?.base ||
        s.head !== pull.headSha ||
        s.base !== hint.sha ||
        s.basePage !== l.page.blobSha ||
        // Only its extras are missing: the full plan completes them without a commit.
        s.page === gitBlobSha(text) ||
        pull.base !== hint.name)
        return undefined;
    return {
        kind: 'contents',
        action: 'update',
        base: pull.base,
        baseCommit: hint.sha,
        replaces: s.page,
        parent: pull.headSha,
        pull,
        basePage: l.page.blobSha,
        extras: extrasOnUpdate(o, s),
    };
}
/** What the repository looks like -> what to do. Pure: no I/O, every branch table-tested. */
function plan(o, s) {
    if (!s.atBase) {
        const error = new NowPageError(`${o.path} is not on ${s.base} any more`, { input: 'page-path' });
        return { decision: { kind: 'refuse', error }, diff: '' };
    }
    const refusal = branchRefusal({
        branch: o.branch,
        base: s.base,
        defaultBranch: s.defaultBranch,
        protected: s.branch?.protected ?? false,
    });
    if (refusal)
        return { decision: { kind: 'refuse', error: refusal }, diff: '' };
    const edited = o.edit(s.atBase.text);
    const decision = !edited.changed
        ? planStale(o, s)
        : s.branch && s.human.length > 0
            ? planOverHuman(o, s, s.atBase.sha)
            : planOwnBranch(o, s, edited.text, s.atBase.sha);
    const planned = o.dryRun ? asDryRun(o, decision) : decision;
    if (!edited.changed)
        return { decision: planned, diff: '' };
    return withDiff(planned, o.path, s.atBase.text, edited.text);
}
/** The base already has everything: a PR still open is stale, and goes unless a human added to it. */
function planStale(o, s) {
    if (!s.pull)
        return upToDate(o);
    if (s.human.length > 0) {
        return {
            kind: 'skip',
            changed: false,
            message: `${o.path} is up to date; the open pull request has human commits and was left alone.`,
            warning: `${o.path} is up to date on ${s.base}, but ${s.pull.url} has commits by someone else; it is left open`,
            pull: s.pull,
        };
    }
    return { kind: 'close', pull: s.pull, base: s.base, branchHead: s.branch?.sha };
}
/** Someone else committed on the Action's branch: leave it, or add the refresh on top. */
function planOverHuman(o, s, basePage) {
    const branch = s.branch;
    const where = s.pull ? s.pull.url : `the ${o.branch} branch`;
    if (o.onHumanEdit === 'skip') {
        const message = `${where} has ${s.human.length} commit(s) by someone else (${s.human.join(', ')}); it was not touched. Merge or close it, or set on-human-edit: rebase-onto.`;
        return { kind: 'skip', changed: true, message, warning: message, pull: s.pull };
    }
    const onTop = o.edit(s.branchPage ?? s.atBase?.text ?? '');
    if (!onTop.changed) {
        const message = `${where} already has the refresh on top of the human commits.`;
        return { kind: 'skip', changed: true, message, pull: s.pull };
    }
    return {
        kind: 'write',
        action: 'rebase',
        base: s.base,
        text: onTop.text,
        onto: branch.tree,
        parents: [branch.sha],
        expectedHead: branch.sha,
        pull: s.pull,
        basePage,
        extras: s.pull ? extrasOnUpdate(o, s.state) : allExtras(o),
    };
}
/** Only the Action's commits on its branch (or no branch): create, recreate or update. */
function planOwnBranch(o, s, text, basePage) {
    const base = s.baseCommit;
    if (!s.branch) {
        return {
            kind: 'write',
            action: s.pull ? 'recreate' : 'create',
            base: s.base,
            text,
            onto: base.tree,
            parents: [base.sha],
            pull: s.pull,
            basePage,
            extras: s.pull ? extrasOnUpdate(o, s.state) : allExtras(o),
            baseCommit: base.sha,
        };
    }
    if (s.branchPage === text && s.pull && s.upToDate) {
        const todo = s.state?.todo ?? [];
        if (todo.length && s.state)
            return { kind: 'complete', pull: s.pull, state: s.state, todo };
        return alreadyProposes(s.pull);
    }
    return {
        kind: 'write',
        action: 'update',
        base: s.base,
        text,
        onto: base.tree,
        // Compare-and-swap: the head read is the first parent, so the ref update is a fast-forward
        // GitHub refuses after any push since. A moved base comes in as the second parent.
        parents: s.upToDate ? [s.branch.sha] : [s.branch.sha, base.sha],
        expectedHead: s.branch.sha,
        pull: s.pull,
        basePage,
        extras: s.pull ? extrasOnUpdate(o, s.state) : allExtras(o),
        baseCommit: base.sha,
    };
}
function asDryRun(o, d) {
    if (d.kind === 'skip' || d.kind === 'refuse')
        return d;
    const what = d.kind === 'close'
        ? `#${d.pull.number} would be closed`
        : d.kind === 'complete'
            ? `#${d.pull.number} would get its missing ${d.todo.join(', ')}`
            : d.pull
                ? `#${d.pull.number} updated`
                : 'a pull request opened';
    const refreshed = d.kind === 'write' ? `${o.path} would be refreshed (${what})` : what;
    return {
        kind: 'skip',
        changed: d.kind !== 'close',
        message: `dry run: ${refreshed}.`,
        ...(d.kind === 'write' || !d.pull ? {} : { pull: d.pull }),
    };
}
function alreadyProposes(pull) {
    return {
        kind: 'skip',
        changed: true,
        message: `#${pull.number} already proposes this refresh.`,
        pull,
    };
}
function allExtras(o) {
    return ['labels', 'assignees', 'reviewers'].filter((e) => o[e].length > 0);
}
/** On an update, labels are (idempotently) applied again, plus whatever an earlier run missed. */
function extrasOnUpdate(o, state) {
    const todo = new Set(state?.todo ?? []);
    if (o.labels.length)
        todo.add('labels');
    return allExtras(o).filter((e) => todo.has(e));
}
function diffOf(path, before, after) {
    return createTwoFilesPatch(`a/${path}`, `b/${path}`, before, after);
}
function planRollback(written, headNow, 
/** An open PR from the branch: a request whose answer was lost may have opened it after all. */
openPull) {
    if (headNow === written.to && openPull !== undefined) {
        return {
            kind: 'leave',
            reason: `pull request #${openPull} was opened after all: ${written.branch} is kept for it`,
        };
    }
    if (headNow !== written.to) {
        return {
            kind: 'leave',
            reason: headNow
                ? `${written.branch} moved since this run wrote it (someone pushed): it is left as it is`
                : `${written.branch} is already gone`,
        };
    }
    if (written.created || !written.from)
        return { kind: 'delete', ref: written.branch };
    return { kind: 'restore', ref: written.branch, to: written.from };
}

/** How long undoing a failed run's branch write may take. */
const ROLLBACK_MS = 20_000;
/** The compare-and-swap of the branch lost: someone wrote it since it was read. Re-plan. */
class LostSwap extends Error {
    name = 'LostSwap';
}
/** A write planned from round 1 and the runner's base head found the repository otherwise;
 * nothing of it is left. Read everything and plan again. */
class ReadFirst extends Error {
    name = 'ReadFirst';
}
/** Writes the commit, moves the branch by compare-and-swap, then opens or updates the PR. A
 * failure before the PR is written undoes the branch write; extras failing only warn. */
async function executeWrite(client, o, d, log) {
    const tree = await createTree(client, o, d.onto, d.text);
    const commitSha = await createCommit(client, o, tree, d.parents);
    await swapRef(client, o, d.expectedHead, commitSha);
    const state = {
        head: commitSha,
        basePage: d.basePage,
        page: gitBlobSha(d.text),
        ...(d.baseCommit ? { base: d.baseCommit } : {}),
    };
    const body = withRefreshState(o.body, state);
    const warnings = [];
    const notes = [];
    if (d.action === 'recreate')
        notes.push(`${o.branch} had been deleted while #${d.pull?.number} stayed open: recreated it`);
    let pull;
    try {
        pull = d.pull
            ? await updatePull(client, o, d.pull.number, { title: o.title, body })
            : await openPull(client, o, d.base, body, warnings);
    }
    catch (error) {
        // A PR this run was opening may exist after all (the answer was lost); one it was updating
        // existed before, and says nothing.
        const undo = { created: !d.expectedHead, from: d.expectedHead, to: commitSha, opening: !d.pull };
        throw withNote(explainGitHubError(error, o), await rollBack(client, o, undo, log));
    }
    const failed = await applyExtras(client, o, pull.number, d.extras, warnings);
    if (failed.length)
        await markTodo(client, o, pull, state, failed, warnings);
    return { pull, commitSha, warnings, notes };
}
/**
 * The write of a plan from round 1 (`ContentsDecision`), in the fewest rounds REST allows: a
 * first run creates the branch at the base head (and checks that commit is the base's, in the
 * same round), commits the page on it through the Contents API and opens the PR; an update
 * commits on the branch and updates the PR. The Contents API refuses a page that is not the one
 * read (409); a commit whose parent is not the head relied on (a push landed just before it) is
 * undone at once. Either way nothing is left and the run reads everything (`ReadFirst`).
 */
async function executeContents(client, o, d, log) {
    const create = d.action === 'create';
    if (create)
        await createAtBase(client, o, d, log);
    let commit;
    try {
        commit = await commitContents(client, o, d);
    }
    catch (error) {
        const status = httpStatus(error);
        const retry = status === 409 || status === 404 || (status === 422 && /sha/i.test(errorText(error)));
        const undo = create
            ? await rollBack(client, o, fresh(d), log, retry ? 'retry' : 'failure')
            : undefined;
        if (retry)
            throw new ReadFirst(`${o.path} on ${o.branch} is not as read (${errorText(error)})`);
        throw undo ? withNote(explainGitHubError(error, o), undo) : error;
    }
    if (commit.parent !== d.parent) {
        // A push landed on the branch just before this commit: it sits on top of that push. Put the
        // branch back where the push left it, then plan with everything read.
        await rollBack(client, o, { created: false, from: commit.parent, to: commit.sha, opening: false }, log, 'retry');
        throw new ReadFirst(`${o.branch} moved while the Action wrote it`);
    }
    const state = {
        head: commit.sha,
        basePage: d.basePage,
        page: gitBlobSha(d.text),
        base: d.baseCommit,
    };
    const body = withRefreshState(o.body, state);
    const warnings = [];
    let pull;
    try {
        pull = d.pull
            ? await updatePull(client, o, d.pull.number, { title: o.title, body })
            : await openPull(client, o, d.base, body, warnings);
    }
    catch (error) {
        const undo = create
            ? fresh(d, commit.sha)
            : { created: false, from: d.parent, to: commit.sha, opening: false };
        throw withNote(explainGitHubError(error, o), await rollBack(client, o, undo, log));
    }
    const failed = await applyExtras(client, o, pull.number, d.extras, warnings);
    if (failed.length)
        await markTodo(client, o, pull, state, failed, warnings);
    return { pull, commitSha: commit.sha, warnings, notes: [] };
}
/** What a first run's rollback undoes: the branch it created (at `to`, its head now). */
const fresh = (d, to = d.baseCommit) => ({
    created: true,
    to,
    opening: true,
});
/** Creates the branch at the runner's base head, and checks in the same round that this commit
 * is on the base (a base force-pushed since the run was triggered would not have it). */
async function createAtBase(client, o, d, log) {
    const [created, onBase] = await Promise.allSettled([
        client.rest.git.createRef({
            owner: o.owner,
            repo: o.repo,
            ref: `refs/heads/${o.branch}`,
            sha: d.baseCommit,
        }),
        client.rest.repos.compareCommitsWithBasehead({
            owner: o.owner,
            repo: o.repo,
            basehead: `${d.baseCommit}...${d.base}`,
            per_page: 1,
        }),
    ]);
    const fits = onBase.status === 'fulfilled' &&
        (onBase.value.data.status === 'identical' || onBase.value.data.status === 'ahead');
    if (created.status === 'rejected') {
        const error = created.reason;
        if (httpStatus(error) === 422 && /already exists/i.test(errorText(error)))
            throw new ReadFirst(`${o.branch} already exists`);
        throw error;
    }
    if (!fits) {
        const why = onBase.status === 'rejected' ? errorText(onBase.reason) : onBase.value.data.status;
        const failed = onBase.status === 'rejected' && httpStatus(onBase.reason) !== 404;
        const note = await rollBack(client, o, fresh(d), log, failed ? 'failure' : 'retry');
        if (failed)
            throw withNote(explainGitHubError(onBase.reason, o), note);
        throw new ReadFirst(`the runner's commit ${d.baseCommit.slice(0, 7)} is not on ${d.base} (${why})`);
    }
}
/** One commit of the page on the Action's branch, through the Contents API. */
async function commitContents(client, o, d) {
    const { data } = await client.rest.repos.createOrUpdateFileContents({
        owner: o.owner,
        repo: o.repo,
        path: o.path,
        branch: o.branch,
        sha: d.replaces,
        message: `${o.commitMessage}\n\n${TRAILER}`,
        content: Buffer.from(d.text, 'utf8').toString('base64'),
        ...(o.author ? { author: o.author } : {}),
        ...(o.committer ? { committer: o.committer } : {}),
    });
    return { sha: data.commit.sha, parent: data.commit.parents?.[0]?.sha };
}
/** The PR is right but an earlier run could not add some labels, assignees or reviewers. */
async function executeComplete(client, o, d) {
    const warnings = [];
    const failed = await applyExtras(client, o, d.pull.number, d.todo, warnings);
    if (failed.length < d.todo.length)
        await markTodo(client, o, d.pull, d.state, failed, warnings);
    return { pull: d.pull, warnings, notes: [] };
}
/** The base has the change already: comment, close, and delete the branch if still as read. */
async function executeClose(client, o, d) {
    const { owner, repo } = o;
    await client.rest.issues.createComment({
        owner,
        repo,
        issue_number: d.pull.number,
        body: `${d.base} already contains this refresh of \`${o.path}\`, so this pull request is no longer needed. Closing it${d.branchHead ? ` and deleting \`${o.branch}\`` : ''}.`,
    });
    await client.rest.pulls.update({ owner, repo, pull_number: d.pull.number, state: 'closed' });
    const notes = [];
    if (d.branchHead) {
        // REST has no conditional delete: check the head just before, so a push made since the
        // plan was read keeps its branch.
        const now = await readBranch(client, owner, repo, o.branch);
        if (now?.sha === d.branchHead)
            await deleteRef(client, o);
        else
            notes.push(`${o.branch} moved since it was read: it was kept`);
    }
    return { pull: d.pull, warnings: [], notes };
}
async function swapRef(client, o, expectedHead, sha) {
    const { owner, repo } = o;
    try {
        if (expectedHead) {
            // Never forced: `sha` descends from `expectedHead`, so this only succeeds if the branch is
            // still there (GitHub answers 422 "Update is not a fast forward" otherwise).
            await client.rest.git.updateRef({ owner, repo, ref: `heads/${o.branch}`, sha, force: false });
        }
        else {
            await client.rest.git.createRef({ owner, repo, ref: `refs/heads/${o.branch}`, sha });
        }
    }
    catch (error) {
        const text = errorText(error);
        if (httpStatus(error) === 422 &&
            /not a fast forward|already exists|does not exist/i.test(text)) {
            throw new LostSwap(`${o.branch} changed while the Action wrote it (${text})`);
        }
        throw error;
    }
}
async function openPull(client, o, base, body, warnings) {
    const create = async (draft) => pullView((await client.rest.pulls.create({
        owner: o.owner,
        repo: o.repo,
        head: o.branch,
        base,
        title: o.title,
        body,
        draft,
    })).data);
    try {
        return await create(o.draft);
    }
    catch (error) {
        const text = errorText(error);
        if (o.draft &&
            httpStatus(error) === 422 &&
            /draft pull requests are not supported/i.test(text)) {
            warnings.push(`${o.owner}/${o.repo} does not support draft pull requests (${text}): opened it ready for review instead. Set draft: false to silence this.`);
            return create(false);
        }
        // Another run opened it a moment ago: use that one.
        if (httpStatus(error) === 422 && /already exists/i.test(text)) {
            const existing = await findOpenPull(client, o);
            if (existing)
                return updatePull(client, o, existing.number, { title: o.title, body });
        }
        throw error;
    }
}
async function updatePull(client, o, number, change) {
    const { data } = await client.rest.pulls.update({
        owner: o.owner,
        repo: o.repo,
        pull_number: number,
        ...change,
    });
    return pullView(data);
}
/** Adds each extra on its own; returns the ones that failed (each with a warning). */
async function applyExtras(client, o, number, extras, warnings) {
    const { owner, repo } = o;
    const add = {
        labels: () => client.rest.issues.addLabels({ owner, repo, issue_number: number, labels: o.labels }),
        assignees: () => client.rest.issues.addAssignees({
            owner,
            repo,
            issue_number: number,
            assignees: o.assignees,
        }),
        reviewers: () => client.rest.pulls.requestReviewers({
            owner,
            repo,
            pull_number: number,
            reviewers: o.reviewers,
        }),
    };
    const failed = [];
    for (const extra of extras) {
        try {
            await add[extra]();
        }
        catch (error) {
            if (error instanceof NowPageError)
                throw error;
            failed.push(extra);
            warnings.push(extraWarning(extra, o[extra], error));
        }
    }
    return failed;
}
/** Records in the PR body what is still missing, so the next run adds it instead of saying
 * "already proposes". Best effort: the PR itself is fine. */
async function markTodo(client, o, pull, state, todo, warnings) {
    try {
        const body = withRefreshState(pull.body || o.body, { ...state, todo });
        await updatePull(client, o, pull.number, { body });
    }
    catch (error) {
        warnings.push(`could not note the missing ${todo.join(', ')} in #${pull.number}: ${errorText(error)}`);
    }
}
/** Undoes this run's branch write (after a failure before the PR was written); says what it did. */
async function rollBack(client, o, { opening, ...written }, log, 
/** `retry`: the fast path gave way and the run reads everything and goes on; not a failure. */
why = 'failure') {
    let note;
    // Its own time bound: a run that failed because its deadline fired must still clean up.
    const request = { signal: AbortSignal.timeout(ROLLBACK_MS) };
    try {
        const [now, pull] = await Promise.all([
            readBranch(client, o.owner, o.repo, o.branch, request),
            opening ? findOpenPull(client, o, request) : undefined,
        ]);
        const r = planRollback({ branch: o.branch, ...written }, now?.sha, pull?.number);
        if (r.kind === 'delete') {
            await deleteRef(client, o, request);
            note = `deleted the branch ${o.branch} this run had created`;
        }
        else if (r.kind === 'restore') {
            // Forced, but only on the Action's own branch and only when its head is still this run's
            // commit (checked just above): it puts back exactly what was there.
            await client.rest.git.updateRef({
                owner: o.owner,
                repo: o.repo,
                ref: `heads/${o.branch}`,
                sha: r.to,
                force: true,
                request,
            });
            note = `moved ${o.branch} back to ${r.to.slice(0, 7)}, where this run found it`;
        }
        else {
            note = r.reason;
        }
    }
    catch (error) {
        note = `could not undo the write to ${o.branch} (${errorText(error)}): delete it or reset it by hand`;
    }
    if (why === 'retry' && !note.startsWith('could not undo')) {
        log.info(`undid this run's first write to ${o.branch} (${note}); writing it again from a full read`);
    }
    else {
        log.warning(`the run failed after writing ${o.branch}: ${note}`);
    }
    return note;
}
function withNote(error, note) {
    if (error instanceof NowPageError) {
        return new NowPageError(`${error.message}; ${note}`, {
            ...(error.file ? { file: error.file } : {}),
            ...(error.line ? { line: error.line } : {}),
            ...(error.input ? { input: error.input } : {}),
            ...(error.hint ? { hint: error.hint } : {}),
        });
    }
    if (error instanceof Error)
        error.message = `${error.message} (${note})`;
    return error;
}
async function deleteRef(client, o, request) {
    await client.rest.git.deleteRef({
        owner: o.owner,
        repo: o.repo,
        ref: `heads/${o.branch}`,
        ...(request ? { request } : {}),
    });
}
/** A tree: `baseTree` with the page replaced. The text goes inline (no blob request). */
async function createTree(client, o, baseTree, text) {
    const { data } = await client.rest.git.createTree({
        owner: o.owner,
        repo: o.repo,
        base_tree: baseTree,
        tree: [{ path: o.path, mode: '100644', type: 'blob', content: text }],
    });
    return data.sha;
}
async function createCommit(client, o, tree, parents) {
    const { data } = await client.rest.git.createCommit({
        owner: o.owner,
        repo: o.repo,
        tree,
        parents,
        message: `${o.commitMessage}\n\n${TRAILER}`,
        ...(o.author ? { author: o.author } : {}),
        ...(o.committer ? { committer: o.committer } : {}),
    });
    return data.sha;
}

/** How many times a run re-reads and re-plans after losing a compare-and-swap to a push. */
const MAX_ATTEMPTS = 3;
/**
 * Publishes the edit as one pull request from the Action's own branch: creates it, updates it,
 * closes it when the base already has the change, or does nothing. Each attempt reads what the
 * repository looks like, plans (pure), and carries the plan out; a branch that moved under the
 * write sends it round again. Writes go through the API, so no clone is needed and the commit is
 * verified: with the runner's base head (`baseHint`), a first run or an update of its own branch
 * writes straight from round 1 through the Contents API (one request a commit); otherwise, and
 * whenever that write finds the repository otherwise, through the Git Data API after reading.
 */
async function publish(client, o, log) {
    checkBranchInput(o);
    let hint = o.baseHint;
    try {
        for (let attempt = 0;; attempt++) {
            try {
                return await publishOnce(client, o, log, attempt, hint);
            }
            catch (error) {
                if (error instanceof ReadFirst && hint) {
                    // Not an attempt lost to a push: the same attempt again, reading everything.
                    log.info(`${error.message}: reading the base and the branch`);
                    hint = undefined;
                    attempt--;
                    continue;
                }
                if (!(error instanceof LostSwap))
                    throw error;
                if (attempt + 1 >= MAX_ATTEMPTS) {
                    throw new NowPageError(`${o.branch} keeps moving while the Action writes; nothing was changed`, { input: 'branch', hint: 'Re-run the workflow once the pushes to it stop' });
                }
                log.info(`${error.message}: reading it again`);
            }
        }
    }
    catch (error) {
        throw explainGitHubError(error, o);
    }
}
async function publishOnce(client, o, log, attempt, hint) {
    // Round 1, unless the caller made it alongside the activity reads: the page and the PR.
    const listing = await readListing(client, o, attempt === 0);
    const p = planFromListing(o, listing, hint) ?? plan(o, await observe(client, o, listing));
    if (p.decision.kind === 'write' && listing.page.blobSha !== p.decision.basePage)
        log.info(`${o.path} changed on the base since it was read: editing it as it is now`);
    return carryOut(client, o, p, log);
}
async function carryOut(client, o, p, log) {
    const d = p.decision;
    // Notes ride in the message too, so the log and the summary show them as they are.
    const result = (r, done) => ({
        ...r,
        message: done?.notes.length ? `${r.message} (${done.notes.join('; ')})` : r.message,
        // Read here, once the writes are done (the diff is worked out when first read).
        diff: p.diff,
        warnings: done?.warnings ?? [],
        notes: done?.notes ?? [],
        ...(done?.pull ? { pullRequest: pullInfo(done.pull) } : {}),
    });
    switch (d.kind) {
        case 'refuse':
            throw d.error;
        case 'skip':
            return {
                ...result({ operation: 'none', changed: d.changed, message: d.message }),
                warnings: d.warning ? [d.warning] : [],
                ...(d.pull ? { pullRequest: pullInfo(d.pull) } : {}),
            };
        case 'close': {
            const done = await executeClose(client, o, d);
            const deleted = d.branchHead && !done.notes.length ? ` and deleted ${o.branch}` : '';
            const message = `${d.base} already has the change: closed #${d.pull.number}${deleted}.`;
            return result({ operation: 'closed', changed: false, message }, done);
        }
        case 'complete': {
            const done = await executeComplete(client, o, d);
            const message = `#${d.pull.number} already proposes this refresh; added its missing ${d.todo.join(', ')}.`;
            return result({ operation: 'none', changed: true, message }, done);
        }
        case 'contents': {
            const done = await executeContents(client, o, d, log);
            const message = writeMessage(o, d, done.pull);
            const operation = d.pull ? 'updated' : 'created';
            return result({ operation, changed: true, message, commitSha: done.commitSha }, done);
        }
        case 'write': {
            const done = await executeWrite(client, o, d, log);
            const message = writeMessage(o, d, done.pull);
            const operation = d.pull ? 'updated' : 'created';
            return result({ operation, changed: true, message, commitSha: done.commitSha }, done);
        }
    }
}
function writeMessage(o, d, pr) {
    return d.pull
        ? `Updated #${pr.number} with the refreshed ${o.path}.`
        : `Opened #${pr.number} to refresh ${o.path}.`;
}

/**
 * The base's head as the runner saw it, when the runner's commit is the base's: GitHub sets
 * GITHUB_SHA to the last commit of GITHUB_REF for `schedule` (the default branch) and
 * `workflow_dispatch` runs. Undefined when the run's ref is another branch, a tag or a pull
 * request's merge commit, or when the base is the default branch and its name is unknown.
 * Pure: the caller passes the environment and the event's default branch.
 */
function baseHint(env, base, eventDefaultBranch) {
    const sha = env.GITHUB_SHA ?? '';
    const ref = env.GITHUB_REF ?? '';
    if (!/^[0-9a-f]{40}$/.test(sha) || !ref.startsWith('refs/heads/'))
        return undefined;
    const name = ref.slice('refs/heads/'.length);
    // A scheduled run always runs on the default branch.
    const defaultBranch = eventDefaultBranch ?? (env.GITHUB_EVENT_NAME === 'schedule' ? name : undefined);
    return (base ?? defaultBranch) === name ? { name, sha } : undefined;
}

/** The payload's facts; `{}` without one, and a debug line (not a failure) when it is unreadable. */
function readEvent(env, debug) {
    if (!env.GITHUB_EVENT_PATH)
        return {};
    try {
        const payload = JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, 'utf8'));
        const { owner, default_branch: defaultBranch } = payload.repository ?? {};
        return {
            ...(typeof owner?.type === 'string' ? { ownerType: owner.type } : {}),
            ...(typeof defaultBranch === 'string' ? { defaultBranch } : {}),
            ...(env.GITHUB_EVENT_NAME === 'workflow_dispatch'
                ? { dispatch: dispatchInputs(payload.inputs) }
                : {}),
        };
    }
    catch (error) {
        debug(`could not read the event payload: ${error.message}`);
        return {};
    }
}
function dispatchInputs(inputs) {
    if (!inputs || typeof inputs !== 'object')
        return {};
    return Object.fromEntries(Object.entries(inputs).map(([name, value]) => [name, String(value)]));
}

/**
 * Work moved off the way to the first request, in one chain that starts when the event loop first
 * idles (the reads are out): the page core's chunk (~1 MB with RE2, ~40 ms to compile), then the
 * engine checks (Intl's first formatter, RE2), then, if the answers are still out, an edit of a
 * sample page so the real edit, which the first write waits for, finds the parsers compiled.
 * Loaded at job start, the chunk delayed the requests still being dispatched; loaded when the
 * edit needs it, it would follow the last answer. Whoever needs a step first starts it at once.
 */
function roundOneWork(timeZone, check, 
/** True when the job's requests of the moment are all out (see github/client.ts). */
requestsOut = () => true) {
    let core;
    let checked;
    let wanted = false;
    const load = () => (core ??= import('./chunks/core.js'));
    const engineChecks = () => (checked ??= Promise.resolve().then(check));
    void whenLoopIdles(requestsOut)
        .then(load)
        .then(async (loaded) => {
        await engineChecks();
        if (wanted)
            return;
        await whenLoopIdles(requestsOut);
        if (!wanted)
            await loaded.warmUp(timeZone);
    })
        // Each step's failure reaches the job where it asks for that step.
        .catch(() => { });
    return {
        pageCore: () => {
            wanted = true;
            return load();
        },
        engineChecks,
    };
}
/**
 * Resolves once the event loop was busy less than half of a 2 ms window with every request of the
 * moment out: measured on Node 24, the loop also idles while the client's limiters wait on a timer
 * between two requests, and work started then held round 1's last requests back 35-100 ms in half
 * the runs. Its timers are unref'd: a job that ends first (an error) exits without waiting.
 */
function whenLoopIdles(requestsOut) {
    return new Promise((resolve) => {
        let last = performance.eventLoopUtilization();
        const check = () => {
            const now = performance.eventLoopUtilization();
            const idle = performance.eventLoopUtilization(now, last).utilization < 0.5;
            if (idle && requestsOut())
                return resolve();
            last = now;
            setTimeout(check, 2).unref();
        };
        setTimeout(check, 2).unref();
    });
}

// The page and the activity are read at once, each in its own group: the grouped logger keeps
// each group's lines together instead of letting them land in whichever group is open.
const logger = groupedLogger({
    debug: (m) => debug(m),
    info: (m) => info(m),
    warning: (m) => warning(m),
    startGroup: (name) => startGroup(name),
    endGroup: () => endGroup(),
});
/**
 * The Action's main job, in the one direction data flows: inputs -> config -> read activity ->
 * edit the page (pure) -> publish. Every failure ends here as one clear error; nothing is
 * written to GitHub before the edit is known to be valid.
 */
async function run(env = process.env, 
/** Shorter waits for tests that run the job in-process against the emulator; never an input. */
waits = {}) {
    let token = '';
    try {
        const getInput$1 = (name) => getInput(name);
        // The time zone and progress patterns need ICU's locale data and RE2 (~20 ms each): checked
        // while the first requests are out, and before anything is written.
        const config = await configFromInputs(getInput$1, env, { engineChecksLater: true });
        token = config.token;
        if (token)
            setSecret(token);
        const work = roundOneWork(config.timeZone, () => checkEngineInputs(getInput$1, config), requestsAllOut);
        await runWithConfig(config, env, waits, work).catch((error) => {
            throw unreachableApi(error, config.apiUrl) ?? error;
        });
    }
    catch (error$1) {
        // One annotation per failure: core.setFailed would add a second, without the file and line.
        const failure = describeFailure(error$1, token);
        process.exitCode = ExitCode.Failure;
        error(failure.message, failure.properties);
    }
}
async function runWithConfig(config, env, waits, work) {
    const job = jobContext(config, env, waits, work);
    const read = await readAll(job, config).then((reads) => ({ reads }), (error) => ({ error }));
    // A bad input is the error to report, even when a read failed too.
    await work.engineChecks();
    if ('error' in read)
        throw read.error;
    const { reads } = read;
    outputActivity(reads.activity, env);
    const editOptions = {
        ...config.edit,
        today: job.today,
        timeZone: config.timeZone,
        file: reads.page.path,
    };
    const { editPage, loadParsersFor } = await job.pageCore();
    await loadParsersFor(reads.page.text);
    // Checked on the base text first: a bad page fails before anything is written.
    const first = editPage(reads.page.text, reads.activity, editOptions);
    for (const note of first.report.notes) {
        notice(note.message, { file: reads.page.path, startLine: note.line });
    }
    const published = await publishEdit(job, config, reads, editOptions, first);
    const { report } = published;
    const message = outcomeMessage(published.result, report, {
        path: reads.page.path,
        since: reads.since,
    });
    const result = { ...published.result, message };
    outputResult(result);
    writeSummary({
        activity: reads.activity,
        report,
        result,
        path: reads.page.path,
        since: reads.since,
        today: job.today,
        dryRun: config.publish.dryRun,
        ...(job.event.dispatch ? { dispatch: job.event.dispatch } : {}),
    }, env.GITHUB_STEP_SUMMARY);
}
function jobContext(config, env, waits, work) {
    const event = readEvent(env, (m) => debug(m));
    refuseDefaultBranch(config, event);
    const repository = env.GITHUB_REPOSITORY ?? '';
    const [owner, repo] = repository.split('/');
    if (!owner || !repo) {
        throw new NowPageError(`GITHUB_REPOSITORY is ${JSON.stringify(repository)}, not owner/name`, {
            hint: 'Run the Action in a GitHub Actions workflow, or set GITHUB_REPOSITORY',
        });
    }
    // NOW_PAGE_NOW pins the clock (ISO 8601) for reproducible runs, like SOURCE_DATE_EPOCH.
    const now = env.NOW_PAGE_NOW ? new Date(env.NOW_PAGE_NOW) : new Date();
    if (Number.isNaN(now.getTime())) {
        throw new NowPageError(`NOW_PAGE_NOW is not an ISO date-time: ${env.NOW_PAGE_NOW}`);
    }
    const client = createClient({
        ...waits,
        token: config.token,
        baseUrl: config.apiUrl,
        log: logger,
        deadline: {
            signal: AbortSignal.timeout(config.apiTimeoutMinutes * 60_000),
            minutes: config.apiTimeoutMinutes,
        },
    });
    const base = config.publish.base || undefined;
    const today = todayIn(config.timeZone, now);
    return {
        env,
        repository,
        owner,
        repo,
        base,
        client,
        now,
        today,
        event,
        pageCore: work.pageCore,
    };
}
/**
 * Round 1: the page, the open PR and the activity are independent reads, made at once (the
 * activity waits for the page only when `since: page` dates the window from it).
 */
async function readAll(job, config) {
    const pageRead = readPage(job, config);
    const pullRead = findOpenPull(job.client, {
        owner: job.owner,
        repo: job.repo,
        branch: config.publish.branch,
        base: job.base,
    });
    const sinceRead = config.since.kind === 'page'
        ? pageRead.then(async (page) => {
            const { liveMetadataDate, loadParsersFor } = await job.pageCore();
            await loadParsersFor(page.text);
            return sinceDate(config.since, job.today, liveMetadataDate(page.text, { file: page.path }));
        })
        : Promise.resolve(sinceDate(config.since, job.today));
    const authorRead = resolveAuthor(job.client, {
        author: config.author,
        repositoryOwner: job.env.GITHUB_REPOSITORY_OWNER || job.owner,
        repositoryOwnerType: job.event.ownerType,
    }, logger);
    const activityRead = Promise.all([authorRead, sinceRead]).then(([author, since]) => readActivityFor(job, config, author, since));
    const [page, openPull, activity, since] = await settleAll([
        pageRead,
        pullRead,
        activityRead,
        sinceRead,
    ]);
    return { page, openPull, activity, since };
}
/**
 * Promise.all that lets every read finish before passing on the first failure: a read still
 * running after the run failed would log (its group prints when it ends) after the error, or
 * after the run, and keep requests in flight. The api-timeout-minutes deadline bounds the wait.
 */
async function settleAll(reads) {
    let failure;
    const results = await Promise.all(reads.map((read) => read.catch((error) => {
        failure ??= { error };
        return undefined;
    })));
    if (failure)
        throw failure.error;
    return results;
}
function readPage(job, config) {
    return logger.group('Reading the page', async () => {
        const found = await readPageFromBase(job.client, {
            owner: job.owner,
            repo: job.repo,
            base: job.base,
            paths: config.pagePath ? [config.pagePath] : [...PAGE_PATH_CANDIDATES],
        });
        logger.info(`${found.path} on ${job.base ?? 'the default branch'} (blob ${found.blobSha.slice(0, 7)}), ${found.text.length} characters`);
        return found;
    });
}
function readActivityFor(job, config, author, since) {
    return readActivity(job.client, {
        author,
        since,
        now: job.now,
        timeZone: config.timeZone,
        serverUrl: job.env.GITHUB_SERVER_URL,
        sideProjects: config.sideProjects,
        forges: config.forges,
        includeRepos: config.includeRepos,
        excludeRepos: config.excludeRepos,
        excludeOrgs: config.excludeOrgs,
        withLanguages: usesPlaceholder(config.edit, 'languages'),
        firstContribution: usesPlaceholder(config.edit, 'first'),
    }, logger);
}
/** The activity as a JSON file for later steps (the `activity` output), and in the log. */
function outputActivity(activity, env) {
    const activityPath = join(mkdtempSync(join(env.RUNNER_TEMP || tmpdir(), 'now-page-')), 'activity.json');
    writeFileSync(activityPath, JSON.stringify(activity, null, 2) + '\n');
    setOutput('activity', activityPath);
    startGroup(`Activity (${activityPath})`);
    info(JSON.stringify(activity, null, 2));
    endGroup();
    const skipped = activity.skipped?.length ?? 0;
    info(`found ${count(activity.pullRequests.length, 'merged pull request')} and ${count(activity.projects.length, 'side project')}${skipped ? `; ${count(skipped, 'source')} not read (listed in the summary)` : ''} (activity: ${activityPath})`);
}
function count(n, noun) {
    return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
/** Publishes the edit; the report is the one of the text finally published. */
async function publishEdit(job, config, reads, editOptions, first) {
    const { editPage, parsersLoadedFor } = await job.pageCore();
    const firstReport = first.report;
    const textInput = {
        activity: reads.activity,
        report: firstReport,
        baseText: reads.page.text,
        path: reads.page.path,
        today: job.today,
        since: reads.since,
        repository: job.repository,
        workflowUrl: workflowUrl(job.env),
    };
    let report = firstReport;
    const { publish: p } = config;
    const result = await publish(job.client, {
        owner: job.owner,
        repo: job.repo,
        base: job.base,
        // The runner's commit, when it is the base's head: the write needs no read of the base.
        baseHint: baseHint(job.env, job.base, job.event.defaultBranch),
        branch: p.branch,
        path: reads.page.path,
        page: reads.page,
        openPull: reads.openPull ?? null,
        edit: (text) => {
            // The page is pure: the base text's edit is already known (the usual case).
            if (text !== reads.page.text && !parsersLoadedFor(text)) {
                // The parsers loaded are the read page's; a page that changed its kind of front
                // matter since (TOML to YAML) in the seconds of a run is not worth loading more for.
                throw new NowPageError(`${reads.page.path} changed its front matter's format while the run was reading it`, { file: reads.page.path, hint: 'Run the workflow again' });
            }
            const r = text === reads.page.text ? first : editPage(text, reads.activity, editOptions);
            report = r.report;
            return r;
        },
        title: prTitle(p.title, textInput),
        body: prBody(textInput, p.body),
        commitMessage: commitMessage(p.commitMessage, textInput),
        labels: p.labels,
        reviewers: p.reviewers,
        assignees: p.assignees,
        draft: p.draft,
        author: p.author,
        committer: p.committer,
        onHumanEdit: p.onHumanEdit,
        dryRun: p.dryRun,
    }, logger);
    return { result, report };
}
function outputResult(result) {
    for (const w of result.warnings)
        warning(w);
    setOutput('changed', String(result.changed));
    setOutput('pull-request-number', result.pullRequest ? String(result.pullRequest.number) : '');
    setOutput('pull-request-url', result.pullRequest?.url ?? '');
    setOutput('pull-request-operation', result.operation);
    setOutput('commit-sha', result.commitSha ?? '');
    setOutput('summary', result.message);
    notice(result.message);
}
/** Before any request: the Action's branch is never the repository's default branch. */
function refuseDefaultBranch(config, { defaultBranch }) {
    if (defaultBranch && config.publish.branch === defaultBranch) {
        throw new NowPageError(`'${defaultBranch}' is the repository's default branch`, {
            input: 'branch',
            hint: 'The Action commits to its own branch and proposes it to the default branch; use a name such as now-page/refresh',
        });
    }
}
/** Reads that only a template needs (languages, first contributions) are skipped otherwise. */
function usesPlaceholder(edit, name) {
    return Object.values(edit.sections ?? {}).some((s) => s?.template?.includes(`{${name}}`));
}
function workflowUrl(env) {
    const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repo, GITHUB_WORKFLOW_REF: ref } = env;
    const file = ref?.split('@')[0]?.split('/').slice(2).join('/'); // owner/repo/.github/workflows/x.yml
    if (!server || !repo || !file)
        return undefined;
    return `${server}/${repo}/actions/workflows/${file.replace(/^\.github\/workflows\//, '')}`;
}
/** A NowPageError naming `api-url` when the API root cannot be reached at all. */
function unreachableApi(error, apiUrl) {
    const code = unreachableCode(error);
    if (!code)
        return undefined;
    return new NowPageError(`cannot connect to ${apiUrl} (${code})`, {
        input: 'api-url',
        hint: 'Check api-url (or GITHUB_API_URL): the REST API root, e.g. https://api.github.com or https://HOST/api/v3',
    });
}
/** The failure's one message, with the file and line an annotation points at when known. */
function describeFailure(error, token) {
    let text;
    let properties = {};
    if (isNowPageError(error)) {
        if (error.file)
            properties = { file: error.file, startLine: error.line };
        text = error.describe();
    }
    else {
        text = `unexpected error: ${error instanceof Error ? error.message : String(error)}`;
        debug(error instanceof Error ? (error.stack ?? '') : '');
    }
    // setSecret masks the token in the runner's log; an error text may also go to outputs.
    return { message: token ? text.split(token).join('***') : text, properties };
}

/**
 * True when this file is the process's entry (`node dist/index.js`, as the runner starts it),
 * false when it is imported. Real paths on both sides: a runner may reach it through a symlink,
 * and Node loads the entry from its real path.
 */
function isProcessEntry() {
    const entry = process.argv[1];
    if (!entry)
        return false;
    const self = fileURLToPath(import.meta.url);
    for (const candidate of [entry, `${entry}.js`]) {
        try {
            return realpathSync.native(candidate) === realpathSync.native(self);
        }
        catch {
            // Not a file (`node dist/index` names it without its extension): try the next spelling.
        }
    }
    return false;
}
if (isProcessEntry())
    await run();

export { run };
