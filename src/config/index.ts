import { readFileSync } from 'node:fs'
import picomatch from 'picomatch'
import { parse as parseYaml } from 'yaml'
import { NowPageError } from '../errors.js'
import {
  CONTRIBUTION_PLACEHOLDERS,
  GROUPED_CONTRIBUTION_PLACEHOLDERS,
  PROGRESS_PLACEHOLDERS,
} from '../page/render-sections.js'
import { checkTemplate } from '../page/template.js'
import {
  DEFAULT_DATE_FIELDS,
  SECTION_NAMES,
  type EditOptions,
  type SectionName,
  type SectionOptions,
} from '../page/types.js'

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
export interface Identity {
  name: string
  email: string
}

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
  sideProjects: Array<{ repo: string; progressPattern?: string }>
  includeRepos: string[]
  excludeRepos: string[]
  excludeOrgs: string[]
  edit: Omit<EditOptions, 'today' | 'file' | 'timeZone'>
  publish: {
    base: string
    branch: string
    title: string
    body: string
    commitMessage: string
    labels: string[]
    reviewers: string[]
    assignees: string[]
    draft: boolean
    author?: Identity
    committer?: Identity
    onHumanEdit: 'skip' | 'rebase-onto'
    dryRun: boolean
  }
}

/** Every input with its default; action.yml lists the same names (a test keeps them equal). */
const DEFAULTS: Record<string, string> = {
  token: '',
  author: '',
  'page-path': '',
  'side-projects': '',
  'include-repos': '',
  'exclude-repos': '',
  'exclude-orgs': '',
  since: '90d',
  'max-items': '10',
  'time-zone': 'UTC',
  'api-url': '',
  sections: 'contributions, progress',
  'date-fields': DEFAULT_DATE_FIELDS.join(', '),
  'add-date-field': '',
  'update-body-date': 'true',
  'contributions-heading': '',
  'progress-heading': '',
  'contributions-template': '',
  'progress-template': '',
  'contributions-title': '',
  'progress-title': '',
  'insert-at': 'end',
  'group-by-repo': 'false',
  base: '',
  branch: 'now-page/refresh',
  title: 'Update Now page ({today})',
  body: '',
  'commit-message': 'Update Now page ({today})',
  labels: '',
  reviewers: '',
  assignees: '',
  draft: 'false',
  'on-human-edit': 'skip',
  'commit-author': '',
  committer: '',
  'dry-run': 'false',
  'api-timeout-minutes': '10',
}

export function inputNames(): string[] {
  return Object.keys(DEFAULTS)
}

const PR_PLACEHOLDERS = ['today', 'since', 'path', 'new_pull_requests', 'new_commits']

/**
 * Turns the Action's inputs into a validated Config. Every problem is a NowPageError naming the
 * input, the value and what is allowed; nothing is read from GitHub here.
 */
export function configFromInputs(
  getInput: (name: string) => string,
  env: Record<string, string | undefined> = process.env,
): Config {
  const get = (name: string) => {
    const v = getInput(name).trim()
    return v === '' ? (DEFAULTS[name] ?? '') : v
  }
  const fail = (input: string, message: string, hint: string): never => {
    throw new NowPageError(message, { input, hint })
  }
  const bool = (name: string) => {
    const v = get(name)
    if (['true', 'True', 'TRUE'].includes(v)) return true
    if (['false', 'False', 'FALSE'].includes(v)) return false
    return fail(name, `'${v}' is not a boolean`, 'Use true or false')
  }
  const list = (name: string) =>
    get(name)
      .split(/[,\n]/)
      .map((s) => s.trim())
      .filter((s) => s && !s.startsWith('#'))
  const globs = (name: string) =>
    list(name).map((g) => {
      if (!/^[\w.*?{}[\]!-]+(\/[\w.*?{}[\]!-]+)?$/.test(g)) {
        fail(
          name,
          `'${g}' is not a repository glob`,
          'Use owner/name globs such as rancher/* or kubernetes/website',
        )
      }
      try {
        picomatch.makeRe(g)
      } catch (e) {
        fail(
          name,
          `'${g}' is not a valid glob: ${(e as Error).message}`,
          'Use * and ? wildcards, e.g. rancher/*',
        )
      }
      return g
    })
  const identity = (name: string): Identity | undefined => {
    const v = get(name)
    if (!v) return undefined
    const m = /^([^<>]+?)\s*<([^<>\s@]+@[^<>\s@]+)>$/.exec(v)
    if (!m)
      return fail(
        name,
        `'${v}' is not an identity`,
        'Write it as Name <email@example.com>, or leave it empty to use the token’s identity',
      )
    return { name: m[1] as string, email: m[2] as string }
  }

  const timeZone = get('time-zone')
  try {
    new Intl.DateTimeFormat('en-US', { timeZone })
  } catch {
    fail(
      'time-zone',
      `unknown time zone '${timeZone}'`,
      'Use an IANA name such as UTC, Europe/Berlin or Asia/Kolkata',
    )
  }

  const maxRaw = get('max-items')
  if (!/^\d+$/.test(maxRaw) || Number(maxRaw) < 1) {
    fail('max-items', `'${maxRaw}' is not a positive whole number`, 'Use a number such as 10')
  }
  const maxItems = Number(maxRaw)
  const timeoutRaw = get('api-timeout-minutes')
  if (!/^\d+(\.\d+)?$/.test(timeoutRaw) || Number(timeoutRaw) <= 0) {
    fail(
      'api-timeout-minutes',
      `'${timeoutRaw}' is not a positive number of minutes`,
      'Use a number such as 10',
    )
  }

  const pagePath = get('page-path') || undefined
  if (
    pagePath &&
    (pagePath.startsWith('/') ||
      /^[A-Za-z]:/.test(pagePath) ||
      pagePath.split(/[\\/]/).includes('..'))
  ) {
    fail(
      'page-path',
      `'${pagePath}' points outside the repository`,
      'Use a path relative to the repository root, e.g. content/now.md',
    )
  }

  const enabled = list('sections')
  for (const s of enabled) {
    if (!(SECTION_NAMES as readonly string[]).includes(s)) {
      fail('sections', `unknown section '${s}'`, `Known sections: ${SECTION_NAMES.join(', ')}`)
    }
  }
  const groupByRepo = bool('group-by-repo')
  const section = (name: SectionName): SectionOptions => {
    const template = get(`${name}-template`) || undefined
    if (template) {
      const known =
        name === 'progress'
          ? PROGRESS_PLACEHOLDERS
          : groupByRepo
            ? GROUPED_CONTRIBUTION_PLACEHOLDERS
            : CONTRIBUTION_PLACEHOLDERS
      checkTemplate(template, known, { input: `${name}-template` })
    }
    const title = getInput(`${name}-title`)
    return {
      enabled: enabled.includes(name),
      heading: get(`${name}-heading`) || undefined,
      title: title === '' ? undefined : title.trim(),
      template,
      maxItems,
      groupByRepo: name === 'contributions' ? groupByRepo : undefined,
    }
  }

  const insertRaw = get('insert-at')
  let insert: EditOptions['insert']
  if (insertRaw === 'end') insert = { at: 'end' }
  else if (/^after-heading:\s*\S/.test(insertRaw)) {
    insert = { at: 'after-heading', heading: insertRaw.slice('after-heading:'.length).trim() }
  } else {
    fail(
      'insert-at',
      `'${insertRaw}' is not a place`,
      'Use end, or after-heading:<heading text> such as after-heading:Outside Work',
    )
  }

  const onHumanEdit = get('on-human-edit')
  if (onHumanEdit !== 'skip' && onHumanEdit !== 'rebase-onto') {
    fail(
      'on-human-edit',
      `'${onHumanEdit}' is not an option`,
      'Use skip (leave the branch alone) or rebase-onto (add the Action’s commit on top)',
    )
  }
  for (const name of ['title', 'commit-message']) {
    checkTemplate(get(name), PR_PLACEHOLDERS, { input: name })
  }
  const addDateField = get('add-date-field') || undefined
  if (addDateField && !/^[A-Za-z0-9_-]+$/.test(addDateField)) {
    fail(
      'add-date-field',
      `'${addDateField}' is not a front-matter key`,
      'Use a plain key such as lastmod',
    )
  }

  return {
    token: get('token'),
    author: get('author').replace(/^@/, '') || undefined,
    pagePath,
    apiUrl: (get('api-url') || env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, ''),
    timeZone,
    since: parseSince(get('since')),
    maxItems,
    apiTimeoutMinutes: Number(timeoutRaw),
    sideProjects: parseSideProjects(get('side-projects')),
    includeRepos: globs('include-repos'),
    excludeRepos: globs('exclude-repos'),
    excludeOrgs: globs('exclude-orgs'),
    edit: {
      dateFields: list('date-fields'),
      addDateField,
      updateBodyDate: bool('update-body-date'),
      sections: { contributions: section('contributions'), progress: section('progress') },
      insert,
    },
    publish: {
      base: get('base'),
      branch: checkBranch(get('branch')),
      title: get('title'),
      body: getInput('body'),
      commitMessage: get('commit-message'),
      labels: list('labels'),
      reviewers: list('reviewers').map((r) => r.replace(/^@/, '')),
      assignees: list('assignees').map((r) => r.replace(/^@/, '')),
      draft: bool('draft'),
      author: identity('commit-author'),
      committer: identity('committer'),
      onHumanEdit: onHumanEdit as 'skip' | 'rebase-onto',
      dryRun: bool('dry-run'),
    },
  }
}

function checkBranch(branch: string): string {
  if (
    !/^[\w./-]+$/.test(branch) ||
    branch.includes('..') ||
    branch.endsWith('/') ||
    branch.startsWith('/')
  ) {
    throw new NowPageError(`'${branch}' is not a branch name`, {
      input: 'branch',
      hint: 'Use a name such as now-page/refresh',
    })
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
  if (
    /^\d{4}-\d{2}-\d{2}$/.test(value) &&
    new Date(`${value}T00:00:00Z`).toISOString().startsWith(value)
  ) {
    return { kind: 'date', date: value }
  }
  throw new NowPageError(`'${value}' is not a window start`, {
    input: 'since',
    hint: 'Use a duration such as 90d, 12w, 6m or 1y, a date such as 2025-05-01, or page (the page’s own date)',
  })
}

export function parseSideProjects(value: string): Config['sideProjects'] {
  const projects: Config['sideProjects'] = []
  value.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim()
    if (!line || line.startsWith('#')) return
    const [repo = '', ...rest] = line.split(/\s+/)
    const where = `line ${i + 1} of side-projects`
    if (!/^[A-Za-z0-9-]+\/[A-Za-z0-9_.-]+$/.test(repo)) {
      throw new NowPageError(`${where}: '${repo}' is not owner/repo`, {
        input: 'side-projects',
        hint: 'Write one repository per line as owner/name, optionally followed by a progress pattern',
      })
    }
    if (projects.some((p) => p.repo.toLowerCase() === repo.toLowerCase())) {
      throw new NowPageError(`${where}: ${repo} is listed twice`, {
        input: 'side-projects',
        hint: 'Keep one line per repository',
      })
    }
    const pattern = rest.join(' ') || undefined
    if (pattern) {
      let re: RegExp
      try {
        re = new RegExp(pattern)
      } catch (e) {
        throw new NowPageError(`${where}: invalid progress pattern: ${(e as Error).message}`, {
          input: 'side-projects',
          hint: 'Use a JavaScript regular expression with named groups, e.g. (?<track>go|rust)/ch(?<chapter>\\d+)',
        })
      }
      if (!/\(\?<[A-Za-z_]\w*>/.test(re.source)) {
        throw new NowPageError(`${where}: the progress pattern has no named group`, {
          input: 'side-projects',
          hint: 'Name what to report, e.g. ch(?<chapter>\\d+)',
        })
      }
    }
    projects.push({ repo, ...(pattern ? { progressPattern: pattern } : {}) })
  })
  return projects
}

/** `YYYY-MM-DD` of an instant in a time zone. */
export function todayIn(timeZone: string, now: Date): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now)
}

/** Start of the window. `page` without a page date falls back to 90 days. */
export function sinceDate(since: Since, today: string, pageDate?: string): string {
  if (since.kind === 'date') return since.date
  if (since.kind === 'page' && pageDate) return pageDate
  const days = since.kind === 'duration' ? since.days : 90
  const t = new Date(`${today}T00:00:00Z`).getTime() - days * 86_400_000
  return new Date(t).toISOString().slice(0, 10)
}

/** The CLI's settings file: the Action's inputs as keys, in YAML or JSON. */
export function configFromFile(path: string): Config {
  let data: unknown
  try {
    data = parseYaml(readFileSync(path, 'utf8')) ?? {}
  } catch (e) {
    throw new NowPageError(`cannot read settings: ${(e as Error).message.split('\n')[0]}`, {
      file: path,
    })
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new NowPageError('settings must be a mapping of input names to values', { file: path })
  }
  const values = data as Record<string, unknown>
  const known = inputNames()
  for (const key of Object.keys(values)) {
    if (!known.includes(key)) {
      const near = known.find((k) => distance(k, key) <= 2)
      throw new NowPageError(`unknown setting '${key}'`, {
        file: path,
        hint: near ? `Did you mean '${near}'?` : `Known settings: ${known.join(', ')}`,
      })
    }
  }
  return configFromInputs((name) => {
    const v = values[name]
    if (v === undefined || v === null) return ''
    return Array.isArray(v) ? v.join('\n') : String(v)
  }, {})
}

function distance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)])
  for (let j = 1; j <= b.length; j++) (d[0] as number[])[j] = j
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const row = d[i] as number[]
      const prev = d[i - 1] as number[]
      row[j] = Math.min(
        (prev[j] as number) + 1,
        (row[j - 1] as number) + 1,
        (prev[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1),
      )
    }
  }
  return (d[a.length] as number[])[b.length] as number
}
