import { afterEach } from 'vitest'
import { startEmulator, type Emulator, type Scenario } from '../../src/emulator/index.js'

/** Starts emulators for the running test on free ports, and closes them when it ends. */
export function emulatorPerTest(): (scenario: Scenario) => Promise<Emulator> {
  const running: Emulator[] = []
  afterEach(async () => {
    await Promise.all(running.splice(0).map((em) => em.close()))
  })
  return async (scenario) => {
    const em = await startEmulator(scenario, { port: 0 })
    running.push(em)
    return em
  }
}
