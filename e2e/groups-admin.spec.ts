import type { Browser, Page } from '@playwright/test'
import { createDemoOrg } from '../src/demo/data'
import type { Faults } from '../src/demo/faults'
import {
  createServerOrg,
  expect,
  faultsFromStart,
  openDemo,
  signInThroughProxy,
  test,
  type ServerOrg,
} from './fixtures'

// Group administration end to end: every write an admin can make, through the browser demo (MSW in
// the page) and through the real proxy to the HTTP demo API. Found by role and accessible name, as
// a person (or a screen reader) finds them. On the HTTP demo each test signs in to an organization
// of its own (POST /__demo/orgs with its own token, the same people and groups as the main one), so
// its writes, faults and non-admin persona never reach the specs reading the main organization.

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

interface Way {
  name: string
  /** Signed in as an admin (or the persona in `faults`), on /members. */
  open(page: Page, faults?: Faults): Promise<void>
  /** Switches faults on from now, for this test's organization only. */
  setFaults(page: Page, faults: Faults): Promise<void>
  /** Signs another browser in to the same organization. */
  openAgain(page: Page): Promise<void>
}

/** The HTTP demo organization of the test running in this worker. */
let serverOrg: ServerOrg | null = null

const ways: Way[] = [
  {
    name: 'browser demo',
    async open(page, faults) {
      if (faults) await faultsFromStart(page, faults)
      await openDemo(page, { members: 300 })
    },
    async setFaults(page, faults) {
      await page.evaluate((f: Faults) => window.rosterDemo?.setFaults(f), faults)
    },
    openAgain: () => Promise.reject(new Error('another tab of the browser demo is another organization')),
  },
  {
    name: 'HTTP demo through the proxy',
    async open(page, faults) {
      serverOrg = await createServerOrg('groups-admin', { members: demo.members.length, faults })
      await signInThroughProxy(page, serverOrg)
    },
    async setFaults(_page, faults) {
      await serverOrg!.setFaults(faults)
    },
    async openAgain(page) {
      await signInThroughProxy(page, serverOrg!)
    },
  },
]

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

  // Every screen that shows the group agrees, without a reload (links only, and a mark on the window
  // that a full load would wipe): Bob's page lists the group, so does his row's Groups column in the
  // members table (Bob was in no group before, so it is the one shown), and its link leads back here.
  await page.evaluate(() => Object.assign(window, { journeyMark: true }))
  await memberRow(page, bob!).click()
  await expect(page.getByRole('heading', { level: 1, name: fullName(bob!) })).toBeVisible()
  await expect(
    page.getByRole('region', { name: 'Groups' }).getByRole('link', { name, exact: true }),
  ).toBeVisible()
  await page.getByRole('navigation').getByRole('link', { name: 'Members' }).click()
  await page.getByRole('searchbox', { name: 'Search members' }).fill(fullName(bob!))
  const bobRow = page
    .getByRole('table', { name: /^Members/ })
    .getByRole('row')
    .filter({ has: page.getByRole('link', { name: fullName(bob!), exact: true }) })
  await expect(bobRow.getByRole('link', { name, exact: true })).toBeVisible()
  await bobRow.getByRole('link', { name, exact: true }).click()
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible()
  expect(await page.evaluate(() => 'journeyMark' in window)).toBe(true)
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
  // Its opener went with the logo: focus is on the control that brings one back, not on the page.
  await expect(page.getByLabel('Change logo')).toBeFocused()

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

for (const way of ways) {
  test.describe(`group administration (${way.name})`, () => {
    test.afterEach(async () => {
      // The organization is this test's alone and is not used again; its faults go all the same.
      await serverOrg?.reset()
      serverOrg = null
    })

    test('create, add two members and a guest, remove with and without Undo, rename, logo, delete', async ({
      page,
    }) => {
      test.setTimeout(120_000)
      await way.open(page)
      await journey(page, `Night shift ${Date.now()}`)
    })

    test('a 422 is shown on its field, in Tallyfy’s words', async ({ page }) => {
      await way.open(page)
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
      await way.open(page)
      await goToGroups(page)
      await page.getByRole('link', { name: existing.name, exact: true }).click()
      await expect(page.getByRole('heading', { level: 1, name: existing.name })).toBeVisible()
      const guest = existing.guests[0]!
      await way.setFaults(page, { status: 500, method: 'PUT', latencyMs: 400 })
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
      await way.open(page, { signedInRole: 'standard' })
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

    if (way.name === 'browser demo') return

    test('a change made meanwhile in another browser is not lost', async ({ page, browser }) => {
      test.setTimeout(90_000)
      await way.open(page)
      await goToGroups(page)
      await page.getByRole('link', { name: existing.name, exact: true }).click()
      await expect(page.getByRole('heading', { level: 1, name: existing.name })).toBeVisible()
      const stale = Number(existing.members.find((id) => typeof id === 'number')!)
      const staleName = demo.members.find((m) => m.id === stale)!.full_name

      // Another admin, in a second browser context, adds Carol to the same group.
      await addInOtherBrowser(browser, way, carol!)

      // This tab still shows the group without Carol, and removes someone: the PUT must keep Carol.
      await expect(memberRow(page, carol!)).toHaveCount(0)
      await page.getByRole('button', { name: `Remove ${staleName}` }).click()
      await expect(notices(page)).toContainText(`Removed ${staleName}`)
      // The answer brings Carol in (no reload), and she stays after a reload too.
      await expect(memberRow(page, carol!)).toBeVisible()
      await page.reload()
      await expect(memberRow(page, carol!)).toBeVisible()
      await expect(page.getByRole('link', { name: staleName, exact: true })).toHaveCount(0)
    })
  })
}

async function addInOtherBrowser(browser: Browser, way: Way, who: (typeof candidates)[number]) {
  const context = await browser.newContext()
  const other = await context.newPage()
  await way.openAgain(other)
  await goToGroups(other)
  await other.getByRole('link', { name: existing.name, exact: true }).click()
  await addMember(other, who)
  await context.close()
}
