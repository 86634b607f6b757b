import { act, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { credentialStore } from '../../api/credentials'
import { memberQueries } from '../../api/members/queries'
import type { MemberDirectory } from '../../api/types'
import { CSV_BOM } from '../../lib/csv'
import { completeDirectory, makeMember } from '../../test/member-factory'
import { createTestQueryClient, renderPage, TEST_ORG_ID } from '../../test/render-page'
import { loadLater, Component as MembersRoute } from './members-route'

const orgId = TEST_ORG_ID
const members = [
  makeMember({ id: 1, fullName: 'Mateo Álvarez', role: 'admin' }),
  makeMember({ id: 2, fullName: 'Zoë Ångström', status: 'invited' }),
  makeMember({ id: 3, fullName: 'Ann Smith', role: 'light' }),
  makeMember({ id: 4, fullName: 'Bob Baker', email: null }),
  makeMember({ id: 5, fullName: 'Cleo Smith' }),
]

function renderMembers(directory: MemberDirectory = completeDirectory(members), path = '/members') {
  const queryClient = createTestQueryClient()
  queryClient.setQueryData(memberQueries.directory(orgId).queryKey, directory)
  return renderPage(
    { '/members': <MembersRoute />, '/members/:memberId': <h1>Member page</h1> },
    { path, queryClient },
  )
}

const box = (name: string) => screen.getByRole('checkbox', { name: `Select ${name}` })
const selectAll = () => screen.getByRole('checkbox', { name: 'Select all shown' })
const checkedNames = () =>
  screen
    .getAllByRole('checkbox')
    .filter((b) => (b as HTMLInputElement).checked && b.getAttribute('aria-label') !== 'Select all shown')
    .map((b) => b.getAttribute('aria-label')?.replace(/^Select /, ''))
const bar = () => screen.findByRole('toolbar', { name: 'Selected members' })

// The page's later chunk and the bar's code here before any test renders (in the browser the bar's
// code is fetched on the first hover of a checkbox); e2e/selection.spec.ts covers the fetch.
beforeAll(async () => {
  const later = await loadLater()
  await later.memberSelectionBar.preload()
})
beforeEach(() => {
  credentialStore.set({ orgId, token: 'test-token', demo: false }, { remember: false })
})
afterEach(() => credentialStore.clear())

describe('selecting members', () => {
  it('names each row’s checkbox after the member, and shows the bar only while someone is selected', async () => {
    const user = userEvent.setup()
    renderMembers()
    expect(box('Mateo Álvarez')).not.toBeChecked()
    expect(selectAll()).not.toBeChecked()
    expect(screen.queryByRole('toolbar')).not.toBeInTheDocument()

    await user.click(box('Ann Smith'))
    expect(box('Ann Smith')).toBeChecked()
    const toolbar = await bar()
    expect(within(toolbar).getByText('1 selected')).toBeInTheDocument()
    // Some of the shown rows: the header checkbox is mixed.
    expect(selectAll()).toBePartiallyChecked()
    expect(within(toolbar).getByRole('button', { name: 'Export selected' })).toBeInTheDocument()

    await user.click(box('Ann Smith'))
    expect(screen.queryByRole('toolbar')).not.toBeInTheDocument()
    expect(selectAll()).not.toBePartiallyChecked()
  })

  it('"Select all shown" selects every member the search matches and nobody else; the bar counts the hidden ones', async () => {
    const user = userEvent.setup()
    const { router } = renderMembers(completeDirectory(members), '/members?q=smith')
    await user.click(selectAll())
    expect(selectAll()).toBeChecked()
    expect(checkedNames()).toEqual(['Ann Smith', 'Cleo Smith'])
    expect(within(await bar()).getByText('2 selected')).toBeInTheDocument()
    expect(screen.queryByText(/hidden by/)).not.toBeInTheDocument()

    // Another search: the two are still selected (held by ID), hidden by the search now.
    await act(() => router.navigate('/members?q=bob'))
    expect(await screen.findByText('2 hidden by the search')).toBeInTheDocument()
    expect(selectAll()).not.toBeChecked()
    expect(selectAll()).not.toBePartiallyChecked()

    // Everyone shown: the header is mixed, nothing is hidden.
    await act(() => router.navigate('/members'))
    await waitFor(() => expect(selectAll()).toBePartiallyChecked())
    expect(checkedNames()).toEqual(['Ann Smith', 'Cleo Smith'])
    expect(screen.queryByText(/hidden by/)).not.toBeInTheDocument()

    // All shown selected: clicking again unselects the shown ones only.
    await act(() => router.navigate('/members?q=ann'))
    await waitFor(() => expect(selectAll()).toBeChecked())
    await user.click(selectAll())
    expect(within(await bar()).getByText('1 selected')).toBeInTheDocument()
    expect(screen.getByText('1 hidden by the search')).toBeInTheDocument()
  })

  it('says the filters hide people when a filter does', async () => {
    const user = userEvent.setup()
    renderMembers()
    await user.click(box('Zoë Ångström'))
    await user.click(box('Ann Smith'))
    await user.selectOptions(screen.getByRole('combobox', { name: 'Status' }), 'invited')
    expect(await screen.findByText('1 hidden by the filters')).toBeInTheDocument()
    await user.type(screen.getByRole('searchbox', { name: 'Search members' }), 'zz')
    expect(await screen.findByText('2 hidden by the search and filters')).toBeInTheDocument()
  })

  it('selects every filtered member with "Select all shown", not only the rows on screen', async () => {
    const user = userEvent.setup()
    const many = Array.from({ length: 600 }, (_, i) =>
      makeMember({
        id: i + 1,
        fullName: `Person ${String(i + 1).padStart(3, '0')}`,
        role: i % 3 ? 'standard' : 'light',
      }),
    )
    renderMembers(completeDirectory(many), '/members?role=light')
    // Only a window of the 200 rows is rendered.
    expect(screen.getAllByRole('checkbox').length).toBeLessThan(100)
    await user.click(selectAll())
    expect(within(await bar()).getByText('200 selected')).toBeInTheDocument()
    expect(selectAll()).toBeChecked()
  })

  it('Shift+click selects the range from the last row clicked in the current order, then unselects one', async () => {
    const user = userEvent.setup()
    const { router } = renderMembers()
    // By name: Ann Smith, Bob Baker, Cleo Smith, Mateo Álvarez, Zoë Ångström
    await user.click(box('Bob Baker'))
    await user.keyboard('{Shift>}')
    await user.click(box('Mateo Álvarez'))
    await user.keyboard('{/Shift}')
    expect(checkedNames()).toEqual(['Bob Baker', 'Cleo Smith', 'Mateo Álvarez'])
    expect(within(await bar()).getByText('3 selected')).toBeInTheDocument()

    // Shift+click on a selected row unselects the range up to it.
    await user.keyboard('{Shift>}')
    await user.click(box('Cleo Smith'))
    await user.keyboard('{/Shift}')
    expect(checkedNames()).toEqual(['Bob Baker'])

    // The same people after a sort by name descending, and a range taken in that order.
    await user.click(box('Zoë Ångström'))
    await act(() => router.navigate('/members?sort=-name'))
    await waitFor(() =>
      expect(screen.getAllByRole('checkbox')[1]).toHaveAccessibleName('Select Zoë Ångström'),
    )
    expect(checkedNames()).toEqual(['Zoë Ångström', 'Bob Baker'])
    await user.keyboard('{Shift>}')
    await user.click(box('Cleo Smith'))
    await user.keyboard('{/Shift}')
    expect(checkedNames()).toEqual(['Zoë Ångström', 'Mateo Álvarez', 'Cleo Smith', 'Bob Baker'])
  })

  it('the selection survives a sort by a column header', async () => {
    const user = userEvent.setup()
    renderMembers()
    await user.click(box('Ann Smith'))
    await user.click(box('Zoë Ångström'))
    await user.click(screen.getByRole('button', { name: /^Name/ }))
    await waitFor(() =>
      expect(screen.getAllByRole('checkbox')[1]).toHaveAccessibleName('Select Zoë Ångström'),
    )
    expect(checkedNames()).toEqual(['Zoë Ångström', 'Ann Smith'])
    expect(within(await bar()).getByText('2 selected')).toBeInTheDocument()
  })

  it('Space toggles the row whose name link has focus, and Enter still opens it', async () => {
    const user = userEvent.setup()
    renderMembers()
    const link = screen.getByRole('link', { name: 'Cleo Smith' })
    link.focus()
    await user.keyboard(' ')
    expect(box('Cleo Smith')).toBeChecked()
    expect(link).toHaveFocus()
    await user.keyboard(' ')
    expect(box('Cleo Smith')).not.toBeChecked()
    // On the checkbox itself Space is the browser's own.
    box('Ann Smith').focus()
    await user.keyboard(' ')
    expect(box('Ann Smith')).toBeChecked()
    link.focus()
    await user.keyboard('{Enter}')
    expect(await screen.findByRole('heading', { name: 'Member page' })).toBeInTheDocument()
  })

  it('"Clear selection" unselects everyone, hidden or not, and puts focus on "Select all shown"', async () => {
    const user = userEvent.setup()
    const { router } = renderMembers()
    await user.click(box('Ann Smith'))
    await user.click(box('Bob Baker'))
    await act(() => router.navigate('/members?q=ann'))
    const toolbar = await bar()
    expect(within(toolbar).getByText('1 hidden by the search')).toBeInTheDocument()
    await user.click(within(toolbar).getByRole('button', { name: 'Clear selection' }))
    expect(screen.queryByRole('toolbar')).not.toBeInTheDocument()
    expect(selectAll()).toHaveFocus()
    await act(() => router.navigate('/members'))
    await waitFor(() => expect(screen.getAllByRole('checkbox')).toHaveLength(members.length + 1))
    expect(checkedNames()).toEqual([])
  })

  it('keeps the selection while the session lasts (leaving the page and coming back), and drops it at sign-out', async () => {
    const user = userEvent.setup()
    const first = renderMembers()
    await user.click(box('Ann Smith'))
    await act(() => first.router.navigate('/members/3'))
    await act(() => first.router.navigate('/members'))
    expect(await screen.findByRole('checkbox', { name: 'Select Ann Smith' })).toBeChecked()
    expect(within(await bar()).getByText('1 selected')).toBeInTheDocument()

    act(() => credentialStore.clear())
    expect(box('Ann Smith')).not.toBeChecked()
    expect(screen.queryByRole('toolbar')).not.toBeInTheDocument()
  })

  it('"Export selected" writes the selected members, hidden ones included, in the table’s order with its columns', async () => {
    const user = userEvent.setup()
    const blobs: Blob[] = []
    const createObjectURL = vi.fn<(blob: Blob) => string>((blob) => {
      blobs.push(blob)
      return 'blob:selected'
    })
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn<() => void>() }))
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {})
    try {
      const { router } = renderMembers(completeDirectory(members), '/members?sort=-name')
      await user.click(box('Ann Smith'))
      await user.click(box('Mateo Álvarez'))
      await act(() => router.navigate('/members?sort=-name&q=ann'))
      await user.click(within(await bar()).getByRole('button', { name: 'Export selected' }))
      await waitFor(() => expect(blobs).toHaveLength(1))
      const text = await blobs[0]!.text()
      const lines = text.replace(CSV_BOM, '').split('\r\n')
      expect(lines[0]).toBe('Name,Email,Role,Status,Job title,Groups,Last login,Invited')
      expect(lines.slice(1, -1).map((line) => line.split(',')[0])).toEqual(['Mateo Álvarez', 'Ann Smith'])
      expect(click).toHaveBeenCalledTimes(1)
    } finally {
      click.mockRestore()
      vi.unstubAllGlobals()
    }
  })
})
