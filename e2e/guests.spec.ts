import type { Page } from '@playwright/test'
import { createDemoOrg, MULTI_GROUP_GUEST, ODD_GUEST_STATUS } from '../src/demo/data'
import { expect, openDemo, signInThroughProxy, test } from './fixtures'

// Guests: the list, its search and sort, a guest's page, and the way there from a group. Expected
// data comes from the same deterministic generator the demo serves.

const demo = createDemoOrg({ members: 300 })
const guestName = (g: (typeof demo.guests)[number]) =>
  [g.first_name, g.last_name].filter(Boolean).join(' ') || null
const groupsOf = (email: string) => demo.groups.filter((g) => g.guests.includes(email))

const multi = demo.guests[MULTI_GROUP_GUEST]!
const disabled = demo.guests.find((g) => g.details.disabled_at)!
const odd = demo.guests.find((g) => g.details.status === ODD_GUEST_STATUS)!
const nameless = demo.guests.find((g) => !g.first_name && !g.last_name)!
const loner = demo.guests.find((g) => groupsOf(g.email).length === 0 && g.first_name)!
const groupWithGuests = demo.groups.find((g) => g.guests.includes(multi.email))!

const table = (page: Page) => page.getByRole('table', { name: /^Guests/ })
const rows = (page: Page) => table(page).locator('tbody tr')
const search = (page: Page) => page.getByRole('searchbox', { name: 'Search guests' })
const nav = (page: Page) => page.getByRole('navigation', { name: 'Main' })

test.describe('guests list', () => {
  test('lists every guest with company, status and groups, from the navigation', async ({
    page,
    pageErrors,
  }) => {
    await openDemo(page)
    await nav(page).getByRole('link', { name: 'Guests' }).click()
    await expect(page).toHaveURL(/\/guests$/)
    await expect(page.getByRole('heading', { level: 1, name: 'Guests' })).toBeVisible()
    await expect(nav(page).getByRole('link', { name: 'Guests' })).toHaveAttribute('aria-current', 'page')
    await expect(page.getByText(`${demo.guests.length} guests`, { exact: true })).toBeVisible()
    await expect(rows(page)).toHaveCount(demo.guests.length)

    const multiRow = rows(page).filter({ hasText: multi.email })
    await expect(multiRow.getByRole('link', { name: guestName(multi)!, exact: true })).toBeVisible()
    await expect(multiRow).toContainText(multi.details.company_name!)
    // Three groups: two named, the rest behind "+1 more".
    expect(groupsOf(multi.email).length).toBeGreaterThanOrEqual(3)
    await expect(multiRow.getByRole('link', { name: /more group/ })).toBeVisible()

    await expect(rows(page).filter({ hasText: disabled.email })).toContainText('Disabled')
    await expect(rows(page).filter({ hasText: odd.email })).toContainText(ODD_GUEST_STATUS)
    // No name: the row opens by its email.
    await expect(
      rows(page).filter({ hasText: nameless.email }).getByRole('link', { name: nameless.email }),
    ).toBeVisible()
    expect(pageErrors).toEqual([])
  })

  test('searches by name, email or company and keeps search and sort in the URL', async ({ page }) => {
    await openDemo(page, { path: '/guests' })
    await expect(rows(page)).toHaveCount(demo.guests.length)
    const company = multi.details.company_name!
    const atCompany = demo.guests.filter((g) => g.details.company_name === company).length
    await search(page).fill(company.toLowerCase())
    await expect(rows(page)).toHaveCount(atCompany)
    await expect(page.getByText(`${atCompany} of ${demo.guests.length} guests`)).toBeVisible()

    await page.getByRole('button', { name: 'Name' }).click()
    await expect(table(page).getByRole('columnheader', { name: /^Name/ })).toHaveAttribute(
      'aria-sort',
      'ascending',
    )
    await expect(page).toHaveURL(/[?&]sort=name/)
    await page.reload()
    await expect(search(page)).toHaveValue(company.toLowerCase())
    await expect(rows(page)).toHaveCount(atCompany)

    await search(page).fill('no-such-guest-anywhere')
    await expect(page.getByRole('heading', { name: /No guests match/ })).toBeVisible()
    await page.getByRole('button', { name: 'Clear search' }).click()
    await expect(rows(page)).toHaveCount(demo.guests.length)
  })

  test("a guest's page shows details, linked groups and members, and a mailto; Back returns to the list", async ({
    page,
    pageErrors,
  }) => {
    await openDemo(page, { path: `/guests?q=${encodeURIComponent(multi.email)}` })
    await rows(page)
      .getByRole('link', { name: guestName(multi)!, exact: true })
      .click()
    await expect(page).toHaveURL(`/guests/${encodeURIComponent(multi.email)}`)
    await expect(page.getByRole('heading', { level: 1, name: guestName(multi)! })).toBeVisible()
    await expect(page.getByRole('link', { name: `Email ${guestName(multi)}` })).toHaveAttribute(
      'href',
      `mailto:${multi.email}`,
    )
    const groups = page.getByRole('region', { name: 'Groups' })
    for (const group of groupsOf(multi.email)) {
      await expect(groups.getByRole('link', { name: group.name })).toHaveAttribute(
        'href',
        `/groups/${group.id}`,
      )
    }
    const associated = multi.details.associated_members ?? []
    const members = page.getByRole('region', { name: 'Associated members' })
    for (const id of associated) {
      const member = demo.members.find((m) => m.id === id)!
      await expect(members.getByRole('link', { name: member.full_name })).toHaveAttribute(
        'href',
        `/members/${id}`,
      )
    }
    if (associated.length === 0) await expect(members).toContainText('No associated members')

    await page.getByRole('link', { name: 'Back to guests' }).click()
    await expect(page).toHaveURL(`/guests?q=${encodeURIComponent(multi.email)}`)
    await expect(search(page)).toHaveValue(multi.email)
    expect(pageErrors).toEqual([])
  })

  test('a guest in no group says so; an unknown email is a not-found page', async ({ page }) => {
    await openDemo(page, { path: `/guests/${encodeURIComponent(loner.email)}` })
    await expect(page.getByRole('heading', { level: 1, name: guestName(loner)! })).toBeVisible()
    await expect(page.getByRole('region', { name: 'Groups' })).toContainText('Not in any group')

    await page.goto(`/guests/${encodeURIComponent('nobody@nowhere.example')}`)
    await expect(page.getByRole('heading', { level: 1, name: 'Guest not found' })).toBeVisible()
    await page.getByRole('main').getByRole('link', { name: 'Back to guests' }).click()
    await expect(page).toHaveURL(/\/guests$/)
  })

  test("from a group's guest to the guest's page and back to the group", async ({ page, pageErrors }) => {
    await openDemo(page, { path: `/groups/${groupWithGuests.id}` })
    await expect(page.getByRole('heading', { level: 1, name: groupWithGuests.name })).toBeVisible()
    await page.getByRole('link', { name: multi.email, exact: true }).click()
    await expect(page.getByRole('heading', { level: 1, name: guestName(multi)! })).toBeVisible()
    await expect(
      page.getByRole('region', { name: 'Groups' }).getByRole('link', { name: groupWithGuests.name }),
    ).toBeVisible()
    await page.goBack()
    await expect(page.getByRole('heading', { level: 1, name: groupWithGuests.name })).toBeVisible()

    // The guest's own back link goes to the group it was opened from, not to the guests list, and
    // from there the group's "Back to groups" still returns to the list as it was left.
    await page.goto('/groups')
    await page.getByRole('searchbox', { name: 'Search groups' }).fill(groupWithGuests.name)
    await expect(page).toHaveURL(/\/groups\?q=/)
    const listUrl = page.url()
    await page
      .getByRole('table', { name: /^Groups/ })
      .getByRole('link', { name: groupWithGuests.name, exact: true })
      .click()
    await page.getByRole('link', { name: multi.email, exact: true }).click()
    await expect(page.getByRole('heading', { level: 1, name: guestName(multi)! })).toBeVisible()
    await expect(page.getByRole('link', { name: 'Back to guests' })).toHaveCount(0)
    await page.getByRole('link', { name: `Back to ${groupWithGuests.name}` }).click()
    await expect(page).toHaveURL(`/groups/${groupWithGuests.id}`)
    await expect(page.getByRole('heading', { level: 1, name: groupWithGuests.name })).toBeVisible()
    await page.getByRole('link', { name: 'Back to groups' }).click()
    await expect(page).toHaveURL(listUrl)
    expect(pageErrors).toEqual([])
  })
})

test.describe('guests through the proxy to the HTTP demo API', () => {
  test('the list and a guest answered with 201', async ({ page }) => {
    await signInThroughProxy(page)
    await nav(page).getByRole('link', { name: 'Guests' }).click()
    await expect(rows(page)).toHaveCount(demo.guests.length)

    const answered = page.waitForResponse((r) => r.url().includes(`/guests/${encodeURIComponent(odd.email)}`))
    await rows(page)
      .getByRole('link', { name: guestName(odd)!, exact: true })
      .click()
    expect((await answered).status()).toBe(201)
    await expect(page.getByRole('heading', { level: 1, name: guestName(odd)! })).toBeVisible()
    await expect(page.getByText(ODD_GUEST_STATUS).first()).toBeVisible()
  })

  test('a guest record without an email costs only itself: the others show, with a count', async ({
    page,
  }) => {
    // The list as the server sent it, plus one guest Tallyfy might send with no email.
    await page.route(
      (url) => /\/api\/organizations\/[^/]+\/guests$/.test(url.pathname),
      async (route) => {
        const response = await route.fetch()
        const body = (await response.json()) as { data: unknown[] }
        body.data.splice(3, 0, { first_name: 'Unreadable', last_name: 'Guest', email: null })
        await route.fulfill({ response, json: body })
      },
    )
    await signInThroughProxy(page)
    await nav(page).getByRole('link', { name: 'Guests' }).click()
    await expect(rows(page)).toHaveCount(demo.guests.length)
    await expect(page.getByText('1 record could not be read')).toBeVisible()
    await expect(page.getByText('Unreadable')).toHaveCount(0)
  })
})
