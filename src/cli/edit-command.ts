import { readFileSync, writeFileSync } from 'node:fs'
import { createTwoFilesPatch } from 'diff'
import { validateActivity } from '../activity/validate-activity.js'
import { configFromFile } from '../config/config-file.js'
import { todayIn } from '../config/index.js'
import { NowPageError } from '../errors.js'
import { editPage } from '../page/edit-page.js'
import { explainDates } from '../page/page-dates.js'
import type { EditOptions } from '../page/types.js'
import { parseCommandArgs } from './command-args.js'
import type { CommandIo } from './command-io.js'

export const EDIT = {
  name: 'edit',
  usage: `Usage: now-page edit --page FILE --activity FILE [--today YYYY-MM-DD] [--config FILE] [--write | --diff] [--explain]

Edits a Now page offline with the page core: the managed sections from the activity JSON, and the
dates when a section changed. Prints the new page (or with --diff a unified diff) on stdout.
  --page FILE       the page to edit (Markdown with optional TOML/YAML/JSON front matter)
  --activity FILE   activity JSON (schema/activity.schema.json)
  --today DATE      the date to write, YYYY-MM-DD (default: today in the config's time-zone)
  --config FILE     settings, with the Action's input names as keys (YAML or JSON)
  --write           edit the page file in place instead of printing it
  --diff            print a unified diff instead of the page (not with --write)
  --explain         also list on stderr each date moved (field or line, old -> new), as the PR
                    body does, or how to add one when the page has none`,
  options: {
    page: { type: 'string' },
    activity: { type: 'string' },
    today: { type: 'string' },
    config: { type: 'string' },
    write: { type: 'boolean', default: false },
    diff: { type: 'boolean', default: false },
    explain: { type: 'boolean', default: false },
  },
} as const

export async function editCommand(argv: string[], io: CommandIo): Promise<number> {
  const values = parseCommandArgs(EDIT, argv, io)
  if (!values) return 0
  if (!values.page || !values.activity) {
    throw new NowPageError('edit needs --page and --activity', { hint: EDIT.usage })
  }
  if (values.write && values.diff) {
    throw new NowPageError('--write and --diff do not go together', {
      hint: 'Use --diff to see the change, then --write to make it',
    })
  }
  const page = readText(values.page)
  const activity = validateActivity(
    parseJson(readText(values.activity), values.activity),
    values.activity,
  )
  const config = values.config ? await configFromFile(values.config) : undefined
  const options: EditOptions = {
    ...(config?.edit ?? {}),
    today: values.today ?? todayIn(config?.timeZone ?? 'UTC', new Date()),
    file: values.page,
  }
  const result = editPage(page, activity, options)
  for (const note of result.report.notes) {
    io.stderr(`${values.page}${note.line ? `:${note.line}` : ''}: note: ${note.message}\n`)
  }
  if (values.explain) {
    const moved = explainDates(result.report)
    io.stderr((moved.length > 0 ? moved : ['No date moved.']).join('\n') + '\n')
  }
  if (values.write) {
    if (result.changed) writeFileSync(values.page, result.text)
    io.stderr(result.changed ? `${values.page}: updated\n` : `${values.page}: nothing to change\n`)
  } else if (values.diff) {
    if (result.changed)
      io.stdout(createTwoFilesPatch(`a/${values.page}`, `b/${values.page}`, page, result.text))
  } else {
    io.stdout(result.text)
  }
  return 0
}

function readText(path: string): string {
  try {
    return readFileSync(path, 'utf8')
  } catch (e) {
    throw new NowPageError(
      `cannot read ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`,
      { hint: 'Check the path' },
    )
  }
}

function parseJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text)
  } catch (e) {
    throw new NowPageError(`invalid JSON: ${(e as Error).message}`, { file })
  }
}
