import type { Page } from '@playwright/test'
import { createDemoOrg, MULTI_GROUP_GUEST } from '../src/demo/data'
import { DEMO_ME_ID } from '../src/demo/credentials'
import { audit } from './axe'
import { expect, faultsFromStart, openDemo, test } from './fixtures'

// WCAG 2.1 A/AA with axe on every route, in both colour schemes and at desktop and phone widths.
// Colour contrast is where themes break, so each route is checked with the system scheme (light,
// then dark, on the same load) and with the app's own theme choice pinned against the system one.

const DEMO_SIZE = 300
// The demo is deterministic: pick the groups from the same generator the browser runs, by what they
// contain rather than by name, so a renamed group does not break this spec.
const demo = createDemoOrg({ members: DEMO_SIZE })
const richGroup = demo.groups.find(
  (g) => g.logo?.startsWith('data:image/') && g.members.length > 0 && g.guests.length > 0,
)
const emptyGroup = demo.groups.find((g) => g.members.length === 0 && g.guests.length === 0)
const richGuest = demo.guests[MULTI_GROUP_GUEST]
const disabledGuest = demo.guests.find((g) => g.details.disabled_at)

type Route = {
  name: string
  signedIn: boolean
  open: (page: Page) => Promise<void>
}

/** Waits until delayed loading indicators and the directory's progress line are gone. */
async function settled(page: Page) {
  await expect(page.locator('h1').first()).toBeVisible()
  await expect(page.locator('.state--loading')).toHaveCount(0)
  await expect(page.getByText(/^Loading members/)).toHaveCount(0)
}

/** /members with its first rows on screen and nothing left loading. */
async function openMembers(page: Page) {
  await page.goto('/members')
  await expect(page.locator('tbody tr a[href^="/members/"]').first()).toBeVisible()
  await settled(page)
}

/** The command palette open over /members, with a query typed. */
async function openPalette(page: Page, query: string) {
  await openMembers(page)
  await page.keyboard.press('Control+k')
  await page.getByRole('combobox', { name: 'Go to' }).fill(query)
}

const activityButton = (page: Page) => page.getByRole('button', { name: /^Activity/ })
const activityPanel = (page: Page) => page.getByRole('dialog', { name: 'Activity' })

/** Removes the group's first member, then opens Activity and waits for the change to end as `outcome`. */
async function removeFirstMember(page: Page, outcome: string) {
  await page
    .getByRole('table', { name: /^Members of this group/ })
    .getByRole('button', { name: /^Remove / })
    .first()
    .click()
  await activityButton(page).click()
  await expect(activityPanel(page).getByRole('listitem').first()).toContainText(outcome)
}

async function closeActivity(page: Page) {
  await page.keyboard.press('Escape')
  await expect(activityPanel(page)).toHaveCount(0)
}

/** The Activity panel over a group's page, with changes that ended four ways. */
async function openActivityWithEntries(page: Page) {
  await page.goto(`/groups/${richGroup?.id}`)
  await expect(page.getByRole('heading', { name: richGroup?.name, level: 1 })).toBeVisible()
  await settled(page)
  await page.waitForFunction(() => window.rosterDemo !== undefined)
  await removeFirstMember(page, 'Done')
  await activityPanel(page)
    .getByRole('button', { name: /^Undo: / })
    .click()
  await expect(activityPanel(page).getByRole('listitem').first()).toContainText('Undone')
  await closeActivity(page)
  await removeFirstMember(page, 'Done')
  await closeActivity(page)
  await page.evaluate(() =>
    window.rosterDemo?.setFaults({
      status: 403,
      method: 'PUT',
      message: 'Only the owner of this group may change who is in it.',
    }),
  )
  await removeFirstMember(page, 'Refused by Tallyfy')
  await closeActivity(page)
  // A 500 after the PUT went: read again, the member is still there, so it failed.
  await page.evaluate(() => window.rosterDemo?.setFaults({ status: 500, method: 'PUT' }))
  await removeFirstMember(page, 'Failed')
  await page.evaluate(() => window.rosterDemo?.resetFaults())
  await expect(activityPanel(page).getByRole('listitem')).toHaveCount(4)
}

const routes: Route[] = [
  {
    name: 'sign-in',
    signedIn: false,
    open: async (page) => {
      await page.goto('/sign-in')
      await expect(page.getByRole('button', { name: 'Explore the demo organization' })).toBeVisible()
    },
  },
  {
    name: 'members',
    signedIn: true,
    open: async (page) => {
      await page.goto('/members')
      await expect(page.getByRole('heading', { name: 'Members', level: 1 })).toBeVisible()
      await expect(page.locator('tbody tr a[href^="/members/"]').first()).toBeVisible()
      await settled(page)
    },
  },
  {
    name: 'members, no match',
    signedIn: true,
    open: async (page) => {
      await openMembers(page)
      await page.getByLabel('Search members').fill('qqqzzzxx')
      await expect(page.locator('tbody tr a[href^="/members/"]')).toHaveCount(0)
    },
  },
  {
    name: 'member detail',
    signedIn: true,
    open: async (page) => {
      await page.goto(`/members/${DEMO_ME_ID}`)
      await settled(page)
    },
  },
  {
    name: 'groups',
    signedIn: true,
    open: async (page) => {
      await page.goto('/groups')
      await expect(page.getByRole('heading', { name: 'Groups', level: 1 })).toBeVisible()
      await expect(page.locator('a[href^="/groups/"]').first()).toBeVisible()
      await settled(page)
    },
  },
  {
    name: 'group detail (logo, members, guests)',
    signedIn: true,
    open: async (page) => {
      await page.goto(`/groups/${richGroup?.id}`)
      await expect(page.getByRole('heading', { name: richGroup?.name, level: 1 })).toBeVisible()
      await settled(page)
    },
  },
  {
    name: 'empty group',
    signedIn: true,
    open: async (page) => {
      await page.goto(`/groups/${emptyGroup?.id}`)
      await expect(page.getByRole('heading', { name: emptyGroup?.name, level: 1 })).toBeVisible()
      await settled(page)
    },
  },
  {
    name: 'group read without its member and guest lists',
    signedIn: true,
    open: async (page) => {
      await faultsFromStart(page, { omitGroupLists: 'null' })
      await page.goto(`/groups/${richGroup?.id}`)
      await expect(page.getByRole('heading', { name: 'Members (not known)' })).toBeVisible()
      await settled(page)
    },
  },
  {
    name: 'guests',
    signedIn: true,
    open: async (page) => {
      await page.goto('/guests')
      await expect(page.locator('tbody tr a[href^="/guests/"]').first()).toBeVisible()
      await settled(page)
    },
  },
  {
    name: 'guests, no match',
    signedIn: true,
    open: async (page) => {
      await page.goto('/guests?q=qqqzzzxx')
      await expect(page.getByRole('heading', { name: /No guests match/ })).toBeVisible()
      await settled(page)
    },
  },
  {
    name: 'guest detail (groups, associated members)',
    signedIn: true,
    open: async (page) => {
      await page.goto(`/guests/${encodeURIComponent(richGuest?.email ?? '')}`)
      await expect(page.getByRole('heading', { name: 'Associated members' })).toBeVisible()
      await settled(page)
    },
  },
  {
    name: 'disabled guest',
    signedIn: true,
    open: async (page) => {
      await page.goto(`/guests/${encodeURIComponent(disabledGuest?.email ?? '')}`)
      await expect(page.getByText(/^Disabled on/)).toBeVisible()
      await settled(page)
    },
  },
  {
    name: 'guest not found',
    signedIn: true,
    open: async (page) => {
      await page.goto(`/guests/${encodeURIComponent('nobody@example.com')}`)
      await expect(page.getByRole('heading', { name: 'Guest not found', level: 1 })).toBeVisible()
      await settled(page)
    },
  },
  {
    name: 'members, Columns menu open',
    signedIn: true,
    open: async (page) => {
      await openMembers(page)
      await page.getByRole('button', { name: /^Columns/ }).click()
      await expect(page.getByRole('menu', { name: 'Columns' })).toBeVisible()
    },
  },
  {
    name: 'command palette with results',
    signedIn: true,
    open: async (page) => {
      await openPalette(page, 'an')
      await expect(page.getByRole('dialog').getByRole('option').first()).toBeVisible()
    },
  },
  {
    name: 'command palette, nothing matches',
    signedIn: true,
    open: async (page) => {
      await openPalette(page, 'zzz-no-such-thing')
      await expect(page.getByRole('dialog').getByText('Nothing matches')).toBeVisible()
      await expect(page.getByRole('dialog').getByRole('option')).toHaveCount(0)
    },
  },
  {
    name: 'Activity panel, no changes yet',
    signedIn: true,
    open: async (page) => {
      await openMembers(page)
      await activityButton(page).click()
      await expect(activityPanel(page)).toContainText('No changes yet in this session')
    },
  },
  {
    name: 'Activity panel with done, undone, refused and failed changes',
    signedIn: true,
    open: openActivityWithEntries,
  },
  {
    name: 'not found',
    signedIn: true,
    open: async (page) => {
      await page.goto('/no-such-page/at-all')
      await settled(page)
    },
  },
]

const viewports = [
  { label: 'desktop', width: 1440, height: 900 },
  { label: 'phone', width: 390, height: 844 },
]

test.describe('accessibility (axe, WCAG 2.1 AA)', () => {
  test('the demo has the groups this spec needs', () => {
    expect(richGroup, 'a group with a logo, members and guests').toBeDefined()
    expect(emptyGroup, 'a group with no members and no guests').toBeDefined()
  })

  for (const route of routes) {
    for (const viewport of viewports) {
      test(`${route.name} at ${viewport.label} width, light and dark`, async ({ page }) => {
        // Generous: axe over a 300-row table, four times, on a loaded 2-core machine.
        test.setTimeout(150_000)
        await page.setViewportSize({ width: viewport.width, height: viewport.height })
        if (route.signedIn) await openDemo(page, { members: DEMO_SIZE })

        const problems: string[] = []
        // Theme follows the system: one load, the scheme switched under it.
        await page.emulateMedia({ colorScheme: 'light' })
        await route.open(page)
        problems.push(...(await audit(page, `${viewport.label}, system light`)))
        await page.emulateMedia({ colorScheme: 'dark' })
        problems.push(...(await audit(page, `${viewport.label}, system dark`)))

        // Theme chosen in the app (what the toggle stores), against the opposite system scheme.
        for (const [system, chosen] of [
          ['light', 'dark'],
          ['dark', 'light'],
        ] as const) {
          await page.evaluate((theme) => localStorage.setItem('roster.theme', theme), chosen)
          await page.emulateMedia({ colorScheme: system })
          await route.open(page)
          await expect(page.locator('html')).toHaveAttribute('data-theme', chosen)
          problems.push(...(await audit(page, `${viewport.label}, ${chosen} theme on ${system} system`)))
        }
        await page.evaluate(() => localStorage.removeItem('roster.theme'))

        expect(problems, `axe found violations:\n${problems.join('\n')}`).toEqual([])
      })
    }
  }

  for (const viewport of viewports) {
    test(`Activity by keyboard at ${viewport.label} width: Tab reaches it, Enter opens it, Escape gives focus back`, async ({
      page,
    }) => {
      await page.setViewportSize({ width: viewport.width, height: viewport.height })
      await openDemo(page, { members: DEMO_SIZE })
      await openMembers(page)
      const button = activityButton(page)
      // From the top of a fresh load (nothing focused), Tab by Tab through the header.
      for (let tabs = 0; tabs < 20 && !(await button.evaluate((el) => el === document.activeElement)); tabs++)
        await page.keyboard.press('Tab')
      await expect(button).toBeFocused()
      await page.keyboard.press('Enter')
      const panel = activityPanel(page)
      await expect(panel).toBeVisible()
      await expect.poll(() => panel.evaluate((dialog) => dialog.contains(document.activeElement))).toBe(true)
      await page.keyboard.press('Escape')
      await expect(panel).toHaveCount(0)
      await expect(button).toBeFocused()
    })
  }
})
