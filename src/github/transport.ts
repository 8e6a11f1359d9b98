import { getProxyUrl } from '@actions/http-client/lib/proxy'
import { httpFetch } from './http-fetch.js'

/**
 * How requests to `baseUrl` travel, for the GitHub client and the forges' alike: node:http(s)
 * (./http-fetch.ts), unless the runner routes `baseUrl` through a proxy
 * (`HTTPS_PROXY`/`https_proxy` for https, `HTTP_PROXY`/`http_proxy` for http, minus
 * `NO_PROXY`/`no_proxy` and loopback: the rules of @actions/http-client, which @actions/github
 * follows). Then undici's proxy-aware fetch is imported on the first request, into its own
 * chunk: most runs never load it.
 *
 * Node's own fetch is not used: its first request compiles llhttp to WebAssembly and loads
 * undici's internals (~60-170 ms before the first request goes out), and V8's optimising
 * recompilation of that WebAssembly kept a finished run alive ~200-300 ms more unless the whole
 * process ran with --liftoff-only.
 */
export function transport(baseUrl: string): typeof httpFetch | typeof globalThis.fetch {
  if (!getProxyUrl(new URL(baseUrl))) return httpFetch
  let proxied: Promise<typeof globalThis.fetch> | undefined
  return async (input: Parameters<typeof globalThis.fetch>[0], init?: RequestInit) => {
    proxied ??= import('./proxy-fetch.js').then((m) => m.proxyFetch(baseUrl))
    return (await proxied)(input, init)
  }
}
