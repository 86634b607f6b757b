// Before/after in one run: two production builds served side by side, measured alternately in the
// same browser, so a busy machine slows both alike. Measures sort clicks (Name flipped, then a first
// click on Email) in the browser demo at each size, and optionally the way in over HTTP (way-in.mjs).
//
//   node bench/compare-builds.mjs --a dist-before --b dist-after --sizes 10000,100000 --rounds 3 \
//     --port 6593 [--way-in-runs 3 --http-port 6591 --api-port 6592]
//
// Both folders must already be built (e.g. `git archive <commit> | tar -x -C /tmp/x` and build there).
import os from 'node:os'
import { preview } from 'vite'
import { option } from '../scripts/lib/cli.mjs'
import { launchChromium } from '../scripts/lib/preview-server.mjs'
import { installProbe } from './page-probe.mjs'
import { measureWayIn } from './way-in.mjs'

const builds = { a: option('a', 'dist-before'), b: option('b', 'dist') }
const sizes = option('sizes', '10000,100000').split(',').map(Number)
const rounds = Number(option('rounds', '3'))
const port = Number(option('port', '6593'))
const wayInRuns = Number(option('way-in-runs', '0'))
const httpPort = Number(option('http-port', '6591'))
const apiPort = Number(option('api-port', '6592'))

const median = (v) => {
  const s = v.filter(Number.isFinite).toSorted((x, y) => x - y)
  return s.length ? s[Math.floor((s.length - 1) / 2)] : null
}
const p95 = (v) => {
  const s = v.filter(Number.isFinite).toSorted((x, y) => x - y)
  return s.length ? s[Math.min(s.length - 1, Math.ceil(0.95 * s.length) - 1)] : null
}

async function settle(page) {
  await page.waitForFunction(
    () => {
      const c = window.rosterBench.current
      if (!c || c.start === null || c.paintedAt === null) return false
      return performance.now() - Math.max(c.start, window.rosterBench.lastResultMutationAt) > 300
    },
    undefined,
    { timeout: 120_000, polling: 50 },
  )
  return page.evaluate(() => window.rosterBench.current.paintedAt - window.rosterBench.current.start)
}

async function sortRun(browser, baseURL, size) {
  const context = await browser.newContext({
    baseURL,
    viewport: { width: 1440, height: 900 },
    locale: 'en-US',
  })
  await context.addInitScript((n) => localStorage.setItem('roster.demo.members', String(n)), size)
  await context.addInitScript(installProbe, size)
  const page = await context.newPage()
  const load = os.loadavg()[0]
  try {
    await page.goto('/sign-in')
    await page.getByRole('button', { name: 'Explore the demo organization' }).click()
    await page.waitForFunction(() => window.rosterBench.completeAt !== null, undefined, {
      timeout: 600_000,
      polling: 200,
    })
    await page.evaluate(() => window.rosterBench.observeResults(document.querySelector('input')))
    const header = (name) => page.getByRole('columnheader').getByRole('button', { name })
    const flips = []
    for (let i = 0; i < 4; i++) {
      await page.evaluate(() => window.rosterBench.arm('sort'))
      await header(/^Name/).click()
      flips.push(await settle(page))
    }
    await page.evaluate(() => window.rosterBench.arm('sort'))
    await header(/^Email/).click()
    const first = await settle(page)
    return { flips, first, load }
  } finally {
    await context.close()
  }
}

async function main() {
  const servers = {}
  const browser = await launchChromium()
  const results = { a: {}, b: {} }
  try {
    let p = port
    for (const [key, outDir] of Object.entries(builds)) {
      servers[key] = await preview({
        logLevel: 'warn',
        build: { outDir },
        preview: { host: '127.0.0.1', port: p, strictPort: true, open: false },
      })
      servers[key].baseURL = `http://127.0.0.1:${p}`
      p++
    }
    for (const size of sizes) {
      for (let round = 0; round < rounds; round++) {
        // Alternate which build goes first, so neither always meets the same moment of load.
        for (const key of round % 2 === 0 ? ['a', 'b'] : ['b', 'a']) {
          const r = await sortRun(browser, servers[key].baseURL, size)
          ;(results[key][size] ??= []).push(r)
          console.log(
            `${key} (${builds[key]}) ${size}: flips ${r.flips.map((v) => v.toFixed(0)).join('/')} ms, ` +
              `first Email ${r.first.toFixed(0)} ms (load average ${r.load.toFixed(1)})`,
          )
        }
      }
    }
    const wayIn = {}
    for (let round = 0; round < wayInRuns; round++) {
      for (const key of round % 2 === 0 ? ['a', 'b'] : ['b', 'a']) {
        const r = await measureWayIn({
          browser,
          outDir: builds[key],
          httpPort,
          apiPort,
          members: 10000,
          runs: 1,
          log: (line) => console.log(`${key} ${line}`),
        })
        ;(wayIn[key] ??= []).push(...r.runs)
      }
    }
    console.log('\nmedian / p95 (ms), same run, alternating builds')
    for (const size of sizes) {
      for (const key of ['a', 'b']) {
        const runs = results[key][size] ?? []
        const flips = runs.flatMap((r) => r.flips)
        const firsts = runs.map((r) => r.first)
        const loads = runs.map((r) => r.load)
        console.log(
          `  ${size} ${key} ${builds[key].padEnd(24)} sort flip ${median(flips)?.toFixed(1)} / ${p95(flips)?.toFixed(1)} (n=${flips.length}), ` +
            `first click on a column ${median(firsts)?.toFixed(1)} / ${p95(firsts)?.toFixed(1)}; load ${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)}`,
        )
      }
    }
    for (const key of Object.keys(wayIn)) {
      const ok = wayIn[key].filter((r) => !r.error)
      console.log(
        `  way in ${key} ${builds[key].padEnd(24)} ${median(ok.map((r) => r.wayIn))?.toFixed(1)} / ${p95(ok.map((r) => r.wayIn))?.toFixed(1)} ` +
          `(submit → first row ${median(ok.map((r) => r.submitToFirstRow))?.toFixed(1)}, form ${median(ok.map((r) => r.formReady))?.toFixed(1)}, ` +
          `wall clock ${median(ok.map((r) => r.wallClock))?.toFixed(1)}; n=${ok.length})`,
      )
    }
  } finally {
    await browser.close()
    for (const s of Object.values(servers)) await s.close()
  }
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
