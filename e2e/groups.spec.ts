import type { Page } from '@playwright/test'
import { createDemoOrg, REMOVED_MEMBER_ID } from '../src/demo/data'
import { expect, faultsFromStart, openDemo, test } from './fixtures'

// Groups: the list, a group's page, and moving between members and groups with links, the
// keyboard and the Back button. The expected data comes from the same deterministic generator
// the demo serves, so the assertions name real groups and people.

const DEMO_SIZE = 300
const demo = createDemoOrg({ members: DEMO_SIZE })
const byName = (name: string) => {
  const group = demo.groups.find((g) => g.name === name)
  if (!group) throw new Error(`demo has no group named ${name}`)
  return group
}
const memberName = (id: number | string) => demo.members.find((m) => String(m.id) === String(id))?.full_name

// A group with a data: logo, guests, resolvable members and the removed member 424242.
const contractors = byName('Contractors & Agencies')
const emptyGroup = demo.groups.find((g) => g.members.length === 0 && g.guests.length === 0)!
const scriptLogoGroup = demo.groups.find((g) => g.logo?.startsWith('javascript:'))!
const firstKnownContractor = contractors.members.map(memberName).find(Boolean)!
const firstKnownContractorId = contractors.members.find((id) => memberName(id))!

const open = (page: Page, path: string) => openDemo(page, { members: DEMO_SIZE, path })

test.describe('group detail', () => {
  test('shows logo, description, resolved and unknown members, and guests', async ({ page }) => {
    await open(page, `/groups/${contractors.id}`)
    await expect(page.getByRole('heading', { level: 1, name: contractors.name })).toBeVisible()
    await expect(page).toHaveTitle(new RegExp(`^${contractors.name.replace(/[&]/g, '\\$&')}`))
    const logo = page.locator('.group-header img')
    await expect(logo).toHaveAttribute('src', /^data:image\/svg\+xml/)
    await expect(page.getByText(contractors.description)).toBeVisible()

    const members = page.getByRole('table')
    await expect(members.getByRole('link', { name: firstKnownContractor, exact: true })).toBeVisible()
    await expect(members.getByText(`Unknown member #${REMOVED_MEMBER_ID}`)).toBeVisible()
    await expect(members.getByText(/not in the member directory/i)).toBeVisible()

    const guests = contractors.guests
    await expect(page.getByRole('heading', { name: `Guests (${guests.length})` })).toBeVisible()
    for (const email of guests) {
      await expect(page.getByRole('link', { name: email, exact: true })).toHaveAttribute(
        'href',
        `/guests/${encodeURIComponent(email)}`,
      )
    }
  })

  test('an empty group says so instead of showing empty tables', async ({ page }) => {
    await open(page, `/groups/${emptyGroup.id}`)
    await expect(page.getByRole('heading', { level: 1, name: emptyGroup.name })).toBeVisible()
    await expect(page.getByText('No members', { exact: true })).toBeVisible()
    await expect(page.getByText('No guests', { exact: true })).toBeVisible()
    await expect(page.getByRole('table')).toHaveCount(0)
  })

  test('a javascript: logo is refused and initials are shown', async ({ page }) => {
    await open(page, `/groups/${scriptLogoGroup.id}`)
    await expect(page.getByRole('heading', { level: 1, name: scriptLogoGroup.name })).toBeVisible()
    await expect(page.locator('.group-header .avatar--initials')).toBeVisible()
    await expect(page.locator('.group-header img')).toHaveCount(0)
    await expect(page.locator('img[src^="javascript"]')).toHaveCount(0)
  })

  for (const [what, path] of [
    ['an unknown group', '/groups/ffffffffffffffffffffffffffffffff'],
    ['a malformed group ID', '/groups/%3Cscript%3E'],
  ] as const) {
    test(`${what} shows "Group not found" with a way back`, async ({ page }) => {
      await open(page, path)
      await expect(page.getByRole('heading', { level: 1, name: 'Group not found' })).toBeVisible()
      await page.getByRole('main').getByRole('link', { name: 'Back to groups' }).click()
      await expect(page).toHaveURL(/\/groups$/)
      await expect(page.getByRole('heading', { level: 1, name: 'Groups' })).toBeVisible()
    })
  }

  test('a failed load says so and Retry brings the group once Tallyfy recovers', async ({
    page,
    pageErrors,
  }) => {
    await open(page, '/groups')
    await expect(page.getByRole('link', { name: contractors.name, exact: true })).toBeVisible()
    // The demo's controls appear once its worker has started after the page load.
    await page.waitForFunction(() => window.rosterDemo !== undefined)
    const path = `/groups/${contractors.id}`
    await page.evaluate((p) => window.rosterDemo?.setFaults({ status: 500, path: p }), path)
    await page.getByRole('link', { name: contractors.name, exact: true }).click()
    const retry = page.getByRole('button', { name: 'Retry' })
    await expect(retry).toBeVisible()
    await expect(page.getByRole('heading', { level: 1, name: contractors.name })).toHaveCount(0)
    await expect(page.getByRole('link', { name: 'Back to groups' })).toBeVisible()

    await page.evaluate(() => window.rosterDemo?.reset())
    await retry.click()
    await expect(page.getByRole('heading', { level: 1, name: contractors.name })).toBeVisible()
    // The browser logs each failed request; those 500s are the point of this test.
    expect(pageErrors.filter((e) => !/Failed to load resource/.test(e))).toEqual([])
  })

  test('a group read without its member and guest lists says so, never "Members (0)", and Retry reads it again', async ({
    page,
  }) => {
    // Tallyfy sends a group's `members` and `guests` only as includes: every group read lacks them.
    await faultsFromStart(page, { omitGroupLists: 'absent' })
    await open(page, '/groups')
    const row = page
      .getByRole('row')
      .filter({ has: page.getByRole('link', { name: contractors.name, exact: true }) })
    // Both counts are a dash read as "Not known", not 0.
    await expect(row.getByText('Not known', { exact: true })).toHaveCount(2)
    await expect(row.getByRole('cell', { name: '0', exact: true })).toHaveCount(0)

    await row.getByRole('link', { name: contractors.name, exact: true }).click()
    await expect(page.getByRole('heading', { level: 1, name: contractors.name })).toBeVisible()
    const members = page.getByRole('region', { name: 'Members (not known)' })
    await expect(members).toContainText(
      'Tallyfy sent this group without its member list. Retry to read it again.',
    )
    await expect(page.getByRole('region', { name: 'Guests (not known)' })).toContainText(
      'Tallyfy sent this group without its guest list. Retry to read it again.',
    )
    await expect(page.getByText('Member count not known · guest count not known')).toBeVisible()
    await expect(page.getByText(/Members \(0\)|Guests \(0\)|No members|No guests/)).toHaveCount(0)
    await expect(page.getByRole('table')).toHaveCount(0)
    // The demo signs in as an admin: the group's own controls are there, adding to a list it does not know is not.
    await expect(page.getByRole('button', { name: 'Edit group' })).toBeVisible()
    await expect(page.getByRole('combobox', { name: 'Add member' })).toHaveCount(0)
    await expect(page.getByLabel('Guest email')).toHaveCount(0)

    // Tallyfy sends the lists again: Retry shows them.
    await page.evaluate(() => window.rosterDemo?.resetFaults())
    await members.getByRole('button', { name: 'Retry' }).click()
    const count = new Set(contractors.members.map(String)).size
    await expect(page.getByRole('heading', { name: `Members (${count})` })).toBeFocused()
    await expect(
      page.getByRole('table').getByRole('link', { name: firstKnownContractor, exact: true }),
    ).toBeVisible()
    await expect(page.getByRole('heading', { name: `Guests (${contractors.guests.length})` })).toBeVisible()
  })

  test('deep link and reload land on the same group', async ({ page }) => {
    await open(page, `/groups/${contractors.id}?q=${encodeURIComponent(firstKnownContractor.split(' ')[0]!)}`)
    await expect(page.getByRole('heading', { level: 1, name: contractors.name })).toBeVisible()
    const search = page.getByRole('searchbox', { name: 'Search members of this group' })
    await expect(search).toHaveValue(firstKnownContractor.split(' ')[0]!)
    await page.reload()
    await expect(page.getByRole('heading', { level: 1, name: contractors.name })).toBeVisible()
    await expect(search).toHaveValue(firstKnownContractor.split(' ')[0]!)
    await expect(page.getByRole('table').getByRole('link', { name: firstKnownContractor })).toBeVisible()
  })
})

test.describe('group list', () => {
  test('search and sort live in the URL and survive Back', async ({ page }) => {
    await open(page, '/groups')
    await expect(page.getByRole('heading', { level: 1, name: 'Groups' })).toBeVisible()
    const count = page.getByText(/^\d+ groups$/)
    await expect(count).toHaveText(`${demo.groups.length} groups`)

    const search = page.getByRole('searchbox', { name: 'Search groups' })
    // Accent-insensitive, and the description is searched too ("Asia-Pacific" is in Sales — APAC's).
    await search.fill('sao paulo')
    await expect(page.getByRole('table').getByRole('link')).toHaveText(['Facilities — São Paulo Office'])
    await expect(page.getByText(`1 of ${demo.groups.length} groups`)).toBeVisible()
    await expect(page).toHaveURL(/\?q=sao\+paulo$/)
    await search.fill('asia-pacific')
    await expect(page.getByRole('table').getByRole('link')).toHaveText(['Sales — APAC'])

    await search.fill('no such group anywhere')
    await expect(
      page.getByRole('heading', { name: 'No groups match “no such group anywhere”' }),
    ).toBeVisible()
    await page.getByRole('button', { name: 'Clear search' }).click()
    await expect(search).toHaveValue('')
    await expect(count).toHaveText(`${demo.groups.length} groups`)

    const nameHeader = page.getByRole('columnheader', { name: 'Name' })
    const membersHeader = page.getByRole('columnheader', { name: 'Members' })
    await expect(nameHeader).toHaveAttribute('aria-sort', 'ascending')
    await membersHeader.getByRole('button').click()
    await expect(membersHeader).toHaveAttribute('aria-sort', 'descending')
    await expect(nameHeader).not.toHaveAttribute('aria-sort')
    await expect(page).toHaveURL(/\?sort=-members$/)
    const most = Math.max(...demo.groups.map((g) => new Set(g.members.map(String)).size))
    const biggest = demo.groups.filter((g) => new Set(g.members.map(String)).size === most).map((g) => g.name)
    const firstRow = page.getByRole('table').getByRole('link').first()
    expect(biggest).toContain((await firstRow.textContent())?.trim())
    const biggestName = (await firstRow.textContent())?.trim() ?? ''
    await firstRow.click()
    await expect(page.getByRole('heading', { level: 1, name: biggestName })).toBeVisible()
    await page.goBack()
    await expect(page).toHaveURL(/\?sort=-members$/)
    await expect(membersHeader).toHaveAttribute('aria-sort', 'descending')
  })
})

test.describe('moving between members and groups', () => {
  test('from a member row to its group, to a member, and back', async ({ page }) => {
    await open(page, '/members')
    const groupLink = page.getByRole('main').locator('tbody a[href^="/groups/"]').first()
    await expect(groupLink).toBeVisible()
    const groupName = (await groupLink.textContent())?.trim() ?? ''
    await groupLink.click()
    await expect(page.getByRole('heading', { level: 1, name: groupName })).toBeVisible()
    await expect(page).toHaveURL(/\/groups\/[0-9a-f]{32}$/)

    const memberLink = page.getByRole('table').getByRole('link').first()
    const person = (await memberLink.textContent())?.trim() ?? ''
    await memberLink.click()
    await expect(page).toHaveURL(/\/members\/\d+$/)
    await expect(page.getByRole('heading', { level: 1, name: person })).toBeVisible()
    await page.goBack()
    await expect(page.getByRole('heading', { level: 1, name: groupName })).toBeVisible()
    await page.goBack()
    await expect(page).toHaveURL(/\/members$/)
  })

  test("from a member's page to one of their groups, and back", async ({ page }) => {
    await open(page, `/members/${firstKnownContractorId}`)
    await expect(page.getByRole('heading', { level: 1, name: firstKnownContractor })).toBeVisible()
    await page.getByRole('main').getByRole('link', { name: contractors.name, exact: true }).click()
    await expect(page.getByRole('heading', { level: 1, name: contractors.name })).toBeVisible()
    await expect(page.getByRole('table').getByRole('link', { name: firstKnownContractor })).toBeVisible()
    await page.goBack()
    await expect(page.getByRole('heading', { level: 1, name: firstKnownContractor })).toBeVisible()
  })

  test('keyboard only: a group, one of its members, and Back', async ({ page }) => {
    // Narrowed to a group with members by the URL, so the walk ends on a page with member links.
    await open(page, '/groups?q=contractors')
    const table = page.getByRole('table')
    await expect(table.getByRole('link')).toHaveText([contractors.name])
    const firstGroup = (await table.getByRole('link').first().textContent())?.trim() ?? ''
    // Tab until a group link in the table has focus: every control on the way must be reachable.
    for (let i = 0; i < 30; i++) {
      await page.keyboard.press('Tab')
      if (
        await table
          .getByRole('link')
          .first()
          .evaluate((el) => el === document.activeElement)
      )
        break
    }
    await expect(table.getByRole('link').first()).toBeFocused()
    await page.keyboard.press('Enter')
    await expect(page.getByRole('heading', { level: 1, name: firstGroup })).toBeVisible()

    const memberLink = page.getByRole('table').getByRole('link').first()
    await expect(memberLink).toBeVisible()
    const person = (await memberLink.textContent())?.trim() ?? ''
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab')
      if (await memberLink.evaluate((el) => el === document.activeElement)) break
    }
    await expect(memberLink).toBeFocused()
    await page.keyboard.press('Enter')
    await expect(page).toHaveURL(/\/members\/\d+$/)
    await expect(page.getByRole('heading', { level: 1, name: person })).toBeVisible()
    // Headless Chromium has no browser UI to take Alt+Left, so Back is the history call it maps to.
    await page.goBack()
    await expect(page.getByRole('heading', { level: 1, name: firstGroup })).toBeVisible()
  })
})
