import type { Page, Request } from '@playwright/test'
import { DEMO_ORG_ID, DEMO_TOKEN, OTHER_ORG_ID, expect, test } from './fixtures'

// The way in over the real proxy (HTTP demo API): sign-in asks for the first page of members while
// it checks the credentials, and the members page uses that page instead of asking again.

const isFirstDirectoryPage = (request: Request) => {
  const url = new URL(request.url())
  return /\/api\/organizations\/[^/]+\/users$/.test(url.pathname) && url.searchParams.get('page') === '1'
}

async function signIn(page: Page, orgId: string) {
  await page.getByLabel('Organization ID').fill(orgId)
  await page.getByLabel('Access token').fill(DEMO_TOKEN)
  await page.getByRole('button', { name: 'Sign in' }).click()
}

test('signing in shows the members from the page loaded during the check, asked for once', async ({
  page,
}) => {
  const firstPages: string[] = []
  const events: string[] = []
  page.on('request', (request) => {
    if (!isFirstDirectoryPage(request)) return
    firstPages.push(new URL(request.url()).pathname)
    events.push('first page asked')
  })
  page.on('requestfinished', (request) => {
    if (new URL(request.url()).pathname === '/api/me') events.push('check answered')
  })
  await page.goto('/sign-in')
  await signIn(page, DEMO_ORG_ID)
  await expect(page).toHaveURL(/\/members$/)
  await expect(
    page
      .getByRole('table', { name: /Members/ })
      .getByRole('link')
      .first(),
  ).toBeVisible({
    timeout: 30_000,
  })
  await expect(page.getByText(/^\d[\d,]* members$/)).toBeVisible({ timeout: 30_000 })
  expect(firstPages).toEqual([`/api/organizations/${DEMO_ORG_ID}/users`])
  // Asked for while the credentials were being checked, not after.
  expect(events.indexOf('first page asked')).toBeLessThan(events.indexOf('check answered'))
})

test('a failed check shows no members, and the next sign-in loads its own organization', async ({ page }) => {
  const firstPages: string[] = []
  page.on('request', (request) => {
    if (isFirstDirectoryPage(request)) firstPages.push(new URL(request.url()).pathname)
  })
  await page.goto('/sign-in')
  await signIn(page, OTHER_ORG_ID)
  await expect(page.getByRole('alert').filter({ hasText: 'no access to that organization' })).toBeVisible()
  await expect(page.getByRole('table')).toHaveCount(0)

  await page.getByLabel('Organization ID').fill(DEMO_ORG_ID)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page).toHaveURL(/\/members$/)
  await expect(
    page
      .getByRole('table', { name: /Members/ })
      .getByRole('link')
      .first(),
  ).toBeVisible({
    timeout: 30_000,
  })
  // One first page for each attempt, each for the organization typed; none asked again afterwards.
  expect(firstPages).toEqual([
    `/api/organizations/${OTHER_ORG_ID}/users`,
    `/api/organizations/${DEMO_ORG_ID}/users`,
  ])
})
