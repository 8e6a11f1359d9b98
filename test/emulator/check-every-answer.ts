import { afterEach, expect } from 'vitest'
import { answerObservers, type SentResponse } from '../../src/emulator/index.js'
import { checkResponse } from './openapi-validator.js'

/**
 * A vitest setup file: every answer any emulator sends during a test must fit GitHub's OpenAPI
 * description, or the test fails naming the mismatch. Answers of injected faults carry the test's
 * own bodies and are left out.
 */
const seen: SentResponse[] = []
answerObservers.add((r) => {
  if (!r.fault) seen.push(r)
})
afterEach(() => {
  const answers = seen.splice(0)
  expect(answers.flatMap((r) => checkResponse(r.method, r.path, r.status, r.body))).toEqual([])
})
