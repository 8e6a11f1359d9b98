import { afterEach } from 'vitest'
import { createClient, type Client } from '../../src/github/client.js'
import type { Logger } from '../../src/logging.js'
import { parseScenario, startEmulator, type Emulator } from '../../src/emulator/index.js'

export const TOKEN = 'test-token'
export const NOW = '2025-08-24T06:00:00Z'

const running: Emulator[] = []
afterEach(async () => {
  await Promise.all(running.splice(0).map((e) => e.close()))
})

/** Starts the emulator on a scenario given as plain JSON; closed after the test. */
export async function emulate(json: unknown, opts: { latencyMs?: number } = {}): Promise<Emulator> {
  const emulator = await startEmulator(parseScenario(json, 'test'), opts)
  running.push(emulator)
  return emulator
}

/** A client with the production plugins, its waits shortened so tests do not sleep. */
export function clientFor(
  url: string,
  log?: RecordingLogger,
  extra: { retryAfterBaseMs?: number; token?: string } = {},
): Client {
  return createClient({
    token: extra.token ?? TOKEN,
    baseUrl: url,
    retryBaseMs: 1,
    throttle: {
      retryAfterBaseMs: extra.retryAfterBaseMs ?? 1,
      searchMinTimeMs: 0,
      notificationsMinTimeMs: 0,
      maxRetryAfterSeconds: 60,
    },
    ...(log ? { log } : {}),
  })
}

export interface RecordingLogger extends Logger {
  lines: string[]
  warnings: string[]
}

export function recordingLogger(): RecordingLogger {
  const lines: string[] = []
  const warnings: string[] = []
  return {
    lines,
    warnings,
    debug: (m) => void lines.push(`debug: ${m}`),
    info: (m) => void lines.push(`info: ${m}`),
    warning: (m) => {
      warnings.push(m)
      lines.push(`warning: ${m}`)
    },
    group: async (name, fn) => {
      lines.push(`group: ${name}`)
      return fn()
    },
  }
}

/** Request lines answered 2xx more than once: each read must happen once per run. */
export function duplicateRequests(emulator: Emulator): string[] {
  const seen = new Map<string, number>()
  for (const r of emulator.requests) {
    if (r.status < 200 || r.status > 299) continue
    const key = `${r.method} ${r.path}`
    seen.set(key, (seen.get(key) ?? 0) + 1)
  }
  return [...seen].filter(([, n]) => n > 1).map(([k, n]) => `${k} x${n}`)
}

/** The `q` of every search request, decoded, in order. */
export function searchQueries(emulator: Emulator): string[] {
  return emulator.requests
    .filter((r) => r.path.includes('/search/issues'))
    .map((r) => new URL(r.path, 'http://x').searchParams.get('q') ?? '')
}

/** The most requests the emulator was serving at one moment, from its log's start times and durations. */
export function peakConcurrency(emulator: Emulator): number {
  const edges = emulator.requests.flatMap((r) => [
    { t: r.at, d: 1 },
    { t: r.at + r.ms, d: -1 },
  ])
  edges.sort((a, b) => a.t - b.t || a.d - b.d)
  let now = 0
  let peak = 0
  for (const e of edges) peak = Math.max(peak, (now += e.d))
  return peak
}
