import { createServerOrg, DEMO_ORG_ID, DEMO_TOKEN, expect, submitSignIn, test } from './fixtures'

// Lists that stopped short, and a hostile returnTo, over real HTTP (browser → preview server's /api
// proxy → demo API). Each test that changes the demo's behaviour gets its own organization.

test('a guests list that stopped short says so, exports as incomplete, and Retry loads the rest', async ({
  page,
  pageErrors,
}) => {
  const org = await createServerOrg('honest', {
    faults: { path: '/guests', perPageCap: 10, stopAfterPage: 1 },
  })
  await page.goto('/sign-in?returnTo=%2Fguests')
  await submitSignIn(page, org)
  await expect(page).toHaveURL(/\/guests$/)

  const notice = page.getByRole('alert').filter({ hasText: 'so this list is incomplete' })
  await expect(notice).toContainText(/^Loaded 10 of [\d,]+ guests, so this list is incomplete\./)
  await expect(page.getByRole('table', { name: /Guests/ }).getByRole('row')).toHaveCount(11)

  const download = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Export CSV (incomplete)' }).click()
  expect((await download).suggestedFilename()).toMatch(/^roster-.+-guests-incomplete-\d{4}-\d{2}-\d{2}\.csv$/)

  await org.setFaults({})
  await notice.getByRole('button', { name: 'Retry' }).click()
  await expect(notice).toBeHidden()
  await expect(page.getByRole('button', { name: 'Export CSV', exact: true })).toBeEnabled()
  expect(
    await page
      .getByRole('table', { name: /Guests/ })
      .getByRole('row')
      .count(),
  ).toBeGreaterThan(11)
  expect(pageErrors).toEqual([])
})

test('a returnTo that a URL parser would take to another site lands on /members', async ({ page }) => {
  // "/\t/evil.example": a browser drops the tab and reads "//evil.example", another origin.
  await page.goto('/sign-in?returnTo=%2F%09%2Fevil.example')
  await submitSignIn(page, { orgId: DEMO_ORG_ID, token: DEMO_TOKEN })
  await expect(page).toHaveURL(/\/members$/)
})
