import type { Browser, Page } from '@playwright/test'
import { createDemoOrg } from '../src/demo/data'
import type { Faults } from '../src/demo/faults'
import { DEMO_ORG_ID, DEMO_TOKEN, demoApiUrl, expect, faultsFromStart, openDemo, test } from './fixtures'

// Group administration end to end: every write an admin can make, through the browser demo (MSW in
// the page) and through the real proxy to the HTTP demo API. Found by role and accessible name, as
// a person (or a screen reader) finds them.

const demo = createDemoOrg({ members: 300 })
const candidates = demo.members.filter((m) => m.status === 'active' && /^[a-z0-9.]+@/.test(m.email))
const [alice, bob, carol] = candidates
const fullName = (m: (typeof candidates)[number]) => m.full_name
const existing = demo.groups.find((g) => g.members.length > 2 && g.guests.length > 0)!

// A tiny valid PNG (1×1), and a "logo" that is really text.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
)

const notices = (page: Page) => page.getByRole('status', { name: 'Notifications' })
const noticeSaying = (page: Page, text: string) => notices(page).locator('.notice', { hasText: text })

async function signInThroughProxy(page: Page) {
  await page.goto('/sign-in')
  await page.getByLabel('Organization ID').fill(DEMO_ORG_ID)
  await page.getByLabel('Access token').fill(DEMO_TOKEN)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page).toHaveURL(/\/members$/)
}

async function goToGroups(page: Page) {
  await page.getByRole('navigation').getByRole('link', { name: 'Groups' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Groups' })).toBeVisible()
}

async function addMember(page: Page, who: (typeof candidates)[number]) {
  const combobox = page.getByRole('combobox', { name: 'Add member' })
  await combobox.fill(who.email)
  const option = page.getByRole('option', { name: new RegExp(escape(fullName(who))) })
  await expect(option).toBeVisible()
  await combobox.press('ArrowDown')
  await expect(option).toHaveAttribute('aria-selected', 'true')
  await combobox.press('Enter')
  await expect(notices(page)).toContainText(`Added ${fullName(who)} to`)
  await expect(memberRow(page, who)).toBeVisible()
}

const memberRow = (page: Page, who: (typeof candidates)[number]) =>
  page
    .getByRole('table', { name: /members of this group/i })
    .getByRole('link', { name: fullName(who), exact: true })

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** The whole journey; `name` is unique per run (the HTTP demo keeps its data between tests). */
async function journey(page: Page, name: string) {
  await goToGroups(page)
  await page.getByRole('button', { name: 'New group' }).click()
  const form = page.getByRole('dialog', { name: 'New group' })
  await form.getByLabel('Name').fill(name)
  await form.getByLabel('Description').fill('Made by the e2e journey')
  await form.getByRole('button', { name: 'Create group' }).dblclick()
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible()
  await expect(page).toHaveURL(/\/groups\/[0-9a-f]{32}$/)

  // Two members, with the keyboard only.
  await addMember(page, alice!)
  await addMember(page, bob!)
  await expect(page.getByRole('heading', { name: 'Members (2)' })).toBeVisible()
  // Someone already in the group is not offered.
  await page.getByRole('combobox', { name: 'Add member' }).fill(alice!.email)
  await expect(page.getByText(`No one outside ${name} matches`)).toBeVisible()
  await page.getByRole('combobox', { name: 'Add member' }).press('Escape')
  await page.getByRole('combobox', { name: 'Add member' }).press('Escape')

  // A guest; an invalid address is refused on the field before any request.
  const guestField = page.getByLabel('Guest email')
  await guestField.fill('not an email')
  await page.getByRole('button', { name: 'Add guest' }).click()
  await expect(guestField).toHaveAttribute('aria-invalid', 'true')
  await expect(page.getByText('is not an email address')).toBeVisible()
  await guestField.fill('visitor@partner.example')
  await guestField.press('Enter')
  await expect(page.getByRole('button', { name: 'Remove visitor@partner.example' })).toBeVisible()
  await expect(page.getByRole('heading', { name: 'Guests (1)' })).toBeVisible()

  // Remove Alice, then Undo: she is back.
  await page.getByRole('button', { name: `Remove ${fullName(alice!)}` }).click()
  await expect(memberRow(page, alice!)).toHaveCount(0)
  await expect(notices(page)).toContainText(`Removed ${fullName(alice!)} from ${name}.`)
  // Focus moved to the next sensible control, not to the page's body.
  await expect(page.locator('body')).not.toBeFocused()
  await noticeSaying(page, `Removed ${fullName(alice!)}`)
    .getByRole('button', { name: 'Undo' })
    .click()
  await expect(memberRow(page, alice!)).toBeVisible()
  await expect(notices(page)).toContainText(`${fullName(alice!)} is back in ${name}.`)

  // Remove Bob for good.
  await page.getByRole('button', { name: `Remove ${fullName(bob!)}` }).click()
  await expect(memberRow(page, bob!)).toHaveCount(0)
  await expect(page.getByRole('heading', { name: 'Members (1)' })).toBeVisible()

  // Rename.
  const renamed = `${name} (renamed)`
  await page.getByRole('button', { name: 'Edit group' }).click()
  const edit = page.getByRole('dialog', { name: 'Edit group' })
  await expect(edit.getByLabel('Name')).toHaveValue(name)
  await edit.getByLabel('Name').fill(renamed)
  await edit.getByLabel('Description').fill('Renamed by the e2e journey')
  await edit.getByRole('button', { name: 'Save' }).click()
  await expect(edit).toHaveCount(0)
  await expect(page.getByRole('heading', { level: 1, name: renamed })).toBeVisible()
  await expect(page.getByText('Renamed by the e2e journey')).toBeVisible()
  await expect(page.getByRole('button', { name: 'Edit group' })).toBeFocused()

  // Logo: a text file is refused before upload, with the reason; a PNG is taken; then removed.
  const logoInput = page.getByLabel('Change logo')
  await logoInput.setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('hello') })
  await expect(page.getByText('notes.txt is not a JPG, PNG or GIF image.')).toBeVisible()
  await logoInput.setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: PNG })
  await expect(page.locator('.group-header img')).toHaveAttribute('src', /^data:image\/png;base64,/)
  await page.getByRole('button', { name: 'Remove logo' }).click()
  await page
    .getByRole('alertdialog', { name: 'Remove the logo?' })
    .getByRole('button', { name: 'Remove' })
    .click()
  await expect(page.locator('.group-header img')).toHaveCount(0)
  await expect(page.getByRole('button', { name: 'Remove logo' })).toHaveCount(0)

  // The groups list and Alice's page agree without a reload.
  await page.getByRole('link', { name: 'Back to groups' }).click()
  await expect(page.getByRole('link', { name: renamed })).toBeVisible()
  await page.getByRole('link', { name: renamed }).click()

  // Delete: the alert dialog names what is lost; Roster returns to /groups, where it is gone.
  await page.getByRole('button', { name: 'Delete group' }).click()
  const confirm = page.getByRole('alertdialog', { name: `Delete ${renamed}?` })
  await expect(confirm).toContainText('deleted for good')
  await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused()
  await confirm.getByRole('button', { name: 'Delete' }).click()
  await expect(page).toHaveURL(/\/groups$/)
  await expect(page.getByRole('heading', { level: 1, name: 'Groups' })).toBeFocused()
  await expect(notices(page)).toContainText(`Deleted group ${renamed}.`)
  await expect(page.getByRole('link', { name: renamed })).toHaveCount(0)
}

test.describe('group administration, browser demo', () => {
  test('create, add two members and a guest, remove with and without Undo, rename, logo, delete', async ({
    page,
  }) => {
    test.setTimeout(120_000)
    await openDemo(page, { members: 300 })
    await journey(page, 'Night shift')
  })

  test('a 422 is shown on its field, in Tallyfy’s words', async ({ page }) => {
    await openDemo(page, { members: 300 })
    await goToGroups(page)
    await page.getByRole('button', { name: 'New group' }).click()
    const form = page.getByRole('dialog', { name: 'New group' })
    await form.getByLabel('Name').fill(existing.name)
    await form.getByLabel('Description').fill('Same name')
    await form.getByRole('button', { name: 'Create group' }).click()
    await expect(form.getByText('The name has already been taken.')).toBeVisible()
    await expect(form.getByLabel('Name')).toHaveAttribute('aria-invalid', 'true')
    await expect(form.getByLabel('Name')).toBeFocused()
    await page.keyboard.press('Escape')
    await expect(form).toHaveCount(0)
    await expect(page.getByRole('button', { name: 'New group' })).toBeFocused()
  })

  test('a 500 on the write rolls the change back and says why', async ({ page }) => {
    await openDemo(page, { members: 300 })
    await goToGroups(page)
    await page.getByRole('link', { name: existing.name, exact: true }).click()
    await expect(page.getByRole('heading', { level: 1, name: existing.name })).toBeVisible()
    const guest = existing.guests[0]!
    await page.evaluate((f: Faults) => window.rosterDemo?.setFaults(f), {
      status: 500,
      method: 'PUT',
      latencyMs: 400,
    } satisfies Faults)
    await page.getByRole('button', { name: `Remove ${guest}` }).click()
    // At once, before Tallyfy answers…
    await expect(page.getByRole('button', { name: `Remove ${guest}` })).toHaveCount(0)
    // …then back, with the reason.
    await expect(page.getByRole('button', { name: `Remove ${guest}` })).toBeVisible()
    await expect(notices(page)).toContainText(
      `Could not remove guest ${guest}. Tallyfy is having trouble right now.`,
    )
    await expect(notices(page).getByRole('button', { name: 'Undo' })).toHaveCount(0)
  })

  test('a non-admin sees none of the controls', async ({ page }) => {
    await faultsFromStart(page, { signedInRole: 'standard' })
    await openDemo(page, { members: 300 })
    await goToGroups(page)
    await expect(page.getByRole('link', { name: existing.name, exact: true })).toBeVisible()
    await expect(page.getByRole('button', { name: 'New group' })).toHaveCount(0)
    await page.getByRole('link', { name: existing.name, exact: true }).click()
    await expect(page.getByRole('heading', { level: 1, name: existing.name })).toBeVisible()
    await expect(page.getByRole('table', { name: /members of this group/i })).toBeVisible()
    for (const name of ['Edit group', 'Delete group', 'Remove logo', 'Add guest']) {
      await expect(page.getByRole('button', { name })).toHaveCount(0)
    }
    await expect(page.getByRole('combobox', { name: 'Add member' })).toHaveCount(0)
    await expect(page.getByLabel('Change logo')).toHaveCount(0)
    await expect(page.getByRole('button', { name: /^Remove / })).toHaveCount(0)
  })
})

test.describe('group administration, through the proxy to the HTTP demo', () => {
  test.describe.configure({ mode: 'serial' })
  test.afterEach(async () => {
    await fetch(`${demoApiUrl}/__demo/reset`, { method: 'POST' })
  })

  test('the whole journey', async ({ page }) => {
    test.setTimeout(120_000)
    await signInThroughProxy(page)
    await journey(page, `Proxy journey ${Date.now()}`)
  })

  test('a change made meanwhile in another browser is not lost', async ({ page, browser }) => {
    test.setTimeout(90_000)
    await signInThroughProxy(page)
    await goToGroups(page)
    await page.getByRole('link', { name: existing.name, exact: true }).click()
    await expect(page.getByRole('heading', { level: 1, name: existing.name })).toBeVisible()
    const stale = Number(existing.members.find((id) => typeof id === 'number')!)
    const staleName = demo.members.find((m) => m.id === stale)!.full_name

    // Another admin, in a second browser context, adds Carol to the same group.
    await addInOtherBrowser(browser, carol!)

    // This tab still shows the group without Carol, and removes someone: the PUT must keep Carol.
    await expect(memberRow(page, carol!)).toHaveCount(0)
    await page.getByRole('button', { name: `Remove ${staleName}` }).click()
    await expect(notices(page)).toContainText(`Removed ${staleName}`)
    // The answer brings Carol in (no reload), and she stays after a reload too.
    await expect(memberRow(page, carol!)).toBeVisible()
    await page.reload()
    await expect(memberRow(page, carol!)).toBeVisible()
    await expect(page.getByRole('link', { name: staleName, exact: true })).toHaveCount(0)

    // Put the shared server back as it was for other specs.
    await page.getByRole('button', { name: `Remove ${fullName(carol!)}` }).click()
    await expect(memberRow(page, carol!)).toHaveCount(0)
    await addMemberByName(page, stale)
  })
})

async function addInOtherBrowser(browser: Browser, who: (typeof candidates)[number]) {
  const context = await browser.newContext()
  const other = await context.newPage()
  await signInThroughProxy(other)
  await goToGroups(other)
  await other.getByRole('link', { name: existing.name, exact: true }).click()
  await addMember(other, who)
  await context.close()
}

async function addMemberByName(page: Page, id: number) {
  const who = demo.members.find((m) => m.id === id)!
  const combobox = page.getByRole('combobox', { name: 'Add member' })
  await combobox.fill(who.email)
  await page.getByRole('option', { name: new RegExp(escape(who.full_name)) }).click()
  await expect(page.getByRole('link', { name: who.full_name, exact: true })).toBeVisible()
}
