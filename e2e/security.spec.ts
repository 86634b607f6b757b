import type { Page } from '@playwright/test'
import { createDemoOrg, XSS_NAME } from '../src/demo/data'
import { DEMO_ORG_ID, DEMO_TOKEN, expect, openDemo, test } from './fixtures'
import { proxyRuleTests } from './proxy-checks'

// The browser side of Roster's security: the CSP the production build is served with, where the
// access token may live (and everywhere it must never show up), hostile names and logos from the
// API, and what is left after signing out.

const DEMO_SIZE = 40
const demo = createDemoOrg({ members: DEMO_SIZE })
const scriptLogoGroup = demo.groups.find((g) => g.logo?.startsWith('javascript:'))!
const someGroup = demo.groups.find((g) => g.name === 'Operations')!

const nav = (page: Page) => page.getByRole('navigation', { name: 'Main' })
/** The Operations link of the groups list (member rows link their groups too, under the same name). */
const groupInList = (page: Page) =>
  page
    .getByRole('main')
    .filter({ has: page.getByRole('heading', { level: 1, name: 'Groups' }) })
    .getByRole('link', { name: someGroup.name, exact: true })

async function signIn(page: Page, token: string, options: { remember?: boolean } = {}) {
  await page.getByLabel('Organization ID').fill(DEMO_ORG_ID)
  await page.getByLabel('Access token').fill(token)
  if (options.remember) await page.getByRole('checkbox', { name: 'Remember me on this device' }).check()
  await page.getByRole('button', { name: 'Sign in' }).click()
}

/** Every key and value of both storages, as [where, key, value]. */
const allStorage = (page: Page) =>
  page.evaluate(() => {
    const rows: Array<[string, string, string]> = []
    for (const [where, storage] of [
      ['session', sessionStorage],
      ['local', localStorage],
    ] as const) {
      for (let i = 0; i < storage.length; i++) {
        const key = storage.key(i)!
        rows.push([where, key, storage.getItem(key) ?? ''])
      }
    }
    return rows
  })

/** Fails the test on any dialog: a hostile name that runs script would open one. */
function failOnDialog(page: Page, dialogs: string[]) {
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message())
    void dialog.dismiss()
  })
}

test.describe('Content Security Policy', () => {
  test('the production build is served with a strict CSP', async ({ page }) => {
    for (const path of ['/sign-in', '/members']) {
      const response = await page.goto(path)
      const csp = (await response?.headerValue('content-security-policy')) ?? ''
      expect(csp, `CSP on ${path}`).toMatch(/(^|;)\s*script-src 'self'\s*(;|$)/)
      expect(csp).not.toContain('unsafe-inline')
      expect(csp).not.toContain('unsafe-eval')
      expect(csp).toMatch(/object-src 'none'/)
      expect(csp).toMatch(/frame-ancestors 'none'/)
    }
  })

  test('pages tell the browser to use HTTPS only (HSTS, two years, not preloaded)', async ({ page }) => {
    for (const path of ['/sign-in', '/members']) {
      const response = await page.goto(path)
      expect(await response?.headerValue('strict-transport-security'), path).toBe(
        'max-age=63072000; includeSubDomains',
      )
    }
  })

  test('the app runs under it without a single violation', async ({ page, pageErrors }) => {
    await page.addInitScript(() => {
      const seen: string[] = []
      ;(window as unknown as { cspViolations: string[] }).cspViolations = seen
      document.addEventListener('securitypolicyviolation', (e) =>
        seen.push(`${e.violatedDirective} ${e.blockedURI}`),
      )
    })
    await openDemo(page, { members: DEMO_SIZE })
    await expect(page.getByRole('table').first()).toBeVisible()
    await nav(page).getByRole('link', { name: 'Groups' }).click()
    await groupInList(page).click()
    await expect(page.getByRole('heading', { level: 1, name: someGroup.name })).toBeVisible()
    await page.getByRole('button', { name: 'Use light theme' }).click()
    await page.reload()
    await expect(page.getByRole('heading', { level: 1, name: someGroup.name })).toBeVisible()

    expect(
      await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations),
    ).toEqual([])
    expect(pageErrors.filter((e) => /Content Security Policy|Refused to/i.test(e))).toEqual([])
    expect(pageErrors).toEqual([])
  })
})

// The same rules as deploy/nginx.conf (checked against nginx in e2e/nginx/smoke.spec.ts).
test.describe('the /api proxy of vite preview', () => {
  proxyRuleTests()
})

test.describe('the access token', () => {
  test('without "Remember me" it lives in sessionStorage only, and never in a URL, title or text', async ({
    page,
  }) => {
    const requested: string[] = []
    const visited: string[] = []
    page.on('request', (r) => requested.push(r.url()))
    page.on('framenavigated', (f) => {
      if (f === page.mainFrame()) visited.push(f.url())
    })
    const seen = async () => {
      visited.push(await page.evaluate(() => location.href))
      expect(await page.title()).not.toContain(DEMO_TOKEN)
      expect(await page.locator('body').innerText()).not.toContain(DEMO_TOKEN)
    }

    await page.goto('/sign-in')
    // A wrong token first: the message must not repeat what was typed.
    const wrong = 'wrong-token-4e9c1b7a'
    await signIn(page, wrong)
    await expect(page.getByRole('alert').filter({ hasText: "didn't accept this access token" })).toBeVisible()
    expect(await page.locator('body').innerText()).not.toContain(wrong)
    expect(await page.title()).not.toContain(wrong)

    await signIn(page, DEMO_TOKEN)
    await expect(page).toHaveURL(/\/members$/)
    await expect(page.getByRole('table').first()).toBeVisible()
    await seen()
    await nav(page).getByRole('link', { name: 'Groups' }).click()
    await groupInList(page).click()
    await expect(page.getByRole('heading', { level: 1, name: someGroup.name })).toBeVisible()
    await seen()
    await page.goBack()
    await expect(page).toHaveURL(/\/groups$/)
    await seen()
    await page.reload()
    await expect(groupInList(page)).toBeVisible()
    await seen()

    const storage = await allStorage(page)
    const holding = storage
      .filter(([, , value]) => value.includes(DEMO_TOKEN))
      .map(([where, key]) => `${where}:${key}`)
    expect(holding).toEqual(['session:roster.credentials'])

    expect(requested.some((url) => url.includes('/api/'))).toBe(true)
    for (const url of [...requested, ...visited]) {
      expect(url).not.toContain(DEMO_TOKEN)
      expect(url).not.toContain(wrong)
    }
  })

  test('with "Remember me" it lives in localStorage', async ({ page }) => {
    await page.goto('/sign-in')
    await signIn(page, DEMO_TOKEN, { remember: true })
    await expect(page).toHaveURL(/\/members$/)
    const storage = await allStorage(page)
    expect(
      storage.filter(([, , value]) => value.includes(DEMO_TOKEN)).map(([where, key]) => `${where}:${key}`),
    ).toContain('local:roster.credentials')
  })
})

test.describe('hostile data from the API', () => {
  test('a member named like an HTML tag is shown as text and runs nothing', async ({ page }) => {
    const dialogs: string[] = []
    failOnDialog(page, dialogs)
    await openDemo(page, { members: DEMO_SIZE })
    await page.getByRole('searchbox').first().fill('onerror')
    await expect(page.getByText(XSS_NAME).first()).toBeVisible()
    await expect(page.locator('img[src="x"]')).toHaveCount(0)
    await expect(page.locator('[onerror]')).toHaveCount(0)
    expect(dialogs).toEqual([])
  })

  test('a javascript: logo shows initials, and no javascript: link exists anywhere', async ({ page }) => {
    const dialogs: string[] = []
    failOnDialog(page, dialogs)
    const scriptLinks = page.locator('a[href^="javascript:" i], [src^="javascript:" i]')
    await openDemo(page, { members: DEMO_SIZE })
    await expect(page.getByRole('table').first()).toBeVisible()
    await expect(scriptLinks).toHaveCount(0)

    await nav(page).getByRole('link', { name: 'Groups' }).click()
    await expect(page.getByRole('heading', { level: 1, name: 'Groups' })).toBeVisible()
    const row = page
      .getByRole('row')
      .filter({ has: page.getByRole('link', { name: scriptLogoGroup.name, exact: true }) })
    await expect(row).toBeVisible()
    await expect(row.locator('img')).toHaveCount(0)
    await expect(row.locator('svg.avatar--initials')).toBeVisible()
    await expect(scriptLinks).toHaveCount(0)

    await row.getByRole('link', { name: scriptLogoGroup.name }).click()
    await expect(page.getByRole('heading', { level: 1, name: scriptLogoGroup.name })).toBeVisible()
    await expect(
      page.getByRole('banner').or(page.locator('.group-header')).locator('img[src^="javascript:" i]'),
    ).toHaveCount(0)
    await expect(scriptLinks).toHaveCount(0)
    expect(dialogs).toEqual([])
  })
})

test('signing out forgets the credentials, and Back does not show member data', async ({ page }) => {
  await page.goto('/sign-in')
  await signIn(page, DEMO_TOKEN, { remember: true })
  await expect(page).toHaveURL(/\/members$/)
  await expect(page.getByRole('table').first()).toBeVisible()
  await nav(page).getByRole('link', { name: 'Groups' }).click()
  await expect(groupInList(page)).toBeVisible()

  await page.getByRole('button', { name: 'Sign out' }).click()
  await expect(page).toHaveURL(/\/sign-in$/)
  const storage = await allStorage(page)
  expect(
    storage.filter(([, key, value]) => key === 'roster.credentials' || value.includes(DEMO_TOKEN)),
  ).toEqual([])

  await page.goBack()
  await expect(page).toHaveURL(/\/sign-in/)
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in to Roster' })).toBeVisible()
  await expect(page.getByRole('table')).toHaveCount(0)
  await expect(groupInList(page)).toHaveCount(0)
  // The redirect to sign-in replaces the page it guards, so the next Back leaves Roster for the page
  // before it (about:blank here) rather than landing on a guarded page or bouncing back to sign-in.
  await page.goBack()
  await expect(page).toHaveURL('about:blank')
  await expect(page.getByRole('table')).toHaveCount(0)
})
