import { afterEach, expect } from 'vitest'
import { answerObservers, type SentResponse } from '../../src/emulator/observers.js'

/**
 * A vitest setup file: every answer any emulator sends during a test must fit GitHub's OpenAPI
 * description (a GitLab or Forgejo answer: that forge's, test/emulator/forge-validator.ts), or
 * the test fails naming the mismatch. Answers of injected faults carry the test's own bodies and
 * are left out. The validators (ajv and a 13 MB description) load only in test files that talk
 * to an emulator.
 */
const seen: SentResponse[] = []
answerObservers.add((r) => {
  if (!r.fault) seen.push(r)
})
afterEach(async () => {
  const answers = seen.splice(0)
  if (answers.length === 0) return
  const github = answers.filter((r) => !r.forge)
  const forges = answers.filter((r) => r.forge)
  const mismatches: string[] = []
  if (github.length) {
    const { checkResponse } = await import('./openapi-validator.js')
    mismatches.push(...github.flatMap((r) => checkResponse(r.method, r.path, r.status, r.body)))
  }
  if (forges.length) {
    const { checkForgeResponse } = await import('./forge-validator.js')
    mismatches.push(...forges.flatMap(checkForgeResponse))
  }
  expect(mismatches).toEqual([])
})
