import { realpathSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { run } from './action/main.js'

/** The Action's job, for tools that import the bundle and call it, like @github/local-action. */
export { run }

/**
 * True when this file is the process's entry (`node dist/index.js`, as the runner starts it),
 * false when it is imported. Real paths on both sides: a runner may reach it through a symlink,
 * and Node loads the entry from its real path.
 */
function isProcessEntry(): boolean {
  const entry = process.argv[1]
  if (!entry) return false
  const self = fileURLToPath(import.meta.url)
  for (const candidate of [entry, `${entry}.js`]) {
    try {
      return realpathSync.native(candidate) === realpathSync.native(self)
    } catch {
      // Not a file (`node dist/index` names it without its extension): try the next spelling.
    }
  }
  return false
}

if (isProcessEntry()) await run()
