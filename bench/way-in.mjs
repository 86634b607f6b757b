// The way in, as a new person meets it over HTTP: open Roster (cold: a fresh browser context, nothing
// cached), wait for the sign-in form, type an organization ID and a token, press Sign in, and wait
// for the first member row. The app talks to the demo organization's real HTTP server (the same
// handlers as the browser demo, src/demo/serve.ts) through the preview server's /api proxy, which
// is the path a real Tallyfy organization takes.
//
// Reported per run:
// - formReady: navigation start → the Sign in button is on screen (what the person waits for first);
// - submitToFirstRow: the Sign in pointerdown → the first member row painted;
// - wayIn = formReady + submitToFirstRow: the app's share of the way, without the person's typing;
// - wallClock: navigation start → first row painted, with the typing taking `typingMs` (so a preload
//   started while typing has only that long);
// - scripts: the JavaScript files fetched before the first row, with their transferred sizes.
import { fileURLToPath } from 'node:url'
import os from 'node:os'
import { preview, runnerImport } from 'vite'
import { installProbe } from './page-probe.mjs'

const root = fileURLToPath(new URL('..', import.meta.url))

async function importFromSrc(path) {
  const { module } = await runnerImport(fileURLToPath(new URL(`../src/${path}`, import.meta.url)), {
    root,
    configFile: false,
    logLevel: 'error',
  })
  return module
}

async function oneWayIn(browser, baseURL, members, credentials, typingMs) {
  const context = await browser.newContext({
    baseURL,
    viewport: { width: 1440, height: 900 },
    locale: 'en-US',
    colorScheme: 'light',
  })
  await context.addInitScript(installProbe, members)
  const page = await context.newPage()
  const errors = []
  page.on('pageerror', (e) => errors.push(e.message))
  const result = { loadAverageBefore: os.loadavg()[0] }
  try {
    await page.goto('/sign-in', { waitUntil: 'commit' })
    // Polled every animation frame in the page, so the time is the frame the button first showed in.
    const ready = await page.waitForFunction(
      () => {
        const button = [...document.querySelectorAll('button[type="submit"]')].find(
          (b) => b.textContent?.trim() === 'Sign in',
        )
        return button ? performance.now() : false
      },
      undefined,
      { polling: 'raf', timeout: 60_000 },
    )
    result.formReady = await ready.jsonValue()
    await page.getByLabel('Organization ID').fill(credentials.orgId)
    await page.getByLabel('Access token', { exact: true }).fill(credentials.token)
    // A person takes longer than this to type a 32-character ID and a token; never less.
    await page.waitForTimeout(typingMs)
    await page.evaluate(() => window.rosterBench.arm('way-in'))
    await page.getByRole('button', { name: 'Sign in', exact: true }).click()
    await page.waitForFunction(() => window.rosterBench.firstRowPaintedAt !== null, undefined, {
      timeout: 60_000,
      polling: 50,
    })
    const timing = await page.evaluate(() => {
      const b = window.rosterBench
      const scripts = performance
        .getEntriesByType('resource')
        .filter((e) => /\.js($|\?)/.test(e.name) && e.startTime < b.firstRowPaintedAt)
        .map((e) => ({
          file: new URL(e.name).pathname,
          transferredBytes: e.encodedBodySize,
          startedAt: e.startTime,
        }))
      return { submitAt: b.current.start, firstRowAt: b.firstRowPaintedAt, scripts }
    })
    result.submitToFirstRow = timing.firstRowAt - timing.submitAt
    result.wayIn = result.formReady + result.submitToFirstRow
    result.wallClock = timing.firstRowAt
    result.scripts = timing.scripts.filter((s) => !s.file.includes('mockServiceWorker'))
    result.scriptBytes = result.scripts.reduce((sum, s) => sum + s.transferredBytes, 0)
  } catch (error) {
    result.error = String(error?.message ?? error).split('\n')[0]
  }
  result.loadAverageAfter = os.loadavg()[0]
  if (errors.length > 0) result.pageErrors = errors
  await context.close()
  return result
}

/**
 * Starts the demo API (`members` members) on `apiPort` and a preview of `outDir` on `httpPort`
 * proxying /api to it, then runs the way in `runs` times in `browser`. Returns the raw runs.
 */
export async function measureWayIn({
  browser,
  outDir,
  httpPort,
  apiPort,
  members,
  runs,
  typingMs = 300,
  log,
}) {
  const { startDemoApi } = await importFromSrc('demo/serve.ts')
  const { DEMO_ORG_ID, DEMO_TOKEN } = await importFromSrc('demo/credentials.ts')
  const api = await startDemoApi({ port: apiPort, members })
  let server
  try {
    server = await preview({
      logLevel: 'warn',
      build: { outDir },
      preview: {
        host: '127.0.0.1',
        port: httpPort,
        strictPort: true,
        open: false,
        proxy: {
          '/api': {
            target: api.url,
            changeOrigin: true,
            rewrite: (path) => path.replace(/^\/api/, '') || '/',
          },
        },
      },
    })
    const baseURL = `http://127.0.0.1:${httpPort}`
    log?.(`Way in over HTTP: ${baseURL} → demo API ${api.url} (${api.org.members.length} members)`)
    const results = []
    for (let i = 0; i < runs; i++) {
      const r = await oneWayIn(browser, baseURL, members, { orgId: DEMO_ORG_ID, token: DEMO_TOKEN }, typingMs)
      results.push({ run: i + 1, ...r })
      log?.(
        r.error
          ? `  way in run ${i + 1}/${runs}: FAILED: ${r.error}`
          : `  way in run ${i + 1}/${runs}: form ${r.formReady.toFixed(0)} ms + submit → first row ` +
              `${r.submitToFirstRow.toFixed(0)} ms = ${r.wayIn.toFixed(0)} ms (wall clock ${r.wallClock.toFixed(0)} ms, ` +
              `${r.scripts.length} scripts, ${(r.scriptBytes / 1024).toFixed(1)} KB as served; ` +
              `load average ${r.loadAverageBefore.toFixed(1)} → ${r.loadAverageAfter.toFixed(1)})`,
      )
    }
    return { members, typingMs, runs: results }
  } finally {
    await server?.close()
    await api.close()
  }
}
