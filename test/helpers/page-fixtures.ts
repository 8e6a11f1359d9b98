import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { Activity } from '../../src/activity/types.js'

export const fixturePath = (rel: string): string =>
  fileURLToPath(new URL(`../fixtures/${rel}`, import.meta.url))

export const readFixture = (rel: string): string => readFileSync(fixturePath(rel), 'utf8')

export const smallActivity = (): Activity =>
  JSON.parse(readFixture('activity/small.json')) as Activity

export const emptyActivity = (): Activity => ({ pullRequests: [], projects: [] })

/** A real Hugo Now page, byte for byte (see test/fixtures/reference/README.md for provenance). */
export const referencePagePath = fixturePath('reference/now.md')
