// Screenshots of the bulk actions (issue #21) for review: the selection bar, each action's dialog
// with its preview of skips, a batch's progress (also while Tallyfy's rate limit holds it), its
// results and its Undo, at desktop and phone widths, light and dark, on the browser demo. Each
// picture is also checked with axe (WCAG 2.1 A/AA); violations are listed at the end.
// Options: --port 4631  --out-dir /tmp/dist-h4  --shots /tmp/shots-h4  --skip-build
import { AxeBuilder } from '@axe-core/playwright'
import { mkdirSync } from 'node:fs'
import { flag, option } from './lib/cli.mjs'
import { withPreview } from './lib/preview-server.mjs'

const port = Number(option('port', '4631'))
const outDir = option('out-dir', '/tmp/dist-h4')
const shotsDir = option('shots', '/tmp/shots-h4')
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
          // The 429s are the rate-limit switch this script turns on.
          if (m.type() === 'error' && !m.text().includes('429 (Too Many Requests)'))
            problems.push(`${size.width} ${theme}: console ${m.text()}`)
        })
        const shoot = async (name) => {
          await page.mouse.move(0, size.height - 1)
          await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))))
          const file = `${shotsDir}/${name}-${size.width}-${theme}.png`
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
        const selectAllShown = async (path) => {
          await page.goto(path)
          await rows()
          await page.getByRole('checkbox', { name: 'Select all shown' }).check()
          await page.getByRole('toolbar', { name: 'Selected members' }).waitFor()
        }
        const barButton = (name) =>
          page.getByRole('toolbar', { name: 'Selected members' }).getByRole('button', { name, exact: true })

        await page.goto('/sign-in')
        await page.getByRole('button', { name: 'Explore the demo organization' }).click()
        await page.waitForURL(/\/members/)
        await rows()

        // The administrators: you and the default administrator among them.
        await selectAllShown('/members?role=admin')
        await shoot('bulk-bar')

        await barButton('Disable').click()
        let dialog = page.getByRole('dialog', { name: 'Disable' })
        await dialog.getByText('Show who is skipped').click()
        await shoot('bulk-disable')
        await page.keyboard.press('Escape')

        await barButton('Change role').click()
        dialog = page.getByRole('dialog', { name: 'Change role' })
        await dialog.getByLabel('New role').selectOption({ label: 'Light' })
        await shoot('bulk-role')

        // Progress: every write answered slowly, so the bar is caught part-way.
        await page.evaluate(() => window.rosterDemo?.setFaults({ latencyMs: 1500, method: 'PUT' }))
        await dialog.getByRole('button', { name: /^Change role of \d+ members?$/ }).click()
        const running = page.getByRole('dialog', { name: /role to Light$/ })
        await running.getByRole('progressbar').waitFor()
        await shoot('bulk-progress')
        await page.evaluate(() => window.rosterDemo?.setFaults({}))
        await running.getByRole('heading', { name: 'Finished' }).waitFor({ timeout: 60_000 })
        await shoot('bulk-results')
        await running.getByRole('button', { name: 'Undo' }).click()
        const undo = page.getByRole('dialog', { name: /^Undo: / })
        await undo.getByRole('heading', { name: 'Finished' }).waitFor({ timeout: 60_000 })
        await shoot('bulk-undo-results')
        await undo.getByRole('button', { name: 'Done' }).click()

        // The rate limit: every second write refused with Retry-After: 1 (set after the page loads:
        // a load starts the browser demo afresh).
        await selectAllShown('/members?role=light')
        await page.evaluate(() => window.rosterDemo?.setFaults({ rateLimitEvery: 2 }))
        await barButton('Change role').click()
        dialog = page.getByRole('dialog', { name: 'Change role' })
        await dialog.getByLabel('New role').selectOption({ label: 'Standard' })
        await dialog.getByRole('button', { name: /^Change role of \d+ members?$/ }).click()
        const limited = page.getByRole('dialog', { name: /role to Standard$/ })
        await limited.getByText(/^Waiting \d+ s for Tallyfy's rate limit$/).waitFor({ timeout: 30_000 })
        await shoot('bulk-waiting')
        await limited.getByRole('button', { name: 'Stop' }).click()
        await limited.getByRole('heading', { name: 'Stopped' }).waitFor({ timeout: 60_000 })
        await page.evaluate(() => window.rosterDemo?.setFaults({}))
        await shoot('bulk-stopped')
        await limited.getByRole('button', { name: 'Done' }).click()

        // Groups, and invitations.
        await selectAllShown('/members?role=standard')
        await barButton('Add to group').click()
        dialog = page.getByRole('dialog', { name: 'Add to group' })
        await dialog.getByRole('combobox', { name: 'Group' }).click()
        await dialog.getByRole('option').first().click()
        await dialog.getByRole('button', { name: /^Add \d+ members? to / }).waitFor()
        await shoot('bulk-group')
        await dialog.getByRole('button', { name: 'Cancel' }).click()

        await page.getByRole('button', { name: 'Clear selection' }).click()
        await selectAllShown('/members?status=invited')
        await barButton('Resend invitation').click()
        await page.getByRole('dialog', { name: 'Resend invitation' }).waitFor()
        await shoot('bulk-resend')
        await page.keyboard.press('Escape')
        await barButton('Withdraw invitation').click()
        await page.getByRole('alertdialog', { name: 'Withdraw invitation' }).waitFor()
        await shoot('bulk-withdraw')
        await page.keyboard.press('Escape')

        await context.close()
      }
    }
  })
  if (problems.length > 0) {
    console.error(problems.join('\n'))
    process.exitCode = 1
  }
}

await main()
