// A batch's pace over HTTP (issue #21): 500 role changes of the bulk actions, from the confirm button
// to the results on screen, through the preview server's /api proxy to the demo organization's HTTP
// server, every answer 40 ms late and no 429. Four requests in flight at 40 ms each allow 100 per
// second at most; the target is 80.
//
// Each run has an organization of its own on the demo API (POST /__demo/orgs, with the latency and
// Tallyfy's page cap), so every run changes people who are not yet in that role. The selection is
// made as a person makes it: the first Standard member ticked, then Shift+click on the 500th.
//
// Reported per run: the people sent to (the confirm button's number), confirm click → results
// painted, the rate, the first write → the last (from the progress bar, so the dialog's own start
// and the results' rendering are left out), and from the demo's statistics the writes it answered
// and the most in flight at once.
import { fileURLToPath } from 'node:url'
import { writeFileSync } from 'node:fs'
import os from 'node:os'
import { preview, runnerImport } from 'vite'

const root = fileURLToPath(new URL('..', import.meta.url))

async function startDemoApi(port) {
  const { module } = await runnerImport(fileURLToPath(new URL('../src/demo/serve.ts', import.meta.url)), {
    root,
    configFile: false,
    logLevel: 'error',
  })
  // A small main organization: each run makes its own.
  return module.startDemoApi({ port, members: 50 })
}

async function postJson(url, body) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  })
  if (!response.ok) throw new Error(`POST ${url}: ${response.status} ${await response.text()}`)
  return response.json()
}

/**
 * In the page: the time of the confirm button's pointerdown, each change of the progress bar's value,
 * and the paint that first shows the results ("Finished"). Installed just before the click.
 */
function installBatchProbe(confirmName) {
  // Serialised into the page by page.evaluate: every helper must be defined inside it.
  // oxlint-disable-next-line unicorn/consistent-function-scoping
  const afterPaint = (callback) => requestAnimationFrame(() => setTimeout(callback, 0))
  const probe = {
    clickAt: null,
    firstProgressAt: null,
    lastProgressAt: null,
    lastProgress: 0,
    resultsAt: null,
  }
  window.rosterBatchProbe = probe
  addEventListener(
    'pointerdown',
    (event) => {
      const button = event.target instanceof Element ? event.target.closest('button') : null
      if (probe.clickAt === null && button?.textContent?.trim() === confirmName) {
        const now = performance.now()
        probe.clickAt = event.timeStamp <= now && now - event.timeStamp < 1000 ? event.timeStamp : now
      }
    },
    true,
  )
  let lastValue = 0
  const observer = new MutationObserver(() => {
    if (probe.clickAt === null) return
    const bar = document.querySelector('dialog [role="progressbar"]')
    const value = Number(bar?.getAttribute('aria-valuenow') ?? 0)
    if (bar && value !== lastValue) {
      lastValue = value
      const now = performance.now()
      if (value > 0 && probe.firstProgressAt === null) probe.firstProgressAt = now
      // The results may replace the bar before it shows the last person: the last value it showed.
      probe.lastProgressAt = now
      probe.lastProgress = value
    }
    const heading = [...document.querySelectorAll('dialog h3')].find((h) => h.textContent === 'Finished')
    if (heading && probe.resultsAt === null) {
      probe.resultsAt = -1
      observer.disconnect()
      afterPaint(() => {
        probe.resultsAt = performance.now()
      })
    }
  })
  observer.observe(document.body, {
    childList: true,
    subtree: true,
    characterData: true,
    attributes: true,
    attributeFilter: ['aria-valuenow'],
  })
}

/** Ticks the first row of the table, then Shift+clicks the `count`th (scrolling it into view). */
async function selectFirstRows(page, count) {
  const table = page.getByRole('table', { name: /^Members/ })
  await table.locator('tbody tr[aria-rowindex="2"]').getByRole('checkbox').check()
  // Header row is 1: the `count`th member is at aria-rowindex count + 1. The list is virtualised, so
  // scroll until that row is rendered.
  const target = table.locator(`tbody tr[aria-rowindex="${count + 1}"]`)
  for (let i = 0; i < 400 && (await target.count()) === 0; i++) {
    await page.evaluate(() => window.scrollBy(0, window.innerHeight))
    await page.waitForTimeout(30)
  }
  await target.getByRole('checkbox').click({ modifiers: ['Shift'] })
  await page
    .getByRole('toolbar', { name: 'Selected members' })
    .getByText(`${count.toLocaleString('en-US')} selected`)
    .waitFor()
  await page.evaluate(() => window.scrollTo(0, 0))
}

/** Main-thread time the page has spent so far (ms), from the DevTools protocol's metrics. */
async function mainThreadMs(cdp) {
  const { metrics } = await cdp.send('Performance.getMetrics')
  const pick = (name) => 1000 * (metrics.find((m) => m.name === name)?.value ?? 0)
  return {
    task: pick('TaskDuration'),
    script: pick('ScriptDuration'),
    layout: pick('LayoutDuration'),
    style: pick('RecalcStyleDuration'),
  }
}

async function oneBatch(browser, baseURL, api, { members, size, latencyMs, perPageCap }, runIndex) {
  const orgId = `bench-batch-${runIndex + 1}-${Math.random().toString(36).slice(2, 8)}`
  const token = `roster-demo-token.${orgId}`
  await postJson(`${api.url}/__demo/orgs`, { id: orgId, members, latencyMs, perPageCap, token })
  const context = await browser.newContext({
    baseURL,
    viewport: { width: 1440, height: 900 },
    locale: 'en-US',
    colorScheme: 'light',
  })
  const page = await context.newPage()
  const errors = []
  page.on('pageerror', (e) => errors.push(e.message))
  const result = { run: runIndex + 1, loadAverageBefore: os.loadavg()[0] }
  try {
    await page.goto('/sign-in')
    await page.getByLabel('Organization ID').fill(orgId)
    await page.getByLabel('Access token', { exact: true }).fill(token)
    await page.getByRole('button', { name: 'Sign in', exact: true }).click()
    await page.waitForURL(/\/members/)
    await page.goto('/members?role=standard&status=active')
    await page.getByRole('table', { name: /^Members/ }).waitFor()
    await page.getByText(/^Loading members/).waitFor({ state: 'detached', timeout: 120_000 })
    await selectFirstRows(page, size)

    await page
      .getByRole('toolbar', { name: 'Selected members' })
      .getByRole('button', { name: 'Change role', exact: true })
      .click()
    const dialog = page.getByRole('dialog', { name: 'Change role' })
    await dialog.getByRole('combobox', { name: 'New role' }).selectOption({ label: 'Light' })
    const confirm = dialog.getByRole('button', { name: /^Change role of [\d,]+ members?$/ })
    const confirmName = (await confirm.textContent()).trim()
    result.sent = Number(/([\d,]+)/.exec(confirmName)[1].replace(/,/g, ''))
    await page.evaluate(installBatchProbe, confirmName)
    const cdp = await context.newCDPSession(page)
    await cdp.send('Performance.enable')
    const before = await mainThreadMs(cdp)
    // ROSTER_BENCH_PROFILE=file.cpuprofile: a CPU profile of the batch (the first run's), for DevTools.
    const profilePath = runIndex === 0 ? process.env.ROSTER_BENCH_PROFILE : undefined
    if (profilePath) {
      await cdp.send('Profiler.enable')
      await cdp.send('Profiler.start')
    }
    await confirm.click()
    await page.waitForFunction(() => (window.rosterBatchProbe?.resultsAt ?? 0) > 0, undefined, {
      timeout: 600_000,
      polling: 100,
    })
    if (profilePath) {
      const { profile } = await cdp.send('Profiler.stop')
      writeFileSync(profilePath, JSON.stringify(profile))
    }
    const probe = await page.evaluate(() => window.rosterBatchProbe)
    result.ms = probe.resultsAt - probe.clickAt
    result.perSecond = result.sent / (result.ms / 1000)
    if (probe.firstProgressAt !== null && probe.lastProgress > 1) {
      result.progressMs = probe.lastProgressAt - probe.firstProgressAt
      // From the first value the bar showed to its last: that many people, less the first.
      result.progressPerSecond = (probe.lastProgress - 1) / (result.progressMs / 1000)
    }
    const after = await mainThreadMs(cdp)
    // The page's own work per person, whatever else the machine runs: main-thread busy time.
    result.mainThreadMsPerPerson = Object.fromEntries(
      Object.entries(after).map(([k, v]) => [k, (v - before[k]) / result.sent]),
    )
    result.outcomes = await page
      .getByRole('dialog')
      .getByRole('list', { name: 'Outcomes' })
      .getByRole('listitem')
      .allTextContents()
    const stats = await (await fetch(`${api.url}/__demo/stats?org=${encodeURIComponent(orgId)}`)).json()
    result.writes = stats.writes.length
    result.writesOk = stats.writes.filter((w) => w.status >= 200 && w.status < 300).length
    result.peakWritesInFlight = stats.peakWritesInFlight
  } catch (error) {
    result.error = String(error?.message ?? error).split('\n')[0]
  }
  result.loadAverageAfter = os.loadavg()[0]
  if (errors.length > 0) result.pageErrors = errors
  await context.close()
  return result
}

/**
 * Starts the demo API on `apiPort` and a preview of `outDir` on `httpPort` proxying /api to it, then
 * runs the batch `runs` times in `browser`. Returns the options and the raw runs.
 */
export async function measureBatchRate({
  browser,
  outDir,
  httpPort,
  apiPort,
  runs,
  size = 500,
  members = 2000,
  latencyMs = 40,
  perPageCap = 100,
  log,
}) {
  const api = await startDemoApi(apiPort)
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
    log?.(
      `Batch rate over HTTP: ${baseURL} → demo API ${api.url}; ${size} role changes per run in an organization ` +
        `of ${members}, ${latencyMs} ms per answer, page cap ${perPageCap}, no 429`,
    )
    const results = []
    for (let i = 0; i < runs; i++) {
      const r = await oneBatch(browser, baseURL, api, { members, size, latencyMs, perPageCap }, i)
      results.push(r)
      log?.(
        r.error
          ? `  batch run ${i + 1}/${runs}: FAILED: ${r.error}`
          : `  batch run ${i + 1}/${runs}: ${r.sent} role changes in ${(r.ms / 1000).toFixed(2)} s = ` +
              `${r.perSecond.toFixed(1)}/s (first done → last done ${r.progressPerSecond?.toFixed(1) ?? 'n/a'}/s); ` +
              `${r.writesOk}/${r.writes} writes answered 2xx, at most ${r.peakWritesInFlight} in flight; ` +
              `main thread ${r.mainThreadMsPerPerson.task.toFixed(1)} ms per person (script ${r.mainThreadMsPerPerson.script.toFixed(1)}, ` +
              `layout ${r.mainThreadMsPerPerson.layout.toFixed(1)}, style ${r.mainThreadMsPerPerson.style.toFixed(1)}); ` +
              `${r.outcomes.join(', ')} (load average ${r.loadAverageBefore.toFixed(1)} → ${r.loadAverageAfter.toFixed(1)})`,
      )
    }
    return { size, members, latencyMs, perPageCap, runs: results }
  } finally {
    await server?.close()
    await api.close()
  }
}
