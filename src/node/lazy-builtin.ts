import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)

/**
 * A Node built-in module loaded on its first use instead of at start. A static import of
 * `node:crypto` or `node:zlib` is compiled before the Action's first request (crypto alone pulls
 * in some twenty internal modules); the Action needs them only later, if at all: crypto to hash
 * the page once it is edited, zlib when an answer arrives compressed.
 */
export function lazyBuiltin<T>(name: `node:${string}`): () => T {
  let loaded: T | undefined
  return () => (loaded ??= require(name) as T)
}
