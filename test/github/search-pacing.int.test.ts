import { describe, expect, it } from 'vitest'
import { clientFor, emulate, recordingLogger, TOKEN } from '../activity/helpers.js'
import { scenario } from '../activity/scenario-builders.js'

// The emulator keeps a search bucket per token, as GitHub does (30 a minute, its own
// `x-ratelimit-*` headers with `x-ratelimit-resource: search`), and refills it once its reset
// has passed.
async function searchBucket(remaining: number, resetInSeconds: number) {
  const reset = Math.floor(Date.now() / 1000) + resetInSeconds
  const emulator = await emulate(
    scenario({
      tokens: {
        [TOKEN]: {
          login: 'someone',
          searchRateLimitRemaining: remaining,
          searchRateLimitReset: reset,
        },
      },
    }),
  )
  return { emulator }
}

describe('search pacing from the search bucket’s headers', () => {
  it('sends searches back to back while the bucket has room', async () => {
    const { emulator } = await searchBucket(30, 60)
    const client = clientFor(emulator.url)
    for (const q of ['a', 'b', 'c', 'd', 'e']) await client.rest.search.issuesAndPullRequests({ q })
    expect(emulator.requests.map((r) => r.status)).toEqual([200, 200, 200, 200, 200])
  })

  it('waits for the reset when the last answer left no room, instead of hitting the limit', async () => {
    const { emulator } = await searchBucket(2, 2)
    const log = recordingLogger()
    const client = clientFor(emulator.url, log)
    for (const q of ['a', 'b', 'c']) await client.rest.search.issuesAndPullRequests({ q })
    // Without pacing the third search meets a 403 and plugin-throttling retries it after the reset.
    expect(emulator.requests.map((r) => r.status)).toEqual([200, 200, 200])
    expect(log.warnings).toEqual([])
  })

  it('does not wait longer than the longest wait the run accepts: the limit error explains', async () => {
    const { emulator } = await searchBucket(1, 3600)
    const client = clientFor(emulator.url)
    await client.rest.search.issuesAndPullRequests({ q: 'a' })
    await expect(client.rest.search.issuesAndPullRequests({ q: 'b' })).rejects.toThrow(
      /rate limit exhausted/,
    )
    expect(emulator.requests.map((r) => r.status)).toEqual([200, 403])
  })
})
