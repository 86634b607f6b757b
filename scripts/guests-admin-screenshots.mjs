// Screenshots of running guests (issue #22) for review: Add guest (empty, a member's email refused,
// the hourly cap's time, the new guest's notice), a guest's page with its administration, a 403
// refusal to disable, the Reset link and Remove guest alert dialogs, Convert to member (and its
// 409 when no seat is free), and a group's "New guest emails" with a refusal, at desktop and phone
// widths, light and dark, on the browser demo. Each picture is also checked with axe (WCAG 2.1
// A/AA); violations are listed at the end.
// Options: --port 4660  --out-dir /tmp/dist-guests  --shots docs/screenshots  --skip-build
import { flag, option } from './lib/cli.mjs'
import { shootEveryLook } from './lib/screenshot-looks.mjs'

const port = Number(option('port', '4660'))
const outDir = option('out-dir', '/tmp/dist-guests')
const shotsDir = option('shots', 'docs/screenshots')
const skipBuild = flag('skip-build')

// From the demo's seeded data (300 members, as e2e/guests-admin.spec.ts picks them): a guest in a
// group, a Standard member, a group with guests, and the guest with incomplete tasks.
const guest = { email: 'hannah.whitfield@ledgerline-audit.example' }
const member = { email: 'harper.thomas@northwind-relay.example' }
const group = { id: '8151185fcd8e159f45406d9be2f863c4' }
const DEMO_GUEST_WITH_TASKS = 'ravi.kapoor@nimbus-it.example'
const guestPath = (email) => `/guests/${encodeURIComponent(email)}`

// The refusals (403, 409, 429) are what these pictures show.
await shootEveryLook(
  {
    prefix: 'guests-admin',
    port,
    outDir,
    shotsDir,
    skipBuild,
    expectedConsoleErrors: /status of (403|409|429)/,
  },
  async ({ page, shoot }) => {
    // Client-side moves: a reload would start the browser demo's organization over.
    const go = (path) =>
      page.evaluate((to) => {
        history.pushState(null, '', to)
        dispatchEvent(new PopStateEvent('popstate'))
      }, path)
    const setFaults = (faults) => page.evaluate((f) => window.rosterDemo.setFaults(f), faults)

    await page.goto('/sign-in')
    await page.getByRole('button', { name: 'Explore the demo organization' }).click()
    await page.waitForURL(/\/members/)
    await page.locator('tbody tr a[href^="/members/"]').first().waitFor()

    // Add guest: empty, a member's email refused, added (the notice), the cap's time.
    await go('/guests')
    await page.getByRole('table', { name: /^Guests/ }).waitFor()
    await page.getByRole('button', { name: 'Add guest' }).click()
    let dialog = page.getByRole('dialog', { name: 'Add guest' })
    await dialog.getByLabel('Email').waitFor()
    await shoot('add-guest')
    await dialog.getByLabel('Email').fill(member.email)
    await dialog.getByRole('button', { name: 'Add guest' }).click()
    await dialog.getByText(/a member of this organization/).waitFor()
    await shoot('add-guest-member')
    await setFaults({ guestCap: 1 })
    await dialog.getByLabel('Email').fill('bea.moreau@client.example')
    await dialog.getByLabel('First name').fill('Bea')
    await dialog.getByLabel('Last name').fill('Moreau')
    await dialog.getByLabel('Company').fill('Client Co')
    await dialog.getByRole('button', { name: 'Add guest' }).click()
    await page.getByRole('link', { name: 'Open Bea Moreau' }).waitFor()
    await shoot('added')
    await page.getByRole('button', { name: 'Add guest' }).click()
    dialog = page.getByRole('dialog', { name: 'Add guest' })
    await dialog.getByLabel('Email').fill('cy.next@client.example')
    await dialog.getByRole('button', { name: 'Add guest' }).click()
    await dialog.getByRole('alert').waitFor()
    await shoot('add-guest-cap')
    await dialog.getByRole('button', { name: 'Cancel' }).click()
    await setFaults({})

    // A guest's page: the administration, a 403 refusal, Reset link, Remove, Convert (and its 409).
    await go(guestPath(DEMO_GUEST_WITH_TASKS))
    await page.getByRole('button', { name: 'Disable guest' }).click()
    await page.getByRole('alert').waitFor()
    await page.getByRole('alert').scrollIntoViewIfNeeded()
    await shoot('disable-refused')

    await go(guestPath(guest.email))
    await page.getByRole('heading', { name: 'Administration' }).waitFor()
    await page.getByRole('button', { name: 'Remove guest' }).scrollIntoViewIfNeeded()
    await shoot('guest-page')
    await page.getByRole('button', { name: 'Reset link' }).click()
    await page.getByRole('alertdialog').waitFor()
    await shoot('reset-link')
    await page.keyboard.press('Escape')
    await page.getByRole('button', { name: 'Remove guest' }).click()
    await page.getByRole('alertdialog').waitFor()
    await shoot('remove')
    await page.keyboard.press('Escape')
    await page.getByRole('button', { name: 'Convert to member' }).click()
    dialog = page.getByRole('dialog', { name: /^Convert .* to a member\?$/ })
    await dialog.getByLabel('Role').waitFor()
    await shoot('convert')
    await setFaults({ seats: { full: 0 } })
    await dialog.getByRole('button', { name: 'Convert to member' }).click()
    await dialog.getByRole('alert').waitFor()
    await shoot('convert-no-seat')
    await page.keyboard.press('Escape')
    await setFaults({})

    // A group's "New guest emails", with a refusal.
    await go(`/groups/${group.id}`)
    await page.getByRole('button', { name: 'Add several new guests' }).click()
    const field = page.getByLabel('New guest emails')
    await field.fill(`${member.email}\nnot-an-address\nnia@partner.example`)
    await page.getByRole('button', { name: 'Add new guests' }).click()
    await page.getByText(/^Not email addresses/).waitFor()
    await field.scrollIntoViewIfNeeded()
    await shoot('new-guests')
  },
)
