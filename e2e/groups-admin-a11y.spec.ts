import type { Page } from '@playwright/test'
import { createDemoOrg } from '../src/demo/data'
import { audit } from './axe'
import { expect, openDemo, test } from './fixtures'

// axe (WCAG 2.1 AA) on every form, dialog and notice of group administration, light and dark, at
// desktop and phone widths; the same states are photographed into test-results/ to be looked at
// (the ones worth keeping are copied to docs/screenshots/).

const demo = createDemoOrg({ members: 300 })
const group = demo.groups.find(
  (g) => g.members.length > 2 && g.guests.length > 0 && g.logo?.startsWith('data:'),
)!
const searchable = demo.members.find((m) => m.status === 'active' && !group.members.includes(m.id))!

const viewports = [
  { label: '1440', width: 1440, height: 900 },
  { label: '390', width: 390, height: 844 },
]
const schemes = ['light', 'dark'] as const

async function shoot(page: Page, name: string) {
  await page.screenshot({ path: test.info().outputPath(`${name}.png`) })
}

for (const viewport of viewports) {
  test(`group administration has no axe violations, light and dark, at ${viewport.label}px`, async ({
    page,
  }) => {
    test.setTimeout(180_000)
    await page.setViewportSize({ width: viewport.width, height: viewport.height })
    await openDemo(page, { members: 300 })
    const problems: string[] = []
    const check = async (state: string) => {
      for (const scheme of schemes) {
        await page.emulateMedia({ colorScheme: scheme })
        problems.push(...(await audit(page, `${state}, ${scheme}, ${viewport.label}`)))
        await shoot(page, `${state}-${viewport.label}-${scheme}`)
      }
    }

    await page.getByRole('navigation').getByRole('link', { name: 'Groups' }).click()
    await page.getByRole('button', { name: 'New group' }).click()
    const form = page.getByRole('dialog', { name: 'New group' })
    await expect(form.getByLabel('Name')).toBeFocused()
    await check('group-form')
    await form.getByLabel('Name').fill(group.name)
    await form.getByLabel('Description').fill('Duplicate on purpose')
    await form.getByRole('button', { name: 'Create group' }).click()
    await expect(form.getByText('The name has already been taken.')).toBeVisible()
    await check('group-form-error')
    await form.getByRole('button', { name: 'Cancel' }).click()

    await page.getByRole('link', { name: group.name, exact: true }).click()
    await expect(page.getByRole('heading', { level: 1, name: group.name })).toBeVisible()
    await expect(page.getByRole('table', { name: /members of this group/i })).toBeVisible()
    const combobox = page.getByRole('combobox', { name: 'Add member' })
    await combobox.fill(searchable.first_name.slice(0, 2))
    await combobox.press('ArrowDown')
    await expect(page.getByRole('listbox')).toBeVisible()
    await check('add-member-combobox')
    await combobox.press('Escape')

    const guest = group.guests[0]!
    await page.getByRole('button', { name: `Remove ${guest}` }).click()
    const notice = page.getByRole('status', { name: 'Notifications' }).locator('.notice', { hasText: guest })
    await expect(notice.getByRole('button', { name: 'Undo' })).toBeVisible()
    // Hovering pauses the clock, so the notice stays while it is checked and photographed.
    await notice.hover()
    await check('undo-notice')
    await notice.getByRole('button', { name: 'Undo' }).click()
    await expect(page.getByRole('button', { name: `Remove ${guest}` })).toBeVisible()

    await page.getByRole('button', { name: 'Edit group' }).click()
    await check('edit-group-form')
    await page.keyboard.press('Escape')
    await expect(page.getByRole('button', { name: 'Edit group' })).toBeFocused()

    await page.getByRole('button', { name: 'Delete group' }).click()
    await expect(page.getByRole('alertdialog', { name: `Delete ${group.name}?` })).toBeVisible()
    await check('delete-dialog')
    await page.getByRole('button', { name: 'Cancel' }).click()
    await expect(page.getByRole('button', { name: 'Delete group' })).toBeFocused()

    await page.getByRole('button', { name: 'Remove logo' }).click()
    await expect(page.getByRole('alertdialog', { name: 'Remove the logo?' })).toBeVisible()
    await check('remove-logo-dialog')
    await page.getByRole('button', { name: 'Cancel' }).click()
    await expect(page.getByRole('button', { name: 'Remove logo' })).toBeFocused()

    const guestField = page.getByLabel('Guest email')
    await guestField.fill('not an email')
    await page.getByRole('button', { name: 'Add guest' }).click()
    await expect(guestField).toHaveAttribute('aria-invalid', 'true')
    await expect(guestField).toHaveAccessibleDescription(/is not an email address/)
    await check('guest-email-error')

    expect(problems, problems.join('\n')).toEqual([])
  })
}

type Box = { x: number; y: number; width: number; height: number }
const overlaps = (a: Box | null, b: Box | null) =>
  !!a && !!b && a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height

test('at 390 px group names break between words, and a notice leaves the controls clear', async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 })
  await openDemo(page, { members: 300 })
  await page.getByRole('navigation').getByRole('link', { name: 'Groups' }).click()
  const names = page.getByRole('table', { name: /groups/i }).getByRole('link')
  await expect(names.first()).toBeVisible()
  // Each word of each name on one line ("Engineerin g" is not), unless the word alone is wider than
  // the cell; a hyphen ("Cross-functional") is a place to break like a space.
  const split = await names.evaluateAll((links) =>
    links.flatMap((link) => {
      const text = link.firstChild
      if (!(text instanceof Text)) return []
      const cell = link.getBoundingClientRect().width
      const out: string[] = []
      for (const match of text.data.matchAll(/[^\s\-‐–—]+/g)) {
        const range = document.createRange()
        range.setStart(text, match.index)
        range.setEnd(text, match.index + match[0].length)
        const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top)))
        if (lines.size > 1 && range.getBoundingClientRect().width < cell)
          out.push(`${link.textContent}: ${match[0]}`)
      }
      return out
    }),
  )
  expect(split).toEqual([])

  await page.getByRole('link', { name: group.name, exact: true }).click()
  await expect(page.getByRole('heading', { level: 1, name: group.name })).toBeVisible()
  const addGuest = page.getByRole('button', { name: 'Add guest' })
  // Add guest at the very bottom of the screen, where the notice appears.
  await addGuest.evaluate((b) =>
    window.scrollBy(0, b.getBoundingClientRect().bottom - window.innerHeight + 16),
  )
  await page.getByLabel('Guest email').fill('layout.check@client.example')
  await addGuest.click()
  const notice = page.getByRole('status', { name: 'Notifications' }).locator('.notice').first()
  await expect(notice).toBeVisible()
  await expect
    .poll(async () => overlaps(await addGuest.boundingBox(), await notice.boundingBox()))
    .toBe(false)
  // There is room below the page: its last control scrolls clear of the notice too.
  await notice.hover()
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight))
  const lastRemove = page.getByRole('button', { name: /^Remove / }).last()
  expect(overlaps(await lastRemove.boundingBox(), await notice.boundingBox())).toBe(false)
})
