import { delimited } from './delimited.js'
import { parserFor } from './parsers.js'
import type { MetadataBlock, MetadataFormat } from './format.js'
import { org } from './org.js'
import { pelican } from './pelican.js'
import { rstMeta } from './rst-meta.js'

export type { FieldValue, MetadataBlock, MetadataFormat } from './format.js'

// Each parser is looked up when used: the Action loads only the one its page needs.
const toml = delimited(
  'toml',
  (text, fm) => parserFor('toml').tomlFields(text, fm),
  (...a) => parserFor('toml').addToml(...a),
)
const yaml = delimited(
  'yaml',
  (text, fm) => parserFor('yaml').yamlFields(text, fm),
  (...a) => parserFor('yaml').addYaml(...a),
)
const json = delimited(
  'json',
  (text, fm) => parserFor('json').jsonFields(text, fm),
  (...a) => parserFor('json').addJson(...a),
)

/** Every metadata format a page may open with, most specific first. */
export const FORMATS: readonly MetadataFormat[] = [toml, yaml, json, org, rstMeta, pelican]

/** The page's metadata block, if it has one. */
export function detectMetadata(text: string, file?: string): MetadataBlock | null {
  for (const format of FORMATS) {
    const block = format.detect(text, file)
    if (block) return block
  }
  return null
}
