import type { Page } from '@playwright/test'
import { contentSecurityPolicy, pageHeaders } from '../../deploy/security-headers.mjs'
import { createDemoOrg } from '../../src/demo/data'
import { DEMO_ORG_ID, DEMO_TOKEN, expect, test } from '../fixtures'
import { proxyRuleTests, rawRequest } from '../proxy-checks'

// The production build behind nginx with deploy/nginx.conf, exactly as shipped (see
// playwright.nginx.config.ts and scripts/nginx-serve.mjs), and /api going to the demo API over HTTP.

const demo = createDemoOrg() // the demo API's default organization
const someMember = demo.members[7]!
const someGroup = demo.groups.find((g) => g.name === 'Operations')!

async function signIn(page: Page) {
  await page.goto('/sign-in')
  await page.getByLabel('Organization ID').fill(DEMO_ORG_ID)
  await page.getByLabel('Access token').fill(DEMO_TOKEN)
  await page.getByRole('button', { name: 'Sign in' }).click()
}

test('sign in, members, search, a group, a reload on a deep link, an unknown path', async ({
  page,
  pageErrors,
}) => {
  const apiAnswers: Array<{
    url: string
    csp: string | null
    cacheControl: string | null
    fromServiceWorker: boolean
  }> = []
  page.on('response', (r) => {
    if (new URL(r.url()).pathname.startsWith('/api/'))
      apiAnswers.push({
        url: r.url(),
        csp: r.headers()['content-security-policy'] ?? null,
        cacheControl: r.headers()['cache-control'] ?? null,
        fromServiceWorker: r.fromServiceWorker(),
      })
  })

  await signIn(page)
  await expect(page).toHaveURL(/\/members$/)
  const table = page.getByRole('table', { name: /^Members/ })
  await expect(table).toBeVisible()

  await page.getByRole('searchbox', { name: 'Search members' }).fill(someMember.email)
  await expect(table.getByRole('link', { name: someMember.full_name })).toBeVisible()

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Groups' }).click()
  await page.getByRole('main').getByRole('link', { name: someGroup.name, exact: true }).first().click()
  await expect(page.getByRole('heading', { level: 1, name: someGroup.name })).toBeVisible()
  const deepLink = new URL(page.url()).pathname
  expect(deepLink).toMatch(/^\/groups\/.+/)

  // nginx has no such file: the SPA fallback serves index.html and the router shows the group again.
  await page.reload()
  await expect(page).toHaveURL(new RegExp(`${deepLink}$`))
  await expect(page.getByRole('heading', { level: 1, name: someGroup.name })).toBeVisible()

  await page.goto('/no/such/page')
  await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible()

  expect(apiAnswers.length).toBeGreaterThan(2)
  for (const answer of apiAnswers) {
    expect(answer.fromServiceWorker, answer.url).toBe(false)
    expect(answer.csp, answer.url).toBe("sandbox; default-src 'none'")
    // The directory's personal data never lands in the browser's HTTP cache.
    expect(answer.cacheControl, answer.url).toBe('no-store')
  }
  expect(pageErrors).toEqual([])
})

test('hashed assets are cached for a year and compressed; index.html is revalidated', async ({ baseURL }) => {
  for (const path of ['/', '/members', '/groups/some-deep-link']) {
    const page = await rawRequest(`${baseURL}${path}`)
    expect(page.status, path).toBe(200)
    expect(page.headers['content-type']).toMatch(/^text\/html/)
    expect(page.headers['cache-control'], path).toBe('no-cache')
    expect(page.headers['strict-transport-security'], path).toBe('max-age=63072000; includeSubDomains')
    for (const [name, value] of Object.entries(pageHeaders))
      expect(page.headers[name.toLowerCase()]).toBe(value)
  }

  const html = (await rawRequest(`${baseURL}/`)).body.toString('utf8')
  const assets = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1]!)
  expect(assets.some((a) => a.endsWith('.js'))).toBe(true)
  expect(assets.some((a) => a.endsWith('.css'))).toBe(true)
  for (const asset of assets) {
    expect(asset).toMatch(/-[\w-]{8,}\.(js|css)$/) // a content hash in the name
    const response = await rawRequest(`${baseURL}${asset}`, { headers: { 'Accept-Encoding': 'gzip' } })
    expect(response.status, asset).toBe(200)
    expect(response.headers['cache-control'], asset).toBe('max-age=31536000')
    expect(response.headers['content-encoding'], asset).toBe('gzip')
    expect(response.headers['x-content-type-options']).toBe('nosniff')
    expect(response.headers['content-security-policy']).toBe(contentSecurityPolicy)
  }

  // A chunk of an older release is a 404, not index.html dressed up as JavaScript.
  const stale = await rawRequest(`${baseURL}/assets/members-route-0ld0ld00.js`)
  expect(stale.status).toBe(404)
  expect(stale.headers['content-type']).not.toMatch(/javascript/)
})

test.describe('the /api proxy', () => {
  proxyRuleTests()
})
