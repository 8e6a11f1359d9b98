/** What an entry loads at start (its static imports, transitively) and what only dynamically:
 * `lazy` maps each dynamic import's chunk to the bytes it adds (with its own static imports). */
export function loadedJs(entry: string): {
  entry: string
  bytes: number
  /** The entry and the files its own `import { … } from` lines name: a count that leaves out the
   * bare imports and the named files' own imports, though Node loads those too. */
  namedBytes: number
  /** The entry's bare imports (`import './chunks/x.js'`), loaded as any other. */
  bare: string[]
  files: Record<string, number>
  lazy: Record<string, number>
}
