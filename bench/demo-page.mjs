// The page both profilers start from: the production build in `outDir` served on `port`, a browser
// with the bench probe installed, and the demo organization at `members` opened and fully loaded.
// Returns { server, browser, context, page }; close the browser and the server when done.
import { preview } from 'vite'
import { launchChromium } from '../scripts/lib/preview-server.mjs'
import { installProbe } from './page-probe.mjs'

export async function openLoadedDemo({ outDir, port, members }) {
  const server = await preview({
    logLevel: 'warn',
    build: { outDir },
    preview: { host: '127.0.0.1', port, strictPort: true },
  })
  const browser = await launchChromium()
  const context = await browser.newContext({
    baseURL: `http://127.0.0.1:${port}`,
    viewport: { width: 1440, height: 900 },
  })
  await context.addInitScript((n) => localStorage.setItem('roster.demo.members', String(n)), members)
  await context.addInitScript(installProbe, members)
  const page = await context.newPage()
  await page.goto('/sign-in')
  await page.getByRole('button', { name: 'Explore the demo organization' }).click()
  await page.waitForFunction(() => window.rosterBench.completeAt !== null, undefined, {
    timeout: 600_000,
    polling: 200,
  })
  return { server, browser, context, page }
}
