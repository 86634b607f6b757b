import { act, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { credentialStore } from '../../api/credentials'
import { memberQueries } from '../../api/members/queries'
import type { MemberDirectory } from '../../api/types'
import { DAY_MS } from '../../lib/recency'
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

const daysAgo = (days: number) => new Date(Date.now() - days * DAY_MS).toISOString()
/** The 10th of the month `offset` months from this one. */
function month(offset: number) {
  const today = new Date()
  return new Date(today.getFullYear(), today.getMonth() + offset, 10)
}

describe("members page: the overview's filters", () => {
  const lastMonth = month(-1)
  const lastMonthParam = `${lastMonth.getFullYear()}-${String(lastMonth.getMonth() + 1).padStart(2, '0')}`
  const team = [
    makeMember({ id: 1, fullName: 'Ann Active', role: 'admin', lastLoginAt: daysAgo(2) }),
    makeMember({ id: 2, fullName: 'Bo Never', role: 'light', createdAt: lastMonth.toISOString() }),
    makeMember({ id: 3, fullName: 'Cy Invited', status: 'invited', createdAt: month(-3).toISOString() }),
    makeMember({
      id: 4,
      fullName: 'Di Dormant',
      lastLoginAt: daysAgo(200),
      createdAt: lastMonth.toISOString(),
    }),
    makeMember({ id: 5, fullName: 'Ed Fresh', status: 'invited', role: 'light', createdAt: daysAgo(0) }),
    makeMember({ id: 6, fullName: 'Flo Gone', status: 'disabled', lastLoginAt: daysAgo(45) }),
  ]

  it('"Last sign-in" offers any time, within 30 days, not in 90 days and never; a choice goes into the URL and filters', async () => {
    const user = userEvent.setup()
    const { router } = renderMembers(completeDirectory(team), '/members?sort=-name')
    const select = screen.getByRole('combobox', { name: 'Last sign-in' })
    expect(
      within(select)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['Any time', 'Within 30 days', 'Not in 90 days', 'Never'])
    expect(select).toHaveValue('')

    await user.selectOptions(select, 'never')
    expect(router.location.search).toBe('?sort=-name&signin=never')
    expect(nameLinks()).toEqual(['Ed Fresh', 'Cy Invited', 'Bo Never'])
    expect(screen.getByText('3 of 6 members')).toBeInTheDocument()
    // The role and status counts follow: what picking each would show among these three.
    const status = screen.getByRole('combobox', { name: 'Status' })
    expect(within(status).getByRole('option', { name: 'Invited (2)' })).toBeInTheDocument()
    expect(within(status).getByRole('option', { name: 'Active (1)' })).toBeInTheDocument()
    expect(within(status).getByRole('option', { name: 'Disabled (0)' })).toBeInTheDocument()

    await user.selectOptions(status, 'active')
    expect(router.location.search).toBe('?sort=-name&status=active&signin=never')
    expect(nameLinks()).toEqual(['Bo Never'])

    await user.selectOptions(select, 'not-90d')
    expect(router.location.search).toBe('?sort=-name&status=active&signin=not-90d')
    expect(nameLinks()).toEqual(['Di Dormant'])

    await user.selectOptions(select, 'within-30d')
    expect(nameLinks()).toEqual(['Ann Active'])
    await user.selectOptions(select, '')
    expect(router.location.search).toBe('?sort=-name&status=active')
    expect(nameLinks()).toHaveLength(3)

    // A URL from outside (a link, Back) sets the select as it does the list.
    await act(() => router.navigate('/members?signin=within-30d'))
    expect(screen.getByRole('combobox', { name: 'Last sign-in' })).toHaveValue('within-30d')
    expect(nameLinks()).toEqual(['Ann Active'])
  })

  it('shows a value the select does not offer (a chart bar, another threshold) by its name', () => {
    renderMembers(completeDirectory(team), '/members?status=active&signin=3-12m')
    const select = screen.getByRole('combobox', { name: 'Last sign-in' })
    expect(select).toHaveValue('3-12m')
    expect(within(select).getByRole('option', { selected: true })).toHaveTextContent('3–12 months ago')
    expect(within(select).getAllByRole('option')).toHaveLength(5)
    expect(nameLinks()).toEqual(['Di Dormant'])
  })

  it('"Not in 60 days" from the overview keeps its own name', () => {
    renderMembers(completeDirectory(team), '/members?status=active&signin=not-60d')
    const select = screen.getByRole('combobox', { name: 'Last sign-in' })
    expect(within(select).getByRole('option', { selected: true })).toHaveTextContent('Not in 60 days')
    expect(screen.getByText('1 of 6 members')).toBeInTheDocument()
  })

  it('"Invited" filters invitations by age', async () => {
    const user = userEvent.setup()
    const { router } = renderMembers(completeDirectory(team))
    const select = screen.getByRole('combobox', { name: 'Invited' })
    expect(
      within(select)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['Any', 'Over 14 days', 'Within 14 days'])
    await user.selectOptions(select, 'over-14d')
    expect(router.location.search).toBe('?invited=over-14d')
    expect(nameLinks()).toEqual(['Cy Invited'])
    await user.selectOptions(select, 'within-14d')
    expect(nameLinks()).toEqual(['Ed Fresh'])
    expect(screen.getByText('1 of 6 members')).toBeInTheDocument()
  })

  it('says why the list is narrowed when a link set a seat or a join month, and each chip removes its filter', async () => {
    const user = userEvent.setup()
    const { router } = renderMembers(completeDirectory(team), `/members?seat=full&joined=${lastMonthParam}`)
    const label = new Intl.DateTimeFormat(undefined, { month: 'short', year: 'numeric' }).format(lastMonth)
    const chips = screen.getByRole('list', { name: 'Showing only' })
    expect(
      within(chips)
        .getAllByRole('button')
        .map((b) => b.getAttribute('aria-label')),
    ).toEqual(['Remove filter: Full seats', `Remove filter: Joined ${label}`])
    expect(nameLinks()).toEqual(['Di Dormant'])
    expect(screen.getByText('1 of 6 members')).toBeInTheDocument()

    await user.click(screen.getByRole('button', { name: 'Remove filter: Full seats' }))
    expect(router.location.search).toBe(`?joined=${lastMonthParam}`)
    expect(nameLinks()).toEqual(['Bo Never', 'Di Dormant'])
    await user.click(screen.getByRole('button', { name: `Remove filter: Joined ${label}` }))
    expect(router.location.search).toBe('')
    expect(screen.queryByRole('list', { name: 'Showing only' })).not.toBeInTheDocument()
    expect(nameLinks()).toHaveLength(6)
  })

  it('"Clear filters" clears them all, search and role and status too, and keeps the sort', async () => {
    const user = userEvent.setup()
    const { router } = renderMembers(
      completeDirectory(team),
      `/members?q=o&sort=-name&role=light&status=active&signin=never&invited=over-14d&seat=light&joined=${lastMonthParam}`,
    )
    expect(screen.getByText('0 of 6 members')).toBeInTheDocument()
    expect(screen.getByRole('heading', { name: 'No members match “o”' })).toBeInTheDocument()
    expect(screen.getByText('The filters also apply.')).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Clear filters' }))
    expect(router.location.search).toBe('?sort=-name')
    expect(nameLinks()).toHaveLength(6)
    expect(screen.getByRole('combobox', { name: 'Last sign-in' })).toHaveValue('')
    expect(screen.getByRole('combobox', { name: 'Invited' })).toHaveValue('')
    expect(screen.queryByRole('list', { name: 'Showing only' })).not.toBeInTheDocument()
    expect(screen.queryByRole('button', { name: 'Clear filters' })).not.toBeInTheDocument()
  })

  it('offers "Clear filters" in the empty state when only the overview’s filters keep nobody', async () => {
    const user = userEvent.setup()
    const { router } = renderMembers(completeDirectory(team), '/members?status=disabled&signin=never')
    expect(screen.getByRole('heading', { name: 'No members match these filters' })).toBeInTheDocument()
    await user.click(within(screen.getByRole('table')).getByRole('button', { name: 'Clear filters' }))
    expect(router.location.search).toBe('')
  })

  it('ignores a value it does not know: the whole list, no chip, nothing to clear', () => {
    renderMembers(completeDirectory(team), '/members?signin=soon&seat=guest&joined=2026-13&invited=old')
    expect(screen.getByText('6 members')).toBeInTheDocument()
    expect(screen.queryByRole('list', { name: 'Showing only' })).not.toBeInTheDocument()
    expect(screen.queryByRole('button', { name: 'Clear filters' })).not.toBeInTheDocument()
  })
})
