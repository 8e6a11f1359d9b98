import { describe, expect, it } from 'vitest'
import type { Activity } from '../../src/activity/types.js'
import { editPage } from '../../src/page/edit-page.js'
import { warmUp } from '../../src/page/warm-up.js'

const page = '---\ntitle: Now\nlastmod: 2024-03-01\n---\n\nLast updated: 2024-03-01\n'
const activity: Activity = { pullRequests: [], projects: [] }

describe('warming the page core up', () => {
  it('edits its sample without failing, in any zone, and changes no later edit', () => {
    const before = editPage(page, activity, { today: '2025-08-24' })
    expect(() => warmUp()).not.toThrow()
    expect(() => warmUp('Asia/Kolkata')).not.toThrow()
    expect(editPage(page, activity, { today: '2025-08-24' })).toEqual(before)
  })
})
