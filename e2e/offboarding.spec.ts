import type { Locator, Page } from '@playwright/test'
import { createDemoOrg, DEFAULT_ADMIN_ID, DEMO_WORK_OWNER_ID } from '../src/demo/data'
import { DEMO_ME_ID } from '../src/demo/credentials'
import type { DemoStats } from '../src/demo/faults'
import { audit } from './axe'
import {
  createServerOrg,
  DEMO_ORG_ID,
  DEMO_TOKEN,
  demoApiUrl,
  demoStats,
  expect,
  openDemo,
  signInThroughProxy,
  test,
  type ServerOrg,
} from './fixtures'

// Offboarding (#22) end to end, over the production build, twice: through the browser demo (the
// service worker; every page load starts a fresh organization, so each test moves inside the app
// once it is open) and through the proxy to the HTTP demo (each test in an organization of its own).
// What was sent is read from the demo's write statistics and from the requests the page made.

const demo = createDemoOrg({ members: 300 })
const byId = (id: number) => {
  const member = demo.members.find((m) => m.id === id)
  if (!member) throw new Error(`no demo member ${id}`)
  return member
}
const owner = byId(DEMO_WORK_OWNER_ID) // Анастасия Смирнова: owns templates, steps and tasks
const ownersGroup = demo.groups.find((g) => (g.members ?? []).map(Number).includes(owner.id))!
/** Someone active in the owner's group: offered first, marked as sharing it. */
const successor = byId(1047) // Jack Anderson
const defaultAdmin = byId(DEFAULT_ADMIN_ID)
const me = byId(DEMO_ME_ID) // an admin, not the default one
const convertee = byId(1003) // Siobhán O'Brien, standard, active
const disabledMember = byId(1018) // Björn Østergaard, disabled
const DEFAULT_ADMIN_REFUSAL =
  'Cannot modify the default administrator. Please assign another member as default administrator first.'

const notices = (page: Page) => page.getByRole('status', { name: 'Notifications' })
const badges = (page: Page) => page.locator('.member-page__badges')
const usersPath = (orgId: string, id: number) => `/organizations/${orgId}/users/${id}`

// Chromium logs every 4xx it receives (the refusals asked for here), and msw's worker sometimes
// rejects its own update after a reload in the browser demo (mswjs/msw#2006): neither is the page's.
const unexpected = (errors: readonly string[]) =>
  errors.filter(
    (e) =>
      !/Failed to load resource: the server responded with a status of (400|404|422)/.test(e) &&
      !/^uncaught: Failed to update a ServiceWorker .*mockServiceWorker\.js'\): Not found$/.test(e),
  )

interface Way {
  name: string
  orgId(): string
  /** Signed in, on `path`, as an admin. */
  open(page: Page, path: string): Promise<void>
  stats(page: Page): Promise<DemoStats>
  /** A read past Roster, as another client would make it (`path` under the organization). */
  tallyfy<T>(page: Page, path: string): Promise<T>
  cleanup(): Promise<void>
}

const headers = (token: string) => ({
  Authorization: `Bearer ${token}`,
  Accept: 'application/json',
  'X-Tallyfy-Client': 'APIClient',
})

let serverOrg: ServerOrg | null = null
const currentServerOrg = () => {
  if (!serverOrg) throw new Error('No HTTP demo organization for this test')
  return serverOrg
}

const ways: Way[] = [
  {
    name: 'browser demo',
    orgId: () => DEMO_ORG_ID,
    open: (page, path) => openDemo(page, { path }),
    stats: (page) => demoStats(page),
    tallyfy: (page, path) =>
      page.evaluate(
        async ({ url, init }) => {
          const response = await fetch(url, init)
          if (!response.ok) throw new Error(`GET ${url}: ${response.status}`)
          return response.json()
        },
        { url: `/api/organizations/${DEMO_ORG_ID}${path}`, init: { headers: headers(DEMO_TOKEN) } },
      ),
    cleanup: async () => {},
  },
  {
    name: 'HTTP demo through the proxy',
    orgId: () => currentServerOrg().orgId,
    async open(page, path) {
      serverOrg = await createServerOrg('offboarding', { members: demo.members.length })
      await signInThroughProxy(page, serverOrg)
      await page.goto(path)
    },
    stats: () => demoStats(currentServerOrg()),
    async tallyfy(_page, path) {
      const org = currentServerOrg()
      const response = await fetch(`${demoApiUrl}/organizations/${org.orgId}${path}`, {
        headers: headers(org.token),
      })
      expect(response.ok, `GET ${path}`).toBe(true)
      return response.json()
    },
    async cleanup() {
      await serverOrg?.reset()
      serverOrg = null
    },
  },
]

/** Every write answered since the start of the test, as "METHOD path status". */
async function writesSeen(way: Way, page: Page): Promise<string[]> {
  return (await way.stats(page)).writes.map((w) => `${w.method} ${w.path} ${w.status}`)
}

async function openMemberPage(way: Way, page: Page, id: number, name: string) {
  await way.open(page, `/members/${id}`)
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible()
  await expect(page.getByRole('heading', { name: 'Offboarding' })).toBeVisible()
}

async function auditDialog(page: Page, dialog: Locator, label: string) {
  await expect(dialog).toBeVisible()
  expect(await audit(page, label)).toEqual([])
}

for (const way of ways) {
  test.describe(`offboarding (${way.name})`, () => {
    test.describe.configure({ timeout: 60_000 })
    test.afterEach(({ pageErrors }) => {
      expect(unexpected(pageErrors)).toEqual([])
      return way.cleanup()
    })

    test('remove a member who owns work, handing it to someone from their group', async ({ page }) => {
      await openMemberPage(way, page, owner.id, owner.full_name)
      const removals: string[] = []
      page.on('request', (request) => {
        if (request.method() === 'DELETE')
          removals.push(new URL(request.url()).pathname + new URL(request.url()).search)
      })

      await page.getByRole('button', { name: 'Remove member' }).click()
      const dialog = page.getByRole('alertdialog', { name: `Remove ${owner.full_name}?` })
      await expect(
        dialog.getByText(/owns 2 templates, 3 steps, 3 tasks in 2 running processes,? and 2 one-off tasks\./),
      ).toBeVisible()
      for (const part of [
        /^Templates \(2\)$/,
        /^Steps \(3\)$/,
        /^Tasks in running processes \(3\)$/,
        /^One-off tasks \(2\)$/,
      ]) {
        await expect(dialog.getByRole('heading', { name: part })).toBeVisible()
      }
      const confirm = dialog.getByRole('button', { name: 'Remove and reassign' })
      await expect(confirm).toBeDisabled()

      const field = dialog.getByRole('combobox', { name: 'Reassign to' })
      await field.click()
      // Before anyone typed: the people of the owner's group first, said so.
      const first = dialog.getByRole('option').first()
      await expect(first).toContainText(`Shares a group: ${ownersGroup.name}`)
      await auditDialog(page, dialog, 'remove dialog, list open')
      await field.fill('Jack')
      const option = dialog.getByRole('option', { name: new RegExp(successor.full_name) })
      await expect(option).toContainText(`Shares a group: ${ownersGroup.name}`)
      await field.press('ArrowDown')
      await field.press('Enter')
      await expect(field).toHaveValue(successor.full_name)
      await expect(confirm).toBeEnabled()

      await confirm.click()
      await expect(dialog).toBeHidden()
      await expect(notices(page)).toContainText(
        `${owner.full_name} is removed: disabled, out of every group, and their work now belongs to ${successor.full_name}.`,
      )
      await expect(badges(page)).toContainText('Disabled')
      await expect(page.getByText('Not in any group.')).toBeVisible()
      await expect(page.getByRole('heading', { name: 'Offboarding' })).toBeFocused()
      await expect(page.getByRole('button', { name: 'Delete permanently' })).toBeVisible()

      // One removal, with the work handed to the successor, and Tallyfy holds it so.
      expect(removals).toEqual([
        `/api${usersPath(way.orgId(), owner.id)}?with_reassignment=true&to=${successor.id}`,
      ])
      expect(await writesSeen(way, page)).toEqual([`DELETE ${usersPath(way.orgId(), owner.id)} 200`])
      const handedOver = await way.tallyfy<{ data: { steps: unknown[] } }>(
        page,
        `/users/${successor.id}/reassignment-information`,
      )
      expect(handedOver.data.steps).toHaveLength(3)

      // The group's page, reached inside the app, no longer lists the leaver.
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Groups' }).click()
      await page.getByRole('searchbox', { name: 'Search groups' }).fill(ownersGroup.name)
      await page.getByRole('table').getByRole('link', { name: ownersGroup.name, exact: true }).click()
      await expect(page.getByRole('heading', { level: 1, name: ownersGroup.name })).toBeVisible()
      await expect(
        page.getByRole('table').getByRole('link', { name: successor.full_name, exact: true }),
      ).toBeVisible()
      await expect(page.getByRole('link', { name: owner.full_name, exact: true })).toHaveCount(0)
    })

    test('the default administrator is refused with what to do, and another administrator can take the role', async ({
      page,
    }) => {
      await openMemberPage(way, page, defaultAdmin.id, defaultAdmin.full_name)
      await expect(page.getByText(/is the default administrator: Tallyfy will not remove them/)).toBeVisible()
      await page.getByRole('button', { name: 'Remove member' }).click()
      const dialog = page.getByRole('alertdialog', { name: `Remove ${defaultAdmin.full_name}?` })
      const remove = dialog.getByRole('button', { name: 'Remove', exact: true })
      await expect(remove).toBeEnabled()
      await remove.click()

      const refusal = dialog.getByRole('alert')
      await expect(refusal).toContainText(DEFAULT_ADMIN_REFUSAL)
      await expect(refusal).toContainText(
        'Make another active administrator the default first: open their page and choose “Make default administrator”.',
      )
      await auditDialog(page, dialog, 'remove dialog, default administrator refused')
      expect(await writesSeen(way, page)).toEqual([`DELETE ${usersPath(way.orgId(), defaultAdmin.id)} 400`])
      await expect(badges(page)).toContainText('Active')

      // The refusal's link leads to an administrator's page, which offers the role.
      await refusal.getByRole('link', { name: me.full_name }).click()
      await expect(page.getByRole('heading', { level: 1, name: me.full_name })).toBeVisible()
      await page.getByRole('button', { name: 'Make default administrator' }).click()
      const confirm = page.getByRole('dialog', { name: `Make ${me.full_name} the default administrator?` })
      await expect(confirm).toContainText(`${defaultAdmin.full_name} stops being the default administrator`)
      await auditDialog(page, confirm, 'make default administrator dialog')
      await confirm.getByRole('button', { name: 'Make default administrator' }).click()
      await expect(confirm).toBeHidden()
      await expect(notices(page)).toContainText(`${me.full_name} is the default administrator now`)
      await expect(page.getByRole('button', { name: 'Make default administrator' })).toHaveCount(0)
      expect((await writesSeen(way, page)).at(-1)).toBe(
        `PUT ${usersPath(way.orgId(), defaultAdmin.id)}/set-new-admin 200`,
      )
    })

    test('convert a member to a guest: they land on /guests', async ({ page }) => {
      await openMemberPage(way, page, convertee.id, convertee.full_name)
      await page.getByRole('button', { name: 'Convert to guest' }).click()
      const dialog = page.getByRole('alertdialog', { name: `Convert ${convertee.full_name} to a guest?` })
      await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused()
      await auditDialog(page, dialog, 'convert to guest dialog')
      await dialog.getByRole('button', { name: 'Convert to guest' }).click()

      await expect(page).toHaveURL(
        new RegExp(`/guests/${encodeURIComponent(convertee.email).replace(/[.]/g, '\\.')}$`),
      )
      await expect(notices(page)).toContainText(`${convertee.full_name} is a guest now`)
      expect(await writesSeen(way, page)).toEqual([
        `PUT ${usersPath(way.orgId(), convertee.id)}/to/guest 201`,
      ])

      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Guests' }).click()
      await page.getByRole('searchbox', { name: 'Search guests' }).fill(convertee.email)
      await expect(
        page
          .getByRole('table', { name: /^Guests/ })
          .getByText(convertee.email)
          .first(),
      ).toBeVisible()
    })

    test('delete a disabled member permanently, once their email is typed', async ({ page }) => {
      await openMemberPage(way, page, disabledMember.id, disabledMember.full_name)
      await page.getByRole('button', { name: 'Delete permanently' }).click()
      const dialog = page.getByRole('alertdialog', {
        name: `Delete ${disabledMember.full_name} permanently?`,
      })
      const confirm = dialog.getByRole('button', { name: 'Delete permanently' })
      const field = dialog.getByRole('textbox', { name: `Type ${disabledMember.email} to confirm` })
      await expect(confirm).toBeDisabled()
      await field.fill(disabledMember.email.slice(0, -1))
      await expect(confirm).toBeDisabled()
      await auditDialog(page, dialog, 'delete permanently dialog')
      await field.fill(disabledMember.email.toUpperCase())
      await expect(confirm).toBeEnabled()
      await confirm.click()

      await expect(page).toHaveURL(/\/members$/)
      await expect(notices(page)).toContainText(`${disabledMember.full_name} is deleted permanently.`)
      expect(await writesSeen(way, page)).toEqual([
        `DELETE ${usersPath(way.orgId(), disabledMember.id)}/delete 200`,
      ])
    })

    test('an active member: Delete permanently is explained, not offered', async ({ page }) => {
      await openMemberPage(way, page, convertee.id, convertee.full_name)
      await expect(page.getByText(/Tallyfy deletes only disabled members/)).toBeVisible()
      await expect(page.getByRole('button', { name: 'Delete permanently' })).toHaveCount(0)
    })
  })
}
