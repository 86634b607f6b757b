import type { Locator, Page } from '@playwright/test'
import type { DemoStats, DemoWrite } from '../src/demo/faults'
import { audit } from './axe'
import {
  createServerOrg,
  DEMO_ORG_ID,
  demoStats,
  expect,
  openDemo,
  signInThroughProxy,
  test,
  type ServerOrg,
} from './fixtures'

// Invitations (issue #22) end to end, over the production build, twice: through the browser demo
// (the service worker; every page load starts a fresh organization, so these tests move by links
// once signed in) and through the proxy to the HTTP demo (each test in an organization of its own).
// What was sent is read from the demo's write statistics, not from the page.

const DEMO_SIZE = 300

interface Way {
  name: string
  orgId(): string
  /** Signed in on /members with the directory loaded. */
  open(page: Page): Promise<void>
  /** Starts the write statistics over. */
  count(page: Page): Promise<void>
  stats(page: Page): Promise<DemoStats>
  cleanup(): Promise<void>
}

let serverOrg: ServerOrg | null = null
const currentServerOrg = () => {
  if (!serverOrg) throw new Error('No HTTP demo organization for this test')
  return serverOrg
}

const ways: Way[] = [
  {
    name: 'browser demo',
    orgId: () => DEMO_ORG_ID,
    async open(page) {
      await openDemo(page, { members: DEMO_SIZE })
      await waitForDirectory(page)
    },
    count: (page) => page.evaluate(() => window.rosterDemo!.resetStats()),
    stats: (page) => demoStats(page),
    cleanup: async () => {},
  },
  {
    name: 'HTTP demo through the proxy',
    orgId: () => currentServerOrg().orgId,
    async open(page) {
      serverOrg = await createServerOrg('invitations', { members: DEMO_SIZE })
      await signInThroughProxy(page, serverOrg)
      await waitForDirectory(page)
    },
    count: () => currentServerOrg().reset(),
    stats: () => demoStats(currentServerOrg()),
    async cleanup() {
      await serverOrg?.reset()
      serverOrg = null
    },
  },
]

const membersTable = (page: Page) => page.getByRole('table', { name: /^Members/ })
const countLine = (page: Page) => page.locator('.members-count')
const menuButtons = (page: Page) => page.getByRole('button', { name: /^Invitation actions for / })
const notices = (page: Page) => page.getByRole('status', { name: 'Notifications' })
const bar = (page: Page) => page.getByRole('toolbar', { name: 'Selected members' })

async function waitForDirectory(page: Page) {
  await expect(membersTable(page)).toBeVisible()
  await expect(page.getByText(/^Loading members/)).toHaveCount(0, { timeout: 20_000 })
}

/** "15 of 300 members" → [15, 300]; "300 members" → [300, 300]. */
async function counts(page: Page): Promise<[number, number]> {
  const text = (await countLine(page).textContent()) ?? ''
  const numbers = [...text.matchAll(/[\d,]+/g)].map((m) => Number(m[0].replace(/,/g, '')))
  return numbers.length === 1 ? [numbers[0]!, numbers[0]!] : [numbers[0]!, numbers[1]!]
}

/** The member behind a row's menu button: their name and ID (from the row's link). */
async function personOf(button: Locator): Promise<{ name: string; id: number }> {
  const name = (await button.getAttribute('aria-label'))!.replace('Invitation actions for ', '')
  const href = await button
    .locator('xpath=ancestor::tr')
    .locator('a[href^="/members/"]')
    .first()
    .getAttribute('href')
  return { name, id: Number(/\/members\/(\d+)$/.exec(href ?? '')?.[1]) }
}

const invitationPath = (orgId: string, id: number, what: 'resend-invite' | 'withdraw-invite') =>
  `/organizations/${orgId}/users/${id}/${what}`

const only = (writes: readonly DemoWrite[]) => writes.map((w) => `${w.method} ${w.path} ${w.status}`)

/** The same writes, in any order, each once. */
function expectWrites(writes: readonly DemoWrite[], expected: string[]) {
  expect(only(writes)).toHaveLength(expected.length)
  expect(new Set(only(writes))).toEqual(new Set(expected))
}

// Chromium logs every 4xx it receives, and msw's worker sometimes rejects its own update after a
// reload in the browser demo (mswjs/msw#2006, see views.spec.ts): neither is the page's doing.
const unexpected = (errors: readonly string[]) =>
  errors.filter(
    (e) =>
      !/Failed to load resource: the server responded with a status of 4\d\d/.test(e) &&
      !/^uncaught: Failed to update a ServiceWorker .*mockServiceWorker\.js'\): Not found$/.test(e),
  )

for (const way of ways) {
  test.describe(`invitations (${way.name})`, () => {
    test.describe.configure({ timeout: 90_000 })
    test.use({ viewport: { width: 1440, height: 1200 } })
    test.afterEach(() => way.cleanup())

    test('the 14-day view from the Views menu; resend and withdraw from a row, the menu and the dialog clean for axe', async ({
      page,
      pageErrors,
    }) => {
      await way.open(page)
      const orgId = way.orgId()

      // The quick view is one click away in the Views menu, with its live count.
      await page.getByRole('button', { name: 'Views' }).click()
      const view = page.getByRole('menuitem', { name: /^Invitations over 14 days, \d+$/ })
      const viewCount = Number((await view.getAttribute('aria-label'))!.split(', ').at(-1))
      expect(viewCount).toBeGreaterThan(2)
      await view.click()
      await expect(page).toHaveURL(/\/members\?invited=over-14d$/)
      await expect(countLine(page)).toHaveText(`${viewCount} of ${DEMO_SIZE} members`)
      await expect(membersTable(page).getByRole('columnheader', { name: /^Invited/ })).toBeVisible()
      await expect(menuButtons(page)).toHaveCount(viewCount)

      // Resend from the first row's menu, opened from the keyboard.
      const first = await personOf(menuButtons(page).first())
      await way.count(page)
      await menuButtons(page).first().focus()
      await page.keyboard.press('Enter')
      const menu = page.getByRole('menu', { name: `Invitation actions for ${first.name}` })
      await expect(menu.getByRole('menuitem', { name: 'Resend invitation' })).toBeFocused()
      expect(await audit(page, 'invitation menu')).toEqual([])
      await page.keyboard.press('Enter')
      await expect(menu).toHaveCount(0)
      await expect(notices(page)).toContainText(`${first.name}'s invitation was sent again to `)
      expect(only((await way.stats(page)).writes)).toEqual([
        `POST ${invitationPath(orgId, first.id, 'resend-invite')} 200`,
      ])
      // Still invited, still listed.
      await expect(countLine(page)).toHaveText(`${viewCount} of ${DEMO_SIZE} members`)

      // Withdraw from the second row's menu: asked first, then out of the list and the counts.
      const second = await personOf(menuButtons(page).nth(1))
      await way.count(page)
      await menuButtons(page).nth(1).click()
      await page
        .getByRole('menu', { name: `Invitation actions for ${second.name}` })
        .getByRole('menuitem', { name: 'Withdraw invitation' })
        .click()
      const dialog = page.getByRole('alertdialog', { name: `Withdraw ${second.name}'s invitation?` })
      await expect(dialog).toBeVisible()
      await expect(dialog).toContainText('stops working at once')
      await expect(dialog).toContainText('The seat the invitation holds is freed.')
      await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused()
      expect(await audit(page, 'withdraw dialog')).toEqual([])
      expect((await way.stats(page)).writes).toEqual([])
      await dialog.getByRole('button', { name: 'Withdraw' }).click()
      await expect(dialog).toHaveCount(0)
      await expect(notices(page)).toContainText(
        `${second.name}'s invitation is withdrawn, and their seat is free.`,
      )
      await expect(countLine(page)).toHaveText(`${viewCount - 1} of ${DEMO_SIZE - 1} members`)
      await expect(membersTable(page).getByRole('link', { name: second.name, exact: true })).toHaveCount(0)
      // Focus went to the next row's name, not to the top of the page.
      await expect(page.locator(':focus')).toHaveAttribute('href', /^\/members\/\d+$/)
      expect(only((await way.stats(page)).writes)).toEqual([
        `DELETE ${invitationPath(orgId, second.id, 'withdraw-invite')} 200`,
      ])
      // The view's count follows.
      await page.getByRole('button', { name: 'Views' }).click()
      await expect(page.getByRole('menuitem', { name: /^Invitations over 14 days, / })).toHaveAttribute(
        'aria-label',
        `Invitations over 14 days, ${viewCount - 1}`,
      )
      await page.keyboard.press('Escape')

      expect(unexpected(pageErrors)).toEqual([])
    })

    test("resend and withdraw from the member's page; back on the list, the person is gone", async ({
      page,
      pageErrors,
    }) => {
      await way.open(page)
      const orgId = way.orgId()
      await page.getByRole('combobox', { name: 'Status' }).selectOption('invited')
      const [invited] = await counts(page)
      const person = await personOf(menuButtons(page).first())
      await membersTable(page).getByRole('link', { name: person.name, exact: true }).click()
      await expect(page.getByRole('heading', { level: 1, name: person.name })).toBeVisible()
      const section = page.getByRole('region', { name: 'Invitation' })

      await way.count(page)
      await section.getByRole('button', { name: 'Resend invitation' }).click()
      await expect(notices(page)).toContainText(`${person.name}'s invitation was sent again to `)
      await expect(section.getByRole('button', { name: 'Resend invitation' })).toBeEnabled()
      expect(only((await way.stats(page)).writes)).toEqual([
        `POST ${invitationPath(orgId, person.id, 'resend-invite')} 200`,
      ])

      await way.count(page)
      await section.getByRole('button', { name: 'Withdraw invitation' }).click()
      const dialog = page.getByRole('alertdialog', { name: `Withdraw ${person.name}'s invitation?` })
      await expect(dialog).toBeVisible()
      expect(await audit(page, 'withdraw dialog on the member page')).toEqual([])
      await dialog.getByRole('button', { name: 'Withdraw' }).click()

      // Back on the list it was opened from, focus on its heading, a notice says what happened.
      await expect(page).toHaveURL(/\/members\?status=invited$/)
      await expect(page.getByRole('heading', { level: 1, name: 'Members' })).toBeFocused()
      await expect(notices(page)).toContainText(
        `${person.name}'s invitation is withdrawn, and their seat is free.`,
      )
      await expect(countLine(page)).toHaveText(`${invited - 1} of ${DEMO_SIZE - 1} members`)
      await expect(membersTable(page).getByRole('link', { name: person.name, exact: true })).toHaveCount(0)
      // One write, and no read of the person after it (the page left before they left the cache).
      expect(only((await way.stats(page)).writes)).toEqual([
        `DELETE ${invitationPath(orgId, person.id, 'withdraw-invite')} 200`,
      ])
      expect(unexpected(pageErrors)).toEqual([])
      expect(pageErrors.filter((e) => /status of 404/.test(e))).toEqual([])
    })

    test('resend and withdraw in bulk through the selection bar', async ({ page, pageErrors }) => {
      await way.open(page)
      const orgId = way.orgId()
      await page.getByRole('combobox', { name: 'Status' }).selectOption('invited')
      const [invited] = await counts(page)
      const boxes = membersTable(page).locator('tbody').getByRole('checkbox')
      const people = await Promise.all([0, 1, 2].map((i) => personOf(menuButtons(page).nth(i))))

      // Resend 3.
      await boxes.nth(0).check()
      await boxes.nth(2).click({ modifiers: ['Shift'] })
      await expect(bar(page)).toContainText('3 selected')
      await way.count(page)
      await bar(page).getByRole('button', { name: 'Resend invitation', exact: true }).click()
      await page
        .getByRole('dialog', { name: 'Resend invitation' })
        .getByRole('button', { name: 'Resend 3 invitations' })
        .click()
      // The same dialog then shows the batch, titled by its Activity label, and its results.
      let dialog = page.getByRole('dialog')
      await expect(dialog.getByRole('heading', { name: 'Finished' })).toBeVisible({ timeout: 30_000 })
      await expect(dialog.getByRole('list', { name: 'Outcomes' }).getByRole('listitem')).toHaveText([
        '3 done',
      ])
      expectWrites(
        (await way.stats(page)).writes,
        people.map((p) => `POST ${invitationPath(orgId, p.id, 'resend-invite')} 200`),
      )
      await dialog.getByRole('button', { name: 'Done' }).click()
      await expect(countLine(page)).toHaveText(`${invited} of ${DEMO_SIZE} members`)

      // Withdraw 2 of them (the selection still holds 3: take one out).
      await membersTable(page)
        .getByRole('checkbox', { name: `Select ${people[2]!.name}` })
        .uncheck()
      await expect(bar(page)).toContainText('2 selected')
      await way.count(page)
      await bar(page).getByRole('button', { name: 'Withdraw invitation', exact: true }).click()
      await page
        .getByRole('alertdialog', { name: 'Withdraw invitation' })
        .getByRole('button', { name: 'Withdraw 2 invitations' })
        .click()
      dialog = page.getByRole('dialog')
      await expect(dialog.getByRole('heading', { name: 'Finished' })).toBeVisible({ timeout: 30_000 })
      await expect(dialog.getByRole('list', { name: 'Outcomes' }).getByRole('listitem')).toHaveText([
        '2 done',
      ])
      expectWrites(
        (await way.stats(page)).writes,
        people.slice(0, 2).map((p) => `DELETE ${invitationPath(orgId, p.id, 'withdraw-invite')} 200`),
      )
      await dialog.getByRole('button', { name: 'Done' }).click()
      await expect(countLine(page)).toHaveText(`${invited - 2} of ${DEMO_SIZE - 2} members`)
      for (const p of people.slice(0, 2))
        await expect(membersTable(page).getByRole('link', { name: p.name, exact: true })).toHaveCount(0)
      await expect(membersTable(page).getByRole('link', { name: people[2]!.name, exact: true })).toHaveCount(
        1,
      )

      expect(unexpected(pageErrors)).toEqual([])
    })
  })
}
