import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { configFromFile } from '../../src/config/config-file.js'
import {
  checkEngineInputs,
  configFromInputs,
  inputNames,
  sinceDate,
  todayIn,
} from '../../src/config/index.js'
import { NowPageError } from '../../src/errors.js'

const inputs = (values: Record<string, string>) => (name: string) => values[name] ?? ''

describe('configFromInputs', () => {
  it('has sensible defaults', async () => {
    // Config is text in, values out: the default API root below is a value read, never requested.
    const c = await configFromInputs(inputs({ token: 't' }), {})
    expect(c).toMatchObject({
      token: 't',
      apiUrl: 'https://api.github.com',
      timeZone: 'UTC',
      since: { kind: 'duration', days: 90 },
      maxItems: 10,
      sideProjects: [],
      publish: {
        branch: 'now-page/refresh',
        onHumanEdit: 'skip',
        dryRun: false,
        draft: false,
        labels: [],
      },
    })
    expect(c.edit.sections?.contributions?.enabled).toBe(true)
    expect(c.pagePath).toBeUndefined()
  })

  it('reads a full set of inputs', async () => {
    const c = await configFromInputs(
      inputs({
        token: 't',
        author: '@someone',
        'page-path': 'content/now/index.md',
        'side-projects':
          '# my projects\nsomeone/grokking_algorithms (?<track>go|rust)/ch(?<chapter>\\d+)\n\nsomeone/dotfiles\n',
        'exclude-orgs': 'rancher, suse-*',
        since: '6m',
        'max-items': '5',
        'time-zone': 'Asia/Kolkata',
        'insert-at': 'after-heading: Outside Work',
        labels: 'now\nautomated',
        'commit-author': 'Some One <some.one@example.com>',
        'dry-run': 'True',
        sections: 'progress',
      }),
      { GITHUB_API_URL: 'https://ghe.example.com/api/v3/' },
    )
    expect(c.author).toBe('someone')
    expect(c.apiUrl).toBe('https://ghe.example.com/api/v3')
    expect(c.sideProjects).toEqual([
      {
        repo: 'someone/grokking_algorithms',
        progressPattern: '(?<track>go|rust)/ch(?<chapter>\\d+)',
      },
      { repo: 'someone/dotfiles' },
    ])
    expect(c.excludeOrgs).toEqual(['rancher', 'suse-*'])
    expect(c.since).toEqual({ kind: 'duration', days: 180 })
    expect(c.edit.insert).toEqual({ at: 'after-heading', heading: 'Outside Work' })
    expect(c.edit.sections?.contributions?.enabled).toBe(false)
    expect(c.publish).toMatchObject({
      labels: ['now', 'automated'],
      author: { name: 'Some One', email: 'some.one@example.com' },
      dryRun: true,
    })
  })

  it.each([
    ['since', 'yesterday-ish', /'yesterday-ish' is not a window start/],
    ['max-items', '-1', /'-1' is not a positive whole number/],
    ['max-items', 'abc', /not a positive whole number/],
    ['max-items', '1.5', /not a positive whole number/],
    [
      'side-projects',
      'someone/ok\nnot a repo',
      /line 2 of side-projects: 'not' is not owner\/repo/,
    ],
    ['side-projects', 'a/b (?<x', /invalid progress pattern for a\/b \(line 1 of side-projects\)/],
    // RE2 (linear time) cannot run backreferences or lookaround: refused before any request.
    ['side-projects', 'a/b (?<x>a)\\k<x>', /invalid progress pattern for a\/b/],
    ['side-projects', 'c/d\na/b (?<x>a)(?=b)', /a\/b \(line 2 of side-projects\)/],
    ['side-projects', 'a/b ch(\\d+)', /has no named group/],
    ['side-projects', 'a/b\nA/B', /line 2 of side-projects: A\/B is listed twice/],
    ['exclude-orgs', 'rancher/*/x', /is not a repository glob/],
    ['time-zone', 'Mars/Olympus', /unknown time zone 'Mars\/Olympus'/],
    ['dry-run', 'yes', /'yes' is not a boolean/],
    ['insert-at', 'middle', /'middle' is not a place/],
    ['commit-author', 'me', /'me' is not an identity/],
    ['on-human-edit', 'force', /'force' is not an option/],
    ['page-path', '../secrets.md', /points outside the repository/],
    ['page-path', '/etc/passwd', /points outside the repository/],
    ['contributions-template', '- {title} {nope}', /unknown placeholder \{nope\}/],
    ['sections', 'talks', /unknown section 'talks'/],
    ['branch', 'a..b', /is not a branch name/],
    ['api-timeout-minutes', '0', /'0' is not a positive number of minutes/],
  ])('%s: %s', async (input, value, message) => {
    let error: unknown
    try {
      await configFromInputs(inputs({ token: 't', [input]: value }), {})
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(NowPageError)
    expect((error as NowPageError).message).toMatch(message)
    expect((error as NowPageError).input).toBe(input)
    expect((error as NowPageError).hint).toBeTruthy()
  })
})

describe('checks left for while the first requests are out (engineChecksLater)', () => {
  it.each([
    ['a/b (?<x', /invalid progress pattern for a\/b \(line 1 of side-projects\)/],
    ['a/b (?<x>a)\\k<x>', /invalid progress pattern for a\/b/],
    ['c/d\na/b (?<x>a)(?=b)', /a\/b \(line 2 of side-projects\)/],
    ['a/b ch(\\d+)', /has no named group/],
  ])(
    'side-projects %j: taken at start, then refused as configFromInputs refuses it',
    async (value, message) => {
      const get = inputs({ token: 't', 'side-projects': value })
      const config = await configFromInputs(get, {}, { engineChecksLater: true })
      const error: unknown = await checkEngineInputs(get, config).catch((e: unknown) => e)
      expect(error).toBeInstanceOf(NowPageError)
      expect((error as NowPageError).message).toMatch(message)
      expect((error as NowPageError).input).toBe('side-projects')
    },
  )

  it('still refuses at start what needs no engine, and a zone neither the clock nor Intl knows', async () => {
    for (const [input, value] of [
      ['side-projects', 'not-a-repo (?<x>a)'],
      ['time-zone', 'Mars/Olympus'],
    ] as const) {
      const run = configFromInputs(
        inputs({ token: 't', [input]: value }),
        {},
        {
          engineChecksLater: true,
        },
      )
      await expect(run).rejects.toThrow(NowPageError)
    }
  })

  it('passes good patterns and a zone Intl confirms', async () => {
    const get = inputs({
      token: 't',
      'time-zone': 'Asia/Kolkata',
      'side-projects': 'a/b ch(?<chapter>\\d+)',
    })
    const config = await configFromInputs(get, {}, { engineChecksLater: true })
    expect(todayIn(config.timeZone, new Date('2025-08-23T20:00:00Z'))).toBe('2025-08-24')
    await expect(checkEngineInputs(get, config)).resolves.toBeUndefined()
  })
})

describe('dates', () => {
  it('today is the author’s day: 20:00 UTC in Kolkata is already tomorrow', () => {
    expect(todayIn('Asia/Kolkata', new Date('2025-08-23T20:00:00Z'))).toBe('2025-08-24')
    expect(todayIn('UTC', new Date('2025-08-23T20:00:00Z'))).toBe('2025-08-23')
  })

  it('computes the window start for each kind of since', () => {
    expect(sinceDate({ kind: 'duration', days: 90 }, '2025-08-24')).toBe('2025-05-26')
    expect(sinceDate({ kind: 'date', date: '2025-01-01' }, '2025-08-24')).toBe('2025-01-01')
    expect(sinceDate({ kind: 'page' }, '2025-08-24', '2025-08-03')).toBe('2025-08-03')
    expect(sinceDate({ kind: 'page' }, '2025-08-24')).toBe('2025-05-26')
  })
})

describe('configFromFile', () => {
  const dir = mkdtempSync(join(tmpdir(), 'now-page-config-'))
  it('reads YAML and JSON with the input names as keys', async () => {
    writeFileSync(
      join(dir, 'a.yml'),
      'max-items: 3\nside-projects:\n  - someone/a\n  - someone/b\n',
    )
    writeFileSync(join(dir, 'a.json'), JSON.stringify({ 'time-zone': 'Europe/Berlin' }))
    expect((await configFromFile(join(dir, 'a.yml'))).sideProjects.map((p) => p.repo)).toEqual([
      'someone/a',
      'someone/b',
    ])
    expect((await configFromFile(join(dir, 'a.yml'))).maxItems).toBe(3)
    expect((await configFromFile(join(dir, 'a.json'))).timeZone).toBe('Europe/Berlin')
  })

  it('refuses an unknown key and suggests the right one', async () => {
    writeFileSync(join(dir, 'bad.yml'), 'max-item: 3\n')
    await expect(configFromFile(join(dir, 'bad.yml'))).rejects.toThrow(/unknown setting 'max-item'/)
    try {
      await configFromFile(join(dir, 'bad.yml'))
    } catch (e) {
      expect((e as NowPageError).hint).toBe("Did you mean 'max-items'?")
      expect((e as NowPageError).file).toBe(join(dir, 'bad.yml'))
    }
  })
})

describe('action.yml', () => {
  const action = parse(readFileSync(new URL('../../action.yml', import.meta.url), 'utf8')) as {
    runs: { using: string; main: string }
    branding: { icon: string; color: string }
    inputs: Record<string, { description?: string; default?: string }>
    outputs: Record<string, { description?: string }>
  }

  it('declares exactly the inputs the Action reads, each described, with a valid default', async () => {
    expect(Object.keys(action.inputs).sort()).toEqual(inputNames().sort())
    for (const [name, input] of Object.entries(action.inputs)) {
      expect(input.description, name).toBeTruthy()
      expect(input.default, name).toBeDefined()
    }
    const defaults = Object.fromEntries(
      Object.entries(action.inputs).map(([k, v]) => [k, k === 'token' ? 't' : (v.default ?? '')]),
    )
    await expect(configFromInputs(inputs(defaults), {})).resolves.toBeDefined()
  })

  it('runs on node24 from dist/index.js, with branding and described outputs', () => {
    expect(action.runs).toEqual({ using: 'node24', main: 'dist/index.js' })
    expect(action.branding.icon).toBeTruthy()
    expect(action.branding.color).toBeTruthy()
    expect(Object.keys(action.outputs).sort()).toEqual(
      [
        'activity',
        'changed',
        'commit-sha',
        'pull-request-number',
        'pull-request-operation',
        'pull-request-url',
        'summary',
      ].sort(),
    )
    for (const o of Object.values(action.outputs)) expect(o.description).toBeTruthy()
  })
})

describe('README', () => {
  it('has the inputs and outputs tables generated from action.yml', async () => {
    const { spawnSync } = await import('node:child_process')
    const script = new URL('../../scripts/readme-tables.mjs', import.meta.url)
    const r = spawnSync(process.execPath, [script.pathname, '--check'], { encoding: 'utf8' })
    expect(r.stderr).toBe('')
    expect(r.status).toBe(0)
  })
})
