import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { configFromInputs, parseSince } from '../../src/config/index.js'
import { INPUT_DEFAULTS } from '../../src/config/input-defaults.js'
import { DEFAULT_DATE_FIELDS } from '../../src/page/types.js'

const action = parse(readFileSync(new URL('../../action.yml', import.meta.url), 'utf8')) as {
  inputs: Record<string, { default?: string }>
}
const yamlDefaults = Object.fromEntries(
  Object.entries(action.inputs).map(([name, input]) => [name, String(input.default ?? '')]),
)
const from = (values: Record<string, string>) => (name: string) => values[name] ?? ''

describe('input defaults: action.yml is the source', () => {
  it('the code has every input with the default action.yml states, value for value', () => {
    expect(INPUT_DEFAULTS).toEqual(yamlDefaults)
    expect(Object.keys(INPUT_DEFAULTS)).toEqual(Object.keys(yamlDefaults))
  })

  it('an input left empty means what writing its action.yml default means', async () => {
    // token's default is a runner expression; the runner puts a token there.
    const written = { ...yamlDefaults, token: 't' }
    expect(await configFromInputs(from({ token: 't' }), {})).toEqual(
      await configFromInputs(from(written), {}),
    )
  })

  it('the defaults the code applies are action.yml’s', async () => {
    const c = await configFromInputs(from({ token: 't' }), {})
    const d: Record<keyof typeof INPUT_DEFAULTS, string> = INPUT_DEFAULTS
    expect(c.maxItems).toBe(Number(d['max-items']))
    expect(c.edit.sections?.contributions?.maxItems).toBe(Number(d['max-items']))
    expect(c.apiTimeoutMinutes).toBe(Number(d['api-timeout-minutes']))
    expect(c.timeZone).toBe(d['time-zone'])
    expect(c.since).toEqual(parseSince(d.since))
    expect(c.edit.dateFields?.join(', ')).toBe(d['date-fields'])
    expect(c.edit.updateBodyDate).toBe(d['update-body-date'] === 'true')
    expect(c.edit.insert).toEqual({ at: d['insert-at'] })
    expect(c.publish).toMatchObject({
      branch: d.branch,
      title: d.title,
      commitMessage: d['commit-message'],
      onHumanEdit: d['on-human-edit'],
      draft: d.draft === 'true',
      dryRun: d['dry-run'] === 'true',
    })
    expect(
      Object.entries(c.edit.sections ?? {})
        .filter(([, s]) => s?.enabled)
        .map(([name]) => name)
        .join(', '),
    ).toBe(d.sections)
  })

  it('the page core’s own date-field default is action.yml’s', () => {
    expect(DEFAULT_DATE_FIELDS.join(', ')).toBe(INPUT_DEFAULTS['date-fields'])
  })
})
