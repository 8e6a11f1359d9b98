/**
 * Dates, in one place: recognising a written date, parsing it, writing another date in exactly
 * the same shape, and the calendar and time-zone math config, activity and page code share.
 */
export * from './calendar.js'
export { clockKnowsZone, confirmClockAnswers, dateInZone, isTimeZone, partsInZone } from './zone.js'
export { lookupMonth, lookupWeekday, namesFor, NAME_LOCALES } from './names.js'
export { findDate, findDates, inferNumericOrder, localeOrder } from './recognize.js'
export type { FindOptions, NumericOrder, WrittenDate } from './recognize.js'
export { writeShape, englishOrdinal } from './shape.js'
export type { Part } from './shape.js'
export { rewriteDate, rewriteValue } from './rewrite.js'
export type { ValueRewrite } from './rewrite.js'
export { isModificationKey, isModificationPath, isPlainDateKey, keyWords } from './field-names.js'
