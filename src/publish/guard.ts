import { NowPageError } from '../errors.js'
import { validateBranchName } from './branch-name.js'

const HINT = 'Give the Action a branch of its own (the default now-page/refresh)'

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase()

/** Before any request: the branch input is a branch name, and not the base named by input. */
export function checkBranchInput(o: { branch: string; base?: string | undefined }): void {
  validateBranchName(o.branch)
  if (o.base !== undefined && same(o.branch, o.base)) {
    throw new NowPageError(`branch '${o.branch}' is the base branch: the Action never writes it`, {
      input: 'branch',
      hint: HINT,
    })
  }
}

/** What the repository says about the Action's branch, read before the first write. */
export interface BranchFacts {
  branch: string
  base: string
  defaultBranch: string
  /** From the branch read; false when the branch does not exist yet. */
  protected: boolean
}

/** Before the first write: why the branch must not be written, or undefined when it may be. */
export function branchRefusal(f: BranchFacts): NowPageError | undefined {
  const which = same(f.branch, f.base)
    ? 'the base branch'
    : same(f.branch, f.defaultBranch)
      ? "the repository's default branch"
      : f.protected
        ? 'a protected branch'
        : undefined
  if (!which) return undefined
  return new NowPageError(
    `branch '${f.branch}' is ${which}: the Action writes only a branch of its own, and nothing was written`,
    { input: 'branch', hint: HINT },
  )
}
