import { frontMatterKinds } from './front-matter.js'
import type { FrontMatterKind } from './formats/format.js'
import { hasParser, provideParsers, type Parsers } from './formats/parsers.js'

/**
 * The page core as the Action loads it: one dynamic import, so that rollup puts the Markdown
 * parser, gray-matter, RE2 and the date recognisers in a chunk of their own; each front-matter
 * parser (TOML, YAML, JSON with comments) is a chunk of its own again, loaded by
 * {@link loadParsersFor} for the page at hand. Tests and the CLI import the modules directly and
 * provide every parser (formats/all.ts).
 */
export { editPage } from './edit-page.js'
export { liveMetadataDate } from './front-matter-dates.js'
export { warmUp } from './warm-up.js'

const loaders: { [K in FrontMatterKind]: () => Promise<Parsers[K]> } = {
  toml: () => import('./formats/toml.js'),
  yaml: () => import('./formats/yaml.js'),
  json: () => import('./formats/json.js'),
}

/** Loads the front-matter parsers a page's text needs (none for a page without front matter). */
export async function loadParsersFor(text: string): Promise<void> {
  await Promise.all(
    frontMatterKinds(text).map(async (kind) => provideParsers({ [kind]: await loaders[kind]() })),
  )
}

/** True when every parser the text needs is loaded (see loadParsersFor). */
export function parsersLoadedFor(text: string): boolean {
  return frontMatterKinds(text).every(hasParser)
}
