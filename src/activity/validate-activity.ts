import schema from '../../schema/activity.schema.json' with { type: 'json' }
import { isIsoDate } from '../dates/calendar.js'
import { NowPageError } from '../errors.js'
import { schemaValidator } from '../json-schema/validator.js'
import type { Activity } from './types.js'

const HINT = 'See schema/activity.schema.json for the activity format'

const validate = schemaValidator<Activity>(schema, {
  root: '',
  hint: HINT,
  formats: {
    date: isIsoDate,
    'date-time': (v) => /^\d{4}-\d{2}-\d{2}T/.test(v) && !Number.isNaN(Date.parse(v)),
    // Links on the page: the web addresses GitHub gives, nothing else.
    uri: (v) => /^https?:\/\/\S+$/.test(v),
  },
})

/**
 * Checks an activity document (`now-page edit --activity`, the Action's `activity` output)
 * against schema/activity.schema.json, naming the first wrong field by its path
 * (`projects[0].commits[3].date: expected …`). The one rule a schema cannot state, a
 * `commitCount` below the commits listed, is checked after it.
 */
export function validateActivity(value: unknown, file?: string): Activity {
  const activity = validate(value, file)
  activity.projects.forEach((project, i) => {
    const listed = project.commits.length
    if (project.commitCount !== undefined && project.commitCount < listed) {
      throw new NowPageError(
        `projects[${i}].commitCount: expected an integer of at least ${listed} (the commits listed), got ${project.commitCount}`,
        { file, hint: HINT },
      )
    }
  })
  return activity
}
