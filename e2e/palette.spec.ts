import type { Page } from '@playwright/test'
import { createDemoOrg, MULTI_GROUP_GUEST } from '../src/demo/data'
import { expect, openDemo, test } from './fixtures'

// Ctrl+K from anywhere, then the keyboard alone: type, (arrows,) Enter.

const demo = createDemoOrg({ members: 300 })
const member = demo.members.find((m) => m.full_name === 'Priya Venkataraghavan')!
const guest = demo.guests[MULTI_GROUP_GUEST]!
const guestName = `${guest.first_name} ${guest.last_name}`
const group = demo.groups.find((g) => g.name === 'Contractors & Agencies')!

const goTo = (page: Page) => page.getByRole('combobox', { name: 'Go to' })
const option = (page: Page, selector?: Parameters<Page['getByRole']>[1]) =>
  page.getByRole('dialog').getByRole('option', selector)

async function openPalette(page: Page) {
  await page.keyboard.press('Control+k')
  await expect(page.getByRole('dialog')).toBeVisible()
  await expect(goTo(page)).toBeFocused()
}

test.describe('command palette', () => {
  test('Ctrl+K to a member, a group and a guest with the keyboard alone', async ({ page, pageErrors }) => {
    await openDemo(page, { members: 300 })
    await expect(page.getByRole('table', { name: /^Members/ })).toBeVisible()

    // A member: the start of the name, then Enter opens the best match.
    await openPalette(page)
    await page.keyboard.type('priya venk')
    await expect(option(page).first()).toContainText(member.full_name)
    await page.keyboard.press('Enter')
    await expect(page.getByRole('dialog')).toHaveCount(0)
    await expect(page).toHaveURL(`/members/${member.id}`)
    await expect(page.getByRole('heading', { level: 1, name: member.full_name })).toBeVisible()

    // A group: the arrows choose among the matches.
    await openPalette(page)
    await page.keyboard.type('contractors')
    await expect(option(page, { name: /Contractors & Agencies/ })).toBeVisible()
    await page.keyboard.press('ArrowDown')
    await expect(goTo(page)).toHaveAttribute('aria-activedescendant', /.+/)
    await expect(option(page, { selected: true })).toContainText(group.name)
    await page.keyboard.press('Enter')
    await expect(page).toHaveURL(`/groups/${group.id}`)
    await expect(page.getByRole('heading', { level: 1, name: group.name })).toBeVisible()

    // A guest, by email.
    await openPalette(page)
    await page.keyboard.type(guest.email)
    await expect(option(page).first()).toContainText(guestName)
    await page.keyboard.press('Enter')
    await expect(page).toHaveURL(`/guests/${encodeURIComponent(guest.email)}`)
    await expect(page.getByRole('heading', { level: 1, name: guestName })).toBeVisible()

    // A page.
    await openPalette(page)
    await page.keyboard.type('guests')
    await expect(option(page).first()).toContainText('Guests')
    await page.keyboard.press('Enter')
    await expect(page).toHaveURL('/guests')
    expect(pageErrors).toEqual([])
  })

  test('Escape closes it at once and focus returns to where it was', async ({ page }) => {
    await openDemo(page, { members: 300 })
    const search = page.getByRole('searchbox', { name: 'Search members' })
    await search.focus()
    await openPalette(page)
    await page.keyboard.type('zzz-nothing')
    await expect(page.getByText('Nothing matches')).toBeVisible()
    await page.keyboard.press('Escape')
    await expect(page.getByRole('dialog')).toHaveCount(0)
    await expect(search).toBeFocused()
  })
})
