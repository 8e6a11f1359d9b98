import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { afterEach, describe, expect, it } from 'vitest'
import { parseScenario, startEmulator, type Emulator } from '../../src/emulator/index.js'

/**
 * The emulator's answers must have the keys and types real GitHub answers have, on the fields
 * the Action reads: checked against responses recorded from GitHub (@octokit/fixtures).
 */
const require = createRequire(import.meta.url)
interface Recorded {
  method: string
  path: string
  status: number
  response: unknown
}
function recorded(scenario: string, method: string, path: RegExp): unknown {
  const file = require.resolve(
    `@octokit/fixtures/scenarios/api.github.com/${scenario}/normalized-fixture.json`,
  )
  const all = JSON.parse(readFileSync(file, 'utf8')) as Recorded[]
  const hit = all.find((r) => r.method === method && path.test(r.path))
  if (!hit) throw new Error(`no ${method} ${path} in ${scenario}`)
  return hit.response
}

function at(value: unknown, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>((v, key) => (v as Record<string, unknown> | undefined)?.[key], value)
}
const kind = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v)

let em: Emulator | undefined
afterEach(async () => {
  await em?.close()
})

async function get(path: string): Promise<unknown> {
  const r = await fetch(`${em!.url}${path}`, { headers: { authorization: 'token t' } })
  expect(r.status).toBe(200)
  return r.json()
}

describe('response shapes match recorded GitHub responses', () => {
  it.each([
    [
      'get-repository',
      'get',
      /^\/repos\/[^/]+\/hello-world$/,
      '/repos/someone/site',
      [
        'name',
        'full_name',
        'private',
        'html_url',
        'default_branch',
        'owner.login',
        'owner.type',
        'fork',
        'created_at',
      ],
    ],
    [
      // The recorded file read is the raw media type; the directory listing is JSON.
      'get-content',
      'get',
      /contents\/$/,
      '/repos/someone/site/contents/docs',
      ['0.type', '0.name', '0.path', '0.sha', '0.size', '0.url'],
    ],
    [
      'git-refs',
      'post',
      /git\/refs$/,
      '/repos/someone/site/git/ref/heads/main',
      ['ref', 'url', 'object.sha', 'object.type', 'object.url'],
    ],
    [
      'search-issues',
      'get',
      /search\/issues/,
      '/search/issues?q=is:pr',
      ['total_count', 'incomplete_results', 'items'],
    ],
  ])('%s', async (scenario, method, path, ours, fields) => {
    em = await startEmulator(
      parseScenario({
        now: '2025-08-24T06:00:00Z',
        tokens: { t: { login: 'someone' } },
        repos: [
          { fullName: 'someone/site', files: { 'README.md': '# Hi\n', 'docs/a.md': 'a\n' } },
          {
            fullName: 'up/stream',
            ownerType: 'Organization',
            pulls: [
              {
                number: 1,
                author: 'someone',
                title: 't',
                state: 'closed',
                createdAt: '2025-08-01T00:00:00Z',
                mergedAt: '2025-08-02T00:00:00Z',
              },
            ],
          },
        ],
      }),
    )
    const real = recorded(scenario, method, path)
    const mine = await get(ours)
    for (const field of fields) {
      expect(kind(at(mine, field)), field).toBe(kind(at(real, field)))
    }
    if (scenario === 'search-issues') {
      const realItem = (real as { items: unknown[] }).items[0]
      const myItem = (mine as { items: unknown[] }).items[0]
      for (const field of [
        'url',
        'repository_url',
        'html_url',
        'id',
        'number',
        'title',
        'user.login',
        'state',
        'created_at',
        'updated_at',
        'comments',
        'score',
      ]) {
        expect(kind(at(myItem, field)), field).toBe(kind(at(realItem, field)))
      }
    }
  })
})
