import { HttpError } from './http.js'
import type { Permission, ScenarioToken } from './scenario.js'

export type Permissions = ['contents' | 'pull_requests', 'read' | 'write']

const LEVEL: Record<Permission, number> = { none: 0, read: 1, write: 2 }

/**
 * GitHub's 403 for a token without the permission a route needs, worded by kind of token:
 * "Resource not accessible by integration" for an installation token such as GITHUB_TOKEN,
 * "Resource not accessible by personal access token" for a fine-grained PAT, with the
 * `x-accepted-github-permissions` header GitHub adds to say what was missing. Wordings as GitHub
 * sends them: RoamJS/roamjs-components#31 (the full 403 body of POST /pulls for a fine-grained
 * PAT), withfig/push-to-fig-autocomplete-action#227 (both messages),
 * integrations/terraform-provider-github#2103 (the header).
 */
export function requirePermission(token: ScenarioToken, [scope, level]: Permissions): void {
  const granted = token.permissions?.[scope] ?? 'write'
  if (LEVEL[granted] >= LEVEL[level]) return
  throw new HttpError(
    403,
    token.fineGrained
      ? 'Resource not accessible by personal access token'
      : 'Resource not accessible by integration',
    {},
    { 'x-accepted-github-permissions': `${scope}=${level}` },
  )
}
