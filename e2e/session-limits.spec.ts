import type { BrowserContext, Page } from '@playwright/test'
import { audit } from './axe'
import { DEMO_ORG_ID, DEMO_TOKEN, expect, test } from './fixtures'

// The session's limits (lib/session-limits.ts), in the production build over the HTTP demo, with
// Playwright's clock jumping ahead like a laptop lid closed and opened again: 60 minutes without
// activity end a session that is not remembered, 30 days after sign-in a remembered one; a minute
// ahead every tab warns, "Stay signed in" in any tab answers for all, and the end reaches every tab.

const MINUTE = 60_000
const DAY = 24 * 60 * MINUTE

const warning = (page: Page) => page.getByRole('alertdialog', { name: 'You’ll be signed out in a minute' })
const signInHeading = (page: Page) => page.getByRole('heading', { level: 1, name: 'Sign in to Roster' })
const membersTable = (page: Page) => page.getByRole('table', { name: /^Members/ })

async function signIn(page: Page, { remember }: { remember: boolean }) {
  await page.getByLabel('Organization ID').fill(DEMO_ORG_ID)
  await page.getByLabel('Access token').fill(DEMO_TOKEN)
  if (remember) await page.getByRole('checkbox', { name: 'Remember me on this device' }).check()
  await page.getByRole('button', { name: 'Sign in' }).click()
}

/** Whether each storage of the page holds the credentials. */
const credentialsIn = (page: Page) =>
  page.evaluate(() => ({
    session: sessionStorage.getItem('roster.credentials') !== null,
    local: localStorage.getItem('roster.credentials') !== null,
  }))

/** A second tab opened from the first, as a link opened in a new tab is (it copies sessionStorage). */
async function openSecondTab(context: BrowserContext, page: Page, path: string) {
  const [second] = await Promise.all([
    context.waitForEvent('page'),
    page.evaluate((url) => void window.open(url), path),
  ])
  return second
}

test.beforeEach(async ({ page }) => {
  // Before the first load: the app's Date and timers are Playwright's from the start.
  await page.clock.install()
  await page.goto('/sign-in')
})

test('60 minutes without activity: every tab warns a minute ahead, "Stay signed in" in one answers for all, then the session ends in both', async ({
  page,
  context,
}) => {
  await signIn(page, { remember: false })
  await expect(membersTable(page)).toBeVisible()
  const second = await openSecondTab(context, page, '/groups')
  await expect(second.getByRole('heading', { level: 1, name: 'Groups' })).toBeVisible()

  // Input in the second tab half an hour in counts for the first one too.
  await page.clock.fastForward(30 * MINUTE)
  await second.getByRole('heading', { level: 1, name: 'Groups' }).click()
  await page.clock.fastForward(40 * MINUTE) // 70 minutes after sign-in, 40 after that click
  await expect(membersTable(page)).toBeVisible()
  await expect(warning(page)).toBeHidden()

  await page.clock.fastForward(19 * MINUTE + 30_000)
  await expect(warning(page)).toBeVisible()
  await expect(warning(second)).toBeVisible()
  await expect(warning(page)).toContainText('after 60 minutes without activity')
  await expect(warning(page).getByRole('button', { name: 'Stay signed in' })).toBeFocused()
  expect(await audit(page, 'the session warning')).toEqual([])

  await warning(second).getByRole('button', { name: 'Stay signed in' }).click()
  await expect(warning(second)).toBeHidden()
  await expect(warning(page)).toBeHidden()
  await expect(second.getByRole('heading', { level: 1, name: 'Groups' })).toBeVisible()

  // Nothing more: the warning a minute ahead, then the end, in both tabs, saying why.
  await page.clock.fastForward(59 * MINUTE)
  await expect(warning(page)).toBeVisible()
  await page.clock.fastForward(MINUTE)
  for (const tab of [page, second]) {
    await expect(signInHeading(tab)).toBeVisible()
    await expect(
      tab.getByText('You were signed out after 60 minutes without activity. Sign in again to carry on.'),
    ).toBeVisible()
    await expect(membersTable(tab)).toHaveCount(0)
    expect(await credentialsIn(tab)).toEqual({ session: false, local: false })
  }

  // Signing in again goes back to the page the session ended on.
  await signIn(second, { remember: false })
  await expect(second.getByRole('heading', { level: 1, name: 'Groups' })).toBeVisible()
})

test('a remembered session ends 30 days after sign-in, active or not, in every tab', async ({
  page,
  context,
}) => {
  await signIn(page, { remember: true })
  await expect(membersTable(page)).toBeVisible()
  const second = await context.newPage() // a tab of its own: the remembered session, from localStorage
  await second.goto('/groups')
  await expect(second.getByRole('heading', { level: 1, name: 'Groups' })).toBeVisible()

  // Idle for 20 days: a remembered session is not ended by inactivity.
  await page.clock.fastForward(20 * DAY)
  await page.getByRole('heading', { level: 1, name: 'Members' }).click()
  await expect(warning(page)).toBeHidden()
  await page.clock.fastForward(10 * DAY - 2 * MINUTE)
  await expect(membersTable(page)).toBeVisible()
  await expect(warning(page)).toBeHidden()

  await page.clock.fastForward(MINUTE + 10_000)
  await expect(warning(second)).toBeVisible()
  await expect(warning(second)).toContainText('remembers a sign-in on a device for 30 days')
  expect(await audit(second, 'the remembered session’s warning')).toEqual([])

  // The second tab's timer may be the first or the last to see the end: both tabs end either way.
  await second.clock.fastForward(MINUTE)
  for (const tab of [second, page]) {
    await expect(signInHeading(tab)).toBeVisible()
    await expect(
      tab.getByText(
        'Roster remembers a sign-in on a device for 30 days, and this one’s time was up. Sign in again to carry on.',
      ),
    ).toBeVisible()
    expect(await credentialsIn(tab)).toEqual({ session: false, local: false })
  }
})

test('"Stay signed in" at the 30 days keeps the session while it is open, and this device stops remembering it', async ({
  page,
  context,
}) => {
  await signIn(page, { remember: true })
  await expect(membersTable(page)).toBeVisible()
  const second = await context.newPage()
  await second.goto('/groups')
  await expect(second.getByRole('heading', { level: 1, name: 'Groups' })).toBeVisible()

  await page.clock.fastForward(30 * DAY - 30_000)
  await expect(warning(page)).toBeVisible()
  await expect(warning(second)).toBeVisible()
  await warning(page).getByRole('button', { name: 'Stay signed in' }).click()
  await expect(warning(page)).toBeHidden()
  await expect(warning(second)).toBeHidden()

  await page.clock.fastForward(MINUTE) // past the 30 days
  await expect(membersTable(page)).toBeVisible()
  await expect(second.getByRole('heading', { level: 1, name: 'Groups' })).toBeVisible()
  // Each open tab keeps it, in its own sessionStorage (for a reload); the device no longer does: a
  // new tab must sign in.
  expect(await credentialsIn(page)).toEqual({ session: true, local: false })
  expect(await credentialsIn(second)).toEqual({ session: true, local: false })
  const third = await context.newPage()
  await third.goto('/members')
  await expect(signInHeading(third)).toBeVisible()
})
