import type { Page } from '@playwright/test'
import { createDemoOrg } from '../src/demo/data'
import { DEMO_ME_ID } from '../src/demo/credentials'
import { expect, openDemo, test } from './fixtures'

// Layout checks a phone user would notice: nothing may make the page scroll sideways at 390 px
// (long names, long emails, long group descriptions, wide tables), and the theme choice survives a
// reload.

const DEMO_SIZE = 300
const demo = createDemoOrg({ members: DEMO_SIZE })
const longest = <T>(items: T[], length: (item: T) => number) =>
  items.reduce<T | undefined>((best, item) => (best && length(best) >= length(item) ? best : item), undefined)
// The longest display name and the longest email in the demo: the worst cases for a narrow column.
const longestName = longest(demo.members, (m) => m.full_name.length)
const longestEmail = longest(demo.members, (m) => m.email.length)
const longestDescription = longest(demo.groups, (g) => g.description.length)
const groupWithGuests = demo.groups.find((g) => g.guests.length > 0 && g.members.length > 0)
const emptyGroup = demo.groups.find((g) => g.members.length === 0 && g.guests.length === 0)

async function settled(page: Page) {
  await expect(page.locator('h1').first()).toBeVisible()
  await expect(page.locator('.state--loading')).toHaveCount(0)
  await expect(page.getByText(/^Loading members/)).toHaveCount(0)
}

async function horizontalOverflow(page: Page) {
  return page.evaluate(() => {
    const root = document.documentElement
    const overflow = root.scrollWidth - root.clientWidth
    if (overflow <= 0) return null
    // Name the elements that stick out (outermost first) so the failure points at what to fix.
    const offenders = [...document.body.querySelectorAll('*')]
      .map((el) => ({ el, right: el.getBoundingClientRect().right }))
      .filter(({ right }) => right > root.clientWidth + 0.5)
      .slice(0, 5)
      .map(({ el, right }) => {
        const name = `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.classList.length ? `.${[...el.classList].join('.')}` : ''}`
        return `${name} reaches ${Math.round(right)} px: "${(el.textContent ?? '').trim().slice(0, 60)}"`
      })
    return `scrollWidth ${root.scrollWidth} > clientWidth ${root.clientWidth}\n  ${offenders.join('\n  ')}`
  })
}

const pages: Array<{ name: string; open: (page: Page) => Promise<void> }> = [
  {
    name: 'members',
    open: async (page) => {
      await page.goto('/members')
      await expect(page.locator('tbody tr a[href^="/members/"]').first()).toBeVisible()
      await settled(page)
    },
  },
  {
    name: 'members searched for the longest name',
    open: async (page) => {
      await page.goto('/members')
      await settled(page)
      await page.getByLabel('Search members').fill(longestName?.last_name ?? '')
      await expect(page.locator(`tbody tr a[href="/members/${longestName?.id}"]`).first()).toBeVisible()
    },
  },
  {
    name: 'members searched for the longest email',
    open: async (page) => {
      await page.goto('/members')
      await settled(page)
      await page.getByLabel('Search members').fill(longestEmail?.email ?? '')
      await expect(page.locator(`tbody tr a[href="/members/${longestEmail?.id}"]`).first()).toBeVisible()
    },
  },
  {
    name: 'member detail (signed-in user)',
    open: async (page) => {
      await page.goto(`/members/${DEMO_ME_ID}`)
      await settled(page)
    },
  },
  {
    name: 'member detail (longest name)',
    open: async (page) => {
      await page.goto(`/members/${longestName?.id}`)
      await settled(page)
    },
  },
  {
    name: 'groups',
    open: async (page) => {
      await page.goto('/groups')
      await expect(page.locator('a[href^="/groups/"]').first()).toBeVisible()
      await settled(page)
    },
  },
  {
    name: 'group detail with guests',
    open: async (page) => {
      await page.goto(`/groups/${groupWithGuests?.id}`)
      await settled(page)
    },
  },
  {
    name: 'group detail with the longest description',
    open: async (page) => {
      await page.goto(`/groups/${longestDescription?.id}`)
      await settled(page)
    },
  },
  {
    name: 'empty group',
    open: async (page) => {
      await page.goto(`/groups/${emptyGroup?.id}`)
      await settled(page)
    },
  },
  {
    name: 'not found',
    open: async (page) => {
      await page.goto('/no-such-page/at-all')
      await settled(page)
    },
  },
]

test.describe('layout at 390 px', () => {
  test.use({ viewport: { width: 390, height: 844 } })

  test('the sign-in page does not scroll sideways', async ({ page }) => {
    await page.goto('/sign-in')
    await expect(page.getByRole('button', { name: 'Explore the demo organization' })).toBeVisible()
    expect(await horizontalOverflow(page)).toBeNull()
  })

  for (const target of pages) {
    test(`${target.name} does not scroll sideways`, async ({ page }) => {
      await openDemo(page, { members: DEMO_SIZE })
      await target.open(page)
      const overflow = await horizontalOverflow(page)
      expect(overflow, `${target.name}: ${overflow}`).toBeNull()
    })
  }
})

test('the theme toggle persists across a reload', async ({ page }) => {
  await openDemo(page, { members: DEMO_SIZE })
  await settled(page)
  const html = page.locator('html')
  const toggle = page.getByRole('button', { name: /theme/i })
  // The toggle cycles system → light → dark → system; stop on dark whatever it started from.
  for (let i = 0; i < 3 && (await html.getAttribute('data-theme')) !== 'dark'; i++) await toggle.click()
  await expect(html).toHaveAttribute('data-theme', 'dark')
  expect(await page.evaluate(() => localStorage.getItem('roster.theme'))).toBe('dark')

  await page.reload()
  await settled(page)
  await expect(html).toHaveAttribute('data-theme', 'dark')
  await expect(toggle).toBeVisible()
})
