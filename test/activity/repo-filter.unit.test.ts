import { describe, expect, it } from 'vitest'
import { NowPageError } from '../../src/errors.js'
import { createRepoFilter } from '../../src/activity/repo-filter.js'

const base = { author: 'Someone', includeRepos: [], excludeRepos: [], excludeOrgs: [] }

describe('repository filter', () => {
  it('leaves out the author’s own repositories, whatever the case', async () => {
    const f = await createRepoFilter(base)
    expect(f.rejection('someone/site')).toBe('the author owns it')
    expect(f.rejection('SOMEONE/x')).toBe('the author owns it')
    expect(f.rejection('someone-else/x')).toBeUndefined()
  })

  it('matches exclude-orgs as owner globs, with or without /*', async () => {
    const f = await createRepoFilter({ ...base, excludeOrgs: ['rancher', 'suse-*', 'Acme/*', ' '] })
    expect(f.rejection('Rancher/fleet')).toBe("exclude-orgs 'rancher'")
    expect(f.rejection('suse-edge/x')).toBe("exclude-orgs 'suse-*'")
    expect(f.rejection('acme/widgets')).toBe("exclude-orgs 'Acme'")
    expect(f.rejection('ranchers/x')).toBeUndefined()
    expect(f.plainExcludedOwners).toEqual(['rancher', 'Acme'])
  })

  it('applies exclude-repos and include-repos on owner/name', async () => {
    const f = await createRepoFilter({
      ...base,
      includeRepos: ['kubernetes/*', 'golang/go'],
      excludeRepos: ['kubernetes/website'],
    })
    expect(f.rejection('kubernetes/kubernetes')).toBeUndefined()
    expect(f.rejection('Golang/Go')).toBeUndefined()
    expect(f.rejection('kubernetes/WEBSITE')).toBe("exclude-repos 'kubernetes/website'")
    expect(f.rejection('golang/tools')).toBe('not in include-repos')
  })

  it('rejects patterns of the wrong kind with the input named', async () => {
    const err = async (fn: () => Promise<unknown>) => {
      try {
        await fn()
      } catch (e) {
        return e
      }
      return undefined
    }
    const a = await err(() => createRepoFilter({ ...base, excludeRepos: ['kubernetes'] }))
    expect(a).toBeInstanceOf(NowPageError)
    expect((a as NowPageError).input).toBe('exclude-repos')
    const b = await err(() => createRepoFilter({ ...base, excludeOrgs: ['kubernetes/website'] }))
    expect((b as NowPageError).input).toBe('exclude-orgs')
    const c = await err(() => createRepoFilter({ ...base, includeRepos: ['x'] }))
    expect((c as NowPageError).input).toBe('include-repos')
  })
})
