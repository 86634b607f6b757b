import { QueryClient, QueryClientProvider, queryOptions } from '@tanstack/react-query'
import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { MemoryRouter, Route, Routes } from 'react-router'
import { describe, expect, it, vi } from 'vitest'
import { createLocationSpy } from '../../test/location-spy'
import { GroupLink } from './group-link'

const fetchGroup = vi.fn<(orgId: string, groupId: string) => Promise<{ orgId: string; groupId: string }>>(
  async (orgId, groupId) => ({ orgId, groupId }),
)

// The real query options speak HTTP; the link only needs their key and fetcher to be used.
vi.mock('../../api/groups/queries', () => ({
  groupQueries: {
    detail: (orgId: string, groupId: string) =>
      queryOptions({
        queryKey: ['org', orgId, 'groups', 'detail', groupId],
        queryFn: () => fetchGroup(orgId, groupId),
        staleTime: 60_000,
      }),
  },
}))

function setup() {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } })
  const router = createLocationSpy()
  render(
    <QueryClientProvider client={queryClient}>
      <MemoryRouter initialEntries={['/']}>
        <router.LocationSpy />
        <Routes>
          <Route
            path="/"
            element={
              <>
                <GroupLink orgId="org1" groupId="abc123">
                  Design team
                </GroupLink>
                <button type="button">elsewhere</button>
              </>
            }
          />
          <Route path="/groups/:groupId" element={<h1>Group page</h1>} />
        </Routes>
      </MemoryRouter>
    </QueryClientProvider>,
  )
  return { queryClient, router }
}

describe('GroupLink', () => {
  it('links to the group page', async () => {
    const { router } = setup()
    const link = screen.getByRole('link', { name: 'Design team' })
    expect(link).toHaveAttribute('href', '/groups/abc123')
    await userEvent.click(link)
    expect(router.location.pathname).toBe('/groups/abc123')
  })

  it('prefetches the group on hover', async () => {
    fetchGroup.mockClear()
    const { queryClient } = setup()
    expect(fetchGroup).not.toHaveBeenCalled()
    await userEvent.hover(screen.getByRole('link', { name: 'Design team' }))
    expect(fetchGroup).toHaveBeenCalledWith('org1', 'abc123')
    await vi.waitFor(() =>
      expect(queryClient.getQueryData(['org', 'org1', 'groups', 'detail', 'abc123'])).toEqual({
        orgId: 'org1',
        groupId: 'abc123',
      }),
    )
  })

  it('prefetches the group on keyboard focus, once while fresh', async () => {
    fetchGroup.mockClear()
    setup()
    await userEvent.tab()
    expect(screen.getByRole('link', { name: 'Design team' })).toHaveFocus()
    expect(fetchGroup).toHaveBeenCalledTimes(1)
    await vi.waitFor(() => expect(fetchGroup).toHaveBeenCalledTimes(1))
    await userEvent.tab()
    await userEvent.tab({ shift: true })
    expect(fetchGroup).toHaveBeenCalledTimes(1)
  })
})
