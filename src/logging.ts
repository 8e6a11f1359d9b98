/**
 * Where the layers write their progress. The Action passes @actions/core's log (so `group` folds
 * in the runner's log); tests pass a recorder. Its own module so that no layer imports another
 * just for the type.
 */
export interface Logger {
  debug(message: string): void
  info(message: string): void
  warning(message: string): void
  group<T>(name: string, fn: () => Promise<T>): Promise<T>
}
