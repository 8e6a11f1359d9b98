import { execFileSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import {
  gitBlobSha,
  readRefreshState,
  withoutRefreshState,
  withRefreshState,
} from '../../src/publish/refresh-state.js'

const sha = (c: string) => c.repeat(40)
const state = { head: sha('a'), basePage: sha('b'), page: sha('c') }

describe('the refresh state in the PR body', () => {
  it('round-trips, replaces an earlier state and keeps the body before it', () => {
    const body = withRefreshState('Refreshes the page.\n\n', state)
    expect(body).toMatch(/^Refreshes the page\.\n\n<!-- now-page-action:state \{.*\} -->$/)
    expect(readRefreshState(body)).toEqual(state)
    const again = withRefreshState(body, { ...state, head: sha('d') })
    expect(again.match(/now-page-action:state/g)).toHaveLength(1)
    expect(readRefreshState(again)?.head).toBe(sha('d'))
    expect(withoutRefreshState(again)).toBe('Refreshes the page.')
  })

  it.each([
    ['no body', null],
    ['no state', 'Just a body'],
    ['unclosed comment', '<!-- now-page-action:state {"v":1}'],
    ['not JSON', '<!-- now-page-action:state {head: 1} -->'],
    ['another version', `<!-- now-page-action:state ${JSON.stringify({ ...state, v: 2 })} -->`],
    [
      'a short sha',
      `<!-- now-page-action:state ${JSON.stringify({ ...state, v: 1, head: 'abc' })} -->`,
    ],
    ['a missing field', `<!-- now-page-action:state {"v":1,"head":"${sha('a')}"} -->`],
  ])('reads %s as no state', (_name, body) => {
    expect(readRefreshState(body)).toBeUndefined()
  })

  it('computes the blob id git does, for any text (BOM, CRLF, non-ASCII)', () => {
    for (const text of ['', 'hello\n', '\uFEFF+++\r\ndate = 2025-08-03\r\n+++\r\n', 'ünïcödé 🚀']) {
      const git = execFileSync('git', ['hash-object', '--stdin'], { input: Buffer.from(text) })
      expect(gitBlobSha(text)).toBe(git.toString().trim())
    }
  })
})
