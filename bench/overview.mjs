// The overview's figures at scale: `computeOverview` (src/lib/overview.ts) over the demo organization
// at 100,000 members, its groups and guests, read through the app's own schemas so every record has
// the shape the page hands it. Pure computation, so it runs in Node (Vite's module runner transforms
// the TypeScript in memory, as way-in.mjs does); no browser, no build.
//
// Reported: the first call (nothing compiled yet, as when the page first opens), then the median and
// p95 of `runs` further calls, each with another inactive threshold so no call repeats the last. Wall
// clock is the figure; the process's CPU time per call is printed beside it, since on a busy machine
// (load above the number of cores) the wall clock mostly measures the wait for a core.
//
//   node bench/overview.mjs --members 100000 --runs 30   (run.mjs calls measureOverview too)
import { fileURLToPath } from 'node:url'
import os from 'node:os'
import { performance } from 'node:perf_hooks'
import { runnerImport } from 'vite'
import { option } from '../scripts/lib/cli.mjs'

const root = fileURLToPath(new URL('..', import.meta.url))

async function importFromSrc(path) {
  const { module } = await runnerImport(fileURLToPath(new URL(`../src/${path}`, import.meta.url)), {
    root,
    configFile: false,
    logLevel: 'error',
  })
  return module
}

function percentile(values, p) {
  const sorted = values.toSorted((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]
}

/** Times computeOverview over the demo organization of `members` people. */
export async function measureOverview({ members = 100_000, runs = 30, log = () => {} } = {}) {
  const [
    { createDemoOrg },
    { parseMemberPage },
    { parseGroupPage },
    { parseGuestPage },
    { computeOverview },
  ] = await Promise.all([
    importFromSrc('demo/data.ts'),
    importFromSrc('api/members/schema.ts'),
    importFromSrc('api/groups/schema.ts'),
    importFromSrc('api/guests/schema.ts'),
    importFromSrc('lib/overview.ts'),
  ])
  const org = createDemoOrg({ members })
  const input = {
    members: parseMemberPage({ data: org.members }).items,
    groups: parseGroupPage({ data: org.groups }).items,
    guests: parseGuestPage({ data: org.guests }).items,
    now: Date.now(),
    inactiveDays: 90,
    complete: true,
  }
  const thresholds = [30, 60, 90, 180]
  const time = (inactiveDays) => {
    const cpuStart = process.cpuUsage()
    const start = performance.now()
    const figures = computeOverview({ ...input, inactiveDays })
    const ms = performance.now() - start
    const cpu = process.cpuUsage(cpuStart)
    return { ms, cpuMs: (cpu.user + cpu.system) / 1000, figures }
  }
  const loadAverageBefore = os.loadavg()[0]
  const first = time(90)
  const timings = []
  const cpuTimings = []
  for (let i = 0; i < runs; i++) {
    const { ms, cpuMs } = time(thresholds[i % thresholds.length])
    timings.push(ms)
    cpuTimings.push(cpuMs)
  }
  const result = {
    members: input.members.length,
    groups: input.groups.length,
    guests: input.guests.length,
    runs,
    firstMs: first.ms,
    medianMs: runs > 0 ? percentile(timings, 50) : null,
    p95Ms: runs > 0 ? percentile(timings, 95) : null,
    cpuMedianMs: runs > 0 ? percentile(cpuTimings, 50) : null,
    timings,
    cpuTimings,
    node: process.version,
    loadAverageBefore,
    loadAverageAfter: os.loadavg()[0],
    // What the figures were, so a run that measured nothing (an empty directory) shows.
    figures: {
      members: first.figures.members,
      seats: first.figures.seats,
      neverSignedIn: first.figures.neverSignedIn,
      inactive: first.figures.inactive,
    },
  }
  log(
    `  overview computation at ${result.members.toLocaleString('en-US')} members: first call ${result.firstMs.toFixed(1)} ms, ` +
      `then median ${result.medianMs?.toFixed(1)} / p95 ${result.p95Ms?.toFixed(1)} ms over ${runs} calls ` +
      `(CPU time median ${result.cpuMedianMs?.toFixed(1)} ms; Node ${process.version}, ` +
      `load average ${loadAverageBefore.toFixed(1)} on ${os.cpus().length} cores)`,
  )
  return result
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const result = await measureOverview({
    members: Number(option('members', '100000')),
    runs: Number(option('runs', '30')),
    log: console.log,
  })
  console.log(`  figures: ${JSON.stringify(result.figures)}`)
}
