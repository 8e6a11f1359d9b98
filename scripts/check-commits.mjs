#!/usr/bin/env node
// Checks that commit subjects follow Conventional Commits, which release-please reads to choose
// the next version and write CHANGELOG.md (CONTRIBUTING.md, "Commit messages"). Offline:
//   node scripts/check-commits.mjs                 every commit since the last v* tag (merges aside)
//   node scripts/check-commits.mjs --from REF      every commit in REF..HEAD
//   node scripts/check-commits.mjs --title "TEXT"  one subject, e.g. a pull request's title
// Exits 1 naming each subject that does not parse, with the fix.
import { execFileSync } from 'node:child_process'
import { pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'

/** The types release-please knows (feat, fix, perf and deps are in the changelog; `!` is major). */
export const TYPES = [
  'feat',
  'fix',
  'perf',
  'deps',
  'revert',
  'docs',
  'style',
  'chore',
  'refactor',
  'test',
  'build',
  'ci',
]

/**
 * The last commit before the project adopted Conventional Commits: with no release tag yet,
 * history is checked from there, since older subjects were written in another style.
 */
export const CONVENTION_START = '46d48b2a381125a4017449e3fd103e61ebadbe3a'

const SUBJECT = new RegExp(`^(${TYPES.join('|')})(\\([\\w./-]+\\))?(!)?: \\S`)

/** Undefined when `subject` is a Conventional Commits header; else what is wrong with it. */
export function subjectProblem(subject) {
  if (SUBJECT.test(subject)) return undefined
  const type = /^([A-Za-z]+)(\([^)]*\))?!?:/.exec(subject)?.[1]
  if (type && !TYPES.includes(type)) {
    return `'${type}' is not a commit type; use one of ${TYPES.join(', ')}`
  }
  if (type) return "write 'type(scope)!: description', with one space after the colon"
  return `start with a type and a colon, e.g. 'fix: …', 'feat: …', 'docs: …' (types: ${TYPES.join(', ')})`
}

function main() {
  const { values } = parseArgs({
    options: { from: { type: 'string' }, title: { type: 'string' } },
  })
  const git = (...args) =>
    execFileSync('git', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim()
  let subjects
  let range
  if (values.title !== undefined) {
    subjects = [values.title]
    range = 'the given title'
  } else {
    let from = values.from
    if (!from) {
      try {
        from = git('describe', '--tags', '--abbrev=0', '--match', 'v[0-9]*', 'HEAD')
      } catch {
        from = CONVENTION_START
      }
    }
    range = `${from}..HEAD`
    subjects = git('log', '--no-merges', '--format=%s', range).split('\n').filter(Boolean)
  }
  const bad = subjects.flatMap((s) => {
    const problem = subjectProblem(s)
    return problem ? [`  ${JSON.stringify(s)}: ${problem}`] : []
  })
  if (bad.length > 0) {
    console.error(
      `${bad.length} of ${subjects.length} commit subject(s) in ${range} are not Conventional Commits (CONTRIBUTING.md, "Commit messages"):\n${bad.join('\n')}`,
    )
    process.exit(1)
  }
  console.log(`${subjects.length} commit subject(s) in ${range}: Conventional Commits`)
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main()
