import type { Page } from '@playwright/test'
import { DEMO_ME_ID } from '../src/demo/credentials'
import { createDemoOrg, DEFAULT_ADMIN_ID } from '../src/demo/data'
import type { Faults } from '../src/demo/faults'
import { audit } from './axe'
import {
  createServerOrg,
  expect,
  faultsFromStart,
  openDemo,
  signInThroughProxy,
  test,
  type ServerOrg,
} from './fixtures'

// Members administration, run twice: against the browser demo (the service worker; every page load
// starts a fresh organization) and through the proxy to the HTTP demo. There each test gets an
// organization of its own (POST /__demo/orgs, with its own token so that GET /me answers with its
// persona), so its invitations, role changes, faults and non-admin persona never reach the main demo
// organization that the other spec files read at the same time.

const demo = createDemoOrg({ members: 300 })
const byId = (id: number) => {
  const member = demo.members.find((m) => m.id === id)
  if (!member) throw new Error(`no demo member ${id}`)
  return member
}
const standardMember = byId(1003) // Siobhán O'Brien, standard, active
const disableTarget = byId(1004) // Jean-Luc Moreau, standard, active
const defaultAdmin = byId(DEFAULT_ADMIN_ID)
const signedInPerson = byId(DEMO_ME_ID) // an admin, and not the default administrator
const DEFAULT_ADMIN_REFUSAL =
  'Cannot modify the default administrator. Please assign another member as default administrator first.'

const table = (page: Page) => page.getByRole('table', { name: /^Members/ })
const search = (page: Page) => page.getByRole('searchbox', { name: 'Search members' })
const notices = (page: Page) => page.getByRole('status', { name: 'Notifications' })
const badges = (page: Page) => page.locator('.member-page__badges')
const roleFilter = (page: Page) => page.getByRole('combobox', { name: 'Role' })

interface Way {
  name: string
  /** Signed in on /members with the directory loaded. */
  open(page: Page, faults?: Faults): Promise<void>
  /** After the test: the HTTP demo forgets its faults. */
  reset(): Promise<void>
}

async function waitForDirectory(page: Page) {
  await expect(table(page)).toBeVisible()
  await expect(page.getByText(/^Loading members/)).toHaveCount(0)
}

/** The HTTP demo organization of the test running in this worker, for its reset. */
let serverOrg: ServerOrg | null = null

const ways: Way[] = [
  {
    name: 'browser demo',
    async open(page, faults) {
      if (faults) await faultsFromStart(page, faults)
      await openDemo(page)
      await waitForDirectory(page)
    },
    reset: async () => {},
  },
  {
    name: 'HTTP demo through the proxy',
    async open(page, faults) {
      serverOrg = await createServerOrg('members-admin', { members: demo.members.length, faults })
      await signInThroughProxy(page, serverOrg)
      await waitForDirectory(page)
    },
    reset: async () => {
      // The organization is this test's alone and is not used again; its faults go all the same.
      await serverOrg?.reset()
      serverOrg = null
    },
  },
]

/** From the table to a member's page, as a person does: search, then the name. */
async function openMember(page: Page, fullName: string) {
  await search(page).fill(fullName)
  await table(page).getByRole('link', { name: fullName, exact: true }).click()
  await expect(page.getByRole('heading', { level: 1, name: fullName })).toBeVisible()
}

async function backToMembers(page: Page) {
  await page.getByRole('link', { name: 'Back to members' }).click()
  await waitForDirectory(page)
  await search(page).fill('')
}

/** "Light (54)" → 54, from the Role filter's option. */
async function roleCount(page: Page, label: string): Promise<number> {
  const text =
    (await roleFilter(page)
      .locator('option', { hasText: new RegExp(`^${label} \\(`) })
      .textContent()) ?? ''
  return Number(/\(([\d,]+)\)/.exec(text)?.[1]?.replace(/,/g, '') ?? Number.NaN)
}

async function changeRole(page: Page, label: string) {
  await page.getByRole('combobox', { name: 'Role' }).selectOption({ label })
  await page.getByRole('button', { name: 'Change role' }).click()
}

for (const way of ways) {
  test.describe(`members administration (${way.name})`, () => {
    test.afterEach(way.reset)

    test('invites a member, who is in the table at once as Invited and found by search', async ({
      page,
      pageErrors,
    }) => {
      await way.open(page)
      const email = `new.colleague+${Date.now()}@example.com`
      await page.getByRole('button', { name: 'Invite member' }).click()
      const dialog = page.getByRole('dialog', { name: 'Invite member' })
      await expect(dialog.getByLabel('Message')).not.toHaveValue('')

      // Checked before sending: the reason is on the field, and nothing is sent.
      await dialog.getByLabel('First name').fill('https://spam.example')
      await dialog.getByRole('button', { name: 'Send invitation' }).click()
      await expect(dialog.getByLabel('Email')).toHaveAccessibleDescription('Enter an email address.')
      await expect(dialog.getByLabel('Email')).toBeFocused()
      await expect(dialog.getByLabel('First name')).toHaveAccessibleDescription(
        "First name can't contain a web address.",
      )

      await dialog.getByLabel('Email').fill(email)
      await dialog.getByLabel('First name').fill('Nia')
      await dialog.getByLabel('Last name').fill('Okafor-Invite')
      await dialog.getByLabel('Role').selectOption({ label: 'Light' })
      await dialog.getByRole('button', { name: 'Send invitation' }).click()
      await expect(dialog).toHaveCount(0)
      await expect(notices(page)).toContainText(`Invitation sent to Nia Okafor-Invite (${email})`)
      await expect(page.getByRole('button', { name: 'Invite member' })).toBeFocused()

      await search(page).fill(email)
      const row = table(page).getByRole('row').filter({ hasText: 'Nia Okafor-Invite' })
      await expect(row).toHaveCount(1)
      await expect(row).toContainText('Invited')
      await expect(row).toContainText('Light')
      expect(pageErrors.filter((e) => !/status of 4\d\d/.test(e))).toEqual([])
    })

    test("a duplicate email is refused on the Email field, in Tallyfy's words", async ({ page }) => {
      await way.open(page)
      await page.getByRole('button', { name: 'Invite member' }).click()
      const dialog = page.getByRole('dialog', { name: 'Invite member' })
      await dialog.getByLabel('Email').fill(standardMember.email.toUpperCase())
      await dialog.getByLabel('First name').fill('Another')
      await dialog.getByLabel('Last name').fill('Person')
      await dialog.getByRole('button', { name: 'Send invitation' }).click()
      await expect(dialog.getByLabel('Email')).toHaveAccessibleDescription(
        'The email has already been taken.',
      )
      await expect(dialog.getByLabel('Email')).toBeFocused()
      await expect(dialog.getByRole('button', { name: 'Send invitation' })).toBeEnabled()
    })

    test('changes a role: the badge and the filter counts follow at once', async ({ page }) => {
      await way.open(page)
      const standardBefore = await roleCount(page, 'Standard')
      const lightBefore = await roleCount(page, 'Light')
      await openMember(page, standardMember.full_name)
      await expect(badges(page)).toContainText('Standard')
      await changeRole(page, 'Light')
      await expect(badges(page)).toContainText('Light')
      await expect(notices(page)).toContainText(`${standardMember.full_name}'s role is now Light.`)

      await backToMembers(page)
      await expect.poll(() => roleCount(page, 'Light')).toBe(lightBefore + 1)
      expect(await roleCount(page, 'Standard')).toBe(standardBefore - 1)
      await search(page).fill(standardMember.full_name)
      await expect(table(page).getByRole('row').filter({ hasText: standardMember.full_name })).toContainText(
        'Light',
      )

      // And back again: the select starts from the new role.
      await openMember(page, standardMember.full_name)
      await changeRole(page, 'Standard')
      await expect(badges(page)).toContainText('Standard')
    })

    test('disables after confirming, and enables again', async ({ page }) => {
      await way.open(page)
      await openMember(page, disableTarget.full_name)
      await page.getByRole('button', { name: 'Disable member' }).click()
      const confirm = page.getByRole('alertdialog', { name: `Disable ${disableTarget.full_name}?` })
      await expect(confirm).toContainText('will no longer be able to sign in')
      await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused()
      await confirm.getByRole('button', { name: 'Disable' }).click()
      await expect(confirm).toHaveCount(0)
      await expect(badges(page)).toContainText('Disabled')
      await expect(page.getByText('Not in any group.')).toBeVisible()
      await expect(notices(page)).toContainText(`${disableTarget.full_name} is disabled`)
      const enableButton = page.getByRole('button', { name: 'Enable member' })
      await expect(enableButton).toBeFocused()

      await enableButton.click()
      await expect(badges(page)).toContainText('Active')
      await expect(page.getByRole('button', { name: 'Disable member' })).toBeVisible()
    })

    test("the default administrator's refusal is shown as Tallyfy words it, and the role goes back", async ({
      page,
      pageErrors,
    }) => {
      await way.open(page)
      await openMember(page, defaultAdmin.full_name)
      await changeRole(page, 'Standard')
      await expect(page.getByRole('alert')).toHaveText(DEFAULT_ADMIN_REFUSAL)
      await expect(badges(page)).toContainText('Administrator')
      // The select goes back with the badge, so the refused choice is not still on offer.
      await expect(page.getByRole('combobox', { name: 'Role' })).toHaveValue('admin')
      await expect(page.getByRole('button', { name: 'Change role' })).toBeDisabled()

      await page.getByRole('button', { name: 'Disable member' }).click()
      const confirm = page.getByRole('alertdialog')
      await confirm.getByRole('button', { name: 'Disable' }).click()
      // Announced where it appears (focus stays on the button), and the page stays axe-clean.
      await expect(confirm.getByRole('alert')).toHaveText(DEFAULT_ADMIN_REFUSAL)
      await expect(badges(page)).toContainText('Active')
      expect(await audit(page, 'disable refused')).toEqual([])
      await confirm.getByRole('button', { name: 'Cancel' }).click()
      // The refusals are 400s, which the browser logs; nothing else may be.
      expect(pageErrors.filter((e) => !/status of 400/.test(e))).toEqual([])
    })

    test('giving up your own administrator role asks first; Cancel keeps it, confirming removes the controls', async ({
      page,
    }) => {
      await way.open(page)
      await openMember(page, signedInPerson.full_name)
      await expect(badges(page)).toContainText('Administrator')
      await changeRole(page, 'Standard')
      const confirm = page.getByRole('alertdialog', { name: 'Give up your administrator role?' })
      await expect(confirm).toContainText('You will become a Standard member and lose these controls')
      await confirm.getByRole('button', { name: 'Cancel' }).click()
      await expect(confirm).toHaveCount(0)
      await expect(badges(page)).toContainText('Administrator')
      await expect(page.getByRole('button', { name: 'Change role' })).toBeVisible()

      await page.getByRole('button', { name: 'Change role' }).click()
      await confirm.getByRole('button', { name: 'Change my role' }).click()
      await expect(confirm).toHaveCount(0)
      await expect(badges(page)).toContainText('Standard')
      await expect(notices(page)).toContainText(`${signedInPerson.full_name}'s role is now Standard.`)
      await expect(page.getByRole('button', { name: 'Change role' })).toHaveCount(0)
      await expect(page.getByRole('combobox', { name: 'Role' })).toHaveCount(0)
      await expect(page.getByRole('heading', { name: 'Administration' })).toHaveCount(0)
      await page.getByRole('link', { name: 'Back to members' }).click()
      await waitForDirectory(page)
      await expect(page.getByRole('button', { name: 'Invite member' })).toHaveCount(0)
    })

    test('a non-admin sees none of these controls', async ({ page }) => {
      await way.open(page, { signedInRole: 'standard' })
      await expect(page.getByRole('heading', { level: 1, name: 'Members' })).toBeVisible()
      await expect(page.getByRole('button', { name: 'Invite member' })).toHaveCount(0)
      await openMember(page, standardMember.full_name)
      await expect(page.getByText('Only Tallyfy administrators can see full member profiles.')).toBeVisible()
      await expect(page.getByRole('button', { name: 'Change role' })).toHaveCount(0)
      await expect(page.getByRole('button', { name: /^(Disable|Enable) member$/ })).toHaveCount(0)
      await expect(page.getByRole('combobox', { name: 'Role' })).toHaveCount(0)
    })
  })
}
