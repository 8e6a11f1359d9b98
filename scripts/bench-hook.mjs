// Loaded into the Action's process by the bench (NODE_OPTIONS=--import): at exit it writes the
// process's CPU time, peak RSS (sampled every 10 ms) and live heap after a full GC to
// $NOW_PAGE_BENCH_STATS.
import { writeFileSync } from 'node:fs'
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'

setFlagsFromString('--expose-gc')
const gc = runInNewContext('gc')
let peakLiveHeap = 0
// Sampled: getrusage's maxRSS would report the bench's own high-water mark, which Linux carries
// into a child across fork and exec.
let peakRss = process.memoryUsage.rss()
setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage.rss())
}, 10).unref()
process.on('exit', () => {
  gc()
  const cpu = process.cpuUsage()
  writeFileSync(
    process.env.NOW_PAGE_BENCH_STATS,
    JSON.stringify({
      cpuMs: (cpu.user + cpu.system) / 1000,
      peakRssMb: Math.max(peakRss, process.memoryUsage.rss()) / 1048576,
      liveHeapMb: process.memoryUsage().heapUsed / 1048576,
      peakLiveHeapMb: Math.max(peakLiveHeap, process.memoryUsage().heapUsed) / 1048576,
    }),
  )
})
// Live heap while the run holds its data, when asked: a full GC every 250 ms (which costs CPU,
// so the bench samples it in runs of its own).
if (process.env.NOW_PAGE_BENCH_HEAP)
  setInterval(() => {
    gc()
    peakLiveHeap = Math.max(peakLiveHeap, process.memoryUsage().heapUsed)
  }, 250).unref()
