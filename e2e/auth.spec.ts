import type { Page } from '@playwright/test'
import { DEMO_ORG_ID, DEMO_TOKEN, OTHER_ORG_ID, expect, openDemo, test } from './fixtures'

// These go through the real proxy to the demo API served over HTTP, as a real Tallyfy sign-in would.

async function signIn(page: Page, orgId: string, token: string, options: { remember?: boolean } = {}) {
  await page.getByLabel('Organization ID').fill(orgId)
  await page.getByLabel('Access token').fill(token)
  if (options.remember) await page.getByRole('checkbox', { name: 'Remember me on this device' }).check()
  await page.getByRole('button', { name: 'Sign in' }).click()
}

const storedCredentials = (page: Page) =>
  page.evaluate(() => ({
    session: sessionStorage.getItem('roster.credentials'),
    local: localStorage.getItem('roster.credentials'),
  }))

test('signs in with an organization ID and token, and signs out again', async ({ page, pageErrors }) => {
  await page.goto('/sign-in')
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in to Roster' })).toBeVisible()
  await expect(page).toHaveTitle('Sign in · Roster')
  await signIn(page, DEMO_ORG_ID, DEMO_TOKEN)
  await expect(page).toHaveURL(/\/members$/)
  await expect(page.getByRole('heading', { level: 1, name: /Members/ })).toBeVisible()
  expect((await storedCredentials(page)).session).toContain(DEMO_ORG_ID)
  expect((await storedCredentials(page)).local).toBeNull()
  expect(await page.title()).not.toContain(DEMO_TOKEN)

  await page.getByRole('button', { name: 'Sign out' }).click()
  await expect(page).toHaveURL(/\/sign-in$/)
  await expect(page.getByText('You signed out.')).toBeVisible()
  expect(await storedCredentials(page)).toEqual({ session: null, local: null })
  expect(pageErrors).toEqual([])
})

test('remember me keeps the session in a new tab', async ({ page, context }) => {
  await page.goto('/sign-in')
  await signIn(page, DEMO_ORG_ID, DEMO_TOKEN, { remember: true })
  await expect(page).toHaveURL(/\/members$/)
  expect((await storedCredentials(page)).local).toContain(DEMO_ORG_ID)

  const second = await context.newPage()
  await second.goto('/groups')
  await expect(second).toHaveURL(/\/groups$/)
  await expect(second.getByRole('button', { name: 'Sign out' })).toBeVisible()
})

test('a wrong token is explained and the fields keep their values', async ({ page, pageErrors }) => {
  await page.goto('/sign-in')
  await signIn(page, DEMO_ORG_ID, 'not-the-right-token')
  await expect(page.getByRole('alert').filter({ hasText: "didn't accept this access token" })).toBeVisible()
  await expect(page.getByLabel('Organization ID')).toHaveValue(DEMO_ORG_ID)
  await expect(page.getByLabel('Access token')).toHaveValue('not-the-right-token')
  await expect(page.getByLabel('Access token')).toBeFocused()
  await expect(page.locator('body')).not.toContainText('not-the-right-token')
  await expect(page).toHaveURL(/\/sign-in$/)
  // The browser logs failed requests (401) as console errors; those are the point of this test.
  expect(pageErrors.filter((e) => !e.includes('401'))).toEqual([])
})

test('an organization the token cannot see is explained', async ({ page }) => {
  await page.goto('/sign-in')
  await signIn(page, OTHER_ORG_ID, DEMO_TOKEN)
  await expect(page.getByRole('alert').filter({ hasText: 'no access to that organization' })).toBeVisible()
  await expect(page.getByLabel('Organization ID')).toBeFocused()
  expect(await storedCredentials(page)).toEqual({ session: null, local: null })
})

test('missing fields are reported without calling Tallyfy', async ({ page }) => {
  await page.goto('/sign-in')
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page.getByText('Enter your organization ID.')).toBeVisible()
  await expect(page.getByText('Enter your access token.')).toBeVisible()
  await expect(page.getByLabel('Organization ID')).toBeFocused()
})

test('a deep link while signed out returns there after signing in', async ({ page }) => {
  await page.goto('/groups?q=ops')
  await expect(page).toHaveURL(/\/sign-in\?returnTo=%2Fgroups%3Fq%3Dops$/)
  await signIn(page, DEMO_ORG_ID, DEMO_TOKEN)
  await expect(page).toHaveURL(/\/groups\?q=ops$/)
})

test('signing out of the demo forgets the demo session', async ({ page }) => {
  await openDemo(page, { members: 30 })
  await page.getByRole('button', { name: 'Sign out' }).click()
  await expect(page).toHaveURL(/\/sign-in$/)
  expect(await storedCredentials(page)).toEqual({ session: null, local: null })
  await page.goto('/members')
  await expect(page).toHaveURL(/\/sign-in\?returnTo=%2Fmembers$/)
})

test('a 401 while browsing ends the session, and signing in again returns to the page', async ({ page }) => {
  await openDemo(page, { members: 30 })
  await expect(page.getByRole('heading', { level: 1, name: /Members/ })).toBeVisible()
  await page.evaluate(() => window.rosterDemo?.setFaults({ status: 401, times: 1, path: '/groups' }))
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Groups' }).click()
  await expect(page).toHaveURL(/\/sign-in\?returnTo=%2Fgroups$/)
  await expect(page.getByText('Your Tallyfy session has ended, sign in again.')).toBeVisible()
  expect(await storedCredentials(page)).toEqual({ session: null, local: null })

  await page.getByRole('button', { name: 'Explore the demo organization' }).click()
  await expect(page).toHaveURL(/\/groups$/)
  await expect(page.getByRole('heading', { level: 1, name: /Groups/ })).toBeVisible()
})

test('signing out in one tab signs out every tab of the browser', async ({ context, page }) => {
  // Two tabs signed in on their own, without "remember me": nothing shared in storage between them.
  const other = await context.newPage()
  for (const tab of [page, other]) {
    await tab.goto('/sign-in')
    await signIn(tab, DEMO_ORG_ID, DEMO_TOKEN)
    await expect(tab).toHaveURL(/\/members$/)
  }
  await other.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Groups' }).click()
  await expect(other.getByRole('heading', { level: 1, name: 'Groups' })).toBeVisible()

  await page.getByRole('button', { name: 'Sign out' }).click()
  await expect(page).toHaveURL(/\/sign-in$/)

  await expect(other).toHaveURL(/\/sign-in/)
  await expect(other.getByRole('heading', { level: 1, name: 'Sign in to Roster' })).toBeVisible()
  await expect(other.getByText('You signed out.')).toBeVisible()
  await expect(other.getByRole('table')).toHaveCount(0)
  expect(await storedCredentials(other)).toEqual({ session: null, local: null })
})

test('a demo session ended by a 401 stops its service worker before a real sign-in', async ({
  page,
  pageErrors,
}) => {
  await openDemo(page)
  await expect(page.getByRole('table').first()).toBeVisible()
  expect(await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL)).toMatch(
    /mockServiceWorker/,
  )

  await page.evaluate(() => window.rosterDemo?.setFaults({ status: 401 }))
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Groups' }).click()
  await expect(page).toHaveURL(/\/sign-in/)
  await expect(page.getByText('Your Tallyfy session has ended, sign in again.')).toBeVisible()

  await expect.poll(() => page.evaluate(() => window.rosterDemo === undefined)).toBe(true)
  await expect
    .poll(() => page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length))
    .toBe(0)

  // The same page signs in for real: every answer now comes from the network (the proxy), none
  // from a service worker.
  const answers: Array<{ url: string; fromServiceWorker: boolean }> = []
  page.on('response', (r) => {
    if (new URL(r.url()).pathname.startsWith('/api/'))
      answers.push({ url: r.url(), fromServiceWorker: r.fromServiceWorker() })
  })
  await signIn(page, DEMO_ORG_ID, DEMO_TOKEN)
  await expect(page).toHaveURL(/\/groups/)
  await expect(page.getByRole('heading', { level: 1, name: 'Groups' })).toBeVisible()
  expect(answers.length).toBeGreaterThan(0)
  expect(answers.filter((a) => a.fromServiceWorker)).toEqual([])
  expect(pageErrors.filter((e) => !e.includes('401'))).toEqual([])
})
