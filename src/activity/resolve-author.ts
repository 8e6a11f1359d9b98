import { NowPageError } from '../errors.js'
import { httpStatus, type Client } from '../github/client.js'
import type { Logger } from '../logging.js'

export interface AuthorOptions {
  /** The `author` input; empty or missing means "work it out". */
  author?: string
  /** Owner of the repository the Action runs in (`GITHUB_REPOSITORY_OWNER`). */
  repositoryOwner?: string
  /**
   * The owner's account type as the workflow's event payload gives it (`repository.owner.type`;
   * `schedule` and `workflow_dispatch` payloads carry it), which saves asking GitHub.
   */
  repositoryOwnerType?: string
}

const LOGIN = /^[A-Za-z0-9][A-Za-z0-9-]{0,38}$/

/**
 * Whose activity the page shows: the `author` input; else the owner of the site's repository
 * when the event payload says that owner is a person (no request); else the token's user; else
 * (for the Actions token, which belongs to an app and gets 403 from `GET /user`) the repository
 * owner, provided GitHub says it is a person.
 */
export async function resolveAuthor(
  client: Client,
  options: AuthorOptions,
  log: Logger,
): Promise<string> {
  const given = options.author?.trim().replace(/^@/, '')
  if (given) return checkLogin(given, 'author')
  const owner = options.repositoryOwner?.trim()
  if (owner && options.repositoryOwnerType === 'User') {
    log.info(`author: ${owner} (the repository owner; set the author input to override)`)
    return checkLogin(owner, 'author')
  }

  try {
    const { data: user } = await client.rest.users.getAuthenticated()
    if (user.type === 'User') {
      log.info(`author: ${user.login} (the token's user)`)
      return checkLogin(user.login, 'author')
    }
    log.debug(`the token belongs to ${user.login}, a ${user.type}, not a person`)
  } catch (error) {
    // 403 "Resource not accessible by integration": an installation token such as GITHUB_TOKEN.
    if (httpStatus(error) !== 403) throw error
    log.debug('GET /user answered 403: the token is an app installation token')
  }

  if (!owner) {
    throw new NowPageError('cannot tell whose activity to read', {
      input: 'author',
      hint: 'Set the author input to your GitHub login',
    })
  }
  checkLogin(owner, 'author')
  const { data: account } = await client.rest.users.getByUsername({ username: owner })
  if (account.type !== 'User') {
    throw new NowPageError(
      `cannot tell whose activity to read: the token is not a person's and the repository owner ${owner} is an ${account.type}`,
      { input: 'author', hint: 'Set the author input to your GitHub login' },
    )
  }
  log.info(`author: ${account.login} (the repository owner; set the author input to override)`)
  return account.login
}

function checkLogin(login: string, input: string): string {
  if (!LOGIN.test(login)) {
    throw new NowPageError(`'${login}' is not a GitHub user login`, {
      input,
      hint: 'Use a login such as octocat (letters, digits and hyphens)',
    })
  }
  return login
}
