import { setSecret } from '@actions/core'
import {
  clockKnowsZone,
  confirmClockAnswers,
  dateInZone,
  isIsoDate,
  isTimeZone,
} from '../dates/index.js'
import { NowPageError } from '../errors.js'
import { placeholdersFor, SECTIONS, sectionDefinition } from '../page/sections/registry.js'
import { checkTemplate } from '../page/template.js'
import {
  SECTION_NAMES,
  type EditOptions,
  type SectionName,
  type SectionOptions,
} from '../page/types.js'
import type { compileProgressPattern } from '../page/progress-pattern.js'
import { branchNameProblem } from '../publish/branch-name.js'
import type { PublishSettings } from '../publish/types.js'
import {
  applyForgeTokens,
  forgeProject,
  looksLikeForgeRepo,
  parseForges,
  type ForgeAccount,
  type ForgeSettings,
} from './forges.js'
import { INPUT_DEFAULTS, type InputName } from './input-defaults.js'
import { Inputs, isLiteralGlob } from './inputs.js'

export type { Identity } from './inputs.js'
export type { ForgeAccount, ForgeKind, ForgeSettings } from './forges.js'

export const PAGE_PATH_CANDIDATES: readonly string[] = [
  'content/now.md',
  'content/now/index.md',
  'src/pages/now.md',
  'src/content/pages/now.md',
  '_pages/now.md',
  'now.md',
]

export type Since =
  { kind: 'duration'; days: number } | { kind: 'date'; date: string } | { kind: 'page' }

export interface Config {
  token: string
  author?: string
  pagePath?: string
  apiUrl: string
  timeZone: string
  since: Since
  maxItems: number
  /** Bound on the whole run's time talking to GitHub. */
  apiTimeoutMinutes: number
  /** `forge` is the `base` of a `forges` account for a project on GitLab or Forgejo. */
  sideProjects: Array<{ repo: string; progressPattern?: string; forge?: string }>
  /** GitLab and Forgejo accounts (`forges`, `forge-tokens`). */
  forges: ForgeSettings
  includeRepos: string[]
  excludeRepos: string[]
  excludeOrgs: string[]
  edit: Omit<EditOptions, 'today' | 'file' | 'timeZone'>
  /** `base` is '' for the repository's default branch; title, body and commit message are the
   * templates (the job fills them). */
  publish: PublishSettings & { base: string; title: string; body: string; commitMessage: string }
}

/** The input names, from action.yml. */
export function inputNames(): InputName[] {
  return Object.keys(INPUT_DEFAULTS) as InputName[]
}

const PR_PLACEHOLDERS = ['today', 'since', 'path', 'new_pull_requests', 'new_commits']

/** What the Action needs that the CLI's offline `edit` does not. */
export interface ConfigUse {
  /** The Action needs a token; `now-page edit --config` does not. Default true. */
  needsToken?: boolean
  /**
   * Checks that need a heavy engine are left to the caller, who runs them while its first
   * requests are out and before it writes anything: a `time-zone` the process clock knows is
   * taken (confirmed later by dates' confirmClockAnswers), and progress patterns are not compiled
   * (checkProgressPatterns). Text checks still run here. Default false: everything is checked.
   */
  engineChecksLater?: boolean
}

/**
 * The engines some inputs are checked with, loaded only when such an input is set: RE2 (re2js,
 * ~260 KB) for progress patterns, picomatch for repository globs. Most runs set neither.
 */
export interface Engines {
  compilePattern?: typeof compileProgressPattern
  /** Progress patterns are compiled later, by checkEngineInputs. */
  compileLater?: true
  makeRe?: (glob: string) => RegExp
}

const GLOB_INPUTS = ['include-repos', 'exclude-repos', 'exclude-orgs'] as const

async function loadEngines(inputs: Inputs, use: ConfigUse): Promise<Engines> {
  const later = use.engineChecksLater ?? false
  const patterns = !later && sideProjectLines(inputs.get('side-projects')).some((l) => l.pattern)
  const globs = GLOB_INPUTS.some((name) => inputs.list(name).some((g) => !isLiteralGlob(g)))
  const [re2, picomatch] = await Promise.all([
    patterns ? import('../page/progress-pattern.js') : undefined,
    globs ? import('picomatch') : undefined,
  ])
  return {
    ...(later ? { compileLater: true as const } : {}),
    ...(re2 ? { compilePattern: re2.compileProgressPattern } : {}),
    ...(picomatch ? { makeRe: (glob: string) => picomatch.default.makeRe(glob) } : {}),
  }
}

/**
 * Turns the Action's inputs into a validated Config. Every problem is a NowPageError naming the
 * input, the value and what is allowed; nothing is read from GitHub here. Asynchronous only to
 * load the engines a progress pattern or a glob needs (see Engines).
 */
export async function configFromInputs(
  getInput: (name: string) => string,
  env: Record<string, string | undefined> = process.env,
  use: ConfigUse = {},
): Promise<Config> {
  const inputs = new Inputs(getInput)
  return readConfig(inputs, env, use, await loadEngines(inputs, use))
}

/**
 * The checks {@link configFromInputs} leaves for later with `engineChecksLater`: the time zone
 * the clock answered for, confirmed by Intl, and every progress pattern compiled with RE2. Each
 * failure is the NowPageError configFromInputs would have thrown.
 */
export async function checkEngineInputs(
  getInput: (name: string) => string,
  config: Pick<Config, 'sideProjects' | 'forges'>,
): Promise<void> {
  const unconfirmed = confirmClockAnswers()
  if (unconfirmed !== undefined) {
    throw new NowPageError(`unknown time zone '${unconfirmed}'`, {
      input: 'time-zone',
      hint: TIME_ZONE_HINT,
    })
  }
  if (!config.sideProjects.some((p) => p.progressPattern)) return
  const { compileProgressPattern } = await import('../page/progress-pattern.js')
  const inputs = new Inputs(getInput)
  parseSideProjects(
    inputs.get('side-projects'),
    { compilePattern: compileProgressPattern },
    config.forges.accounts,
  )
}

const TIME_ZONE_HINT = 'Use an IANA name such as UTC, Europe/Berlin or Asia/Kolkata'

function readConfig(
  inputs: Inputs,
  env: Record<string, string | undefined>,
  use: ConfigUse,
  engines: Engines,
): Config {
  const maxItems = inputs.number('max-items', /^\d+$/, (n) => n >= 1, 'a positive whole number')
  const apiTimeoutMinutes = inputs.number(
    'api-timeout-minutes',
    /^\d+(\.\d+)?$/,
    (n) => n > 0,
    'a positive number of minutes',
  )
  const forges = readForges(inputs, env)
  return {
    token: readToken(inputs, use.needsToken ?? true),
    author: inputs.get('author').replace(/^@/, '') || undefined,
    pagePath: readPagePath(inputs),
    apiUrl: readApiUrl(inputs, env),
    timeZone: readTimeZone(inputs, use.engineChecksLater ?? false),
    since: parseSince(inputs.get('since')),
    maxItems,
    apiTimeoutMinutes,
    sideProjects: parseSideProjects(inputs.get('side-projects'), engines, forges),
    forges: { accounts: forges, timeoutMinutes: apiTimeoutMinutes },
    includeRepos: inputs.globs('include-repos', engines.makeRe),
    excludeRepos: inputs.globs('exclude-repos', engines.makeRe),
    excludeOrgs: inputs.globs('exclude-orgs', engines.makeRe),
    edit: readEditOptions(inputs, maxItems),
    publish: readPublishOptions(inputs),
  }
}

/**
 * `forges` and `forge-tokens`. On a runner each token is masked at once, before anything can log
 * it (the CLI reads settings from a file and passes no GITHUB_ACTIONS: nothing to mask there, and
 * `::add-mask::` would print the token to a terminal).
 */
function readForges(inputs: Inputs, env: Record<string, string | undefined>): ForgeAccount[] {
  const accounts = applyForgeTokens(inputs.raw('forge-tokens'), parseForges(inputs.raw('forges')))
  if (env.GITHUB_ACTIONS === 'true') {
    for (const a of accounts) if (a.token) setSecret(a.token)
  }
  return accounts
}

function readToken(inputs: Inputs, needed: boolean): string {
  const token = inputs.get('token')
  if (needed && !token) {
    inputs.fail(
      'token',
      'the token is empty (a secret that is not set reads as empty)',
      'Check the secret named in `token:` exists in Settings → Secrets and variables → Actions, or remove `token:` to use the default GITHUB_TOKEN',
    )
  }
  return token
}

/** Extensions of pages a site generator renders: Markdown family, HTML, Org and reST. */
export const PAGE_EXTENSIONS: readonly string[] = [
  '.md',
  '.markdown',
  '.mdown',
  '.mkd',
  '.mkdn',
  '.mdx',
  '.html',
  '.htm',
  '.org',
  '.rst',
]

function readPagePath(inputs: Inputs): string | undefined {
  const pagePath = inputs.get('page-path') || undefined
  if (!pagePath) return undefined
  if (
    pagePath.startsWith('/') ||
    /^[A-Za-z]:/.test(pagePath) ||
    pagePath.split(/[\\/]/).includes('..')
  ) {
    inputs.fail(
      'page-path',
      `'${pagePath}' points outside the repository`,
      'Use a path relative to the repository root, e.g. content/now.md',
    )
  }
  const extension = /\.[^./\\]+$/.exec(pagePath)?.[0]?.toLowerCase()
  if (!extension || !PAGE_EXTENSIONS.includes(extension)) {
    inputs.fail(
      'page-path',
      `'${pagePath}' is not a page`,
      `Point it at the Now page itself, a file ending in ${PAGE_EXTENSIONS.join(' ')}, e.g. content/now.md`,
    )
  }
  return pagePath
}

function readApiUrl(inputs: Inputs, env: Record<string, string | undefined>): string {
  const given = inputs.get('api-url')
  const value = given || env.GITHUB_API_URL || 'https://api.github.com'
  let url: URL | undefined
  try {
    url = new URL(value)
  } catch {
    url = undefined
  }
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:') || !url.hostname) {
    inputs.fail(
      'api-url',
      `'${value}'${given ? '' : ' (from GITHUB_API_URL)'} is not an http(s) URL`,
      'Use the REST API root, e.g. https://api.github.com or https://HOST/api/v3 for GitHub Enterprise Server, or leave it empty',
    )
  }
  return value.replace(/\/+$/, '')
}

function readTimeZone(inputs: Inputs, confirmedLater: boolean): string {
  const timeZone = inputs.get('time-zone')
  if (!(confirmedLater && clockKnowsZone(timeZone)) && !isTimeZone(timeZone)) {
    inputs.fail('time-zone', `unknown time zone '${timeZone}'`, TIME_ZONE_HINT)
  }
  return timeZone
}

function readEditOptions(inputs: Inputs, maxItems: number): Config['edit'] {
  const enabled = inputs.list('sections')
  for (const s of enabled) {
    if (!(SECTION_NAMES as readonly string[]).includes(s)) {
      inputs.fail(
        'sections',
        `unknown section '${s}'`,
        `Known sections: ${SECTION_NAMES.join(', ')}`,
      )
    }
  }
  const groupByRepo = inputs.bool('group-by-repo')
  const section = (name: SectionName) =>
    readSection(inputs, name, { enabled: enabled.includes(name), groupByRepo, maxItems })
  const addDateField = inputs.get('add-date-field') || undefined
  if (addDateField && !/^[A-Za-z0-9_-]+$/.test(addDateField)) {
    inputs.fail(
      'add-date-field',
      `'${addDateField}' is not a front-matter key`,
      'Use a plain key such as lastmod',
    )
  }
  return {
    dateFields: inputs.list('date-fields'),
    addDateField,
    updateBodyDate: inputs.bool('update-body-date'),
    sections: Object.fromEntries(SECTION_NAMES.map((name) => [name, section(name)])) as Record<
      SectionName,
      SectionOptions
    >,
    insert: readInsert(inputs),
  }
}

function readSection(
  inputs: Inputs,
  name: SectionName,
  shared: { enabled: boolean; groupByRepo: boolean; maxItems: number },
): SectionOptions {
  const names = SECTIONS[name].inputs
  const groupByRepo = sectionDefinition(name).grouped ? shared.groupByRepo : undefined
  const template = inputs.get(names.template) || undefined
  if (template) {
    checkTemplate(template, placeholdersFor(name, { groupByRepo }), { input: names.template })
  }
  const title = inputs.raw(names.title)
  return {
    enabled: shared.enabled,
    heading: inputs.get(names.heading) || undefined,
    title: title === '' ? undefined : title.trim(),
    template,
    maxItems: shared.maxItems,
    groupByRepo,
  }
}

function readInsert(inputs: Inputs): EditOptions['insert'] {
  const insertRaw = inputs.get('insert-at')
  if (insertRaw === 'end') return { at: 'end' }
  if (/^after-heading:\s*\S/.test(insertRaw)) {
    return { at: 'after-heading', heading: insertRaw.slice('after-heading:'.length).trim() }
  }
  return inputs.fail(
    'insert-at',
    `'${insertRaw}' is not a place`,
    'Use end, or after-heading:<heading text> such as after-heading:Outside Work',
  )
}

function readPublishOptions(inputs: Inputs): Config['publish'] {
  for (const name of ['title', 'commit-message'] as const) {
    checkTemplate(inputs.get(name), PR_PLACEHOLDERS, { input: name })
  }
  const base = inputs.get('base')
  return {
    base,
    branch: readBranch(inputs, base),
    title: inputs.get('title'),
    body: inputs.raw('body'),
    commitMessage: inputs.get('commit-message'),
    labels: inputs.list('labels'),
    reviewers: inputs.list('reviewers').map((r) => r.replace(/^@/, '')),
    assignees: inputs.list('assignees').map((r) => r.replace(/^@/, '')),
    draft: inputs.bool('draft'),
    author: inputs.identity('commit-author'),
    committer: inputs.identity('committer'),
    onHumanEdit: inputs.choice(
      'on-human-edit',
      ['skip', 'rebase-onto'],
      'Use skip (leave the branch alone) or rebase-onto (add the Action’s commit on top)',
    ),
    dryRun: inputs.bool('dry-run'),
  }
}

/** The Action's branch: a valid branch name, never the base it proposes to. */
function readBranch(inputs: Inputs, base: string): string {
  const branch = inputs.get('branch')
  const problem = branchNameProblem(branch)
  if (problem) {
    inputs.fail(
      'branch',
      `'${branch}' is not a branch name: ${problem}`,
      'Use a name such as now-page/refresh',
    )
  }
  if (base && branch === base.replace(/^refs\/heads\//, '')) {
    inputs.fail(
      'branch',
      `'${branch}' is the base branch`,
      'The Action commits to its own branch and proposes it to the base; use a name such as now-page/refresh',
    )
  }
  return branch
}

export function parseSince(value: string): Since {
  if (value === 'page') return { kind: 'page' }
  const d = /^(\d+)\s*([dwmy])$/.exec(value)
  if (d) {
    const n = Number(d[1])
    const days = n * ({ d: 1, w: 7, m: 30, y: 365 } as Record<string, number>)[d[2] as string]!
    if (days >= 1) return { kind: 'duration', days }
  }
  if (isIsoDate(value)) {
    return { kind: 'date', date: value }
  }
  throw new NowPageError(`'${value}' is not a window start`, {
    input: 'since',
    hint: 'Use a duration such as 90d, 12w, 6m or 1y, a date such as 2025-05-01, or page (the page’s own date)',
  })
}

/** The side-projects input's lines that say something: `owner/name [pattern]`, numbered from 1. */
function sideProjectLines(
  value: string,
): Array<{ number: number; repo: string; pattern?: string }> {
  return value.split(/\r?\n/).flatMap((raw, i) => {
    const line = raw.trim()
    if (!line || line.startsWith('#')) return []
    const [repo = '', ...rest] = line.split(/\s+/)
    const pattern = rest.join(' ') || undefined
    return [{ number: i + 1, repo, ...(pattern ? { pattern } : {}) }]
  })
}

/** `engines.compilePattern` must be given when a line has a pattern (configFromInputs loads it). */
export function parseSideProjects(
  value: string,
  engines: Engines,
  forges: ForgeAccount[] = [],
): Config['sideProjects'] {
  const projects: Config['sideProjects'] = []
  for (const { number, repo: written, pattern } of sideProjectLines(value)) {
    const where = `line ${number} of side-projects`
    let repo = written
    let forge: string | undefined
    if (looksLikeForgeRepo(written)) {
      const found = forgeProject(written, forges)
      if (typeof found === 'string') {
        throw new NowPageError(`${where}: ${found}`, {
          input: 'side-projects',
          hint: 'A project on GitLab or Forgejo needs its forge in forges (e.g. codeberg.org someone); then write https://codeberg.org/owner/name or codeberg.org/owner/name',
        })
      }
      ;({ repo, forge } = found)
    }
    // GitHub's rules: an owner of letters, digits and inner hyphens; a name that is not . or ..
    const [, name] =
      /^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\/([A-Za-z0-9_.-]+)$/.exec(repo) ?? []
    if (!forge && (!name || name === '.' || name === '..')) {
      throw new NowPageError(`${where}: '${repo}' is not owner/repo`, {
        input: 'side-projects',
        hint: 'Write one repository per line as owner/name, optionally followed by a progress pattern',
      })
    }
    if (projects.some((p) => p.forge === forge && p.repo.toLowerCase() === repo.toLowerCase())) {
      throw new NowPageError(`${where}: ${written} is listed twice`, {
        input: 'side-projects',
        hint: 'Keep one line per repository',
      })
    }
    if (pattern && !engines.compileLater) {
      if (!engines.compilePattern) throw new Error('parseSideProjects: RE2 is not loaded')
      // The same linear-time engine (RE2) the page core matches with, so a pattern it cannot run
      // (backreferences, lookaround) fails here, before anything is written.
      const re = engines.compilePattern(pattern, `${repo} (${where})`)
      if (!/\(\?P?<[A-Za-z_]\w*>/.test(re.pattern())) {
        throw new NowPageError(`${where}: the progress pattern has no named group`, {
          input: 'side-projects',
          hint: 'Name what to report, e.g. ch(?<chapter>\\d+)',
        })
      }
    }
    projects.push({
      repo,
      ...(pattern ? { progressPattern: pattern } : {}),
      ...(forge ? { forge } : {}),
    })
  }
  return projects
}

/** `YYYY-MM-DD` of an instant in a time zone: the day the author is living. */
export function todayIn(timeZone: string, now: Date): string {
  return dateInZone(now, timeZone)
}

/** Start of the window. `page` without a page date falls back to 90 days. */
export function sinceDate(since: Since, today: string, pageDate?: string): string {
  if (since.kind === 'date') return since.date
  if (since.kind === 'page' && pageDate) return pageDate
  const days = since.kind === 'duration' ? since.days : 90
  const t = new Date(`${today}T00:00:00Z`).getTime() - days * 86_400_000
  return new Date(t).toISOString().slice(0, 10)
}
