import { NowPageError } from '../errors.js'
import type { Activity } from './types.js'
import { isIsoDate } from '../dates/calendar.js'

/**
 * Checks an activity document against the shape of schema/activity.schema.json, naming the
 * first wrong field by its path. Hand-written (not a schema validator) because the document is
 * small and a field path such as `projects[0].commits[3].date` is the whole message we need.
 */
export function validateActivity(value: unknown, file?: string): Activity {
  const fail = (path: string, expected: string, got: unknown): never => {
    throw new NowPageError(`${path}: expected ${expected}, got ${describe(got)}`, {
      file,
      hint: 'See schema/activity.schema.json for the activity format',
    })
  }
  const obj = (v: unknown, path: string, required: string[], allowed: string[]) => {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return fail(path, 'an object', v)
    const record = v as Record<string, unknown>
    for (const key of required) {
      if (!(key in record)) fail(`${path}.${key}`, 'a value (the field is required)', undefined)
    }
    for (const key of Object.keys(record)) {
      if (!allowed.includes(key))
        fail(`${path}.${key}`, `one of the fields ${allowed.join(', ')}`, key)
    }
    return record
  }
  const str = (v: unknown, path: string, check?: (s: string) => boolean, what = 'a string') => {
    if (typeof v !== 'string' || (check && !check(v))) fail(path, what, v)
  }
  const arr = (v: unknown, path: string): unknown[] => {
    if (!Array.isArray(v)) return fail(path, 'an array', v)
    return v
  }
  const repo = (s: string) => /^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/.test(s)
  const instant = (s: string) => /^\d{4}-\d{2}-\d{2}T/.test(s) && !Number.isNaN(Date.parse(s))
  const url = (s: string) => /^https?:\/\//.test(s)
  const paths = (v: unknown, path: string) => {
    if (v === undefined) return
    arr(v, path).forEach((p, i) => str(p, `${path}[${i}]`))
  }

  const root = obj(
    value,
    'activity',
    ['pullRequests', 'projects'],
    ['since', 'pullRequests', 'projects'],
  )
  if (root.since !== undefined) {
    str(root.since, 'activity.since', isIsoDate, 'a date YYYY-MM-DD')
  }
  arr(root.pullRequests, 'activity.pullRequests').forEach((pr, i) => {
    const p = `pullRequests[${i}]`
    const r = obj(
      pr,
      p,
      ['repo', 'number', 'title', 'url', 'mergedAt'],
      ['repo', 'number', 'title', 'url', 'mergedAt', 'firstContribution'],
    )
    str(r.repo, `${p}.repo`, repo, 'owner/name')
    if (!Number.isInteger(r.number) || (r.number as number) < 1)
      fail(`${p}.number`, 'a positive integer', r.number)
    str(r.title, `${p}.title`)
    str(r.url, `${p}.url`, url, 'an http(s) URL')
    str(r.mergedAt, `${p}.mergedAt`, instant, 'an ISO 8601 date-time')
    if (r.firstContribution !== undefined && typeof r.firstContribution !== 'boolean') {
      fail(`${p}.firstContribution`, 'true or false', r.firstContribution)
    }
  })
  arr(root.projects, 'activity.projects').forEach((project, i) => {
    const p = `projects[${i}]`
    const r = obj(
      project,
      p,
      ['repo', 'url', 'commits'],
      ['repo', 'url', 'paths', 'languages', 'progressPattern', 'commits', 'commitCount'],
    )
    str(r.repo, `${p}.repo`, repo, 'owner/name')
    str(r.url, `${p}.url`, url, 'an http(s) URL')
    paths(r.paths, `${p}.paths`)
    if (r.progressPattern !== undefined) str(r.progressPattern, `${p}.progressPattern`)
    if (r.languages !== undefined) {
      const langs = obj(r.languages, `${p}.languages`, [], Object.keys(r.languages as object))
      for (const [k, v] of Object.entries(langs)) {
        if (typeof v !== 'number') fail(`${p}.languages.${k}`, 'a number of bytes', v)
      }
    }
    const listed = arr(r.commits, `${p}.commits`)
    if (
      r.commitCount !== undefined &&
      (!Number.isInteger(r.commitCount) || (r.commitCount as number) < listed.length)
    ) {
      fail(
        `${p}.commitCount`,
        `an integer of at least ${listed.length} (the commits listed)`,
        r.commitCount,
      )
    }
    listed.forEach((commit, j) => {
      const c = `${p}.commits[${j}]`
      const rc = obj(
        commit,
        c,
        ['sha', 'message', 'date', 'url'],
        ['sha', 'message', 'date', 'url', 'paths'],
      )
      str(rc.sha, `${c}.sha`)
      str(rc.message, `${c}.message`)
      str(rc.date, `${c}.date`, instant, 'an ISO 8601 date-time')
      str(rc.url, `${c}.url`, url, 'an http(s) URL')
      paths(rc.paths, `${c}.paths`)
    })
  })
  return value as Activity
}

function describe(v: unknown): string {
  if (v === undefined) return 'nothing'
  const json = JSON.stringify(v)
  return json.length > 60 ? `${json.slice(0, 57)}...` : json
}
