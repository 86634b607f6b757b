import { act, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { credentialStore } from '../../api/credentials'
import { groupQueries } from '../../api/groups/queries'
import { parseGuest } from '../../api/guests/schema'
import { guestQueries } from '../../api/guests/queries'
import { CSV_BOM } from '../../lib/csv'
import { createTestQueryClient, renderPage, TEST_ORG_ID } from '../../test/render-page'
import { Component as GuestsRoute } from './guests-route'

const orgId = TEST_ORG_ID
const guests = [
  parseGuest({ data: { email: 'ana@client.example', first_name: 'Ana', last_name: 'Silva' } }),
  parseGuest({ data: { email: 'bo@client.example' } }),
  parseGuest({
    data: { email: 'cy@other.example', first_name: 'Cy', details: { disabled_at: '2026-01-01T00:00:00Z' } },
  }),
]

function renderGuests(path = '/guests') {
  const queryClient = createTestQueryClient()
  queryClient.setQueryData(guestQueries.list(orgId).queryKey, guests)
  queryClient.setQueryData(groupQueries.list(orgId).queryKey, [])
  return renderPage({ '/guests': <GuestsRoute /> }, { path, queryClient })
}

const box = (name: string) => screen.getByRole('checkbox', { name: `Select ${name}` })
const selectAll = () => screen.getByRole('checkbox', { name: 'Select all shown' })
const bar = () => screen.findByRole('toolbar', { name: 'Selected guests' })

// The bar's code here before the tests render (the browser fetches it on the first hover).
beforeAll(() => import('./guest-selection-bar'))
beforeEach(() => {
  credentialStore.set({ orgId, token: 'test-token', demo: false }, { remember: false })
})
afterEach(() => credentialStore.clear())

describe('selecting guests', () => {
  it('names each checkbox after the name the row shows (the email when there is none)', async () => {
    const user = userEvent.setup()
    renderGuests()
    await user.click(box('Ana Silva'))
    await user.click(box('bo@client.example'))
    const toolbar = await bar()
    expect(within(toolbar).getByText('2 selected')).toBeInTheDocument()
    expect(selectAll()).toBePartiallyChecked()
    // Guests get "Export selected" and "Clear selection" only, for now.
    expect(
      within(toolbar)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['Clear selection', 'Export selected'])
  })

  it('"Select all shown" takes the search’s matches; the bar counts the ones a later search hides', async () => {
    const user = userEvent.setup()
    const { router } = renderGuests('/guests?q=client')
    await user.click(selectAll())
    expect(selectAll()).toBeChecked()
    expect(within(await bar()).getByText('2 selected')).toBeInTheDocument()
    await act(() => router.navigate('/guests?q=ana'))
    expect(await screen.findByText('1 hidden by the search')).toBeInTheDocument()
    await act(() => router.navigate('/guests?status=disabled'))
    expect(await screen.findByText('2 hidden by the filters')).toBeInTheDocument()
    await act(() => router.navigate('/guests'))
    await waitFor(() => expect(selectAll()).toBePartiallyChecked())
    expect(box('Cy')).not.toBeChecked()
  })

  it('Shift+click selects a range in the current order', async () => {
    const user = userEvent.setup()
    renderGuests()
    // By email: ana@, bo@, cy@.
    await user.click(box('Ana Silva'))
    await user.keyboard('{Shift>}')
    await user.click(box('Cy'))
    await user.keyboard('{/Shift}')
    expect(box('bo@client.example')).toBeChecked()
    expect(within(await bar()).getByText('3 selected')).toBeInTheDocument()
  })

  it('"Clear selection" unselects everyone and puts focus on "Select all shown"', async () => {
    const user = userEvent.setup()
    renderGuests()
    await user.click(box('Cy'))
    await user.click(within(await bar()).getByRole('button', { name: 'Clear selection' }))
    expect(box('Cy')).not.toBeChecked()
    expect(screen.queryByRole('toolbar')).not.toBeInTheDocument()
    expect(selectAll()).toHaveFocus()
  })

  it('"Export selected" writes the selected guests in the table’s order, hidden ones included', async () => {
    const user = userEvent.setup()
    const blobs: Blob[] = []
    const createObjectURL = vi.fn<(blob: Blob) => string>((blob) => {
      blobs.push(blob)
      return 'blob:selected'
    })
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn<() => void>() }))
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {})
    try {
      const { router } = renderGuests('/guests?sort=-email')
      await user.click(box('Ana Silva'))
      await user.click(box('Cy'))
      await act(() => router.navigate('/guests?sort=-email&q=ana'))
      await user.click(within(await bar()).getByRole('button', { name: 'Export selected' }))
      await waitFor(() => expect(blobs).toHaveLength(1))
      const lines = (await blobs[0]!.text()).replace(CSV_BOM, '').split('\r\n')
      expect(lines[0]).toBe('Name,Email,Company,Status,Last accessed,Groups')
      expect(lines.slice(1, -1).map((line) => line.split(',')[1])).toEqual([
        'cy@other.example',
        'ana@client.example',
      ])
    } finally {
      click.mockRestore()
      vi.unstubAllGlobals()
    }
  })
})
