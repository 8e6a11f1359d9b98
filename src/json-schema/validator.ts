import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js'
import { NowPageError } from '../errors.js'

/**
 * The JSON Schemas in schema/ are the one definition of the documents the project reads (an
 * activity, a scenario): compiled with ajv, and the first error told as `path: expected what,
 * got value`, with the path written as in JavaScript (`repos[0].pulls[1].state`).
 */
export interface SchemaOptions {
  /** The path's first word (`scenario`), or '' to start at the first field (`pullRequests[0]`). */
  root: string
  hint: string
  /** The formats the schema uses: no formats package in the bundle for three small checks. */
  formats: Record<string, (value: string) => boolean>
}

/** A validator compiled on first use, so a command that never reads such a document never pays
 * for compiling its schema. */
export function schemaValidator<T>(
  schema: object,
  options: SchemaOptions,
): (json: unknown, file?: string) => T {
  let compiled: ValidateFunction | undefined
  return (json, file) => {
    compiled ??= compile(schema, options)
    if (compiled(json)) return json as T
    const first = (compiled.errors ?? []).find((e) => e.keyword !== 'if')
    const message = first
      ? describeError(first, json, options.root)
      : `${options.root || 'document'}: does not match its schema`
    throw new NowPageError(message, { file, hint: options.hint })
  }
}

function compile(schema: object, options: SchemaOptions): ValidateFunction {
  const ajv = new Ajv2020({ allErrors: false, strict: true, verbose: true })
  for (const [name, check] of Object.entries(options.formats)) ajv.addFormat(name, check)
  return ajv.compile(schema)
}

const unescapePointer = (s: string) => s.replace(/~1/g, '/').replace(/~0/g, '~')

/** The first error of a document against its schema, as `path: expected what, got value`. */
function describeError(e: ErrorObject, data: unknown, root: string): string {
  const parts = e.instancePath.split('/').slice(1).map(unescapePointer)
  let path = root
  for (const part of parts) path += /^\d+$/.test(part) ? `[${part}]` : path ? `.${part}` : part
  const field = (name: unknown) => (path ? `${path}.${String(name)}` : String(name))
  const value = parts.reduce<unknown>(
    (v, k) => (v as Record<string, unknown> | undefined)?.[k],
    data,
  )
  const schema = e.parentSchema as { title?: string; description?: string } | undefined
  const got = `, got ${JSON.stringify(value) ?? 'nothing'}`
  const p = e.params as Record<string, unknown>
  const where = path || 'the document'
  switch (e.keyword) {
    case 'required':
      return `${field(p.missingProperty)}: expected a value (required)`
    case 'additionalProperties': {
      const known = Object.keys((e.parentSchema as { properties?: object }).properties ?? {})
      return `${field(p.additionalProperty)}: expected no such field (known: ${known.join(', ')})`
    }
    case 'enum':
      return `${where}: expected one of ${(p.allowedValues as unknown[]).join(', ')}${got}`
    case 'const':
      return `${where}: expected ${schema?.description ?? JSON.stringify(p.allowedValue)}${got}`
    case 'minProperties':
      return `${where}: expected ${schema?.title ?? `at least ${String(p.limit)} entries`}${got}`
    case 'minimum':
      return `${where}: expected ${schema?.title ?? `at least ${String(p.limit)}`}${got}`
    case 'format':
    case 'pattern':
      return `${where}: expected ${schema?.title ?? e.message ?? 'another value'}${got}`
    case 'type':
      return `${where}: expected ${String(p.type)}${schema?.title ? ` (${schema.title})` : ''}${got}`
    default:
      return `${where}: ${e.message ?? 'is not valid'}${got}`
  }
}
