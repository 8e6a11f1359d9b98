import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { parseScenario, type Scenario } from '../../src/emulator/index.js'

/** A fresh copy of scenarios/demo.json, the built-in demo's site, to change per test. */
export const demoScenario = (): Scenario =>
  parseScenario(
    JSON.parse(
      readFileSync(fileURLToPath(new URL('../../scenarios/demo.json', import.meta.url)), 'utf8'),
    ),
    'scenarios/demo.json',
  )
