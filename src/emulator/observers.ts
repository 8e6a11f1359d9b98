// Kept apart from the emulator so a test setup file can observe answers without loading it.

/** One answer as sent, for a test that checks answers against GitHub's API description. */
export interface SentResponse {
  method: string
  /** As requested, query and any `/api/v3` prefix included. */
  path: string
  status: number
  body: unknown
  /** Answered by an injected fault (its body is the test's, not the emulator's). */
  fault: boolean
  /** Answered by a GitLab or Forgejo forge of the scenario, not the GitHub API. */
  forge?: { kind: 'gitlab' | 'forgejo'; host: string }
}

/**
 * Observers of every answer of every emulator in this process: a test setup file registers one
 * to check all answers of a whole suite against GitHub's API description.
 */
export const answerObservers = new Set<(response: SentResponse) => void>()
