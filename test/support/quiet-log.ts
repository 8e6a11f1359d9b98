/** An Octokit `log` for tests: the emulator's expected 4xx answers are not news worth printing
 * (a failing assertion says what went wrong). */
const ignore = () => {}
export const quietLog = { debug: ignore, info: ignore, warn: ignore, error: ignore }
