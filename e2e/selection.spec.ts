import { readFile } from 'node:fs/promises'
import type { Locator, Page } from '@playwright/test'
import { parseCsv } from '../src/test/csv-reader'
import { audit } from './axe'
import { expect, openDemo, test } from './fixtures'

// Selecting people (issue #21) in the production build over the browser demo: checkboxes, Shift+click
// ranges, "Select all shown" over a search, a selection that survives sorting and searching, "Clear
// selection", the bar's code fetched only once someone is about to select, and axe on the bar.

const membersTable = (page: Page) => page.getByRole('table', { name: /^Members/ })
const rowBoxes = (table: Locator) => table.locator('tbody').getByRole('checkbox')
const selectAll = (page: Page) => page.getByRole('checkbox', { name: 'Select all shown' })
const membersBar = (page: Page) => page.getByRole('toolbar', { name: 'Selected members' })

/** The names of the checked rows on screen, in the order shown. */
async function checkedNames(table: Locator): Promise<string[]> {
  return rowBoxes(table).evaluateAll((boxes) =>
    boxes
      .filter((box) => (box as HTMLInputElement).checked)
      .map((box) => box.getAttribute('aria-label')?.replace(/^Select /, '') ?? ''),
  )
}

async function shownCount(page: Page): Promise<number> {
  const text = (await page.locator('.members-count').textContent()) ?? ''
  return Number(/^([\d,]+)/.exec(text)?.[1]?.replace(/,/g, ''))
}

test.describe('selecting members', () => {
  test('checkboxes, a Shift+click range, select all shown over a search, sort and search kept, clear', async ({
    page,
  }) => {
    const barChunks: string[] = []
    page.on('request', (request) => {
      if (/member-selection-bar-[\w-]+\.js$/.test(request.url())) barChunks.push(request.url())
    })
    await openDemo(page, { members: 300 })
    const table = membersTable(page)
    await expect(page.getByText(/^Loading members/)).toHaveCount(0, { timeout: 30_000 })
    await expect(rowBoxes(table).first()).toBeVisible()
    // The bar's code is not part of the page until someone is about to select.
    expect(barChunks).toEqual([])

    // A row's checkbox is named after the member, as the Name cell shows them.
    const names = await table.locator('tbody a.member-name__link').allTextContents()
    const box = (name: string) => page.getByRole('checkbox', { name: `Select ${name}`, exact: true })
    await expect(box(names[1]!)).toBeVisible()

    await box(names[1]!).click()
    await expect(membersBar(page)).toContainText('1 selected')
    expect(barChunks).toHaveLength(1)
    await expect(selectAll(page)).toBeChecked({ indeterminate: true })

    // Shift+click: the range from the last row clicked, in the order on screen.
    await box(names[4]!).click({ modifiers: ['Shift'] })
    expect(await checkedNames(table)).toEqual(names.slice(1, 5))
    await expect(membersBar(page)).toContainText('4 selected')

    // The same people after a sort by Email: held by ID, wherever their rows are now.
    await page
      .getByRole('columnheader')
      .getByRole('button', { name: /^Email/ })
      .click()
    await expect(page).toHaveURL(/sort=email/)
    await expect(membersBar(page)).toContainText('4 selected')
    for (const name of names.slice(1, 5)) {
      await page.getByRole('searchbox', { name: 'Search members' }).fill(name)
      await expect(box(name).first()).toBeChecked()
    }
    await page.getByRole('searchbox', { name: 'Search members' }).fill('')

    await membersBar(page).getByRole('button', { name: 'Clear selection' }).click()
    await expect(membersBar(page)).toHaveCount(0)
    await expect(selectAll(page)).toBeFocused()
    await expect(selectAll(page)).not.toBeChecked()

    // Select all shown over a search: every match (not only the rows on screen) and nobody else.
    await page.getByRole('searchbox', { name: 'Search members' }).fill('an')
    await expect(page.locator('.members-count')).toContainText(' of ')
    const matches = await shownCount(page)
    expect(matches).toBeGreaterThan(20)
    await selectAll(page).click()
    await expect(membersBar(page)).toContainText(`${matches} selected`)
    await expect(selectAll(page)).toBeChecked()
    await expect(membersBar(page)).not.toContainText('hidden')

    // Another search hides them; the bar says how many.
    await page.getByRole('searchbox', { name: 'Search members' }).fill('zzzz')
    await expect(membersBar(page)).toContainText(`${matches} hidden by the search`)
    // Everyone again: the header is mixed, none are hidden.
    await page.getByRole('searchbox', { name: 'Search members' }).fill('')
    await expect(selectAll(page)).toBeChecked({ indeterminate: true })
    await expect(membersBar(page)).toContainText(`${matches} selected`)
    await expect(membersBar(page)).not.toContainText('hidden')

    // Space on a focused name link toggles its row; the link keeps focus.
    await page.getByRole('searchbox', { name: 'Search members' }).fill('')
    const unselected = (
      await rowBoxes(table).evaluateAll((boxes) =>
        boxes
          .filter((b) => !(b as HTMLInputElement).checked)
          .map((b) => b.getAttribute('aria-label')!.replace(/^Select /, '')),
      )
    )[0]!
    const link = table.getByRole('link', { name: unselected, exact: true }).first()
    await link.focus()
    await page.keyboard.press('Space')
    await expect(box(unselected).first()).toBeChecked()
    await expect(link).toBeFocused()
    await expect(membersBar(page)).toContainText(`${matches + 1} selected`)
  })

  test('the selection is kept when leaving /members and coming back, and ends with the session', async ({
    page,
  }) => {
    await openDemo(page, { members: 300 })
    const table = membersTable(page)
    await rowBoxes(table).nth(2).check()
    const name = (await rowBoxes(table).nth(2).getAttribute('aria-label'))!.replace(/^Select /, '')
    await page.getByRole('navigation').getByRole('link', { name: 'Groups' }).click()
    await expect(page).toHaveURL(/\/groups/)
    await page.getByRole('navigation').getByRole('link', { name: 'Members' }).click()
    await expect(page.getByRole('checkbox', { name: `Select ${name}`, exact: true })).toBeChecked()
    await expect(membersBar(page)).toContainText('1 selected')

    await page.getByRole('button', { name: 'Sign out' }).click()
    await page.getByRole('button', { name: 'Explore the demo organization' }).click()
    await expect(rowBoxes(membersTable(page)).first()).toBeVisible()
    await expect(membersBar(page)).toHaveCount(0)
    await expect(selectAll(page)).not.toBeChecked()
  })

  for (const viewport of [
    { label: 'desktop', width: 1440, height: 900 },
    { label: 'phone', width: 390, height: 844 },
  ]) {
    test(`axe finds nothing on the bars, light and dark, ${viewport.label}`, async ({ page }) => {
      // Four axe runs over a page of rows; a loaded machine takes its time.
      test.setTimeout(120_000)
      await page.setViewportSize({ width: viewport.width, height: viewport.height })
      await openDemo(page, { members: 300, path: '/members?q=an' })
      const problems: string[] = []
      await rowBoxes(membersTable(page)).nth(1).check()
      await page.getByRole('searchbox', { name: 'Search members' }).fill('anna')
      await expect(membersBar(page)).toContainText('hidden by the search')
      for (const scheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme: scheme })
        problems.push(...(await audit(page, `members bar, ${scheme}, ${viewport.label}`)))
      }
      // Nothing scrolls sideways with the bar on screen.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        viewport.width,
      )
      // The bar is within the window (held at its bottom), not below the fold.
      const bar = await membersBar(page).boundingBox()
      expect(bar && bar.y + bar.height <= viewport.height && bar.x >= 0).toBe(true)

      await page.getByRole('navigation').getByRole('link', { name: 'Guests' }).click()
      await expect(rowBoxes(page.getByRole('table', { name: /^Guests/ })).first()).toBeVisible()
      await selectAll(page).click()
      await expect(page.getByRole('toolbar', { name: 'Selected guests' })).toContainText('selected')
      for (const scheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme: scheme })
        problems.push(...(await audit(page, `guests bar, ${scheme}, ${viewport.label}`)))
      }
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        viewport.width,
      )
      expect(problems).toEqual([])
    })
  }
})

test.describe('selecting guests', () => {
  test('select all shown over a search, then Export selected writes exactly them in the table’s order', async ({
    page,
  }) => {
    await openDemo(page, { path: '/guests?q=example&sort=-email' })
    const table = page.getByRole('table', { name: /^Guests/ })
    await expect(rowBoxes(table).first()).toBeVisible()
    const emails = await table.locator('tbody td.data-table__cell--email').allTextContents()
    await rowBoxes(table).nth(0).check()
    await rowBoxes(table)
      .nth(2)
      .click({ modifiers: ['Shift'] })
    const bar = page.getByRole('toolbar', { name: 'Selected guests' })
    await expect(bar).toContainText('3 selected')

    // A search that hides one of them: the export still has all three, in the table's order.
    await page.getByRole('searchbox', { name: 'Search guests' }).fill(emails[1]!)
    await expect(bar).toContainText('2 hidden by the search')
    const downloading = page.waitForEvent('download')
    await bar.getByRole('button', { name: 'Export selected' }).click()
    const download = await downloading
    expect(download.suggestedFilename()).toMatch(/^roster-.+-selected-guests-\d{4}-\d{2}-\d{2}\.csv$/)
    const rows = parseCsv((await readFile((await download.path())!)).toString('utf8').replace(/^\uFEFF/, ''))
    expect(rows[0]).toEqual(['Name', 'Email', 'Company', 'Status', 'Last accessed', 'Groups'])
    expect(rows.slice(1).map((row) => row[1])).toEqual(emails.slice(0, 3))

    await bar.getByRole('button', { name: 'Clear selection' }).click()
    await expect(bar).toHaveCount(0)
    await expect(selectAll(page)).toBeFocused()
  })
})
