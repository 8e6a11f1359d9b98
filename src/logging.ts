import { AsyncLocalStorage } from 'node:async_hooks'

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

/** Where a grouped log finally prints: @actions/core's functions, or a recorder in tests. */
export interface LogSink {
  debug(message: string): void
  info(message: string): void
  warning(message: string): void
  startGroup(name: string): void
  endGroup(): void
}

/**
 * A Logger whose groups may run at the same time without their lines mixing. The runner's log
 * has one open group at a time, so a group started while another is still reading would swallow
 * the other's lines. Each group's lines are kept (through the async calls its function makes,
 * request logs included) and printed as one block when it ends, even when it fails; lines outside
 * any group print at once. A group inside a group prints its name as a line of the outer one.
 */
export function groupedLogger(sink: LogSink): Logger {
  const open = new AsyncLocalStorage<{ lines: Array<() => void>; done: boolean }>()
  // A line logged in a group's context after it printed (a request it left running) prints at once.
  const emit = (line: () => void) => {
    const group = open.getStore()
    if (group && !group.done) group.lines.push(line)
    else line()
  }
  return {
    debug: (m) => emit(() => sink.debug(m)),
    info: (m) => emit(() => sink.info(m)),
    warning: (m) => emit(() => sink.warning(m)),
    group: async (name, fn) => {
      const outer = open.getStore()
      if (outer && !outer.done) {
        outer.lines.push(() => sink.info(name))
        return fn()
      }
      const group = { lines: [] as Array<() => void>, done: false }
      try {
        return await open.run(group, fn)
      } finally {
        group.done = true
        sink.startGroup(name)
        for (const line of group.lines) line()
        sink.endGroup()
      }
    },
  }
}
