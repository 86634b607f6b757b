// Screenshots of the invitations (issue #22) for review: the members table's "Invited" column (the
// "Invitations over 14 days" view), a row's invitation menu, the withdraw alert dialog from a row,
// and the "Invitation" section of an invited member's page, at desktop and phone widths, light and
// dark, on the browser demo. Each picture is also checked with axe (WCAG 2.1 A/AA); violations are
// listed at the end, and the script fails on any.
// Options: --port 4630  --out-dir /tmp/dist-b  --shots docs/screenshots  --skip-build
import { AxeBuilder } from '@axe-core/playwright'
import { mkdirSync } from 'node:fs'
import { flag, option } from './lib/cli.mjs'
import { withPreview } from './lib/preview-server.mjs'

const port = Number(option('port', '4630'))
const outDir = option('out-dir', '/tmp/dist-b')
const shotsDir = option('shots', 'docs/screenshots')
const skipBuild = flag('skip-build')
const widths = [
  { width: 1280, height: 900 },
  { width: 390, height: 844 },
]
const themes = ['light', 'dark']

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
          localStorage.setItem('roster.theme', t)
        }, theme)
        const page = await context.newPage()
        page.on('pageerror', (e) => problems.push(`${size.width} ${theme}: uncaught ${e.message}`))
        page.on('console', (m) => {
          if (m.type() === 'error') problems.push(`${size.width} ${theme}: console ${m.text()}`)
        })
        const shoot = async (name, { mouse = true } = {}) => {
          if (mouse) await page.mouse.move(0, size.height - 1)
          await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))))
          const file = `${shotsDir}/invitations-${name}-${size.width}-${theme}.png`
          await page.screenshot({ path: file, animations: 'disabled', caret: 'hide' })
          console.log(`  ${file}`)
          const { violations } = await new AxeBuilder({ page })
            .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
            .analyze()
          for (const v of violations)
            for (const node of v.nodes)
              problems.push(
                `${name}-${size.width}-${theme}: axe ${v.id}: ${v.help} at ${node.target.join(' ')}`,
              )
        }
        const rows = () => page.locator('tbody tr a[href^="/members/"]').first().waitFor()

        await page.goto('/sign-in')
        await page.getByRole('button', { name: 'Explore the demo organization' }).click()
        await page.waitForURL(/\/members/)
        await rows()

        // The built-in view, opened from the Views menu as a person would.
        await page.getByRole('button', { name: 'Views' }).click()
        await page.getByRole('menuitem', { name: /^Invitations over 14 days/ }).click()
        await page.waitForURL(/invited=over-14d/)
        await rows()
        await shoot('column')

        // A row's menu, opened from the keyboard (focus on its first item).
        const menuButton = page.getByRole('button', { name: /^Invitation actions for / }).nth(1)
        await menuButton.focus()
        await page.keyboard.press('Enter')
        await page.getByRole('menu').waitFor()
        await shoot('row-menu', { mouse: false })

        await page.keyboard.press('End')
        await page.keyboard.press('Enter')
        await page.getByRole('alertdialog').waitFor()
        await shoot('withdraw-dialog')
        await page.getByRole('button', { name: 'Cancel' }).click()

        // The member's page: the Invitation section.
        await page.locator('tbody tr a[href^="/members/"]').nth(1).click()
        await page.getByRole('heading', { name: 'Invitation' }).waitFor()
        await page.getByRole('heading', { name: 'Invitation' }).scrollIntoViewIfNeeded()
        await shoot('member-page')
        await context.close()
      }
    }
  })
  if (problems.length > 0) {
    console.log(`\n${problems.length} problem(s):`)
    for (const p of problems) console.log(`  ${p}`)
    process.exitCode = 1
  } else console.log('\nNo console errors; axe found no violations.')
}

await main()
