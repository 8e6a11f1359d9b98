import type { Scenario } from '../scenario.js'
import { forgejo } from './forgejo.js'
import { gitlab } from './gitlab.js'
import { ForgeServer, Forges } from './shared.js'
import { ForgeState } from './state.js'

export type { ScenarioForge } from './types.js'
export { ForgeServer, Forges } from './shared.js'

/** The scenario's forges, each served under `/{host}/api/v4` (GitLab) or `/{host}/api/v1`
 * (Forgejo) beside the GitHub API. */
export function forgesOf(scenario: Scenario): Forges {
  return new Forges(
    (scenario.forges ?? []).map(
      (f) =>
        new ForgeServer(new ForgeState(f, scenario.now), f.kind === 'gitlab' ? gitlab : forgejo),
    ),
  )
}
