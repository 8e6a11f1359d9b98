/**
 * Which filter globs apply on which forge. `include-repos`, `exclude-repos` and `exclude-orgs`
 * take `owner/name` globs that apply everywhere (GitHub and every forge), or the same with a host
 * in front (`gitlab.gnome.org/GNOME/*`) that apply on that forge only. A first part names a host
 * only when it is one the run reads (GitHub's or a forge's): GitLab groups may have dots too.
 */
export interface FilterLists {
  includeRepos: string[]
  excludeRepos: string[]
  excludeOrgs: string[]
}

/**
 * The hosts a forge answers to in filters: its own, and for a base with a path whose last part
 * is a host (`http://127.0.0.1:PORT/gitlab.gnome.org`, as the emulator serves forges) that one.
 */
export function hostsOf(base: string): string[] {
  let url: URL
  try {
    url = new URL(base)
  } catch {
    return []
  }
  const last = url.pathname.split('/').filter(Boolean).pop()
  return [url.host.toLowerCase(), ...(last && last.includes('.') ? [last.toLowerCase()] : [])]
}

/** The globs of `list` that apply on a forge answering to `hosts`, without their host part. */
export function scopedGlobs(list: string[], hosts: string[], allHosts: string[]): string[] {
  const known = new Set(allHosts.map((h) => h.toLowerCase()))
  const own = new Set(hosts.map((h) => h.toLowerCase()))
  const out: string[] = []
  for (const glob of list) {
    const slash = glob.indexOf('/')
    const first = glob.slice(0, slash).toLowerCase()
    if (slash > 0 && known.has(first)) {
      if (own.has(first)) out.push(glob.slice(slash + 1))
    } else {
      out.push(glob)
    }
  }
  return out
}

export interface ForgeScope {
  lists: FilterLists
  /** `include-repos` lists only other forges' repositories: none of this one's count. */
  nothingIncluded: boolean
}

export function forgeScope(lists: FilterLists, hosts: string[], allHosts: string[]): ForgeScope {
  const scoped = {
    includeRepos: scopedGlobs(lists.includeRepos, hosts, allHosts),
    excludeRepos: scopedGlobs(lists.excludeRepos, hosts, allHosts),
    excludeOrgs: scopedGlobs(lists.excludeOrgs, hosts, allHosts),
  }
  return {
    lists: scoped,
    nothingIncluded: lists.includeRepos.length > 0 && scoped.includeRepos.length === 0,
  }
}

/** The globs that name one repository exactly (no wildcard): those can be read one by one. */
export function literalRepos(globs: string[]): string[] {
  return globs.filter((g) => !/[*?{}[\]!]/.test(g) && g.includes('/'))
}
