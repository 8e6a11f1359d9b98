import { describe, expect, it } from 'vitest'
import { createClient, requestsAllOut } from '../../src/github/client.js'
import { emulate, TOKEN } from '../activity/helpers.js'
import { scenario } from '../activity/scenario-builders.js'

// Work that would hold up the event loop waits until the job's requests are out
// (action/round-one-work.ts): the client says when none is waiting to be sent.
describe('requests all out', () => {
  it('is false before the first request and while one waits in a limiter, true once all are sent', async () => {
    const em = await emulate(scenario({ repos: [{ fullName: 'someone/side' }] }))
    // Each search is held at the emulator until the test lets it go: on the wire meanwhile.
    const held: Array<() => void> = []
    const answers: Array<Promise<unknown>> = []
    try {
      const client = createClient({ token: TOKEN, baseUrl: em.url, retries: 0 })
      expect(requestsAllOut()).toBe(false)
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
      answers.push(search('is:pr author:someone'))
      await until(1)
      expect(requestsAllOut()).toBe(true)
      answers.push(search('is:issue author:someone'))
      // Once the second has entered the client, it waits in the search limiter (one at a time).
      for (let i = 0; i < 400 && requestsAllOut(); i++) await new Promise((r) => setTimeout(r, 5))
      expect(requestsAllOut()).toBe(false)
      expect(held).toHaveLength(1)
      held[0]?.()
      await answers[0]
      await until(2)
      expect(requestsAllOut()).toBe(true)
      held[1]?.()
      await answers[1]
      expect(requestsAllOut()).toBe(true)
    } finally {
      // A failed expectation must not leave held requests to fail after the test.
      held.forEach((release) => release())
      await Promise.allSettled(answers)
      await em.close()
    }
  })
})
