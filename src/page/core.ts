/**
 * The page core as the Action loads it: one dynamic import, so that rollup puts the parsers
 * (TOML, YAML, JSON with comments, gray-matter), the Markdown parser, RE2 and the date
 * recognisers in a chunk of their own. The Action starts loading it at job start, beside its
 * first reads, and awaits it when it edits. Tests and the CLI import the modules directly.
 */
export { editPage } from './edit-page.js'
export { liveMetadataDate } from './front-matter-dates.js'
export { warmUp } from './warm-up.js'
