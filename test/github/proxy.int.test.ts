import { once } from 'node:events'
import { createServer, type Server } from 'node:http'
import { connect, type AddressInfo } from 'node:net'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createForgeHttp } from '../../src/activity/forges/http.js'
import { createClient } from '../../src/github/client.js'
import { emulate, recordingLogger, TOKEN } from '../activity/helpers.js'
import { scenario } from '../activity/scenario-builders.js'

const PROXY_VARS = [
  'HTTPS_PROXY',
  'https_proxy',
  'HTTP_PROXY',
  'http_proxy',
  'NO_PROXY',
  'no_proxy',
]

interface Proxy {
  url: string
  /** `host:port` of every CONNECT the proxy received, in order. */
  tunnels: string[]
}

/**
 * A CONNECT proxy on 127.0.0.1 that tunnels every target to `upstreamPort` on 127.0.0.1, so a
 * made-up host name (never looked up in DNS) reaches the emulator only through the proxy.
 * Without an upstream it records the CONNECT and refuses it.
 */
async function startProxy(upstreamPort?: number): Promise<Proxy> {
  const tunnels: string[] = []
  const server: Server = createServer((_req, res) => res.writeHead(405).end())
  server.on('connect', (req, client, head) => {
    tunnels.push(req.url ?? '')
    if (upstreamPort === undefined) {
      client.end('HTTP/1.1 502 Bad Gateway\r\n\r\n')
      return
    }
    const upstream = connect(upstreamPort, '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n')
      upstream.write(head)
      upstream.pipe(client)
      client.pipe(upstream)
    })
    upstream.on('error', () => client.destroy())
    client.on('error', () => upstream.destroy())
  })
  server.listen(0, '127.0.0.1')
  await once(server, 'listening')
  servers.push(server)
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, tunnels }
}

const servers: Server[] = []
beforeEach(() => {
  for (const name of PROXY_VARS) vi.stubEnv(name, undefined)
})
afterEach(async () => {
  vi.unstubAllEnvs()
  await Promise.all(
    servers.splice(0).map((s) => {
      s.closeAllConnections()
      return new Promise((resolve) => s.close(resolve))
    }),
  )
})

const repo = { owner: 'someone', repo: 'side' }
async function emulatorWithRepo() {
  const emulator = await emulate(scenario({ repos: [{ fullName: 'someone/side' }] }))
  return { emulator, port: Number(new URL(emulator.url).port) }
}
const client = (baseUrl: string) => createClient({ token: TOKEN, baseUrl, retries: 0 })

describe('the client and a proxy', () => {
  it('goes straight to the API when no proxy variable is set', async () => {
    const { emulator, port } = await emulatorWithRepo()
    const proxy = await startProxy(port)
    // 0.0.0.0 reaches the local emulator without being a loopback name the proxy rules skip.
    const { data } = await client(`http://0.0.0.0:${port}`).rest.repos.get(repo)
    expect(data.full_name).toBe('someone/side')
    expect(proxy.tunnels).toEqual([])
    expect(emulator.requests).toHaveLength(1)
  })

  it('tunnels every request through HTTP_PROXY for an http API root', async () => {
    const { emulator, port } = await emulatorWithRepo()
    const proxy = await startProxy(port)
    vi.stubEnv('HTTP_PROXY', proxy.url)
    const api = client(`http://api.github.test:${port}`)
    const { data } = await api.rest.repos.get(repo)
    await api.rest.repos.get(repo)
    expect(data.full_name).toBe('someone/side')
    expect(proxy.tunnels.length).toBeGreaterThan(0)
    expect(new Set(proxy.tunnels)).toEqual(new Set([`api.github.test:${port}`]))
    expect(emulator.requests).toHaveLength(2)
  })

  it('sends https requests to HTTPS_PROXY, or https_proxy', async () => {
    for (const name of ['HTTPS_PROXY', 'https_proxy']) {
      const proxy = await startProxy()
      vi.stubEnv(name, proxy.url)
      await expect(client('https://api.github.test').rest.repos.get(repo)).rejects.toThrow()
      expect(proxy.tunnels).toEqual(['api.github.test:443'])
      vi.stubEnv(name, undefined)
    }
  })

  it('skips the proxy for hosts NO_PROXY or no_proxy names', async () => {
    const { emulator, port } = await emulatorWithRepo()
    for (const name of ['NO_PROXY', 'no_proxy']) {
      const proxy = await startProxy(port)
      vi.stubEnv('HTTP_PROXY', proxy.url)
      vi.stubEnv(name, 'example.com,0.0.0.0')
      await client(`http://0.0.0.0:${port}`).rest.repos.get(repo)
      expect(proxy.tunnels).toEqual([])
      vi.stubEnv(name, undefined)
      // The same request without the exception goes through the proxy.
      await client(`http://0.0.0.0:${port}`).rest.repos.get(repo)
      expect(proxy.tunnels).toEqual([`0.0.0.0:${port}`])
    }
    expect(emulator.requests).toHaveLength(4)
  })

  it('tunnels a forge’s requests too (GitLab, Forgejo), and skips what NO_PROXY names', async () => {
    const { emulator, port } = await emulatorWithRepo()
    const proxy = await startProxy(port)
    vi.stubEnv('HTTP_PROXY', proxy.url)
    const forge = (host: string) =>
      createForgeHttp({
        apiRoot: `http://${host}:${port}`,
        name: host,
        headers: { authorization: `token ${TOKEN}` },
        deadline: new AbortController().signal,
        retries: 0,
        log: recordingLogger(),
      })
    // The emulator's GitHub routes stand in for a forge's: only the way there is tested here.
    const { data } = await forge('forge.test').get<{ full_name: string }>('/repos/someone/side')
    expect(data.full_name).toBe('someone/side')
    expect(proxy.tunnels).toEqual([`forge.test:${port}`])
    vi.stubEnv('NO_PROXY', '0.0.0.0')
    await forge('0.0.0.0').get('/repos/someone/side')
    expect(proxy.tunnels).toEqual([`forge.test:${port}`])
    expect(emulator.requests).toHaveLength(2)
  })
})
