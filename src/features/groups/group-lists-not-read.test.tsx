// A group read without its member or guest list (Tallyfy sends them only as includes) is not an empty
// group: the page says the list was not read, offers Retry, counts nothing and offers no add or
// remove for it. Against the demo organization's handlers and their `omitGroupLists` fault.
import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { credentialStore } from '../../api/credentials'
import { meQueries } from '../../api/me'
import type { Me } from '../../api/types'
import { DEMO_ORG_ID, DEMO_TOKEN } from '../../demo/credentials'
import { REMOVED_MEMBER_ID, type WireGroup } from '../../demo/data'
import { createDemoServer } from '../../demo/node'
import { createTestQueryClient, renderPage } from '../../test/render-page'
import { Component as GroupDetailRoute } from './group-detail-route'
import { Component as GroupsRoute } from './groups-route'

const { server, org, faults } = createDemoServer({ members: 60 })
const ORG = DEMO_ORG_ID
const group = org.groups.find(
  (g) =>
    g.members.length >= 2 &&
    g.guests.length > 0 &&
    g.members.every((id) => typeof id === 'number' && id !== REMOVED_MEMBER_ID),
) as WireGroup
const admin: Me = {
  id: 1,
  email: 'admin@example.com',
  fullName: 'Ad Min',
  role: 'admin',
  rawRole: 'admin',
  pictureUrl: null,
}

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
beforeEach(() => {
  credentialStore.set({ orgId: ORG, token: DEMO_TOKEN, demo: true }, { remember: false })
})
afterEach(() => {
  faults.reset()
  credentialStore.clear()
})
afterAll(() => server.close())

function render(path: string) {
  const queryClient = createTestQueryClient()
  queryClient.setQueryData(meQueries.current(ORG).queryKey, admin)
  queryClient.setQueryData(meQueries.organizations(ORG).queryKey, [{ id: ORG, name: 'Demo' }])
  return renderPage(
    { '/groups': <GroupsRoute />, '/groups/:groupId': <GroupDetailRoute /> },
    { path, queryClient, orgId: ORG },
  )
}

const section = (name: RegExp) => screen.getByRole('region', { name })

describe('a group read without its lists', () => {
  it.each(['absent', 'null'] as const)(
    'lists %s: says so with Retry instead of "Members (0)" and "No guests", with no add or remove',
    async (how) => {
      faults.set({ omitGroupLists: how, times: 1 })
      render(`/groups/${group.id}`)
      expect(await screen.findByRole('heading', { level: 1, name: group.name })).toBeInTheDocument()
      expect(screen.getByText('Member count not known · guest count not known')).toBeInTheDocument()

      const members = section(/^Members/)
      expect(within(members).getByRole('heading', { name: 'Members (not known)' })).toBeInTheDocument()
      expect(within(members).getByRole('status')).toHaveTextContent(
        'Tallyfy sent this group without its member list. Retry to read it again.',
      )
      const guests = section(/^Guests/)
      expect(within(guests).getByRole('heading', { name: 'Guests (not known)' })).toBeInTheDocument()
      expect(within(guests).getByRole('status')).toHaveTextContent(
        'Tallyfy sent this group without its guest list. Retry to read it again.',
      )

      expect(screen.queryByText(/Members \(0\)|Guests \(0\)|No members|No guests/)).toBeNull()
      expect(screen.queryByRole('table')).toBeNull()
      // The admin's own controls are there; those for the lists that were not read are not.
      expect(screen.getByRole('button', { name: 'Edit group' })).toBeInTheDocument()
      expect(screen.queryByRole('combobox')).toBeNull()
      expect(screen.queryByRole('textbox', { name: 'Guest email' })).toBeNull()
      expect(within(members).queryByRole('button', { name: /^Remove / })).toBeNull()
      expect(within(guests).queryByRole('button', { name: /^Remove / })).toBeNull()

      // The fault was for one read: Retry brings both lists, and focus goes to the members' heading.
      await userEvent.click(within(members).getByRole('button', { name: 'Retry' }))
      const heading = await screen.findByRole('heading', {
        name: `Members (${new Set(group.members).size})`,
      })
      await waitFor(() => expect(heading).toHaveFocus())
      expect(screen.getByRole('heading', { name: `Guests (${group.guests.length})` })).toBeInTheDocument()
      expect(screen.getByRole('textbox', { name: 'Guest email' })).toBeInTheDocument()
      expect(await screen.findByRole('table', { name: /^Members of this group/ })).toBeInTheDocument()
      expect(screen.queryByText(/not known/)).toBeNull()
    },
  )

  it('only the guest list missing: members shown and changeable, guests not known, Retry says it happened again', async () => {
    faults.set({ omitGroupLists: 'null', omitGroupListsOnly: 'guests' })
    render(`/groups/${group.id}`)
    expect(await screen.findByRole('heading', { level: 1, name: group.name })).toBeInTheDocument()
    const memberCount = new Set(group.members).size
    expect(screen.getByText(`${memberCount} members · guest count not known`)).toBeInTheDocument()
    expect(screen.getByRole('heading', { name: `Members (${memberCount})` })).toBeInTheDocument()
    expect(await screen.findByRole('table', { name: /^Members of this group/ })).toBeInTheDocument()
    expect(within(section(/^Members/)).getAllByRole('button', { name: /^Remove / }).length).toBe(memberCount)

    const guests = section(/^Guests/)
    expect(within(guests).getByRole('heading', { name: 'Guests (not known)' })).toBeInTheDocument()
    expect(within(guests).queryByRole('textbox')).toBeNull()
    expect(within(guests).queryByRole('listitem')).toBeNull()

    await userEvent.click(within(guests).getByRole('button', { name: 'Retry' }))
    await waitFor(() =>
      expect(within(guests).getByRole('status')).toHaveTextContent(
        'Tallyfy sent this group without its guest list again. Retry to read it again.',
      ),
    )
  })
})

describe('the groups list', () => {
  it('shows a count it does not know as a dash read as "Not known", never 0', async () => {
    faults.set({ omitGroupLists: 'absent', omitGroupListsOnly: 'members' })
    render('/groups')
    const table = await screen.findByRole('table')
    const row = within(table).getByRole('link', { name: group.name }).closest('tr') as HTMLElement
    const cells = within(row).getAllByRole('cell')
    const headers = within(table)
      .getAllByRole('columnheader')
      .map((h) => h.textContent)
    const members = cells[headers.findIndex((h) => h?.startsWith('Members'))]
    const guestsCell = cells[headers.findIndex((h) => h?.startsWith('Guests'))]
    expect(members).toHaveTextContent('—Not known')
    expect(within(members as HTMLElement).getByText('—')).toHaveAttribute('aria-hidden', 'true')
    expect(guestsCell).toHaveTextContent(String(group.guests.length))
    expect(
      within(table)
        .getAllByRole('row')
        .slice(1)
        .every((r) => r.textContent?.includes('Not known')),
    ).toBe(true)
  })
})
