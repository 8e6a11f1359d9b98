import { describe, expect, it } from 'vitest'
import { groupedLogger, type LogSink } from '../../src/logging.js'

function recorder(): LogSink & { lines: string[] } {
  const lines: string[] = []
  return {
    lines,
    debug: (m) => lines.push(`debug ${m}`),
    info: (m) => lines.push(m),
    warning: (m) => lines.push(`warning ${m}`),
    startGroup: (name) => lines.push(`::group::${name}`),
    endGroup: () => lines.push('::endgroup::'),
  }
}

/** A promise the test resolves when it wants, to interleave two groups step by step. */
function gate(): { open: () => void; passed: Promise<void> } {
  let open!: () => void
  const passed = new Promise<void>((resolve) => (open = resolve))
  return { open, passed }
}

describe('log groups that run at the same time', () => {
  it('print each group whole, in the order they end, whatever order their lines came in', async () => {
    const sink = recorder()
    const log = groupedLogger(sink)
    const [a1, b1, a2] = [gate(), gate(), gate()]
    const page = log.group('Reading the page', async () => {
      log.info('page: asked')
      await a1.passed
      log.debug('page: GET -> 200')
      await a2.passed
      log.info('page: read')
      return 'page'
    })
    const activity = log.group('Reading the activity', async () => {
      log.info('activity: asked')
      await b1.passed
      // Lines logged from promises the group started (a client's request hooks) are its own.
      await Promise.all([1, 2].map(async (n) => log.warning(`activity: project ${n}`)))
      return 'activity'
    })
    log.info('outside any group')
    a1.open()
    await Promise.resolve()
    b1.open()
    expect(await activity).toBe('activity')
    a2.open()
    expect(await page).toBe('page')
    expect(sink.lines).toEqual([
      'outside any group',
      '::group::Reading the activity',
      'activity: asked',
      'warning activity: project 1',
      'warning activity: project 2',
      '::endgroup::',
      '::group::Reading the page',
      'page: asked',
      'debug page: GET -> 200',
      'page: read',
      '::endgroup::',
    ])
  })

  it('prints a failed group too, then passes its error on', async () => {
    const sink = recorder()
    const log = groupedLogger(sink)
    const failed = log.group('Reading', async () => {
      log.info('before the failure')
      await Promise.resolve()
      throw new Error('boom')
    })
    await expect(failed).rejects.toThrow('boom')
    expect(sink.lines).toEqual(['::group::Reading', 'before the failure', '::endgroup::'])
  })

  it('folds a group inside a group into the outer one, and prints late lines at once', async () => {
    const sink = recorder()
    const log = groupedLogger(sink)
    let late!: Promise<void>
    await log.group('Outer', async () => {
      await log.group('Inner', async () => log.info('inner line'))
      // Left running by the group, as an unawaited request would be: still in its context.
      late = new Promise((resolve) => setTimeout(resolve, 0)).then(() =>
        log.info('after the group printed'),
      )
    })
    await late
    expect(sink.lines).toEqual([
      '::group::Outer',
      'Inner',
      'inner line',
      '::endgroup::',
      'after the group printed',
    ])
  })
})
