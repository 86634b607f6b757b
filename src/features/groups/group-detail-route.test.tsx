import { act, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http, HttpResponse } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { credentialStore } from '../../api/credentials'
import { groupQueries } from '../../api/groups/queries'
import { meQueries } from '../../api/me'
import { memberQueries } from '../../api/members/queries'
import type { Group, Me, Member, MemberDirectory } from '../../api/types'
import { Component as GroupDetailRoute } from './group-detail-route'
import { makeMember } from '../../test/member-factory'
import { makeGroup } from '../../test/group-factory'
import { createTestQueryClient, renderPage, TEST_ORG_ID } from '../../test/render-page'

const orgId = TEST_ORG_ID
const ada = makeMember({ id: 1001, fullName: 'Ada Lovelace', role: 'admin' })
const grace = makeMember({ id: 1002, fullName: 'Grace Hopper', status: 'invited' })
const viewer: Me = {
  id: 7,
  email: 'viewer@example.com',
  fullName: 'Vi Ewer',
  role: 'standard',
  rawRole: 'standard',
  pictureUrl: null,
}

function renderGroup(
  group: Group | null,
  directory: MemberDirectory | null,
  path = group ? `/groups/${group.id}` : '/groups/x',
) {
  const queryClient = createTestQueryClient()
  // Who is signed in (not an admin) and the organization's name, as the layout would have them.
  queryClient.setQueryData(meQueries.current(orgId).queryKey, viewer)
  queryClient.setQueryData(meQueries.organizations(orgId).queryKey, [{ id: orgId, name: 'Test org' }])
  if (group) queryClient.setQueryData(groupQueries.detail(orgId, group.id).queryKey, group)
  if (directory) queryClient.setQueryData(memberQueries.directory(orgId).queryKey, directory)
  return renderPage(
    {
      '/groups': <h1>All groups</h1>,
      '/groups/:groupId': <GroupDetailRoute />,
      '/members/:memberId': <h1>Member page</h1>,
    },
    { path, queryClient },
  )
}

const complete = (members: Member[]): MemberDirectory => ({ members, total: members.length, complete: true })

// No handlers but those a test adds: any other request fails the test.
const server = setupServer()
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterAll(() => server.close())
beforeEach(() => {
  credentialStore.set({ orgId, token: 'test-token', demo: false }, { remember: false })
})
afterEach(() => {
  credentialStore.clear()
  server.resetHandlers()
})

describe('group detail', () => {
  it('shows the header: logo, name as the heading, plain-text description, counts', () => {
    const group = makeGroup({
      id: 'abc123',
      name: 'Design',
      description: 'Line one\n<b>not bold</b>',
      logo: 'data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=',
      memberIds: ['1001', '1002'],
      guests: ['g@client.example'],
    })
    renderGroup(group, complete([ada, grace]))
    expect(screen.getByRole('heading', { level: 1, name: 'Design' })).toBeInTheDocument()
    expect(screen.getByText(/Line one/).textContent).toBe('Line one\n<b>not bold</b>')
    expect(document.querySelector('b')).toBeNull()
    expect(screen.getByText('2 members · 1 guest')).toBeInTheDocument()
    const logo = document.querySelector('.group-header img')
    expect(logo).toHaveAttribute('src', group.logo)
  })

  it('falls back to initials for a javascript: logo', () => {
    renderGroup(makeGroup({ id: 'evil', name: 'Evil Logo', logo: 'javascript:alert(1)' }), complete([]))
    expect(document.querySelector('img')).toBeNull()
    expect(document.querySelector('.group-header .avatar--initials')).not.toBeNull()
  })

  it('resolves members to names with links, and lists an unknown ID as unknown', async () => {
    const group = makeGroup({ id: 'abc123', name: 'Design', memberIds: ['1002', '424242', '1001', '1001'] })
    const { router } = renderGroup(group, complete([ada, grace]))
    const table = screen.getByRole('table')
    const rows = within(table).getAllByRole('row').slice(1)
    expect(rows.map((r) => within(r).getAllByRole('cell')[0]?.textContent)).toEqual([
      expect.stringContaining('Ada Lovelace'),
      expect.stringContaining('Grace Hopper'),
      expect.stringContaining('Unknown member #424242'),
    ])
    expect(within(table).getByText(/not in the member directory/i)).toBeInTheDocument()
    expect(screen.getByRole('heading', { name: 'Members (3)' })).toBeInTheDocument()
    await userEvent.click(within(table).getByRole('link', { name: 'Ada Lovelace' }))
    expect(router.location.pathname).toBe('/members/1001')
  })

  it('does not call anyone unknown while the directory is still loading', () => {
    const group = makeGroup({ id: 'abc123', name: 'Design', memberIds: ['1001', '1002', '424242'] })
    renderGroup(group, { members: [ada], total: 500, complete: false })
    expect(screen.getByRole('link', { name: 'Ada Lovelace' })).toBeInTheDocument()
    expect(screen.queryByText(/Unknown member/)).toBeNull()
    expect(screen.getByText(/more members to show/)).toHaveTextContent('2 more members to show')
  })

  it('shows "No members" and "No guests" for an empty group, not empty tables', () => {
    renderGroup(makeGroup({ id: 'empty1', name: 'Empty' }), complete([ada]))
    expect(screen.getByText('No members')).toBeInTheDocument()
    expect(screen.getByText('No guests')).toBeInTheDocument()
    expect(screen.getByRole('heading', { name: 'Guests (0)' })).toBeInTheDocument()
    expect(screen.queryByRole('table')).toBeNull()
  })

  it("links guest emails to the guest's page and leaves other strings as text", () => {
    renderGroup(
      makeGroup({ id: 'g1', name: 'Guests', guests: ['sam@client.example', 'Just a name'] }),
      complete([]),
    )
    expect(screen.getByRole('heading', { name: 'Guests (2)' })).toBeInTheDocument()
    expect(screen.getByRole('link', { name: 'sam@client.example' })).toHaveAttribute(
      'href',
      '/guests/sam%40client.example',
    )
    expect(screen.getByText('Just a name').closest('a')).toBeNull()
  })

  it('searches and sorts the members, keeping both in the URL', async () => {
    const group = makeGroup({ id: 'abc123', name: 'Design', memberIds: ['1001', '1002'] })
    const { router } = renderGroup(group, complete([ada, grace]))
    await userEvent.type(screen.getByRole('searchbox', { name: 'Search members of this group' }), 'grace')
    expect(screen.queryByRole('link', { name: 'Ada Lovelace' })).toBeNull()
    expect(screen.getByRole('link', { name: 'Grace Hopper' })).toBeInTheDocument()
    expect(screen.getByText('1 of 2 members')).toBeInTheDocument()
    expect(router.location.search).toBe('?q=grace')
    await userEvent.clear(screen.getByRole('searchbox', { name: 'Search members of this group' }))
    await userEvent.click(screen.getByRole('button', { name: 'Name' }))
    expect(screen.getByRole('columnheader', { name: 'Name' })).toHaveAttribute('aria-sort', 'descending')
    expect(router.location.search).toBe('?sort=-name')
    const links = within(screen.getByRole('table')).getAllByRole('link')
    expect(links.map((l) => l.textContent)).toEqual(['Grace Hopper', 'Ada Lovelace'])
  })

  it('answers a malformed ID with "Group not found" without calling the API', async () => {
    const asked: string[] = []
    server.use(
      http.get('*/api/organizations/:orgId/groups/:groupId', ({ request, params }) => {
        asked.push(new URL(request.url).pathname)
        return HttpResponse.json({ data: { id: params.groupId, name: 'Design', members: [], guests: [] } })
      }),
    )
    const { router } = renderGroup(null, complete([]), '/groups/%3Cscript%3E')
    expect(screen.getByRole('heading', { level: 1, name: 'Group not found' })).toBeInTheDocument()
    expect(screen.getByRole('link', { name: 'Back to groups' })).toHaveAttribute('href', '/groups')
    // A well-formed ID next: its request is the first, and only, one the API sees.
    await act(() => router.navigate('/groups/abc123'))
    expect(await screen.findByRole('heading', { level: 1, name: 'Design' })).toBeInTheDocument()
    expect(asked).toEqual([`/api/organizations/${orgId}/groups/abc123`])
  })
})
