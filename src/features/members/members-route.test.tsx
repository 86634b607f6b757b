import { act, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { credentialStore } from '../../api/credentials'
import { memberQueries } from '../../api/members/queries'
import type { MemberDirectory } from '../../api/types'
import { loadLater, Component as MembersRoute } from './members-route'
import { completeDirectory, makeMember } from '../../test/member-factory'
import { createTestQueryClient, renderPage, TEST_ORG_ID } from '../../test/render-page'

const orgId = TEST_ORG_ID
const members = [
  makeMember({ id: 1, fullName: 'Mateo Álvarez', role: 'admin', lastLoginAt: '2026-01-02T10:00:00Z' }),
  makeMember({ id: 2, fullName: 'Zoë Ångström', status: 'invited', jobTitle: 'Chief of Staff' }),
  makeMember({ id: 3, fullName: 'Ann Smith', role: 'light', groups: [{ id: 'g1', name: 'Design' }] }),
  makeMember({
    id: 4,
    fullName: 'Bob Baker',
    email: null,
    groups: [
      { id: 'g1', name: 'Design' },
      { id: 'g2', name: 'Sales' },
      { id: 'g3', name: 'Ops' },
      { id: 'g4', name: 'Legal' },
    ],
  }),
]

function renderMembers(directory: MemberDirectory, path = '/members') {
  const queryClient = createTestQueryClient()
  queryClient.setQueryData(memberQueries.directory(orgId).queryKey, directory)
  return renderPage(
    {
      '/members': <MembersRoute />,
      '/members/:memberId': <h1>Member page</h1>,
      '/groups/:groupId': <h1>Group page</h1>,
    },
    { path, queryClient },
  )
}

const nameLinks = () =>
  within(screen.getAllByRole('rowgroup')[1]!)
    .queryAllByRole('link')
    .filter((a) => a.classList.contains('member-name__link'))
    .map((a) => a.textContent)

// The page's later chunk (the overview's filters, the passing states) here before any test renders,
// as it is in the browser by the time the directory comes; first-load.test.tsx covers the wait.
beforeAll(() => loadLater())

beforeEach(() => {
  credentialStore.set({ orgId, token: 'test-token', demo: false }, { remember: false })
})
afterEach(() => credentialStore.clear())

describe('members page', () => {
  it('lists members sorted by name with their count, and quiet dashes for missing fields', () => {
    renderMembers(completeDirectory(members))
    expect(screen.getByRole('heading', { level: 1, name: 'Members' })).toBeInTheDocument()
    expect(screen.getByText('4 members')).toBeInTheDocument()
    expect(nameLinks()).toEqual(['Ann Smith', 'Bob Baker', 'Mateo Álvarez', 'Zoë Ångström'])
    const bob = screen.getByRole('row', { name: /Bob Baker/ })
    expect(within(bob).getAllByText('not set').length).toBeGreaterThan(0)
    expect(within(bob).getByRole('link', { name: '2 more groups of Bob Baker' })).toBeInTheDocument()
    expect(within(bob).getByRole('link', { name: 'Design' })).toHaveAttribute('href', '/groups/g1')
    expect(within(bob).getByText('Never')).toBeInTheDocument()
    expect(screen.queryByText('undefined')).not.toBeInTheDocument()
  })

  it('focuses the search with "/", filters as you type with highlights, and clears with Escape', async () => {
    const user = userEvent.setup()
    const { router } = renderMembers(completeDirectory(members))
    const box = screen.getByRole('searchbox', { name: 'Search members' })
    await user.keyboard('/')
    expect(box).toHaveFocus()
    expect(box).toHaveValue('')

    // The URL follows each keystroke in the keystroke's own event: nothing waits for a pause.
    await user.keyboard('a')
    expect(router.location.search).toBe('?q=a')
    await user.keyboard('lvarez')
    expect(router.location.search).toBe('?q=alvarez')
    expect(await screen.findByText('1 of 4 members')).toBeInTheDocument()
    expect(nameLinks()).toEqual(['Mateo Álvarez'])
    expect(screen.getByText('Álvarez', { selector: 'mark' })).toBeInTheDocument()

    await user.keyboard('{Escape}')
    expect(box).toHaveValue('')
    expect(await screen.findByText('4 members')).toBeInTheDocument()
    expect(router.location.search).toBe('')
  })

  it('does not steal "/" from another field', async () => {
    const user = userEvent.setup()
    renderMembers(completeDirectory(members))
    const status = screen.getByRole('combobox', { name: 'Status' })
    status.focus()
    await user.keyboard('/')
    expect(status).toHaveFocus()
  })

  it('filters by role and status with counts, and clears the filters', async () => {
    const user = userEvent.setup()
    const { router } = renderMembers(completeDirectory(members))
    const status = screen.getByRole('combobox', { name: 'Status' })
    expect(within(status).getByRole('option', { name: 'Invited (1)' })).toBeInTheDocument()
    await user.selectOptions(status, 'invited')
    expect(router.location.search).toBe('?status=invited')
    expect(nameLinks()).toEqual(['Zoë Ångström'])
    expect(screen.getByText('1 of 4 members')).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Clear filters' }))
    expect(router.location.search).toBe('')
    expect(nameLinks()).toHaveLength(4)
  })

  it('restores the view from the URL, and follows the URL when it changes from outside', async () => {
    const { router } = renderMembers(completeDirectory(members), '/members?q=zoe&sort=-name')
    expect(screen.getByRole('searchbox', { name: 'Search members' })).toHaveValue('zoe')
    expect(screen.getByRole('columnheader', { name: /Name/ })).toHaveAttribute('aria-sort', 'descending')
    expect(nameLinks()).toEqual(['Zoë Ångström'])
    await act(() => router.navigate('/members?q=ann'))
    expect(screen.getByRole('searchbox', { name: 'Search members' })).toHaveValue('ann')
    expect(await screen.findByText('1 of 4 members')).toBeInTheDocument()
  })

  it('says when nothing matches and offers to clear the search', async () => {
    const user = userEvent.setup()
    renderMembers(completeDirectory(members), '/members?q=xyz')
    expect(screen.getByRole('heading', { name: 'No members match “xyz”' })).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Clear search' }))
    expect(nameLinks()).toHaveLength(4)
  })

  it('has its own empty state for an organization without members', () => {
    renderMembers(completeDirectory([]))
    expect(screen.getByRole('heading', { name: 'No members yet' })).toBeInTheDocument()
    expect(screen.queryByRole('table')).not.toBeInTheDocument()
  })

  it('shows the rows already loaded with progress while the directory fills', () => {
    renderMembers({ members: members.slice(0, 2), total: 10, complete: false })
    expect(nameLinks()).toHaveLength(2)
    expect(screen.getByText('2 members')).toBeInTheDocument()
  })

  it('a directory that stopped short says how many of how many loaded, with Retry, and never claims to be whole', () => {
    const loaded = members.slice(0, 2)
    renderMembers({ members: loaded, total: 60_000, complete: false, loading: false })
    const notice = screen.getByRole('alert')
    expect(notice).toHaveTextContent('Loaded 2 of 60,000 members, so this list is incomplete.')
    expect(within(notice).getByRole('button', { name: 'Retry' })).toBeInTheDocument()
    expect(screen.queryByText(/Loading members…/)).not.toBeInTheDocument()
  })

  it('says how many records could not be read, with field paths and types but no values', async () => {
    const user = userEvent.setup()
    renderMembers({
      ...completeDirectory(members),
      invalidRecords: [
        {
          page: 7,
          index: 3,
          issues: [{ path: 'data[3].id', expected: 'a member ID (a whole number)', received: 'null' }],
        },
      ],
    })
    await user.click(await screen.findByText('1 record could not be read'))
    expect(
      screen.getByText('Page 7, data[3].id: expected a member ID (a whole number), got null'),
    ).toBeVisible()
  })

  it('passes the list URL to member links so the member page can return to it', async () => {
    const user = userEvent.setup()
    const { router } = renderMembers(completeDirectory(members), '/members?q=a&status=active')
    await user.click(screen.getByRole('link', { name: 'Ann Smith' }))
    expect(router.location.pathname).toBe('/members/3')
    expect(router.location.state).toEqual({ backTo: '/members?q=a&status=active' })
  })
})
