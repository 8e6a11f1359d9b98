import type { IncomingMessage } from 'node:http'
import { lazyBuiltin } from '../node/lazy-builtin.js'

// Loaded through require, not `import`: on Node 24 an ES import of node:http builds its module
// namespace by reading every export, and a few of them (WebSocket, ...) are getters that load
// undici: ~45 ms before the first request. Each protocol's module loads when a URL first needs it.
const protocols = {
  'http:': lazyBuiltin<typeof import('node:http')>('node:http'),
  'https:': lazyBuiltin<typeof import('node:https')>('node:https'),
}

// Loaded when the first compressed answer arrives, not before the first request goes out.
const zlib = lazyBuiltin<typeof import('node:zlib')>('node:zlib')

/**
 * The part of fetch that @octokit/request uses, on node:http and node:https. Node's own fetch
 * (undici) compiles its HTTP parser, llhttp, to WebAssembly and loads ~1 MB of internal
 * JavaScript on the first request: ~60-170 ms of a run's cold start, measured side by side with
 * node:http (scripts/loaded-js.mjs cannot see it: it is inside Node). Octokit reads only the
 * status, the headers, the final URL and the body as text or bytes, which node:http gives as
 * cheaply as Node can.
 *
 * What fetch does that a GitHub client relies on, done here the same way: redirects followed
 * (`redirect: 'manual'` and `'error'` honoured, the method turned to GET on 303, and on 301/302
 * after a POST, credentials dropped when the origin changes), gzip/deflate/br answers decoded,
 * `signal` aborting the request or the body's reading, and connection failures thrown as
 * TypeError("fetch failed") with the socket's error as `cause` (src/github/unreachable.ts reads
 * its code). Sockets are kept alive between requests; Node unrefs idle ones, so they do not
 * keep the process alive after the last answer.
 */
export interface FetchAnswer {
  status: number
  statusText: string
  url: string
  headers: AnswerHeaders
  body: null
  text(): Promise<string>
  json(): Promise<unknown>
  arrayBuffer(): Promise<ArrayBuffer>
}

/** The answer's headers as fetch's Headers give them: lowercase names, repeats joined. */
export class AnswerHeaders {
  readonly #map: Map<string, string>
  constructor(raw: IncomingMessage['headers']) {
    this.#map = new Map(
      Object.entries(raw)
        .filter((entry): entry is [string, string | string[]] => entry[1] !== undefined)
        .map(([k, v]) => [k.toLowerCase(), Array.isArray(v) ? v.join(', ') : v] as const)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
    )
  }
  get(name: string): string | null {
    return this.#map.get(name.toLowerCase()) ?? null
  }
  has(name: string): boolean {
    return this.#map.has(name.toLowerCase())
  }
  [Symbol.iterator](): IterableIterator<[string, string]> {
    return this.#map.entries()
  }
}

export interface FetchInit {
  method?: string
  headers?: Record<string, string>
  body?: string | Uint8Array | null
  redirect?: 'follow' | 'manual' | 'error'
  signal?: AbortSignal | null
}

const MAX_REDIRECTS = 20
const agents = new Map<'http:' | 'https:', import('node:http').Agent>()
function agentFor(protocol: 'http:' | 'https:'): import('node:http').Agent {
  let agent = agents.get(protocol)
  if (!agent) agents.set(protocol, (agent = new (protocols[protocol]().Agent)({ keepAlive: true })))
  return agent
}

export async function httpFetch(input: string | URL, init: FetchInit = {}): Promise<FetchAnswer> {
  let url = new URL(input)
  let method = (init.method ?? 'GET').toUpperCase()
  let body = init.body ?? undefined
  let headers: Record<string, string> = { ...init.headers }
  for (let redirects = 0; ; redirects++) {
    const res = await send(url, method, headers, body, init.signal ?? undefined)
    const location = res.headers.location
    if (![301, 302, 303, 307, 308].includes(res.statusCode ?? 0) || !location) {
      return answer(res, url, method, init.signal ?? undefined)
    }
    if (init.redirect === 'manual') return answer(res, url, method, init.signal ?? undefined)
    res.resume()
    if (init.redirect === 'error' || redirects >= MAX_REDIRECTS) {
      throw new TypeError('fetch failed', {
        cause: new Error(
          `redirect to ${location} ${init.redirect === 'error' ? 'refused' : 'loop'}`,
        ),
      })
    }
    const next = new URL(location, url)
    if (res.statusCode === 303 || ([301, 302].includes(res.statusCode ?? 0) && method === 'POST')) {
      if (method !== 'HEAD') method = 'GET'
      body = undefined
      headers = withoutHeaders(headers, ['content-type', 'content-length'])
    }
    if (next.origin !== url.origin) headers = withoutHeaders(headers, ['authorization', 'cookie'])
    url = next
  }
}

function withoutHeaders(headers: Record<string, string>, names: string[]): Record<string, string> {
  return Object.fromEntries(
    Object.entries(headers).filter(([k]) => !names.includes(k.toLowerCase())),
  )
}

function send(
  url: URL,
  method: string,
  headers: Record<string, string>,
  body: string | Uint8Array | undefined,
  signal: AbortSignal | undefined,
): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    const protocol = url.protocol
    if (protocol !== 'http:' && protocol !== 'https:') {
      reject(new TypeError('fetch failed', { cause: new Error(`unsupported URL ${url.href}`) }))
      return
    }
    const outgoing: Record<string, string> = { 'accept-encoding': 'gzip, deflate, br', ...headers }
    if (body !== undefined) outgoing['content-length'] = String(Buffer.byteLength(body))
    const req = protocols[protocol]().request(url, {
      method,
      headers: outgoing,
      agent: agentFor(protocol),
      ...(signal ? { signal } : {}),
    })
    req.on('response', resolve)
    req.on('error', (error) =>
      reject(
        signal?.aborted ? abortError(signal) : new TypeError('fetch failed', { cause: error }),
      ),
    )
    req.end(body)
  })
}

/** fetch rejects with the signal's reason when it has one (AbortSignal.timeout: a TimeoutError). */
function abortError(signal: AbortSignal | undefined): Error {
  const reason: unknown = signal?.reason
  if (reason instanceof Error) return reason
  return new DOMException('This operation was aborted', 'AbortError')
}

function answer(
  res: IncomingMessage,
  url: URL,
  method: string,
  signal: AbortSignal | undefined,
): FetchAnswer {
  let bytes: Promise<Buffer> | undefined
  // Octokit does not read these bodies; an unread answer would hold its socket (and so the
  // process) open, so it is drained at once.
  if (method === 'HEAD' || [204, 205, 304].includes(res.statusCode ?? 0)) {
    res.resume()
    bytes = Promise.resolve(Buffer.alloc(0))
  }
  const read = () =>
    (bytes ??= new Promise<Buffer>((resolve, reject) => {
      const chunks: Buffer[] = []
      const onAbort = () => res.destroy(abortError(signal))
      signal?.addEventListener('abort', onAbort, { once: true })
      res.on('data', (chunk: Buffer) => chunks.push(chunk))
      res.on('error', (error) => {
        signal?.removeEventListener('abort', onAbort)
        reject(signal?.aborted ? abortError(signal) : new TypeError('terminated', { cause: error }))
      })
      res.on('end', () => {
        signal?.removeEventListener('abort', onAbort)
        try {
          resolve(decode(Buffer.concat(chunks), res.headers['content-encoding']))
        } catch (error) {
          reject(new TypeError('terminated', { cause: error }))
        }
      })
    }))
  const text = async () => (await read()).toString('utf8')
  return {
    status: res.statusCode ?? 0,
    statusText: res.statusMessage ?? '',
    url: url.href,
    headers: new AnswerHeaders(res.headers),
    body: null,
    text,
    json: async () => JSON.parse(await text()) as unknown,
    arrayBuffer: async () => {
      const b = await read()
      return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer
    },
  }
}

function decode(raw: Buffer, encoding: string | undefined): Buffer {
  switch (encoding?.trim().toLowerCase()) {
    case 'gzip':
    case 'x-gzip':
      return zlib().gunzipSync(raw)
    case 'deflate':
      return zlib().inflateSync(raw)
    case 'br':
      return zlib().brotliDecompressSync(raw)
    default:
      return raw
  }
}
