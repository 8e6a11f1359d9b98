import { describe, expect, it } from 'vitest'
import { branchNameProblem, validateBranchName } from '../../src/publish/branch-name.js'

describe('branchNameProblem', () => {
  it.each(['now-page/refresh', 'main', 'feature/a.b', 'bot_branch-1', 'ünïcödé', 'a/b/c', 'x@y'])(
    'accepts %j',
    (name) => {
      expect(branchNameProblem(name)).toBeUndefined()
    },
  )

  it.each([
    ['', /empty/],
    ['refs/heads/main', /names a ref.*'main'/],
    ['refs/heads/now-page/refresh', /names a ref.*'now-page\/refresh'/],
    ['heads/main', /names a ref.*'main'/],
    ['refs/tags/v1', /names a ref.*'v1'/],
    ['tags/v1', /names a ref/],
    ['pull/1/head', /names a ref/],
    ['refs/now', /names a ref/],
    ['HEAD', /reserved/],
    ['@', /reserved/],
    ['-b', /starts with "-"/],
    ['a b', /contains " "/],
    ['a\tb', /contains "\\t"/],
    ['a\u007fb', /contains/],
    ['a~1', /contains "~"/],
    ['a^', /contains "\^"/],
    ['a:b', /contains ":"/],
    ['a?', /contains "\?"/],
    ['a*', /contains "\*"/],
    ['a[b', /contains "\["/],
    ['a\\b', /contains "\\\\"/],
    ['a..b', /".."/],
    ['a@{1}', /"@\{"/],
    ['/a', /empty path component/],
    ['a/', /empty path component/],
    ['a//b', /empty path component/],
    ['a.', /ends with "."/],
    ['.hidden', /starts with "."/],
    ['a/.b', /starts with "."/],
    ['a.lock', /ends with ".lock"/],
    ['a.lock/b', /ends with ".lock"/],
  ])('refuses %j', (name, why) => {
    expect(branchNameProblem(name)).toMatch(why)
  })

  it('validateBranchName names the input and the fix', () => {
    expect(() => validateBranchName('refs/heads/main')).toThrow(
      expect.objectContaining({
        input: 'branch',
        hint: expect.stringContaining('now-page/refresh'),
      }),
    )
    expect(validateBranchName('now-page/refresh')).toBe('now-page/refresh')
  })
})
