import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { delay, http, HttpResponse } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { credentialStore } from '../../api/credentials'
import { groupQueries } from '../../api/groups/queries'
import { guestQueries } from '../../api/guests/queries'
import { parseGuest } from '../../api/guests/schema'
import { memberQueries } from '../../api/members/queries'
import type { Group, Guest, ListCompleteness, MemberDirectory } from '../../api/types'
import { computeOverview } from '../../lib/overview'
import { makeGroup } from '../../test/group-factory'
import { completeDirectory, makeMember } from '../../test/member-factory'
import { createTestQueryClient, renderPage, TEST_ORG_ID } from '../../test/render-page'
import { Component as OverviewRoute } from './overview-route'

const orgId = TEST_ORG_ID
const NOW = Date.parse('2026-06-15T12:00:00Z')
const DAY = 86_400_000
const ago = (days: number) => new Date(NOW - days * DAY).toISOString()

// Eight people whose figures are easy to count by hand (see the comments), with a sparse record or
// two: an unknown role, no sign-in, no creation date.
const members = [
  // active admin, the default administrator, signed in 2 days ago: a full seat, this week
  makeMember({
    id: 1,
    fullName: 'Ada Admin',
    role: 'admin',
    isDefaultAdmin: true,
    lastLoginAt: ago(2),
    createdAt: '2025-01-10T09:00:00Z',
  }),
  // active standard, 10 days ago: a full seat, this month
  makeMember({ id: 2, fullName: 'Bo Standard', lastLoginAt: ago(10), createdAt: '2026-06-01T09:00:00Z' }),
  // active light, 100 days ago: a light seat, 3–12 months, inactive at 30 and 90 days
  makeMember({
    id: 3,
    fullName: 'Cy Light',
    role: 'light',
    lastLoginAt: ago(100),
    createdAt: '2026-05-20T09:00:00Z',
  }),
  // active standard who never signed in: a full seat
  makeMember({ id: 4, fullName: 'Di Never', lastLoginAt: null, createdAt: '2026-05-02T09:00:00Z' }),
  // invited 20 days ago: a full seat, a stale invitation
  makeMember({ id: 5, fullName: 'Ed Invited', status: 'invited', createdAt: ago(20) }),
  // invited 3 days ago: a light seat, a fresh invitation
  makeMember({ id: 6, fullName: 'Flo Fresh', role: 'light', status: 'invited', createdAt: ago(3) }),
  // disabled admin: no seat, not an administrator who counts
  makeMember({ id: 7, fullName: 'Gus Gone', role: 'admin', status: 'disabled', lastLoginAt: ago(400) }),
  // active, a role Roster does not know, 40 days ago: no seat, inactive at 30 days only
  makeMember({
    id: 8,
    fullName: 'Hal Odd',
    role: 'unknown',
    rawRole: 'owner',
    lastLoginAt: ago(40),
    createdAt: null,
  }),
]

const groups: Group[] = [
  makeGroup({ id: 'g1', name: 'Team', memberIds: ['1', '2'], guests: ['ann@client.example'] }),
  makeGroup({ id: 'g2', name: 'Nobody yet' }),
  // Read without its lists: neither empty nor full, as far as Roster knows.
  makeGroup({ id: 'g3', name: 'Unread', membersKnown: false, guestsKnown: false }),
]

const guests: Guest[] = [
  parseGuest({ data: { email: 'ann@client.example' } }),
  parseGuest({ data: { email: 'bea@client.example', details: { disabled_at: '2026-05-01T00:00:00Z' } } }),
  parseGuest({ data: { email: 'cat@client.example' } }),
]

function renderOverview({
  path = '/overview',
  directory = completeDirectory(members),
  withGroups = true,
  withGuests = true,
}: { path?: string; directory?: MemberDirectory; withGroups?: boolean; withGuests?: boolean } = {}) {
  const queryClient = createTestQueryClient()
  queryClient.setQueryData(memberQueries.directory(orgId).queryKey, directory)
  if (withGroups) queryClient.setQueryData(groupQueries.list(orgId).queryKey, groups)
  if (withGuests) queryClient.setQueryData(guestQueries.list(orgId).queryKey, guests)
  return renderPage(
    {
      '/overview': <OverviewRoute />,
      '/members': <h1>Members list</h1>,
      '/members/:memberId': <h1>Member page</h1>,
      '/groups': <h1>Groups list</h1>,
      '/guests': <h1>Guests list</h1>,
    },
    { path, queryClient },
  )
}

/** A list that stopped short of the total Tallyfy announced. */
const short = (total: number): ListCompleteness => ({ complete: false, total, error: null })
const link = (name: string | RegExp) => screen.getByRole('link', { name })
const server = setupServer()

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterAll(() => server.close())
beforeEach(() => {
  // Only the clock's date: ages are measured from a fixed moment, timers still run.
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(NOW)
  credentialStore.set({ orgId, token: 'test-token', demo: false }, { remember: false })
})
afterEach(() => {
  vi.useRealTimers()
  credentialStore.clear()
  server.resetHandlers()
})

describe('the overview', () => {
  it('names the page and shows every headline figure as a link to exactly those people', () => {
    renderOverview()
    expect(screen.getByRole('heading', { level: 1, name: 'Overview' })).toBeInTheDocument()
    expect(document.title).toBe('Overview · Roster')

    const expected: Array<[string, string]> = [
      ['4 full seats in use', '/members?seat=full'],
      ['2 light seats in use', '/members?seat=light'],
      ['1 administrator', '/members?role=admin&seat=full'],
      ['1 invitation older than 14 days', '/members?invited=over-14d'],
      ['1 member not signed in for 90 days', '/members?status=active&signin=not-90d'],
      // Di, the one active member with no sign-in (an invitation is its own figure).
      ['1 member never signed in', '/members?status=active&signin=never'],
      ['8 members', '/members'],
      ['5 active members', '/members?status=active'],
      ['2 invited members', '/members?status=invited'],
      ['1 disabled member', '/members?status=disabled'],
      ['2 Administrator members', '/members?role=admin'],
      ['3 Standard members', '/members?role=standard'],
      ['2 Light members', '/members?role=light'],
      ['3 guests', '/guests'],
      ['1 disabled guest', '/guests?status=disabled'],
      ['2 guests in no group', '/guests?group=none'],
      ['3 groups', '/groups'],
      ['1 empty group', '/groups?filter=empty'],
    ]
    for (const [name, href] of expected) expect(link(name)).toHaveAttribute('href', href)

    // The default administrator is named, and opens their page.
    expect(link('Ada Admin')).toHaveAttribute('href', '/members/1')
    // What Roster cannot sort is said, not hidden.
    expect(screen.getByText(/1 member has a role Roster does not know/)).toBeInTheDocument()
    expect(
      screen.getByText(/1 group was read without their lists, so not counted as empty/),
    ).toBeInTheDocument()
  })

  it('opens the list behind a figure', async () => {
    const { router } = renderOverview()
    await userEvent.click(link('1 invitation older than 14 days'))
    expect(await screen.findByRole('heading', { name: 'Members list' })).toBeInTheDocument()
    expect(router.location.pathname).toBe('/members')
    expect(router.location.search).toBe('?invited=over-14d')
  })

  it('draws each chart bar as a link with its value in its name', () => {
    renderOverview()
    const figures = computeOverview({ members, groups, guests, now: NOW, inactiveDays: 90, complete: true })
    const recency = screen.getByRole('region', { name: 'When members last signed in' })
    for (const bar of figures.lastSignIn) {
      const name = `${bar.label}: ${bar.count} ${bar.count === 1 ? 'member' : 'members'}`
      expect(within(recency).getByRole('link', { name })).toHaveAttribute(
        'href',
        bar.bucket === 'never'
          ? '/members?status=active&signin=never'
          : `/members?status=active&signin=${bar.bucket}`,
      )
    }
    // Active members only: Ada this week, Bo this month, Hal 1–3 months, Cy 3–12 months, Di never.
    expect(figures.lastSignIn.map((bar) => bar.count)).toEqual([1, 1, 1, 1, 0, 1])

    const joined = screen.getByRole('region', { name: 'Members added per month' })
    const bars = within(joined).getAllByRole('link')
    expect(bars).toHaveLength(24)
    expect(bars[0]).toHaveAccessibleName(`${figures.joined[0]!.label}: 0 members`)
    expect(bars[0]).toHaveAttribute('href', '/members?joined=2024-07')
    // June 2026: Bo; May 2026: Cy, Di and Ed (invited 20 days before 15 June). Jan 2025 is Ada.
    expect(bars[23]).toHaveAttribute('href', '/members?joined=2026-06')
    expect(bars[23]).toHaveAccessibleName(`${figures.joined[23]!.label}: 2 members`)
    expect(bars[22]).toHaveAccessibleName(`${figures.joined[22]!.label}: 3 members`)
    expect(bars[6]).toHaveAccessibleName(`${figures.joined[6]!.label}: 1 member`)
    expect(bars[6]).toHaveAttribute('href', '/members?joined=2025-01')
  })

  it('shows a chart as a table with the same numbers, and back', async () => {
    renderOverview()
    const figures = computeOverview({ members, groups, guests, now: NOW, inactiveDays: 90, complete: true })
    const recency = screen.getByRole('region', { name: 'When members last signed in' })
    const toggle = within(recency).getByRole('button', { name: 'Show as table' })
    expect(toggle).toHaveAttribute('aria-pressed', 'false')
    expect(within(recency).queryByRole('table')).toBeNull()

    await userEvent.click(toggle)
    expect(toggle).toHaveAttribute('aria-pressed', 'true')
    const table = within(recency).getByRole('table', { name: 'When members last signed in' })
    const rows = within(table).getAllByRole('row').slice(1)
    expect(rows.map((row) => row.textContent)).toEqual(figures.lastSignIn.map((b) => `${b.label}${b.count}`))
    expect(within(table).getByRole('link', { name: 'This week' })).toHaveAttribute(
      'href',
      '/members?status=active&signin=week',
    )
    expect(within(table).getByRole('columnheader', { name: 'Last sign-in' })).toBeInTheDocument()

    // The other chart keeps its bars until asked.
    const joined = screen.getByRole('region', { name: 'Members added per month' })
    expect(within(joined).queryByRole('table')).toBeNull()
    await userEvent.click(within(joined).getByRole('button', { name: 'Show as table' }))
    const monthly = within(joined).getByRole('table', { name: 'Members added per month' })
    expect(within(monthly).getAllByRole('row')).toHaveLength(25)
    expect(within(monthly).getByRole('link', { name: figures.joined[23]!.label })).toHaveAttribute(
      'href',
      '/members?joined=2026-06',
    )

    await userEvent.click(toggle)
    expect(toggle).toHaveAttribute('aria-pressed', 'false')
    expect(within(recency).queryByRole('table')).toBeNull()
  })

  it('takes the inactivity threshold from the URL and keeps a change there', async () => {
    const { router } = renderOverview({ path: '/overview?inactive=30' })
    const select = screen.getByRole('combobox', { name: 'Inactive after' })
    expect(select).toHaveValue('30')
    // Cy (100 days) and Hal (40 days); Di never signed in, so is not "inactive".
    expect(link('2 members not signed in for 30 days')).toHaveAttribute(
      'href',
      '/members?status=active&signin=not-30d',
    )

    await userEvent.selectOptions(select, '180')
    expect(router.location.search).toBe('?inactive=180')
    expect(link('0 members not signed in for 180 days')).toHaveAttribute(
      'href',
      '/members?status=active&signin=not-180d',
    )

    // The default stays out of the URL.
    await userEvent.selectOptions(select, '90')
    expect(router.location.search).toBe('')
    expect(link('1 member not signed in for 90 days')).toBeInTheDocument()
  })

  it('ignores a threshold it does not offer', () => {
    renderOverview({ path: '/overview?inactive=45' })
    expect(screen.getByRole('combobox', { name: 'Inactive after' })).toHaveValue('90')
  })
})

describe('while the data is partial', () => {
  it('says how many members the figures come from while the rest load', () => {
    renderOverview({
      directory: {
        members,
        total: 10_000,
        complete: false,
        loading: true,
        pagesLoaded: 1,
        pagesPlanned: 100,
      },
    })
    expect(screen.getByText('Figures from 8 of 10,000 members; the rest are loading.')).toBeInTheDocument()
    expect(screen.getByRole('progressbar', { name: 'Members loaded' })).toHaveAttribute('value', '8')
    // No partial number passes for a whole one.
    expect(link('4 full seats in use so far')).toBeInTheDocument()
    expect(link('8 members so far')).toBeInTheDocument()
    expect(screen.getAllByText('so far').length).toBeGreaterThanOrEqual(6)
  })

  it('says the figures are incomplete when the load stopped short, and offers Retry', () => {
    renderOverview({ directory: { members, total: 12, complete: false, loading: false } })
    const alert = screen.getByRole('alert')
    expect(alert).toHaveTextContent('Figures from 8 of 12 members, so they are incomplete.')
    expect(within(alert).getByRole('button', { name: 'Retry' })).toBeInTheDocument()
    expect(link('1 invitation older than 14 days so far')).toBeInTheDocument()
  })

  it('shows the member figures while the groups and guests fail, each with its own Retry', async () => {
    let groupsOk = false
    server.use(
      http.get(`*/api/organizations/${orgId}/groups`, () =>
        groupsOk
          ? HttpResponse.json({ data: [{ id: 'g9', name: 'Back again', members: [], guests: [] }] })
          : HttpResponse.json({ message: 'Server Error' }, { status: 500 }),
      ),
      http.get(`*/api/organizations/${orgId}/guests`, () =>
        HttpResponse.json({ message: 'Server Error' }, { status: 500 }),
      ),
    )
    renderOverview({ withGroups: false, withGuests: false })
    expect(link('4 full seats in use')).toBeInTheDocument()

    const groupsCard = screen.getByRole('region', { name: 'Groups' })
    expect(await within(groupsCard).findByText(/Couldn't load the groups/)).toBeInTheDocument()
    const guestsCard = screen.getByRole('region', { name: 'Guests' })
    expect(await within(guestsCard).findByText(/Couldn't load the guests/)).toBeInTheDocument()
    expect(within(guestsCard).getByRole('button', { name: 'Retry' })).toBeInTheDocument()

    groupsOk = true
    await userEvent.click(within(groupsCard).getByRole('button', { name: 'Retry' }))
    expect(await within(groupsCard).findByRole('link', { name: '1 group' })).toHaveAttribute(
      'href',
      '/groups',
    )
    expect(within(groupsCard).getByRole('link', { name: '1 empty group' })).toBeInTheDocument()
  })

  it('says when the guests and groups lists behind its figures stopped short, with Retry', async () => {
    const queryClient = createTestQueryClient()
    queryClient.setQueryData(memberQueries.directory(orgId).queryKey, completeDirectory(members))
    queryClient.setQueryData(groupQueries.list(orgId).queryKey, groups)
    queryClient.setQueryData(groupQueries.completeness(orgId).queryKey, short(7))
    queryClient.setQueryData(guestQueries.list(orgId).queryKey, guests)
    queryClient.setQueryData(guestQueries.completeness(orgId).queryKey, short(43))
    let guestReads = 0
    server.use(
      http.get(`*/api/organizations/${orgId}/guests`, () => {
        guestReads++
        return HttpResponse.json({ data: [] })
      }),
    )
    renderPage({ '/overview': <OverviewRoute /> }, { path: '/overview', queryClient })

    const guestsCard = screen.getByRole('region', { name: 'Guests' })
    const guestsShort = within(guestsCard).getByRole('alert')
    expect(guestsShort).toHaveTextContent('Figures from 3 of 43 guests, so they are incomplete.')
    // Guests in groups that did not load look groupless: the figure says it may be too high.
    expect(
      within(guestsCard).getByText('Guests in no group may be fewer: some groups did not load.'),
    ).toBeInTheDocument()
    const groupsCard = screen.getByRole('region', { name: 'Groups' })
    expect(within(groupsCard).getByRole('alert')).toHaveTextContent(
      'Figures from 3 of 7 groups, so they are incomplete.',
    )

    await userEvent.click(within(guestsShort).getByRole('button', { name: 'Retry' }))
    await vi.waitFor(() => expect(guestReads).toBe(1))
  })

  it('says nothing of short lists when the guests and groups came whole', () => {
    renderOverview()
    expect(screen.queryByRole('alert')).toBeNull()
    expect(screen.queryByText(/some groups did not load/)).toBeNull()
  })

  it('does not count guests as groupless until the groups are in', () => {
    server.use(http.get(`*/api/organizations/${orgId}/groups`, () => delay('infinite')))
    renderOverview({ withGroups: false })
    const guestsCard = screen.getByRole('region', { name: 'Guests' })
    expect(within(guestsCard).getByRole('link', { name: '3 guests' })).toBeInTheDocument()
    expect(within(guestsCard).queryByRole('link', { name: /in no group/ })).toBeNull()
    expect(within(guestsCard).getByText(/waiting for the groups/)).toBeInTheDocument()
  })
})

describe('states', () => {
  it('says so when the organization has no members', () => {
    renderOverview({ directory: completeDirectory([]) })
    expect(screen.getByRole('heading', { name: 'No members yet' })).toBeInTheDocument()
    expect(screen.queryByRole('link', { name: /seats in use/ })).toBeNull()
  })

  it('shows the error with Retry when the directory cannot load', async () => {
    server.use(
      http.get(`*/api/organizations/${orgId}/users`, () =>
        HttpResponse.json({ message: 'Server Error' }, { status: 500 }),
      ),
    )
    const queryClient = createTestQueryClient()
    renderPage({ '/overview': <OverviewRoute /> }, { path: '/overview', queryClient })
    expect(await screen.findByRole('button', { name: 'Retry' })).toBeInTheDocument()
    expect(screen.getByRole('heading', { level: 1, name: 'Overview' })).toBeInTheDocument()
  })
})
