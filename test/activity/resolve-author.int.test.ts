import { describe, expect, it } from 'vitest'
import { resolveAuthor } from '../../src/activity/resolve-author.js'
import { NowPageError } from '../../src/errors.js'
import { createClient } from '../../src/github/client.js'
import { clientFor, emulate, recordingLogger } from './helpers.js'
import { scenario } from './scenario-builders.js'

const tokens = {
  'test-token': { login: 'someone', permissions: { contents: 'read' } },
  'app-token': {
    login: 'github-actions[bot]',
    installation: true,
    permissions: { contents: 'write', pull_requests: 'write' },
  },
}

describe('resolveAuthor', () => {
  it('takes the author input as given, without a request', async () => {
    const emulator = await emulate(scenario({ tokens }))
    const log = recordingLogger()
    expect(await resolveAuthor(clientFor(emulator.url, log), { author: '@Someone ' }, log)).toBe(
      'Someone',
    )
    expect(emulator.requests).toEqual([])
    await expect(
      resolveAuthor(clientFor(emulator.url), { author: 'a b' }, log),
    ).rejects.toMatchObject({
      input: 'author',
    })
  })

  it('takes the repository owner without a request when the event payload says it is a person', async () => {
    const emulator = await emulate(scenario({ tokens }))
    const log = recordingLogger()
    const client = clientFor(emulator.url, log)
    expect(
      await resolveAuthor(client, { repositoryOwner: 'someone', repositoryOwnerType: 'User' }, log),
    ).toBe('someone')
    expect(emulator.requests).toEqual([])
    // An organization in the payload proves nothing about the author: GitHub is asked.
    expect(
      await resolveAuthor(
        client,
        { repositoryOwner: 'acme', repositoryOwnerType: 'Organization' },
        log,
      ),
    ).toBe('someone')
    expect(emulator.requests.map((r) => r.path)).toEqual(['/user'])
  })

  it('uses the token’s user', async () => {
    const emulator = await emulate(scenario({ tokens }))
    const log = recordingLogger()
    expect(
      await resolveAuthor(clientFor(emulator.url, log), { repositoryOwner: 'acme' }, log),
    ).toBe('someone')
    expect(emulator.requests.map((r) => r.path)).toEqual(['/user'])
  })

  it('falls back to the repository owner for an app installation token (GET /user is 403)', async () => {
    const emulator = await emulate(
      scenario({ tokens, repos: [{ fullName: 'someone/site', ownerType: 'User' }] }),
    )
    const log = recordingLogger()
    const client = createClient({ token: 'app-token', baseUrl: emulator.url, retryBaseMs: 1 })
    expect(await resolveAuthor(client, { repositoryOwner: 'someone' }, log)).toBe('someone')
    expect(emulator.requests.map((r) => `${r.path} ${r.status}`)).toEqual([
      '/user 403',
      '/users/someone 200',
    ])
  })

  it('refuses an organization owner: the author must be set', async () => {
    const emulator = await emulate(
      scenario({ tokens, repos: [{ fullName: 'acme/site', ownerType: 'Organization' }] }),
    )
    const log = recordingLogger()
    const client = createClient({ token: 'app-token', baseUrl: emulator.url, retryBaseMs: 1 })
    const run = resolveAuthor(client, { repositoryOwner: 'acme' }, log)
    await expect(run).rejects.toBeInstanceOf(NowPageError)
    await expect(run).rejects.toMatchObject({
      input: 'author',
      message: expect.stringMatching(/acme.*Organization/),
    })
  })
})
