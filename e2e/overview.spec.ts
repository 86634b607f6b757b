import type { Page } from '@playwright/test'
import { parseGroupPage } from '../src/api/groups/schema'
import { parseGuestPage } from '../src/api/guests/schema'
import { parseMemberPage } from '../src/api/members/schema'
import { createDemoOrg } from '../src/demo/data'
import { computeOverview, type OverviewFigures } from '../src/lib/overview'
import type { InactiveDays } from '../src/lib/recency'
import { audit } from './axe'
import { createServerOrg, expect, openDemo, signInThroughProxy, test } from './fixtures'

// /overview against the demo organization: every number on the page is the one computation
// (lib/overview.ts) over the same deterministic data the demo serves, read through the app's own
// wire parsers, so a figure that drifts from its definition or from the data fails here.

const DEMO_SIZE = 300
// The live demos date their data from the real clock when they start; seconds apart from this one,
// which moves nobody across a bucket's edge (the generator keeps every date clear of them).
const demo = createDemoOrg({ members: DEMO_SIZE, now: Date.now() })
const members = parseMemberPage({ data: demo.members }).items
const groups = parseGroupPage({ data: demo.groups }).items
const guests = parseGuestPage({ data: demo.guests }).items

/** The figures as the page computes them, measured from now (the page was opened moments ago). */
const expected = (inactiveDays: InactiveDays = 90): OverviewFigures =>
  computeOverview({ members, groups, guests, now: Date.now(), inactiveDays, complete: true })

const count = (n: number, one: string, other: string) =>
  `${n.toLocaleString('en-US')} ${n === 1 ? one : other}`
const nav = (page: Page) => page.getByRole('navigation', { name: 'Main' })
const link = (page: Page, name: string) => page.getByRole('link', { name, exact: true })
const recencyChart = (page: Page) => page.getByRole('region', { name: 'When members last signed in' })
const joinedChart = (page: Page) => page.getByRole('region', { name: 'Members added per month' })

/** The names of every headline figure's link, as a screen reader hears them. */
function figureNames(f: OverviewFigures, inactiveDays: InactiveDays = 90): string[] {
  return [
    count(f.seats.full, 'full seat in use', 'full seats in use'),
    count(f.seats.light, 'light seat in use', 'light seats in use'),
    count(f.administrators, 'administrator', 'administrators'),
    count(f.staleInvitations, 'invitation older than 14 days', 'invitations older than 14 days'),
    count(f.neverSignedIn, 'member never signed in', 'members never signed in'),
    count(
      f.inactive,
      `member not signed in for ${inactiveDays} days`,
      `members not signed in for ${inactiveDays} days`,
    ),
    count(f.members.total, 'member', 'members'),
    count(f.members.active, 'active member', 'active members'),
    count(f.members.invited, 'invited member', 'invited members'),
    count(f.members.disabled, 'disabled member', 'disabled members'),
    count(f.roles.admin, 'Administrator member', 'Administrator members'),
    count(f.roles.standard, 'Standard member', 'Standard members'),
    count(f.roles.light, 'Light member', 'Light members'),
    count(f.guests!.total, 'guest', 'guests'),
    count(f.guests!.disabled, 'disabled guest', 'disabled guests'),
    count(f.guests!.inNoGroup, 'guest in no group', 'guests in no group'),
    count(f.groups!.total, 'group', 'groups'),
    count(f.groups!.empty, 'empty group', 'empty groups'),
  ]
}

/** The members list's count line (describeCount): "12 of 300 members", or "300 members" when all match. */
async function expectMemberCount(page: Page, shown: number, total: number) {
  const line =
    shown === total
      ? count(total, 'member', 'members')
      : `${shown.toLocaleString('en-US')} of ${count(total, 'member', 'members')}`
  await expect(page.locator('.members-count')).toHaveText(line)
}

/** The count line of the groups or guests list (describeCount, in ListToolbar). */
async function expectListCount(page: Page, shown: number, total: number, [one, other]: [string, string]) {
  const line =
    shown === total
      ? count(total, one, other)
      : `${shown.toLocaleString('en-US')} of ${count(total, one, other)}`
  await expect(page.locator('.list-toolbar__count')).toHaveText(line)
}

const barName = (label: string, n: number) => `${label}: ${count(n, 'member', 'members')}`

/** The overview with every list loaded: no "so far", the groups' and guests' figures in. */
async function overviewLoaded(page: Page) {
  await expect(page.getByRole('heading', { level: 1, name: 'Overview' })).toBeVisible()
  await expect(page.getByText(/the rest are loading/)).toHaveCount(0)
  await expect(page.getByRole('region', { name: 'Groups' }).getByRole('link').first()).toBeVisible()
  await expect(
    page
      .getByRole('region', { name: 'Guests' })
      .getByText(/in no group/i)
      .first(),
  ).toBeVisible()
}

async function expectFiguresOfDemo(page: Page, inactiveDays: InactiveDays = 90) {
  const f = expected(inactiveDays)
  expect(f.defaultAdministrator).not.toBeNull()
  for (const name of figureNames(f, inactiveDays)) await expect(link(page, name), name).toBeVisible()
  await expect(link(page, f.defaultAdministrator!.fullName)).toHaveAttribute(
    'href',
    `/members/${f.defaultAdministrator!.id}`,
  )
  for (const bar of f.lastSignIn) {
    await expect(
      recencyChart(page).getByRole('link', { name: barName(bar.label, bar.count), exact: true }),
    ).toBeVisible()
  }
  const columns = joinedChart(page).getByRole('link')
  await expect(columns).toHaveCount(f.joined.length)
  for (const [i, month] of f.joined.entries()) {
    await expect(columns.nth(i)).toHaveAccessibleName(barName(month.label, month.count))
    await expect(columns.nth(i)).toHaveAttribute('href', `/members?joined=${month.month}`)
  }
}

test.describe('overview in the browser demo', () => {
  test.beforeEach(async ({ page }) => {
    await openDemo(page, { members: DEMO_SIZE })
  })

  test('comes first in the navigation, and every number is the demo data computed once', async ({
    page,
    pageErrors,
  }) => {
    // Sign-in still lands on /members.
    await expect(page).toHaveURL(/\/members$/)
    const first = nav(page).getByRole('link').first()
    await expect(first).toHaveText('Overview')
    await first.click()
    await expect(page).toHaveURL(/\/overview$/)
    await expect(page).toHaveTitle('Overview · Roster')
    await expect(nav(page).getByRole('link', { name: 'Overview' })).toHaveAttribute('aria-current', 'page')
    await overviewLoaded(page)
    await expectFiguresOfDemo(page)
    expect(pageErrors).toEqual([])
  })

  test('the palette (Ctrl+K) goes there too', async ({ page }) => {
    await page.getByRole('heading', { level: 1, name: 'Members' }).click()
    await page.keyboard.press('Control+k')
    // The palette loads on its first use: type once its box has focus.
    await expect(page.getByRole('combobox', { name: 'Go to' })).toBeFocused()
    await page.keyboard.type('overview')
    await expect(page.getByRole('dialog').getByRole('option').first()).toContainText('Overview')
    await page.keyboard.press('Enter')
    await expect(page).toHaveURL(/\/overview$/)
    await expect(page.getByRole('heading', { level: 1, name: 'Overview' })).toBeFocused()
  })

  test('a figure and a bar each open the list of exactly those people', async ({ page }) => {
    const f = expected()
    await page.goto('/overview')
    await overviewLoaded(page)

    await link(
      page,
      count(f.staleInvitations, 'invitation older than 14 days', 'invitations older than 14 days'),
    ).click()
    await expect(page).toHaveURL(/\/members\?invited=over-14d$/)
    await expect(page.getByRole('heading', { level: 1, name: 'Members' })).toBeVisible()
    await expectMemberCount(page, f.staleInvitations, f.members.total)
    await page.goBack()

    const busiest = f.joined.reduce((a, b) => (b.count > a.count ? b : a))
    await joinedChart(page)
      .getByRole('link', { name: barName(busiest.label, busiest.count), exact: true })
      .click()
    await expect(page).toHaveURL(new RegExp(`/members\\?joined=${busiest.month}$`))
    await expect(page.getByRole('heading', { level: 1, name: 'Members' })).toBeVisible()
    await expectMemberCount(page, busiest.count, f.members.total)
    await page.goBack()

    await link(page, count(f.groups!.empty, 'empty group', 'empty groups')).click()
    await expect(page).toHaveURL(/\/groups\?filter=empty$/)
    await expect(page.getByRole('heading', { level: 1, name: 'Groups' })).toBeVisible()
    await expectListCount(page, f.groups!.empty, f.groups!.total, ['group', 'groups'])
    await page.goBack()

    await link(page, count(f.guests!.inNoGroup, 'guest in no group', 'guests in no group')).click()
    await expect(page).toHaveURL(/\/guests\?group=none$/)
    await expect(page.getByRole('heading', { level: 1, name: 'Guests' })).toBeVisible()
    await expectListCount(page, f.guests!.inNoGroup, f.guests!.total, ['guest', 'guests'])
    await page.goBack()

    await link(page, count(f.guests!.disabled, 'disabled guest', 'disabled guests')).click()
    await expect(page).toHaveURL(/\/guests\?status=disabled$/)
    await expectListCount(page, f.guests!.disabled, f.guests!.total, ['guest', 'guests'])
    await page.goBack()

    await link(page, count(f.guests!.total, 'guest', 'guests')).click()
    await expect(page).toHaveURL(/\/guests$/)
    await expectListCount(page, f.guests!.total, f.guests!.total, ['guest', 'guests'])
  })

  test('every member figure and bar lists exactly as many people as it counts', async ({ page }) => {
    // Some forty trips to /members and back.
    test.setTimeout(180_000)
    const f = expected()
    await page.goto('/overview')
    await overviewLoaded(page)
    const links: Array<[name: string, n: number, url: RegExp]> = [
      [count(f.seats.full, 'full seat in use', 'full seats in use'), f.seats.full, /\?seat=full$/],
      [count(f.seats.light, 'light seat in use', 'light seats in use'), f.seats.light, /\?seat=light$/],
      [
        count(f.administrators, 'administrator', 'administrators'),
        f.administrators,
        /\?role=admin&seat=full$/,
      ],
      [
        count(f.staleInvitations, 'invitation older than 14 days', 'invitations older than 14 days'),
        f.staleInvitations,
        /\?invited=over-14d$/,
      ],
      [
        count(f.neverSignedIn, 'member never signed in', 'members never signed in'),
        f.neverSignedIn,
        /\?status=active&signin=never$/,
      ],
      [
        count(f.inactive, 'member not signed in for 90 days', 'members not signed in for 90 days'),
        f.inactive,
        /\?status=active&signin=not-90d$/,
      ],
      ...(['active', 'invited', 'disabled'] as const).map((status): [string, number, RegExp] => [
        count(f.members[status], `${status} member`, `${status} members`),
        f.members[status],
        new RegExp(`\\?status=${status}$`),
      ]),
      ...(
        [
          ['admin', 'Administrator'],
          ['standard', 'Standard'],
          ['light', 'Light'],
        ] as const
      ).map(([role, label]): [string, number, RegExp] => [
        count(f.roles[role], `${label} member`, `${label} members`),
        f.roles[role],
        new RegExp(`\\?role=${role}$`),
      ]),
    ]
    for (const [name, n, url] of links) {
      await link(page, name).click()
      await expect(page).toHaveURL(url)
      await expectMemberCount(page, n, f.members.total)
      await page.goBack()
    }
    for (const bar of f.lastSignIn) {
      await recencyChart(page)
        .getByRole('link', { name: barName(bar.label, bar.count), exact: true })
        .click()
      await expect(page).toHaveURL(new RegExp(`\\?status=active&signin=${bar.bucket}$`))
      await expectMemberCount(page, bar.count, f.members.total)
      await page.goBack()
    }
    for (const month of f.joined) {
      await joinedChart(page)
        .getByRole('link', { name: barName(month.label, month.count), exact: true })
        .click()
      await expect(page).toHaveURL(new RegExp(`\\?joined=${month.month}$`))
      await expectMemberCount(page, month.count, f.members.total)
      await page.goBack()
    }
  })

  test('"Show as table" gives the same numbers as a table, and back', async ({ page }) => {
    const f = expected()
    await page.goto('/overview')
    await overviewLoaded(page)
    for (const [chart, rows, caption] of [
      [
        recencyChart(page),
        f.lastSignIn.map((b) => [b.label, b.count] as const),
        'When members last signed in',
      ],
      [joinedChart(page), f.joined.map((m) => [m.label, m.count] as const), 'Members added per month'],
    ] as const) {
      const toggle = chart.getByRole('button', { name: 'Show as table' })
      await expect(toggle).toHaveAttribute('aria-pressed', 'false')
      await toggle.click()
      await expect(toggle).toHaveAttribute('aria-pressed', 'true')
      const table = chart.getByRole('table', { name: caption })
      const bodyRows = table.locator('tbody tr')
      await expect(bodyRows).toHaveCount(rows.length)
      for (const [i, [label, n]] of rows.entries()) {
        await expect(bodyRows.nth(i).getByRole('rowheader')).toHaveText(label)
        await expect(bodyRows.nth(i).getByRole('cell')).toHaveText(n.toLocaleString('en-US'))
      }
    }
    // Its rows link where the bars do.
    await recencyChart(page).getByRole('table').getByRole('link', { name: 'Never', exact: true }).click()
    await expect(page).toHaveURL(/\/members\?status=active&signin=never$/)
    await page.goBack()
    // The choice is per visit: the bars are back.
    await expect(recencyChart(page).getByRole('button', { name: 'Show as table' })).toHaveAttribute(
      'aria-pressed',
      'false',
    )
  })

  test('"Inactive after" changes the figure and its link, and stays in the URL', async ({ page }) => {
    await page.goto('/overview')
    await overviewLoaded(page)
    const select = page.getByLabel('Inactive after')
    await expect(select).toHaveValue('90')
    await select.selectOption('30')
    await expect(page).toHaveURL(/\/overview\?inactive=30$/)
    const at30 = expected(30)
    const name = count(at30.inactive, 'member not signed in for 30 days', 'members not signed in for 30 days')
    await expect(link(page, name)).toHaveAttribute('href', '/members?status=active&signin=not-30d')

    await page.reload()
    await expect(page.getByLabel('Inactive after')).toHaveValue('30')
    await overviewLoaded(page)
    await expectFiguresOfDemo(page, 30)

    await link(page, name).click()
    await expect(page).toHaveURL(/\/members\?status=active&signin=not-30d$/)
    await page.goBack()
    await page.getByLabel('Inactive after').selectOption('90')
    await expect(page).toHaveURL(/\/overview$/)
  })

  test('every bar is reached by keyboard with a visible focus ring, and Enter opens its list', async ({
    page,
  }) => {
    const f = expected()
    await page.goto('/overview')
    await overviewLoaded(page)

    await recencyChart(page).getByRole('button', { name: 'Show as table' }).focus()
    for (const bar of f.lastSignIn) {
      await page.keyboard.press('Tab')
      await expect(page.locator(':focus')).toHaveAccessibleName(barName(bar.label, bar.count))
    }
    await joinedChart(page).getByRole('button', { name: 'Show as table' }).focus()
    for (const month of f.joined) {
      await page.keyboard.press('Tab')
      await expect(page.locator(':focus')).toHaveAccessibleName(barName(month.label, month.count))
    }
    // The ring is drawn round the focused column (an SVG link has no outline of its own).
    const ring = await page
      .locator(':focus .column-chart__hit')
      .evaluate((el) => ({ stroke: getComputedStyle(el).stroke, width: getComputedStyle(el).strokeWidth }))
    expect(ring.stroke).not.toBe('none')
    expect(parseFloat(ring.width)).toBeGreaterThanOrEqual(2)

    await page.keyboard.press('Enter')
    await expect(page).toHaveURL(new RegExp(`/members\\?joined=${f.joined.at(-1)!.month}$`))
  })

  for (const viewport of [
    { label: 'desktop', width: 1440, height: 900 },
    { label: 'phone', width: 390, height: 844 },
  ]) {
    test(`axe finds nothing, light and dark, ${viewport.label}; nothing scrolls sideways`, async ({
      page,
    }) => {
      // Eight audits of a page with some 80 links, on a machine that may be busy.
      test.setTimeout(120_000)
      await page.setViewportSize({ width: viewport.width, height: viewport.height })
      await page.goto('/overview')
      await overviewLoaded(page)
      const problems: string[] = []
      for (const scheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme: scheme })
        problems.push(...(await audit(page, `${viewport.label}, ${scheme}`)))
      }
      await recencyChart(page).getByRole('button', { name: 'Show as table' }).click()
      await joinedChart(page).getByRole('button', { name: 'Show as table' }).click()
      for (const scheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme: scheme })
        problems.push(...(await audit(page, `${viewport.label}, ${scheme}, as tables`)))
      }
      expect(problems).toEqual([])
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
      expect(overflow).toBeLessThanOrEqual(0)
    })
  }
})

test.describe('overview over HTTP, through the proxy', () => {
  test('shows the organization the server holds, and a bar opens its list', async ({ page, pageErrors }) => {
    const org = await createServerOrg('overview', { members: DEMO_SIZE })
    await signInThroughProxy(page, org)
    await nav(page).getByRole('link', { name: 'Overview' }).click()
    await expect(page).toHaveURL(/\/overview$/)
    await overviewLoaded(page)
    await expectFiguresOfDemo(page)

    const f = expected()
    const older = f.lastSignIn.find((bar) => bar.bucket === '3-12m')!
    await recencyChart(page)
      .getByRole('link', { name: barName(older.label, older.count), exact: true })
      .click()
    await expect(page).toHaveURL(/\/members\?status=active&signin=3-12m$/)
    await expect(page.getByRole('heading', { level: 1, name: 'Members' })).toBeVisible()
    await expectMemberCount(page, older.count, f.members.total)
    await page.goBack()
    await link(page, count(f.administrators, 'administrator', 'administrators')).click()
    await expect(page).toHaveURL(/\/members\?role=admin&seat=full$/)
    await expectMemberCount(page, f.administrators, f.members.total)
    expect(pageErrors).toEqual([])
  })
})
