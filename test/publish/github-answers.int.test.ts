import { describe, expect, it } from 'vitest'
import type { Fault } from '../../src/emulator/index.js'
import { publish } from '../../src/publish/publish.js'
import { appendLine, BRANCH, openPulls, options, quiet, REPO, setup, snapshot } from './emulated.js'

/** Issue 14 §4: GitHub's production answers, each with the exact body GitHub sends. */
const answer = (
  method: string,
  path: string,
  status: number,
  message: string,
  extra: Partial<Fault> = {},
): Fault => ({
  method,
  path: `/repos/${REPO}${path}`,
  status,
  body: { message, documentation_url: 'https://docs.github.com/rest', status: String(status) },
  ...extra,
})

const SECONDARY =
  'You have exceeded a secondary rate limit. Please wait a few minutes before you try again. If you reach out to GitHub Support for help, please include the request ID 0400:2C59:6BD4B1:D8B4C8:6659A1B7.'

describe('GitHub refusals end as the fix the user needs, with nothing left behind', () => {
  it.each([
    [
      'Actions may not open pull requests (the repository or organization setting)',
      answer(
        'POST',
        '/pulls',
        403,
        'GitHub Actions is not permitted to create or approve pull requests.',
      ),
      {
        input: 'token',
        message: expect.stringMatching(
          /does not let Actions open pull requests.*deleted the branch/,
        ),
        hint: expect.stringMatching(
          /Settings → Actions → General → Workflow permissions → "Allow GitHub Actions to create and approve pull requests".*organization/,
        ),
      },
    ],
    [
      'a fine-grained token without Pull requests: write',
      answer('POST', '/pulls', 403, 'Resource not accessible by personal access token'),
      {
        input: 'token',
        hint: expect.stringMatching(/Contents: Read and write and Pull requests: Read and write/),
      },
    ],
    [
      'a fine-grained token without Contents: write',
      answer('POST', '/git/trees', 403, 'Resource not accessible by personal access token'),
      { input: 'token', hint: expect.stringMatching(/Contents: Read and write/) },
    ],
    [
      'GITHUB_TOKEN without a permissions block',
      answer('POST', '/git/refs', 403, 'Resource not accessible by integration'),
      {
        input: 'token',
        hint: expect.stringContaining('permissions:\n  contents: write\n  pull-requests: write'),
      },
    ],
    [
      'a protected branch',
      answer('POST', '/git/refs', 422, `Protected branch update failed for refs/heads/${BRANCH}.`),
      { input: 'branch', message: expect.stringMatching(/is protected against this token/) },
    ],
    [
      'a ruleset',
      answer(
        'POST',
        '/git/refs',
        422,
        'Repository rule violations found\n\nCannot create ref due to creations being restricted.\n\n',
      ),
      { input: 'branch' },
    ],
    [
      'an empty repository',
      answer('GET', '/commits/*', 409, 'Git Repository is empty.'),
      { message: expect.stringMatching(/is empty/), hint: expect.stringMatching(/first commit/) },
    ],
    [
      'an empty repository (the contents route)',
      answer('GET', '/contents/**', 404, 'This repository is empty.'),
      { input: 'page-path', message: 'someone/site is empty: there is no page to refresh' },
    ],
    [
      'a secondary rate limit (403) that persists',
      answer('POST', '/pulls', 403, SECONDARY, { retryAfter: 1, times: 10 }),
      {
        message: expect.stringMatching(
          /secondary rate limit on POST \/repos\/someone\/site\/pulls/,
        ),
      },
    ],
    [
      'a secondary rate limit (429) that persists',
      answer('POST', '/pulls', 429, SECONDARY, { retryAfter: 1, times: 10 }),
      { message: expect.stringMatching(/secondary rate limit/) },
    ],
    [
      'a bare 429',
      answer('POST', '/git/trees', 429, 'Too Many Requests', { times: 10 }),
      { message: expect.stringMatching(/429 Too Many Requests on POST/) },
    ],
  ])('%s', async (_name, fault, expected) => {
    const { em, client } = await setup()
    const before = snapshot(em)
    em.addFault(fault)
    const run = publish(client, options(appendLine('- one')), quiet)
    await expect(run).rejects.toMatchObject(expected)
    expect(snapshot(em)).toEqual(before)
  })

  it.each([403, 429])(
    'a secondary rate limit (%i) that clears is waited out as asked',
    async (status) => {
      const { em, client } = await setup()
      em.addFault(answer('POST', '/pulls', status, SECONDARY, { retryAfter: 1 }))
      const r = await publish(client, options(appendLine('- one')), quiet)
      expect(r.operation).toBe('created')
      expect(
        em.requests
          .filter((x) => x.method === 'POST' && x.path.endsWith('/pulls'))
          .map((x) => x.status),
      ).toEqual([status, 201])
    },
  )

  it('a repository without draft pull requests gets a ready one, and the run says so', async () => {
    const { em, client } = await setup()
    em.addFault(
      answer('POST', '/pulls', 422, 'Draft pull requests are not supported in this repository.'),
    )
    const r = await publish(client, options(appendLine('- one'), { draft: true }), quiet)
    expect(r.operation).toBe('created')
    expect(r.warnings.join()).toMatch(/does not support draft pull requests.*ready for review/)
    expect(openPulls(em)).toMatchObject([{ draft: false, labels: ['now'] }])
  })
})
