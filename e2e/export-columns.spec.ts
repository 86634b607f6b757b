import { readFile } from 'node:fs/promises'
import type { Download, Page } from '@playwright/test'
import { createDemoOrg, FORMULA_NAME } from '../src/demo/data'
import { parseCsv } from '../src/test/csv-reader'
import { expect, openDemo, test } from './fixtures'

// "Export CSV" writes exactly the current view, and "Columns" hides columns for good (on this
// device). Both checked through what a person gets: the downloaded file, the table after a reload.

const demo = createDemoOrg({ members: 300 })
const formulaMember = demo.members.find((m) => m.last_name === FORMULA_NAME)!

const table = (page: Page) => page.getByRole('table', { name: /^Members/ })
const nameLinks = (page: Page) => table(page).locator('tbody a.member-name__link')

async function readDownload(download: Download): Promise<{ name: string; bytes: Buffer; rows: string[][] }> {
  const bytes = await readFile((await download.path())!)
  return {
    name: download.suggestedFilename(),
    bytes,
    rows: parseCsv(bytes.toString('utf8').replace(/^\uFEFF/, '')),
  }
}

const neutralised = (cell: string) => (/^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell)

test.describe('members export and columns', () => {
  // Tall enough that the virtualised table renders every row of the filtered view at once.
  test.use({ viewport: { width: 1440, height: 12_000 } })
  // Every row of a 150-row view is in the DOM at once; on a loaded machine that takes a while.
  test.describe.configure({ timeout: 120_000 })

  test('Export CSV downloads the filtered, sorted view, formulas neutralised', async ({
    page,
    pageErrors,
  }) => {
    await openDemo(page, { members: 300, path: '/members?role=standard&status=active&sort=-last_login' })
    await expect(page.getByText(/^Loading members/)).toHaveCount(0, { timeout: 30_000 })
    const countText = (await page.locator('.members-count').textContent()) ?? ''
    const shown = Number(/^([\d,]+) of/.exec(countText)?.[1]?.replace(/,/g, ''))
    expect(shown).toBeGreaterThan(100)
    await expect(nameLinks(page)).toHaveCount(shown)
    const names = await nameLinks(page).allTextContents()

    const downloading = page.waitForEvent('download')
    await page.getByRole('button', { name: 'Export CSV' }).click()
    const file = await readDownload(await downloading)

    expect(file.name).toMatch(/^roster-northwind-relay-members-\d{4}-\d{2}-\d{2}\.csv$/)
    expect([...file.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const [header, ...records] = file.rows
    expect(header).toEqual([
      'Name',
      'Email',
      'Role',
      'Status',
      'Job title',
      'Groups',
      'Last login',
      'Invited',
    ])
    expect(records).toHaveLength(shown)
    expect(records.map((r) => r[0])).toEqual(names.map(neutralised))
    expect(records.every((r) => r[2] === 'Standard' && r[3] === 'Active')).toBe(true)
    // Dates as ISO 8601, newest first, as the table is sorted.
    const logins = records.map((r) => r[6]).filter(Boolean) as string[]
    expect(logins.every((d) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/.test(d))).toBe(true)
    expect(logins.every((d, i) => i === 0 || (logins[i - 1] ?? '') >= d)).toBe(true)

    const hostile = records.find((r) => r[1] === formulaMember.email)!
    // The formula is the last name (so the name sorts among people); mid-cell, a spreadsheet reads it as text.
    expect(hostile[0]).toBe(`Formula ${FORMULA_NAME}`)
    expect(hostile[4]).toBe(`'${formulaMember.job_title}`)
    expect(pageErrors).toEqual([])
  })

  test('Columns hides a column with the keyboard, the choice survives a reload, and export follows it', async ({
    page,
  }) => {
    await openDemo(page, { members: 300 })
    await expect(page.getByText(/^Loading members/)).toHaveCount(0, { timeout: 30_000 })
    await expect(table(page).getByRole('columnheader', { name: /^Job title/ })).toBeVisible()

    const button = page.getByRole('button', { name: /^Columns/ })
    // Until its chunk lands, "Columns" is a disabled placeholder that focus and Enter pass by.
    await expect(button).toBeEnabled()
    await button.focus()
    await page.keyboard.press('Enter')
    const menu = page.getByRole('menu', { name: 'Columns' })
    await expect(menu).toBeVisible()
    // The name (and its picture) cannot be hidden, so the menu starts at Email.
    await expect(menu.getByRole('menuitemcheckbox')).toHaveText([
      'Email',
      'Role',
      'Status',
      'Job title',
      'Groups',
      'Last login',
      'Invited',
    ])
    await expect(menu.getByRole('menuitemcheckbox', { name: 'Email' })).toBeFocused()
    await page.keyboard.press('End')
    await page.keyboard.press('ArrowUp')
    await page.keyboard.press('ArrowUp')
    await page.keyboard.press('ArrowUp')
    await expect(menu.getByRole('menuitemcheckbox', { name: 'Job title' })).toBeFocused()
    await page.keyboard.press('Space')
    await expect(menu.getByRole('menuitemcheckbox', { name: 'Job title' })).toHaveAttribute(
      'aria-checked',
      'false',
    )
    await expect(table(page).getByRole('columnheader', { name: /^Job title/ })).toHaveCount(0)
    await page.keyboard.press('Escape')
    await expect(menu).toHaveCount(0)
    await expect(button).toBeFocused()
    await expect(button).toHaveAccessibleName(/1 hidden/)

    const stored = await page.evaluate(() =>
      Object.fromEntries(
        Object.keys(localStorage)
          .filter((k) => k.startsWith('roster.columns.'))
          .map((k) => [k, localStorage.getItem(k)]),
      ),
    )
    expect(Object.values(stored)).toEqual(['["job_title"]'])

    await page.reload()
    await expect(table(page).getByRole('columnheader', { name: /^Email/ })).toBeVisible()
    await expect(table(page).getByRole('columnheader', { name: /^Job title/ })).toHaveCount(0)
    await expect(page.getByText(/^Loading members/)).toHaveCount(0)

    const downloading = page.waitForEvent('download')
    await page.getByRole('button', { name: 'Export CSV' }).click()
    const file = await readDownload(await downloading)
    expect(file.rows[0]).toEqual(['Name', 'Email', 'Role', 'Status', 'Groups', 'Last login', 'Invited'])

    // And back: Enter toggles and closes the menu.
    await button.click()
    await menu.getByRole('menuitemcheckbox', { name: 'Job title' }).focus()
    await page.keyboard.press('Enter')
    await expect(menu).toHaveCount(0)
    await expect(table(page).getByRole('columnheader', { name: /^Job title/ })).toBeVisible()
  })
})

test.describe('sorted by a hidden column', () => {
  test.use({ viewport: { width: 1440, height: 12_000 } })
  test.describe.configure({ timeout: 120_000 })

  test('hiding the column the list is sorted by keeps its order, in the table and the file', async ({
    page,
    pageErrors,
  }) => {
    await openDemo(page, { members: 300, path: '/members?role=standard&sort=-job_title' })
    await expect(page.getByText(/^Loading members/)).toHaveCount(0, { timeout: 30_000 })
    const exportCsv = async () => {
      const downloading = page.waitForEvent('download')
      await page.getByRole('button', { name: 'Export CSV' }).click()
      return (await readDownload(await downloading)).rows
    }
    const [shownHeader, ...shownRecords] = await exportCsv()
    const titleAt = shownHeader!.indexOf('Job title')
    const titles = shownRecords.map((r) => r[titleAt] ?? '').filter(Boolean)
    // The view really is in job-title order (descending), not the directory's.
    expect(new Set(titles).size).toBeGreaterThan(3)
    // Sorted by it: each title in one run, so as many runs as distinct titles.
    const runs = titles.filter((t, i) => i === 0 || t !== titles[i - 1]).length
    expect(runs).toBe(new Set(titles).size)
    const namesInOrder = await nameLinks(page).allTextContents()

    const button = page.getByRole('button', { name: /^Columns/ })
    await expect(button).toBeEnabled()
    await button.click()
    await page
      .getByRole('menu', { name: 'Columns' })
      .getByRole('menuitemcheckbox', { name: 'Job title' })
      .click()
    await page.keyboard.press('Escape')
    await expect(table(page).getByRole('columnheader', { name: /^Job title/ })).toHaveCount(0)
    await expect(page).toHaveURL(/sort=-job_title/)
    await expect(table(page)).toHaveAccessibleName(/sorted by Job title, descending/)
    // The table keeps the order the URL names...
    await expect(nameLinks(page)).toHaveText(namesInOrder)

    // ...and so does the file, without the hidden column.
    const [hiddenHeader, ...hiddenRecords] = await exportCsv()
    expect(hiddenHeader).toEqual(shownHeader!.filter((h) => h !== 'Job title'))
    const emailAt = shownHeader!.indexOf('Email')
    expect(hiddenRecords.map((r) => r[hiddenHeader!.indexOf('Email')])).toEqual(
      shownRecords.map((r) => r[emailAt]),
    )
    expect(pageErrors).toEqual([])
  })
})

/** The number a list's toolbar says it shows: "12 groups" or "3 of 12 groups". */
async function shownCount(page: Page): Promise<number> {
  const text = (await page.locator('.list-toolbar__count').textContent()) ?? ''
  return Number(/^([\d,]+)/.exec(text)?.[1]?.replace(/,/g, ''))
}

test.describe('every list exports its view', () => {
  test('Export CSV on groups, guests and a group’s members writes the rows and columns shown', async ({
    page,
    pageErrors,
  }) => {
    const group = demo.groups.reduce((most, g) => (g.members.length > most.members.length ? g : most))
    const lists = [
      {
        path: '/groups?q=a&sort=-name',
        table: 'Groups',
        file: /^roster-northwind-relay-groups-\d{4}-\d{2}-\d{2}\.csv$/,
        header: ['Name', 'Description', 'Members', 'Guests', 'Last updated'],
      },
      {
        path: '/guests?sort=-name',
        table: 'Guests',
        file: /^roster-northwind-relay-guests-\d{4}-\d{2}-\d{2}\.csv$/,
        header: ['Name', 'Email', 'Company', 'Status', 'Last accessed', 'Groups'],
      },
      {
        path: `/groups/${group.id}?sort=-name`,
        table: 'Members of this group',
        file: /^roster-northwind-relay-[a-z0-9-]+-members-\d{4}-\d{2}-\d{2}\.csv$/,
        header: ['Name', 'Email', 'Role', 'Status'],
      },
    ]
    await openDemo(page, { members: 300 })
    for (const list of lists) {
      await page.goto(list.path)
      const grid = page.getByRole('table', { name: new RegExp(`^${list.table},`) })
      await expect(grid.locator('tbody tr').first()).toBeVisible()
      // Sorted by name descending, so the file must follow the table's order, not the data's.
      await expect(grid).toHaveAccessibleName(/sorted by Name, descending/)
      await expect(page.getByRole('button', { name: 'Export CSV' })).toBeEnabled()
      const shown = await shownCount(page)
      expect(shown, list.path).toBeGreaterThan(1)
      await expect(grid).toHaveAttribute('aria-rowcount', String(shown + 1))
      const firstName = await grid
        .locator('tbody tr')
        .first()
        .locator('td.data-table__cell--name a')
        .first()
        .textContent()

      const downloading = page.waitForEvent('download')
      await page.getByRole('button', { name: 'Export CSV' }).click()
      const file = await readDownload(await downloading)

      expect(file.name, list.path).toMatch(list.file)
      expect([...file.bytes.subarray(0, 3)], list.path).toEqual([0xef, 0xbb, 0xbf])
      const [header, ...records] = file.rows
      expect(header, list.path).toEqual(list.header)
      expect(records, list.path).toHaveLength(shown)
      expect(records[0]?.[0], list.path).toBe(neutralised(firstName ?? ''))
    }
    expect(pageErrors).toEqual([])
  })
})
