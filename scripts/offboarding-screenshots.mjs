// Screenshots of offboarding (issue #22) for review: a member page's Offboarding part, the Remove
// dialog (what the person owns, "Reassign to" open with the leaver's group first, nothing to hand
// over, the default administrator refused), Make default administrator, Convert to guest and Delete
// permanently, at desktop and phone widths, light and dark, on the browser demo. Each picture is also
// checked with axe (WCAG 2.1 A/AA); violations are listed at the end.
// Options: --port 4650  --out-dir /tmp/dist-offboarding  --shots docs/screenshots  --skip-build
import { flag, option } from './lib/cli.mjs'
import { shootEveryLook } from './lib/screenshot-looks.mjs'

const port = Number(option('port', '4650'))
const outDir = option('out-dir', '/tmp/dist-offboarding')
const shotsDir = option('shots', 'docs/screenshots')
const skipBuild = flag('skip-build')

// The demo's people (src/demo/data.ts): the member who owns work, someone who owns nothing, the
// default administrator, you (an administrator), and a disabled member.
const OWNER = 1010
const OWNS_NOTHING = 1003
const DEFAULT_ADMIN = 1002
const ME = 1001
const DISABLED = 1018

// The refusal asked for is a 400 the browser logs; a 502 is a request of the very first load that
// reached the preview's proxy (to api.tallyfy.com, unreachable here) before the demo's worker took over.
await shootEveryLook(
  { prefix: 'offboarding', port, outDir, shotsDir, skipBuild, expectedConsoleErrors: /status of (400|502)/ },
  async ({ page, shoot }) => {
    const member = async (id) => {
      await page.goto(`/members/${id}`)
      await page.getByRole('heading', { name: 'Offboarding' }).waitFor()
    }

    await page.goto('/sign-in')
    await page.getByRole('button', { name: 'Explore the demo organization' }).click()
    await page.waitForURL(/\/members/)

    // The page's part, for an active member: the rule before Delete permanently.
    await member(OWNER)
    await page.getByRole('heading', { name: 'Offboarding' }).scrollIntoViewIfNeeded()
    await shoot('page')

    await page.getByRole('button', { name: 'Remove member' }).click()
    let dialog = page.getByRole('alertdialog')
    await dialog.getByRole('heading', { name: /^Templates/ }).waitFor()
    await shoot('remove')
    const field = dialog.getByRole('combobox', { name: 'Reassign to' })
    await field.click()
    await dialog.getByRole('option').first().waitFor()
    await dialog.getByRole('option').nth(3).scrollIntoViewIfNeeded()
    await shoot('remove-reassign')

    await member(OWNS_NOTHING)
    await page.getByRole('button', { name: 'Remove member' }).click()
    dialog = page.getByRole('alertdialog')
    await dialog.getByText(/nothing to hand over/).waitFor()
    await shoot('remove-nothing')

    await member(DEFAULT_ADMIN)
    await page.getByRole('button', { name: 'Remove member' }).click()
    dialog = page.getByRole('alertdialog')
    await dialog.getByText(/nothing to hand over/).waitFor()
    await dialog.getByRole('button', { name: 'Remove', exact: true }).click()
    await dialog.getByRole('alert').waitFor()
    await dialog.getByRole('alert').scrollIntoViewIfNeeded()
    await shoot('remove-default-admin')

    await member(ME)
    await page.getByRole('button', { name: 'Make default administrator' }).click()
    await page.getByRole('dialog').waitFor()
    await shoot('default-admin')

    await member(OWNS_NOTHING)
    await page.getByRole('button', { name: 'Convert to guest' }).click()
    await page.getByRole('alertdialog').waitFor()
    await shoot('convert')

    await member(DISABLED)
    await page.getByRole('button', { name: 'Delete permanently' }).click()
    dialog = page.getByRole('alertdialog')
    await dialog.getByRole('textbox').fill('bjorn.ostergaard@')
    await shoot('delete')
  },
)
