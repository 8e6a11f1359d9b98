// @iarna/toml ships no types for its parser class; the members used to learn value offsets.
declare module '@iarna/toml/lib/toml-parser.js' {
  class TOMLParser {
    pos: number
    parse(input: string): void
    finish(): Record<string, unknown>
    parseValue(): unknown
    recordAssignValue(value: unknown): unknown
    recordInlineListValue(value: unknown): unknown
  }
  export default TOMLParser
}
