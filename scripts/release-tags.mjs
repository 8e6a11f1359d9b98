#!/usr/bin/env node
// Moves the major and minor tags (v1, v1.2) to a release that release-please just tagged, after
// checking what a workflow pinning `@v1` will run: the tag's package.json names the version and
// its action.yml runs on node24. The release workflow checks dist/ against the tagged source
// before calling this. Usage:
//   node scripts/release-tags.mjs --version 1.2.3 [--dry-run] [--push]
import { execFileSync } from 'node:child_process'
import { parseArgs } from 'node:util'

const { values } = parseArgs({
  options: {
    version: { type: 'string' },
    'dry-run': { type: 'boolean', default: false },
    push: { type: 'boolean', default: false },
  },
})

const git = (...args) => execFileSync('git', args, { encoding: 'utf8' }).trim()
const fail = (message) => {
  console.error(`release-tags: ${message}`)
  process.exit(1)
}

const version = values.version ?? ''
const semver = /^(\d+)\.(\d+)\.(\d+)$/.exec(version)
if (!semver) fail(`--version must be X.Y.Z, got ${JSON.stringify(version)}`)
const [, major, minor] = semver
const tag = `v${version}`

let commit
try {
  commit = git('rev-parse', '--verify', '--quiet', `${tag}^{commit}`)
} catch {
  fail(`tag ${tag} does not exist: release-please creates it with the GitHub release`)
}
const packageVersion = JSON.parse(git('show', `${tag}:package.json`)).version
if (packageVersion !== version) {
  fail(`${tag}'s package.json says version ${packageVersion}, not ${version}`)
}
const using = /^runs:\s*\n(?:[ \t]+.*\n)*?[ \t]+using:\s*['"]?([\w]+)/m.exec(
  git('show', `${tag}:action.yml`) + '\n',
)?.[1]
if (using !== 'node24') {
  fail(`${tag}'s action.yml runs on ${using ?? 'nothing'}, not node24: runners would refuse it`)
}

for (const moving of [`v${major}`, `v${major}.${minor}`]) {
  const before = (() => {
    try {
      return git('rev-parse', '--verify', '--quiet', `${moving}^{commit}`)
    } catch {
      return undefined
    }
  })()
  const what = `${moving}: ${before ? before.slice(0, 7) : '(new)'} -> ${commit.slice(0, 7)} (${tag})`
  if (values['dry-run']) {
    console.log(`would move ${what}`)
    continue
  }
  git('tag', '--force', moving, commit)
  if (values.push) git('push', '--force', 'origin', `refs/tags/${moving}`)
  console.log(`moved ${what}`)
}
