import { json, toml, yaml } from './delimited.js'
import type { MetadataBlock, MetadataFormat } from './format.js'
import { org, pelican, rstMeta } from './line-formats.js'

export type { FieldValue, MetadataBlock, MetadataFormat } from './format.js'

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
