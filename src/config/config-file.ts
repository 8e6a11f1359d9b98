import { readFileSync } from 'node:fs'
import { parse as parseYaml } from 'yaml'
import { NowPageError } from '../errors.js'
import { configFromInputs, inputNames, type Config } from './index.js'

/** The CLI's settings file: the Action's inputs as keys, in YAML or JSON. */
export async function configFromFile(path: string): Promise<Config> {
  let data: unknown
  try {
    data = parseYaml(readFileSync(path, 'utf8')) ?? {}
  } catch (e) {
    throw new NowPageError(`cannot read settings: ${(e as Error).message.split('\n')[0]}`, {
      file: path,
    })
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new NowPageError('settings must be a mapping of input names to values', { file: path })
  }
  const values = data as Record<string, unknown>
  const known: string[] = inputNames()
  for (const key of Object.keys(values)) {
    if (!known.includes(key)) {
      const near = known.find((k) => distance(k, key) <= 2)
      throw new NowPageError(`unknown setting '${key}'`, {
        file: path,
        hint: near ? `Did you mean '${near}'?` : `Known settings: ${known.join(', ')}`,
      })
    }
  }
  return configFromInputs(
    (name) => {
      const v = values[name]
      if (v === undefined || v === null) return ''
      return Array.isArray(v) ? v.join('\n') : String(v)
    },
    {},
    { needsToken: false },
  )
}

function distance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)])
  for (let j = 1; j <= b.length; j++) (d[0] as number[])[j] = j
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const row = d[i] as number[]
      const prev = d[i - 1] as number[]
      row[j] = Math.min(
        (prev[j] as number) + 1,
        (row[j - 1] as number) + 1,
        (prev[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1),
      )
    }
  }
  return (d[a.length] as number[])[b.length] as number
}
