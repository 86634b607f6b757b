// Screenshots of Import members (issue #22) for review: the empty dialog, the preview of ten pasted
// rows (ready, already members, a duplicate, a row that needs a fix) and the batch's results, at
// desktop and phone widths, light and dark, on the browser demo. Each picture is also checked with
// axe (WCAG 2.1 A/AA); violations are listed at the end and fail the run.
// Options: --port 4640  --out-dir /tmp/dist-import  --shots docs/screenshots  --skip-build
import { flag, option } from './lib/cli.mjs'
import { shootEveryLook } from './lib/screenshot-looks.mjs'

const port = Number(option('port', '4640'))
const outDir = option('out-dir', '/tmp/dist-import')
const shotsDir = option('shots', 'docs/screenshots')
const skipBuild = flag('skip-build')

const rows = (run, existing) =>
  [
    'E-mail\tGiven name\tSurname\tRole\tGroups\tDepartment',
    `ana.sousa.${run}@example.com\tAna\tSousa\tLight\tSales — EMEA\tOps`,
    `bo.li.${run}@example.com\tBo\tLi\t\tSales — EMEA, Sales — Americas\tOps`,
    `${existing.toUpperCase()}\tAlready\tHere\t\t\tOps`,
    `cy.lee.${run}@example.com\tCy\tLee\tStandard\t\tOps`,
    `dee.ng.${run}@example.com\tDee\tNg\t\tSales — Americas\tOps`,
    `ana.sousa.${run}@example.com\tAna\tAgain\t\t\tOps`,
    `not-an-address\tEd\tOk\t\t\tOps`,
    `fay.oh.${run}@example.com\tFay\tOhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhh\t\tSales — EMEA\tOps`,
    `gus.pi.${run}@example.com\tGus\tPi\tManager\t\tOps`,
  ].join('\n')

await shootEveryLook(
  { prefix: 'import', port, outDir, shotsDir, skipBuild, watchConsole: false },
  async ({ page, size, theme, shoot }) => {
    await page.goto('/sign-in')
    await page.getByRole('button', { name: 'Explore the demo organization' }).click()
    await page.locator('tbody tr a[href^="/members/"]').first().waitFor()
    await page
      .getByText(/^Loading members/)
      .waitFor({ state: 'detached', timeout: 20_000 })
      .catch(() => {})
    await page.getByRole('button', { name: 'Import members' }).click()
    const dialog = page.getByRole('dialog', { name: 'Import members' })
    await dialog.waitFor()
    await shoot('empty')

    // Two people of the demo, as another admin's spreadsheet would list them.
    const existing = await page.evaluate(async () => {
      const response = await fetch(
        '/api/organizations/5e1d0c4a9b7f4e2a8c3d6b1f0a9e7c42/users?page=1&per_page=20',
        {
          headers: {
            Authorization: 'Bearer roster-demo-token',
            'X-Tallyfy-Client': 'APIClient',
            Accept: 'application/json',
          },
        },
      )
      const body = await response.json()
      return body.data
        .filter((m) => m.status === 'active')
        .slice(5, 6)
        .map((m) => m.email)
    })
    const text = rows(`${size.width}${theme}`, existing[0] ?? 'nobody@example.com')
    await dialog.getByRole('textbox', { name: 'Paste rows' }).fill(text)
    await dialog.getByRole('list', { name: 'Summary' }).waitFor()
    await dialog.getByRole('region', { name: 'Rows' }).scrollIntoViewIfNeeded()
    await shoot('preview')

    await dialog.getByRole('button', { name: /^Invite \d+ (people|person)$/ }).click()
    const batch = page.getByRole('dialog', { name: /^Invite / })
    await batch.getByRole('heading', { name: 'Finished' }).waitFor({ timeout: 30_000 })
    await shoot('results')
  },
)
