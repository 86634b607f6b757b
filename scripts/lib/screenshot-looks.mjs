// The review screenshots' shared loop (scripts/*-screenshots.mjs): the production build served on
// its own port, then for every look (light and dark, desktop and phone width) a fresh browser
// context on the browser demo, and `shoot(name)` that saves `<prefix>-<name>-<width>-<theme>.png`
// and checks the picture with axe (WCAG 2.1 A/AA). Uncaught errors, console errors (but those a
// script expects, such as the refusals it asks for) and axe violations are listed at the end, and
// make the script exit non-zero.
import { AxeBuilder } from '@axe-core/playwright'
import { mkdirSync } from 'node:fs'
import { withPreview } from './preview-server.mjs'

const widths = [
  { width: 1280, height: 900 },
  { width: 390, height: 844 },
]
const themes = ['light', 'dark']

/**
 * @param {{ prefix: string, port: number, outDir: string, shotsDir: string, skipBuild: boolean,
 *   members?: number, expectedConsoleErrors?: RegExp | null, watchConsole?: boolean }} options
 * @param {(look: { page: import('playwright').Page, size: { width: number, height: number }, theme: string,
 *   shoot: (name: string, opts?: { mouse?: boolean }) => Promise<void> }) => Promise<void>} scene
 */
export async function shootEveryLook(options, scene) {
  const { prefix, port, outDir, shotsDir, skipBuild, members = 300 } = options
  const { expectedConsoleErrors = null, watchConsole = true } = options
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
        await context.addInitScript(
          ([t, n]) => {
            localStorage.setItem('roster.demo.members', String(n))
            localStorage.setItem('roster.theme', t)
          },
          [theme, members],
        )
        const page = await context.newPage()
        page.on('pageerror', (e) => problems.push(`${size.width} ${theme}: uncaught ${e.message}`))
        if (watchConsole) {
          page.on('console', (m) => {
            if (m.type() === 'error' && !expectedConsoleErrors?.test(m.text()))
              problems.push(`${size.width} ${theme}: console ${m.text()}`)
          })
        }
        const shoot = async (name, { mouse = true } = {}) => {
          if (mouse) await page.mouse.move(0, size.height - 1)
          await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))))
          const file = `${shotsDir}/${prefix}-${name}-${size.width}-${theme}.png`
          await page.screenshot({ path: file, animations: 'disabled', caret: 'hide' })
          console.log(`  ${file}`)
          const { violations } = await new AxeBuilder({ page })
            .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
            .analyze()
          for (const v of violations)
            for (const node of v.nodes)
              problems.push(
                `${prefix}-${name}-${size.width}-${theme}: axe ${v.id}: ${v.help} at ${node.target.join(' ')}`,
              )
        }
        await scene({ page, size, theme, shoot })
        await context.close()
      }
    }
  })
  if (problems.length > 0) {
    console.error(`\n${problems.length} problem(s):\n${problems.join('\n')}`)
    process.exitCode = 1
  }
}
