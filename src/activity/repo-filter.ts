import { isLiteralGlob } from '../config/inputs.js'
import { NowPageError } from '../errors.js'

export interface RepoFilterOptions {
  author: string
  includeRepos: string[]
  excludeRepos: string[]
  excludeOrgs: string[]
}

export interface RepoFilter {
  /** Why a repository (`owner/name`) is left out, or undefined when it is kept. */
  rejection(fullName: string): string | undefined
  /** Owners the search query can exclude itself (`-org:NAME`): exact names, not patterns. */
  plainExcludedOwners: string[]
}

const LOGIN = /^[A-Za-z0-9][A-Za-z0-9-]{0,38}$/

/**
 * Which upstream repositories count. Globs are case-insensitive because GitHub names are.
 * `exclude-orgs` takes owner names or globs (`rancher`, `suse-*`); `rancher/*` is accepted too,
 * as it says the same thing. Plain names are compared as they are; picomatch loads only for a
 * pattern with wildcards, which most runs do not have.
 */
export async function createRepoFilter(options: RepoFilterOptions): Promise<RepoFilter> {
  const author = options.author.toLowerCase()
  const globs = [...options.includeRepos, ...options.excludeRepos, ...options.excludeOrgs]
  const picomatch = globs.some((g) => g.trim() !== '' && !isLiteralGlob(g.trim()))
    ? (await import('picomatch')).default
    : undefined
  const matcher = (glob: string): ((name: string) => boolean) => {
    if (isLiteralGlob(glob)) {
      const name = glob.toLowerCase()
      return (candidate: string) => candidate.toLowerCase() === name
    }
    if (!picomatch) throw new Error('createRepoFilter: picomatch is not loaded')
    const match = picomatch(glob, { nocase: true, dot: true })
    return (name) => match(name)
  }
  const repoGlobs = (list: string[], input: string) =>
    list
      .map((g) => g.trim())
      .filter((g) => g !== '')
      .map((glob) => {
        if (!glob.includes('/')) {
          throw new NowPageError(`'${glob}' is not an owner/name repository pattern`, {
            input,
            hint: `Write it as owner/name or owner/*${input === 'exclude-repos' ? ', or list the owner under exclude-orgs' : ''}`,
          })
        }
        return { glob, test: matcher(glob) }
      })
  const include = repoGlobs(options.includeRepos, 'include-repos')
  const exclude = repoGlobs(options.excludeRepos, 'exclude-repos')
  const orgs = options.excludeOrgs
    .map((g) => g.trim().replace(/\/\*{1,2}$/, ''))
    .filter((g) => g !== '')
    .map((glob) => {
      if (glob.includes('/')) {
        throw new NowPageError(`'${glob}' is not an organization or user name`, {
          input: 'exclude-orgs',
          hint: 'List repositories under exclude-repos',
        })
      }
      return { glob, test: matcher(glob) }
    })

  return {
    plainExcludedOwners: orgs.map((o) => o.glob).filter((g) => LOGIN.test(g)),
    rejection(fullName) {
      const owner = fullName.split('/')[0] ?? ''
      if (owner.toLowerCase() === author) return 'the author owns it'
      const org = orgs.find((o) => o.test(owner))
      if (org) return `exclude-orgs '${org.glob}'`
      const repo = exclude.find((r) => r.test(fullName))
      if (repo) return `exclude-repos '${repo.glob}'`
      if (include.length > 0 && !include.some((r) => r.test(fullName))) {
        return 'not in include-repos'
      }
      return undefined
    },
  }
}
