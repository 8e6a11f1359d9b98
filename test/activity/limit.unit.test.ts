import { describe, expect, it } from 'vitest'
import { createLimit } from '../../src/activity/limit.js'

describe('createLimit', () => {
  it('never runs more than the bound at once, and runs everything', async () => {
    const limit = createLimit(3)
    let active = 0
    let peak = 0
    const done: number[] = []
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        limit(async () => {
          active++
          peak = Math.max(peak, active)
          await new Promise((r) => setTimeout(r, (i * 7) % 5))
          active--
          done.push(i)
        }),
      ),
    )
    expect(peak).toBe(3)
    expect(done.sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i))
  })

  it('frees the slot when a task fails', async () => {
    const limit = createLimit(1)
    await expect(limit(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom')
    await expect(limit(() => Promise.resolve(7))).resolves.toBe(7)
  })
})
