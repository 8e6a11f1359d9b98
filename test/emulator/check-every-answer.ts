import { afterEach, expect } from 'vitest'
import { answerObservers, type SentResponse } from '../../src/emulator/observers.js'

/**
 * A vitest setup file: every answer any emulator sends during a test must fit GitHub's OpenAPI
 * description, or the test fails naming the mismatch. Answers of injected faults carry the test's
 * own bodies and are left out. The validator (ajv and a 13 MB description) loads only in test
 * files that talk to an emulator.
 */
const seen: SentResponse[] = []
answerObservers.add((r) => {
  // GitLab and Forgejo answers are not GitHub's: test/emulator/forges-*.int.test.ts check them
  // against those forges' own descriptions.
  if (!r.fault && !r.forge) seen.push(r)
})
afterEach(async () => {
  const answers = seen.splice(0)
  if (answers.length === 0) return
  const { checkResponse } = await import('./openapi-validator.js')
  expect(answers.flatMap((r) => checkResponse(r.method, r.path, r.status, r.body))).toEqual([])
})
