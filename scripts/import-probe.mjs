// How long 1,000 pasted rows take to become a preview (issue #22: "1,000 rows parse and validate in
// under a second"), in the production build on the browser demo: from the paste (one input event
// with the whole text, as a spreadsheet's clipboard gives it) to the summary and the first rows
// painted. Five runs; the median is printed with every run.
// Options: --port 4640  --out-dir /tmp/dist-import  --skip-build
import { flag, option } from './lib/cli.mjs'
import { withPreview } from './lib/preview-server.mjs'

const port = Number(option('port', '4640'))
const outDir = option('out-dir', '/tmp/dist-import')
const skipBuild = flag('skip-build')

const text = [
  'Email\tFirst name\tLast name\tRole\tGroups',
  ...Array.from(
    { length: 1000 },
    (_, i) =>
      `probe.${i}@example.com\tFirst${i}\tLast ${i}\t${i % 3 === 0 ? 'Light' : ''}\t${i % 5 === 0 ? 'Sales — EMEA' : ''}`,
  ),
].join('\n')

await withPreview({ outDir, port, skipBuild }, async ({ baseURL, browser }) => {
  const context = await browser.newContext({ baseURL, viewport: { width: 1280, height: 900 } })
  await context.addInitScript(() => localStorage.setItem('roster.demo.members', '2000'))
  const page = await context.newPage()
  await page.goto('/sign-in')
  await page.getByRole('button', { name: 'Explore the demo organization' }).click()
  await page.locator('tbody tr a[href^="/members/"]').first().waitFor()
  await page
    .getByText(/^Loading members/)
    .waitFor({ state: 'detached', timeout: 30_000 })
    .catch(() => {})
  const times = []
  for (let run = 0; run < 5; run++) {
    await page.getByRole('button', { name: 'Import members' }).click()
    const dialog = page.getByRole('dialog', { name: 'Import members' })
    await dialog
      .getByRole('list', { name: 'Summary' })
      .waitFor({ state: 'detached' })
      .catch(() => {})
    const area = dialog.getByRole('textbox', { name: 'Paste rows' })
    const elapsed = await area.evaluate(async (textarea, rows) => {
      const setter = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value').set
      const started = performance.now()
      setter.call(textarea, rows)
      textarea.dispatchEvent(new Event('input', { bubbles: true }))
      await new Promise((resolve) => {
        const check = () => {
          const summary = document.querySelector('[aria-label="Summary"]')
          if (
            summary &&
            /1,000 ready/.test(summary.textContent ?? '') &&
            document.querySelector('[aria-label="Include row 101"]')
          )
            requestAnimationFrame(() => resolve())
          else requestAnimationFrame(check)
        }
        check()
      })
      return performance.now() - started
    }, text)
    times.push(elapsed)
    await dialog.getByRole('button', { name: 'Cancel' }).click()
  }
  const sorted = [...times].sort((a, b) => a - b)
  console.log(
    `1,000 pasted rows to a painted preview: ${times.map((t) => t.toFixed(0)).join(', ')} ms; median ${sorted[2].toFixed(0)} ms`,
  )
  await context.close()
})
