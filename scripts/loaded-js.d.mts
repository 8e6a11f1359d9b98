/** What an entry loads at start (its static imports, transitively) and what only dynamically:
 * `lazy` maps each dynamic import's chunk to the bytes it adds (with its own static imports). */
export function loadedJs(entry: string): {
  entry: string
  bytes: number
  files: Record<string, number>
  lazy: Record<string, number>
}
