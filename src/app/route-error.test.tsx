import { QueryClientProvider, queryOptions } from '@tanstack/react-query'
import { act, render, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { MemoryRouter } from 'react-router'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { credentialStore } from '../api/credentials'
import { createQueryClient } from '../api/query-client'
import { createLocationSpy } from '../test/location-spy'
import { isChunkLoadError } from './route-error-view'
import { AppRoutes } from './router'

// The real route tree and layout, with the member page replaced by one that throws: the page's
// error boundary must catch it inside the layout, so the header and navigation keep working.

vi.mock('../features/auth/sign-in-route', () => ({ Component: () => <h1>Sign in</h1> }))
vi.mock('../features/members/members-route', () => ({ Component: () => <h1>Members</h1> }))
vi.mock('../features/members/member-detail-route', () => ({ Component: () => <MaybeBroken /> }))
vi.mock('../features/groups/groups-route', () => ({ Component: () => <h1>Groups</h1> }))
// The shell's header asks Tallyfy who is signed in; canned answers are enough here.
vi.mock('../api/me', () => ({
  meQueries: {
    current: (orgId: string) =>
      queryOptions({
        queryKey: ['org', orgId, 'me'],
        queryFn: async () => ({ id: 1, email: null, fullName: 'Ada Lovelace', pictureUrl: null }),
      }),
    organizations: (orgId: string) =>
      queryOptions({ queryKey: ['org', orgId, 'me', 'organizations'], queryFn: async () => [] }),
  },
}))

let failure: Error | null = new Error('page exploded')
function MaybeBroken() {
  if (failure) throw failure
  return <h1>Member page</h1>
}

function renderAt(path: string) {
  const router = createLocationSpy()
  render(
    <QueryClientProvider client={createQueryClient()}>
      <MemoryRouter initialEntries={[path]}>
        <router.LocationSpy />
        <AppRoutes />
      </MemoryRouter>
    </QueryClientProvider>,
  )
  return router
}

beforeEach(() => {
  credentialStore.set(
    { orgId: '0123456789abcdef0123456789abcdef', token: 'tok', demo: false },
    { remember: false },
  )
  vi.spyOn(console, 'error').mockImplementation(() => {})
})
afterEach(() => {
  credentialStore.clear()
  vi.restoreAllMocks()
  failure = new Error('page exploded')
})

describe('a page that throws while rendering', () => {
  it('is caught by the page boundary; the navigation keeps working', async () => {
    renderAt('/members/7')
    expect(await screen.findByRole('heading', { level: 1, name: 'Something went wrong' })).toBeInTheDocument()
    // The title is written in an effect, which may run just after the heading appears.
    await waitFor(() => expect(document.title).toBe('Something went wrong · Roster'))
    await userEvent.click(screen.getByRole('link', { name: 'Groups' }))
    expect(await screen.findByRole('heading', { level: 1, name: 'Groups' })).toBeInTheDocument()
  })

  it("reloads the page when Retry follows a page whose code didn't download", async () => {
    failure = new TypeError('Failed to fetch dynamically imported module: /assets/groups-route.js')
    const reload = vi.fn<() => void>()
    vi.spyOn(window, 'location', 'get').mockReturnValue({ ...window.location, reload })
    renderAt('/members/7')
    await userEvent.click(await screen.findByRole('button', { name: 'Retry' }))
    expect(reload).toHaveBeenCalledOnce()
  })

  it('renders the page again on Retry, once the cause is gone', async () => {
    renderAt('/members/7')
    await screen.findByRole('heading', { level: 1, name: 'Something went wrong' })
    failure = null
    await userEvent.click(screen.getByRole('button', { name: 'Retry' }))
    expect(await screen.findByRole('heading', { level: 1, name: 'Member page' })).toBeInTheDocument()
  })

  it('forgets the error when the address changes, and catches it again if the next page fails', async () => {
    const router = renderAt('/members/7')
    await screen.findByRole('heading', { level: 1, name: 'Something went wrong' })
    // Same page component, another address: it renders afresh and is caught again.
    await act(() => router.navigate('/members/8'))
    expect(router.location.pathname).toBe('/members/8')
    expect(await screen.findByRole('heading', { level: 1, name: 'Something went wrong' })).toBeInTheDocument()
    failure = null
    await act(() => router.navigate('/members/9'))
    expect(await screen.findByRole('heading', { level: 1, name: 'Member page' })).toBeInTheDocument()
  })
})

describe('the route tree', () => {
  it('sends / to /members', async () => {
    const router = renderAt('/')
    expect(await screen.findByRole('heading', { level: 1, name: 'Members' })).toBeInTheDocument()
    expect(router.location.pathname).toBe('/members')
  })

  it('sends a signed-out visitor to sign-in, remembering where they were going', async () => {
    credentialStore.clear()
    const router = renderAt('/groups?q=ops')
    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in' })).toBeInTheDocument()
    expect(router.location.pathname).toBe('/sign-in')
    expect(new URLSearchParams(router.location.search).get('returnTo')).toBe('/groups?q=ops')
  })

  it('shows "Page not found" inside the shell for an unknown address', async () => {
    renderAt('/nope/deeper')
    expect(await screen.findByRole('heading', { level: 1, name: 'Page not found' })).toBeInTheDocument()
    expect(screen.getByRole('navigation', { name: 'Main' })).toBeInTheDocument()
  })
})

describe('isChunkLoadError', () => {
  it.each([
    'Failed to fetch dynamically imported module: https://x/a.js',
    'error loading dynamically imported module',
    'Importing a module script failed.',
    'Unable to preload CSS for /assets/groups-1.css',
  ])('recognises %s', (message) => {
    expect(isChunkLoadError(new Error(message))).toBe(true)
  })

  it('leaves other errors alone', () => {
    expect(isChunkLoadError(new Error('page exploded'))).toBe(false)
    expect(isChunkLoadError('Unable to preload CSS')).toBe(false)
  })
})
