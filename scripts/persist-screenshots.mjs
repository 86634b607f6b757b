// Screenshots of a remembered return (issue #25) for review: /members showing the directory the
// device kept, "as of 14 minutes ago" beside the count while the refresh is held, at desktop and
// phone widths, light and dark. On the browser demo with its test switch (roster.demo.persist), the
// kept read's time moved 14 minutes back, and every GET held 20 s so the refresh cannot end first.
// Each picture is also checked with axe (WCAG 2.1 A/AA); violations are listed at the end.
// Options: --port 4673  --out-dir /tmp/dist-f-shots  --shots docs/screenshots  --skip-build
import { AxeBuilder } from '@axe-core/playwright'
import { mkdirSync } from 'node:fs'
import { demo, flag, option } from './lib/cli.mjs'
import { withPreview } from './lib/preview-server.mjs'

const port = Number(option('port', '4673'))
const outDir = option('out-dir', '/tmp/dist-f-shots')
const shotsDir = option('shots', 'docs/screenshots')
const skipBuild = flag('skip-build')
const widths = [
  { width: 1280, height: 900 },
  { width: 390, height: 844 },
]
const themes = ['light', 'dark']

/** In the page: the kept directory's read moved `minutes` back (what the mark counts from). */
async function ageStoredRead([name, minutes]) {
  // Never open (and so create) a store the app has not made yet.
  if (!(await indexedDB.databases()).some((db) => db.name === name)) return null
  return new Promise((resolve, reject) => {
    const open = indexedDB.open(name)
    open.addEventListener('error', () => reject(open.error))
    open.addEventListener('success', () => {
      const db = open.result
      if (!db.objectStoreNames.contains('records')) {
        db.close()
        return resolve(null)
      }
      const store = db.transaction('records', 'readwrite').objectStore('records')
      const get = store.get('members-meta')
      get.addEventListener('success', () => {
        const meta = get.result
        if (!meta) {
          db.close()
          return resolve(null)
        }
        store.put({ ...meta, readAt: Date.now() - minutes * 60_000 }, 'members-meta')
        store.transaction.addEventListener('complete', () => {
          db.close()
          resolve(meta.count)
        })
      })
    })
  })
}

async function main() {
  mkdirSync(shotsDir, { recursive: true })
  const problems = []
  await withPreview({ outDir, port, skipBuild }, async ({ baseURL, browser }) => {
    for (const theme of themes) {
      for (const size of widths) {
        const context = await browser.newContext({
          baseURL,
          viewport: size,
          locale: 'en-US',
          colorScheme: theme,
        })
        await context.addInitScript((t) => {
          localStorage.setItem('roster.demo.members', '300')
          localStorage.setItem('roster.demo.persist', '1')
          localStorage.setItem('roster.theme', t)
        }, theme)
        const page = await context.newPage()
        page.on('pageerror', (e) => problems.push(`${size.width} ${theme}: uncaught ${e.message}`))
        await page.goto('/sign-in')
        await page.getByRole('button', { name: 'Explore the demo organization' }).click()
        await page.getByText('300 members', { exact: true }).waitFor()
        // Kept a couple of seconds after the directory loads.
        for (let i = 0; i < 100; i++) {
          const kept = await page.evaluate(ageStoredRead, [`roster.org.${demo.orgId}`, 14]).catch(() => null)
          if (kept) break
          await page.waitForTimeout(200)
        }
        // Every GET held on the next load, so what shows is the device's copy.
        await page.addInitScript(() => {
          let controls
          Object.defineProperty(window, 'rosterDemo', {
            configurable: true,
            get: () => controls,
            set(value) {
              controls = value
              value?.setFaults({ latencyMs: 20_000, method: 'GET' })
            },
          })
        })
        await page.reload()
        await page.getByText(/^as of /).waitFor()
        await page.mouse.move(0, size.height - 1)
        await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))))
        const name = 'members-stored-age'
        const file = `${shotsDir}/${name}-${size.width}-${theme}.png`
        await page.screenshot({ path: file, animations: 'disabled', caret: 'hide' })
        console.log(`  ${file}: "${await page.getByText(/^as of /).textContent()}"`)
        const { violations } = await new AxeBuilder({ page })
          .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
          .analyze()
        for (const v of violations)
          for (const node of v.nodes)
            problems.push(
              `${name}-${size.width}-${theme}: axe ${v.id}: ${v.help} at ${node.target.join(' ')}`,
            )
        await context.close()
      }
    }
  })
  if (problems.length > 0) {
    console.log(`\n${problems.length} problem(s):\n${problems.join('\n')}`)
    process.exitCode = 1
  } else console.log('\nNo problems (axe clean, no page errors).')
}

await main()
