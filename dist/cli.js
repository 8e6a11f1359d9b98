#!/usr/bin/env node
import { N as NowPageError, c as configFromFile, t as todayIn, e as editPage, a as createTwoFilesPatch, O as Octokit$1, l as legacyRestEndpointMethods, p as paginateRest, i as isNowPageError } from './chunks/index.js';
import { writeFileSync, readFileSync, mkdtempSync, rmSync, existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { createServer } from 'node:http';
import { createHash } from 'node:crypto';
import { spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import 'stream';
import 'fs';

/**
 * Checks an activity document against the shape of schema/activity.schema.json, naming the
 * first wrong field by its path. Hand-written (not a schema validator) because the document is
 * small and a field path such as `projects[0].commits[3].date` is the whole message we need.
 */
function validateActivity(value, file) {
    const fail = (path, expected, got) => {
        throw new NowPageError(`${path}: expected ${expected}, got ${describe$1(got)}`, {
            file,
            hint: 'See schema/activity.schema.json for the activity format',
        });
    };
    const obj = (v, path, required, allowed) => {
        if (typeof v !== 'object' || v === null || Array.isArray(v))
            return fail(path, 'an object', v);
        const record = v;
        for (const key of required) {
            if (!(key in record))
                fail(`${path}.${key}`, 'a value (the field is required)', undefined);
        }
        for (const key of Object.keys(record)) {
            if (!allowed.includes(key))
                fail(`${path}.${key}`, `one of the fields ${allowed.join(', ')}`, key);
        }
        return record;
    };
    const str = (v, path, check, what = 'a string') => {
        if (typeof v !== 'string' || (check && !check(v)))
            fail(path, what, v);
    };
    const arr = (v, path) => {
        if (!Array.isArray(v))
            return fail(path, 'an array', v);
        return v;
    };
    const repo = (s) => /^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/.test(s);
    const instant = (s) => /^\d{4}-\d{2}-\d{2}T/.test(s) && !Number.isNaN(Date.parse(s));
    const url = (s) => /^https?:\/\//.test(s);
    const paths = (v, path) => {
        if (v === undefined)
            return;
        arr(v, path).forEach((p, i) => str(p, `${path}[${i}]`));
    };
    const root = obj(value, 'activity', ['pullRequests', 'projects'], ['since', 'pullRequests', 'projects']);
    if (root.since !== undefined) {
        str(root.since, 'activity.since', (s) => /^\d{4}-\d{2}-\d{2}$/.test(s), 'a date YYYY-MM-DD');
    }
    arr(root.pullRequests, 'activity.pullRequests').forEach((pr, i) => {
        const p = `pullRequests[${i}]`;
        const r = obj(pr, p, ['repo', 'number', 'title', 'url', 'mergedAt'], ['repo', 'number', 'title', 'url', 'mergedAt', 'firstContribution']);
        str(r.repo, `${p}.repo`, repo, 'owner/name');
        if (!Number.isInteger(r.number) || r.number < 1)
            fail(`${p}.number`, 'a positive integer', r.number);
        str(r.title, `${p}.title`);
        str(r.url, `${p}.url`, url, 'an http(s) URL');
        str(r.mergedAt, `${p}.mergedAt`, instant, 'an ISO 8601 date-time');
        if (r.firstContribution !== undefined && typeof r.firstContribution !== 'boolean') {
            fail(`${p}.firstContribution`, 'true or false', r.firstContribution);
        }
    });
    arr(root.projects, 'activity.projects').forEach((project, i) => {
        const p = `projects[${i}]`;
        const r = obj(project, p, ['repo', 'url', 'commits'], ['repo', 'url', 'paths', 'languages', 'progressPattern', 'commits', 'commitCount']);
        str(r.repo, `${p}.repo`, repo, 'owner/name');
        str(r.url, `${p}.url`, url, 'an http(s) URL');
        paths(r.paths, `${p}.paths`);
        if (r.progressPattern !== undefined)
            str(r.progressPattern, `${p}.progressPattern`);
        if (r.languages !== undefined) {
            const langs = obj(r.languages, `${p}.languages`, [], Object.keys(r.languages));
            for (const [k, v] of Object.entries(langs)) {
                if (typeof v !== 'number')
                    fail(`${p}.languages.${k}`, 'a number of bytes', v);
            }
        }
        const listed = arr(r.commits, `${p}.commits`);
        if (r.commitCount !== undefined &&
            (!Number.isInteger(r.commitCount) || r.commitCount < listed.length)) {
            fail(`${p}.commitCount`, `an integer of at least ${listed.length} (the commits listed)`, r.commitCount);
        }
        listed.forEach((commit, j) => {
            const c = `${p}.commits[${j}]`;
            const rc = obj(commit, c, ['sha', 'message', 'date', 'url'], ['sha', 'message', 'date', 'url', 'paths']);
            str(rc.sha, `${c}.sha`);
            str(rc.message, `${c}.message`);
            str(rc.date, `${c}.date`, instant, 'an ISO 8601 date-time');
            str(rc.url, `${c}.url`, url, 'an http(s) URL');
            paths(rc.paths, `${c}.paths`);
        });
    });
    return value;
}
function describe$1(v) {
    if (v === undefined)
        return 'nothing';
    const json = JSON.stringify(v);
    return json.length > 60 ? `${json.slice(0, 57)}...` : json;
}

const EDIT_USAGE = `Usage: now-page edit --page FILE --activity FILE [--today YYYY-MM-DD] [--config FILE] [--write | --diff]

Edits a Now page offline with the page core: the managed sections from the activity JSON, and the
dates when a section changed. Prints the new page (or with --diff a unified diff) on stdout.
  --page FILE       the page to edit (Markdown with optional TOML/YAML/JSON front matter)
  --activity FILE   activity JSON (schema/activity.schema.json)
  --today DATE      the date to write, YYYY-MM-DD (default: today in the config's time-zone)
  --config FILE     settings, with the Action's input names as keys (YAML or JSON)
  --write           edit the page file in place instead of printing it
  --diff            print a unified diff instead of the page`;
function editCommand(argv, io) {
    const { values } = parseArgs({
        args: argv,
        options: {
            page: { type: 'string' },
            activity: { type: 'string' },
            today: { type: 'string' },
            config: { type: 'string' },
            write: { type: 'boolean', default: false },
            diff: { type: 'boolean', default: false },
            help: { type: 'boolean', short: 'h', default: false },
        },
        strict: true,
    });
    if (values.help) {
        io.stdout(EDIT_USAGE + '\n');
        return 0;
    }
    if (!values.page || !values.activity) {
        throw new NowPageError('edit needs --page and --activity', { hint: EDIT_USAGE });
    }
    const page = readText(values.page);
    const activity = validateActivity(parseJson(readText(values.activity), values.activity), values.activity);
    const config = values.config ? configFromFile(values.config) : undefined;
    const options = {
        ...(config?.edit ?? {}),
        today: values.today ?? todayIn(config?.timeZone ?? 'UTC', new Date()),
        file: values.page,
    };
    const result = editPage(page, activity, options);
    for (const note of result.report.notes) {
        io.stderr(`${values.page}${note.line ? `:${note.line}` : ''}: note: ${note.message}\n`);
    }
    if (values.write) {
        if (result.changed)
            writeFileSync(values.page, result.text);
        io.stderr(result.changed ? `${values.page}: updated\n` : `${values.page}: nothing to change\n`);
    }
    else if (values.diff) {
        if (result.changed)
            io.stdout(createTwoFilesPatch(`a/${values.page}`, `b/${values.page}`, page, result.text));
    }
    else {
        io.stdout(result.text);
    }
    return 0;
}
function readText(path) {
    try {
        return readFileSync(path, 'utf8');
    }
    catch (e) {
        throw new NowPageError(`cannot read ${path}: ${e.code ?? e.message}`, {
            hint: 'Check the path',
        });
    }
}
function parseJson(text, file) {
    try {
        return JSON.parse(text);
    }
    catch (e) {
        throw new NowPageError(`invalid JSON: ${e.message}`, { file });
    }
}

/** An error answered with GitHub's error body. */
class HttpError extends Error {
    status;
    extra;
    headers;
    constructor(status, message, extra = {}, headers = {}) {
        super(message);
        this.status = status;
        this.extra = extra;
        this.headers = headers;
    }
}
const notFound = () => new HttpError(404, 'Not Found');
const unprocessable = (message, errors) => new HttpError(422, message, errors ? { errors } : {});
async function readBody(req) {
    const chunks = [];
    for await (const chunk of req)
        chunks.push(chunk);
    const text = Buffer.concat(chunks).toString('utf8');
    if (!text)
        return {};
    try {
        const json = JSON.parse(text);
        return typeof json === 'object' && json !== null ? json : {};
    }
    catch {
        throw new HttpError(400, 'Problems parsing JSON');
    }
}
function send(res, status, body, headers) {
    const text = body === undefined ? '' : JSON.stringify(body);
    res.writeHead(status, {
        'content-type': 'application/json; charset=utf-8',
        'content-length': Buffer.byteLength(text),
        ...headers,
    });
    res.end(text);
}
/** One page of a list, with GitHub's Link header (the full query kept, `page` replaced). */
function paginate(items, req, maxPerPage = 100, cap = Infinity) {
    const perPage = Math.min(Math.max(Number(req.query.get('per_page') ?? 30) || 30, 1), maxPerPage);
    const page = Math.max(Number(req.query.get('page') ?? 1) || 1, 1);
    const reachable = Math.min(items.length, cap);
    const last = Math.max(Math.ceil(reachable / perPage), 1);
    const link = (p, rel) => {
        const u = new URL(req.url.toString());
        u.searchParams.set('page', String(p));
        return `<${u.toString()}>; rel="${rel}"`;
    };
    const links = [];
    if (page > 1)
        links.push(link(page - 1, 'prev'));
    if (page < last)
        links.push(link(page + 1, 'next'));
    if (page < last)
        links.push(link(last, 'last'));
    if (page > 1)
        links.push(link(1, 'first'));
    return {
        body: items.slice((page - 1) * perPage, page * perPage),
        headers: links.length ? { link: links.join(', ') } : {},
        total: items.length,
    };
}
/** Matches `/repos/:owner/:repo/...` patterns; `*rest` takes the remainder. */
function match(pattern, path) {
    const p = pattern.split('/');
    const s = path.split('/');
    const params = {};
    for (let i = 0; i < p.length; i++) {
        const part = p[i];
        if (part.startsWith('*')) {
            params[part.slice(1)] = s.slice(i).map(decodeURIComponent).join('/');
            return s.length > i ? params : undefined;
        }
        const seg = s[i];
        if (seg === undefined)
            return undefined;
        if (part.startsWith(':'))
            params[part.slice(1)] = decodeURIComponent(seg);
        else if (part !== seg)
            return undefined;
    }
    return s.length === p.length ? params : undefined;
}

function parseQuery(q) {
    const query = { terms: [], text: [] };
    for (const word of q.trim().split(/\s+/)) {
        const m = /^(-?)([a-z-]+):(.+)$/i.exec(word);
        if (m)
            query.terms.push({
                negated: m[1] === '-',
                key: m[2].toLowerCase(),
                value: m[3],
            });
        else if (word)
            query.text.push(word.toLowerCase());
    }
    return query;
}
/** A date qualifier (`2025-08-01..2025-08-24`, `>=2025-08-01`, `<2025-08-01T10:00:00Z`...) as a
 * predicate on an ISO instant. Dates are whole UTC days and ranges include both ends. */
function dateFilter(expr) {
    const day = (s, end) => {
        if (/^\d{4}-\d{2}-\d{2}$/.test(s))
            return Date.parse(`${s}T00:00:00Z`) + (end ? 86_400_000 - 1 : 0);
        const t = Date.parse(s);
        return Number.isNaN(t) ? undefined : t;
    };
    const range = /^([^.]+)\.\.([^.]+)$/.exec(expr);
    let lo = -Infinity;
    let hi = Infinity;
    if (range) {
        const a = range[1] === '*' ? -Infinity : day(range[1], false);
        const b = range[2] === '*' ? Infinity : day(range[2], true);
        if (a === undefined || b === undefined)
            return undefined;
        lo = a;
        hi = b;
    }
    else {
        const m = /^(>=|<=|>|<)?(.+)$/.exec(expr);
        const op = m?.[1] ?? '';
        const value = m?.[2] ?? '';
        const start = day(value, false);
        const end = day(value, true);
        if (start === undefined || end === undefined)
            return undefined;
        if (op === '>=')
            lo = start;
        else if (op === '>')
            lo = end + 1;
        else if (op === '<=')
            hi = end;
        else if (op === '<')
            hi = start - 1;
        else {
            lo = start;
            hi = end;
        }
    }
    return (iso) => {
        if (!iso)
            return false;
        const t = Date.parse(iso);
        return t >= lo && t <= hi;
    };
}
/** Filters pull requests (GitHub's search over issues; only PRs exist here). Throws a string
 * for a query GitHub would answer 422. */
function searchPulls(repos, q, ownerExists) {
    const query = parseQuery(q);
    const checks = [];
    for (const { key, value, negated } of query.terms) {
        let check;
        const v = value.toLowerCase();
        switch (key) {
            case 'is':
            case 'type':
                if (v === 'pr' || v === 'pull-request')
                    check = () => true;
                else if (v === 'issue')
                    check = () => false;
                else if (v === 'merged')
                    check = (h) => h.pull.mergedAt !== null;
                else if (v === 'unmerged')
                    check = (h) => h.pull.mergedAt === null && h.pull.state === 'closed';
                else if (v === 'open' || v === 'closed')
                    check = (h) => h.pull.state === v;
                else if (v === 'public')
                    check = (h) => !h.repo.private;
                break;
            case 'state':
                check = (h) => h.pull.state === v;
                break;
            case 'author':
                check = (h) => h.pull.author.toLowerCase() === v;
                break;
            case 'user':
            case 'org':
                if (!ownerExists(v))
                    throw `The listed users and repositories cannot be searched either because the resources do not exist or you do not have permission to view them.`;
                check = (h) => h.repo.owner.toLowerCase() === v;
                break;
            case 'repo':
                check = (h) => h.repo.fullName.toLowerCase() === v;
                break;
            case 'merged':
            case 'created':
            case 'closed': {
                const f = dateFilter(value);
                if (!f)
                    throw `Invalid ${key} date: ${value}`;
                check = (h) => f(key === 'merged'
                    ? h.pull.mergedAt
                    : key === 'created'
                        ? h.pull.createdAt
                        : h.pull.closedAt);
                break;
            }
            default:
                check = undefined;
        }
        if (check) {
            const c = check;
            checks.push(negated ? (h) => !c(h) : c);
        }
    }
    const hits = [];
    for (const repo of repos) {
        for (const pull of repo.pulls) {
            const hit = { repo, pull };
            if (!checks.every((c) => c(hit)))
                continue;
            if (query.text.length && !query.text.every((t) => pull.title.toLowerCase().includes(t)))
                continue;
            hits.push(hit);
        }
    }
    return hits;
}

const SEARCH_CAP = 1000;
function repoOf(ctx, p) {
    const repo = ctx.state.repo(`${p.owner}/${p.repo}`);
    if (!repo)
        throw notFound();
    return repo;
}
function commitOf(repo, ctx, ref) {
    const sha = ctx.state.resolve(repo, ref);
    const commit = sha ? repo.store.commits.get(sha) : undefined;
    if (!commit)
        throw new HttpError(404, `No commit found for SHA: ${ref}`);
    return commit;
}
function str(body, key, required = true) {
    const v = body[key];
    if (typeof v === 'string')
        return v;
    if (required)
        throw unprocessable('Invalid request.', [
            { resource: 'Request', field: key, code: 'missing_field' },
        ]);
    return undefined;
}
function person(v, fallback) {
    if (typeof v !== 'object' || v === null)
        return fallback;
    const o = v;
    return {
        name: typeof o.name === 'string' ? o.name : fallback.name,
        email: typeof o.email === 'string' ? o.email : fallback.email,
        date: typeof o.date === 'string' ? o.date : fallback.date,
    };
}
function pullOf(repo, n) {
    const pr = repo.pulls.find((p) => p.number === Number(n));
    if (!pr)
        throw notFound();
    return pr;
}
function setRef(ctx, repo, name, sha) {
    const branch = name.replace(/^refs\/heads\//, '');
    if (repo.protectedBranches.has(branch))
        throw unprocessable('Protected branch update failed for refs/heads/' + branch + '.');
    if (!repo.store.commits.has(sha))
        throw unprocessable('Object does not exist');
    repo.refs.set(name, sha);
}
const routes = [
    {
        method: 'GET',
        pattern: '/user',
        handle: (_req, _p, ctx) => {
            if (ctx.installation)
                throw new HttpError(403, 'Resource not accessible by integration');
            return { body: ctx.shapes.user(ctx.login) };
        },
    },
    {
        method: 'GET',
        pattern: '/users/:user',
        handle: (_req, p, ctx) => {
            if (!ctx.state.users.has(p.user.toLowerCase()))
                throw notFound();
            return { body: ctx.shapes.user(p.user) };
        },
    },
    {
        method: 'GET',
        pattern: '/rate_limit',
        handle: (_req, _p, ctx) => {
            const remaining = ctx.remaining;
            const core = {
                limit: 5000,
                used: 5000 - remaining,
                remaining,
                reset: Math.floor(Date.parse(ctx.state.now) / 1000) + 3600,
            };
            return {
                body: {
                    resources: { core, search: { limit: 30, used: 0, remaining: 30, reset: core.reset } },
                    rate: core,
                },
            };
        },
    },
    {
        method: 'GET',
        pattern: '/search/issues',
        handle: (req, _p, ctx) => {
            const q = req.query.get('q');
            if (!q)
                throw unprocessable('Validation Failed', [
                    { resource: 'Search', field: 'q', code: 'missing' },
                ]);
            let hits;
            try {
                hits = searchPulls(ctx.state.repos.values(), q, (login) => ctx.state.users.has(login));
            }
            catch (message) {
                throw unprocessable('Validation Failed', [
                    { message: String(message), resource: 'Search', field: 'q', code: 'invalid' },
                ]);
            }
            const sort = req.query.get('sort');
            const desc = req.query.get('order') !== 'asc';
            // Best match is not merge order: readers must not rely on any order but the one asked.
            const key = (h) => (sort === 'updated' ? h.pull.updatedAt : h.pull.createdAt) + h.pull.id;
            hits.sort((a, b) => (key(a) < key(b) ? 1 : -1) * (desc ? 1 : -1));
            const perPage = Math.min(Number(req.query.get('per_page') ?? 30) || 30, 100);
            const page = Number(req.query.get('page') ?? 1) || 1;
            if (page * perPage > SEARCH_CAP && (page - 1) * perPage >= SEARCH_CAP) {
                throw unprocessable('Only the first 1000 search results are available', [
                    {
                        message: 'Only the first 1000 search results are available',
                        resource: 'Search',
                        code: 'invalid',
                    },
                ]);
            }
            const r = paginate(hits.map((h) => ctx.shapes.searchItem(h.repo, h.pull)), req, 100, SEARCH_CAP);
            return {
                headers: r.headers,
                body: { total_count: r.total, incomplete_results: false, items: r.body },
            };
        },
    },
    {
        method: 'GET',
        pattern: '/repos/:owner/:repo',
        needs: ['contents', 'read'],
        handle: (_r, p, ctx) => ({ body: ctx.shapes.repo(repoOf(ctx, p)) }),
    },
    {
        method: 'GET',
        pattern: '/repos/:owner/:repo/languages',
        needs: ['contents', 'read'],
        handle: (_r, p, ctx) => ({ body: repoOf(ctx, p).languages }),
    },
    {
        method: 'GET',
        pattern: '/repos/:owner/:repo/branches/:branch',
        needs: ['contents', 'read'],
        handle: (_r, p, ctx) => {
            const repo = repoOf(ctx, p);
            const sha = repo.refs.get(`refs/heads/${p.branch}`);
            if (!sha)
                throw new HttpError(404, 'Branch not found');
            return {
                body: {
                    name: p.branch,
                    commit: ctx.shapes.commit(repo, repo.store.commits.get(sha)),
                    protected: repo.protectedBranches.has(p.branch),
                },
            };
        },
    },
    {
        method: 'GET',
        pattern: '/repos/:owner/:repo/commits',
        needs: ['contents', 'read'],
        handle: (req, p, ctx) => {
            const repo = repoOf(ctx, p);
            const head = commitOf(repo, ctx, req.query.get('sha') ?? repo.defaultBranch);
            const author = req.query.get('author')?.toLowerCase();
            const since = req.query.get('since');
            const until = req.query.get('until');
            const path = req.query.get('path');
            const list = repo.store.history(head.sha).filter((c) => {
                const t = Date.parse(c.committer.date);
                if (since && t < Date.parse(since))
                    return false;
                if (until && t > Date.parse(until))
                    return false;
                if (author &&
                    c.authorLogin?.toLowerCase() !== author &&
                    c.author.email.toLowerCase() !== author)
                    return false;
                if (path &&
                    !ctx.shapes
                        .changedFiles(repo, c)
                        .some((f) => f.filename === path || f.filename.startsWith(`${path}/`)))
                    return false;
                return true;
            });
            const r = paginate(list.map((c) => ctx.shapes.commit(repo, c)), req);
            return { body: r.body, headers: r.headers };
        },
    },
    {
        method: 'GET',
        pattern: '/repos/:owner/:repo/commits/:ref',
        needs: ['contents', 'read'],
        handle: (_req, p, ctx) => {
            const repo = repoOf(ctx, p);
            return { body: ctx.shapes.commit(repo, commitOf(repo, ctx, p.ref), true) };
        },
    },
    {
        method: 'GET',
        pattern: '/repos/:owner/:repo/compare/:spec',
        needs: ['contents', 'read'],
        handle: (_req, p, ctx) => {
            const repo = repoOf(ctx, p);
            const [baseRef = '', headRef = ''] = p.spec.split('...');
            const base = commitOf(repo, ctx, baseRef);
            const head = commitOf(repo, ctx, headRef);
            const mergeBase = repo.store.mergeBase(base.sha, head.sha) ?? base.sha;
            const ahead = repo.store.commitsBetween(mergeBase, head.sha);
            const behind = repo.store.commitsBetween(mergeBase, base.sha);
            const status = ahead.length && behind.length
                ? 'diverged'
                : ahead.length
                    ? 'ahead'
                    : behind.length
                        ? 'behind'
                        : 'identical';
            const mb = repo.store.commits.get(mergeBase);
            return {
                body: {
                    url: `${ctx.shapes.api}/repos/${repo.fullName}/compare/${p.spec}`,
                    html_url: `${ctx.shapes.web}/${repo.fullName}/compare/${p.spec}`,
                    status,
                    ahead_by: ahead.length,
                    behind_by: behind.length,
                    total_commits: ahead.length,
                    base_commit: ctx.shapes.commit(repo, base),
                    merge_base_commit: ctx.shapes.commit(repo, mb),
                    commits: ahead.map((c) => ctx.shapes.commit(repo, c)),
                    files: ctx.shapes.changedFiles(repo, head, mb.tree),
                },
            };
        },
    },
    {
        method: 'GET',
        pattern: '/repos/:owner/:repo/contents/*path',
        needs: ['contents', 'read'],
        handle: (req, p, ctx) => {
            const repo = repoOf(ctx, p);
            const commit = commitOf(repo, ctx, req.query.get('ref') ?? repo.defaultBranch);
            const path = p.path.replace(/\/+$/, '');
            const files = repo.store.files(commit.tree);
            const blob = files.get(path);
            const contentUrl = (x) => `${ctx.shapes.api}/repos/${repo.fullName}/contents/${x}`;
            if (blob) {
                const data = repo.store.blobs.get(blob);
                return {
                    body: {
                        type: 'file',
                        encoding: 'base64',
                        size: data.length,
                        name: path.split('/').pop(),
                        path,
                        content: (data.toString('base64').match(/.{1,60}/g) ?? []).join('\n') + '\n',
                        sha: blob,
                        url: contentUrl(path),
                        git_url: `${ctx.shapes.api}/repos/${repo.fullName}/git/blobs/${blob}`,
                        html_url: `${ctx.shapes.web}/${repo.fullName}/blob/${commit.sha}/${path}`,
                        download_url: null,
                        _links: { self: contentUrl(path), git: '', html: '' },
                    },
                };
            }
            const inDir = [...files].filter(([f]) => f.startsWith(`${path}/`));
            if (inDir.length === 0)
                throw notFound();
            const names = new Map();
            for (const [f] of inDir) {
                const rest = f.slice(path.length + 1);
                names.set(rest.split('/')[0], rest.includes('/') ? 'dir' : 'file');
            }
            return {
                body: [...names].map(([name, type]) => ({
                    type,
                    name,
                    path: `${path}/${name}`,
                    sha: '',
                    size: 0,
                    url: contentUrl(`${path}/${name}`),
                })),
            };
        },
    },
    {
        method: 'GET',
        pattern: '/repos/:owner/:repo/git/ref/*ref',
        needs: ['contents', 'read'],
        handle: (_req, p, ctx) => {
            const repo = repoOf(ctx, p);
            const name = `refs/${p.ref}`;
            const sha = repo.refs.get(name);
            if (!sha)
                throw notFound();
            return { body: ctx.shapes.ref(repo, name, sha) };
        },
    },
    {
        method: 'GET',
        pattern: '/repos/:owner/:repo/git/matching-refs/*ref',
        needs: ['contents', 'read'],
        handle: (_req, p, ctx) => {
            const repo = repoOf(ctx, p);
            const prefix = `refs/${p.ref}`;
            return {
                body: [...repo.refs]
                    .filter(([n]) => n.startsWith(prefix))
                    .map(([n, s]) => ctx.shapes.ref(repo, n, s)),
            };
        },
    },
    {
        method: 'POST',
        pattern: '/repos/:owner/:repo/git/refs',
        needs: ['contents', 'write'],
        handle: (req, p, ctx) => {
            const repo = repoOf(ctx, p);
            const ref = str(req.body, 'ref');
            const sha = str(req.body, 'sha');
            if (!/^refs\/[\w./-]+$/.test(ref) || ref.split('/').length < 3)
                throw unprocessable('Reference name is invalid');
            if (repo.refs.has(ref))
                throw unprocessable('Reference already exists');
            setRef(ctx, repo, ref, sha);
            return { status: 201, body: ctx.shapes.ref(repo, ref, sha) };
        },
    },
    {
        method: 'PATCH',
        pattern: '/repos/:owner/:repo/git/refs/*ref',
        needs: ['contents', 'write'],
        handle: (req, p, ctx) => {
            const repo = repoOf(ctx, p);
            const name = `refs/${p.ref}`;
            const current = repo.refs.get(name);
            if (!current)
                throw unprocessable('Reference does not exist');
            const sha = str(req.body, 'sha');
            if (!repo.store.commits.has(sha))
                throw unprocessable('Object does not exist');
            if (req.body.force !== true && !repo.store.isAncestor(current, sha))
                throw unprocessable('Update is not a fast forward');
            setRef(ctx, repo, name, sha);
            return { body: ctx.shapes.ref(repo, name, sha) };
        },
    },
    {
        method: 'DELETE',
        pattern: '/repos/:owner/:repo/git/refs/*ref',
        needs: ['contents', 'write'],
        handle: (_req, p, ctx) => {
            const repo = repoOf(ctx, p);
            const name = `refs/${p.ref}`;
            if (!repo.refs.has(name))
                throw unprocessable('Reference does not exist');
            if (repo.protectedBranches.has(p.ref.replace(/^heads\//, '')))
                throw unprocessable('Protected branch update failed.');
            repo.refs.delete(name);
            return { status: 204 };
        },
    },
    {
        method: 'POST',
        pattern: '/repos/:owner/:repo/git/blobs',
        needs: ['contents', 'write'],
        handle: (req, p, ctx) => {
            const repo = repoOf(ctx, p);
            const content = str(req.body, 'content');
            const data = req.body.encoding === 'base64'
                ? Buffer.from(content, 'base64')
                : Buffer.from(content, 'utf8');
            const sha = repo.store.putBlob(data);
            return {
                status: 201,
                body: { sha, url: `${ctx.shapes.api}/repos/${repo.fullName}/git/blobs/${sha}` },
            };
        },
    },
    {
        method: 'GET',
        pattern: '/repos/:owner/:repo/git/blobs/:sha',
        needs: ['contents', 'read'],
        handle: (_req, p, ctx) => {
            const repo = repoOf(ctx, p);
            const data = repo.store.blobs.get(p.sha);
            if (!data)
                throw notFound();
            return {
                body: {
                    sha: p.sha,
                    size: data.length,
                    encoding: 'base64',
                    content: data.toString('base64'),
                    url: `${ctx.shapes.api}/repos/${repo.fullName}/git/blobs/${p.sha}`,
                },
            };
        },
    },
    {
        method: 'POST',
        pattern: '/repos/:owner/:repo/git/trees',
        needs: ['contents', 'write'],
        handle: (req, p, ctx) => {
            const repo = repoOf(ctx, p);
            const baseTree = str(req.body, 'base_tree', false);
            if (baseTree && !repo.store.trees.has(baseTree))
                throw unprocessable('Invalid tree info');
            const files = baseTree ? repo.store.files(baseTree) : new Map();
            const entries = Array.isArray(req.body.tree)
                ? req.body.tree
                : [];
            for (const e of entries) {
                const path = typeof e.path === 'string' ? e.path : '';
                if (!path)
                    throw unprocessable('Invalid tree info', [{ field: 'path', code: 'missing' }]);
                if (e.sha === null)
                    files.delete(path);
                else if (typeof e.content === 'string')
                    files.set(path, repo.store.putBlob(Buffer.from(e.content)));
                else if (typeof e.sha === 'string' && repo.store.blobs.has(e.sha))
                    files.set(path, e.sha);
                else
                    throw unprocessable('Invalid tree info', [{ field: 'sha', code: 'invalid' }]);
            }
            const sha = repo.store.treeFromFiles(files);
            return { status: 201, body: treeBody(ctx, repo, sha, false) };
        },
    },
    {
        method: 'GET',
        pattern: '/repos/:owner/:repo/git/trees/:sha',
        needs: ['contents', 'read'],
        handle: (req, p, ctx) => {
            const repo = repoOf(ctx, p);
            let sha = p.sha;
            if (!repo.store.trees.has(sha)) {
                const commit = ctx.state.resolve(repo, sha);
                const c = commit ? repo.store.commits.get(commit) : undefined;
                if (!c)
                    throw notFound();
                sha = c.tree;
            }
            // GitHub's docs: any value, even 0 or false, turns recursion on.
            const recursive = req.query.has('recursive');
            return { body: treeBody(ctx, repo, sha, recursive) };
        },
    },
    {
        method: 'POST',
        pattern: '/repos/:owner/:repo/git/commits',
        needs: ['contents', 'write'],
        handle: (req, p, ctx) => {
            const repo = repoOf(ctx, p);
            const tree = str(req.body, 'tree');
            if (!repo.store.trees.has(tree))
                throw unprocessable('Tree SHA does not exist');
            const parents = Array.isArray(req.body.parents) ? req.body.parents : [];
            for (const parent of parents)
                if (!repo.store.commits.has(parent))
                    throw unprocessable('Parent SHA does not exist or is not a commit object');
            const date = ctx.state.tick();
            const me = ctx.installation
                ? {
                    name: 'github-actions[bot]',
                    email: '41898282+github-actions[bot]@users.noreply.github.com',
                    date,
                }
                : ctx.state.person(ctx.login, date);
            const author = person(req.body.author, me);
            const committer = person(req.body.committer, me);
            // GitHub signs commits made through the API when it is the committer.
            const verified = req.body.committer === undefined && req.body.author === undefined;
            const sha = repo.store.putCommit({
                tree,
                parents,
                author,
                committer,
                message: str(req.body, 'message'),
                authorLogin: ctx.installation
                    ? 'github-actions[bot]'
                    : (ctx.state.loginForEmail(author.email) ?? (req.body.author ? null : ctx.login)),
                committerLogin: ctx.installation
                    ? 'github-actions[bot]'
                    : (ctx.state.loginForEmail(committer.email) ?? (req.body.committer ? null : ctx.login)),
                verified,
            });
            return {
                status: 201,
                body: ctx.shapes.gitCommit(repo, repo.store.commits.get(sha)),
            };
        },
    },
    {
        method: 'GET',
        pattern: '/repos/:owner/:repo/git/commits/:sha',
        needs: ['contents', 'read'],
        handle: (_req, p, ctx) => {
            const repo = repoOf(ctx, p);
            const c = repo.store.commits.get(p.sha);
            if (!c)
                throw notFound();
            return { body: ctx.shapes.gitCommit(repo, c) };
        },
    },
    {
        method: 'GET',
        pattern: '/repos/:owner/:repo/pulls',
        needs: ['pull_requests', 'read'],
        handle: (req, p, ctx) => {
            const repo = repoOf(ctx, p);
            const state = req.query.get('state') ?? 'open';
            const head = req.query.get('head');
            const base = req.query.get('base');
            const list = repo.pulls
                .filter((pr) => state === 'all' || pr.state === state)
                .filter((pr) => !head ||
                pr.head.toLowerCase() === head.toLowerCase() ||
                `${repo.owner}:${pr.head}`.toLowerCase() === head.toLowerCase())
                .filter((pr) => !base || pr.base === base)
                .sort((a, b) => b.number - a.number);
            const r = paginate(list.map((pr) => ctx.shapes.pull(repo, pr)), req);
            return { body: r.body, headers: r.headers };
        },
    },
    {
        method: 'POST',
        pattern: '/repos/:owner/:repo/pulls',
        needs: ['pull_requests', 'write'],
        handle: (req, p, ctx) => {
            const repo = repoOf(ctx, p);
            const head = str(req.body, 'head').replace(new RegExp(`^${repo.owner}:`, 'i'), '');
            const base = str(req.body, 'base');
            const title = str(req.body, 'title');
            const headSha = ctx.state.resolve(repo, head);
            const baseSha = ctx.state.resolve(repo, base);
            if (!headSha || !baseSha)
                throw unprocessable('Validation Failed', [
                    { resource: 'PullRequest', field: headSha ? 'base' : 'head', code: 'invalid' },
                ]);
            if (repo.pulls.some((pr) => pr.state === 'open' && pr.head === head && pr.base === base)) {
                throw unprocessable('Validation Failed', [
                    {
                        resource: 'PullRequest',
                        code: 'custom',
                        message: `A pull request already exists for ${repo.owner}:${head}.`,
                    },
                ]);
            }
            if (repo.store.commitsBetween(baseSha, headSha).length === 0) {
                throw unprocessable('Validation Failed', [
                    {
                        resource: 'PullRequest',
                        code: 'custom',
                        message: `No commits between ${base} and ${head}`,
                    },
                ]);
            }
            const now = ctx.state.tick();
            const number = Math.max(0, ...repo.pulls.map((x) => x.number)) + 1;
            const pr = {
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
            };
            repo.pulls.push(pr);
            return { status: 201, body: ctx.shapes.pull(repo, pr) };
        },
    },
    {
        method: 'GET',
        pattern: '/repos/:owner/:repo/pulls/:number',
        needs: ['pull_requests', 'read'],
        handle: (_req, p, ctx) => {
            const repo = repoOf(ctx, p);
            return { body: ctx.shapes.pull(repo, pullOf(repo, p.number)) };
        },
    },
    {
        method: 'PATCH',
        pattern: '/repos/:owner/:repo/pulls/:number',
        needs: ['pull_requests', 'write'],
        handle: (req, p, ctx) => {
            const repo = repoOf(ctx, p);
            const pr = pullOf(repo, p.number);
            const title = str(req.body, 'title', false);
            const body = str(req.body, 'body', false);
            const state = str(req.body, 'state', false);
            if (title !== undefined)
                pr.title = title;
            if (body !== undefined)
                pr.body = body;
            if (state === 'closed' && pr.state === 'open') {
                pr.state = 'closed';
                pr.closedAt = ctx.state.tick();
            }
            else if (state === 'open' && pr.state === 'closed' && !pr.mergedAt) {
                pr.state = 'open';
                pr.closedAt = null;
            }
            pr.updatedAt = ctx.state.tick();
            return { body: ctx.shapes.pull(repo, pr) };
        },
    },
    {
        method: 'POST',
        pattern: '/repos/:owner/:repo/pulls/:number/requested_reviewers',
        needs: ['pull_requests', 'write'],
        handle: (req, p, ctx) => {
            const repo = repoOf(ctx, p);
            const pr = pullOf(repo, p.number);
            const reviewers = Array.isArray(req.body.reviewers) ? req.body.reviewers : [];
            if (reviewers.some((r) => r.toLowerCase() === pr.author.toLowerCase())) {
                throw unprocessable('Review cannot be requested from pull request author.');
            }
            for (const r of reviewers) {
                if (!ctx.state.users.has(r.toLowerCase()))
                    throw unprocessable('Reviews may only be requested from collaborators. One or more of the users or teams you specified is not a collaborator of the ' +
                        repo.fullName +
                        ' repository.');
            }
            pr.reviewers = [...new Set([...pr.reviewers, ...reviewers])];
            return { status: 201, body: ctx.shapes.pull(repo, pr) };
        },
    },
    {
        method: 'POST',
        pattern: '/repos/:owner/:repo/issues/:number/labels',
        needs: ['pull_requests', 'write'],
        handle: (req, p, ctx) => {
            const repo = repoOf(ctx, p);
            const pr = pullOf(repo, p.number);
            const labels = Array.isArray(req.body.labels) ? req.body.labels : [];
            pr.labels = [...new Set([...pr.labels, ...labels])];
            return {
                body: pr.labels.map((name, i) => ({ id: i + 1, name, color: 'ededed', default: false })),
            };
        },
    },
    {
        method: 'POST',
        pattern: '/repos/:owner/:repo/issues/:number/assignees',
        needs: ['pull_requests', 'write'],
        handle: (req, p, ctx) => {
            const repo = repoOf(ctx, p);
            const pr = pullOf(repo, p.number);
            const assignees = Array.isArray(req.body.assignees) ? req.body.assignees : [];
            pr.assignees = [
                ...new Set([
                    ...pr.assignees,
                    ...assignees.filter((a) => ctx.state.users.has(a.toLowerCase())),
                ]),
            ];
            return { status: 201, body: ctx.shapes.searchItem(repo, pr) };
        },
    },
    {
        method: 'POST',
        pattern: '/repos/:owner/:repo/issues/:number/comments',
        needs: ['pull_requests', 'write'],
        handle: (req, p, ctx) => {
            const repo = repoOf(ctx, p);
            const pr = pullOf(repo, p.number);
            const comment = {
                id: ctx.state.id(),
                user: ctx.login,
                body: str(req.body, 'body'),
                createdAt: ctx.state.tick(),
            };
            pr.comments.push(comment);
            return {
                status: 201,
                body: {
                    id: comment.id,
                    body: comment.body,
                    user: ctx.shapes.user(ctx.login),
                    created_at: comment.createdAt,
                    html_url: `${ctx.shapes.web}/${repo.fullName}/pull/${pr.number}#issuecomment-${comment.id}`,
                },
            };
        },
    },
    {
        method: 'GET',
        pattern: '/repos/:owner/:repo/issues/:number/comments',
        needs: ['pull_requests', 'read'],
        handle: (req, p, ctx) => {
            const repo = repoOf(ctx, p);
            const pr = pullOf(repo, p.number);
            const r = paginate(pr.comments.map((c) => ({
                id: c.id,
                body: c.body,
                user: ctx.shapes.user(c.user),
                created_at: c.createdAt,
            })), req);
            return { body: r.body, headers: r.headers };
        },
    },
];
function treeBody(ctx, repo, sha, recursive) {
    const entries = recursive ? repo.store.walk(sha) : (repo.store.trees.get(sha) ?? []);
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
    };
}

/** REST response shapes, limited to the fields real clients read, named and typed as GitHub's
 * (checked against @octokit/fixtures in the emulator's tests). */
class Shapes {
    state;
    api;
    web;
    constructor(state, api, web = 'https://github.com') {
        this.state = state;
        this.api = api;
        this.web = web;
    }
    user(login) {
        const u = this.state.user(login);
        return {
            login: u.login,
            id: u.id,
            node_id: `U_${u.id}`,
            avatar_url: `https://avatars.githubusercontent.com/u/${u.id}?v=4`,
            url: `${this.api}/users/${u.login}`,
            html_url: `${this.web}/${u.login}`,
            type: u.type ?? 'User',
            site_admin: false,
            name: u.name ?? null,
        };
    }
    repo(r) {
        return {
            id: r.id,
            node_id: `R_${r.id}`,
            name: r.name,
            full_name: r.fullName,
            private: r.private,
            owner: this.user(r.owner),
            html_url: `${this.web}/${r.fullName}`,
            description: null,
            fork: false,
            url: `${this.api}/repos/${r.fullName}`,
            default_branch: r.defaultBranch,
            visibility: r.private ? 'private' : 'public',
            archived: false,
            created_at: r.createdAt,
            pushed_at: this.state.now,
            updated_at: this.state.now,
            permissions: { admin: false, maintain: false, push: true, triage: true, pull: true },
        };
    }
    gitCommit(r, c) {
        return {
            sha: c.sha,
            node_id: `C_${c.sha}`,
            url: `${this.api}/repos/${r.fullName}/git/commits/${c.sha}`,
            html_url: `${this.web}/${r.fullName}/commit/${c.sha}`,
            author: c.author,
            committer: c.committer,
            message: c.message,
            tree: { sha: c.tree, url: `${this.api}/repos/${r.fullName}/git/trees/${c.tree}` },
            parents: c.parents.map((p) => ({
                sha: p,
                url: `${this.api}/repos/${r.fullName}/git/commits/${p}`,
                html_url: `${this.web}/${r.fullName}/commit/${p}`,
            })),
            verification: {
                verified: c.verified,
                reason: c.verified ? 'valid' : 'unsigned',
                signature: null,
                payload: null,
            },
        };
    }
    commit(r, c, withFiles = false) {
        const git = this.gitCommit(r, c);
        return {
            sha: c.sha,
            node_id: `C_${c.sha}`,
            url: `${this.api}/repos/${r.fullName}/commits/${c.sha}`,
            html_url: `${this.web}/${r.fullName}/commit/${c.sha}`,
            comments_url: `${this.api}/repos/${r.fullName}/commits/${c.sha}/comments`,
            commit: {
                url: git.url,
                author: c.author,
                committer: c.committer,
                message: c.message,
                tree: git.tree,
                comment_count: 0,
                verification: git.verification,
            },
            author: c.authorLogin ? this.user(c.authorLogin) : null,
            committer: c.committerLogin ? this.user(c.committerLogin) : null,
            parents: git.parents,
            ...(withFiles
                ? { files: this.changedFiles(r, c), stats: { total: 0, additions: 0, deletions: 0 } }
                : {}),
        };
    }
    changedFiles(r, c, baseTree) {
        const after = r.store.files(c.tree);
        const parent = c.parents[0] ? r.store.commits.get(c.parents[0]) : undefined;
        const before = baseTree !== undefined
            ? r.store.files(baseTree)
            : parent
                ? r.store.files(parent.tree)
                : new Map();
        const files = [];
        for (const [path, sha] of after) {
            const old = before.get(path);
            if (old !== sha)
                files.push({
                    sha,
                    filename: path,
                    status: old ? 'modified' : 'added',
                    additions: 0,
                    deletions: 0,
                    changes: 0,
                });
        }
        for (const [path, sha] of before)
            if (!after.has(path))
                files.push({
                    sha,
                    filename: path,
                    status: 'removed',
                    additions: 0,
                    deletions: 0,
                    changes: 0,
                });
        return files.sort((a, b) => (a.filename < b.filename ? -1 : 1));
    }
    ref(r, name, sha) {
        return {
            ref: name,
            node_id: `REF_${sha}`,
            url: `${this.api}/repos/${r.fullName}/git/${name}`,
            object: { sha, type: 'commit', url: `${this.api}/repos/${r.fullName}/git/commits/${sha}` },
        };
    }
    pull(r, p) {
        const headBranch = p.head.includes(':') ? p.head.split(':')[1] : p.head;
        const headSha = this.state.resolve(r, headBranch) ?? p.headSha ?? '';
        const baseSha = this.state.resolve(r, p.base) ?? '';
        const url = `${this.api}/repos/${r.fullName}/pulls/${p.number}`;
        return {
            url,
            id: p.id,
            node_id: `PR_${p.id}`,
            html_url: `${this.web}/${r.fullName}/pull/${p.number}`,
            issue_url: `${this.api}/repos/${r.fullName}/issues/${p.number}`,
            number: p.number,
            state: p.state,
            locked: false,
            title: p.title,
            user: this.user(p.author),
            body: p.body,
            labels: p.labels.map((name, i) => ({ id: i + 1, name, color: 'ededed', default: false })),
            created_at: p.createdAt,
            updated_at: p.updatedAt,
            closed_at: p.closedAt,
            merged_at: p.mergedAt,
            assignees: p.assignees.map((a) => this.user(a)),
            requested_reviewers: p.reviewers.map((a) => this.user(a)),
            draft: p.draft,
            head: {
                label: p.head.includes(':') ? p.head : `${r.owner}:${p.head}`,
                ref: headBranch,
                sha: headSha,
                user: this.user(r.owner),
                repo: this.repo(r),
            },
            base: {
                label: `${r.owner}:${p.base}`,
                ref: p.base,
                sha: baseSha,
                user: this.user(r.owner),
                repo: this.repo(r),
            },
            merged: p.mergedAt !== null,
            mergeable: p.state === 'open' ? true : null,
        };
    }
    searchItem(r, p) {
        return {
            url: `${this.api}/repos/${r.fullName}/issues/${p.number}`,
            repository_url: `${this.api}/repos/${r.fullName}`,
            html_url: `${this.web}/${r.fullName}/pull/${p.number}`,
            id: p.id,
            node_id: `PR_${p.id}`,
            number: p.number,
            title: p.title,
            user: this.user(p.author),
            labels: [],
            state: p.state,
            locked: false,
            assignee: null,
            assignees: [],
            comments: p.comments.length,
            created_at: p.createdAt,
            updated_at: p.updatedAt,
            closed_at: p.closedAt,
            author_association: 'CONTRIBUTOR',
            draft: p.draft,
            pull_request: {
                url: `${this.api}/repos/${r.fullName}/pulls/${p.number}`,
                html_url: `${this.web}/${r.fullName}/pull/${p.number}`,
                diff_url: `${this.web}/${r.fullName}/pull/${p.number}.diff`,
                patch_url: `${this.web}/${r.fullName}/pull/${p.number}.patch`,
                merged_at: p.mergedAt,
            },
            body: p.body,
            score: 1,
        };
    }
}

function hash(type, body) {
    return createHash('sha1').update(`${type} ${body.length}\0`).update(body).digest('hex');
}
function gitTime(iso) {
    return `${Math.floor(Date.parse(iso) / 1000)} +0000`;
}
class ObjectStore {
    blobs = new Map();
    trees = new Map();
    commits = new Map();
    putBlob(content) {
        const sha = hash('blob', content);
        this.blobs.set(sha, content);
        return sha;
    }
    /** Stores a tree from entries (names without slashes) and returns its id. */
    putTree(entries) {
        // Git sorts entries by name, comparing a tree's name as if it ended with '/'.
        const key = (e) => (e.type === 'tree' ? `${e.path}/` : e.path);
        const sorted = [...entries].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
        const body = Buffer.concat(sorted.map((e) => Buffer.concat([Buffer.from(`${e.mode} ${e.path}\0`), Buffer.from(e.sha, 'hex')])));
        const sha = hash('tree', body);
        this.trees.set(sha, sorted);
        return sha;
    }
    /** Builds nested trees from a flat path -> blob map. */
    treeFromFiles(files) {
        const dirs = new Map();
        const blobs = [];
        for (const [path, sha] of files) {
            const at = path.indexOf('/');
            if (at < 0)
                blobs.push({ path, mode: '100644', type: 'blob', sha });
            else {
                const dir = path.slice(0, at);
                const inner = dirs.get(dir) ?? new Map();
                inner.set(path.slice(at + 1), sha);
                dirs.set(dir, inner);
            }
        }
        const trees = [...dirs].map(([path, inner]) => ({
            path,
            mode: '040000',
            type: 'tree',
            sha: this.treeFromFiles(inner),
        }));
        return this.putTree([...blobs, ...trees]);
    }
    /** The flat path -> blob map of a tree. */
    files(treeSha, prefix = '', into = new Map()) {
        for (const e of this.trees.get(treeSha) ?? []) {
            if (e.type === 'tree')
                this.files(e.sha, `${prefix}${e.path}/`, into);
            else
                into.set(`${prefix}${e.path}`, e.sha);
        }
        return into;
    }
    /** Every entry under a tree, with full paths (for `?recursive=1`). */
    walk(treeSha, prefix = '', into = []) {
        for (const e of this.trees.get(treeSha) ?? []) {
            into.push({ ...e, path: `${prefix}${e.path}` });
            if (e.type === 'tree')
                this.walk(e.sha, `${prefix}${e.path}/`, into);
        }
        return into;
    }
    putCommit(c, forcedSha) {
        const lines = [
            `tree ${c.tree}`,
            ...c.parents.map((p) => `parent ${p}`),
            `author ${c.author.name} <${c.author.email}> ${gitTime(c.author.date)}`,
            `committer ${c.committer.name} <${c.committer.email}> ${gitTime(c.committer.date)}`,
            '',
            c.message,
        ];
        const sha = forcedSha ?? hash('commit', Buffer.from(lines.join('\n')));
        this.commits.set(sha, { ...c, sha });
        return sha;
    }
    /** True when `ancestor` is `sha` or reachable from it. */
    isAncestor(ancestor, sha) {
        const seen = new Set();
        const stack = [sha];
        while (stack.length > 0) {
            const s = stack.pop();
            if (s === ancestor)
                return true;
            if (seen.has(s))
                continue;
            seen.add(s);
            stack.push(...(this.commits.get(s)?.parents ?? []));
        }
        return false;
    }
    /** Commits reachable from `sha` but not from `base`, oldest first. */
    commitsBetween(base, sha) {
        const out = [];
        const stack = [sha];
        const seen = new Set();
        while (stack.length > 0) {
            const s = stack.pop();
            if (seen.has(s) || this.isAncestor(s, base))
                continue;
            seen.add(s);
            const c = this.commits.get(s);
            if (!c)
                continue;
            out.push(c);
            stack.push(...c.parents);
        }
        return out.sort((a, b) => Date.parse(a.committer.date) - Date.parse(b.committer.date));
    }
    /** Newest first along first parents and merges: the history `GET /commits` lists. */
    history(sha) {
        const out = [];
        const seen = new Set();
        const stack = [sha];
        while (stack.length > 0) {
            const s = stack.pop();
            if (seen.has(s))
                continue;
            seen.add(s);
            const c = this.commits.get(s);
            if (!c)
                continue;
            out.push(c);
            stack.push(...c.parents);
        }
        return out.sort((a, b) => Date.parse(b.committer.date) - Date.parse(a.committer.date) || (a.sha < b.sha ? -1 : 1));
    }
    mergeBase(a, b) {
        const ancestors = new Set(this.history(a).map((c) => c.sha));
        return this.history(b).find((c) => ancestors.has(c.sha))?.sha;
    }
}

/** The emulated world. Tests read it to assert what the Action wrote. */
class EmulatorState {
    scenario;
    repos = new Map();
    users = new Map();
    tokens;
    clock;
    nextId = 1000;
    constructor(scenario) {
        this.scenario = scenario;
        this.clock = Date.parse(scenario.now);
        this.tokens = new Map(Object.entries(scenario.tokens).map(([t, v]) => [
            t,
            { ...v, remaining: v.rateLimitRemaining ?? 5000 },
        ]));
        for (const u of scenario.users ?? [])
            this.addUser(u);
        for (const t of Object.values(scenario.tokens))
            this.addUser({ login: t.login });
        for (const r of scenario.repos)
            this.seedRepo(r);
    }
    /** Each write is a little later than the one before, so orderings are stable. */
    tick() {
        this.clock += 2000;
        return new Date(this.clock).toISOString().replace(/\.\d{3}Z$/, 'Z');
    }
    get now() {
        return new Date(this.clock).toISOString().replace(/\.\d{3}Z$/, 'Z');
    }
    id() {
        return this.nextId++;
    }
    addUser(u) {
        const key = u.login.toLowerCase();
        const existing = this.users.get(key);
        if (existing)
            return existing;
        const user = { ...u, id: this.id() };
        this.users.set(key, user);
        return user;
    }
    user(login) {
        return this.users.get(login.toLowerCase()) ?? this.addUser({ login });
    }
    emailOf(login) {
        const u = this.user(login);
        return u.emails?.[0] ?? `${u.id}+${u.login}@users.noreply.github.com`;
    }
    /** The login GitHub links a commit email to, as it does for verified emails. */
    loginForEmail(email) {
        const e = email.toLowerCase();
        for (const u of this.users.values()) {
            if (u.emails?.some((x) => x.toLowerCase() === e))
                return u.login;
            if (e === `${u.id}+${u.login.toLowerCase()}@users.noreply.github.com`)
                return u.login;
        }
        return null;
    }
    person(login, date) {
        return { name: this.user(login).name ?? login, email: this.emailOf(login), date };
    }
    repo(fullName) {
        return this.repos.get(fullName.toLowerCase());
    }
    seedRepo(r) {
        const [owner = '', name = ''] = r.fullName.split('/');
        this.addUser({ login: owner, type: r.ownerType ?? 'User' });
        const store = new ObjectStore();
        const repo = {
            owner,
            name,
            fullName: r.fullName,
            id: this.id(),
            ownerType: r.ownerType ?? 'User',
            private: r.private ?? false,
            defaultBranch: r.defaultBranch ?? 'main',
            createdAt: new Date(Date.parse(this.scenario.now) - 400 * 86_400_000)
                .toISOString()
                .replace(/\.\d{3}Z$/, 'Z'),
            languages: r.languages ?? {},
            store,
            refs: new Map(),
            pulls: [],
            protectedBranches: new Set(r.protectedBranches ?? []),
        };
        this.repos.set(r.fullName.toLowerCase(), repo);
        const files = new Map();
        for (const [path, text] of Object.entries(r.files ?? {}))
            files.set(path, store.putBlob(Buffer.from(text)));
        const initialDate = new Date(Date.parse(this.scenario.now) - 365 * 86_400_000)
            .toISOString()
            .replace(/\.\d{3}Z$/, 'Z');
        let head = store.putCommit({
            tree: store.treeFromFiles(files),
            parents: [],
            author: this.person(owner, initialDate),
            committer: this.person(owner, initialDate),
            message: 'Initial commit',
            authorLogin: owner,
            committerLogin: owner,
            verified: false,
        });
        const commits = [...(r.commits ?? [])].sort((a, b) => Date.parse(a.date) - Date.parse(b.date));
        for (const c of commits) {
            for (const path of c.paths ?? [])
                files.set(path, store.putBlob(Buffer.from(`// ${path}\n// ${c.message}\n`)));
            const login = c.author ?? null;
            const author = login
                ? {
                    ...this.person(login, c.date),
                    ...(c.authorEmail ? { email: c.authorEmail } : {}),
                    ...(c.authorName ? { name: c.authorName } : {}),
                }
                : {
                    name: c.authorName ?? 'Someone',
                    email: c.authorEmail ?? 'someone@example.com',
                    date: c.date,
                };
            head = store.putCommit({
                tree: store.treeFromFiles(files),
                parents: [head],
                author,
                committer: author,
                message: c.message,
                authorLogin: login ?? this.loginForEmail(author.email),
                committerLogin: login ?? this.loginForEmail(author.email),
                verified: false,
            }, c.sha);
        }
        repo.refs.set(`refs/heads/${repo.defaultBranch}`, head);
        for (const p of r.pulls ?? []) {
            this.addUser({ login: p.author });
            repo.pulls.push({
                number: p.number,
                id: this.id(),
                author: p.author,
                title: p.title,
                body: '',
                state: p.state,
                draft: false,
                createdAt: p.createdAt,
                updatedAt: p.mergedAt ?? p.closedAt ?? p.createdAt,
                closedAt: p.closedAt ?? p.mergedAt ?? (p.state === 'closed' ? p.createdAt : null),
                mergedAt: p.mergedAt ?? null,
                head: `${p.author}:patch-${p.number}`,
                base: repo.defaultBranch,
                headSha: head,
                labels: [],
                assignees: [],
                reviewers: [],
                comments: [],
            });
        }
    }
    /** Resolves a branch name, `heads/x`, `refs/heads/x` or a sha to a commit sha. */
    resolve(repo, ref) {
        // GitHub takes HEAD for the default branch's head wherever it takes a ref.
        if (ref === 'HEAD')
            ref = repo.defaultBranch;
        const full = ref.startsWith('refs/')
            ? ref
            : ref.startsWith('heads/')
                ? `refs/${ref}`
                : `refs/heads/${ref}`;
        const sha = repo.refs.get(full);
        if (sha)
            return sha;
        if (/^[0-9a-f]{7,40}$/.test(ref)) {
            for (const s of repo.store.commits.keys())
                if (s.startsWith(ref))
                    return s;
        }
        return undefined;
    }
    readFile(fullName, path, ref) {
        const repo = this.repo(fullName);
        if (!repo)
            return undefined;
        const sha = this.resolve(repo, ref ?? repo.defaultBranch);
        const commit = sha ? repo.store.commits.get(sha) : undefined;
        if (!commit)
            return undefined;
        const blob = repo.store.files(commit.tree).get(path);
        return blob ? repo.store.blobs.get(blob)?.toString('utf8') : undefined;
    }
    /** A person pushing a commit to a branch (created from the default branch if missing). */
    commitFiles(fullName, branch, files, opts = {}) {
        const repo = this.repo(fullName);
        if (!repo)
            throw new Error(`no repository ${fullName}`);
        const parent = this.resolve(repo, branch) ?? this.resolve(repo, repo.defaultBranch);
        const base = repo.store.commits.get(parent);
        const flat = repo.store.files(base.tree);
        for (const [path, text] of Object.entries(files))
            flat.set(path, repo.store.putBlob(Buffer.from(text)));
        const login = opts.author ?? repo.owner;
        const date = this.tick();
        const sha = repo.store.putCommit({
            tree: repo.store.treeFromFiles(flat),
            parents: [parent],
            author: this.person(login, date),
            committer: this.person(login, date),
            message: opts.message ?? 'Edit by hand',
            authorLogin: login,
            committerLogin: login,
            verified: false,
        });
        repo.refs.set(`refs/heads/${branch}`, sha);
        return sha;
    }
    /** The author merges a pull request: a merge commit on the base, the PR closed as merged. */
    mergePull(fullName, number) {
        const repo = this.repo(fullName);
        const pr = repo?.pulls.find((p) => p.number === number);
        if (!repo || !pr)
            throw new Error(`no pull request ${fullName}#${number}`);
        const headSha = this.resolve(repo, pr.head.split(':').pop());
        const baseSha = this.resolve(repo, pr.base);
        const head = repo.store.commits.get(headSha);
        const date = this.tick();
        const sha = repo.store.putCommit({
            tree: head.tree,
            parents: [baseSha, headSha],
            author: this.person(repo.owner, date),
            committer: this.person(repo.owner, date),
            message: `Merge pull request #${number}`,
            authorLogin: repo.owner,
            committerLogin: repo.owner,
            verified: true,
        });
        repo.refs.set(`refs/heads/${pr.base}`, sha);
        pr.state = 'closed';
        pr.mergedAt = date;
        pr.closedAt = date;
        pr.updatedAt = date;
        return sha;
    }
}

/** Validates a scenario, naming the first wrong field by its path. */
function parseScenario(json, source = 'scenario') {
    const fail = (path, expected, got) => {
        throw new NowPageError(`${path}: expected ${expected}, got ${JSON.stringify(got) ?? 'nothing'}`, {
            file: source,
            hint: 'See schema/scenario.schema.json',
        });
    };
    const isObj = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
    const obj = (v, p) => {
        if (!isObj(v))
            fail(p, 'an object', v);
    };
    const str = (v, p) => {
        if (typeof v !== 'string' || v === '')
            fail(p, 'a non-empty string', v);
    };
    const instant = (v, p) => {
        if (typeof v !== 'string' || !/^\d{4}-\d{2}-\d{2}T/.test(v) || Number.isNaN(Date.parse(v))) {
            fail(p, 'an ISO date-time', v);
        }
    };
    const optional = (check) => (v, p) => {
        if (v !== undefined && v !== null)
            check(v, p);
    };
    const array = (check) => (v, p) => {
        if (!Array.isArray(v))
            return fail(p, 'an array', v);
        v.forEach((x, i) => check(x, `${p}[${i}]`));
    };
    const oneOf = (...values) => (v, p) => {
        if (typeof v !== 'string' || !values.includes(v))
            fail(p, `one of ${values.join(', ')}`, v);
    };
    const fields = (spec, required) => (v, p) => {
        obj(v, p);
        const o = v;
        for (const key of required)
            if (o[key] === undefined)
                fail(`${p}.${key}`, 'a value (required)', undefined);
        for (const [key, value] of Object.entries(o)) {
            const check = spec[key];
            if (!check)
                fail(`${p}.${key}`, `no such field (known: ${Object.keys(spec).join(', ')})`, key);
            else
                check(value, `${p}.${key}`);
        }
    };
    const fullName = (v, p) => {
        if (typeof v !== 'string' || !/^[\w.-]+\/[\w.-]+$/.test(v))
            fail(p, 'owner/name', v);
    };
    const int = (v, p) => {
        if (!Number.isInteger(v) || v < 0)
            fail(p, 'a whole number', v);
    };
    const record = (check) => (v, p) => {
        obj(v, p);
        for (const [k, x] of Object.entries(v))
            check(x, `${p}.${k}`);
    };
    const permission = optional(oneOf('none', 'read', 'write'));
    fields({
        $schema: optional(str),
        now: instant,
        viewer: optional(str),
        repository: optional(fullName),
        tokens: record(fields({
            login: str,
            permissions: optional(fields({ contents: permission, pull_requests: permission }, [])),
            rateLimitRemaining: optional(int),
            rateLimitReset: optional(int),
            installation: optional((v, p) => typeof v !== 'boolean' && fail(p, 'true or false', v)),
        }, ['login'])),
        users: optional(array(fields({
            login: str,
            name: optional(str),
            type: optional(oneOf('User', 'Organization', 'Bot')),
            emails: optional(array(str)),
        }, ['login']))),
        repos: array(fields({
            fullName,
            defaultBranch: optional(str),
            ownerType: optional(oneOf('User', 'Organization')),
            private: optional((v, p) => typeof v !== 'boolean' && fail(p, 'true or false', v)),
            files: optional(record((v, p) => typeof v !== 'string' && fail(p, 'file text', v))),
            languages: optional(record(int)),
            commits: optional(array(fields({
                sha: optional((v, p) => (typeof v !== 'string' || !/^[0-9a-f]{40}$/.test(v)) &&
                    fail(p, 'a 40-hex sha', v)),
                author: optional(str),
                authorEmail: optional(str),
                authorName: optional(str),
                date: instant,
                message: str,
                paths: optional(array(str)),
            }, ['date', 'message']))),
            pulls: optional(array(fields({
                number: int,
                author: str,
                title: (v, p) => typeof v !== 'string' && fail(p, 'a string', v),
                state: oneOf('open', 'closed'),
                createdAt: instant,
                mergedAt: optional(instant),
                closedAt: optional(instant),
            }, ['number', 'author', 'title', 'state', 'createdAt']))),
            protectedBranches: optional(array(str)),
        }, ['fullName'])),
        inputs: optional(record((v, p) => typeof v !== 'string' && fail(p, 'a string', v))),
        faults: optional(array(fields({
            method: optional(str),
            path: str,
            status: optional(int),
            times: optional(int),
            after: optional(int),
            retryAfter: optional(int),
            latencyMs: optional(int),
            drop: optional((v, p) => typeof v !== 'boolean' && fail(p, 'true or false', v)),
            body: optional(() => undefined),
        }, ['path']))),
    }, ['now', 'tokens', 'repos'])(json, 'scenario');
    const s = json;
    if (Object.keys(s.tokens).length === 0)
        fail('scenario.tokens', 'at least one token', s.tokens);
    s.repos.forEach((r, i) => (r.pulls ?? []).forEach((pr, j) => {
        if (pr.mergedAt && pr.state !== 'closed')
            fail(`scenario.repos[${i}].pulls[${j}].state`, "'closed' for a merged pull request", pr.state);
    }));
    return s;
}
function loadScenario(path) {
    let text;
    try {
        text = readFileSync(path, 'utf8');
    }
    catch (e) {
        throw new NowPageError(`cannot read the scenario: ${e.code ?? String(e)}`, { file: path });
    }
    let json;
    try {
        json = JSON.parse(text);
    }
    catch (e) {
        throw new NowPageError(`the scenario is not JSON: ${e.message}`, { file: path });
    }
    return parseScenario(json, path);
}

const DOCS = 'https://docs.github.com/rest';
const LEVEL = { none: 0, read: 1, write: 2 };
function faultMatches(f, method, path) {
    if (f.method && f.method.toUpperCase() !== method)
        return false;
    const re = new RegExp('^' +
        f.path
            .split('/')
            .map((seg) => seg === '**' ? '.*' : seg === '*' ? '[^/]+' : seg.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
            .join('/') +
        '$');
    return re.test(path);
}
/**
 * A local GitHub REST API for tests and the demo: real HTTP, GitHub's status codes, error
 * bodies, paging, rate-limit headers and search cap, seeded from a scenario, with faults on
 * demand. Listens on 127.0.0.1 only.
 */
async function startEmulator(scenario, opts = {}) {
    const state = new EmulatorState(scenario);
    const requests = [];
    const faults = (scenario.faults ?? []).map((f) => ({ ...f, seen: 0, fired: 0 }));
    let shapes;
    const startedAt = Math.floor(Date.now() / 1000);
    const intercepts = [];
    let events = 0;
    const handle = async (req, res) => {
        const started = performance.now();
        const url = new URL(req.url ?? '/', `http://${req.headers.host ?? '127.0.0.1'}`);
        const path = url.pathname.replace(/^\/api\/v3(?=\/)/, '').replace(/\/+$/, '') || '/';
        const method = (req.method ?? 'GET').toUpperCase();
        const entry = {
            method,
            path: url.pathname + url.search,
            status: 0,
            ms: 0,
            at: Date.now(),
            arrived: ++events,
            answered: 0,
        };
        requests.push(entry);
        const headers = {
            'x-github-api-version-selected': '2022-11-28',
            'x-github-request-id': `EMU:${requests.length}`,
        };
        const finish = (status, body, extra = {}) => {
            entry.status = status;
            entry.ms = Math.round(performance.now() - started);
            entry.answered = ++events;
            send(res, status, body, { ...headers, ...extra });
        };
        try {
            if (opts.latencyMs)
                await sleep(opts.latencyMs);
            for (const hook of intercepts) {
                if (hook.fired < (hook.times ?? 1) && faultMatches(hook, method, path)) {
                    hook.fired++;
                    await hook.run(state, { method, path });
                }
            }
            const fault = faults.find((f) => faultMatches(f, method, path) && f.fired < (f.times ?? 1) && f.seen++ >= (f.after ?? 0));
            if (fault) {
                fault.fired++;
                if (fault.latencyMs)
                    await sleep(fault.latencyMs);
                if (fault.drop) {
                    entry.status = 0;
                    entry.ms = Math.round(performance.now() - started);
                    req.socket.destroy();
                    return;
                }
                if (fault.status) {
                    const retry = fault.retryAfter !== undefined ? { 'retry-after': String(fault.retryAfter) } : {};
                    const message = fault.status === 403 && fault.retryAfter !== undefined
                        ? 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.'
                        : fault.status >= 500
                            ? 'Server Error'
                            : 'Injected fault';
                    return finish(fault.status, fault.body ?? { message, documentation_url: DOCS, status: String(fault.status) }, retry);
                }
            }
            const auth = req.headers.authorization ?? '';
            const token = /^(?:token|bearer)\s+(.+)$/i.exec(auth)?.[1]?.trim() ?? '';
            const t = state.tokens.get(token);
            if (!t)
                return finish(401, { message: 'Bad credentials', documentation_url: DOCS, status: '401' });
            // Rate limits run on the wall clock, as GitHub's do, not on the scenario's clock.
            const reset = t.rateLimitReset ?? startedAt + 3600;
            const rateHeaders = () => ({
                'x-ratelimit-limit': '5000',
                'x-ratelimit-remaining': String(t.remaining),
                'x-ratelimit-reset': String(reset),
                'x-ratelimit-used': String(5000 - t.remaining),
                'x-ratelimit-resource': path.startsWith('/search/') ? 'search' : 'core',
            });
            if (t.remaining <= 0) {
                return finish(403, {
                    message: 'API rate limit exceeded for user ID 1.',
                    documentation_url: DOCS,
                    status: '403',
                }, rateHeaders());
            }
            t.remaining--;
            Object.assign(headers, rateHeaders());
            let params;
            const route = routes.find((r) => r.method === method && (params = match(r.pattern, path)));
            if (!route || !params) {
                const known = routes.some((r) => match(r.pattern, path));
                return finish(known ? 405 : 404, {
                    message: known ? 'Method Not Allowed' : 'Not Found',
                    documentation_url: DOCS,
                    status: known ? '405' : '404',
                });
            }
            if (route.needs) {
                const [scope, level] = route.needs;
                const granted = t.permissions?.[scope] ?? 'write';
                if (LEVEL[granted] < LEVEL[level]) {
                    return finish(403, {
                        message: 'Resource not accessible by integration',
                        documentation_url: DOCS,
                        status: '403',
                    }, { 'x-accepted-github-permissions': `${scope}=${level}` });
                }
            }
            const body = method === 'GET' || method === 'DELETE' ? {} : await readBody(req);
            shapes ??= new Shapes(state, `http://${req.headers.host}`);
            const request = { method, path, query: url.searchParams, body, url, token };
            const ctx = {
                state,
                shapes,
                login: t.login,
                installation: t.installation ?? false,
                remaining: t.remaining,
            };
            const reply = route.handle(request, params, ctx);
            finish(reply.status ?? 200, reply.body, reply.headers);
        }
        catch (error) {
            if (error instanceof HttpError) {
                finish(error.status, {
                    message: error.message,
                    ...error.extra,
                    documentation_url: DOCS,
                    status: String(error.status),
                }, error.headers);
            }
            else {
                finish(500, {
                    message: `emulator error: ${error.message}`,
                    documentation_url: DOCS,
                    status: '500',
                });
            }
        }
    };
    const server = createServer((req, res) => void handle(req, res));
    server.keepAliveTimeout = 1000;
    await new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
    });
    const port = server.address().port;
    const url = `http://127.0.0.1:${port}`;
    shapes = new Shapes(state, url);
    return {
        url,
        requests,
        state,
        close: () => new Promise((resolve) => {
            server.closeAllConnections();
            server.close(() => resolve());
        }),
        readFile: (repo, path, ref) => state.readFile(repo, path, ref),
        commitFiles: (repo, branch, files, o) => state.commitFiles(repo, branch, files, o),
        mergePull: (repo, number) => state.mergePull(repo, number),
        addFault: (f) => void faults.push({ ...f, seen: 0, fired: 0 }),
        intercept: (hook) => void intercepts.push({ ...hook, fired: 0 }),
    };
}
function sleep(ms) {
    return new Promise((resolve) => setTimeout(resolve, ms));
}

const EMULATOR_USAGE = `Usage: now-page emulator --scenario FILE [--port N] [--latency MS]

Starts the local GitHub API emulator and prints its URL on the first line. Point Octokit, curl or
the Action (GITHUB_API_URL) at it with a token from the scenario. Stops on Ctrl-C.`;
async function emulatorCommand(argv) {
    const { values } = parseArgs({
        args: argv,
        options: {
            scenario: { type: 'string' },
            port: { type: 'string', default: '0' },
            latency: { type: 'string', default: '0' },
            help: { type: 'boolean', short: 'h', default: false },
        },
        strict: true,
    });
    if (values.help) {
        process.stdout.write(EMULATOR_USAGE + '\n');
        return 0;
    }
    if (!values.scenario)
        throw new NowPageError('emulator needs --scenario FILE', { hint: EMULATOR_USAGE });
    const port = Number(values.port);
    const latencyMs = Number(values.latency);
    if (!Number.isInteger(port) || port < 0 || port > 65535)
        throw new NowPageError(`--port ${values.port} is not a port number`);
    if (!Number.isFinite(latencyMs) || latencyMs < 0)
        throw new NowPageError(`--latency ${values.latency} is not a number of milliseconds`);
    const emulator = await startEmulator(loadScenario(values.scenario), { port, latencyMs });
    process.stdout.write(`${emulator.url}\n`);
    await new Promise((resolve) => {
        const stop = () => resolve();
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
    });
    await emulator.close();
    return 0;
}

const VERSION$1 = "6.0.0";

function requestLog(octokit) {
  octokit.hook.wrap("request", (request, options) => {
    octokit.log.debug("request", options);
    const start = Date.now();
    const requestOptions = octokit.request.endpoint.parse(options);
    const path = requestOptions.url.replace(options.baseUrl, "");
    return request(options).then((response) => {
      const requestId = response.headers["x-github-request-id"];
      octokit.log.info(
        `${requestOptions.method} ${path} - ${response.status} with id ${requestId} in ${Date.now() - start}ms`
      );
      return response;
    }).catch((error) => {
      const requestId = error.response?.headers["x-github-request-id"] || "UNKNOWN";
      octokit.log.error(
        `${requestOptions.method} ${path} - ${error.status} with id ${requestId} in ${Date.now() - start}ms`
      );
      throw error;
    });
  });
}
requestLog.VERSION = VERSION$1;

const VERSION = "22.0.1";

const Octokit = Octokit$1.plugin(requestLog, legacyRestEndpointMethods, paginateRest).defaults(
  {
    userAgent: `octokit-rest.js/${VERSION}`
  }
);

/** The part of a `workflow_dispatch` payload the Action reads: who owns the repository. */
function dispatchEvent(repository, ownerType) {
    const [login = '', name = ''] = repository.split('/');
    return {
        inputs: {},
        ref: 'refs/heads/main',
        repository: { full_name: repository, name, owner: { login, type: ownerType } },
        sender: { login, type: 'User' },
        workflow: '.github/workflows/now.yml',
    };
}
/** dist/index.js of this package, found from wherever this module runs (src/ or the bundle). */
function actionEntry() {
    let dir = dirname(fileURLToPath(import.meta.url));
    for (;;) {
        if (existsSync(join(dir, 'action.yml')))
            return join(dir, 'dist', 'index.js');
        const up = dirname(dir);
        if (up === dir)
            throw new Error('cannot find action.yml above ' + fileURLToPath(import.meta.url));
        dir = up;
    }
}
/**
 * Runs the bundled Action the way a GitHub runner does: a separate `node` process, inputs as
 * INPUT_* variables, outputs and the job summary written to the files the runner names.
 */
async function runActionProcess(options) {
    const dir = mkdtempSync(join(tmpdir(), 'now-page-run-'));
    const outputFile = join(dir, 'output');
    const summaryFile = join(dir, 'summary');
    writeFileSync(outputFile, '');
    writeFileSync(summaryFile, '');
    const env = {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? dir,
        GITHUB_ACTIONS: 'true',
        CI: 'true',
        GITHUB_API_URL: options.apiUrl,
        GITHUB_SERVER_URL: 'https://github.com',
        GITHUB_GRAPHQL_URL: `${options.apiUrl}/graphql`,
        GITHUB_REPOSITORY: options.repository,
        GITHUB_REPOSITORY_OWNER: options.repository.split('/')[0] ?? '',
        GITHUB_EVENT_NAME: options.eventName ?? 'workflow_dispatch',
        GITHUB_WORKFLOW_REF: `${options.repository}/.github/workflows/now.yml@refs/heads/main`,
        GITHUB_OUTPUT: outputFile,
        GITHUB_STEP_SUMMARY: summaryFile,
        RUNNER_TEMP: dir,
        ...(options.event ? { GITHUB_EVENT_PATH: join(dir, 'event.json') } : {}),
        ...(options.now ? { NOW_PAGE_NOW: options.now } : {}),
        ...options.env,
    };
    if (options.event)
        writeFileSync(join(dir, 'event.json'), JSON.stringify(options.event));
    for (const [name, value] of Object.entries(options.inputs)) {
        env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value;
    }
    const started = performance.now();
    const startedAt = Date.now();
    const child = spawn(process.execPath, [options.entry ?? actionEntry()], { env, stdio: 'pipe' });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 120_000);
    const exitCode = await new Promise((resolve, reject) => {
        child.on('error', reject);
        child.on('close', (code) => resolve(code ?? 1));
    }).finally(() => clearTimeout(timer));
    const ms = performance.now() - started;
    const run = {
        exitCode,
        stdout,
        stderr,
        outputs: parseOutputFile(readFileSync(outputFile, 'utf8')),
        summary: readFileSync(summaryFile, 'utf8'),
        ms,
        startedAt,
    };
    rmSync(dir, { recursive: true, force: true });
    return run;
}
/** Parses the runner's GITHUB_OUTPUT file (`name<<DELIMITER` blocks, or `name=value`). */
function parseOutputFile(text) {
    const outputs = {};
    const lines = text.split(/\r?\n/);
    for (let i = 0; i < lines.length; i++) {
        const line = lines[i];
        const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
        if (heredoc) {
            const [, name, delimiter] = heredoc;
            const value = [];
            for (i++; i < lines.length && lines[i] !== delimiter; i++)
                value.push(lines[i]);
            outputs[name] = value.join('\n');
        }
        else if (line.includes('=')) {
            const at = line.indexOf('=');
            outputs[line.slice(0, at)] = line.slice(at + 1);
        }
    }
    return outputs;
}

var $schema = "../schema/scenario.schema.json";
var now = "2025-08-24T06:00:00Z";
var viewer = "someone";
var repository = "someone/site";
var tokens = {
	"demo-token": {
		login: "someone",
		permissions: {
			contents: "write",
			pull_requests: "write"
		}
	}
};
var users = [
	{
		login: "someone",
		name: "Some One",
		emails: [
			"some.one@example.com"
		]
	},
	{
		login: "a-friend",
		name: "A Friend"
	}
];
var repos = [
	{
		fullName: "someone/site",
		defaultBranch: "main",
		ownerType: "User",
		files: {
			"content/now.md": "+++\ntitle = \"Now\"\ndate = 2025-06-01\n+++\n\n*_Last Updated: 2025-06-01_*\n\nWhat I'm doing now, inspired by the [/now page movement](https://nownownow.com/about).\n\n### Work\n\nI work on a Kubernetes distribution, mostly on whatever customers need most this week.\n\n### Outside Work\n\nI'm learning how computers work from the bottom up, and contributing upstream when I can. I'm also working through *Grokking Algorithms*, implementing every chapter in Go and in Rust.",
			"hugo.toml": "baseURL = 'https://someone.example/'\ntitle = 'Someone'\n",
			"content/_index.md": "# Hello\n"
		}
	},
	{
		fullName: "someone/grokking_algorithms",
		ownerType: "User",
		languages: {
			Go: 9000,
			Rust: 12000
		},
		files: {
			"README.md": "# Grokking Algorithms in Go and Rust\n",
			"go/ch01/binary_search.go": "package main\n",
			"go/ch02/selection_sort.go": "package main\n",
			"rust/ch01/src/main.rs": "fn main() {}\n",
			"rust/ch02/src/main.rs": "fn main() {}\n",
			"rust/ch03/src/main.rs": "fn main() {}\n",
			"rust/ch04/src/main.rs": "fn main() {}\n"
		},
		commits: [
			{
				author: "someone",
				date: "2025-07-02T19:10:00+05:30",
				message: "go: chapter 3 recursion",
				paths: [
					"go/ch03/recursion.go"
				]
			},
			{
				author: "someone",
				date: "2025-07-20T21:00:00+05:30",
				message: "rust: chapter 5 hash tables",
				paths: [
					"rust/ch05/hashtable/src/main.rs"
				]
			},
			{
				author: "someone",
				date: "2025-08-10T09:00:00+05:30",
				message: "rust: chapter 5 tests",
				paths: [
					"rust/ch05/hashtable/src/lib.rs"
				]
			},
			{
				author: "a-friend",
				date: "2025-08-12T10:00:00Z",
				message: "Fix a typo in the README",
				paths: [
					"README.md"
				]
			},
			{
				author: "someone",
				date: "2025-08-16T11:01:38+05:30",
				message: "Chapter 4: quicksort in Go\n\nWith table tests.",
				paths: [
					"go/ch04/quicksort.go",
					"go/ch04/quicksort_test.go"
				]
			}
		]
	},
	{
		fullName: "someone/dotfiles",
		ownerType: "User",
		pulls: [
			{
				number: 3,
				author: "someone",
				title: "Use fish shell",
				state: "closed",
				createdAt: "2025-08-01T10:00:00Z",
				mergedAt: "2025-08-01T10:05:00Z"
			}
		]
	},
	{
		fullName: "kubernetes/kubernetes",
		ownerType: "Organization",
		pulls: [
			{
				number: 132604,
				author: "someone",
				title: "kubectl api-resources: add -o json and -o yaml output",
				state: "closed",
				createdAt: "2025-06-29T10:00:00Z",
				mergedAt: "2025-07-15T10:00:00Z"
			},
			{
				number: 133210,
				author: "someone",
				title: "kubectl: fix a flaky test in get_test.go",
				state: "closed",
				createdAt: "2025-08-05T10:00:00Z",
				mergedAt: "2025-08-19T16:20:00Z"
			},
			{
				number: 133400,
				author: "someone",
				title: "WIP: rework printers (superseded)",
				state: "closed",
				createdAt: "2025-08-06T10:00:00Z",
				closedAt: "2025-08-07T10:00:00Z"
			},
			{
				number: 120001,
				author: "someone",
				title: "docs: an old typo fix",
				state: "closed",
				createdAt: "2024-01-10T10:00:00Z",
				mergedAt: "2024-01-12T10:00:00Z"
			},
			{
				number: 133500,
				author: "another-dev",
				title: "Someone else's change",
				state: "closed",
				createdAt: "2025-08-01T10:00:00Z",
				mergedAt: "2025-08-02T10:00:00Z"
			}
		]
	},
	{
		fullName: "kubernetes/website",
		ownerType: "Organization",
		pulls: [
			{
				number: 51234,
				author: "someone",
				title: "Document `kubectl api-resources -o json|yaml`",
				state: "closed",
				createdAt: "2025-07-20T10:00:00Z",
				mergedAt: "2025-08-20T19:30:00Z"
			}
		]
	},
	{
		fullName: "rancher/rancher",
		ownerType: "Organization",
		pulls: [
			{
				number: 48000,
				author: "someone",
				title: "Day-job change (excluded by exclude-orgs)",
				state: "closed",
				createdAt: "2025-08-01T10:00:00Z",
				mergedAt: "2025-08-03T10:00:00Z"
			}
		]
	}
];
var inputs = {
	"page-path": "content/now.md",
	"side-projects": "someone/grokking_algorithms (?<track>go|rust)/ch(?<chapter>\\d+)",
	"exclude-orgs": "rancher",
	"time-zone": "Asia/Kolkata"
};
var demoScenario = {
	$schema: $schema,
	now: now,
	viewer: viewer,
	repository: repository,
	tokens: tokens,
	users: users,
	repos: repos,
	inputs: inputs
};

const DEMO_USAGE = `Usage: now-page demo [--scenario FILE] [--json]

Starts the embedded GitHub API emulator with a scenario (default: the built-in demo), runs the
bundled Action against it exactly as a runner would (twice: the second run has nothing to do),
and prints the pull request it opened and the page's diff. Needs no token and no network.
  --scenario FILE   a scenario file (schema/scenario.schema.json)
  --json            print { outputs, pullRequest, files, requests, secondRun } as JSON`;
async function demoCommand(argv, io) {
    const { values } = parseArgs({
        args: argv,
        options: {
            scenario: { type: 'string' },
            json: { type: 'boolean', default: false },
            help: { type: 'boolean', short: 'h', default: false },
        },
        strict: true,
    });
    if (values.help) {
        io.stdout(DEMO_USAGE + '\n');
        return 0;
    }
    const scenario = values.scenario
        ? loadScenario(values.scenario)
        : parseScenario(demoScenario, 'scenarios/demo.json (built in)');
    const result = await runDemo(scenario);
    if (values.json) {
        io.stdout(JSON.stringify(result.json, null, 2) + '\n');
    }
    else {
        io.stdout(result.text);
    }
    return result.first.exitCode === 0 && result.second.exitCode === 0 ? 0 : 1;
}
/** The site repository of a scenario: the one the inputs point at, else the first with files. */
function siteRepository(scenario) {
    const explicit = scenario.repository;
    if (explicit)
        return explicit;
    const site = scenario.repos.find((r) => r.files && Object.keys(r.files).length > 0);
    if (!site) {
        throw new NowPageError('the scenario has no repository with files to act on', {
            hint: 'Give one repo a "files" object with the page, or set "repository"',
        });
    }
    return site.fullName;
}
async function runDemo(scenario) {
    const emulator = await startEmulator(scenario, { port: 0 });
    try {
        const token = Object.keys(scenario.tokens)[0];
        if (!token)
            throw new NowPageError('the scenario has no tokens', {
                hint: 'Add "tokens": {"t": {"login": "..."}}',
            });
        const repository = siteRepository(scenario);
        const ownerType = scenario.repos.find((r) => r.fullName === repository)?.ownerType === 'Organization'
            ? 'Organization'
            : 'User';
        const run = () => runActionProcess({
            inputs: { token, ...(scenario.inputs ?? {}) },
            apiUrl: emulator.url,
            repository,
            // As a workflow_dispatch run: the payload says who owns the repository.
            event: dispatchEvent(repository, ownerType),
            now: scenario.now,
        });
        const first = await run();
        const firstRequests = emulator.requests.length;
        const second = await run();
        const secondLog = emulator.requests.slice(firstRequests);
        const [owner = '', repo = ''] = repository.split('/');
        const octokit = new Octokit({ baseUrl: emulator.url, auth: token });
        const number = Number(first.outputs['pull-request-number']);
        let pullRequest = null;
        const files = {};
        let diff = '';
        if (number > 0) {
            const { data: pr } = await octokit.rest.pulls.get({ owner, repo, pull_number: number });
            pullRequest = {
                number: pr.number,
                title: pr.title,
                body: pr.body ?? '',
                head: pr.head.ref,
                base: pr.base.ref,
                url: pr.html_url,
            };
            const { data: cmp } = await octokit.rest.repos.compareCommits({
                owner,
                repo,
                base: pr.base.ref,
                head: pr.head.ref,
            });
            for (const f of cmp.files ?? []) {
                const after = emulator.readFile(repository, f.filename, pr.head.ref) ?? '';
                const before = emulator.readFile(repository, f.filename, pr.base.ref) ?? '';
                files[f.filename] = after;
                diff += createTwoFilesPatch(`a/${f.filename}`, `b/${f.filename}`, before, after);
            }
        }
        const requests = emulator.requests
            .slice(0, firstRequests)
            .map(({ method, path, status, ms }) => ({
            method,
            path,
            status,
            ms,
        }));
        const json = {
            outputs: first.outputs,
            pullRequest,
            files,
            requests,
            secondRun: {
                outputs: second.outputs,
                requests: secondLog.length,
                writes: secondLog.filter((r) => r.method !== 'GET').length,
            },
        };
        return { first, second, json, text: describe(first, second, json, diff, emulator.url) };
    }
    finally {
        await emulator.close();
    }
}
function describe(first, second, json, diff, url) {
    const out = [];
    const rule = '─'.repeat(72);
    out.push(`Emulated GitHub at ${url}; the Action ran as a runner would (${Math.round(first.ms)} ms, ${json.requests.length} requests).`);
    if (first.exitCode !== 0) {
        out.push('', `The Action failed (exit ${first.exitCode}):`, lastLines(first.stdout + first.stderr));
        return out.join('\n') + '\n';
    }
    const pr = json.pullRequest;
    if (pr) {
        out.push('', rule, `Pull request #${pr.number} (${json.outputs['pull-request-operation']}): ${pr.title}`);
        out.push(`  ${pr.head} -> ${pr.base}   ${pr.url}`, rule, pr.body, rule, '', diff.trimEnd(), '');
    }
    else {
        out.push('', `No pull request: ${json.outputs.summary ?? ''}`);
    }
    out.push(rule, `Second run on the same emulator: ${json.secondRun.outputs['pull-request-operation'] ?? '?'} ` +
        `(changed=${json.secondRun.outputs.changed ?? '?'}, ${json.secondRun.requests} requests, ${json.secondRun.writes} writes): ` +
        `${json.secondRun.outputs.summary ?? ''}${second.exitCode === 0 ? '' : ` — FAILED (exit ${second.exitCode})`}`);
    return out.join('\n') + '\n';
}
function lastLines(text, n) {
    return text.trimEnd().split('\n').slice(-30).join('\n');
}

const PREVIEW_USAGE = `Usage: now-page preview --repo owner/site [--token TOKEN] [--api-url URL] [--input name=value ...]

Runs the Action's job in dry-run mode against GitHub (or --api-url) with your token and prints
what it would change: a way to try the Action before adding it to a workflow. Nothing is written.
  --repo owner/site   the website repository
  --token TOKEN       default: $GITHUB_TOKEN, then $GH_TOKEN
  --api-url URL       default: https://api.github.com
  --input name=value  any Action input, e.g. --input "side-projects=me/book"`;
async function previewCommand(argv, io) {
    const { values } = parseArgs({
        args: argv,
        options: {
            repo: { type: 'string' },
            token: { type: 'string' },
            'api-url': { type: 'string' },
            input: { type: 'string', multiple: true },
            help: { type: 'boolean', short: 'h', default: false },
        },
        strict: true,
    });
    if (values.help) {
        io.stdout(PREVIEW_USAGE + '\n');
        return 0;
    }
    if (!values.repo || !/^[\w.-]+\/[\w.-]+$/.test(values.repo)) {
        throw new NowPageError('preview needs --repo owner/name', { hint: PREVIEW_USAGE });
    }
    const token = values.token ?? process.env.GITHUB_TOKEN ?? process.env.GH_TOKEN;
    if (!token) {
        throw new NowPageError('preview needs a token', {
            hint: 'Pass --token or set GITHUB_TOKEN (a fine-grained token with read access is enough)',
        });
    }
    const inputs = {};
    for (const pair of values.input ?? []) {
        const at = pair.indexOf('=');
        if (at < 1)
            throw new NowPageError(`--input ${pair}: expected name=value`);
        inputs[pair.slice(0, at)] = pair.slice(at + 1);
    }
    const run = await runActionProcess({
        inputs: { ...inputs, token, 'dry-run': 'true' },
        apiUrl: values['api-url'] ?? 'https://api.github.com',
        repository: values.repo,
        env: { NOW_PAGE_NOW: process.env.NOW_PAGE_NOW ?? '' },
    });
    io.stderr(run.stdout.split(token).join('***'));
    io.stdout(run.summary || '(no summary)\n');
    return run.exitCode === 0 ? 0 : 1;
}

const USAGE = `Usage: now-page <command> [options]

Commands:
  demo       run the Action against the embedded GitHub emulator (no token, no network)
  edit       edit a page offline from an activity file (now-page edit --help)
  preview    dry-run the Action against GitHub with your token and print the diff
  emulator   start the local GitHub API emulator from a scenario file
Run a command with --help for its options.`;
const defaultIo = {
    stdout: (s) => process.stdout.write(s),
    stderr: (s) => process.stderr.write(s),
};
/** Runs the CLI; resolves to the process exit code (0 ok, 1 unexpected failure, 2 bad input). */
async function runCli(argv, io = defaultIo) {
    const [command, ...rest] = argv;
    try {
        switch (command) {
            case 'edit':
                return editCommand(rest, io);
            case 'demo':
                return await demoCommand(rest, io);
            case 'preview':
                return await previewCommand(rest, io);
            case 'emulator':
                return await emulatorCommand(rest);
            case undefined:
            case '--help':
            case '-h':
            case 'help':
                io.stdout(USAGE + '\n');
                return command === undefined ? 2 : 0;
            default:
                io.stderr(`now-page: unknown command '${command}'\n${USAGE}\n`);
                return 2;
        }
    }
    catch (e) {
        if (isNowPageError(e)) {
            io.stderr(`now-page ${command}: ${e.describe()}\n`);
            return 2;
        }
        if (e instanceof TypeError && 'code' in e && String(e.code).startsWith('ERR_PARSE_ARGS')) {
            io.stderr(`now-page ${command}: ${e.message}\n`);
            return 2;
        }
        io.stderr(`now-page ${command}: unexpected error: ${e.stack ?? String(e)}\n`);
        return 1;
    }
}

process.exitCode = await runCli(process.argv.slice(2));
