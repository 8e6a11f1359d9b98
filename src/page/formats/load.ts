import { frontMatterKinds } from '../front-matter.js'
import type { FrontMatterKind } from './format.js'
import { hasParser, provideParsers, type Parsers } from './parsers.js'

// Each parser is a chunk of its own in the bundle: a page loads only the one it needs.
const loaders: { [K in FrontMatterKind]: () => Promise<Parsers[K]> } = {
  toml: () => import('./toml.js'),
  yaml: () => import('./yaml.js'),
  json: () => import('./json.js'),
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
