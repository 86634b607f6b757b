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

    expect(problems, problems.join('\n')).toEqual([])
  })
}
