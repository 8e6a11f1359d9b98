import { HttpError } from './http.js'
import type { ScenarioToken } from './scenario.js'

/**
 * GitHub's primary rate limits, one bucket per resource and token: `core` (5000 an hour) and
 * `search` (30 a minute), each with its own limit, remaining count and reset. Resets are epoch
 * seconds on the wall clock, as GitHub's are (clients wait `reset - now`); headers and
 * `GET /rate_limit` read the same buckets, so they always agree.
 * Source: docs.github.com/rest/using-the-rest-api/rate-limits-for-the-rest-api ("search
 * endpoints have more restrictive limits") and /rest/search ("up to 30 requests per minute").
 */
export type Resource = 'core' | 'search'

interface Bucket {
  limit: number
  remaining: number
  reset: number
  windowSeconds: number
}

const nowSeconds = () => Math.floor(Date.now() / 1000)

export class TokenLimits {
  private readonly buckets: Record<Resource, Bucket>

  constructor(
    token: ScenarioToken,
    private readonly clock: () => number = nowSeconds,
  ) {
    const now = clock()
    const core = token.rateLimit ?? 5000
    const search = token.searchRateLimit ?? 30
    this.buckets = {
      core: {
        limit: core,
        remaining: token.rateLimitRemaining ?? core,
        reset: token.rateLimitReset ?? now + 3600,
        windowSeconds: 3600,
      },
      search: {
        limit: search,
        remaining: token.searchRateLimitRemaining ?? search,
        reset: token.searchRateLimitReset ?? now + 60,
        windowSeconds: 60,
      },
    }
  }

  /** The bucket as of now: a window that has passed starts afresh, full. */
  private bucket(resource: Resource): Bucket {
    const b = this.buckets[resource]
    const now = this.clock()
    if (now >= b.reset) {
      b.remaining = b.limit
      b.reset = now + b.windowSeconds
    }
    return b
  }

  headers(resource: Resource): Record<string, string> {
    const b = this.bucket(resource)
    return {
      'x-ratelimit-limit': String(b.limit),
      'x-ratelimit-remaining': String(b.remaining),
      'x-ratelimit-reset': String(b.reset),
      'x-ratelimit-used': String(b.limit - b.remaining),
      'x-ratelimit-resource': resource,
    }
  }

  /** Counts one request, or throws GitHub's answer when the bucket is empty. */
  take(resource: Resource, userId: number, status: 403 | 429 = 403): Record<string, string> {
    const b = this.bucket(resource)
    if (b.remaining <= 0) {
      // GitHub's wording (docs: troubleshooting the REST API, "403 Forbidden or 429 Too Many
      // Requests ... x-ratelimit-remaining header will be 0"; message as reported in
      // KnpLabs/php-github-api#1070).
      throw new HttpError(
        status,
        `API rate limit exceeded for user ID ${userId}.`,
        {},
        this.headers(resource),
      )
    }
    b.remaining--
    return this.headers(resource)
  }

  /** The body of GET /rate_limit. */
  overview() {
    const view = (resource: Resource) => {
      const b = this.bucket(resource)
      return { limit: b.limit, used: b.limit - b.remaining, remaining: b.remaining, reset: b.reset }
    }
    const core = view('core')
    return { resources: { core, search: view('search') }, rate: core }
  }
}

/** Which bucket a request counts against. */
export function resourceOf(path: string): Resource {
  return path.startsWith('/search/') ? 'search' : 'core'
}
