import { describe, expect, it } from 'vitest'
import { clientFor, emulate, recordingLogger, TOKEN } from '../activity/helpers.js'
import { NowPageError } from '../../src/errors.js'
import { scenario } from '../activity/scenario-builders.js'

// src/github/client.ts makes Bottleneck yield with setImmediate instead of setTimeout(0); the
// limiters must still wait and retry as before.
const repo = { owner: 'someone', repo: 'side' }
const sideRepo = { repos: [{ fullName: 'someone/side' }] }

describe('the client’s limiters', () => {
  it('waits out a secondary rate limit among parallel requests and retries it', async () => {
    const emulator = await emulate(
      scenario({
        ...sideRepo,
        faults: [{ method: 'GET', path: '/repos/someone/side', status: 403, retryAfter: 1 }],
      }),
    )
    const log = recordingLogger()
    const client = clientFor(emulator.url, log)
    const answers = await Promise.all(Array.from({ length: 3 }, () => client.rest.repos.get(repo)))
    expect(answers.map((a) => a.data.full_name)).toEqual(Array(3).fill('someone/side'))
    expect(emulator.requests.map((r) => r.status).sort()).toEqual([200, 200, 200, 403])
    expect(log.warnings.join('\n')).toMatch(/secondary rate limit.*waiting 1 s/)
  })

  it('retries a 502 and a dropped connection among parallel requests', async () => {
    const emulator = await emulate(
      scenario({
        ...sideRepo,
        faults: [
          { method: 'GET', path: '/repos/someone/side', status: 502 },
          { method: 'GET', path: '/repos/someone/side', drop: true },
        ],
      }),
    )
    const client = clientFor(emulator.url)
    const answers = await Promise.all(Array.from({ length: 6 }, () => client.rest.repos.get(repo)))
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200, 200])
    expect(emulator.requests.filter((r) => r.status === 200)).toHaveLength(6)
    expect(emulator.requests).toHaveLength(8)
  })

  it('waits once for an exhausted primary limit to reset, then fails naming it', async () => {
    // A reset 30 s away: plugin-throttling waits (30 x retryAfterBaseMs = 30 ms here) and asks
    // again, before the bucket refills.
    const reset = Math.floor(Date.now() / 1000) + 30
    const emulator = await emulate(
      scenario({
        ...sideRepo,
        tokens: { [TOKEN]: { login: 'someone', rateLimitRemaining: 0, rateLimitReset: reset } },
      }),
    )
    const log = recordingLogger()
    const run = clientFor(emulator.url, log).rest.repos.get(repo)
    await expect(run).rejects.toBeInstanceOf(NowPageError)
    await expect(run).rejects.toThrow(/rate limit exhausted/)
    expect(emulator.requests.map((r) => r.status)).toEqual([403, 403])
    expect(log.warnings.join('\n')).toMatch(/rate limit exhausted.*waiting/)
  })
})
