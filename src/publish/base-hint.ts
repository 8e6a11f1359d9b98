import type { BaseHint } from './types.js'

/**
 * The base's head as the runner saw it, when the runner's commit is the base's: GitHub sets
 * GITHUB_SHA to the last commit of GITHUB_REF for `schedule` (the default branch) and
 * `workflow_dispatch` runs. Undefined when the run's ref is another branch, a tag or a pull
 * request's merge commit, or when the base is the default branch and its name is unknown.
 * Pure: the caller passes the environment and the event's default branch.
 */
export function baseHint(
  env: Record<string, string | undefined>,
  base: string | undefined,
  eventDefaultBranch: string | undefined,
): BaseHint | undefined {
  const sha = env.GITHUB_SHA ?? ''
  const ref = env.GITHUB_REF ?? ''
  if (!/^[0-9a-f]{40}$/.test(sha) || !ref.startsWith('refs/heads/')) return undefined
  const name = ref.slice('refs/heads/'.length)
  // A scheduled run always runs on the default branch.
  const defaultBranch =
    eventDefaultBranch ?? (env.GITHUB_EVENT_NAME === 'schedule' ? name : undefined)
  return (base ?? defaultBranch) === name ? { name, sha } : undefined
}
