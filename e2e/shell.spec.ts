import { expect, openDemo, test } from './fixtures'

test.beforeEach(async ({ page }) => {
  await openDemo(page, { members: 40 })
})

test('the root address opens the members page', async ({ page }) => {
  await page.goto('/')
  await expect(page).toHaveURL(/\/members$/)
  await expect(page.getByRole('heading', { level: 1, name: /Members/ })).toBeVisible()
})

test('navigation marks the current page and moves focus to the new heading', async ({ page }) => {
  const nav = page.getByRole('navigation', { name: 'Main' })
  await expect(nav.getByRole('link', { name: 'Members' })).toHaveAttribute('aria-current', 'page')
  await nav.getByRole('link', { name: 'Groups' }).click()
  await expect(page).toHaveURL(/\/groups$/)
  await expect(nav.getByRole('link', { name: 'Groups' })).toHaveAttribute('aria-current', 'page')
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused()
})

test('the skip link takes keyboard users to the main content', async ({ page }) => {
  await page.reload()
  await expect(page.getByRole('heading', { level: 1, name: /Members/ })).toBeVisible()
  await page.keyboard.press('Tab')
  const skip = page.getByRole('link', { name: 'Skip to main content' })
  await expect(skip).toBeFocused()
  await expect(skip).toBeInViewport()
  await page.keyboard.press('Enter')
  await expect(page.locator('main#main')).toBeFocused()
  await expect(skip).not.toBeInViewport()
})

test('an unknown address shows "Page not found" inside the shell', async ({ page }) => {
  await page.goto('/no/such/page')
  await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible()
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible()
  await expect(page).toHaveTitle('Page not found · Roster')
  await page.getByRole('link', { name: 'Back to members' }).click()
  await expect(page).toHaveURL(/\/members$/)
})

test('the theme choice survives a reload', async ({ page }) => {
  const html = page.locator('html')
  await page.getByRole('button', { name: 'Use light theme' }).click()
  await expect(html).toHaveAttribute('data-theme', 'light')
  await page.getByRole('button', { name: 'Use dark theme' }).click()
  await expect(html).toHaveAttribute('data-theme', 'dark')
  const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor)
  await page.reload()
  await expect(html).toHaveAttribute('data-theme', 'dark')
  await expect(page.getByRole('button', { name: 'Use the system theme' })).toBeVisible()
  expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(background)
})

test('the organization and the signed-in person are shown', async ({ page }) => {
  const header = page.getByRole('banner')
  await expect(header.getByText(/Organization/)).toBeVisible()
  await expect(header.getByText(/Signed in as/)).toBeAttached()
})

test('at phone width the header fits and nothing scrolls sideways', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 })
  await page.reload()
  await expect(page.getByRole('heading', { level: 1, name: /Members/ })).toBeVisible()
  const nav = page.getByRole('navigation', { name: 'Main' })
  await expect(nav.getByRole('link', { name: 'Groups' })).toBeVisible()
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible()
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
  expect(overflow).toBeLessThanOrEqual(0)
  await nav.getByRole('link', { name: 'Groups' }).click()
  await expect(page).toHaveURL(/\/groups$/)
})

test('a rate limit shows a counting-down notice, then the page loads', async ({ page }) => {
  await page.evaluate(() =>
    window.rosterDemo?.setFaults({ status: 429, retryAfter: 3, times: 1, path: '/groups' }),
  )
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Groups' }).click()
  const notice = page.getByRole('status').filter({ hasText: 'Tallyfy asked us to slow down' })
  await expect(notice).toHaveText(/retrying in [23] s/)
  await expect(notice).toHaveText(/retrying in 1 s/)
  await expect(notice).toBeHidden()
  await expect(page.getByRole('heading', { level: 1, name: /Groups/ })).toBeVisible()
})
