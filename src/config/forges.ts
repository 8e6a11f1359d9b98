import { NowPageError } from '../errors.js'

/** The two REST APIs the Action speaks besides GitHub's: GitLab v4 and Forgejo/Gitea v1. */
export const FORGE_KINDS = ['gitlab', 'forgejo'] as const
export type ForgeKind = (typeof FORGE_KINDS)[number]

/** One `forges` line: an account on a GitLab or Forgejo instance. */
export interface ForgeAccount {
  /** The base as written (without the kind prefix): how messages and `skipped` name the forge. */
  name: string
  /** Web root, `https://host[/path]` without a trailing slash; the API is under it. */
  base: string
  /** Stated (`gitlab:`), or known from the host; undefined: detected with `GET /api/v1/version`. */
  kind?: ForgeKind
  login: string
  /** From `forge-tokens`; masked by the Action, never logged. */
  token?: string
}

export interface ForgeSettings {
  accounts: ForgeAccount[]
  /** Bound on the forge reads, as on GitHub's (`api-timeout-minutes`). */
  timeoutMinutes: number
}

/**
 * Hosts whose kind is known, so a plain `codeberg.org someone` line needs no probe. Others are
 * detected (or stated with `gitlab:`/`forgejo:`).
 */
const KNOWN_HOSTS: Record<string, ForgeKind> = {
  'gitlab.com': 'gitlab',
  'gitlab.gnome.org': 'gitlab',
  'invent.kde.org': 'gitlab',
  'gitlab.freedesktop.org': 'gitlab',
  'salsa.debian.org': 'gitlab',
  'gitlab.archlinux.org': 'gitlab',
  'framagit.org': 'gitlab',
  'codeberg.org': 'forgejo',
  'gitea.com': 'forgejo',
}

export function knownKind(host: string): ForgeKind | undefined {
  const h = host.toLowerCase()
  return (
    KNOWN_HOSTS[h] ??
    (h.startsWith('gitlab.') ? 'gitlab' : /^(forgejo|gitea)\./.test(h) ? 'forgejo' : undefined)
  )
}

const LOGIN = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,254}$/

function lines(value: string): Array<{ line: string; n: number }> {
  return value
    .split(/\r?\n/)
    .map((raw, i) => ({ line: raw.trim(), n: i + 1 }))
    .filter(({ line }) => line !== '' && !line.startsWith('#'))
}

/**
 * A forge's web root from `host[/path]` (https implied) or `http(s)://host[:port][/path]`, or
 * the reason it is not one.
 */
export function parseBase(written: string): URL | string {
  const withScheme = /^[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(written) ? written : `https://${written}`
  let url: URL
  try {
    url = new URL(withScheme)
  } catch {
    return 'is not a host or URL'
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'is not an http(s) URL'
  if (url.username || url.password) return 'carries credentials'
  if (url.search || url.hash) return 'has a query or fragment'
  if (!/[.:]/.test(url.host) && url.hostname !== 'localhost') return 'is not a host name'
  return url
}

/** `https://host/path` without a trailing slash. */
function webRoot(url: URL): string {
  return `${url.protocol}//${url.host}${url.pathname.replace(/\/+$/, '')}`
}

/** `host/path` of a web root: what `forge-tokens` and side projects may write instead. */
function withoutScheme(root: string): string {
  return root.replace(/^https?:\/\//, '').toLowerCase()
}

/**
 * The `forges` input: one `[gitlab:|forgejo:]<base> <login>` per line. Every problem names the
 * input and the line.
 */
export function parseForges(value: string): ForgeAccount[] {
  const accounts: ForgeAccount[] = []
  for (const { line, n } of lines(value)) {
    const where = `line ${n} of forges`
    const fail = (message: string, hint: string): never => {
      throw new NowPageError(`${where}: ${message}`, { input: 'forges', hint })
    }
    const words = line.split(/\s+/)
    if (words.length !== 2) {
      fail(
        words.length === 1 ? `'${line}' has no login` : `'${line}' is not '<forge> <login>'`,
        'Write one account per line as host and login, e.g. gitlab.gnome.org someone, or gitlab:https://git.example.org someone',
      )
    }
    const login = words[1] ?? ''
    let written = words[0] ?? ''
    let kind: ForgeKind | undefined
    // A kind prefix, not a scheme (`https://`) nor a port (`localhost:8080`).
    const prefix = /^([A-Za-z]+):(?![/\d])/.exec(written)
    if (prefix) {
      const stated = (prefix[1] as string).toLowerCase()
      if (!(FORGE_KINDS as readonly string[]).includes(stated)) {
        fail(
          `unknown forge kind '${prefix[1]}'`,
          `Use gitlab: or forgejo: (Gitea too), or no prefix to detect it; GitHub is read through token and api-url`,
        )
      }
      kind = stated as ForgeKind
      written = written.slice(prefix[0].length)
    }
    const url = parseBase(written)
    if (typeof url === 'string') {
      fail(
        `'${written}' ${url}`,
        'Write the forge as a host (gitlab.gnome.org), a host and path, or an http(s) URL such as https://git.example.org; tokens go in forge-tokens',
      )
    }
    const base = webRoot(url as URL)
    if (!LOGIN.test(login)) {
      fail(`'${login}' is not a login`, 'Write the account’s user name, e.g. someone')
    }
    const twice = accounts.find((a) => withoutScheme(a.base) === withoutScheme(base))
    if (twice) {
      fail(`${written} is listed twice`, 'Keep one account per forge')
    }
    kind ??= knownKind((url as URL).hostname)
    accounts.push({ name: written.replace(/\/+$/, ''), base, login, ...(kind ? { kind } : {}) })
  }
  return accounts
}

/**
 * The `forge-tokens` input: one `<base>=<token>` per line, `<base>` as written in `forges`
 * (scheme optional). An empty token (a secret not available to this run) means no token. The
 * messages never quote a token.
 */
export function applyForgeTokens(value: string, accounts: ForgeAccount[]): ForgeAccount[] {
  const tokens = new Map<ForgeAccount, string>()
  for (const { line, n } of lines(value)) {
    const where = `line ${n} of forge-tokens`
    const eq = line.indexOf('=')
    if (eq <= 0) {
      throw new NowPageError(`${where} is not '<forge>=<token>'`, {
        input: 'forge-tokens',
        hint: 'Write one line per forge, e.g. gitlab.gnome.org=${{ secrets.GNOME_TOKEN }}',
      })
    }
    const written = line.slice(0, eq).trim()
    const token = line.slice(eq + 1).trim()
    const url = parseBase(written)
    const account =
      typeof url === 'string'
        ? undefined
        : accounts.find((a) => withoutScheme(a.base) === withoutScheme(webRoot(url)))
    if (!account) {
      throw new NowPageError(`${where}: '${written}' is not a forge listed in forges`, {
        input: 'forge-tokens',
        hint: `Name the forge as forges does (${accounts.map((a) => a.name).join(', ') || 'forges is empty'}), or add a line for it to forges`,
      })
    }
    if (tokens.has(account)) {
      throw new NowPageError(`${where}: a second token for ${account.name}`, {
        input: 'forge-tokens',
        hint: 'Keep one token per forge',
      })
    }
    if (/\s/.test(token)) {
      throw new NowPageError(`${where}: the token for ${account.name} contains a space`, {
        input: 'forge-tokens',
        hint: 'Put one secret after the =, e.g. codeberg.org=${{ secrets.CODEBERG_TOKEN }}',
      })
    }
    tokens.set(account, token)
  }
  return accounts.map((a) => {
    const token = tokens.get(a)
    return token ? { ...a, token } : a
  })
}

/** A side project on a forge: the account it is read with and its path there. */
export interface ForgeProjectRef {
  /** `base` of the configured account. */
  forge: string
  /** `owner/name` (GitLab: `group/subgroup/name`). */
  repo: string
}

/**
 * Whether a `side-projects` repository names a forge rather than GitHub: a URL, or a path whose
 * first part has a dot (a host; GitHub owners have none).
 */
export function looksLikeForgeRepo(repo: string): boolean {
  return repo.includes('://') || /^[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+(:\d+)?\//.test(repo)
}

/**
 * The forge of a side project, by the longest configured base that prefixes it, or the reason
 * none does.
 */
export function forgeProject(written: string, accounts: ForgeAccount[]): ForgeProjectRef | string {
  const url = parseBase(written)
  if (typeof url === 'string') return `'${written}' ${url}`
  const where = withoutScheme(webRoot(url))
  const account = accounts
    .filter((a) => where.startsWith(withoutScheme(a.base) + '/'))
    .sort((a, b) => b.base.length - a.base.length)[0]
  if (!account) {
    return `${url.host} is not a forge listed in forges`
  }
  const rest = webRoot(url)
    .replace(/^https?:\/\//, '')
    .slice(withoutScheme(account.base).length + 1)
    .replace(/\.git$/, '')
    .replace(/\/-\/.*$/, '')
  const parts = rest.split('/')
  if (parts.length < 2 || parts.some((p) => !/^[A-Za-z0-9_.-]+$/.test(p) || /^\.+$/.test(p))) {
    return `'${written}' does not name a repository on ${account.name} (owner/name after it)`
  }
  if (account.kind === 'forgejo' && parts.length !== 2) {
    return `'${written}' is not owner/name on ${account.name}`
  }
  return { forge: account.base, repo: rest }
}
