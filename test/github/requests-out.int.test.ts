import { describe, expect, it } from 'vitest'
import { createClient, requestsAllOut } from '../../src/github/client.js'
import { emulate, TOKEN } from '../activity/helpers.js'
import { scenario } from '../activity/scenario-builders.js'

// Work that would hold up the event loop waits until the job's requests are out
// (action/round-one-work.ts): the client says when none is waiting to be sent.
describe('requests all out', () => {
  it('is false before the first request and while one waits in a limiter, true once all are sent', async () => {
    const em = await emulate(scenario({ repos: [{ fullName: 'someone/side' }] }))
    try {
      const client = createClient({ token: TOKEN, baseUrl: em.url, retries: 0 })
      expect(requestsAllOut()).toBe(false)
      // Each search is held at the emulator until the test lets it go: on the wire meanwhile.
      const held: Array<() => void> = []
      em.intercept({
        path: '/search/**',
        times: 2,
        run: () => new Promise<void>((resolve) => held.push(resolve)),
      })
      const until = async (n: number) => {
        for (let i = 0; i < 1000 && held.length < n; i++) await new Promise((r) => setTimeout(r, 5))
        expect(held).toHaveLength(n)
      }
      // Searches go one at a time: the second waits in the limiter while the first is out.
      const search = (q: string) => client.rest.search.issuesAndPullRequests({ q })
      const answers = [search('is:pr author:someone'), search('is:issue author:someone')]
      await until(1)
      expect(requestsAllOut()).toBe(false)
      held[0]?.()
      await answers[0]
      await until(2)
      expect(requestsAllOut()).toBe(true)
      held[1]?.()
      await answers[1]
      expect(requestsAllOut()).toBe(true)
    } finally {
      await em.close()
    }
  })
})
