import { NowPageError } from '../errors.js'

/**
 * Why `name` cannot be the Action's branch, or undefined when it can. Git's rules for a branch
 * name (`git check-ref-format --branch`), plus a refusal of names that spell a ref rather than a
 * branch: GitHub would take `refs/heads/main` as a branch literally named so, beside `main`.
 * Pure, so config can check the input before any request.
 */
export function branchNameProblem(name: string): string | undefined {
  if (name === '') return 'it is empty'
  if (/^(?:refs|heads|remotes|tags|pull)\//.test(name))
    return `it names a ref, not a branch: write the branch alone, e.g. '${name.replace(/^(?:refs\/)?(?:heads\/|remotes\/|tags\/)?/, '')}'`
  if (name === 'HEAD' || name === '@') return `'${name}' is reserved by git`
  if (name.startsWith('-')) return 'it starts with "-"'
  // eslint-disable-next-line no-control-regex -- control characters are exactly what git refuses
  const bad = /[\u0000-\u0020\u007f~^:?*[\\]/.exec(name)
  if (bad) return `it contains ${JSON.stringify(bad[0])}, which git refuses in a branch name`
  if (name.includes('..')) return 'it contains ".."'
  if (name.includes('@{')) return 'it contains "@{"'
  if (name.startsWith('/') || name.endsWith('/') || name.includes('//'))
    return 'it has an empty path component (a leading, trailing or double "/")'
  if (name.endsWith('.')) return 'it ends with "."'
  for (const part of name.split('/')) {
    if (part.startsWith('.')) return `its component '${part}' starts with "."`
    if (part.endsWith('.lock')) return `its component '${part}' ends with ".lock"`
  }
  return undefined
}

/** Throws a NowPageError naming `input` when `name` is not a usable branch name. */
export function validateBranchName(name: string, input = 'branch'): string {
  const problem = branchNameProblem(name)
  if (problem) {
    throw new NowPageError(`'${name}' is not a valid branch name: ${problem}`, {
      input,
      hint: 'Use a plain branch name of its own, e.g. now-page/refresh',
    })
  }
  return name
}
