import { readFileSync } from 'node:fs'

/** What the job uses of the workflow's event payload (GITHUB_EVENT_PATH), read once. */
export interface EventFacts {
  /** `User` or `Organization`: who `author` defaults to without a request. */
  ownerType?: string
  defaultBranch?: string
  /** A workflow_dispatch run's `inputs`, by name, as the person typed them. */
  dispatch?: Record<string, string>
}

/** The payload's facts; `{}` without one, and a debug line (not a failure) when it is unreadable. */
export function readEvent(env: NodeJS.ProcessEnv, debug: (message: string) => void): EventFacts {
  if (!env.GITHUB_EVENT_PATH) return {}
  try {
    const payload = JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, 'utf8')) as {
      repository?: { owner?: { type?: unknown }; default_branch?: unknown }
      inputs?: unknown
    }
    const { owner, default_branch: defaultBranch } = payload.repository ?? {}
    return {
      ...(typeof owner?.type === 'string' ? { ownerType: owner.type } : {}),
      ...(typeof defaultBranch === 'string' ? { defaultBranch } : {}),
      ...(env.GITHUB_EVENT_NAME === 'workflow_dispatch'
        ? { dispatch: dispatchInputs(payload.inputs) }
        : {}),
    }
  } catch (error) {
    debug(`could not read the event payload: ${(error as Error).message}`)
    return {}
  }
}

function dispatchInputs(inputs: unknown): Record<string, string> {
  if (!inputs || typeof inputs !== 'object') return {}
  return Object.fromEntries(
    Object.entries(inputs).map(([name, value]) => [name, String(value as string | boolean)]),
  )
}
