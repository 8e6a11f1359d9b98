import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { parse } from 'yaml'
import { configFromInputs, PAGE_EXTENSIONS } from '../../src/config/index.js'
import { NowPageError } from '../../src/errors.js'

const from = (values: Record<string, string>) => (name: string) => values[name] ?? ''

async function refusal(
  values: Record<string, string>,
  env: Record<string, string> = {},
): Promise<string> {
  try {
    await configFromInputs(from({ token: 't', ...values }), env)
  } catch (e) {
    expect(e).toBeInstanceOf(NowPageError)
    return (e as NowPageError).describe()
  }
  throw new Error(`accepted ${JSON.stringify(values)}`)
}

describe('inputs refused before any request, naming the input', () => {
  it.each([
    // branch: never the base, never a ref path, always a valid branch name
    [{ branch: 'main', base: 'main' }, "input 'branch': 'main' is the base branch"],
    [{ branch: 'main', base: 'refs/heads/main' }, "input 'branch': 'main' is the base branch"],
    [
      { branch: 'refs/heads/main' },
      "input 'branch': 'refs/heads/main' is not a branch name: it names a ref, not a branch: write the branch alone, e.g. 'main'",
    ],
    [{ branch: 'heads/x' }, "input 'branch': 'heads/x' is not a branch name: it names a ref"],
    [{ branch: 'a..b' }, "input 'branch': 'a..b' is not a branch name: it contains \"..\""],
    [
      { branch: 'x.lock' },
      "input 'branch': 'x.lock' is not a branch name: its component 'x.lock' ends with \".lock\"",
    ],
    [
      { branch: 'two words' },
      "input 'branch': 'two words' is not a branch name: it contains \" \"",
    ],
    [{ branch: 'HEAD' }, "input 'branch': 'HEAD' is not a branch name"],
    // token: an unset secret reads as empty
    [
      { token: '' },
      "input 'token': the token is empty (a secret that is not set reads as empty). Check the secret",
    ],
    [{ token: '   ' }, "input 'token': the token is empty"],
    // api-url: an http(s) URL
    [
      { 'api-url': 'file:///etc/passwd' },
      "input 'api-url': 'file:///etc/passwd' is not an http(s)",
    ],
    [{ 'api-url': 'garbage' }, "input 'api-url': 'garbage' is not an http(s) URL"],
    [{ 'api-url': 'ftp://example.com' }, "input 'api-url': 'ftp://example.com' is not an http(s)"],
    [{ 'api-url': 'http://' }, "input 'api-url': 'http://' is not an http(s) URL"],
    // page-path: a page, inside the repository
    [{ 'page-path': 'hugo.toml' }, "input 'page-path': 'hugo.toml' is not a page. Point it at"],
    [{ 'page-path': 'config.yaml' }, "input 'page-path': 'config.yaml' is not a page"],
    [{ 'page-path': 'index.js' }, "input 'page-path': 'index.js' is not a page"],
    [{ 'page-path': 'content/now' }, "input 'page-path': 'content/now' is not a page"],
    [{ 'page-path': '.md/now' }, "input 'page-path': '.md/now' is not a page"],
    [{ 'page-path': '../now.md' }, "input 'page-path': '../now.md' points outside the repository"],
    // side-projects: owner/name only
    [
      { 'side-projects': 'someone/..' },
      "input 'side-projects': line 1 of side-projects: 'someone/..'",
    ],
    [
      { 'side-projects': 'someone/.' },
      "input 'side-projects': line 1 of side-projects: 'someone/.'",
    ],
    [{ 'side-projects': '../x' }, "input 'side-projects': line 1 of side-projects: '../x'"],
    [{ 'side-projects': 'a/b\n-x/y' }, "input 'side-projects': line 2 of side-projects: '-x/y'"],
  ])('%j', async (values, message) => {
    expect(await refusal(values)).toContain(message)
  })

  it('names GITHUB_API_URL when the bad URL comes from the runner', async () => {
    expect(await refusal({}, { GITHUB_API_URL: 'file:///x' })).toContain(
      "input 'api-url': 'file:///x' (from GITHUB_API_URL) is not an http(s) URL",
    )
  })

  it.each([
    'content/now.md',
    'now.markdown',
    'src/pages/now.mdx',
    'now/index.html',
    'now.htm',
    'now.org',
    'now.rst',
    'NOW.MD',
  ])('accepts the page %j', async (path) => {
    expect((await configFromInputs(from({ token: 't', 'page-path': path }), {})).pagePath).toBe(
      path,
    )
  })

  it.each(['https://api.github.com', 'https://ghe.example/api/v3/', 'http://127.0.0.1:3000'])(
    'accepts the API root %j',
    async (url) => {
      expect((await configFromInputs(from({ token: 't', 'api-url': url }), {})).apiUrl).toBe(
        url.replace(/\/$/, ''),
      )
    },
  )
})

describe('action.yml documents the refusals', () => {
  it('lists every page extension page-path accepts', () => {
    const action = parse(readFileSync(new URL('../../action.yml', import.meta.url), 'utf8')) as {
      inputs: Record<string, { description: string }>
    }
    const description = action.inputs['page-path']!.description
    for (const extension of PAGE_EXTENSIONS) expect(description).toContain(extension)
  })
})
