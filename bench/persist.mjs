// A remembered device's return at 100,000 members over HTTP (issue #25): the directory kept in
// IndexedDB shows at once, then a refresh by change asks Tallyfy only for what changed.
//
// One organization on the demo API (through the preview's /api proxy, 40 ms per answer, page cap
// 100, as the directory's HTTP scenario). The person signs in with "Remember me" once: the whole
// directory is read (the full read: 1,000 pages of /users) and kept on the device. Then, `runs`
// times: 100 members change elsewhere (role changes sent straight to the demo API), and a fresh page
// load of /members in a new tab of the same browser profile (its IndexedDB and localStorage, a
// cold page otherwise) measures:
// - firstRows: navigation start → the first member row painted (target ≤ 300 ms);
// - complete: navigation start → the count reads 100,000 (the whole directory searchable, ≤ 1 s);
// - refreshed: navigation start → the table region says which refresh ran (data-refresh), and
//   which kind it was; the /users requests it took (≤ 5 after 100 changes; the full read's figure
//   beside it);
// - keystrokes: typed as in the other scenarios from the first rows on, so the first ones fall while
//   the kept directory fills in, the refresh runs and its merge lands (p95 ≤ 50 ms); how many were
//   typed before the refresh completed is reported too;
// - heap after GC once refreshed (≤ 150 MB).
// Between runs the bench waits until the device has saved the refreshed directory.
import { fileURLToPath } from 'node:url'
import os from 'node:os'
import { preview, runnerImport } from 'vite'
import { installProbe } from './page-probe.mjs'

const root = fileURLToPath(new URL('..', import.meta.url))

async function startDemoApi(port) {
  const { module } = await runnerImport(fileURLToPath(new URL('../src/demo/serve.ts', import.meta.url)), {
    root,
    configFile: false,
    logLevel: 'error',
  })
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

const tallyfyHeaders = (token) => ({
  Authorization: `Bearer ${token}`,
  'X-Tallyfy-Client': 'APIClient',
  Accept: 'application/json',
  'Content-Type': 'application/json',
})

/** Member IDs of the organization's Standard and Light members (whose role can go back and forth). */
async function changeableMembers(apiUrl, orgId, token, wanted) {
  const found = []
  // Spread over the directory (pages 10, 20, …), as changes by several admins would be.
  for (let page = 10; found.length < wanted && page <= 1000; page += 10) {
    const response = await fetch(`${apiUrl}/organizations/${orgId}/users?per_page=100&page=${page}`, {
      headers: tallyfyHeaders(token),
    })
    const { data } = await response.json()
    for (const m of data) {
      if ((m.role === 'standard' || m.role === 'light') && m.status === 'active' && !m.is_default_admin)
        found.push({ id: m.id, role: m.role })
    }
  }
  return found.slice(0, wanted)
}

/** 100 members change elsewhere: each one's role flips between Standard and Light, 10 at a time. */
async function changeElsewhere(apiUrl, orgId, token, people) {
  for (let i = 0; i < people.length; i += 10) {
    await Promise.all(
      people.slice(i, i + 10).map(async (person) => {
        person.role = person.role === 'standard' ? 'light' : 'standard'
        const response = await fetch(`${apiUrl}/organizations/${orgId}/users/${person.id}/role`, {
          method: 'PUT',
          headers: tallyfyHeaders(token),
          body: JSON.stringify({ role: person.role }),
        })
        if (!response.ok) throw new Error(`role change of ${person.id}: ${response.status}`)
      }),
    )
  }
}

/** The directory's meta as the device keeps it (count, readAt), or null. */
function storedMeta(page, orgId) {
  return page.evaluate(async (name) => {
    if (!(await indexedDB.databases()).some((db) => db.name === name)) return null
    const db = await new Promise((resolve, reject) => {
      const request = indexedDB.open(name)
      request.addEventListener('success', () => resolve(request.result))
      request.addEventListener('error', () => reject(request.error))
    })
    try {
      if (!db.objectStoreNames.contains('records')) return null
      return await new Promise((resolve) => {
        const request = db.transaction('records').objectStore('records').get('members-meta')
        request.addEventListener('success', () => resolve(request.result ?? null))
        request.addEventListener('error', () => resolve(null))
      })
    } finally {
      db.close()
    }
  }, `roster.org.${orgId}`)
}

async function waitForSave(page, orgId, members, after, timeout = 120_000) {
  const started = Date.now()
  for (;;) {
    const meta = await storedMeta(page, orgId)
    if (meta && meta.count === members && meta.readAt > after) return meta
    if (Date.now() - started > timeout) throw new Error('the device did not save the directory')
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
}

/** In the page: when the table region first says which refresh ran, and which. */
function installRefreshProbe() {
  const probe = { refreshedAt: null, kind: null, keys: [], longTasks: [] }
  window.rosterRefreshProbe = probe
  // Where the time before the first rows goes: the main thread's long tasks.
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) probe.longTasks.push([entry.startTime, entry.duration])
    }).observe({ type: 'longtask', buffered: true })
  } catch {
    // Not supported: the figures go without it.
  }
  addEventListener('keydown', (event) => probe.keys.push(event.timeStamp), true)
  const check = () => {
    const region = document.querySelector('[data-refresh]')
    if (region) {
      probe.kind = region.getAttribute('data-refresh')
      requestAnimationFrame(() =>
        setTimeout(() => {
          probe.refreshedAt = performance.now()
        }, 0),
      )
      return
    }
    requestAnimationFrame(check)
  }
  requestAnimationFrame(check)
}

/**
 * Runs the scenario: `members` in one organization, `runs` returns. `typeQueries` and `heapAfterGc`
 * are run.mjs's, so the keystrokes and the heap are measured exactly as in the other scenarios.
 */
export async function measurePersist({
  browser,
  outDir,
  httpPort,
  apiPort,
  runs,
  members = 100_000,
  changed = 100,
  latencyMs = 40,
  perPageCap = 100,
  typeQueries,
  heapAfterGc,
  log,
}) {
  const api = await startDemoApi(apiPort)
  let server
  const orgId = `bench-persist-${members}`
  const token = `roster-demo-token.${orgId}`
  try {
    await postJson(`${api.url}/__demo/orgs`, { id: orgId, members, token, latencyMs, perPageCap })
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
      `Remembered return over HTTP: ${baseURL} → demo API ${api.url}; ${members.toLocaleString('en-US')} members, ` +
        `${latencyMs} ms per answer, page cap ${perPageCap}; ${changed} members changed before each of ${runs} returns`,
    )
    const context = await browser.newContext({
      baseURL,
      viewport: { width: 1440, height: 900 },
      locale: 'en-US',
      colorScheme: 'light',
    })
    await context.addInitScript(installProbe, members)
    await context.addInitScript(installRefreshProbe)

    // The first visit: sign in with "Remember me", the whole directory read and kept.
    let page = await context.newPage()
    let usersRequests = 0
    const countUsers = (request) => {
      if (/\/api\/organizations\/[^/]+\/users(\?|$)/.test(request.url())) usersRequests++
    }
    page.on('request', countUsers)
    await page.goto('/sign-in')
    await page.getByLabel('Organization ID').fill(orgId)
    await page.getByLabel('Access token', { exact: true }).fill(token)
    await page.getByRole('checkbox', { name: 'Remember me on this device' }).check()
    await page.getByRole('button', { name: 'Sign in', exact: true }).click()
    await page.waitForFunction(() => window.rosterBench.completeAt !== null, undefined, {
      timeout: 600_000,
      polling: 200,
    })
    const fullRead = {
      requests: usersRequests,
      completeMs: await page.evaluate(() => window.rosterBench.completeAt),
    }
    let saved = await waitForSave(page, orgId, members, 0)
    log?.(
      `  first visit: the full read took ${usersRequests} requests to /users and ${(fullRead.completeMs / 1000).toFixed(1)} s ` +
        `from the sign-in page's load; kept on the device`,
    )
    const people = await changeableMembers(api.url, orgId, token, changed)
    if (people.length < changed) throw new Error(`only ${people.length} members to change`)

    const results = []
    for (let i = 0; i < runs; i++) {
      const result = { run: i + 1, loadAverageBefore: os.loadavg()[0] }
      try {
        await changeElsewhere(api.url, orgId, token, people)
        await page.close()
        page = await context.newPage()
        const errors = []
        page.on('pageerror', (e) => errors.push(e.message))
        usersRequests = 0
        page.on('request', countUsers)
        await page.goto('/members', { waitUntil: 'commit' })
        await page.waitForFunction(() => window.rosterBench.firstRowPaintedAt !== null, undefined, {
          timeout: 60_000,
          polling: 'raf',
        })
        // What the first rows waited for: the scripts and the long tasks before them.
        result.beforeFirstRows = await page.evaluate(() => {
          const at = window.rosterBench.firstRowPaintedAt
          return {
            scripts: performance
              .getEntriesByType('resource')
              .filter((e) => /\.js($|\?)/.test(e.name) && e.startTime < at)
              .map((e) => [
                new URL(e.name).pathname.replace(/^\/assets\//, ''),
                Math.round(e.startTime),
                Math.round(e.responseEnd),
              ]),
            longTasks: window.rosterRefreshProbe.longTasks
              .filter(([start]) => start < at)
              .map(([start, duration]) => [Math.round(start), Math.round(duration)]),
          }
        })
        // Typed from the first rows on: the first keys fall while the kept directory fills in, the
        // refresh runs and its merge lands; the count reading 100,000 is timed meanwhile by the probe.
        result.keystrokes = await typeQueries(page)
        await page.waitForFunction(() => window.rosterBench.completeAt !== null, undefined, {
          timeout: 60_000,
          polling: 'raf',
        })
        Object.assign(
          result,
          await page.evaluate(() => ({
            firstRows: window.rosterBench.firstRowPaintedAt,
            complete: window.rosterBench.completeAt,
          })),
        )
        await page.waitForFunction(() => window.rosterRefreshProbe.refreshedAt !== null, undefined, {
          timeout: 600_000,
          polling: 100,
        })
        const refresh = await page.evaluate(() => {
          const probe = window.rosterRefreshProbe
          return {
            at: probe.refreshedAt,
            kind: probe.kind,
            keysBefore: probe.keys.filter((t) => t < probe.refreshedAt).length,
          }
        })
        result.refreshed = refresh.at
        result.refreshKind = refresh.kind
        result.requests = usersRequests
        result.keystrokesDuringRefresh = refresh.keysBefore
        result.heap = await heapAfterGc(page)
        saved = await waitForSave(page, orgId, members, saved.readAt)
        if (errors.length > 0) result.pageErrors = errors
      } catch (error) {
        result.error = String(error?.message ?? error).split('\n')[0]
      }
      result.loadAverageAfter = os.loadavg()[0]
      results.push(result)
      const keys = (result.keystrokes ?? []).filter((k) => k.changed).map((k) => k.ms)
      const p95 = keys.length ? keys.toSorted((a, b) => a - b)[Math.ceil(0.95 * keys.length) - 1] : null
      log?.(
        result.error
          ? `  return ${i + 1}/${runs}: FAILED: ${result.error}`
          : `  return ${i + 1}/${runs}: first rows ${result.firstRows.toFixed(0)} ms, count reads ${members.toLocaleString('en-US')} ` +
              `at ${result.complete.toFixed(0)} ms, refresh '${result.refreshKind}' done at ${result.refreshed.toFixed(0)} ms ` +
              `with ${result.requests} requests to /users, keystroke p95 ${p95?.toFixed(1)} ms ` +
              `(${result.keystrokesDuringRefresh} typed before the refresh completed), heap ${result.heap.usedMB.toFixed(0)} MB ` +
              `(load average ${result.loadAverageBefore.toFixed(1)} → ${result.loadAverageAfter.toFixed(1)})`,
      )
    }
    await context.close()
    return { members, changed, latencyMs, perPageCap, fullRead, runs: results }
  } finally {
    await server?.close()
    await api.close()
  }
}
