import { HttpClient } from '@actions/http-client'
import { fetch as undiciFetch } from 'undici'

/**
 * The fetch @actions/github builds for a proxied runner: undici's fetch through the proxy agent
 * @actions/http-client picks for `baseUrl`. Loaded only when a proxy applies (see client.ts):
 * undici is most of the bundle's bytes and Node's own fetch serves every other run.
 */
export function proxyFetch(baseUrl: string): typeof globalThis.fetch {
  const dispatcher = new HttpClient().getAgentDispatcher(baseUrl)
  // undici's Request/Response types are its own copies of the global ones: the same shapes.
  return ((url: string, init?: RequestInit) =>
    undiciFetch(url, {
      ...(init as Parameters<typeof undiciFetch>[1]),
      dispatcher,
    })) as unknown as typeof globalThis.fetch
}
