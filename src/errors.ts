/**
 * An error the user can act on: what is wrong, where (file and line, or input name), and how to
 * fix it. The Action prints these as-is (with `core.error` annotations where a file is known) and
 * the CLI exits 2 with them; anything else is a bug and is reported with its stack.
 */
export class NowPageError extends Error {
  override readonly name = 'NowPageError'
  /** Repository-relative file the problem is in, when there is one. */
  readonly file: string | undefined
  /** 1-based line number in `file`. */
  readonly line: number | undefined
  /** Action input (kebab-case) the problem comes from, when there is one. */
  readonly input: string | undefined
  /** How to fix it, one sentence. */
  readonly hint: string | undefined

  constructor(
    message: string,
    where: { file?: string; line?: number; input?: string; hint?: string } = {},
  ) {
    super(message)
    this.file = where.file
    this.line = where.line
    this.input = where.input
    this.hint = where.hint
  }

  /** One-line form used in logs and CLI output: `file:line: message. hint` */
  describe(): string {
    const place = this.file
      ? `${this.file}${this.line ? `:${this.line}` : ''}: `
      : this.input
        ? `input '${this.input}': `
        : ''
    return `${place}${this.message}${this.hint ? `. ${this.hint}` : ''}`
  }
}

export function isNowPageError(e: unknown): e is NowPageError {
  return e instanceof NowPageError
}
