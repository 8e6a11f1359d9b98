import { delimited } from './delimited.js'
import { addJson, jsonFields } from './json.js'
import { addToml, tomlFields } from './toml.js'
import { addYaml, yamlFields } from './yaml.js'
import type { MetadataBlock, MetadataFormat } from './format.js'
import { org } from './org.js'
import { pelican } from './pelican.js'
import { rstMeta } from './rst-meta.js'

export type { FieldValue, MetadataBlock, MetadataFormat } from './format.js'

const toml = delimited('toml', tomlFields, addToml)
const yaml = delimited('yaml', yamlFields, addYaml)
const json = delimited('json', jsonFields, addJson)

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
