import { describe, expect, it } from 'vitest'
import { errorDetail, nextPage, retryAfterSeconds } from '../../src/activity/forges/http.js'
import { gitlabRepoOf } from '../../src/activity/forges/gitlab.js'
import { forgeScope, hostsOf, literalRepos, scopedGlobs } from '../../src/activity/forges/scope.js'
import type { Activity } from '../../src/activity/types.js'
import { renderSection } from '../../src/page/render-sections.js'

const ALL = ['github.com', 'gitlab.gnome.org', 'codeberg.org']

describe('filters scoped to a forge', () => {
  it('keeps unprefixed globs everywhere and a host-prefixed one on its forge only', () => {
    const list = ['kubernetes/*', 'gitlab.gnome.org/GNOME/*', 'codeberg.org/x/y', 'GNOME/sub/*']
    expect(scopedGlobs(list, ['gitlab.gnome.org'], ALL)).toEqual([
      'kubernetes/*',
      'GNOME/*',
      'GNOME/sub/*',
    ])
    expect(scopedGlobs(list, ['github.com'], ALL)).toEqual(['kubernetes/*', 'GNOME/sub/*'])
    // A first part with a dot is a group unless it is a host the run reads.
    expect(scopedGlobs(['my.group/app'], ['gitlab.gnome.org'], ALL)).toEqual(['my.group/app'])
  })

  it('says when include-repos names only other forges’ repositories', () => {
    const lists = { includeRepos: ['codeberg.org/x/*'], excludeRepos: [], excludeOrgs: [] }
    expect(forgeScope(lists, ['gitlab.gnome.org'], ALL).nothingIncluded).toBe(true)
    expect(forgeScope(lists, ['codeberg.org'], ALL)).toEqual({
      lists: { includeRepos: ['x/*'], excludeRepos: [], excludeOrgs: [] },
      nothingIncluded: false,
    })
    expect(
      forgeScope({ ...lists, includeRepos: [] }, ['gitlab.gnome.org'], ALL).nothingIncluded,
    ).toBe(false)
  })

  it('a forge served under a path answers to the host it names', () => {
    expect(hostsOf('http://127.0.0.1:8080/gitlab.gnome.org')).toEqual([
      '127.0.0.1:8080',
      'gitlab.gnome.org',
    ])
    expect(hostsOf('https://Codeberg.org')).toEqual(['codeberg.org'])
  })

  it('reads one by one only the repositories named without wildcards', () => {
    expect(literalRepos(['GNOME/gnome-shell', 'GNOME/*', 'World/sub/app', 'x/{a,b}'])).toEqual([
      'GNOME/gnome-shell',
      'World/sub/app',
    ])
  })
})

describe('paging and rate-limit headers', () => {
  const at = new URL('https://gitlab.example/api/v4/merge_requests?per_page=100&page=1')

  it('follows Link rel="next", else x-next-page, else stops', () => {
    expect(
      nextPage(
        at,
        new Headers({
          link: '<https://gitlab.example/api/v4/merge_requests?page=1>; rel="first", <https://gitlab.example/api/v4/merge_requests?id_after=42>; rel="next"',
          'x-next-page': '2',
        }),
      )?.href,
    ).toBe('https://gitlab.example/api/v4/merge_requests?id_after=42')
    expect(nextPage(at, new Headers({ 'x-next-page': '2' }))?.href).toBe(
      'https://gitlab.example/api/v4/merge_requests?per_page=100&page=2',
    )
    expect(nextPage(at, new Headers({ 'x-next-page': '' }))).toBeUndefined()
    expect(nextPage(at, new Headers({ link: '<https://x/?page=1>; rel="last"' }))).toBeUndefined()
  })

  it('reads Retry-After (seconds or a date), else RateLimit-Reset', () => {
    const now = Date.parse('2025-08-24T06:00:00Z')
    expect(retryAfterSeconds(new Headers({ 'retry-after': '7' }), now)).toBe(7)
    expect(
      retryAfterSeconds(new Headers({ 'retry-after': 'Sun, 24 Aug 2025 06:00:30 GMT' }), now),
    ).toBe(30)
    expect(
      retryAfterSeconds(new Headers({ 'ratelimit-reset': String(now / 1000 + 12) }), now),
    ).toBe(12)
    expect(retryAfterSeconds(new Headers({ 'ratelimit-reset': '5' }), now)).toBe(5)
    expect(retryAfterSeconds(new Headers({}), now)).toBeUndefined()
  })
})

describe('error answers', () => {
  it('say the forge’s message on one short line', () => {
    expect(errorDetail('{"message":"404 Project Not Found"}')).toBe(' (404 Project Not Found)')
    expect(
      errorDetail('{"error":"insufficient_scope","error_description":"Needs   read_api"}'),
    ).toBe(' (Needs read_api)')
    expect(errorDetail('{"message":{"base":["x"]}}')).toBe(' ({"base":["x"]})')
    expect(errorDetail('Retry later')).toBe(' (Retry later)')
    expect(errorDetail('')).toBe('')
    expect(errorDetail('{}')).toBe('')
    expect(errorDetail('x'.repeat(500))).toHaveLength(123)
  })
})

describe('GitLab merge requests', () => {
  it('name their project by the reference, else the web URL', () => {
    const mr = {
      iid: 3,
      title: 't',
      merged_at: null,
      state: 'merged',
      web_url: 'https://gitlab.gnome.org/World/sub/app/-/merge_requests/3',
    }
    expect(gitlabRepoOf({ ...mr, references: { full: 'World/sub/app!3' } })).toBe('World/sub/app')
    expect(gitlabRepoOf(mr)).toBe('World/sub/app')
  })
})

describe('rendering items of several forges', () => {
  const activity: Activity = {
    pullRequests: [
      {
        repo: 'GNOME/gnome-shell',
        forge: 'gitlab.gnome.org',
        number: 3801,
        title: 'screenshot: keep the pointer *hidden*',
        url: 'https://gitlab.gnome.org/GNOME/gnome-shell/-/merge_requests/3801',
        mergedAt: '2025-08-14T12:30:00.000Z',
      },
      {
        repo: 'kubernetes/website',
        number: 51234,
        title: 'Document it',
        url: 'https://github.com/kubernetes/website/pull/51234',
        mergedAt: '2025-08-20T19:30:00Z',
      },
      {
        repo: 'GNOME/gnome-shell',
        number: 1,
        title: 'A GitHub mirror PR',
        url: 'https://github.com/GNOME/gnome-shell/pull/1',
        mergedAt: '2025-08-01T10:00:00Z',
      },
      {
        repo: 'upstream/lib',
        forge: 'codeberg.org',
        number: 9,
        title: 'Fix',
        url: 'https://codeberg.org/upstream/lib/pulls/9',
        mergedAt: '2025-08-02T10:00:00Z',
      },
    ],
    projects: [
      {
        repo: 'someone/dotfiles',
        forge: 'codeberg.org',
        url: 'https://codeberg.org/someone/dotfiles',
        commits: [
          {
            sha: 'a',
            message: 'helix',
            date: '2025-08-21T08:05:00+05:30',
            url: 'https://codeberg.org/someone/dotfiles/commit/a',
          },
        ],
      },
    ],
  }

  it('mixes them by merge date and names each forge', () => {
    const { lines } = renderSection(
      'contributions',
      activity,
      { enabled: true, template: '- {forge}: {title} ({repo_url}) {merged_at}' },
      { timeZone: 'UTC' },
    )
    expect(lines).toEqual([
      '- github.com: Document it (https://github.com/kubernetes/website) 2025-08-20',
      '- gitlab.gnome.org: screenshot: keep the pointer \\*hidden\\* (https://gitlab.gnome.org/GNOME/gnome-shell) 2025-08-14',
      '- codeberg.org: Fix (https://codeberg.org/upstream/lib) 2025-08-02',
      '- github.com: A GitHub mirror PR (https://github.com/GNOME/gnome-shell) 2025-08-01',
    ])
  })

  it('writes each reference as its forge does: #N, and !N for a GitLab merge request', () => {
    const { lines } = renderSection(
      'contributions',
      activity,
      { enabled: true },
      { timeZone: 'UTC' },
    )
    expect(lines).toEqual([
      '- Document it ([kubernetes/website#51234](https://github.com/kubernetes/website/pull/51234)), merged 2025-08-20',
      '- screenshot: keep the pointer \\*hidden\\* ([GNOME/gnome-shell!3801](https://gitlab.gnome.org/GNOME/gnome-shell/-/merge_requests/3801)), merged 2025-08-14',
      '- Fix ([upstream/lib#9](https://codeberg.org/upstream/lib/pulls/9)), merged 2025-08-02',
      '- A GitHub mirror PR ([GNOME/gnome-shell#1](https://github.com/GNOME/gnome-shell/pull/1)), merged 2025-08-01',
    ])
  })

  it('groups per repository and forge: the same name on two forges is two lines', () => {
    const { lines } = renderSection(
      'contributions',
      activity,
      { enabled: true, groupByRepo: true, template: '- {forge} {repo}: {count}' },
      { timeZone: 'UTC' },
    )
    expect(lines).toEqual([
      '- github.com kubernetes/website: 1',
      '- gitlab.gnome.org GNOME/gnome-shell: 1',
      '- codeberg.org upstream/lib: 1',
      '- github.com GNOME/gnome-shell: 1',
    ])
  })

  it('names the forge of a side project, and splits a nested GitLab path at its last part', () => {
    const nested: Activity = {
      pullRequests: [],
      projects: [
        ...activity.projects,
        { repo: 'group/sub/app', url: 'https://gitlab.com/group/sub/app', commits: [] },
      ],
    }
    const { lines } = renderSection(
      'progress',
      nested,
      { enabled: true, template: '- {forge} {owner} {name}: {commits}' },
      { timeZone: 'UTC' },
    )
    expect(lines).toEqual([
      '- codeberg.org someone dotfiles: 1 commit',
      '- gitlab.com group/sub app: 0 commits',
    ])
  })
})
