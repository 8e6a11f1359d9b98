import { describe, expect, it } from 'vitest'
import { configFromInputs, parseSideProjects } from '../../src/config/index.js'
import {
  applyForgeTokens,
  forgeProject,
  knownKind,
  looksLikeForgeRepo,
  parseForges,
} from '../../src/config/forges.js'
import { NowPageError } from '../../src/errors.js'
import { compileProgressPattern } from '../../src/page/progress-pattern.js'

/** What configFromInputs loads for side-projects lines with patterns. */
const engines = { compilePattern: compileProgressPattern }

function inputs(values: Record<string, string>) {
  return (name: string) => values[name] ?? ''
}

async function refusal(fn: () => unknown): Promise<NowPageError> {
  try {
    await fn()
  } catch (error) {
    expect(error).toBeInstanceOf(NowPageError)
    return error as NowPageError
  }
  throw new Error('expected a refusal')
}

describe('forges input', () => {
  it('reads hosts, paths and URLs, with the kind stated, known or left to detect', () => {
    expect(
      parseForges(
        [
          '# upstream',
          'gitlab.gnome.org someone',
          '',
          'codeberg.org someone-else',
          'forgejo:https://git.example.org/forge/ me.too',
          'gitlab:http://127.0.0.1:8080/gitlab.freedesktop.org someone',
          'git.unknown.example me',
        ].join('\n'),
      ),
    ).toEqual([
      {
        name: 'gitlab.gnome.org',
        base: 'https://gitlab.gnome.org',
        login: 'someone',
        kind: 'gitlab',
      },
      {
        name: 'codeberg.org',
        base: 'https://codeberg.org',
        login: 'someone-else',
        kind: 'forgejo',
      },
      {
        name: 'https://git.example.org/forge',
        base: 'https://git.example.org/forge',
        login: 'me.too',
        kind: 'forgejo',
      },
      {
        name: 'http://127.0.0.1:8080/gitlab.freedesktop.org',
        base: 'http://127.0.0.1:8080/gitlab.freedesktop.org',
        login: 'someone',
        kind: 'gitlab',
      },
      { name: 'git.unknown.example', base: 'https://git.unknown.example', login: 'me' },
    ])
  })

  it('knows the common hosts', () => {
    expect(
      [
        'gitlab.com',
        'invent.kde.org',
        'salsa.debian.org',
        'gitlab.example.com',
        'gitea.example.org',
        'Codeberg.org',
        'example.org',
      ].map(knownKind),
    ).toEqual(['gitlab', 'gitlab', 'gitlab', 'gitlab', 'forgejo', 'forgejo', undefined])
  })

  it.each([
    ['gitlab.com', /line 1 of forges: 'gitlab.com' has no login/],
    ['gitlab.com some one', /line 1 of forges: 'gitlab.com some one' is not '<forge> <login>'/],
    ['github:github.com someone', /line 1 of forges: unknown forge kind 'github'/],
    ['bitbucket:bitbucket.org someone', /unknown forge kind 'bitbucket'/],
    ['ftp://gitlab.com someone', /'ftp:\/\/gitlab.com' is not an http\(s\) URL/],
    ['https://me:secret@gitlab.com someone', /carries credentials/],
    ['https://gitlab.com/?x=1 someone', /has a query or fragment/],
    ['gitlab someone', /'gitlab' is not a host name/],
    ['gitlab.com some/one', /'some\/one' is not a login/],
    [
      '\n\ngitlab.com a\nhttps://GitLab.com b',
      /line 4 of forges: https:\/\/GitLab.com is listed twice/,
    ],
  ])('refuses %j', async (value, message) => {
    const error = await refusal(() => parseForges(value))
    expect(error.input).toBe('forges')
    expect(error.message).toMatch(message)
    expect(error.hint).toBeTruthy()
  })
})

describe('forge-tokens input', () => {
  const accounts = parseForges('gitlab.gnome.org someone\ncodeberg.org someone')

  it('gives each forge its token, scheme optional; an empty secret means none', () => {
    const withTokens = applyForgeTokens(
      'https://gitlab.gnome.org=glpat-abc\n# none for codeberg this run\ncodeberg.org=',
      accounts,
    )
    expect(withTokens.map((a) => a.token)).toEqual(['glpat-abc', undefined])
  })

  it.each([
    ['gitlab.gnome.org', /line 1 of forge-tokens is not '<forge>=<token>'/],
    ['=abc', /line 1 of forge-tokens is not/],
    ['gitlab.com=abc', /'gitlab.com' is not a forge listed in forges/],
    [
      'gitlab.gnome.org=a\ngitlab.gnome.org=b',
      /line 2 of forge-tokens: a second token for gitlab.gnome.org/,
    ],
    ['codeberg.org=a b', /the token for codeberg.org contains a space/],
  ])('refuses %j without quoting the token', async (value, message) => {
    const error = await refusal(() => applyForgeTokens(value, accounts))
    expect(error.input).toBe('forge-tokens')
    expect(error.message).toMatch(message)
    const token = value.split('=')[1]?.split('\n')[0]
    if (token && token.length > 1) expect(error.describe()).not.toContain(token)
  })
})

describe('side projects on forges', () => {
  const accounts = parseForges(
    'codeberg.org someone\ngitlab.gnome.org someone\nforgejo:http://127.0.0.1:9/codeberg.org someone',
  )

  it('tells a forge address from a GitHub owner/name', () => {
    expect(['someone/project', 'some-one/x.y', '../x'].map(looksLikeForgeRepo)).toEqual([
      false,
      false,
      false,
    ])
    expect(
      [
        'codeberg.org/a/b',
        'https://codeberg.org/a/b',
        '127.0.0.1:3000/a/b',
        'http://localhost:3000/a/b',
      ].map(looksLikeForgeRepo),
    ).toEqual([true, true, true, true])
  })

  it('picks the longest configured base that prefixes the address', () => {
    expect(forgeProject('https://codeberg.org/someone/project', accounts)).toEqual({
      forge: 'https://codeberg.org',
      repo: 'someone/project',
    })
    expect(forgeProject('codeberg.org/someone/project.git', accounts)).toEqual({
      forge: 'https://codeberg.org',
      repo: 'someone/project',
    })
    expect(forgeProject('http://127.0.0.1:9/codeberg.org/someone/p', accounts)).toEqual({
      forge: 'http://127.0.0.1:9/codeberg.org',
      repo: 'someone/p',
    })
    expect(forgeProject('https://gitlab.gnome.org/World/sub/app/-/tree/main', accounts)).toEqual({
      forge: 'https://gitlab.gnome.org',
      repo: 'World/sub/app',
    })
  })

  it('reads side-projects lines with patterns, beside GitHub ones', () => {
    expect(
      parseSideProjects(
        'someone/grokking\nhttps://codeberg.org/someone/book ch(?<chapter>\\d+)\ngitlab.gnome.org/someone/app',
        engines,
        accounts,
      ),
    ).toEqual([
      { repo: 'someone/grokking' },
      {
        repo: 'someone/book',
        progressPattern: 'ch(?<chapter>\\d+)',
        forge: 'https://codeberg.org',
      },
      { repo: 'someone/app', forge: 'https://gitlab.gnome.org' },
    ])
  })

  it.each([
    ['gitlab.com/someone/x', /line 1 of side-projects: gitlab.com is not a forge listed in forges/],
    ['codeberg.org/someone', /does not name a repository on codeberg.org/],
    ['codeberg.org/a/b/c', /is not owner\/name on codeberg.org/],
    [
      'codeberg.org/a/b\nhttps://codeberg.org/A/B',
      /line 2 of side-projects: https:\/\/codeberg.org\/A\/B is listed twice/,
    ],
    ['codeberg.org/a/b ch(\\d+)', /has no named group/],
  ])('refuses %j', async (value, message) => {
    const error = await refusal(() => parseSideProjects(value, engines, accounts))
    expect(error.input).toBe('side-projects')
    expect(error.message).toMatch(message)
  })
})

describe('configFromInputs with forges', () => {
  it('carries the accounts, their tokens and the API time bound', async () => {
    const config = await configFromInputs(
      inputs({
        token: 't',
        forges: 'codeberg.org someone',
        'forge-tokens': 'codeberg.org=secret-value',
        'side-projects': 'codeberg.org/someone/book',
        'include-repos': 'gitlab.gnome.org/GNOME/gnome-shell, GNOME/sub/*',
        'api-timeout-minutes': '2',
      }),
      {},
    )
    expect(config.forges).toEqual({
      accounts: [
        {
          name: 'codeberg.org',
          base: 'https://codeberg.org',
          login: 'someone',
          kind: 'forgejo',
          token: 'secret-value',
        },
      ],
      timeoutMinutes: 2,
    })
    expect(config.sideProjects).toEqual([{ repo: 'someone/book', forge: 'https://codeberg.org' }])
    expect(config.includeRepos).toEqual(['gitlab.gnome.org/GNOME/gnome-shell', 'GNOME/sub/*'])
  })

  it('masks each forge token on a runner, and only there', async () => {
    const written: string[] = []
    const write = process.stdout.write
    process.stdout.write = ((chunk: string) => written.push(chunk) > 0) as typeof write
    try {
      const values = inputs({
        token: 't',
        forges: 'codeberg.org someone\ngitlab.com someone',
        'forge-tokens': 'codeberg.org=cb-secret\ngitlab.com=gl-secret',
      })
      await configFromInputs(values, {})
      expect(written).toEqual([])
      await configFromInputs(values, { GITHUB_ACTIONS: 'true' })
    } finally {
      process.stdout.write = write
    }
    expect(written.map((w) => w.trim())).toEqual(['::add-mask::cb-secret', '::add-mask::gl-secret'])
  })

  it('needs no forges input', async () => {
    expect((await configFromInputs(inputs({ token: 't' }), {})).forges).toEqual({
      accounts: [],
      timeoutMinutes: 10,
    })
  })

  it('accepts a host-prefixed owner in exclude-orgs, not a deeper path', async () => {
    const config = await configFromInputs(
      inputs({ token: 't', 'exclude-orgs': 'gitlab.gnome.org/GNOME, rancher/*' }),
      {},
    )
    expect(config.excludeOrgs).toEqual(['gitlab.gnome.org/GNOME', 'rancher/*'])
    expect(
      (await refusal(() => configFromInputs(inputs({ token: 't', 'exclude-orgs': 'a/b/c' }), {})))
        .input,
    ).toBe('exclude-orgs')
  })
})
