// One sort click (and one keystroke) traced in Chromium, summarised by where the main thread spent
// the time between the click and the next frame: script, style, layout, paint, other.
//   node bench/trace-sort.mjs --out-dir dist --port 6595 --members 10000
import { option } from '../scripts/lib/cli.mjs'
import { openLoadedDemo } from './demo-page.mjs'

const outDir = option('out-dir', 'dist')
const port = Number(option('port', '6595'))
const members = Number(option('members', '10000'))

const buckets = {
  script: [
    'FunctionCall',
    'EvaluateScript',
    'v8.callFunction',
    'TimerFire',
    'EventDispatch',
    'RunMicrotasks',
    'FireAnimationFrame',
    'V8.GC_SCAVENGER',
    'MinorGC',
    'MajorGC',
  ],
  style: ['UpdateLayoutTree', 'RecalculateStyles', 'ParseAuthorStyleSheet'],
  layout: ['Layout', 'UpdateLayerTree', 'PrePaint'],
  paint: ['Paint', 'PaintImage', 'RasterTask', 'Layerize', 'Commit', 'CompositeLayers'],
}
const bucketOf = (name) => Object.entries(buckets).find(([, names]) => names.includes(name))?.[0]

function summarise(events, from, to) {
  // Top-level work on the renderer main thread (CrRendererMain) between from and to (µs).
  const threadNames = new Map()
  for (const e of events) if (e.name === 'thread_name') threadNames.set(`${e.pid}:${e.tid}`, e.args?.name)
  const main = events.filter(
    (e) =>
      e.ph === 'X' && threadNames.get(`${e.pid}:${e.tid}`) === 'CrRendererMain' && e.ts >= from && e.ts <= to,
  )
  const totals = { script: 0, style: 0, layout: 0, paint: 0 }
  for (const e of main) {
    const b = bucketOf(e.name)
    if (b === 'script') {
      // Only outermost script events, so nested calls are not counted twice.
      const nested = main.some(
        (o) =>
          o !== e &&
          bucketOf(o.name) === 'script' &&
          o.ts <= e.ts &&
          o.ts + o.dur >= e.ts + e.dur &&
          o.dur > e.dur,
      )
      if (!nested) totals.script += e.dur
    } else if (b) totals[b] += e.dur
  }
  return Object.fromEntries(Object.entries(totals).map(([k, v]) => [k, +(v / 1000).toFixed(1)]))
}

const { server, browser, context, page } = await openLoadedDemo({ outDir, port, members })
try {
  await page.evaluate(() => window.rosterBench.observeResults(document.querySelector('input')))
  const settle = () =>
    page.waitForFunction(
      () => {
        const c = window.rosterBench.current
        return c && c.paintedAt !== null && performance.now() - c.paintedAt > 300
      },
      undefined,
      { timeout: 120_000, polling: 50 },
    )
  const cdp = await context.newCDPSession(page)
  for (const [what, act] of [
    ['sort flip (Name)', () => page.getByRole('columnheader').getByRole('button', { name: /^Name/ }).click()],
    ['keystroke "a"', () => page.getByLabel('Search members').press('a')],
  ]) {
    await page.getByLabel('Search members').focus()
    const events = []
    cdp.on('Tracing.dataCollected', (d) => events.push(...d.value))
    const done = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve))
    await cdp.send('Tracing.start', {
      categories: 'devtools.timeline,v8,blink',
      transferMode: 'ReportEvents',
    })
    await page.evaluate(() => window.rosterBench.arm('x'))
    await act()
    await settle()
    const t = await page.evaluate(() => ({
      start: window.rosterBench.current.start,
      painted: window.rosterBench.current.paintedAt,
      origin: performance.timeOrigin,
    }))
    await cdp.send('Tracing.end')
    await done
    cdp.removeAllListeners('Tracing.dataCollected')
    // Trace timestamps are µs on the monotonic clock; anchor on the event the click or key dispatched.
    const input = events.find(
      (e) => e.name === 'EventDispatch' && ['pointerdown', 'keydown'].includes(e.args?.data?.type),
    )
    const from = input ? input.ts : Math.min(...events.filter((e) => e.ts).map((e) => e.ts))
    const to = from + (t.painted - t.start) * 1000
    console.log(
      `${what}: ${(t.painted - t.start).toFixed(1)} ms to paint; main thread:`,
      summarise(events, from, to),
    )
  }
} finally {
  await browser.close()
  await server.close()
}
