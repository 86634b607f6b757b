// Screenshots of the invitations (issue #22) for review: the members table's "Invited" column (the
// "Invitations over 14 days" view), a row's invitation menu, the withdraw alert dialog from a row,
// and the "Invitation" section of an invited member's page, at desktop and phone widths, light and
// dark, on the browser demo. Each picture is also checked with axe (WCAG 2.1 A/AA); violations are
// listed at the end, and the script fails on any.
// Options: --port 4630  --out-dir /tmp/dist-b  --shots docs/screenshots  --skip-build
import { flag, option } from './lib/cli.mjs'
import { shootEveryLook } from './lib/screenshot-looks.mjs'

const port = Number(option('port', '4630'))
const outDir = option('out-dir', '/tmp/dist-b')
const shotsDir = option('shots', 'docs/screenshots')
const skipBuild = flag('skip-build')

await shootEveryLook(
  { prefix: 'invitations', port, outDir, shotsDir, skipBuild },
  async ({ page, shoot }) => {
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
  },
)
