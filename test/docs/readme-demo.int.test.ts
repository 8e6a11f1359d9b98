import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

describe('README', () => {
  it('shows the pull request `npm run demo` opens, as the bundled Action makes it today', () => {
    const script = fileURLToPath(new URL('../../scripts/readme-demo.mjs', import.meta.url))
    const r = spawnSync(process.execPath, [script, '--check'], { encoding: 'utf8' })
    expect(r.stderr).toBe('')
    expect(r.status).toBe(0)
  })
})
