// A CPU profile of keystrokes (or sort flips) at N members in the demo, summed by function: self time,
// then inclusive time. Build unminified first so the names mean something:
//   node node_modules/vite/bin/vite.js build --minify false --outDir dist-prof
//   node bench/profile.mjs --members 100000 [--what keys|sort] [--keys a,n,n,Backspace] [--port 6596]
import { option } from '../scripts/lib/cli.mjs'
import { openLoadedDemo } from './demo-page.mjs'
const outDir = option('out-dir', 'dist-prof')
const port = Number(option('port', '6596'))
const members = Number(option('members', '100000'))
const what = option('what', 'keys')
const { server, browser, context, page } = await openLoadedDemo({ outDir, port, members })
try {
  await page.waitForTimeout(1500)
  const box = page.getByLabel('Search members')
  await box.focus()
  const cdp = await context.newCDPSession(page)
  await cdp.send('Profiler.enable')
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 })
  await cdp.send('Profiler.start')
  const t0 = Date.now()
  if (what === 'keys') {
    const keys = option(
      'keys',
      'q,q,q,Backspace,Backspace,Backspace,a,n,n,Backspace,Backspace,Backspace,s,m,i,t,h',
    )
    for (const k of keys.split(',')) {
      await box.press(k)
      await page.waitForTimeout(300)
    }
  } else {
    for (let i = 0; i < 4; i++) {
      await page.getByRole('columnheader').getByRole('button', { name: /^Name/ }).click()
      await page.waitForTimeout(500)
    }
  }
  const { profile } = await cdp.send('Profiler.stop')
  console.log('wall', Date.now() - t0)
  const byId = new Map(profile.nodes.map((n) => [n.id, n]))
  const self = new Map()
  const dt = profile.timeDeltas
  profile.samples.forEach((id, i) => {
    const n = byId.get(id)
    const f = n.callFrame
    const key = `${f.functionName || '(anon)'} ${f.url.split('/').pop()}:${f.lineNumber + 1}`
    self.set(key, (self.get(key) ?? 0) + (dt[i] ?? 0))
  })
  const total = [...self.values()].reduce((a, b) => a + b, 0)
  console.log('total sampled ms', (total / 1000).toFixed(0))
  for (const [k, v] of [...self.entries()].toSorted((a, b) => b[1] - a[1]).slice(0, 40))
    console.log((v / 1000).toFixed(1).padStart(8), k)
  // inclusive time by function for top-level frames of interest
  const parent = new Map()
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id)
  const incl = new Map()
  profile.samples.forEach((id, i) => {
    const seen = new Set()
    for (let cur = id; cur != null; cur = parent.get(cur)) {
      const f = byId.get(cur).callFrame
      const key = `${f.functionName || '(anon)'} ${f.url.split('/').pop()}:${f.lineNumber + 1}`
      if (seen.has(key)) continue
      seen.add(key)
      incl.set(key, (incl.get(key) ?? 0) + (dt[i] ?? 0))
    }
  })
  console.log('--- inclusive')
  for (const [k, v] of [...incl.entries()].toSorted((a, b) => b[1] - a[1]).slice(0, 60))
    console.log((v / 1000).toFixed(1).padStart(8), k)
} finally {
  await browser.close()
  await server.close()
}
