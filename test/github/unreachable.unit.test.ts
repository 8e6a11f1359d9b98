import { Octokit } from '@octokit/core'
import { retry } from '@octokit/plugin-retry'
import { describe, expect, it } from 'vitest'
import { noRetryWhenUnreachable, unreachableCode } from '../../src/github/unreachable.js'

/** A fetch that fails the way undici does (TypeError "fetch failed" with the socket error as
 * its cause), counting the attempts. */
function failingFetch(code: string) {
  const calls = { n: 0 }
  const fetch = async () => {
    calls.n++
    const cause = Object.assign(new Error(`connect ${code} 127.0.0.1:9`), { code })
    throw Object.assign(new TypeError('fetch failed'), { cause })
  }
  return { calls, fetch }
}

const client = (fetch: () => Promise<never>) =>
  new (Octokit.plugin(noRetryWhenUnreachable, retry))({
    baseUrl: 'http://127.0.0.1:9',
    request: { fetch },
    retry: { retries: 3, retryAfterBaseValue: 1 },
  })

describe('a host that cannot be reached is not asked again', () => {
  it.each(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN'])('%s: one attempt', async (code) => {
    const { calls, fetch } = failingFetch(code)
    const error: unknown = await client(fetch)
      .request('GET /zen')
      .catch((e: unknown) => e)
    expect(unreachableCode(error)).toBe(code)
    expect(calls.n).toBe(1)
  })

  it('a dropped connection is still retried', async () => {
    const { calls, fetch } = failingFetch('ECONNRESET')
    const error: unknown = await client(fetch)
      .request('GET /zen')
      .catch((e: unknown) => e)
    expect(unreachableCode(error)).toBeUndefined()
    expect(calls.n).toBe(4)
  })
})
