import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { gzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { httpFetch } from '../../src/github/http-fetch.js'
import { unreachableCode } from '../../src/github/unreachable.js'

interface Seen {
  method: string
  url: string
  headers: IncomingMessage['headers']
  body: string
}

/** A server that records what it was sent and answers with `handler`. */
async function server(handler: (req: IncomingMessage, res: ServerResponse) => void) {
  const seen: Seen[] = []
  const s: Server = createServer((req, res) => {
    let body = ''
    req.setEncoding('utf8').on('data', (d: string) => (body += d))
    req.on('end', () => {
      seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body })
      handler(req, res)
    })
  })
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve))
  const url = `http://127.0.0.1:${(s.address() as AddressInfo).port}`
  return { url, seen, close: () => new Promise((resolve) => s.close(resolve)) }
}

describe('httpFetch: the part of fetch Octokit uses, on node:http', () => {
  let other: Awaited<ReturnType<typeof server>>
  let api: Awaited<ReturnType<typeof server>>
  beforeAll(async () => {
    other = await server((_req, res) => res.end('elsewhere'))
    api = await server((req, res) => {
      if (req.url === '/gzip') {
        res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' })
        res.end(gzipSync(JSON.stringify({ ok: 'é' })))
      } else if (req.url === '/moved') {
        res.writeHead(301, { location: '/gzip' }).end()
      } else if (req.url === '/see-other') {
        res.writeHead(303, { location: '/echo' }).end()
      } else if (req.url === '/away') {
        res.writeHead(302, { location: `${other.url}/x` }).end()
      } else if (req.url === '/empty') {
        res.writeHead(204).end()
      } else if (req.url === '/slow') {
        res.writeHead(200).write('partial')
      } else {
        res.writeHead(404, { 'set-cookie': ['a=1', 'b=2'], 'X-Mixed': 'Case' })
        res.end('{"message":"Not Found"}')
      }
    })
  })
  afterAll(async () => {
    await api.close()
    await other.close()
  })

  it('asks for compressed answers and decodes them; headers read as fetch gives them', async () => {
    const r = await httpFetch(`${api.url}/gzip`, { headers: { authorization: 'token t' } })
    expect(r.status).toBe(200)
    expect(await r.json()).toEqual({ ok: 'é' })
    expect(r.headers.get('Content-Type')).toBe('application/json')
    expect(api.seen.at(-1)?.headers['accept-encoding']).toMatch(/gzip/)
    const missing = await httpFetch(`${api.url}/nothing`)
    expect(missing.status).toBe(404)
    expect(missing.statusText).toBe('Not Found')
    expect(Object.fromEntries(missing.headers)).toMatchObject({
      'set-cookie': 'a=1, b=2',
      'x-mixed': 'Case',
    })
    expect(await missing.text()).toBe('{"message":"Not Found"}')
    const empty = await httpFetch(`${api.url}/empty`, { method: 'DELETE' })
    expect([empty.status, await empty.text()]).toEqual([204, ''])
  })

  it('follows redirects like fetch: the final URL, GET after 303, no token to another origin', async () => {
    const moved = await httpFetch(`${api.url}/moved`, { headers: { authorization: 'token t' } })
    expect(moved.url).toBe(`${api.url}/gzip`)
    expect(await moved.json()).toEqual({ ok: 'é' })
    expect(api.seen.at(-1)?.headers.authorization).toBe('token t')

    await httpFetch(`${api.url}/see-other`, {
      method: 'POST',
      body: '{"a":1}',
      headers: { 'content-type': 'application/json' },
    })
    expect(api.seen.at(-2)).toMatchObject({ method: 'POST', body: '{"a":1}' })
    expect(api.seen.at(-1)).toMatchObject({ method: 'GET', url: '/echo', body: '' })
    expect(api.seen.at(-1)?.headers['content-type']).toBeUndefined()

    const away = await httpFetch(`${api.url}/away`, { headers: { authorization: 'token t' } })
    expect(await away.text()).toBe('elsewhere')
    expect(other.seen.at(-1)?.headers.authorization).toBeUndefined()

    const manual = await httpFetch(`${api.url}/moved`, { redirect: 'manual' })
    expect(manual.status).toBe(301)
    expect(manual.headers.get('location')).toBe('/gzip')
    await expect(httpFetch(`${api.url}/moved`, { redirect: 'error' })).rejects.toThrow(
      'fetch failed',
    )
  })

  it('fails as fetch fails: TypeError with the socket error as cause, abort with the reason', async () => {
    const closed = await server(() => {})
    await closed.close()
    const error = await httpFetch(`${closed.url}/x`).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(TypeError)
    expect((error as Error).message).toBe('fetch failed')
    expect(unreachableCode(error)).toBe('ECONNREFUSED')

    const controller = new AbortController()
    const slow = await httpFetch(`${api.url}/slow`, { signal: controller.signal })
    const reading = slow.text()
    const reason = new Error('deadline')
    controller.abort(reason)
    await expect(reading).rejects.toBe(reason)
    await expect(httpFetch(`${api.url}/gzip`, { signal: controller.signal })).rejects.toBe(reason)
  })
})
