import { describe, expect, it } from 'vitest'
import { parseScenario } from '../../src/emulator/index.js'
import { createClient, httpStatus } from '../../src/github/client.js'
import { emulatorPerTest } from '../support/emulator-per-test.js'

const REPO = 'someone/site'
const start = emulatorPerTest()

async function setup() {
  const em = await start(
    parseScenario({
      now: '2025-08-24T06:00:00Z',
      tokens: { t: { login: 'someone' } },
      repos: [{ fullName: REPO, files: { 'content/now.md': 'old\n' } }],
    }),
  )
  const client = createClient({ token: 't', baseUrl: em.url, retryBaseMs: 1 })
  const main = em.state.repo(REPO)!.refs.get('refs/heads/main')!
  em.state.repo(REPO)!.refs.set('refs/heads/bot', main)
  const blob = (
    await client.rest.repos.getContent({ owner: 'someone', repo: 'site', path: 'content/now.md' })
  ).data as { sha: string }
  return { em, client, main, blob: blob.sha }
}

const put = (extra: Record<string, unknown>) => ({
  owner: 'someone',
  repo: 'site',
  path: 'content/now.md',
  message: 'Update Now page',
  content: Buffer.from('new\n').toString('base64'),
  branch: 'bot',
  ...extra,
})

/** PUT /repos/{owner}/{repo}/contents/{path}: one request, one commit on the named branch. */
describe('the Contents API write', () => {
  it('commits the file on the branch head, signed when GitHub is the committer', async () => {
    const { em, client, main, blob } = await setup()
    const { status, data } = await client.rest.repos.createOrUpdateFileContents(put({ sha: blob }))
    expect(status).toBe(200)
    expect(data.commit.parents?.map((p) => p.sha)).toEqual([main])
    expect(data.commit.verification?.verified).toBe(true)
    expect(em.state.repo(REPO)!.refs.get('refs/heads/bot')).toBe(data.commit.sha)
    expect(em.readFile(REPO, 'content/now.md', 'bot')).toBe('new\n')
    expect(em.readFile(REPO, 'content/now.md', 'main')).toBe('old\n')
  })

  it('keeps the author and committer given (unsigned then), and creates a new file with 201', async () => {
    const { client } = await setup()
    const who = { name: 'Bot', email: 'bot@example.com' }
    const { status, data } = await client.rest.repos.createOrUpdateFileContents(
      put({ path: 'other.md', author: who, committer: who }),
    )
    expect(status).toBe(201)
    expect(data.commit.author?.email).toBe('bot@example.com')
    expect(data.commit.committer?.name).toBe('Bot')
    expect(data.commit.verification?.verified).toBe(false)
  })

  it.each([
    ['a stale sha', { sha: 'f'.repeat(40) }, 409, /does not match/],
    ['no sha for an existing file', {}, 422, /"sha" wasn't supplied/],
    ['a branch that does not exist', { branch: 'gone' }, 404, /Branch gone not found/],
  ])('refuses %s', async (_name, extra, status, message) => {
    const { em, client, main } = await setup()
    const error: unknown = await client.rest.repos
      .createOrUpdateFileContents(put(extra))
      .catch((e: unknown) => e)
    expect(httpStatus(error)).toBe(status)
    expect(String((error as Error).message)).toMatch(message)
    expect(em.state.repo(REPO)!.refs.get('refs/heads/bot')).toBe(main)
  })
})
