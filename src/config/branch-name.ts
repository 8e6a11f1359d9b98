/**
 * Why `name` is not a branch name the Action may commit to, or undefined when it is fine: git's
 * check-ref-format rules for `refs/heads/<name>`, plus no `refs/` or `heads/`-style ref prefix
 * (GitHub would create `refs/heads/refs/heads/main`) and not `HEAD`.
 */
export function branchNameProblem(name: string): string | undefined {
  if (name === '') return 'it is empty'
  if (/^refs\//.test(name) || /^(heads|tags|remotes|pull)\//.test(name)) {
    return 'it names a ref prefix; give the branch name alone, e.g. now-page/refresh'
  }
  if (name === 'HEAD' || name === '@') return `'${name}' is not a branch`
  // eslint-disable-next-line no-control-regex -- control characters are what git refuses
  if (/[\x00-\x20\x7f~^:?*[\\]/.test(name)) {
    return 'it has a space, a control character or one of ~ ^ : ? * [ \\'
  }
  if (name.startsWith('-')) return 'it starts with -'
  if (name.startsWith('/') || name.endsWith('/') || name.includes('//')) {
    return 'it has an empty part between slashes'
  }
  if (name.includes('..')) return 'it has ..'
  if (name.includes('@{')) return 'it has @{'
  if (name.endsWith('.')) return 'it ends with .'
  for (const part of name.split('/')) {
    if (part.startsWith('.')) return `the part '${part}' starts with .`
    if (part.endsWith('.lock')) return `the part '${part}' ends with .lock`
  }
  return undefined
}
