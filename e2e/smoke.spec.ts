import { expect, openDemo, test } from './fixtures'

test('the demo opens from the sign-in page and survives a reload', async ({ page, pageErrors }) => {
  await openDemo(page, { members: 60 })
  await expect(page.getByRole('heading', { level: 1, name: /Members/ })).toBeVisible()
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible()
  await expect(page).toHaveTitle(/Roster/)

  await page.reload()
  await expect(page).toHaveURL(/\/members/)
  await expect(page.getByRole('heading', { level: 1, name: /Members/ })).toBeVisible()
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible()

  expect(pageErrors).toEqual([])
})
