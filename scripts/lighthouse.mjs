// `npm run lighthouse`: Lighthouse scores for the production build, on this machine's Chromium.
//
// Builds into its own folder and serves it on its own port (so it never touches dist/ or a server
// someone else is using), then runs Lighthouse's Node API on /sign-in with the mobile default and
// the desktop preset, and on /members with a signed-in demo session. Reports go to lh/ (gitignored).
// Not part of `npm test`: scores move with machine load and are read, not asserted.
//
// /members needs a session. Lighthouse opens its own tab and would reset storage, and the demo
// button keeps the session in sessionStorage (one tab only), so this script stores a remembered
// demo session in the profile's localStorage first (what "remember me" does) and runs Lighthouse
// with storage reset disabled.
//
// Options: --port 4310  --out-dir dist-lh  --runs 1  --members 1000  --skip-build  --sign-in-only
import { mkdirSync, writeFileSync } from 'node:fs'
import { chromium } from '@playwright/test'
import * as chromeLauncher from 'chrome-launcher'
import lighthouse, { desktopConfig } from 'lighthouse'
import { demo, flag, option } from './lib/cli.mjs'
import { CHROMIUM_ARGS, CHROMIUM_PATH, withPreview } from './lib/preview-server.mjs'

const port = Number(option('port', '4310'))
const outDir = option('out-dir', 'dist-lh')
const runs = Number(option('runs', '1'))
const demoMembers = Number(option('members', '1000'))
const skipBuild = flag('skip-build')
const signInOnly = flag('sign-in-only')

// chrome-launcher (which Lighthouse drives) rather than Playwright, so headless is asked for here.
const chromeFlags = ['--headless=new', '--disable-gpu', ...CHROMIUM_ARGS]

/** Chromium for Lighthouse, shaped for withPreview(): its debugging port and a close(). */
async function launchForLighthouse() {
  const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM_PATH, chromeFlags })
  return { port: chrome.port, close: () => chrome.kill() }
}
const categories = ['performance', 'accessibility', 'best-practices', 'seo']

async function rememberDemoSession(chromePort, baseURL) {
  const browser = await chromium.connectOverCDP(`http://127.0.0.1:${chromePort}`)
  const context = browser.contexts()[0]
  const page = await context.newPage()
  await page.goto(`${baseURL}/sign-in`)
  await page.evaluate(
    ({ orgId, token, members }) => {
      localStorage.setItem('roster.credentials', JSON.stringify({ orgId, token, demo: true }))
      localStorage.setItem('roster.demo.members', String(members))
    },
    { orgId: demo.orgId, token: demo.token, members: demoMembers },
  )
  // Let the app start the demo's service worker once, so the audited load is a returning visit.
  await page.goto(`${baseURL}/members`)
  await page.getByRole('heading', { name: 'Members', level: 1 }).waitFor({ timeout: 30_000 })
  await page.close()
}

async function audit(chromePort, url, preset) {
  const flags = {
    port: chromePort,
    output: ['json', 'html'],
    logLevel: 'error',
    onlyCategories: categories,
    disableStorageReset: url.endsWith('/members'),
  }
  const result = await lighthouse(url, flags, preset === 'desktop' ? desktopConfig : undefined)
  if (!result) throw new Error(`Lighthouse returned nothing for ${url}`)
  return result
}

async function main() {
  mkdirSync('lh', { recursive: true })
  const pages = [{ name: 'sign-in', path: '/sign-in' }]
  if (!signInOnly) pages.push({ name: 'members', path: '/members' })
  const rows = []
  await withPreview(
    { outDir, port, skipBuild, launch: launchForLighthouse },
    async ({ baseURL, browser: chrome }) => {
      for (const target of pages) {
        if (target.name === 'members') {
          try {
            await rememberDemoSession(chrome.port, baseURL)
          } catch (error) {
            console.log(`Skipping /members: could not open a demo session (${String(error).split('\n')[0]})`)
            continue
          }
        }
        for (const preset of ['mobile', 'desktop']) {
          for (let i = 1; i <= runs; i++) {
            const { lhr, report } = await audit(chrome.port, `${baseURL}${target.path}`, preset)
            const base = `lh/${target.name}-${preset}${runs > 1 ? `-${i}` : ''}`
            writeFileSync(`${base}.report.json`, report[0])
            writeFileSync(`${base}.report.html`, report[1])
            const score = (id) => Math.round((lhr.categories[id]?.score ?? 0) * 100)
            const metric = (id) => lhr.audits[id]?.displayValue ?? 'n/a'
            const landed = new URL(lhr.finalDisplayedUrl).pathname
            rows.push({
              run: `${target.path} ${preset}${runs > 1 ? ` #${i}` : ''}`,
              perf: score('performance'),
              a11y: score('accessibility'),
              bp: score('best-practices'),
              seo: score('seo'),
              detail: `FCP ${metric('first-contentful-paint')}, LCP ${metric('largest-contentful-paint')}, TBT ${metric('total-blocking-time')}, CLS ${metric('cumulative-layout-shift')}${landed !== target.path ? `; landed on ${landed}!` : ''}`,
              report: `${base}.report.html`,
            })
            const failing = Object.values(lhr.audits)
              .filter((a) => a.score !== null && a.score < 0.9 && a.scoreDisplayMode === 'binary')
              .map((a) => a.id)
            if (failing.length > 0) rows.at(-1).detail += `; failing: ${failing.join(', ')}`
          }
        }
      }
    },
  )

  console.log(`\n${'run'.padEnd(22)}perf  a11y  best  seo   metrics`)
  for (const r of rows) {
    console.log(
      `${r.run.padEnd(22)}${String(r.perf).padEnd(6)}${String(r.a11y).padEnd(6)}${String(r.bp).padEnd(6)}${String(r.seo).padEnd(6)}${r.detail}`,
    )
  }
  console.log(`\nReports: ${rows.map((r) => r.report).join(', ')}`)
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
