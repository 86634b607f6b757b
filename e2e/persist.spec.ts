import type { Page, Route } from '@playwright/test'
import { createServerOrg, demoApiUrl, expect, submitSignIn, test, type ServerOrg } from './fixtures'

// #25 through the proxy to the HTTP demo, as a real organization: a remembered device keeps the
// directory in IndexedDB, shows it at once on return (before any request to Tallyfy has answered),
// refreshes it by change in the background, and deletes it when the session ends in any tab. A
// session that is not remembered keeps nothing.

const MEMBERS = 300
const storeName = (orgId: string) => `roster.org.${orgId}`

async function signIn(page: Page, org: ServerOrg, remember: boolean) {
  await page.goto('/sign-in')
  if (remember) await page.getByRole('checkbox', { name: 'Remember me on this device' }).check()
  await submitSignIn(page, org)
  await expect(page).toHaveURL(/\/members$/)
  await expect(page.getByText(`${MEMBERS} members`, { exact: true })).toBeVisible()
}

/** The directory's meta as the device keeps it, or null (no database, or nothing kept yet). */
function storedMeta(page: Page, orgId: string) {
  return page.evaluate(async (name) => {
    if (!(await indexedDB.databases()).some((db) => db.name === name)) return null
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(name)
      request.addEventListener('success', () => resolve(request.result))
      request.addEventListener('error', () => reject(request.error))
    })
    try {
      if (!db.objectStoreNames.contains('records')) return null
      return await new Promise<{ count: number; readAt: number } | null>((resolve) => {
        const request = db.transaction('records').objectStore('records').get('members-meta')
        request.addEventListener('success', () => resolve(request.result ?? null))
        request.addEventListener('error', () => resolve(null))
      })
    } finally {
      db.close()
    }
  }, storeName(orgId))
}

const databaseNames = (page: Page) =>
  page.evaluate(async () => (await indexedDB.databases()).map((db) => db.name ?? ''))

/** A plain Standard member of the organization, as Tallyfy has them. */
async function standardMember(org: ServerOrg): Promise<{ id: number; email: string }> {
  const response = await fetch(`${demoApiUrl}/organizations/${org.orgId}/users?per_page=100`, {
    headers: {
      Authorization: `Bearer ${org.token}`,
      'X-Tallyfy-Client': 'APIClient',
      Accept: 'application/json',
    },
  })
  const { data } = (await response.json()) as {
    data: Array<{
      id: number
      email: string
      full_name: string
      role: string
      status: string
      is_default_admin?: boolean
    }>
  }
  // A plain name (the demo also has probes with markup and formulas in theirs), and not the bot.
  const found = data.filter(
    (m) =>
      m.role === 'standard' &&
      m.status === 'active' &&
      !m.is_default_admin &&
      /^[A-Z][a-z]+ [A-Z][a-z]+$/.test(m.full_name) &&
      m.full_name !== 'Tallyfy Bot',
  )[2]
  if (!found) throw new Error('no standard member')
  return { id: found.id, email: found.email }
}

/** Another admin, elsewhere: Tallyfy changes, this device does not know. */
async function changeRoleElsewhere(org: ServerOrg, memberId: number, role: string) {
  const response = await fetch(`${demoApiUrl}/organizations/${org.orgId}/users/${memberId}/role`, {
    method: 'PUT',
    headers: {
      Authorization: `Bearer ${org.token}`,
      'X-Tallyfy-Client': 'APIClient',
      Accept: 'application/json',
      'Content-Type': 'application/json',
    },
    body: JSON.stringify({ role }),
  })
  expect(response.ok, `PUT role: ${response.status} ${await response.text()}`).toBe(true)
}

/** Holds every request to /api until released: what shows meanwhile came from the device. */
async function holdApi(page: Page) {
  const held: Route[] = []
  let holding = true
  await page.route('**/api/**', (route) => {
    if (holding) held.push(route)
    else void route.continue()
  })
  return {
    count: () => held.length,
    release: async () => {
      holding = false
      for (const route of held.splice(0)) await route.continue()
    },
  }
}

test.describe('a remembered device', () => {
  test('shows the kept rows before any request to Tallyfy answers, then the change made elsewhere after the refresh by change', async ({
    page,
    pageErrors,
  }) => {
    const org = await createServerOrg('persist', { members: MEMBERS })
    const scripts: string[] = []
    page.on('request', (r) => scripts.push(new URL(r.url()).pathname))
    await signIn(page, org, true)
    await expect
      .poll(() => storedMeta(page, org.orgId), { timeout: 15_000 })
      .toMatchObject({ count: MEMBERS })
    expect(scripts.some((s) => /\/keep-on-device-[\w-]+\.js$/.test(s))).toBe(true)

    const bob = await standardMember(org)
    await changeRoleElsewhere(org, bob.id, 'light')

    const api = await holdApi(page)
    await page.reload()
    const status = page.locator('.members-status')
    // Rows, the count and their age, while every request (the /me check included) is held.
    await expect(page.getByText(`${MEMBERS} members`, { exact: true })).toBeVisible()
    await expect(page.getByText(/^as of /)).toBeVisible()
    await page.getByRole('searchbox', { name: 'Search members' }).fill(bob.email)
    const row = page.getByRole('row').filter({ hasText: bob.email })
    await expect(row).toContainText('Standard')
    expect(api.count()).toBeGreaterThan(0)
    await expect(status).not.toHaveAttribute('data-refresh')

    await api.release()
    await expect(row).toContainText('Light')
    await expect(page.getByText(/^as of /)).toBeHidden()
    await expect(status).toHaveAttribute('data-refresh', 'changed')
    await page.getByRole('searchbox', { name: 'Search members' }).clear()
    await expect(page.getByText(`${MEMBERS} members`, { exact: true })).toBeVisible()
    // The 401s and 5xx of a held request are not part of this test; nothing else may fail.
    expect(pageErrors).toEqual([])
  })

  test('a server that ignores sort is read whole again', async ({ page }) => {
    const org = await createServerOrg('persist-nosort', { members: MEMBERS })
    await signIn(page, org, true)
    await expect
      .poll(() => storedMeta(page, org.orgId), { timeout: 15_000 })
      .toMatchObject({ count: MEMBERS })
    const bob = await standardMember(org)
    await changeRoleElsewhere(org, bob.id, 'admin')
    await org.setFaults({ ignoreSort: true })
    await page.reload()
    await expect(page.locator('.members-status')).toHaveAttribute('data-refresh', 'full')
    await page.getByRole('searchbox', { name: 'Search members' }).fill(bob.email)
    await expect(page.getByRole('row').filter({ hasText: bob.email })).toContainText('Administrator')
  })

  test('signing out in another tab deletes what the device kept', async ({ page, context }) => {
    const org = await createServerOrg('persist-out', { members: MEMBERS })
    await signIn(page, org, true)
    await expect
      .poll(() => storedMeta(page, org.orgId), { timeout: 15_000 })
      .toMatchObject({ count: MEMBERS })

    const other = await context.newPage()
    await other.goto('/members')
    await expect(other.getByText(`${MEMBERS} members`, { exact: true })).toBeVisible()
    await other.getByRole('button', { name: 'Sign out' }).click()
    await expect(other).toHaveURL(/\/sign-in$/)

    // The first tab is signed out too, and the device holds nothing of the organization.
    await expect(page).toHaveURL(/\/sign-in/)
    await expect.poll(() => databaseNames(page)).not.toContain(storeName(org.orgId))
    expect(await storedMeta(page, org.orgId)).toBeNull()
  })
})

test('a session that is not remembered leaves IndexedDB empty', async ({ page }) => {
  const org = await createServerOrg('persist-tab', { members: MEMBERS })
  const scripts: string[] = []
  page.on('request', (r) => scripts.push(new URL(r.url()).pathname))
  await signIn(page, org, false)
  // A write and the groups list, which a remembered device would keep as well.
  await page.getByRole('link', { name: 'Groups', exact: true }).first().click()
  await expect(page.getByRole('heading', { level: 1, name: 'Groups' })).toBeVisible()
  await page.goBack()
  await expect(page.getByText(`${MEMBERS} members`, { exact: true })).toBeVisible()
  // The code that keeps data never loaded, so nothing could be written; and nothing was.
  expect(scripts.filter((s) => /\/(keep-on-device|device-store)-[\w-]+\.js$/.test(s))).toEqual([])
  expect(await databaseNames(page)).toEqual([])
})
