import { describe, expect, it } from 'vitest'
import { readPullRequests } from '../../src/activity/read-pull-requests.js'
import { createClient } from '../../src/github/client.js'
import { NowPageError } from '../../src/errors.js'
import { NOW, TOKEN, clientFor, emulate, recordingLogger } from './helpers.js'
import { scenario, spreadPulls } from './scenario-builders.js'

const options = {
  author: 'someone',
  since: '2025-05-26',
  now: new Date(NOW),
  includeRepos: [],
  excludeRepos: [],
  excludeOrgs: [],
}
const pulls = spreadPulls(3, '2025-06-01T00:00:00Z', '2025-08-01T00:00:00Z', ['golang/go'])

describe('the GitHub client against the emulator', () => {
  it('retries 5xx answers and dropped connections', async () => {
    const emulator = await emulate(
      scenario({
        pulls,
        faults: [
          { method: 'GET', path: '/search/issues', status: 502, times: 1 },
          { method: 'GET', path: '/search/issues', status: 503, times: 1 },
          { method: 'GET', path: '/search/issues', drop: true, times: 1 },
        ],
      }),
    )
    const log = recordingLogger()
    const result = await readPullRequests(clientFor(emulator.url, log), options, log)
    expect(result).toHaveLength(3)
    expect(emulator.requests.map((r) => r.status)).toEqual([502, 503, 0, 200])
  })

  it('gives up after the configured retries with the last error', async () => {
    const emulator = await emulate(
      scenario({
        pulls,
        faults: [{ method: 'GET', path: '/search/issues', status: 500, times: 10 }],
      }),
    )
    const log = recordingLogger()
    const client = createClient({ token: TOKEN, baseUrl: emulator.url, retries: 2, retryBaseMs: 1 })
    await expect(readPullRequests(client, options, log)).rejects.toMatchObject({ status: 500 })
    expect(emulator.requests).toHaveLength(3)
  })

  it('waits as long as a secondary rate limit’s retry-after asks, then succeeds', async () => {
    const emulator = await emulate(
      scenario({
        pulls,
        faults: [{ method: 'GET', path: '/search/issues', status: 403, retryAfter: 1, times: 1 }],
      }),
    )
    const log = recordingLogger()
    const client = clientFor(emulator.url, log)
    const result = await readPullRequests(client, options, log)
    expect(result).toHaveLength(3)
    expect(emulator.requests.map((r) => r.status)).toEqual([403, 200])
    expect(log.warnings.join('\n')).toMatch(/secondary rate limit.*waiting 1 s/)
  })

  it('fails clearly when a secondary rate limit asks for a longer wait than allowed', async () => {
    const emulator = await emulate(
      scenario({
        pulls,
        faults: [{ method: 'GET', path: '/search/issues', status: 403, retryAfter: 600, times: 1 }],
      }),
    )
    const log = recordingLogger()
    const run = readPullRequests(clientFor(emulator.url, log), options, log)
    await expect(run).rejects.toBeInstanceOf(NowPageError)
    await expect(run).rejects.toThrow(/secondary rate limit.*600 s.*60 s/)
    expect(emulator.requests).toHaveLength(1)
  })

  it('fails with the reset time when the primary rate limit is exhausted', async () => {
    const reset = Math.floor(Date.now() / 1000) + 3600
    // Searches count against the search bucket, GitHub's 30 a minute, not the core one.
    const emulator = await emulate(
      scenario({
        pulls,
        tokens: {
          [TOKEN]: { login: 'someone', searchRateLimitRemaining: 0, searchRateLimitReset: reset },
        },
      }),
    )
    const log = recordingLogger()
    const run = readPullRequests(clientFor(emulator.url, log), options, log)
    await expect(run).rejects.toBeInstanceOf(NowPageError)
    await expect(run).rejects.toThrow(new Date(reset * 1000).toISOString())
    expect(emulator.requests).toHaveLength(1)
  })

  it('names the token input on 401 and never shows the token', async () => {
    const emulator = await emulate(scenario({ pulls }))
    const log = recordingLogger()
    const client = createClient({ token: 'ghp_not-a-known-token', baseUrl: emulator.url, log })
    const error = await readPullRequests(client, options, log).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(NowPageError)
    expect(error).toMatchObject({ input: 'token' })
    expect(String((error as Error).message)).not.toContain('ghp_not-a-known-token')
    expect(log.lines.join('\n')).not.toContain('ghp_not-a-known-token')
  })
})
