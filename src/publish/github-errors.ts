import { NowPageError } from '../errors.js'
import { httpStatus } from '../github/client.js'

/** GitHub's message and its validation errors, as one line. */
export function errorText(error: unknown): string {
  const data = (
    error as {
      response?: {
        data?: { message?: string; errors?: Array<{ message?: string; field?: string } | string> }
      }
    }
  ).response?.data
  const details = (data?.errors ?? []).map((e) =>
    typeof e === 'string' ? e : (e.message ?? (e.field ? `invalid ${e.field}` : undefined)),
  )
  return (
    [data?.message, ...details].filter(Boolean).join(': ') ||
    (error instanceof Error ? error.message : String(error))
  )
}

function headers(error: unknown): Record<string, string> {
  return (error as { response?: { headers?: Record<string, string> } }).response?.headers ?? {}
}

const PERMISSIONS_BLOCK = 'permissions:\n  contents: write\n  pull-requests: write'
const ACTIONS_SETTING =
  'Settings → Actions → General → Workflow permissions → "Allow GitHub Actions to create and approve pull requests"'

interface Where {
  owner: string
  repo: string
  branch: string
}

/** A refused write (or read) becomes what is wrong and the exact fix; anything else passes. */
export function explainGitHubError(error: unknown, o: Where): unknown {
  if (error instanceof NowPageError) return error
  const status = httpStatus(error)
  const text = errorText(error)
  const repo = `${o.owner}/${o.repo}`
  if (status === 403 && /not permitted to create or approve pull requests/i.test(text)) {
    return new NowPageError(
      `GitHub does not let Actions open pull requests in ${repo} (403 ${text})`,
      {
        input: 'token',
        hint: `In the repository, turn on ${ACTIONS_SETTING} and save; in an organization, turn on the same setting in the organization's Settings → Actions → General first (it overrides the repository's). Or pass a personal access token as token`,
      },
    )
  }
  if (status === 403 && /not accessible by personal access token/i.test(text)) {
    return new NowPageError(`the personal access token may not write to ${repo} (403 ${text})`, {
      input: 'token',
      hint: `Give the fine-grained token access to ${repo} with the repository permissions Contents: Read and write and Pull requests: Read and write (a classic token needs the repo scope)`,
    })
  }
  if (status === 403 && /not accessible by integration|permission/i.test(text)) {
    const needed =
      headers(error)['x-accepted-github-permissions'] ?? 'contents=write, pull_requests=write'
    return new NowPageError(`the token may not write to ${repo} (403 ${text}; needs ${needed})`, {
      input: 'token',
      hint: `Add to the workflow (or the job):\n${PERMISSIONS_BLOCK}\nand, in the repository, turn on ${ACTIONS_SETTING}`,
    })
  }
  if (
    status === 422 &&
    /protected branch|required status check|branch protection|repository rule/i.test(text)
  ) {
    return new NowPageError(
      `the branch '${o.branch}' is protected against this token (422 ${text})`,
      {
        input: 'branch',
        hint: 'Use a branch name no protection rule or ruleset matches (the default now-page/refresh)',
      },
    )
  }
  if (status === 409 && /repository is empty/i.test(text)) {
    return new NowPageError(
      `${repo} is empty: there is no base branch and no page to refresh (409 ${text})`,
      {
        input: 'page-path',
        hint: 'Push a first commit with the Now page, then run the Action again',
      },
    )
  }
  return error
}

/** A review request, label or assignee refused: a warning that says why and what to change. */
export function extraWarning(what: string, names: string[], error: unknown): string {
  const text = errorText(error)
  const list = names.join(', ')
  if (/collaborator/i.test(text))
    return `could not request reviews from ${list}: ${text}. Reviewers must be collaborators of the repository; fix the reviewers input. The next run tries again.`
  if (/color/i.test(text))
    return `could not add the labels ${list}: GitHub refused to create a label (${text}). Create the labels in the repository first; the next run adds them.`
  return `could not add ${what} ${list} (${httpStatus(error) ?? 'error'} ${text}); the pull request was kept and the next run tries again.`
}
