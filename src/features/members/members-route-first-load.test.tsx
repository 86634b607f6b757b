import { act, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { credentialStore } from '../../api/credentials'
import { memberQueries } from '../../api/members/queries'
import { DAY_MS } from '../../lib/recency'
import { completeDirectory, makeMember } from '../../test/member-factory'
import { createTestQueryClient, renderPage, TEST_ORG_ID } from '../../test/render-page'
import { loadLater, Component as MembersRoute } from './members-route'

// The overview's filters load after the first download of /members (the bundle budget). A page opened
// on a URL that holds one must not show its rows unfiltered as if filtered while that chunk is on
// its way: the skeleton stays up until it is here, then the list shows exactly the filtered rows.

const gate = vi.hoisted(() => {
  const g = {} as { opened: Promise<void>; open: () => void }
  g.opened = new Promise<void>((resolve) => {
    g.open = resolve
  })
  return g
})

// The later chunk arrives only when the test says so.
vi.mock('./member-list-later', async (importOriginal) => {
  await gate.opened
  return importOriginal()
})

const daysAgo = (days: number) => new Date(Date.now() - days * DAY_MS).toISOString()
const members = [
  makeMember({ id: 1, fullName: 'Ann Active', lastLoginAt: daysAgo(2) }),
  makeMember({ id: 2, fullName: 'Bo Never' }),
  makeMember({ id: 3, fullName: 'Cy Invited', status: 'invited', createdAt: daysAgo(30) }),
  makeMember({ id: 4, fullName: 'Di Dormant', lastLoginAt: daysAgo(200) }),
]

const rowNames = () =>
  within(screen.getAllByRole('rowgroup')[1]!)
    .queryAllByRole('link')
    .filter((a) => a.classList.contains('member-name__link'))
    .map((a) => a.textContent)

beforeEach(() => {
  credentialStore.set({ orgId: TEST_ORG_ID, token: 'test-token', demo: false }, { remember: false })
})
afterEach(() => credentialStore.clear())

describe('members page, first load on a URL with an overview filter', () => {
  it('shows the skeleton, never unfiltered rows, until the filters are here; then only the filtered rows', async () => {
    const queryClient = createTestQueryClient()
    queryClient.setQueryData(memberQueries.directory(TEST_ORG_ID).queryKey, completeDirectory(members))
    // Awaited, so React knows to come back to the list once what it waits for is here.
    let page: ReturnType<typeof renderPage> | undefined
    await act(async () => {
      page = renderPage(
        { '/members': <MembersRoute /> },
        { path: '/members?status=active&signin=never', queryClient },
      )
    })
    const { router } = page!

    // The directory is there, the filter's rules are not: nothing claims to be the filtered list.
    // The table's own skeleton (state--loading marks "still loading", as for a directory on its way).
    expect(document.querySelector('.skeleton.state--loading')).not.toBeNull()
    expect(screen.queryByRole('table', { name: 'Members' })).not.toBeInTheDocument()
    expect(screen.queryByText(/\d+ of \d+ members|^\d+ members$/)).not.toBeInTheDocument()
    for (const member of members) expect(screen.queryByText(member.fullName)).not.toBeInTheDocument()
    expect(screen.queryByRole('combobox', { name: 'Last sign-in' })).not.toBeInTheDocument()

    await act(async () => {
      gate.open()
      await loadLater()
    })

    expect(await screen.findByText('1 of 4 members')).toBeInTheDocument()
    expect(rowNames()).toEqual(['Bo Never'])
    expect(document.querySelector('.state--loading')).toBeNull()
    const lastSignIn = screen.getByRole('combobox', { name: 'Last sign-in' })
    expect(lastSignIn).toHaveValue('never')
    expect(router.location.search).toBe('?status=active&signin=never')

    // From now on the filters answer in the same event: no waiting, no skeleton.
    const user = userEvent.setup()
    await user.selectOptions(lastSignIn, 'not-90d')
    expect(router.location.search).toBe('?status=active&signin=not-90d')
    expect(rowNames()).toEqual(['Di Dormant'])
    expect(screen.getByText('1 of 4 members')).toBeInTheDocument()
  })
})
