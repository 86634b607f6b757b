import type { Page, Request } from '@playwright/test'
import { DEMO_TOKEN, demoApiUrl, expect, test } from './fixtures'

// The member directory over real HTTP (browser → preview server's /api proxy → demo API), with the
// page cap Tallyfy's own CLI reports (100) and a fixed latency per request. Each test gets its own
// organization on the demo API (POST /__demo/orgs), so the main demo organization that every other
// spec reads is never changed.

test.describe.configure({ timeout: 180_000 })

async function createOrg(
  members: number,
  options: { latencyMs?: number; perPageCap?: number } = {},
): Promise<string> {
  const id = `e2e-${members}-${Math.random().toString(36).slice(2, 10)}`
  const response = await fetch(`${demoApiUrl}/__demo/orgs`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      id,
      members,
      latencyMs: options.latencyMs ?? 40,
      perPageCap: options.perPageCap ?? 100,
    }),
  })
  expect(response.ok).toBe(true)
  return id
}

async function setFaults(orgId: string, faults: Record<string, unknown>) {
  const response = await fetch(`${demoApiUrl}/__demo/faults?org=${encodeURIComponent(orgId)}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(faults),
  })
  expect(response.ok).toBe(true)
}

async function signIn(page: Page, orgId: string) {
  await page.goto('/sign-in')
  await page.getByLabel('Organization ID').fill(orgId)
  await page.getByLabel('Access token').fill(DEMO_TOKEN)
  await page.getByRole('button', { name: 'Sign in' }).click()
}

/** The directory's page requests (not the sign-in check, which asks for per_page=1). */
function recordPageRequests(page: Page, orgId: string): number[] {
  const pages: number[] = []
  page.on('request', (request: Request) => {
    const url = new URL(request.url())
    if (!url.pathname.endsWith(`/api/organizations/${orgId}/users`)) return
    if (url.searchParams.get('per_page') === '1') return
    pages.push(Number(url.searchParams.get('page')))
  })
  return pages
}

const progress = (page: Page) => page.getByText(/Loading members…/)
const count = (page: Page) => page.locator('.members-count')

test('a large organization over HTTP loads completely and says so', async ({ page, pageErrors }) => {
  const orgId = await createOrg(30_008)
  const pages = recordPageRequests(page, orgId)
  await signIn(page, orgId)
  await expect(page.getByRole('row').nth(1)).toBeVisible({ timeout: 30_000 })
  await expect(count(page)).toHaveText('30,008 members', { timeout: 120_000 })
  await expect(progress(page)).toBeHidden()
  await expect(page.getByRole('alert')).toHaveCount(0)
  expect(pages).toHaveLength(301)
  expect(new Set(pages).size).toBe(301)
  expect(pageErrors).toEqual([])
})

test('a server that stops short is shown as incomplete, with how many of how many', async ({ page }) => {
  const orgId = await createOrg(5_000, { latencyMs: 10 })
  await setFaults(orgId, { stopAfterPage: 20 })
  await signIn(page, orgId)
  const notice = page.getByRole('alert').filter({ hasText: 'incomplete' })
  await expect(notice).toContainText('Loaded 2,000 of 5,000 members, so this list is incomplete.', {
    timeout: 60_000,
  })
  await expect(notice.getByRole('button', { name: 'Retry' })).toBeVisible()
  await expect(progress(page)).toBeHidden()
})

test('Back during the load does not restart it, and the table ends whole', async ({ page }) => {
  const orgId = await createOrg(30_008)
  const pages = recordPageRequests(page, orgId)
  // Page 100 is held until the test has come Back, so Back lands during the load whatever the
  // latency (held, not slowed: a fast load would otherwise finish first and prove nothing).
  let cameBack: (() => void) | undefined
  const held = new Promise<void>((resolve) => (cameBack = resolve))
  await page.route(
    (url) =>
      url.pathname.endsWith(`/api/organizations/${orgId}/users`) && url.searchParams.get('page') === '100',
    async (route) => {
      await held
      await route.continue()
    },
  )
  await signIn(page, orgId)
  // Open the first member while rows are still arriving, then come Back.
  await expect(progress(page)).toBeVisible({ timeout: 30_000 })
  await page.getByRole('row').nth(1).getByRole('link').first().click()
  await expect(page).toHaveURL(/\/members\/\d+/)
  await page.goBack()
  await expect(page).toHaveURL(/\/members(\?|$)/)
  await expect(progress(page)).toBeVisible()
  cameBack?.()
  await expect(count(page)).toHaveText('30,008 members', { timeout: 120_000 })
  await expect(progress(page)).toBeHidden()
  await expect(page.getByRole('alert')).toHaveCount(0)
  // Every page asked for exactly once: nothing restarted, nothing dropped.
  expect(pages).toHaveLength(301)
  expect(new Set(pages).size).toBe(301)
})

test('Retry after a mid-load failure resumes from the first missing page, keeping the rows', async ({
  page,
}) => {
  const orgId = await createOrg(10_000, { latencyMs: 40 })
  await setFaults(orgId, { failAfterPage: 30 })
  const pages = recordPageRequests(page, orgId)
  await signIn(page, orgId)
  const notice = page.getByRole('alert').filter({ hasText: 'incomplete' })
  await expect(notice).toContainText('Loaded 3,000 of 10,000 members', { timeout: 60_000 })
  await expect(count(page)).toHaveText('3,000 members')

  await fetch(`${demoApiUrl}/__demo/reset?org=${encodeURIComponent(orgId)}`, { method: 'POST' })
  const before = pages.length
  // Every count and progress line shown from the Retry on, as the page showed them.
  await page.evaluate(() => {
    const seen: string[] = []
    ;(window as unknown as { seenStatus: string[] }).seenStatus = seen
    const status = document.querySelector('.members-status')
    if (!status) throw new Error('no status line')
    new MutationObserver(() => seen.push(status.textContent ?? '')).observe(status, {
      subtree: true,
      childList: true,
      characterData: true,
    })
  })
  await notice.getByRole('button', { name: 'Retry' }).click()
  await expect(count(page)).toHaveText('10,000 members', { timeout: 60_000 })
  const seen = await page.evaluate(() => (window as unknown as { seenStatus: string[] }).seenStatus)
  // The rows stayed while it resumed (never fewer than 3,000), and the progress line moved.
  const counts = seen.map((text) => Number(/^([\d,]+) members/.exec(text)?.[1]?.replace(/,/g, '') ?? NaN))
  expect(Math.min(...counts.filter((n) => !Number.isNaN(n)))).toBeGreaterThanOrEqual(3000)
  expect(seen.some((text) => /Loading members… [\d,]+ of 10,000/.test(text))).toBe(true)
  await expect(page.getByRole('alert')).toHaveCount(0)
  const resumed = pages.slice(before)
  expect(resumed).not.toContain(1)
  expect(Math.min(...resumed)).toBe(31)
})
