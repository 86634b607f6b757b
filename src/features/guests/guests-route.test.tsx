import { screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { parseGuest } from '../../api/guests/schema'
import { groupQueries } from '../../api/groups/queries'
import { guestQueries } from '../../api/guests/queries'
import type { InvalidRecordInfo } from '../../api/types'
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
