import { describe, expect, it } from 'vitest'
// @ts-expect-error: a plain .mjs script without types; subjectProblem takes and returns strings.
import { subjectProblem as untyped } from '../../scripts/check-commits.mjs'

const subjectProblem = untyped as (subject: string) => string | undefined

/** CONTRIBUTING's "Commit messages": what release-please can read, and what it cannot. */
describe('commit subjects follow Conventional Commits', () => {
  it.each([
    'feat: a forges input',
    'fix(cli): --version prints the version',
    'feat!: drop the since input',
    'refactor(page)!: one renderer per section',
    'perf: one search per window',
    'docs: README explains pinning',
    'chore(main): release 1.0.0',
    'chore(deps): bump the octokit group',
    'build: rollup 4',
    'ci: actionlint on examples',
    'test: quiet output',
    'revert: feat: a forges input',
  ])('accepts %j', (subject) => {
    expect(subjectProblem(subject)).toBeUndefined()
  })

  it.each([
    ['Quiet test output', 'start with a type and a colon'],
    ['Merge helper/x', 'start with a type and a colon'],
    ['fixup! fix: x', 'start with a type and a colon'],
    ['Fix: capitalized type', "'Fix' is not a commit type"],
    ['feature: x', "'feature' is not a commit type"],
    ['feat:no space', "write 'type(scope)!: description'"],
    ['feat(): empty scope', "write 'type(scope)!: description'"],
    ['feat: ', "write 'type(scope)!: description'"],
  ])('refuses %j: %s', (subject, problem) => {
    expect(subjectProblem(subject)).toContain(problem)
  })
})
