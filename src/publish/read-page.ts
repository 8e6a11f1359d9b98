import { NowPageError } from '../errors.js'
import { httpStatus, type Client } from '../github/client.js'
import { errorText } from './github-errors.js'

export const MAX_PAGE_BYTES = 1024 * 1024

export interface BasePage {
  path: string
  text: string
  /** Git blob id of the page: what later steps check the base still has. */
  blobSha: string
}

/** The head commit of a branch, or undefined when the branch does not exist. */
export async function branchHead(
  client: Client,
  owner: string,
  repo: string,
  branch: string,
): Promise<string | undefined> {
  try {
    const { data } = await client.rest.git.getRef({ owner, repo, ref: `heads/${branch}` })
    return data.object.sha
  } catch (error) {
    if (httpStatus(error) === 404) return undefined
    throw error
  }
}

/** A file's text at a commit, or undefined when it is not there. Refuses binary and huge files. */
export async function readText(
  client: Client,
  where: { owner: string; repo: string; path: string; ref?: string },
): Promise<{ text: string; sha: string } | undefined> {
  let data: unknown
  try {
    data = (await client.rest.repos.getContent(where)).data
  } catch (error) {
    // An empty repository answers the contents route 404 "This repository is empty.".
    if (/repository is empty/i.test(errorText(error))) {
      throw new NowPageError(`${where.owner}/${where.repo} is empty: there is no page to refresh`, {
        input: 'page-path',
        hint: 'Push a first commit with the Now page, then run the Action again',
      })
    }
    if (httpStatus(error) === 404) return undefined
    throw error
  }
  if (
    Array.isArray(data) ||
    typeof data !== 'object' ||
    data === null ||
    (data as { type?: string }).type !== 'file'
  ) {
    throw new NowPageError(`${where.path} is a directory, not a page`, {
      input: 'page-path',
      hint: 'Point page-path at the Markdown file, e.g. content/now/index.md',
    })
  }
  const file = data as { content?: string; encoding?: string; size?: number; sha: string }
  if (
    (file.size ?? 0) > MAX_PAGE_BYTES ||
    file.encoding !== 'base64' ||
    file.content === undefined
  ) {
    throw new NowPageError(
      `${where.path} is ${file.size ?? '?'} bytes, more than a Now page should be (limit ${MAX_PAGE_BYTES})`,
      {
        file: where.path,
        hint: 'Check page-path points at the Now page',
      },
    )
  }
  const bytes = Buffer.from(file.content, 'base64')
  let text: string
  try {
    if (bytes.includes(0)) throw new Error('NUL byte')
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes)
  } catch {
    throw new NowPageError(`${where.path} is not a UTF-8 text file`, {
      file: where.path,
      hint: 'Point page-path at the Markdown source of the page',
    })
  }
  return { text, sha: file.sha }
}

/**
 * Reads the page from the base branch (the default branch when `base` is not set): the first
 * of `paths` that exists. One request when the page is there: the contents endpoint reads the
 * default branch without being told its name, so the run needs no repository read to start.
 */
export async function readPageFromBase(
  client: Client,
  opts: { owner: string; repo: string; base?: string; paths: string[] },
): Promise<BasePage> {
  const { owner, repo, base } = opts
  for (const path of opts.paths) {
    const found = await readText(client, { owner, repo, path, ...(base ? { ref: base } : {}) })
    if (found) return { path, text: found.text, blobSha: found.sha }
  }
  // Every candidate is missing: find out whether the page, the branch or the repository is.
  let branch = base
  try {
    if (base) {
      if (!(await branchHead(client, owner, repo, base))) {
        throw new NowPageError(`branch '${base}' does not exist in ${owner}/${repo}`, {
          input: 'base',
          hint: 'Set base to an existing branch, or leave it empty for the default branch',
        })
      }
    } else {
      branch = (await client.rest.repos.get({ owner, repo })).data.default_branch
    }
  } catch (error) {
    if (httpStatus(error) === 404) {
      throw new NowPageError(
        `repository ${owner}/${repo} was not found, or the token cannot read it`,
        { input: 'token', hint: 'Give the token contents: read on the repository' },
      )
    }
    throw error
  }
  throw new NowPageError(`no Now page found on ${branch}: tried ${opts.paths.join(', ')}`, {
    input: 'page-path',
    hint: 'Set page-path to the page’s path in the repository, e.g. content/now.md',
  })
}
