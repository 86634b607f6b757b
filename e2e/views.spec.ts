import type { Browser, Page } from '@playwright/test'
import { parseGroupPage } from '../src/api/groups/schema'
import { parseGuestPage } from '../src/api/guests/schema'
import { parseMemberPage } from '../src/api/members/schema'
import { createDemoOrg } from '../src/demo/data'
import { computeOverview } from '../src/lib/overview'
import { overviewLinks } from '../src/lib/overview-links'
import { audit } from './axe'
import { createServerOrg, expect, openDemo, signInThroughProxy, test } from './fixtures'

// The Views menu on /members, /groups and /guests: built-in views are the overview's links and
// count what the overview counts; saved views are URLs kept on this device (columns too), found by
// the palette, shareable as links.

const DEMO_SIZE = 300
// The live demos date their data from the real clock when they start (see overview.spec.ts).
const demo = createDemoOrg({ members: DEMO_SIZE, now: Date.now() })
const members = parseMemberPage({ data: demo.members }).items
const groups = parseGroupPage({ data: demo.groups }).items
const guests = parseGuestPage({ data: demo.guests }).items
const figures = () =>
  computeOverview({ members, groups, guests, now: Date.now(), inactiveDays: 90, complete: true })

const n = (value: number) => value.toLocaleString('en-US')
const countLine = (shown: number, total: number, [one, other]: [string, string]) =>
  shown === total ? `${n(total)} ${total === 1 ? one : other}` : `${n(shown)} of ${n(total)} ${other}`

const viewsButton = (page: Page) => page.getByRole('button', { name: 'Views', exact: true })
const viewsMenu = (page: Page) => page.getByRole('menu', { name: 'Views' })
const item = (page: Page, name: string | RegExp) =>
  viewsMenu(page).getByRole('menuitem', { name, exact: typeof name === 'string' })

/** The built-in views of each list, with the overview's figure each one answers. */
function builtIns() {
  const f = figures()
  return [
    { list: 'members', name: 'Administrators', count: f.administrators, url: overviewLinks.administrators() },
    {
      list: 'members',
      name: 'Invitations over 14 days',
      count: f.staleInvitations,
      url: overviewLinks.staleInvitations(),
    },
    { list: 'members', name: 'Never signed in', count: f.neverSignedIn, url: overviewLinks.neverSignedIn() },
    { list: 'members', name: 'Inactive 90 days', count: f.inactive, url: overviewLinks.inactive(90) },
    {
      list: 'guests',
      name: 'Guests in no group',
      count: f.guests!.inNoGroup,
      url: overviewLinks.guestsInNoGroup(),
    },
    {
      list: 'guests',
      name: 'Disabled guests',
      count: f.guests!.disabled,
      url: overviewLinks.disabledGuests(),
    },
    { list: 'groups', name: 'Empty groups', count: f.groups!.empty, url: overviewLinks.emptyGroups() },
  ] as const
}

const totals = () => {
  const f = figures()
  return {
    members: {
      total: f.members.total,
      words: ['member', 'members'] as [string, string],
      line: '.members-count',
    },
    guests: {
      total: f.guests!.total,
      words: ['guest', 'guests'] as [string, string],
      line: '.list-toolbar__count',
    },
    groups: {
      total: f.groups!.total,
      words: ['group', 'groups'] as [string, string],
      line: '.list-toolbar__count',
    },
  }
}

/** A list page with its rows in and its Views menu loaded. */
async function openList(page: Page, path: string) {
  await page.goto(path)
  await expect(page.locator('h1').first()).toBeVisible()
  await expect(viewsButton(page)).toBeEnabled()
  await expect(page.getByText(/^Loading members/)).toHaveCount(0)
}

async function openViews(page: Page) {
  await viewsButton(page).click()
  await expect(viewsMenu(page)).toBeVisible()
}

/** Every built-in view: its count in the menu is the overview's, and it opens the list that many rows long. */
async function checkBuiltInViews(page: Page) {
  const t = totals()
  for (const view of builtIns()) {
    await openList(page, `/${view.list}`)
    await openViews(page)
    const link = item(page, `${view.name}, ${n(view.count)}`)
    await expect(link).toHaveAttribute('href', view.url)
    await link.click()
    await expect(viewsMenu(page)).toHaveCount(0)
    await expect(page).toHaveURL(view.url)
    const { total, words, line } = t[view.list]
    await expect(page.locator(line)).toHaveText(countLine(view.count, total, words))
  }
}

async function saveCurrentView(page: Page, name: string) {
  await openViews(page)
  await item(page, 'Save view').click()
  const dialog = page.getByRole('dialog', { name: 'Save view' })
  await expect(dialog.getByRole('textbox', { name: 'View name' })).toBeFocused()
  await dialog.getByRole('textbox', { name: 'View name' }).fill(name)
  await dialog.getByRole('button', { name: 'Save' }).click()
  await expect(dialog).toHaveCount(0)
  await expect(page.getByRole('status').getByText(`Saved view “${name}”`)).toBeVisible()
}

// msw's worker.start() calls registration.update() without awaiting it (mswjs/msw#2006). In the
// browser demo, a reload after a lazily loaded dialog has been open (Save view here; Invite member or
// New group do the same) sometimes has Chromium reject that update ("Not found") while the registered
// worker goes on serving. Not this feature's doing, so only that message is let through here.
const mswUpdateRejection =
  /^uncaught: Failed to update a ServiceWorker .*mockServiceWorker\.js'\): Not found$/
const withoutMswUpdateRejection = (errors: readonly string[]) =>
  errors.filter((error) => !mswUpdateRejection.test(error))

const SAVED_URL = '/members?sort=-last_login&role=light&status=active'

/**
 * Save a filtered, sorted /members view with a column hidden, reload, open it from the menu after
 * changing everything, then from its URL in another browser; delete it. `signIn` opens a signed-in
 * page in a fresh context.
 */
async function saveReloadShareDelete(page: Page, browser: Browser, signIn: (page: Page) => Promise<void>) {
  const lightActive = members.filter((m) => m.role === 'light' && m.status === 'active').length
  await openList(page, SAVED_URL)
  await expect(page.locator('.members-count')).toHaveText(
    countLine(lightActive, DEMO_SIZE, ['member', 'members']),
  )
  // Hide "Job title" with the Columns menu.
  await page.getByRole('button', { name: /^Columns/ }).click()
  await page.getByRole('menuitemcheckbox', { name: 'Job title' }).click()
  await page.keyboard.press('Escape')
  await expect(page.getByRole('columnheader', { name: 'Job title' })).toHaveCount(0)
  await saveCurrentView(page, 'Light, recent first')

  await page.reload()
  await expect(viewsButton(page)).toBeEnabled()
  // Change everything the view holds, as a person does: another role, any status, no sort, every
  // column back.
  await page.getByRole('combobox', { name: 'Role' }).selectOption('admin')
  await page.getByRole('combobox', { name: 'Status' }).selectOption('')
  await page.getByRole('button', { name: 'Name', exact: true }).click()
  await expect(page).toHaveURL(/\/members\?role=admin$/)
  await page.getByRole('button', { name: /^Columns/ }).click()
  await page.getByRole('menuitemcheckbox', { name: 'Job title' }).click()
  await page.keyboard.press('Escape')
  await expect(page.getByRole('columnheader', { name: 'Job title' })).toBeVisible()

  await openViews(page)
  await item(page, 'Light, recent first').click()
  await expect(page).toHaveURL(SAVED_URL)
  await expect(page.locator('.members-count')).toHaveText(
    countLine(lightActive, DEMO_SIZE, ['member', 'members']),
  )
  await expect(page.getByRole('combobox', { name: 'Role' })).toHaveValue('light')
  await expect(page.getByRole('columnheader', { name: 'Last login' })).toHaveAttribute(
    'aria-sort',
    'descending',
  )
  await expect(page.getByRole('columnheader', { name: 'Job title' })).toHaveCount(0)
  const firstRows = await page.locator('tbody tr a[href^="/members/"]').allTextContents()

  // Its URL in another browser shows the same list (columns are each device's own).
  const other = await browser.newContext()
  const otherPage = await other.newPage()
  await signIn(otherPage)
  await openList(otherPage, SAVED_URL)
  await expect(otherPage.locator('.members-count')).toHaveText(
    countLine(lightActive, DEMO_SIZE, ['member', 'members']),
  )
  await expect(otherPage.getByRole('combobox', { name: 'Role' })).toHaveValue('light')
  await expect(otherPage.getByRole('columnheader', { name: 'Last login' })).toHaveAttribute(
    'aria-sort',
    'descending',
  )
  expect(await otherPage.locator('tbody tr a[href^="/members/"]').allTextContents()).toEqual(firstRows)
  await other.close()

  // Delete it: gone from the menu, and still gone after a reload.
  await openViews(page)
  await item(page, 'Delete view Light, recent first').click()
  await expect(item(page, /^Light, recent first/)).toHaveCount(0)
  await expect(page.getByRole('status').getByText('Deleted view “Light, recent first”')).toBeVisible()
  await page.keyboard.press('Escape')
  await page.reload()
  await openViews(page)
  await expect(item(page, /^Light, recent first/)).toHaveCount(0)
}

test.describe('views in the browser demo', () => {
  test.beforeEach(async ({ page }) => {
    await openDemo(page, { members: DEMO_SIZE })
  })

  test('each built-in view opens its list with the count the overview shows', async ({
    page,
    pageErrors,
  }) => {
    test.setTimeout(60_000)
    await checkBuiltInViews(page)
    expect(pageErrors).toEqual([])
  })

  test('save a view, reload, open it from the menu and from its URL in another browser, delete it', async ({
    page,
    browser,
    pageErrors,
  }) => {
    test.setTimeout(60_000)
    await saveReloadShareDelete(page, browser, (other) => openDemo(other, { members: DEMO_SIZE }))
    expect(withoutMswUpdateRejection(pageErrors)).toEqual([])
  })

  test('the menu by keyboard: Enter opens it on the first view, arrows move, Escape closes and returns focus', async ({
    page,
  }) => {
    await openList(page, '/groups')
    await viewsButton(page).focus()
    await page.keyboard.press('Enter')
    await expect(item(page, /^Empty groups/)).toBeFocused()
    await page.keyboard.press('ArrowDown')
    await expect(item(page, 'Save view')).toBeFocused()
    await page.keyboard.press('ArrowDown')
    await expect(item(page, /^Empty groups/)).toBeFocused()
    await page.keyboard.press('Escape')
    await expect(viewsMenu(page)).toHaveCount(0)
    await expect(viewsButton(page)).toBeFocused()
    await page.keyboard.press('ArrowDown')
    await expect(item(page, /^Empty groups/)).toBeFocused()
    await page.keyboard.press('Enter')
    await expect(page).toHaveURL(/\/groups\?filter=empty$/)
    await expect(viewsButton(page)).toBeFocused()
  })

  test('the palette finds views by name, built-in and saved', async ({ page }) => {
    await openList(page, '/guests?status=active')
    await saveCurrentView(page, 'Working guests')
    await openList(page, '/members')
    await page.keyboard.press('Control+k')
    const goTo = page.getByRole('combobox', { name: 'Go to' })
    await expect(goTo).toBeFocused()
    await page.keyboard.type('never signed')
    await expect(page.getByRole('dialog').getByRole('option').first()).toContainText('Never signed in')
    await page.keyboard.press('Enter')
    await expect(page).toHaveURL(overviewLinks.neverSignedIn())

    await page.keyboard.press('Control+k')
    await expect(goTo).toBeFocused()
    await page.keyboard.type('working')
    await expect(page.getByRole('dialog').getByRole('option').first()).toContainText('Working guests')
    await page.keyboard.press('Enter')
    await expect(page).toHaveURL(/\/guests\?status=active$/)
    await expect(page.getByRole('combobox', { name: 'Status' })).toHaveValue('active')
  })

  for (const viewport of [
    { label: 'desktop', width: 1440, height: 900 },
    { label: 'phone', width: 390, height: 844 },
  ]) {
    test(`axe finds nothing on the menu and the Save view dialog, light and dark, ${viewport.label}`, async ({
      page,
    }) => {
      test.setTimeout(60_000)
      await page.setViewportSize({ width: viewport.width, height: viewport.height })
      await openList(page, '/guests')
      await saveCurrentView(page, 'All guests')
      const problems: string[] = []
      for (const path of ['/members', '/guests', '/groups']) {
        await openList(page, path)
        for (const scheme of ['light', 'dark'] as const) {
          await page.emulateMedia({ colorScheme: scheme })
          await openViews(page)
          // The menu stays on screen, whatever the width.
          const box = await viewsMenu(page).boundingBox()
          expect(box && box.x >= 0 && box.x + box.width <= viewport.width).toBe(true)
          problems.push(...(await audit(page, `Views menu on ${path}, ${scheme}, ${viewport.label}`)))
          await item(page, 'Save view').click()
          await expect(page.getByRole('dialog', { name: 'Save view' })).toBeVisible()
          problems.push(...(await audit(page, `Save view on ${path}, ${scheme}, ${viewport.label}`)))
          // With a refusal showing, too.
          await page.getByRole('dialog').getByRole('button', { name: 'Save' }).click()
          await expect(page.getByRole('dialog').getByText('Enter a name for the view.')).toBeVisible()
          problems.push(...(await audit(page, `Save view refused on ${path}, ${scheme}, ${viewport.label}`)))
          await page.keyboard.press('Escape')
          await expect(page.getByRole('dialog')).toHaveCount(0)
          await expect(viewsButton(page)).toBeFocused()
        }
      }
      expect(problems).toEqual([])
    })
  }
})

test.describe('views over HTTP, through the proxy', () => {
  test('built-in views count as the overview; a saved view reloads and opens from its URL elsewhere', async ({
    page,
    browser,
    pageErrors,
  }) => {
    test.setTimeout(90_000)
    const org = await createServerOrg('views', { members: DEMO_SIZE })
    await signInThroughProxy(page, org)
    await checkBuiltInViews(page)
    await saveReloadShareDelete(page, browser, (other) => signInThroughProxy(other, org))
    expect(pageErrors).toEqual([])
  })
})
