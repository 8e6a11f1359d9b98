import { describe, expect, it } from 'vitest'
import { branchNameProblem } from '../../src/config/branch-name.js'

describe('branchNameProblem (git check-ref-format for refs/heads/<name>)', () => {
  it.each([
    'now-page/refresh',
    'now-page',
    'a',
    'feature/x.y',
    'UPPER_case-1',
    'deep/er/branch',
    'a.b',
    'x@y',
    'ünïcode',
  ])('accepts %j', (name) => {
    expect(branchNameProblem(name)).toBeUndefined()
  })

  it.each([
    ['', 'it is empty'],
    ['refs/heads/main', 'it names a ref prefix'],
    ['refs/now', 'it names a ref prefix'],
    ['heads/main', 'it names a ref prefix'],
    ['tags/v1', 'it names a ref prefix'],
    ['HEAD', "'HEAD' is not a branch"],
    ['@', "'@' is not a branch"],
    ['has space', 'a space, a control character'],
    ['tab\there', 'a space, a control character'],
    ['a~1', 'one of ~ ^ : ? * [ \\'],
    ['a^', 'one of ~ ^ : ? * [ \\'],
    ['a:b', 'one of ~ ^ : ? * [ \\'],
    ['a?', 'one of ~ ^ : ? * [ \\'],
    ['a*', 'one of ~ ^ : ? * [ \\'],
    ['a[b', 'one of ~ ^ : ? * [ \\'],
    ['a\\b', 'one of ~ ^ : ? * [ \\'],
    ['a\u007fb', 'a space, a control character'],
    ['-x', 'it starts with -'],
    ['/x', 'an empty part between slashes'],
    ['x/', 'an empty part between slashes'],
    ['a//b', 'an empty part between slashes'],
    ['a..b', 'it has ..'],
    ['a@{1}', 'it has @{'],
    ['x.', 'it ends with .'],
    ['.hidden', "the part '.hidden' starts with ."],
    ['a/.b', "the part '.b' starts with ."],
    ['x.lock', "the part 'x.lock' ends with .lock"],
    ['x.lock/y', "the part 'x.lock' ends with .lock"],
  ])('refuses %j: %s', (name, problem) => {
    expect(branchNameProblem(name)).toContain(problem)
  })
})
