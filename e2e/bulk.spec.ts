import { readFile } from 'node:fs/promises'
import type { Download, Locator, Page } from '@playwright/test'
import { DEMO_ME_ID } from '../src/demo/credentials'
import { createDemoOrg, DEFAULT_ADMIN_ID } from '../src/demo/data'
import type { DemoStats, DemoWrite, Faults } from '../src/demo/faults'
import { parseCsv } from '../src/test/csv-reader'
import { audit } from './axe'
import {
  createServerOrg,
  DEMO_ORG_ID,
  DEMO_TOKEN,
  demoApiUrl,
  demoStats,
  expect,
  openDemo,
  signInThroughProxy,
  test,
  type ServerOrg,
} from './fixtures'

// Bulk actions (issue #21) end to end, over the production build, twice: through the browser demo
// (the service worker; every page load starts a fresh organization) and through the proxy to the
// HTTP demo (each test in an organization of its own). What was sent is read from the demo's write
// statistics, not from the page: every write answered, its status, the most in flight at once.

const demo = createDemoOrg({ members: 300 })
const memberById = new Map(demo.members.map((m) => [m.id, m]))
const defaultAdmin = memberById.get(DEFAULT_ADMIN_ID)!
const signedInPerson = memberById.get(DEMO_ME_ID)!
/** An empty group, so that everyone added is a change and nobody is skipped as already in it. */
const emptyGroup = demo.groups.find((g) => g.name === 'Sustainability Champions')!
/** Someone another admin adds to that group meanwhile: a Light member, never in the selections below. */
const outsider = demo.members.find((m) => m.role === 'light' && m.status === 'active')!
const FORMULA_REFUSAL = '=HYPERLINK("https://evil.example","Tallyfy says no")'

const membersTable = (page: Page) => page.getByRole('table', { name: /^Members/ })
const bar = (page: Page) => page.getByRole('toolbar', { name: 'Selected members' })
const selectAll = (page: Page) => page.getByRole('checkbox', { name: 'Select all shown' })
const bulkDialog = (page: Page) => page.getByRole('dialog')
const progress = (page: Page) => bulkDialog(page).getByRole('progressbar')
/** The results' counts, one item per outcome ("40 done"). */
const outcomes = (page: Page) =>
  bulkDialog(page).getByRole('list', { name: 'Outcomes' }).getByRole('listitem')
const WAITING = /^Waiting \d+ s for Tallyfy's rate limit$/
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

// Chromium logs every 4xx it receives (the 429s and refusals asked for here), and msw's worker
// sometimes rejects its own update after a reload in the browser demo (mswjs/msw#2006, see
// views.spec.ts): neither is the page's doing.
const unexpected = (errors: readonly string[]) =>
  errors.filter(
    (e) =>
      !/Failed to load resource: the server responded with a status of (403|429)/.test(e) &&
      !/^uncaught: Failed to update a ServiceWorker .*mockServiceWorker\.js'\): Not found$/.test(e),
  )

interface Way {
  name: string
  orgId(): string
  /** Signed in, on `path` (a /members URL) with the directory loaded. */
  open(page: Page, path: string): Promise<void>
  /** Starts the write statistics over and switches these faults on (and every other off). */
  count(page: Page, faults?: Faults): Promise<void>
  setFaults(page: Page, faults: Faults): Promise<void>
  stats(page: Page): Promise<DemoStats>
  /** A request to the demo past Roster, as another admin would make it (`path` under the organization). */
  tallyfy<T>(page: Page, method: string, path: string, body?: unknown): Promise<T>
  cleanup(): Promise<void>
}

/** A request as Tallyfy's API expects it (plain data, so it also crosses into the page). */
function requestInit(method: string, token: string, body: unknown) {
  const headers: Record<string, string> = {
    Authorization: `Bearer ${token}`,
    Accept: 'application/json',
    'X-Tallyfy-Client': 'APIClient',
  }
  if (body === undefined) return { method, headers }
  return { method, headers: { ...headers, 'Content-Type': 'application/json' }, body: JSON.stringify(body) }
}

/** A sorted copy, to compare sets (toSorted is outside the ES2022 lib this project type-checks against). */
function sorted<T extends string | number>(items: Iterable<T>): T[] {
  const copy = [...items]
  // oxlint-disable-next-line unicorn/no-array-sort
  copy.sort((x, y) => (x < y ? -1 : x > y ? 1 : 0))
  return copy
}

/** The HTTP demo organization of the test running in this worker. */
let serverOrg: ServerOrg | null = null
const currentServerOrg = () => {
  if (!serverOrg) throw new Error('No HTTP demo organization for this test')
  return serverOrg
}

const ways: Way[] = [
  {
    name: 'browser demo',
    orgId: () => DEMO_ORG_ID,
    async open(page, path) {
      await openDemo(page, { path })
      await waitForDirectory(page)
    },
    async count(page, faults = {}) {
      await page.evaluate((f) => {
        window.rosterDemo!.resetStats()
        window.rosterDemo!.setFaults(f)
      }, faults)
    },
    setFaults: (page, faults) => page.evaluate((f) => window.rosterDemo!.setFaults(f), faults),
    stats: (page) => demoStats(page),
    tallyfy: (page, method, path, body) =>
      page.evaluate(
        async ({ url, init }) => {
          const response = await fetch(url, init)
          if (!response.ok) throw new Error(`${init.method} ${url}: ${response.status}`)
          return response.json()
        },
        { url: `/api/organizations/${DEMO_ORG_ID}${path}`, init: requestInit(method, DEMO_TOKEN, body) },
      ),
    cleanup: async () => {},
  },
  {
    name: 'HTTP demo through the proxy',
    orgId: () => currentServerOrg().orgId,
    async open(page, path) {
      serverOrg = await createServerOrg('bulk', { members: demo.members.length })
      await signInThroughProxy(page, serverOrg)
      await page.goto(path)
      await waitForDirectory(page)
    },
    async count(_page, faults = {}) {
      const org = currentServerOrg()
      await org.reset()
      await org.setFaults(faults)
    },
    setFaults: (_page, faults) => currentServerOrg().setFaults(faults),
    stats: () => demoStats(currentServerOrg()),
    async tallyfy(_page, method, path, body) {
      const org = currentServerOrg()
      const response = await fetch(
        `${demoApiUrl}/organizations/${org.orgId}${path}`,
        requestInit(method, org.token, body),
      )
      expect(response.ok, `${method} ${path}`).toBe(true)
      return response.json()
    },
    async cleanup() {
      await serverOrg?.reset()
      serverOrg = null
    },
  },
]

async function waitForDirectory(page: Page) {
  await expect(membersTable(page)).toBeVisible()
  await expect(page.getByText(/^Loading members/)).toHaveCount(0, { timeout: 20_000 })
}

/** The member IDs of the table's rows on screen, in the order shown. */
function shownIds(page: Page): Promise<number[]> {
  return membersTable(page)
    .locator('tbody tr')
    .evaluateAll((rows) =>
      rows
        .map((row) =>
          /^\/members\/(\d+)$/.exec(row.querySelector('a[href^="/members/"]')?.getAttribute('href') ?? ''),
        )
        .filter((m): m is RegExpExecArray => m !== null)
        .map((m) => Number(m[1])),
    )
}

/**
 * Watches the page for a text that may show only briefly (the second a 429 pauses a batch): resolves
 * later with whether it appeared at any moment since.
 */
async function watchForText(page: Page, pattern: RegExp): Promise<() => Promise<boolean>> {
  const flag = `__bulkSaw${Math.random().toString(36).slice(2)}`
  await page.evaluate(
    ({ source, name }) => {
      const re = new RegExp(source)
      const seen = () =>
        [...document.querySelectorAll('dialog p, [role="dialog"] p')].some((p) =>
          re.test(p.textContent ?? ''),
        )
      const record = window as unknown as Record<string, boolean>
      record[name] = seen()
      new MutationObserver((_, observer) => {
        if (!seen()) return
        record[name] = true
        observer.disconnect()
      }).observe(document.body, { childList: true, subtree: true, characterData: true })
    },
    { source: pattern.source, name: flag },
  )
  return () => page.evaluate((name) => (window as unknown as Record<string, boolean>)[name] === true, flag)
}

/** Ticks the first row, then Shift+clicks the `n`th: the first `n` rows in the order shown. */
async function selectFirst(page: Page, n: number): Promise<number[]> {
  const boxes = membersTable(page).locator('tbody').getByRole('checkbox')
  await boxes.nth(0).check()
  await boxes.nth(n - 1).click({ modifiers: ['Shift'] })
  await expect(bar(page)).toContainText(`${n} selected`)
  return (await shownIds(page)).slice(0, n)
}

async function openAction(page: Page, action: string): Promise<Locator> {
  await bar(page).getByRole('button', { name: action, exact: true }).click()
  const dialog = page.getByRole('dialog', { name: action })
  await expect(dialog).toBeVisible()
  return dialog
}

async function chooseGroup(dialog: Locator, name: string) {
  const combobox = dialog.getByRole('combobox', { name: 'Group' })
  await combobox.fill(name)
  await expect(dialog.getByRole('option', { name: new RegExp(escape(name)) })).toBeVisible()
  await combobox.press('ArrowDown')
  await combobox.press('Enter')
}

/** Waits for the batch's results: the progress bar gone, the heading says how it ended. */
async function waitForResults(page: Page, heading = 'Finished') {
  await expect(bulkDialog(page).getByRole('heading', { name: heading })).toBeVisible({ timeout: 30_000 })
  await expect(progress(page)).toHaveCount(0)
}

/** The writes to each path ("PUT /organizations/…/users/1003/role") in the order answered. */
function writesByPath(writes: readonly DemoWrite[]): Map<string, number[]> {
  const byPath = new Map<string, number[]>()
  for (const write of writes) {
    const key = `${write.method} ${write.path}`
    byPath.set(key, [...(byPath.get(key) ?? []), write.status])
  }
  return byPath
}

const rolePath = (orgId: string, id: number) => `PUT /organizations/${orgId}/users/${id}/role`

async function readDownload(download: Download) {
  const bytes = await readFile((await download.path())!)
  return {
    name: download.suggestedFilename(),
    bytes,
    rows: parseCsv(bytes.toString('utf8').replace(/^\uFEFF/, '')),
  }
}

type WireMember = { id: number; role: string; status: string }

for (const way of ways) {
  test.describe(`bulk actions (${way.name})`, () => {
    // A batch paced by the rate limit waits a second per 429, and the machine is shared.
    test.describe.configure({ timeout: 90_000 })
    test.afterEach(() => way.cleanup())

    test.describe('on 40 people and more', () => {
      // Tall enough that the first 40 rows of the table are on screen at once.
      test.use({ viewport: { width: 1440, height: 3200 } })

      test('a role change of 40 with the rate limit on: only the 429s repeated, at most 4 in flight, each changed once', async ({
        page,
        pageErrors,
      }) => {
        await way.open(page, '/members?role=standard&status=active')
        const ids = await selectFirst(page, 40)
        const orgId = way.orgId()

        const dialog = await openAction(page, 'Change role')
        await dialog.getByRole('combobox', { name: 'New role' }).selectOption({ label: 'Light' })
        await way.count(page, { rateLimitEvery: 20 })
        const sawWaiting = await watchForText(page, WAITING)
        await dialog.getByRole('button', { name: 'Change role of 40 members' }).click()
        await expect(progress(page)).toHaveAttribute('aria-valuemax', '40')
        await waitForResults(page)
        // Each pause lasts about a second: the progress line said so while it lasted.
        expect(await sawWaiting()).toBe(true)
        await expect(outcomes(page)).toHaveText(['40 done'])

        const stats = await way.stats(page)
        const byPath = writesByPath(stats.writes)
        // Nothing but the 40 role changes, each applied once; anything more is a 429 before it.
        expect(sorted(byPath.keys())).toEqual(sorted(ids.map((id) => rolePath(orgId, id))))
        for (const [path, statuses] of byPath)
          expect(statuses, path).toEqual([...statuses.slice(0, -1).map(() => 429), 200])
        expect(stats.writes.filter((w) => w.status === 429).length).toBeGreaterThan(0)
        expect(stats.peakWritesInFlight).toBeLessThanOrEqual(4)
        const after = await way.tallyfy<{ data: WireMember[] }>(page, 'GET', '/users?per_page=500')
        const roles = new Map(after.data.map((m) => [m.id, m.role]))
        expect(ids.filter((id) => roles.get(id) !== 'light')).toEqual([])

        expect(unexpected(pageErrors)).toEqual([])
      })

      test('add 25 to a group in one PUT, keeping the member another admin added while the dialog was open; Undo in one PUT, leaving who changed since', async ({
        page,
        pageErrors,
      }) => {
        await way.open(page, '/members?role=standard&status=active')
        const ids = await selectFirst(page, 25)
        const orgId = way.orgId()
        const groupPath = `/groups/${emptyGroup.id}`

        const dialog = await openAction(page, 'Add to group')
        await chooseGroup(dialog, emptyGroup.name)
        const confirm = dialog.getByRole('button', { name: `Add 25 members to ${emptyGroup.name}` })
        await expect(confirm).toBeEnabled()
        // With the dialog open, another admin adds someone to the group.
        await way.count(page)
        const before = await way.tallyfy<{
          data: { name: string; description: string | null; guests: string[] }
        }>(page, 'GET', groupPath)
        await way.tallyfy(page, 'PUT', groupPath, {
          name: before.data.name,
          description: before.data.description ?? '',
          members: [outsider.id],
          guests: before.data.guests,
        })
        await confirm.click()
        await waitForResults(page)
        await expect(outcomes(page)).toHaveText(['25 done'])

        const stats = await way.stats(page)
        // Two writes in all: the other admin's, then Roster's one PUT for the whole selection.
        expect(stats.writes).toEqual([
          { method: 'PUT', path: `/organizations/${orgId}${groupPath}`, status: 201 },
          { method: 'PUT', path: `/organizations/${orgId}${groupPath}`, status: 201 },
        ])
        const after = await way.tallyfy<{ data: { members: number[] } }>(page, 'GET', groupPath)
        expect(sorted(after.data.members.map(Number))).toEqual(sorted([outsider.id, ...ids]))

        // Undo, after another admin took one of the 25 out of the group again: one PUT takes the
        // other 24 out, that one is reported as changed since, and the outsider stays.
        const leftSince = ids[3]!
        await way.tallyfy(page, 'PUT', groupPath, {
          name: before.data.name,
          description: before.data.description ?? '',
          members: after.data.members.filter((id) => Number(id) !== leftSince),
          guests: before.data.guests,
        })
        await way.count(page)
        await bulkDialog(page).getByRole('button', { name: 'Undo', exact: true }).click()
        await expect(page.getByRole('dialog', { name: /^Undo: / })).toBeVisible()
        await waitForResults(page)
        await expect(outcomes(page)).toHaveText(['24 undone', '1 not undone: changed since'])
        await expect(
          bulkDialog(page)
            .getByRole('row')
            .filter({ hasText: memberById.get(leftSince)!.email }),
        ).toContainText('Not undone')
        expect((await way.stats(page)).writes).toEqual([
          { method: 'PUT', path: `/organizations/${orgId}${groupPath}`, status: 201 },
        ])
        const undone = await way.tallyfy<{ data: { members: number[] } }>(page, 'GET', groupPath)
        expect(undone.data.members.map(Number)).toEqual([outsider.id])
        expect(unexpected(pageErrors)).toEqual([])
      })
    })

    test('disable with the default administrator and yourself selected: both skipped, in the preview and the results; the results CSV read back, formula-safe; Retry failed', async ({
      page,
      pageErrors,
    }) => {
      await way.open(page, '/members?role=admin&status=active')
      const ids = await shownIds(page)
      expect(ids).toContain(DEFAULT_ADMIN_ID)
      expect(ids).toContain(DEMO_ME_ID)
      await selectAll(page).click()
      await expect(bar(page)).toContainText(`${ids.length} selected`)
      const orgId = way.orgId()
      const others = ids.filter((id) => id !== DEFAULT_ADMIN_ID && id !== DEMO_ME_ID)
      const refusedId = others[2]!

      const dialog = await openAction(page, 'Disable')
      await expect(dialog.getByRole('heading', { name: '2 will be skipped' })).toBeVisible()
      await expect(dialog).toContainText('The default administrator (Tallyfy refuses this change)')
      await expect(dialog).toContainText('You (change your own access on your member page)')
      await dialog.getByText('Show who is skipped').click()
      await expect(dialog.getByRole('listitem').filter({ hasText: defaultAdmin.full_name })).toContainText(
        'The default administrator',
      )
      await expect(dialog.getByRole('listitem').filter({ hasText: signedInPerson.full_name })).toContainText(
        'You:',
      )

      // Tallyfy refuses one of them, in words a spreadsheet would run as a formula.
      await way.count(page, {
        status: 403,
        message: FORMULA_REFUSAL,
        method: 'DELETE',
        path: `/users/${refusedId}/disable`,
        times: 1,
      })
      await dialog.getByRole('button', { name: `Disable ${others.length} members` }).click()
      await waitForResults(page, 'Finished')
      await expect(outcomes(page)).toHaveText([`${others.length - 1} done`, '2 skipped', '1 refused'])
      const results = bulkDialog(page).getByRole('table')
      await expect(results.getByRole('row').filter({ hasText: defaultAdmin.email })).toContainText(
        'SkippedThe default administrator: Tallyfy refuses this change',
      )
      await expect(results.getByRole('row').filter({ hasText: signedInPerson.email })).toContainText(
        'SkippedYou: change your own access on your member page',
      )
      await expect(
        results.getByRole('row').filter({ hasText: memberById.get(refusedId)!.email }),
      ).toContainText(`Refused${FORMULA_REFUSAL}`)

      const byPath = writesByPath((await way.stats(page)).writes)
      expect(sorted(byPath.keys())).toEqual(
        sorted(others.map((id) => `DELETE /organizations/${orgId}/users/${id}/disable`)),
      )
      for (const [path, statuses] of byPath)
        expect(statuses, path).toEqual([path.includes(`/${refusedId}/`) ? 403 : 200])

      // The results as a file: one row per person, the outcome and why, Tallyfy's words kept as text.
      const downloading = page.waitForEvent('download')
      await bulkDialog(page).getByRole('button', { name: 'Download results' }).click()
      const file = await readDownload(await downloading)
      expect(file.name).toMatch(
        new RegExp(`^roster-.+-disable-${others.length}-members-results-\\d{4}-\\d{2}-\\d{2}\\.csv$`),
      )
      expect([...file.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
      const [header, ...rows] = file.rows
      expect(header).toEqual(['Name', 'Email', 'Outcome', 'Detail'])
      expect(rows).toHaveLength(ids.length)
      const row = (id: number) => rows.find((r) => r[1] === memberById.get(id)!.email)
      expect(row(DEFAULT_ADMIN_ID)?.slice(2)).toEqual([
        'Skipped',
        'The default administrator: Tallyfy refuses this change',
      ])
      expect(row(DEMO_ME_ID)?.slice(2)).toEqual([
        'Skipped',
        'You: change your own access on your member page',
      ])
      expect(row(refusedId)).toEqual([
        memberById.get(refusedId)!.full_name,
        memberById.get(refusedId)!.email,
        'Refused',
        `'${FORMULA_REFUSAL}`,
      ])
      expect(sorted(rows.filter((r) => r[2] === 'Done').map((r) => r[1] ?? ''))).toEqual(
        sorted(others.filter((id) => id !== refusedId).map((id) => memberById.get(id)!.email)),
      )

      // Retry failed sends again only to the one refused (the fault was for one request).
      await way.count(page)
      await bulkDialog(page).getByRole('button', { name: 'Retry failed' }).click()
      await expect(page.getByRole('dialog', { name: /^Retry: / })).toBeVisible()
      await waitForResults(page)
      await expect(outcomes(page)).toHaveText(['1 done'])
      expect((await way.stats(page)).writes).toEqual([
        { method: 'DELETE', path: `/organizations/${orgId}/users/${refusedId}/disable`, status: 200 },
      ])
      expect(unexpected(pageErrors)).toEqual([])
    })

    test('a reload mid-batch, then Resume: nobody done is sent again, and everyone is done exactly once', async ({
      page,
      pageErrors,
    }) => {
      await way.open(page, '/members?role=standard&status=active')
      const ids = await selectFirst(page, 12)
      const orgId = way.orgId()
      const journalOf = () =>
        page.evaluate(
          (key) =>
            JSON.parse(localStorage.getItem(key) ?? 'null') as { items: Record<string, string> } | null,
          `roster.batch.${orgId}`,
        )

      const dialog = await openAction(page, 'Change role')
      await dialog.getByRole('combobox', { name: 'New role' }).selectOption({ label: 'Light' })
      // Every fifth write is refused with a 429, so the batch pauses for a second early on: the page
      // reloads as soon as the journal has someone done, with the rest perhaps sent or not yet sent.
      await way.count(page, { rateLimitEvery: 5 })
      await dialog.getByRole('button', { name: 'Change role of 12 members' }).click()
      await expect
        .poll(
          async () => Object.values((await journalOf())?.items ?? {}).filter((s) => s === 'done').length,
          {
            intervals: [50],
          },
        )
        .toBeGreaterThan(0)
      await way.setFaults(page, {})
      await page.reload()
      await waitForDirectory(page)

      // What the journal says now is what Resume works from.
      const journal = await journalOf()
      expect(journal).not.toBeNull()
      const doneBefore = Object.entries(journal!.items)
        .filter(([, s]) => s === 'done')
        .map(([key]) => Number(key))
      expect(doneBefore.length).toBeGreaterThan(0)
      expect(doneBefore.length).toBeLessThan(ids.length)
      expect(sorted(Object.keys(journal!.items).map(Number))).toEqual(sorted(ids))

      const notice = page.getByRole('region', { name: /did not finish/ })
      await expect(notice).toContainText(`${ids.length - doneBefore.length} of ${ids.length}`)
      const statsBefore = await way.stats(page)
      await notice.getByRole('button', { name: 'Resume' }).click()
      await waitForResults(page)
      // The results cover the whole batch: those done before the reload, and those since.
      await expect(outcomes(page)).toHaveText([`${ids.length} done`])
      await expect(notice).toHaveCount(0)
      expect(await journalOf()).toBeNull()

      const stats = await way.stats(page)
      const all = writesByPath(stats.writes)
      const sinceResume = writesByPath(stats.writes.slice(statsBefore.writes.length))
      // Nobody the journal had as done was sent again.
      for (const id of doneBefore) expect(sinceResume.has(rolePath(orgId, id)), String(id)).toBe(false)
      if (way.name === 'browser demo') {
        // The browser demo starts a fresh organization on every page load: what it saw before the
        // reload is gone, so each person not done before is changed exactly once since.
        for (const id of ids.filter((i) => !doneBefore.includes(i)))
          expect(all.get(rolePath(orgId, id)), String(id)).toEqual([200])
      } else {
        // The HTTP demo saw the whole story: each of the 12 changed exactly once, before or after the
        // reload, the one 429 aside.
        for (const id of ids)
          expect(
            all.get(rolePath(orgId, id))?.filter((s) => s !== 429),
            String(id),
          ).toEqual([200])
        const now = await way.tallyfy<{ data: WireMember[] }>(page, 'GET', '/users?per_page=500')
        const roles = new Map(now.data.map((m) => [m.id, m.role]))
        expect(ids.filter((id) => roles.get(id) !== 'light')).toEqual([])
      }
      expect(unexpected(pageErrors)).toEqual([])
    })
  })
}

test.describe('axe on the bar and every bulk dialog (browser demo)', () => {
  // Eight audits, and a batch held for ten seconds by a 429.
  test.describe.configure({ timeout: 90_000 })
  for (const viewport of [
    { label: 'desktop', width: 1440, height: 900 },
    { label: 'phone', width: 390, height: 844 },
  ]) {
    test(`bar, preview, progress and results, light and dark, ${viewport.label}`, async ({ page }) => {
      await page.setViewportSize({ width: viewport.width, height: viewport.height })
      await openDemo(page, { path: '/members?role=admin&status=active' })
      await waitForDirectory(page)
      const problems: string[] = []
      const auditBoth = async (what: string) => {
        for (const scheme of ['light', 'dark'] as const) {
          await page.emulateMedia({ colorScheme: scheme })
          problems.push(...(await audit(page, `${what}, ${scheme}, ${viewport.label}`)))
        }
      }

      await selectAll(page).click()
      await expect(bar(page)).toContainText('selected')
      await auditBoth('bar')

      // The preview, with its skips listed: the default administrator, and you (a demotion).
      const dialog = await openAction(page, 'Change role')
      await dialog.getByRole('combobox', { name: 'New role' }).selectOption({ label: 'Standard' })
      await dialog.getByText('Show who is skipped').click()
      await expect(dialog.getByText(signedInPerson.full_name)).toBeVisible()
      await auditBoth('preview')

      // A 429 with Retry-After: 10 on the first write holds the whole batch, waiting, while axe looks.
      await page.evaluate(() =>
        window.rosterDemo!.setFaults({ status: 429, retryAfter: 10, method: 'PUT', times: 1 }),
      )
      await dialog.getByRole('button', { name: /^Change role of \d+ members$/ }).click()
      await expect(bulkDialog(page).getByText(WAITING)).toBeVisible()
      await auditBoth('progress')

      await waitForResults(page)
      await expect(bulkDialog(page).getByRole('button', { name: 'Download results' })).toBeVisible()
      await auditBoth('results')
      // Nothing scrolls sideways with the dialog open.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        viewport.width,
      )
      expect(problems).toEqual([])
    })
  }
})
