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

  test('Sign out from the palette ends the session at the sign-in page', async ({ page, pageErrors }) => {
    await openDemo(page, { members: 300 })
    await expect(page.getByRole('table', { name: /^Members/ })).toBeVisible()
    await openPalette(page)
    await page.keyboard.type('sign out')
    await expect(option(page).first()).toContainText('Sign out')
    await page.keyboard.press('Enter')
    await expect(page).toHaveURL(/\/sign-in$/)
    await expect(page.getByRole('heading', { level: 1, name: 'Sign in to Roster' })).toBeVisible()
    await expect(page.getByText('You signed out.')).toBeVisible()
    // Really signed out: the app asks for sign-in again.
    await page.goto('/members')
    await expect(page).toHaveURL(/\/sign-in\?returnTo=%2Fmembers$/)
    expect(pageErrors).toEqual([])
  })
})

/** Pretends to be on a platform: command-palette-shortcut.tsx tells a Mac by navigator.platform. */
async function onPlatform(page: Page, platform: string) {
  await page.addInitScript((p) => {
    Object.defineProperty(Navigator.prototype, 'platform', { configurable: true, get: () => p })
  }, platform)
}

/**
 * Presses a key and says whether anything on the page took it (called preventDefault): a listener
 * added now runs after the app's own on window, so it sees what the app did with the press.
 */
async function pressTaken(page: Page, key: string): Promise<boolean> {
  await page.evaluate(() => {
    const w = window as Window & { lastKeyTaken?: boolean }
    w.lastKeyTaken = undefined
    const listener = (event: KeyboardEvent) => {
      // The modifier's own keydown comes first; the K is the one the app decides on.
      if (event.key.toLowerCase() !== 'k') return
      w.lastKeyTaken = event.defaultPrevented
      window.removeEventListener('keydown', listener)
    }
    window.addEventListener('keydown', listener)
  })
  await page.keyboard.press(key)
  return page.evaluate(() => (window as Window & { lastKeyTaken?: boolean }).lastKeyTaken === true)
}

test.describe('the shortcut per platform', () => {
  test('⌘K opens it on a Mac, and Ctrl+K there does not', async ({ page }) => {
    await onPlatform(page, 'MacIntel')
    await openDemo(page, { members: 300 })
    await expect(page.getByRole('table', { name: /^Members/ })).toBeVisible()
    // Ctrl+K is a text-editing key on a Mac: left to the page.
    expect(await pressTaken(page, 'Control+k')).toBe(false)
    await expect(page.getByRole('dialog')).toHaveCount(0)
    expect(await pressTaken(page, 'Meta+k')).toBe(true)
    await expect(page.getByRole('dialog')).toBeVisible()
    await expect(goTo(page)).toBeFocused()
    await page.keyboard.press('Escape')
    await expect(page.getByRole('dialog')).toHaveCount(0)
  })

  test('Ctrl+K opens it elsewhere, and the Windows key with K does not', async ({ page }) => {
    await onPlatform(page, 'Win32')
    await openDemo(page, { members: 300 })
    await expect(page.getByRole('table', { name: /^Members/ })).toBeVisible()
    expect(await pressTaken(page, 'Meta+k')).toBe(false)
    await expect(page.getByRole('dialog')).toHaveCount(0)
    expect(await pressTaken(page, 'Control+k')).toBe(true)
    await expect(page.getByRole('dialog')).toBeVisible()
    await expect(goTo(page)).toBeFocused()
  })
})
