import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { Activity } from '../../src/activity/types.js'

export const fixturePath = (rel: string): string =>
  fileURLToPath(new URL(`../fixtures/${rel}`, import.meta.url))

export const readFixture = (rel: string): string => readFileSync(fixturePath(rel), 'utf8')

export const smallActivity = (): Activity =>
  JSON.parse(readFixture('activity/small.json')) as Activity

export const emptyActivity = (): Activity => ({ pullRequests: [], projects: [] })

export const referencePagePath = fileURLToPath(
  new URL('../../../shared/reference/now.md', import.meta.url),
)
