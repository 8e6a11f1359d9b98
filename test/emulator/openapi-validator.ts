import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { Ajv, type ValidateFunction } from 'ajv'
import addFormats from 'ajv-formats'

/**
 * Checks the emulator's answers against GitHub's published OpenAPI description
 * (@octokit/openapi): api.github.com for plain paths, the newest GHES description for `/api/v3`
 * paths. Tests only: the 13 MB description and ajv never reach the bundle.
 */

interface Operation {
  responses?: Record<string, OpenApiResponse>
}
interface OpenApiResponse {
  $ref?: string
  content?: Record<string, { schema?: unknown }>
}
interface Spec {
  paths: Record<string, Record<string, Operation>>
  components: { responses: Record<string, OpenApiResponse>; schemas: Record<string, unknown> }
}

interface Template {
  path: string
  strict: RegExp
  loose: RegExp
  literals: number
}

interface Description {
  spec: Spec
  ajv: Ajv
  templates: Template[]
  compiled: Map<unknown, ValidateFunction>
}

const SCHEMAS = 'https://openapi.github.invalid/schemas/'
const BASIC_ERROR = { $ref: SCHEMAS + 'basic-error' }
const FILES = { dotcom: 'api.github.com.json', ghes: 'ghes-3.19.json' } as const
const descriptions = new Map<keyof typeof FILES, Description>()
const require = createRequire(import.meta.url)

function load(kind: keyof typeof FILES): Description {
  const cached = descriptions.get(kind)
  if (cached) return cached
  const file = require.resolve(`@octokit/openapi/generated/${FILES[kind]}`)
  const spec = JSON.parse(readFileSync(file, 'utf8')) as Spec
  // OpenAPI 3.0 schemas carry `example` and `x-github` keywords: not strict JSON Schema, and the
  // description is trusted, so its own validation is skipped.
  const ajv = new Ajv({
    strict: false,
    validateSchema: false,
    allErrors: false,
    inlineRefs: false,
    code: { optimize: false },
  })
  addFormats.default(ajv)
  // Each component on its own: ajv then compiles only what an answer's schema reaches.
  for (const [name, schema] of Object.entries(spec.components.schemas))
    ajv.addSchema({ ...(asJsonSchema(schema) as object), $id: SCHEMAS + name })
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  const templates = Object.keys(spec.paths).map((path) => {
    const parts = path.split(/\{[^}]+\}/).map(escape)
    return {
      path,
      strict: new RegExp(`^${parts.join('[^/]+')}$`),
      // `{path}` and `{ref}` take slashes (contents/a/b.md, git/ref/heads/x).
      loose: new RegExp(`^${parts.join('.+')}$`),
      literals: path.split('/').filter((s) => s && !s.startsWith('{')).length,
    }
  })
  const description = { spec, ajv, templates, compiled: new Map<unknown, ValidateFunction>() }
  descriptions.set(kind, description)
  return description
}

/** OpenAPI 3.0 as JSON Schema: `nullable: true` becomes "or null", component references
 * become absolute ids. */
function asJsonSchema(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(asJsonSchema)
  if (typeof node !== 'object' || node === null) return node
  const out: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(node)) {
    out[key] =
      key === '$ref' && typeof value === 'string' && value.startsWith('#/components/schemas/')
        ? SCHEMAS + value.slice('#/components/schemas/'.length)
        : asJsonSchema(value)
  }
  if (out.nullable !== true) return out
  delete out.nullable
  return { anyOf: [out, { type: 'null' }] }
}

function operationPath(d: Description, path: string): string | undefined {
  const best = (re: 'strict' | 'loose') =>
    d.templates.filter((t) => t[re].test(path)).sort((a, b) => b.literals - a.literals)[0]?.path
  return best('strict') ?? best('loose')
}

/** The mismatches between one answer and GitHub's description of it (empty when it fits). */
export function checkResponse(
  method: string,
  rawPath: string,
  status: number,
  body: unknown,
): string[] {
  const ghes = rawPath.startsWith('/api/v3/')
  const d = load(ghes ? 'ghes' : 'dotcom')
  const path = rawPath.replace(/^\/api\/v3(?=\/)/, '').replace(/\?.*$/, '')
  const where = `${method} ${rawPath} ${status}`
  const template = operationPath(d, path)
  const op = template ? d.spec.paths[template]?.[method.toLowerCase()] : undefined
  if (!template || !op) {
    // An unknown route: GitHub's 404 is its basic error.
    if (status !== 404) return [`${where}: no such operation in GitHub's description`]
    return validateAt(d, BASIC_ERROR, body, where)
  }
  // GitHub answers 401, 403 and 5xx on any operation without documenting each; their bodies are
  // GitHub's basic error.
  let response = op.responses?.[String(status)]
  if (!response) {
    if (status < 400) return [`${where}: status not documented for ${method} ${template}`]
    return validateAt(d, BASIC_ERROR, body, where)
  }
  if (response.$ref)
    response = d.spec.components.responses[response.$ref.split('/').pop() as string] ?? {}
  const content = response.content ?? {}
  const schema = (content['application/json'] ?? Object.values(content)[0])?.schema
  // Some errors are described as `oneOf` GitHub's basic error or its rule-violation error (409
  // of PUT contents). Neither excludes the other, so every error body GitHub sends fits both and
  // "exactly one" can never hold: for an error answer, fitting one alternative is what it means.
  const oneOf = (schema as { oneOf?: unknown[] } | undefined)?.oneOf
  if (schema && status >= 400 && oneOf) {
    const either = anyOfs.get(oneOf) ?? { anyOf: oneOf }
    anyOfs.set(oneOf, either)
    return validateAt(d, either, body, where)
  }
  if (schema) return validateAt(d, schema, body, where)
  if (status >= 400) return validateAt(d, BASIC_ERROR, body, where)
  return body === undefined || body === '' ? [] : [`${where}: expected no body`]
}

/** One schema object per `oneOf` read as `anyOf`, so its compiled validator is reused. */
const anyOfs = new Map<unknown[], { anyOf: unknown[] }>()

function validateAt(d: Description, schema: unknown, body: unknown, where: string): string[] {
  let validate = d.compiled.get(schema)
  if (!validate) {
    validate = d.ajv.compile(asJsonSchema(schema) as object)
    d.compiled.set(schema, validate)
  }
  if (validate(body)) return []
  return (validate.errors ?? []).map(
    (e) => `${where}: ${e.instancePath || '(body)'} ${e.message ?? ''} ${JSON.stringify(e.params)}`,
  )
}
