import { test as base, expect, type Page } from '@playwright/test'
import type { DemoStats, Faults } from '../src/demo/faults'

/** Port of the demo API served over real HTTP (see playwright.config.ts). */
export const demoApiUrl = `http://127.0.0.1:${process.env.ROSTER_API_PORT ?? 4599}`

/** Credentials the demo organization accepts, both in the browser worker and over HTTP. */
export { DEMO_ORG_ID, DEMO_TOKEN, OTHER_ORG_ID } from '../src/demo/credentials'
import { DEMO_ORG_ID, DEMO_TOKEN } from '../src/demo/credentials'

type Fixtures = {
  /** Console errors and uncaught exceptions seen on the page; the test fails if any remain. */
  pageErrors: string[]
}

export const test = base.extend<Fixtures>({
  pageErrors: [
    async ({ page }, use) => {
      const errors: string[] = []
      page.on('pageerror', (e) => errors.push(`uncaught: ${e.message}`))
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(`console: ${m.text()}`)
      })
      await use(errors)
    },
    { auto: true },
  ],
})

/**
 * Opens Roster on the built-in demo organization the way a person does: the sign-in page's
 * "Explore the demo organization" button. `members` sets the demo's size before the app loads.
 */
export async function openDemo(page: Page, options: { members?: number; path?: string } = {}) {
  if (options.members) {
    await page.addInitScript((n) => localStorage.setItem('roster.demo.members', String(n)), options.members)
  }
  await page.goto('/sign-in')
  await page.getByRole('button', { name: 'Explore the demo organization' }).click()
  await expect(page).toHaveURL(/\/members/)
  if (options.path) await page.goto(options.path)
}

/**
 * Switches the browser demo's faults on from the moment the demo starts, on every load of this page,
 * so the very first request of a page can fail. `window.rosterDemo` appears when the demo starts;
 * the setter catches that moment.
 */
export async function faultsFromStart(page: Page, faults: Faults) {
  await page.addInitScript((f) => {
    let controls: Window['rosterDemo']
    Object.defineProperty(window, 'rosterDemo', {
      configurable: true,
      get: () => controls,
      set(value: Window['rosterDemo']) {
        controls = value
        value?.setFaults(f)
      },
    })
  }, faults)
}

export { expect }

async function postDemo(path: string, body?: unknown) {
  const response = await fetch(`${demoApiUrl}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  expect(response.ok, `POST ${path}`).toBe(true)
}

/**
 * An organization of its own on the HTTP demo API (the same people and groups as the main one, for
 * the same size), with its own token so GET /me answers for it: a test's faults, writes and persona
 * reach no other spec file running at the same time, and nobody else's reset clears them.
 */
export async function createServerOrg(prefix: string, options: { members?: number; faults?: Faults } = {}) {
  const orgId = `${prefix}-${Math.random().toString(36).slice(2, 10)}`
  const token = `roster-demo-token.${orgId}`
  const scoped = (path: string) => `${path}?org=${encodeURIComponent(orgId)}`
  await postDemo('/__demo/orgs', { id: orgId, members: options.members ?? 300, token })
  if (options.faults) await postDemo(scoped('/__demo/faults'), options.faults)
  return {
    orgId,
    token,
    setFaults: (faults: Faults) => postDemo(scoped('/__demo/faults'), faults),
    reset: () => postDemo(scoped('/__demo/reset')),
  }
}

export type ServerOrg = Awaited<ReturnType<typeof createServerOrg>>

/**
 * The demo's write statistics: every write answered since the last reset (method, path without
 * `/api`, status) and the most in flight at once. From the browser demo on `page`, or from an HTTP
 * demo organization (`createServerOrg`'s, or the main one when none is given).
 */
export async function demoStats(from: Page | Pick<ServerOrg, 'orgId'> | null = null): Promise<DemoStats> {
  if (from && 'evaluate' in from) {
    const stats = await from.evaluate(() => window.rosterDemo?.stats())
    if (!stats) throw new Error('The browser demo is not running on this page')
    return stats
  }
  const query = from ? `?org=${encodeURIComponent(from.orgId)}` : ''
  const response = await fetch(`${demoApiUrl}/__demo/stats${query}`)
  expect(response.ok, 'GET /__demo/stats').toBe(true)
  return (await response.json()) as DemoStats
}

/** Fills in the sign-in form on screen and sends it, as a person does. */
export async function submitSignIn(page: Page, org: { orgId: string; token: string }) {
  await page.getByLabel('Organization ID').fill(org.orgId)
  await page.getByLabel('Access token').fill(org.token)
  await page.getByRole('button', { name: 'Sign in' }).click()
}

/** Signs in through the proxy to an HTTP demo organization (the main one unless told) and lands on /members. */
export async function signInThroughProxy(
  page: Page,
  org: { orgId: string; token: string } = { orgId: DEMO_ORG_ID, token: DEMO_TOKEN },
) {
  await page.goto('/sign-in')
  await submitSignIn(page, org)
  await expect(page).toHaveURL(/\/members$/)
}
