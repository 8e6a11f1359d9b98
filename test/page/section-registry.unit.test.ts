import { describe, expect, it } from 'vitest'
import { editPage } from '../../src/page/edit-page.js'
import { renderSection } from '../../src/page/render-sections.js'
import {
  SECTIONS,
  SECTION_NAMES,
  placeholdersFor,
  type SectionName,
} from '../../src/page/sections/registry.js'
import { smallActivity } from '../helpers/page-fixtures.js'

const ctx = { timeZone: 'UTC' }

describe('sections are defined once, in the registry', () => {
  it('the names are the registry keys', () => {
    expect(SECTION_NAMES).toEqual(Object.keys(SECTIONS))
  })

  it.each(SECTION_NAMES.flatMap((name) => [[name, false] as const, [name, true] as const]))(
    '%s (grouped: %s): every placeholder the registry lists is filled by the renderer',
    (name: SectionName, groupByRepo) => {
      const options = { groupByRepo }
      const template = placeholdersFor(name, options)
        .map((p) => `${p}=<{${p}}>`)
        .join(' ')
      const rendered = renderSection(name, smallActivity(), { ...options, template }, ctx)
      expect(rendered.items).toBeGreaterThan(0)
      for (const line of rendered.lines.slice(0, rendered.items)) {
        expect(line).not.toMatch(/\{[a-z_]+\}/)
      }
    },
  )

  it.each(SECTION_NAMES)('%s renders its own activity with its default template', (name) => {
    const activity = smallActivity()
    const other = { ...activity, [SECTIONS[name].needs]: [] }
    expect(renderSection(name, other, {}, ctx).items).toBe(0)
    expect(renderSection(name, activity, {}, ctx).items).toBeGreaterThan(0)
  })

  it('inserted sections are titled from the registry', () => {
    const { text } = editPage('# Now\n', smallActivity(), { today: '2025-08-24' })
    for (const name of SECTION_NAMES) expect(text).toContain(`## ${SECTIONS[name].defaultTitle}\n`)
  })
})
