import type { IncomingMessage, ServerResponse } from 'node:http'

/** An error answered with GitHub's error body. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly extra: Record<string, unknown> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(message)
  }
}

export const notFound = () => new HttpError(404, 'Not Found')
export const unprocessable = (message: string, errors?: unknown[]) =>
  new HttpError(422, message, errors ? { errors } : {})

export interface Request {
  method: string
  /** Path without the API prefix and the query. */
  path: string
  query: URLSearchParams
  body: Record<string, unknown>
  /** Full URL as requested (for Link headers). */
  url: URL
}

export interface Reply {
  status?: number
  body?: unknown
  headers?: Record<string, string>
  /** A list route's whole list: the route step pages it and shapes only the page. */
  listing?: Listing
}

export interface Listing {
  items: unknown[]
  shape: (item: unknown) => unknown
}

/** A list route's answer: every item, and how one is shown (applied to the page only). */
export function listing<T>(items: T[], shape: (item: T) => unknown = (x) => x): Reply {
  return { listing: { items, shape: shape as (item: unknown) => unknown } }
}

/** How a list route pages: GitHub's `per_page` and `page`, a cap on reachable results (search:
 * 1000), and an envelope around the page (search's `total_count`, `items`). */
export interface Paging {
  cap?: number
  envelope?: (page: unknown[], total: number) => unknown
}

/** One page of a listing, with its Link header; past a cap, GitHub's 422. */
export function pageOf(list: Listing, req: Request, paging: Paging = {}): Reply {
  const cap = paging.cap ?? Infinity
  const perPage = Math.min(Number(req.query.get('per_page') ?? 30) || 30, 100)
  const page = Number(req.query.get('page') ?? 1) || 1
  if ((page - 1) * perPage >= cap) {
    const message = `Only the first ${cap} search results are available`
    throw unprocessable(message, [{ message, resource: 'Search', code: 'invalid' }])
  }
  const r = paginate(list.items, req, 100, cap)
  const shaped = (r.body as unknown[]).map(list.shape)
  return {
    body: paging.envelope ? paging.envelope(shaped, r.total) : shaped,
    headers: r.headers ?? {},
  }
}

export async function readBody(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  const text = Buffer.concat(chunks).toString('utf8')
  if (!text) return {}
  try {
    const json = JSON.parse(text) as unknown
    return typeof json === 'object' && json !== null ? (json as Record<string, unknown>) : {}
  } catch {
    throw new HttpError(400, 'Problems parsing JSON')
  }
}

export function send(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string>,
): void {
  // A plain-text answer (a forge's `Retry later`) goes out as it is; GitHub's are all JSON.
  const plain = typeof body === 'string' && headers['content-type']?.startsWith('text/')
  const text = body === undefined ? '' : plain ? body : JSON.stringify(body)
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    ...headers,
  })
  res.end(text)
}

/** One page of a list, with GitHub's Link header (the full query kept, `page` replaced). */
export function paginate<T>(
  items: T[],
  req: Request,
  maxPerPage = 100,
  cap = Infinity,
): Reply & { total: number } {
  const perPage = Math.min(Math.max(Number(req.query.get('per_page') ?? 30) || 30, 1), maxPerPage)
  const page = Math.max(Number(req.query.get('page') ?? 1) || 1, 1)
  const reachable = Math.min(items.length, cap)
  const last = Math.max(Math.ceil(reachable / perPage), 1)
  const link = (p: number, rel: string) => {
    const u = new URL(req.url.toString())
    u.searchParams.set('page', String(p))
    return `<${u.toString()}>; rel="${rel}"`
  }
  const links: string[] = []
  if (page > 1) links.push(link(page - 1, 'prev'))
  if (page < last) links.push(link(page + 1, 'next'))
  if (page < last) links.push(link(last, 'last'))
  if (page > 1) links.push(link(1, 'first'))
  return {
    body: items.slice((page - 1) * perPage, page * perPage),
    headers: links.length ? { link: links.join(', ') } : {},
    total: items.length,
  }
}

/** Matches `/repos/:owner/:repo/...` patterns; `*rest` takes the remainder. */
export function match(pattern: string, path: string): Record<string, string> | undefined {
  const p = pattern.split('/')
  const s = path.split('/')
  const params: Record<string, string> = {}
  for (let i = 0; i < p.length; i++) {
    const part = p[i] as string
    if (part.startsWith('*')) {
      params[part.slice(1)] = s.slice(i).map(decodeURIComponent).join('/')
      return s.length > i ? params : undefined
    }
    const seg = s[i]
    if (seg === undefined) return undefined
    if (part.startsWith(':')) params[part.slice(1)] = decodeURIComponent(seg)
    else if (part !== seg) return undefined
  }
  return s.length === p.length ? params : undefined
}
