/**
 * An error the user can act on: what is wrong, where (file and line, or input name), and how to
 * fix it. The Action prints these as-is (with `core.error` annotations where a file is known) and
 * the CLI exits 2 with them; anything else is a bug and is reported with its stack.
 */
class NowPageError extends Error {
    name = 'NowPageError';
    /** Repository-relative file the problem is in, when there is one. */
    file;
    /** 1-based line number in `file`. */
    line;
    /** Action input (kebab-case) the problem comes from, when there is one. */
    input;
    /** How to fix it, one sentence. */
    hint;
    constructor(message, where = {}) {
        super(message);
        this.file = where.file;
        this.line = where.line;
        this.input = where.input;
        this.hint = where.hint;
    }
    /** One-line form used in logs and CLI output: `file:line: message. hint` */
    describe() {
        const place = this.file
            ? `${this.file}${this.line ? `:${this.line}` : ''}: `
            : this.input
                ? `input '${this.input}': `
                : '';
        return `${place}${this.message}${this.hint ? `. ${this.hint}` : ''}`;
    }
}
function isNowPageError(e) {
    return e instanceof NowPageError;
}

export { NowPageError as N, isNowPageError as i };
