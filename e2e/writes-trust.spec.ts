import type { Page } from '@playwright/test'
import { createDemoOrg } from '../src/demo/data'
import { audit } from './axe'
import {
  createServerOrg,
  demoApiUrl,
  expect,
  openDemo,
  signInThroughProxy,
  test,
  type ServerOrg,
} from './fixtures'

// Writes you can trust, end to end: what the network, the rate limit and another admin can do to a
// write, through the real proxy to the HTTP demo (each test in an organization of its own), and the
// Activity panel that records how every write ended.

const MEMBERS = 300
const demo = createDemoOrg({ members: MEMBERS })
const people = demo.members.filter((m) => m.status === 'active' && /^[a-z0-9.]+@/.test(m.email))
const group = demo.groups.find((g) => g.members.length > 2 && g.guests.length > 0)!
const contractors = demo.groups.find((g) => g.name === 'Contractors & Agencies')!
const outsider = people.find((m) => !group.members.map(Number).includes(m.id))!
const another = people.find((m) => m !== outsider && !group.members.map(Number).includes(m.id))!

const notices = (page: Page) => page.getByRole('status', { name: 'Notifications' })
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** Reads or writes the HTTP demo as another admin would, past Roster. */
async function tallyfy(org: ServerOrg, method: string, path: string, body?: unknown) {
  const response = await fetch(`${demoApiUrl}/organizations/${org.orgId}${path}`, {
    method,
    headers: {
      Authorization: `Bearer ${org.token}`,
      Accept: 'application/json',
      'X-Tallyfy-Client': 'APIClient',
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  expect(response.ok, `${method} ${path}`).toBe(true)
  return (await response.json()) as { data: { members: number[]; guests: string[]; name: string } }
}

async function openGroup(page: Page, name: string) {
  await page.getByRole('navigation').getByRole('link', { name: 'Groups' }).click()
  // The members table (whose Groups column links to groups too) may still be on screen until the
  // groups page has loaded: wait for it, and pick the group from its table.
  await expect(page.getByRole('heading', { level: 1, name: 'Groups' })).toBeVisible()
  await page.getByRole('table').getByRole('link', { name, exact: true }).click()
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible()
}

async function addMember(page: Page, who: (typeof people)[number]) {
  const combobox = page.getByRole('combobox', { name: 'Add member' })
  await combobox.fill(who.email)
  await expect(page.getByRole('option', { name: new RegExp(escape(who.full_name)) })).toBeVisible()
  await combobox.press('ArrowDown')
  await combobox.press('Enter')
}

async function openActivity(page: Page) {
  await page.getByRole('button', { name: 'Activity' }).click()
  return page.getByRole('dialog', { name: 'Activity' })
}

test.describe('writes you can trust, through the proxy', () => {
  let org: ServerOrg
  test.beforeEach(async ({ page }) => {
    org = await createServerOrg('writes', { members: MEMBERS })
    await signInThroughProxy(page, org)
  })

  test('a group read without its lists is never saved over: the rename is refused, nobody is removed', async ({
    page,
  }) => {
    await openGroup(page, group.name)
    await org.setFaults({ omitGroupLists: 'absent', method: 'GET', path: `/groups/${group.id}`, times: 1 })
    await page.getByRole('button', { name: 'Edit group' }).click()
    const form = page.getByRole('dialog', { name: 'Edit group' })
    await form.getByLabel('Name').fill(`${group.name} renamed`)
    await form.getByRole('button', { name: 'Save', exact: true }).click()
    await expect(form.getByRole('alert')).toContainText('nothing was saved')
    const after = await tallyfy(org, 'GET', `/groups/${group.id}`)
    expect(after.data.name).toBe(group.name)
    expect(after.data.members).toHaveLength(group.members.length)
    expect(after.data.guests).toHaveLength(group.guests.length)
  })

  test('an add held back a while by a 429 is rebuilt when it goes: the member another admin added meanwhile stays', async ({
    page,
  }) => {
    await openGroup(page, group.name)
    await org.setFaults({ status: 429, method: 'PUT', retryAfter: 3, path: `/groups/${group.id}`, times: 1 })
    await addMember(page, outsider)
    // While Roster waits out the rate limit, another admin adds someone else.
    await expect(page.getByText(/slow down/i)).toBeVisible()
    const before = await tallyfy(org, 'GET', `/groups/${group.id}`)
    await tallyfy(org, 'PUT', `/groups/${group.id}`, {
      name: before.data.name,
      description: 'Changed by another admin',
      members: [...before.data.members, another.id],
      guests: before.data.guests,
    })
    await expect(notices(page)).toContainText(`Added ${outsider.full_name} to`, { timeout: 15_000 })
    await expect
      .poll(async () => (await tallyfy(org, 'GET', `/groups/${group.id}`)).data.members)
      .toEqual(expect.arrayContaining([outsider.id, another.id, ...group.members.map(Number)]))
  })

  test('a group that names a member since deleted can still be changed, and Roster says what else it removed', async ({
    page,
  }) => {
    const leaver = demo.members.find((m) => contractors.members.map(Number).includes(m.id))!
    await openGroup(page, contractors.name)
    await page.getByRole('button', { name: `Remove ${leaver.full_name}` }).click()
    await expect(notices(page)).toContainText(
      'Also removed Unknown member #424242, who is no longer in the organization',
    )
    const after = await tallyfy(org, 'GET', `/groups/${contractors.id}`)
    expect(after.data.members).not.toContain(424242)
    expect(after.data.members).not.toContain(leaver.id)
    expect(after.data.members).toHaveLength(contractors.members.length - 2)
    const panel = await openActivity(page)
    await expect(panel.getByRole('listitem').first()).toContainText(
      `Remove ${leaver.full_name} from ${contractors.name}`,
    )
    await expect(panel.getByRole('listitem').first()).toContainText('Unknown member #424242')
  })

  test('a role change whose answer was lost is read again, and shown done when Tallyfy made it', async ({
    page,
  }) => {
    const target = people.find((m) => m.role === 'standard')!
    await page.goto(`/members/${target.id}`)
    await expect(page.getByRole('heading', { level: 1, name: target.full_name })).toBeVisible()
    await org.setFaults({ dropAfterWrite: true, method: 'PUT', path: '/role', times: 1 })
    await page.getByRole('combobox', { name: 'Role' }).selectOption({ label: 'Light' })
    await page.getByRole('button', { name: 'Change role' }).click()
    const panel = await openActivity(page)
    const entry = panel.getByRole('listitem').first()
    await expect(entry).toContainText('Light')
    await expect(entry).toContainText('Done')
    await page.keyboard.press('Escape')
    await expect(page.getByRole('combobox', { name: 'Role' })).toHaveValue('light')
    const response = await fetch(`${demoApiUrl}/organizations/${org.orgId}/users/${target.id}`, {
      headers: {
        Authorization: `Bearer ${org.token}`,
        'X-Tallyfy-Client': 'APIClient',
        Accept: 'application/json',
      },
    })
    expect(((await response.json()) as { data: { role: string } }).data.role).toBe('light')
  })
})

test.describe('the Activity panel in the browser demo', () => {
  test('lists each change with its outcome, offers Undo, says when it was undone; axe finds nothing', async ({
    page,
  }) => {
    await openDemo(page, { members: MEMBERS })
    await openGroup(page, group.name)
    await addMember(page, outsider)
    await expect(notices(page)).toContainText(`Added ${outsider.full_name} to`)

    const panel = await openActivity(page)
    const entry = panel.getByRole('listitem').first()
    await expect(entry).toContainText(`Add ${outsider.full_name} to ${group.name}`)
    await expect(entry).toContainText('Done')
    expect(await audit(page, 'activity panel')).toEqual([])
    await entry.getByRole('button', { name: `Undo: Add ${outsider.full_name} to ${group.name}` }).click()
    await expect(entry).toContainText('Undone')
    await expect(entry.getByRole('button', { name: /^Undo/ })).toHaveCount(0)
    await page.keyboard.press('Escape')
    await expect(panel).toBeHidden()
    await expect(page.getByRole('button', { name: 'Activity' })).toBeFocused()
    await expect(
      page
        .getByRole('table', { name: /members of this group/i })
        .getByRole('link', { name: outsider.full_name, exact: true }),
    ).toHaveCount(0)
  })
})
