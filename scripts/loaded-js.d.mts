/** What an entry loads at start (its static imports, transitively) and what only dynamically. */
export function loadedJs(entry: string): {
  entry: string
  bytes: number
  files: Record<string, number>
  lazy: Record<string, number>
}
