import type * as Json from './json.js'
import type * as Toml from './toml.js'
import type * as Yaml from './yaml.js'
import type { FrontMatterKind } from './format.js'

/** The front-matter parsers, by kind: @iarna/toml, yaml and jsonc-parser behind each. */
export interface Parsers {
  toml: typeof Toml
  yaml: typeof Yaml
  json: typeof Json
}

const provided: Partial<Parsers> = {}

/**
 * Makes parsers available to the page core. The Action loads only the ones its page needs
 * (formats/load.ts's loadParsersFor: yaml alone is ~240 KB, a third of the page core's code);
 * the CLI, the scripts and the tests provide all of them (formats/all.ts).
 */
export function provideParsers(parsers: Partial<Parsers>): void {
  Object.assign(provided, parsers)
}

export function hasParser(kind: FrontMatterKind): boolean {
  return provided[kind] !== undefined
}

/** The parser for a kind of front matter; a caller that did not load it is a bug. */
export function parserFor<K extends FrontMatterKind>(kind: K): Parsers[K] {
  const parser = provided[kind]
  if (!parser) {
    throw new Error(
      `the ${kind.toUpperCase()} front-matter parser is not loaded: await loadParsersFor(text) (page/formats/load.ts) or import page/formats/all.js first`,
    )
  }
  return parser
}
