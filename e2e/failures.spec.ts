import type { Page } from '@playwright/test'
import { createDemoOrg } from '../src/demo/data'
import type { Faults } from '../src/demo/faults'
import {
  createServerOrg,
  DEMO_TOKEN,
  expect,
  faultsFromStart,
  openDemo,
  signInThroughProxy,
  submitSignIn,
  test,
} from './fixtures'

// Surviving every failure the API can produce: rate limits, outages, bodies that do not fit,
// missing and forbidden records, a session that ends mid-browse, and going offline. Most tests use
// the browser demo, whose faults belong to one page; the ones at the end go through the real proxy
// to the HTTP demo API, each on an organization of its own.

const DEMO_SIZE = 40
const demo = createDemoOrg({ members: DEMO_SIZE })
const firstMember = demo.members[0]!
const someGroup = demo.groups.find((g) => g.name === 'Operations')!

const setFaults = (page: Page, faults: Faults) =>
  page.evaluate((f) => window.rosterDemo?.setFaults(f), faults)
const clearFaults = (page: Page) => page.evaluate(() => window.rosterDemo?.reset())

const nav = (page: Page) => page.getByRole('navigation', { name: 'Main' })
/** The Operations link of the groups list (member rows link their groups too, under the same name). */
const groupInList = (page: Page) =>
  page
    .getByRole('main')
    .filter({ has: page.getByRole('heading', { level: 1, name: 'Groups' }) })
    .getByRole('link', { name: someGroup.name, exact: true })
/** At least one data row (the first row of a table is its header). */
const firstDataRow = (page: Page) => page.getByRole('table').first().getByRole('row').nth(1)

// Failed requests are logged by the browser as console errors; those are the point of these tests.
const unexpected = (errors: string[]) =>
  errors.filter((e) => !/Failed to load resource: the server responded with a status of/.test(e))

test.describe('members directory', () => {
  test('a 429 with Retry-After shows the wait, then the members appear without a click', async ({
    page,
    pageErrors,
  }) => {
    await faultsFromStart(page, { status: 429, retryAfter: 2, times: 1, path: '/users' })
    await openDemo(page, { members: DEMO_SIZE })
    const notice = page.getByRole('status').filter({ hasText: 'Tallyfy asked us to slow down' })
    await expect(notice).toHaveText(/Tallyfy asked us to slow down, retrying in [12] s/)
    await expect(firstDataRow(page)).toBeVisible()
    await expect(notice).toBeHidden()
    await expect(page.getByRole('button', { name: 'Retry' })).toHaveCount(0)
    expect(unexpected(pageErrors)).toEqual([])
  })

  test('a rate limit that never ends becomes an error with Retry, which works once it lifts', async ({
    page,
  }) => {
    await faultsFromStart(page, { status: 429, retryAfter: 1, path: '/users' })
    await openDemo(page, { members: DEMO_SIZE })
    // Four tries with a one-second wait between them, then the client gives up.
    await expect(page.getByRole('heading', { name: 'Too many requests' })).toBeVisible({ timeout: 15_000 })
    await expect(page.getByText('Tallyfy asked us to slow down. Try again in 1 s.')).toBeVisible()
    await expect(firstDataRow(page)).toBeHidden()

    await clearFaults(page)
    await page.getByRole('button', { name: 'Retry' }).click()
    await expect(firstDataRow(page)).toBeVisible()
    await expect(page.getByRole('heading', { name: 'Too many requests' })).toBeHidden()
  })

  test('a 500 shows an error with Retry, and Retry brings the rows once Tallyfy recovers', async ({
    page,
    pageErrors,
  }) => {
    await faultsFromStart(page, { status: 500, path: '/users' })
    await openDemo(page, { members: DEMO_SIZE })
    await expect(page.getByRole('heading', { name: 'Tallyfy is having trouble' })).toBeVisible()
    await expect(page.getByText('Tallyfy is having trouble right now.')).toBeVisible()
    // The server's HTML error page never reaches the person, only the bug-report details.
    await expect(page.getByText('500 | Server Error')).toBeHidden()
    await expect(nav(page)).toBeVisible()

    await clearFaults(page)
    await page.getByRole('button', { name: 'Retry' }).click()
    await expect(firstDataRow(page)).toBeVisible()
    await expect(page.getByRole('heading', { name: 'Tallyfy is having trouble' })).toBeHidden()
    expect(unexpected(pageErrors)).toEqual([])
  })
})

test('a failed background refresh keeps the data on screen and says it may be out of date', async ({
  page,
}) => {
  await openDemo(page, { members: DEMO_SIZE })
  await nav(page).getByRole('link', { name: 'Groups' }).click()
  await expect(groupInList(page)).toBeVisible()
  await nav(page).getByRole('link', { name: 'Members' }).click()
  await expect(page).toHaveURL(/\/members$/)

  // Ten minutes later the groups are stale, so coming back refetches them; Tallyfy fails that refetch.
  await page.clock.setFixedTime(Date.now() + 10 * 60_000)
  await setFaults(page, { status: 500, path: '/groups' })
  const refetch = page.waitForResponse((r) => r.url().includes('/groups') && r.status() === 500)
  await nav(page).getByRole('link', { name: 'Groups' }).click()
  await refetch

  await expect(page.getByText(/may be out of date/)).toBeVisible()
  await expect(groupInList(page)).toBeVisible()
  await expect(page.getByRole('heading', { name: 'Tallyfy is having trouble' })).toHaveCount(0)

  await clearFaults(page)
  await page.getByRole('button', { name: 'Refresh' }).click()
  await expect(page.getByText(/may be out of date/)).toBeHidden()
  await expect(groupInList(page)).toBeVisible()
})

test('a body that does not fit is explained with details, and the header keeps working', async ({
  page,
  pageErrors,
}) => {
  await faultsFromStart(page, { malformed: true, path: '/groups' })
  await openDemo(page, { members: DEMO_SIZE, path: '/groups' })
  await expect(page.getByText("Tallyfy answered in a way Roster didn't expect.")).toBeVisible()
  const details = page.getByRole('group').filter({ has: page.getByText('Details for a bug report') })
  await page.getByText('Details for a bug report').click()
  await expect(details.getByText('invalid-response')).toBeVisible()
  await expect(details).not.toContainText(DEMO_TOKEN)

  await nav(page).getByRole('link', { name: 'Members' }).click()
  await expect(page.getByRole('heading', { level: 1, name: /Members/ })).toBeVisible()
  expect(unexpected(pageErrors)).toEqual([])
})

test('an unknown group is "Group not found"', async ({ page }) => {
  await openDemo(page, { members: DEMO_SIZE, path: `/groups/${'0'.repeat(32)}` })
  await expect(page.getByRole('heading', { level: 1, name: 'Group not found' })).toBeVisible()
  await expect(page).toHaveTitle(/^Group not found/)
  await page.getByRole('link', { name: 'Back to groups' }).click()
  await expect(page).toHaveURL(/\/groups$/)
})

test("a 403 on a member's details shows what the directory knows, with a short note", async ({ page }) => {
  await faultsFromStart(page, { status: 403, path: '/users/' })
  await openDemo(page, { members: DEMO_SIZE, path: `/members/${firstMember.id}` })
  await expect(page.getByRole('heading', { level: 1, name: firstMember.full_name })).toBeVisible()
  await expect(page.getByText(firstMember.email)).toBeVisible()
  await expect(page.getByText(/Showing what the directory knows/)).toBeVisible()
  await expect(page.getByRole('heading', { name: 'No access' })).toHaveCount(0)
})

test('offline is announced, and coming back online refreshes what is on screen', async ({
  page,
  context,
}) => {
  await openDemo(page, { members: DEMO_SIZE })
  await nav(page).getByRole('link', { name: 'Groups' }).click()
  await expect(groupInList(page)).toBeVisible()
  const offline = page.getByText("You're offline. Roster will refresh when you're back.")
  await context.setOffline(true)
  await expect(offline).toBeVisible()
  await expect(groupInList(page)).toBeVisible()

  // While offline the list grew old; reconnecting fetches it again.
  await page.clock.setFixedTime(Date.now() + 10 * 60_000)
  const refresh = page.waitForResponse((r) => r.url().includes('/groups') && r.ok())
  await context.setOffline(false)
  await expect(offline).toBeHidden()
  await refresh
  await expect(groupInList(page)).toBeVisible()
})

test('a page opened while offline says so, and loads once back online', async ({ page, context }) => {
  await openDemo(page, { members: DEMO_SIZE })
  await context.setOffline(true)
  await nav(page).getByRole('link', { name: 'Groups' }).click()
  await expect(page.getByRole('heading', { level: 1, name: "You're offline" })).toBeVisible()
  await context.setOffline(false)
  await page.getByRole('button', { name: 'Retry' }).click()
  await expect(groupInList(page)).toBeVisible()
  await expect(nav(page).getByRole('link', { name: 'Groups' })).toHaveAttribute('aria-current', 'page')
})

test.describe('through the proxy to the HTTP demo API', () => {
  // Each test on an organization of its own, so its faults reach no other test of the run.
  test('a 500 on the groups list shows Retry, which loads them once Tallyfy recovers', async ({ page }) => {
    const org = await createServerOrg('failures')
    await signInThroughProxy(page, org)
    await org.setFaults({ status: 500, path: '/groups' })
    await nav(page).getByRole('link', { name: 'Groups' }).click()
    await expect(page.getByRole('heading', { name: 'Tallyfy is having trouble' })).toBeVisible()

    await org.reset()
    await page.getByRole('button', { name: 'Retry' }).click()
    await expect(groupInList(page)).toBeVisible()
  })

  test('a 401 mid-browse ends the session; signing in again returns to the page', async ({ page }) => {
    const org = await createServerOrg('failures')
    await signInThroughProxy(page, org)
    await org.setFaults({ status: 401, times: 1, path: '/groups' })
    await nav(page).getByRole('link', { name: 'Groups' }).click()
    await expect(page).toHaveURL(/\/sign-in\?returnTo=%2Fgroups$/)
    await expect(page.getByText('Your Tallyfy session has ended, sign in again.')).toBeVisible()

    await submitSignIn(page, org)
    await expect(page).toHaveURL(/\/groups$/)
    await expect(groupInList(page)).toBeVisible()
  })
})
