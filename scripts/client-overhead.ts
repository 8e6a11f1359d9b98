// npm run bench:client [-- 200]: the client's own cost per request (retry and throttling
// plugins, the request hook) against plain @octokit/rest, sequential requests to the emulator
// with no injected latency; wall and CPU per request, median of 5 rounds. The emulator runs in
// this process, equally for both clients.
import { Octokit } from '@octokit/rest'
import { createClient } from '../src/github/client.js'
import { parseScenario, startEmulator } from '../src/emulator/index.js'

/** Wall and CPU ms per sequential request, plain @octokit/rest against the Action's client. */
export async function measureClientOverhead(n: number) {
  const em = await startEmulator(
    parseScenario({
      now: '2025-08-24T06:00:00Z',
      tokens: { t: { login: 'someone' } },
      repos: [{ fullName: 'someone/side', files: { 'a.md': 'x' } }],
    }),
  )
  const clients = {
    '@octokit/rest': new Octokit({ auth: 't', baseUrl: em.url }),
    'the Action': createClient({ token: 't', baseUrl: em.url }),
  }
  const results: Record<string, { wall: number[]; cpu: number[] }> = {}
  for (let round = 0; round < 6; round++) {
    for (const [name, client] of Object.entries(clients)) {
      const t = performance.now()
      const cpu = process.cpuUsage()
      for (let i = 0; i < n; i++) await client.rest.repos.get({ owner: 'someone', repo: 'side' })
      const used = process.cpuUsage(cpu)
      // Round 0 warms both up.
      if (round === 0) continue
      const r = (results[name] ??= { wall: [], cpu: [] })
      r.wall.push((performance.now() - t) / n)
      r.cpu.push((used.user + used.system) / 1000 / n)
    }
  }
  await em.close()
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1] as number
  const [base, ours] = Object.values(results) as Array<{ wall: number[]; cpu: number[] }>
  const round = (x: number) => Math.round(x * 100) / 100
  return {
    requests: n,
    plainWallMs: round(median(base?.wall ?? [])),
    plainCpuMs: round(median(base?.cpu ?? [])),
    actionWallMs: round(median(ours?.wall ?? [])),
    actionCpuMs: round(median(ours?.cpu ?? [])),
    overheadWallMs: round(median(ours?.wall ?? []) - median(base?.wall ?? [])),
    overheadCpuMs: round(median(ours?.cpu ?? []) - median(base?.cpu ?? [])),
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = await measureClientOverhead(Number(process.argv[2] ?? 100))
  console.log(
    `@octokit/rest ${r.plainWallMs} ms wall, ${r.plainCpuMs} ms CPU a request; the Action's client ${r.actionWallMs} ms, ${r.actionCpuMs} ms; overhead ${r.overheadWallMs} ms wall, ${r.overheadCpuMs} ms CPU (${r.requests} sequential requests, median of 5 rounds)`,
  )
}
