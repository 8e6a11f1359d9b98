// Kept so render-sections.ts keeps compiling; time-zone math lives in src/dates.
export { dateInZone } from '../dates/index.js'
