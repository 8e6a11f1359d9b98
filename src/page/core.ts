/**
 * The page core as the Action loads it: one dynamic import, so that rollup puts the Markdown
 * parser, gray-matter, RE2 and the date recognisers in a chunk of their own; each front-matter
 * parser (TOML, YAML, JSON with comments) is a chunk of its own again, loaded by loadParsersFor
 * for the page at hand (formats/load.ts). Tests and the CLI import the modules directly and
 * provide every parser (formats/all.ts).
 */
export { editPage } from './edit-page.js'
export { liveMetadataDate } from './front-matter-dates.js'
export { loadParsersFor, parsersLoadedFor } from './formats/load.js'
export { warmUp } from './warm-up.js'
