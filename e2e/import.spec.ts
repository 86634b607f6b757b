import type { Page } from '@playwright/test'
import { createDemoOrg } from '../src/demo/data'
import type { DemoStats } from '../src/demo/faults'
import { audit } from './axe'
import {
  createServerOrg,
  DEMO_ORG_ID,
  DEMO_TOKEN,
  demoStats,
  expect,
  openDemo,
  signInThroughProxy,
  test,
  type ServerOrg,
} from './fixtures'

// Import members (issue #22) end to end, over the production build, through the browser demo (the
// service worker) and through the proxy to the HTTP demo (an organization of its own per test):
// ten pasted rows (two people already members, one row repeated, one bad address) invite exactly
// six, each once, and then add them to the groups their rows name with one PUT per group, after the
// invitations. What was sent is read from the demo's write statistics, not from the page.

const demo = createDemoOrg({ members: 300 })
const [sales, support] = demo.groups.filter((g) => g.members.length > 0).slice(0, 2)
const existing = demo.members.filter((m) => m.status === 'active' && m.email).slice(10, 12)

const run = Date.now().toString(36)
const newEmail = (n: number) => `import.${run}.${n}@example.com`
/** The member IDs a group holds now that it did not before. */
const added = (before: (number | string)[], now: number[]) =>
  now.filter((id) => !before.map(Number).includes(id))

/** Ten rows as a spreadsheet's clipboard holds them (tab-separated), under a header in other words. */
const pasted = [
  'E-mail\tGiven name\tSurname\tRole\tGroups\tDepartment',
  `${newEmail(1)}\tAna\tSousa\tLight\t${sales!.name}\tOps`,
  `${newEmail(2)}\tBo\tLi\t\t${sales!.name}, ${support!.name}\tOps`,
  `${existing[0]!.email.toUpperCase()}\tAlready\tHere\t\t\tOps`,
  `${newEmail(3)}\tCy\tLee\tStandard\t\tOps`,
  `${newEmail(4)}\tDee\tNg\t\t${support!.name}\tOps`,
  `${existing[1]!.email}\tAlso\tHere\t\t${sales!.name}\tOps`,
  `${newEmail(1)}\tAna\tAgain\t\t\tOps`,
  `not-an-address\tEd\tOk\t\t\tOps`,
  `${newEmail(5)}\tFay\tOh\t\t${sales!.name}\tOps`,
  `${newEmail(6)}\tGus\tPi\tlight\t\tOps`,
].join('\n')

interface Way {
  name: string
  orgId(): string
  token(): string
  open(page: Page): Promise<void>
  stats(page: Page): Promise<DemoStats>
  cleanup(): Promise<void>
}

let serverOrg: ServerOrg | null = null

const ways: Way[] = [
  {
    name: 'browser demo',
    orgId: () => DEMO_ORG_ID,
    token: () => DEMO_TOKEN,
    async open(page) {
      await openDemo(page)
      await waitForDirectory(page)
      await page.evaluate(() => window.rosterDemo!.resetStats())
    },
    stats: (page) => demoStats(page),
    cleanup: async () => {},
  },
  {
    name: 'HTTP demo through the proxy',
    orgId: () => serverOrg!.orgId,
    token: () => serverOrg!.token,
    async open(page) {
      serverOrg = await createServerOrg('import', { members: demo.members.length })
      await signInThroughProxy(page, serverOrg)
      await waitForDirectory(page)
      await serverOrg.reset()
    },
    stats: () => demoStats(serverOrg!),
    async cleanup() {
      await serverOrg?.reset()
      serverOrg = null
    },
  },
]

async function waitForDirectory(page: Page) {
  await expect(page.getByRole('table', { name: /^Members/ })).toBeVisible()
  await expect(page.getByText(/^Loading members/)).toHaveCount(0, { timeout: 20_000 })
}

for (const way of ways) {
  test.describe(`import through the ${way.name}`, () => {
    test.afterEach(() => way.cleanup())

    test('ten pasted rows invite exactly six, then one PUT per group adds them', async ({
      page,
      pageErrors,
    }) => {
      await way.open(page)
      await page.getByRole('button', { name: 'Import members' }).click()
      const dialog = page.getByRole('dialog', { name: 'Import members' })
      await expect(dialog.getByRole('textbox', { name: 'Paste rows' })).toBeFocused()
      await expect(dialog.getByLabel('CSV file')).toBeVisible()
      expect(await audit(page, 'empty import dialog')).toEqual([])

      await dialog.getByRole('textbox', { name: 'Paste rows' }).fill(pasted)
      await expect(dialog.getByRole('list', { name: 'Summary' }).getByRole('listitem')).toHaveText([
        '6 ready',
        '2 already members',
        '1 duplicate in this file',
        '1 needs a fix',
      ])
      await expect(dialog.getByText('Ignored: Department.')).toBeVisible()
      const row = (n: number) =>
        dialog.getByRole('row').filter({ has: page.getByRole('checkbox', { name: `Include row ${n}` }) })
      await expect(row(4)).toContainText('Already a member')
      await expect(row(8)).toContainText('Same email as row 2')
      await expect(row(9)).toContainText('Not an email address')
      await expect(dialog.getByRole('textbox', { name: 'Email, row 9' })).toHaveAttribute(
        'aria-invalid',
        'true',
      )
      expect(await audit(page, 'import preview')).toEqual([])
      expect((await way.stats(page)).writes).toEqual([])

      await dialog.getByRole('button', { name: 'Invite 6 people' }).click()
      const batch = page.getByRole('dialog', { name: 'Invite 6 people' })
      await expect(batch.getByRole('heading', { name: 'Finished' })).toBeVisible({ timeout: 30_000 })
      await expect(batch.getByRole('list', { name: 'Outcomes' }).getByRole('listitem')).toHaveText([
        '6 done',
        '4 skipped',
      ])
      expect(await audit(page, 'import results')).toEqual([])

      const { writes } = await way.stats(page)
      const org = way.orgId()
      const invites = writes.filter(
        (w) => w.method === 'POST' && w.path === `/organizations/${org}/users/invite`,
      )
      expect(invites.map((w) => w.status)).toEqual([200, 200, 200, 200, 200, 200])
      const puts = writes.filter((w) => w.method === 'PUT')
      expect(puts).toHaveLength(2)
      expect(new Set(puts.map((w) => w.path))).toEqual(
        new Set([sales!.id, support!.id].map((id) => `/organizations/${org}/groups/${id}`)),
      )
      expect(puts.every((w) => w.status >= 200 && w.status < 300)).toBe(true)
      // Nothing else was written, and the group PUTs came after every invitation.
      expect(writes).toHaveLength(8)
      expect(writes.indexOf(puts[0]!)).toBeGreaterThan(writes.indexOf(invites.at(-1)!))

      await expect(batch.getByRole('row', { name: /Bo Li/ })).toContainText(
        `Invited as Standard, added to ${sales!.name} and ${support!.name}`,
      )
      await expect(batch.getByRole('row', { name: /Ana Again/ })).toContainText(
        'Duplicate in this file: the same email as row 2',
      )
      // What Tallyfy (the demo) holds now, read as another client would: each group has the invited
      // people its rows named, and nobody else was added.
      const held = await page.evaluate(
        async ({ orgId, token, groupIds, query }) => {
          const headers = {
            Authorization: `Bearer ${token}`,
            'X-Tallyfy-Client': 'APIClient',
            Accept: 'application/json',
          }
          const read = async (path: string) =>
            (await (await fetch(`/api/organizations/${orgId}${path}`, { headers })).json()).data
          const users: { id: number; email: string; status: string }[] = await read(
            `/users?q=${query}&per_page=100`,
          )
          const groups: { members: (number | string)[] }[] = await Promise.all(
            groupIds.map((id) => read(`/groups/${id}`)),
          )
          return { users, groups: groups.map((g) => g.members.map(Number)) }
        },
        { orgId: org, token: way.token(), groupIds: [sales!.id, support!.id], query: `import.${run}` },
      )
      const idOf = (n: number) => held.users.find((u) => u.email === newEmail(n))!.id
      expect(held.users.map((u) => u.status)).toEqual(Array(6).fill('invited'))
      expect(new Set(added(sales!.members, held.groups[0]!))).toEqual(new Set([idOf(1), idOf(2), idOf(5)]))
      expect(new Set(added(support!.members, held.groups[1]!))).toEqual(new Set([idOf(2), idOf(4)]))

      await batch.getByRole('button', { name: 'Done' }).click()
      // The six are in the directory as invited.
      await page.getByRole('searchbox', { name: 'Search members' }).fill(`import.${run}`)
      await expect(page.getByRole('table', { name: /^Members/ }).locator('tbody tr')).toHaveCount(6)
      expect(pageErrors.filter((e) => !/status of (4\d\d)/.test(e))).toEqual([])
    })
  })
}
