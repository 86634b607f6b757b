import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { parseGuest } from '../../api/guests/schema'
import { groupQueries } from '../../api/groups/queries'
import { guestQueries } from '../../api/guests/queries'
import type { Group, InvalidRecordInfo } from '../../api/types'
import { makeGroup } from '../../test/group-factory'
import { createTestQueryClient, renderPage, TEST_ORG_ID } from '../../test/render-page'
import { Component as GuestsRoute } from './guests-route'

const orgId = TEST_ORG_ID
const guests = ['ana@client.example', 'bo@client.example'].map((email) => parseGuest({ data: { email } }))

function renderGuests(unreadable?: InvalidRecordInfo[]) {
  const queryClient = createTestQueryClient()
  queryClient.setQueryData(guestQueries.list(orgId).queryKey, guests)
  queryClient.setQueryData(groupQueries.list(orgId).queryKey, [])
  if (unreadable) queryClient.setQueryData(guestQueries.unreadable(orgId).queryKey, unreadable)
  return renderPage({ '/guests': <GuestsRoute /> }, { path: '/guests', queryClient })
}

describe('guests that could not be read', () => {
  it('says how many, beside the guests that could', async () => {
    renderGuests([
      { page: 1, index: 1, issues: [{ path: 'data[1].email', expected: 'string', received: 'missing' }] },
      { page: 1, index: 4, issues: [{ path: 'data[4].email', expected: 'string', received: 'null' }] },
    ])
    expect(await screen.findByText('2 records could not be read')).toBeInTheDocument()
    const table = screen.getByRole('table', { name: /Guests/ })
    expect(within(table).getByRole('link', { name: 'ana@client.example' })).toBeInTheDocument()
    expect(within(table).getByRole('link', { name: 'bo@client.example' })).toBeInTheDocument()
  })

  it('says nothing when every guest was read', async () => {
    renderGuests([])
    await screen.findByRole('table', { name: /Guests/ })
    expect(screen.queryByText(/could not be read/)).toBeNull()
  })
})

const rowLinks = () =>
  within(screen.getByRole('table', { name: /Guests/ }))
    .getAllByRole('link')
    .map((link) => link.textContent)
    .filter((text) => text?.includes('@'))

describe('the guest filters', () => {
  const all = [
    parseGuest({ data: { email: 'ana@client.example', details: { disabled_at: '2026-01-01T00:00:00Z' } } }),
    parseGuest({ data: { email: 'bo@client.example' } }),
    parseGuest({ data: { email: 'cy@client.example' } }),
  ]
  const groups = [makeGroup({ id: 'g1', name: 'Alpha', guests: ['BO@client.example'] })]

  function renderFiltered(path: string, groupList: Group[] | null = groups) {
    const queryClient = createTestQueryClient()
    queryClient.setQueryData(guestQueries.list(orgId).queryKey, all)
    if (groupList) queryClient.setQueryData(groupQueries.list(orgId).queryKey, groupList)
    else {
      // The groups failed: the query holds an error and no data.
      void queryClient.prefetchQuery({
        queryKey: groupQueries.list(orgId).queryKey,
        queryFn: () => Promise.reject(new Error('down')),
      })
    }
    return renderPage({ '/guests': <GuestsRoute /> }, { path, queryClient })
  }

  it('reads status and group from the URL into the selects, the rows and the count', async () => {
    renderFiltered('/guests?group=none')
    await screen.findByRole('table', { name: /Guests/ })
    expect(screen.getByRole('combobox', { name: 'Group' })).toHaveValue('none')
    expect(screen.getByRole('combobox', { name: 'Status' })).toHaveValue('')
    expect(rowLinks()).toEqual(['ana@client.example', 'cy@client.example'])
    expect(screen.getByText('2 of 3 guests')).toBeInTheDocument()
  })

  it('choosing a status writes it to the URL and narrows the rows', async () => {
    const user = userEvent.setup()
    const { router } = renderFiltered('/guests')
    await screen.findByRole('table', { name: /Guests/ })
    await user.selectOptions(screen.getByRole('combobox', { name: 'Status' }), 'Disabled')
    expect(router.location.search).toBe('?status=disabled')
    expect(rowLinks()).toEqual(['ana@client.example'])
    await user.selectOptions(screen.getByRole('combobox', { name: 'Status' }), 'Active')
    expect(rowLinks()).toEqual(['bo@client.example', 'cy@client.example'])
  })

  it('says when no guest matches, with a way back', async () => {
    const user = userEvent.setup()
    const { router } = renderFiltered('/guests?status=disabled&group=none&sort=-name', [
      makeGroup({ id: 'g1', name: 'Alpha', guests: ['ana@client.example'] }),
    ])
    expect(await screen.findByRole('heading', { name: 'No guests match these filters' })).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Clear filters' }))
    expect(router.location.search).toBe('?sort=-name')
  })

  it('says "in no group" cannot be told when the groups failed, and shows no one', async () => {
    renderFiltered('/guests?group=none', null)
    expect(await screen.findByRole('heading', { name: 'Can’t tell who is in no group' })).toBeInTheDocument()
    expect(screen.getByText(/The groups could not be loaded/)).toBeInTheDocument()
    expect(screen.queryByRole('table')).toBeNull()
    expect(screen.getByText('Guests in no group: not known')).toBeInTheDocument()
  })

  it('says so too when a group came without its guest list', async () => {
    const user = userEvent.setup()
    const { router } = renderFiltered('/guests?group=none', [
      ...groups,
      makeGroup({ id: 'g2', name: 'Beta', guestsKnown: false }),
    ])
    expect(await screen.findByText(/Tallyfy sent 1 group without its guest list/)).toBeInTheDocument()
    expect(screen.queryByRole('table')).toBeNull()
    await user.click(screen.getByRole('button', { name: 'Show all guests' }))
    expect(router.location.search).toBe('')
    expect(rowLinks()).toHaveLength(3)
  })
})
