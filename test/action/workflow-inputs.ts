import { readFileSync } from 'node:fs'
import { parse } from 'yaml'

export interface ExampleWorkflow {
  on: { workflow_dispatch?: { inputs?: Record<string, { type?: string; default?: unknown }> } }
  jobs: { refresh: { steps: Array<{ uses?: string; with?: Record<string, unknown> }> } }
}

/** examples/NAME.yml, parsed. */
export function exampleWorkflow(name: string): ExampleWorkflow {
  const url = new URL(`../../examples/${name}.yml`, import.meta.url)
  return parse(readFileSync(url, 'utf8')) as ExampleWorkflow
}

/** The Action step's `with:` values, as written. */
export function actionStepWith(workflow: ExampleWorkflow): Record<string, unknown> {
  const step = workflow.jobs.refresh.steps.find((s) => s.uses?.startsWith('now-page-action/'))
  if (!step?.with) throw new Error('the example has no now-page-action step with inputs')
  return step.with
}

const EXPRESSION = /^\$\{\{\s*inputs\.([\w-]+)\s*\|\|\s*(?:'([^']*)'|(true|false|\d+))\s*\}\}$/

/**
 * The inputs the runner passes the Action for a run with these workflow_dispatch inputs (a
 * scheduled run has none), evaluating the one expression form the examples use,
 * `${{ inputs.NAME || DEFAULT }}`, as GitHub does (`||` takes the default for '', false, null).
 * Any other expression throws, so the examples stay in a form this test understands.
 */
export function evaluateWith(
  values: Record<string, unknown>,
  inputs: Record<string, string | boolean> = {},
): Record<string, string> {
  return Object.fromEntries(
    Object.entries(values).map(([name, value]) => {
      const text = String(value)
      if (!text.includes('${{')) return [name, text]
      const m = EXPRESSION.exec(text.trim())
      if (!m) throw new Error(`with.${name}: unsupported expression ${text}`)
      const given = inputs[m[1]!]
      return [
        name,
        given === undefined || given === '' || given === false ? (m[2] ?? m[3]!) : String(given),
      ]
    }),
  )
}
