import { lineFields, pairs, topBlock, type MetadataFormat } from './format.js'

const ORG_LINE = /^#\+(?<key>[A-Za-z_][A-Za-z0-9_-]*):[ \t]*(?<value>.*)$/

/** Org-mode `#+title:`/`#+date:` keywords at the top of the file. */
export const org: MetadataFormat = {
  name: 'org',
  detect: (text) => topBlock(org, text, ORG_LINE, { blankInside: true, skip: /^#(?:\s|$)|^:/ }),
  fields: (text, block) =>
    lineFields(text, block, ORG_LINE).map((f) => ({ ...f, path: [`#+${f.key}`] })),
  data: (text, block) => pairs(lineFields(text, block, ORG_LINE), text),
}
