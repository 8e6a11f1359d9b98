import { describe, expect, it, vi } from 'vitest'
import { roundOneWork } from '../../src/action/round-one-work.js'

/** Resolves once `done()` is true, checking on each turn of the loop (bounded). */
async function until(done: () => boolean): Promise<void> {
  for (let i = 0; i < 2000 && !done(); i++) await new Promise((r) => setTimeout(r, 5))
}

describe('work done while round 1 is out', () => {
  it('starts by itself once the loop idles: the page core, then the engine checks, once', async () => {
    const check = vi.fn(async () => {})
    const work = roundOneWork('Asia/Kolkata', check)
    await until(() => check.mock.calls.length > 0)
    expect(check).toHaveBeenCalledTimes(1)
    await work.engineChecks()
    await work.engineChecks()
    expect(check).toHaveBeenCalledTimes(1)
    expect(typeof (await work.pageCore()).editPage).toBe('function')
  })

  it('runs a step at once when the job asks for it first', async () => {
    const check = vi.fn(async () => {})
    const work = roundOneWork('UTC', check)
    // Asked for before any idle turn of the loop: no waiting for one.
    await work.engineChecks()
    expect(check).toHaveBeenCalledTimes(1)
  })

  it('hands a failed check to whoever asks for it, and to no one else', async () => {
    const unhandled = vi.fn()
    process.on('unhandledRejection', unhandled)
    try {
      const check = vi.fn(() => Promise.reject(new Error('bad pattern')))
      const work = roundOneWork('UTC', check)
      // The chain reaches the check by itself, fails, and stops there.
      await until(() => check.mock.calls.length > 0)
      await new Promise((r) => setTimeout(r, 20))
      await expect(work.engineChecks()).rejects.toThrow('bad pattern')
      expect(unhandled).not.toHaveBeenCalled()
    } finally {
      process.off('unhandledRejection', unhandled)
    }
  })

  it('waits until the job says its requests are all out', async () => {
    let out = false
    const check = vi.fn(async () => {})
    roundOneWork('UTC', check, () => out)
    await new Promise((r) => setTimeout(r, 40))
    expect(check).not.toHaveBeenCalled()
    out = true
    await until(() => check.mock.calls.length > 0)
    expect(check).toHaveBeenCalledTimes(1)
  })
})
