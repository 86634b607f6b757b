import type { Locator, Page } from '@playwright/test'
import { parseMemberPage } from '../src/api/members/schema'
import { createDemoOrg, XSS_NAME } from '../src/demo/data'
import { computeOverview } from '../src/lib/overview'
import { audit } from './axe'
import { expect, faultsFromStart, openDemo, test } from './fixtures'

const SIZE = 300
const demo = createDemoOrg({ members: SIZE })
const total = demo.members.length

const table = (page: Page) => page.getByRole('table', { name: /^Members/ })
const search = (page: Page) => page.getByRole('searchbox', { name: 'Search members' })
const count = (page: Page) => page.locator('.members-count')
const nameLinks = (page: Page) => table(page).locator('tbody a[href^="/members/"].member-name__link')

async function openMembers(page: Page, path = '/members', members = SIZE) {
  await openDemo(page, { members, path })
  await expect(table(page)).toBeVisible()
  await expect(page.getByText(/^Loading members/)).toHaveCount(0)
}

async function firstNames(page: Page, n: number): Promise<string[]> {
  const links = nameLinks(page)
  const out: string[] = []
  for (let i = 0; i < n; i++) out.push((await links.nth(i).textContent()) ?? '')
  return out
}

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true })
/** True when each name is in order relative to the next (ties allowed). */
function inOrder(names: string[], direction: 1 | -1): boolean {
  return names.every((name, i) => i === 0 || direction * collator.compare(names[i - 1] ?? '', name) <= 0)
}

const header = (page: Page, name: string): Locator =>
  table(page).getByRole('columnheader', { name: new RegExp(`^${name}`) })

test.describe('members table', () => {
  test('shows every member with the count and a default sort by name', async ({ page, pageErrors }) => {
    await openMembers(page)
    await expect(page.getByRole('heading', { level: 1, name: 'Members' })).toBeVisible()
    await expect(count(page)).toHaveText(`${total} members`)
    await expect(header(page, 'Name')).toHaveAttribute('aria-sort', 'ascending')
    await expect(table(page)).toHaveAttribute('aria-rowcount', String(total + 1))
    const names = await firstNames(page, 5)
    expect(inOrder(names, 1), names.join(' | ')).toBe(true)
    expect(pageErrors).toEqual([])
  })

  test('searches by name, by email and without accents, highlighting matches', async ({
    page,
    pageErrors,
  }) => {
    await openMembers(page)
    await search(page).fill('alvarez')
    await expect(nameLinks(page).filter({ hasText: 'Mateo Álvarez' })).toBeVisible()
    await expect(table(page).locator('mark', { hasText: 'Álvarez' }).first()).toBeVisible()
    await expect(count(page)).toHaveText(new RegExp(`^\\d+ of ${total} members$`))
    await expect(page).toHaveURL(/[?&]q=alvarez/)

    await search(page).fill('zoe')
    await expect(nameLinks(page).filter({ hasText: 'Zoë Ångström' })).toBeVisible()

    await search(page).fill('xss.probe@')
    await expect(nameLinks(page)).toHaveCount(1)
    await expect(table(page).locator('mark', { hasText: 'xss.probe@' })).toBeVisible()

    await search(page).fill('qqqzzzxx')
    await expect(page.getByRole('heading', { name: 'No members match “qqqzzzxx”' })).toBeVisible()
    await page.getByRole('button', { name: 'Clear search' }).click()
    await expect(search(page)).toHaveValue('')
    await expect(count(page)).toHaveText(`${total} members`)
    expect(pageErrors).toEqual([])
  })

  test('sorts both ways with aria-sort, and by a second key with Shift', async ({ page, pageErrors }) => {
    await openMembers(page)
    const nameButton = header(page, 'Name').getByRole('button')
    await nameButton.click()
    await expect(header(page, 'Name')).toHaveAttribute('aria-sort', 'descending')
    await expect(page).toHaveURL(/sort=-name/)
    const desc = await firstNames(page, 5)
    expect(inOrder(desc, -1), desc.join(' | ')).toBe(true)
    await nameButton.click()
    await expect(header(page, 'Name')).toHaveAttribute('aria-sort', 'ascending')

    await header(page, 'Last login').getByRole('button').click()
    await expect(header(page, 'Last login')).toHaveAttribute('aria-sort', 'ascending')
    await expect(header(page, 'Name')).not.toHaveAttribute('aria-sort')
    await header(page, 'Name')
      .getByRole('button')
      .click({ modifiers: ['Shift'] })
    await expect(table(page)).toHaveAccessibleName(
      'Members, sorted by Last login, ascending, then Name, ascending',
    )
    await expect(page).toHaveURL(/sort=last_login%2Cname/)
    expect(pageErrors).toEqual([])
  })

  test('filters by role and status with counts, and clears them', async ({ page, pageErrors }) => {
    await openMembers(page)
    const invited = demo.members.filter((m) => m.status === 'invited').length
    const status = page.getByRole('combobox', { name: 'Status' })
    await expect(status.getByRole('option', { name: `Invited (${invited})` })).toBeAttached()
    await status.selectOption('invited')
    await expect(count(page)).toHaveText(`${invited} of ${total} members`)
    await expect(page).toHaveURL(/status=invited/)
    await expect(table(page).locator('tbody .badge--status-active')).toHaveCount(0)

    const role = page.getByRole('combobox', { name: 'Role' })
    await role.selectOption('admin')
    await expect(page).toHaveURL(/role=admin/)
    await expect(table(page).locator('tbody .data-table__cell--role .badge--role-standard')).toHaveCount(0)

    await page.getByRole('button', { name: 'Clear filters' }).click()
    await expect(count(page)).toHaveText(`${total} members`)
    await expect(role).toHaveValue('')
    await expect(status).toHaveValue('')
    await expect(page.getByRole('button', { name: 'Clear filters' })).toHaveCount(0)
    expect(pageErrors).toEqual([])
  })

  test('reload, Back and Forward restore the same view, controls included', async ({ page, pageErrors }) => {
    await openMembers(page)
    await search(page).fill('an')
    await expect(page).toHaveURL(/q=an/)
    await page.getByRole('combobox', { name: 'Status' }).selectOption('active')
    await header(page, 'Email').getByRole('button').click()
    await expect(page).toHaveURL(/sort=email/)
    const shownCount = await count(page).textContent()

    await page.reload()
    await expect(search(page)).toHaveValue('an')
    await expect(page.getByRole('combobox', { name: 'Status' })).toHaveValue('active')
    await expect(header(page, 'Email')).toHaveAttribute('aria-sort', 'ascending')
    await expect(count(page)).toHaveText(shownCount ?? '')

    await page.goBack() // undo the sort
    await expect(header(page, 'Name')).toHaveAttribute('aria-sort', 'ascending')
    await page.goBack() // undo the status filter
    await expect(page.getByRole('combobox', { name: 'Status' })).toHaveValue('')
    await expect(search(page)).toHaveValue('an')
    await page.goForward()
    await expect(page.getByRole('combobox', { name: 'Status' })).toHaveValue('active')
    expect(pageErrors).toEqual([])
  })

  test('the URL holds what is on screen: reload or a click right after typing keeps the search', async ({
    page,
    pageErrors,
  }) => {
    await openMembers(page)
    // A plain-ASCII surname shown in the table, typed in two goes: three letters, then a fourth.
    const shown = await nameLinks(page).allTextContents()
    const surname = shown
      .map((n) => n.trim().split(' ').at(-1) ?? '')
      .find((n) => /^[A-Za-z]{5,}$/.test(n))
      ?.toLowerCase()
    if (!surname) throw new Error('the table shows no plain surname to search for')
    const [short, longer] = [surname.slice(0, 3), surname.slice(0, 4)]
    // No pause between the last key and the reload: the search must already be in the address bar.
    await search(page).pressSequentially(short)
    await page.reload()
    await expect(search(page)).toHaveValue(short)
    await expect(page).toHaveURL(new RegExp(`\\?q=${short}$`))
    await expect(nameLinks(page).first()).toBeVisible()
    expect(await nameLinks(page).count()).toBeLessThan(total)

    // Type more and open the first result at once; Back must bring back this search, not the old one.
    await search(page).fill(longer)
    await nameLinks(page).first().click()
    await expect(page).toHaveURL(/\/members\/\d+$/)
    // The member's page is up once its back link is; only then is its heading the person's name.
    await expect(page.getByRole('link', { name: /Back to members/ })).toBeVisible()
    const name = ((await page.getByRole('heading', { level: 1 }).textContent()) ?? '').trim()
    expect(name).not.toBe('Members')
    await page.goBack()
    await expect(search(page)).toHaveValue(longer)
    await expect(page).toHaveURL(new RegExp(`\\?q=${longer}$`))
    await expect(nameLinks(page).filter({ hasText: name }).first()).toBeVisible()
    expect(pageErrors).toEqual([])
  })

  test('a group in a row opens that group', async ({ page, pageErrors }) => {
    await openMembers(page)
    const groupLink = table(page).locator('tbody a[href^="/groups/"]').first()
    const href = await groupLink.getAttribute('href')
    await groupLink.click()
    await expect(page).toHaveURL(href ?? '/groups/')
    expect(pageErrors).toEqual([])
  })

  test('works from the keyboard alone', async ({ page, pageErrors }) => {
    await openMembers(page)
    await page.keyboard.press('/')
    await expect(search(page)).toBeFocused()
    await page.keyboard.type('mateo alvarez')
    await expect(nameLinks(page)).toHaveCount(1)
    await expect(nameLinks(page)).toHaveText('Mateo Álvarez')
    await page.keyboard.press('Escape')
    await expect(search(page)).toHaveValue('')
    await page.keyboard.type('Mateo')
    await expect(page).toHaveURL(/q=Mateo/)
    // Tab from the search box reaches the first name link after the filters and sort buttons.
    const link = nameLinks(page).filter({ hasText: 'Mateo Álvarez' })
    for (let i = 0; i < 20 && !(await link.evaluate((el) => el === document.activeElement)); i++) {
      await page.keyboard.press('Tab')
    }
    await expect(link).toBeFocused()
    await page.keyboard.press('Enter')
    await expect(page).toHaveURL(/\/members\/\d+$/)
    await expect(page.getByRole('heading', { level: 1, name: 'Mateo Álvarez' })).toBeVisible()
    await page.goBack()
    await expect(search(page)).toHaveValue('Mateo')
    await expect(nameLinks(page).filter({ hasText: 'Mateo Álvarez' })).toBeVisible()
    expect(pageErrors).toEqual([])
  })

  test('shows a hostile name as text', async ({ page, pageErrors }) => {
    await openMembers(page)
    await search(page).fill('probe')
    await expect(nameLinks(page).filter({ hasText: XSS_NAME })).toBeVisible()
    await expect(table(page).locator('tbody img[src="x"]')).toHaveCount(0)
    expect(pageErrors).toEqual([])
  })

  test('member detail shows fields and Back to members keeps the search', async ({ page, pageErrors }) => {
    await openMembers(page, '/members?q=zoe')
    await nameLinks(page).filter({ hasText: 'Zoë Ångström' }).click()
    await expect(page.getByRole('heading', { level: 1, name: 'Zoë Ångström' })).toBeVisible()
    await expect(page.getByRole('definition').filter({ hasText: 'Chief of Staff' })).toBeVisible()
    await expect(page.getByRole('link', { name: /@/ }).first()).toHaveAttribute('href', /^mailto:/)
    await page.getByRole('link', { name: 'Back to members' }).click()
    await expect(page).toHaveURL(/\/members\?q=zoe$/)
    await expect(search(page)).toHaveValue('zoe')
    expect(pageErrors).toEqual([])
  })
})

test.describe('a large organization', () => {
  test('10,000 members: a bounded DOM, the last member reachable, the count right', async ({
    page,
    pageErrors,
  }) => {
    test.setTimeout(90_000)
    await openDemo(page, { members: 10_000 })
    await expect(count(page)).toHaveText('10,000 members', { timeout: 30_000 })
    await expect(page.getByText(/^Loading members/)).toHaveCount(0)
    expect(await table(page).locator('tbody tr').count()).toBeLessThan(150)

    // Scroll to the very bottom: the last row (aria-rowindex 10,001) is rendered and on screen.
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight))
    const lastRow = table(page).locator('tbody tr[aria-rowindex="10001"]')
    await expect(lastRow).toBeInViewport()
    const lastName = (await lastRow.locator('.member-name__link').textContent()) ?? ''
    expect(lastName).not.toBe('')
    expect(await table(page).locator('tbody tr').count()).toBeLessThan(150)

    // Sorted by name descending, the same member comes first.
    await page.evaluate(() => window.scrollTo(0, 0))
    await header(page, 'Name').getByRole('button').click()
    const firstRow = table(page).locator('tbody tr[aria-rowindex="2"]')
    await expect(firstRow.locator('.member-name__link')).toHaveText(lastName)
    await expect(count(page)).toHaveText('10,000 members')
    expect(pageErrors).toEqual([])
  })

  test('Back from a member returns to the same scroll position', async ({ page, pageErrors }) => {
    test.setTimeout(60_000)
    await openMembers(page, '/members', 2000)
    await page.evaluate(() => window.scrollTo(0, 30_000))
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(29_000)
    // Read a name from the rows on screen, then click that member by name: the virtualised rows
    // can still be re-rendering after the scroll, so the 16th row may be someone else a moment later.
    const name = ((await nameLinks(page).nth(15).textContent()) ?? '').trim()
    const before = await page.evaluate(() => window.scrollY)
    await table(page).getByRole('link', { name, exact: true }).first().click()
    await expect(page.getByRole('heading', { level: 1, name })).toBeVisible()
    await page.goBack()
    await expect(nameLinks(page).filter({ hasText: name }).first()).toBeVisible()
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(before - 5)
    expect(await page.evaluate(() => window.scrollY)).toBeLessThan(before + 5)
    expect(pageErrors).toEqual([])
  })
})

// Refused requests are logged by the browser as console errors; here they are the point.
const unexpected = (errors: string[]) =>
  errors.filter((e) => !/Failed to load resource: the server responded with a status of/.test(e))

test.describe('loading and permissions', () => {
  test('rows appear page by page with a progress line until the directory is complete', async ({
    page,
    pageErrors,
  }) => {
    test.setTimeout(60_000)
    await faultsFromStart(page, { latencyMs: 400, perPageCap: 100, path: '/users' })
    await openDemo(page, { members: 1500 })
    const progress = page.getByRole('status').filter({ hasText: /^Loading members… [\d,]+ of 1,500/ })
    await expect(progress).toBeVisible()
    await expect(progress.locator('progress')).toBeAttached()
    await expect(nameLinks(page).first()).toBeVisible()
    await expect(count(page)).toHaveText('1,500 members', { timeout: 45_000 })
    await expect(progress).toHaveCount(0)
    expect(pageErrors).toEqual([])
  })

  test('a profile refused with 403 shows what the directory knows, with a note', async ({
    page,
    pageErrors,
  }) => {
    await openMembers(page)
    await page.evaluate(() => window.rosterDemo?.setFaults({ status: 403, path: '/users/' }))
    await search(page).fill('mateo alvarez')
    await nameLinks(page).filter({ hasText: 'Mateo Álvarez' }).click()
    await expect(page.getByText(/Only Tallyfy administrators can see full member profiles/)).toBeVisible()
    await expect(page.getByRole('heading', { level: 1, name: 'Mateo Álvarez' })).toBeVisible()
    expect(unexpected(pageErrors)).toEqual([])
  })

  test('an unknown member ID is not found, with a way back', async ({ page, pageErrors }) => {
    await openDemo(page, { members: SIZE, path: '/members/999999' })
    await expect(page.getByRole('heading', { level: 1, name: 'Member not found' })).toBeVisible()
    await page.getByRole('link', { name: 'Back to members' }).click()
    await expect(page).toHaveURL(/\/members$/)
    expect(unexpected(pageErrors)).toEqual([])
  })
})

const lastSignIn = (page: Page) => page.getByRole('combobox', { name: 'Last sign-in' })
const invited = (page: Page) => page.getByRole('combobox', { name: 'Invited' })

// The overview's filters (signin=, invited=, seat=, joined=) against the same deterministic data the
// browser demo serves, dated from now as the live demo is (see overview.spec.ts): a list opened from
// an overview link must count exactly what the figure says.
test.describe("the overview's filters", () => {
  const dated = parseMemberPage({ data: createDemoOrg({ members: SIZE, now: Date.now() }).members }).items
  const figures = () =>
    computeOverview({
      members: dated,
      groups: [],
      guests: [],
      now: Date.now(),
      inactiveDays: 90,
      complete: true,
    })

  test('"Never signed in" and "Invitations older than 14 days" open lists with the overview’s counts', async ({
    page,
    pageErrors,
  }) => {
    const f = figures()
    expect(f.neverSignedIn).toBeGreaterThan(0)
    expect(f.staleInvitations).toBeGreaterThan(0)
    await openDemo(page, { members: SIZE, path: '/overview' })
    // The overview says these numbers ...
    await expect(
      page.getByRole('link', { name: `${f.neverSignedIn} members never signed in`, exact: true }),
    ).toHaveAttribute('href', '/members?status=active&signin=never')
    await expect(
      page.getByRole('link', { name: `${f.staleInvitations} invitations older than 14 days`, exact: true }),
    ).toHaveAttribute('href', '/members?invited=over-14d')

    // ... and a list opened straight from its URL (a first load) counts the same people.
    await page.goto('/members?status=active&signin=never')
    await expect(count(page)).toHaveText(`${f.neverSignedIn} of ${total} members`)
    await expect(lastSignIn(page)).toHaveValue('never')
    await expect(page.getByRole('combobox', { name: 'Status' })).toHaveValue('active')
    await expect(nameLinks(page).first()).toBeVisible()

    await page.goto('/members?invited=over-14d')
    await expect(count(page)).toHaveText(`${f.staleInvitations} of ${total} members`)
    await expect(invited(page)).toHaveValue('over-14d')
    expect(pageErrors).toEqual([])
  })

  test('"Last sign-in" writes the URL; seat and join month show as chips; Clear filters clears all', async ({
    page,
    pageErrors,
  }) => {
    const f = figures()
    await openMembers(page)
    await expect(lastSignIn(page)).toHaveValue('')
    await lastSignIn(page).selectOption({ label: 'Not in 90 days' })
    await expect(page).toHaveURL(/\/members\?signin=not-90d$/)
    await page.getByRole('combobox', { name: 'Status' }).selectOption('active')
    await expect(page).toHaveURL(/\/members\?status=active&signin=not-90d$/)
    await expect(count(page)).toHaveText(`${f.inactive} of ${total} members`)
    await page.goBack()
    await expect(page).toHaveURL(/\/members\?signin=not-90d$/)
    await expect(page.getByRole('combobox', { name: 'Status' })).toHaveValue('')

    const busiest = f.joined.reduce((a, b) => (b.count > a.count ? b : a))
    await page.goto(
      `/members?q=a&role=admin&seat=full&joined=${busiest.month}&signin=within-30d&invited=over-14d`,
    )
    const chips = page.getByRole('list', { name: 'Showing only' })
    await expect(chips.getByRole('button', { name: 'Remove filter: Full seats' })).toBeVisible()
    await expect(chips.getByRole('button', { name: `Remove filter: Joined ${busiest.label}` })).toBeVisible()
    await page.getByRole('button', { name: 'Clear filters' }).first().click()
    await expect(page).toHaveURL(/\/members$/)
    await expect(count(page)).toHaveText(`${total} members`)
    await expect(lastSignIn(page)).toHaveValue('')
    await expect(invited(page)).toHaveValue('')
    await expect(search(page)).toHaveValue('')
    await expect(chips).toHaveCount(0)

    await page.goto(`/members?joined=${busiest.month}`)
    await expect(count(page)).toHaveText(`${busiest.count} of ${total} members`)
    await page.getByRole('button', { name: `Remove filter: Joined ${busiest.label}` }).click()
    await expect(page).toHaveURL(/\/members$/)
    expect(pageErrors).toEqual([])
  })

  for (const viewport of [
    { label: 'desktop', width: 1440, height: 900 },
    { label: 'phone', width: 390, height: 844 },
  ]) {
    test(`axe finds nothing with the new selects and chips, light and dark, ${viewport.label}; nothing scrolls sideways`, async ({
      page,
    }) => {
      await page.setViewportSize({ width: viewport.width, height: viewport.height })
      const month = figures().joined.at(-2)!.month
      await openDemo(page, {
        members: SIZE,
        path: `/members?status=active&signin=3-12m&seat=full&joined=${month}`,
      })
      await expect(page.getByRole('list', { name: 'Showing only' })).toBeVisible()
      await expect(lastSignIn(page)).toHaveValue('3-12m')
      await expect(page.getByText(/^Loading members/)).toHaveCount(0)
      const problems: string[] = []
      for (const scheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme: scheme })
        problems.push(...(await audit(page, `${viewport.label}, ${scheme}`)))
      }
      expect(problems).toEqual([])
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
      expect(overflow).toBeLessThanOrEqual(0)
    })
  }
})
