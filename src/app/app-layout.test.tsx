import { QueryClientProvider, queryOptions } from '@tanstack/react-query'
import { act, render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { Link, MemoryRouter, Route, Routes } from 'react-router'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { credentialStore } from '../api/credentials'
import { createQueryClient } from '../api/query-client'
import { retryNotice } from '../api/retry-notice'
import { AppLayout } from './app-layout'
import { retryMessage } from './layout/banners'
import { Component as NotFound } from './not-found-route'
import { createLocationSpy } from '../test/location-spy'

vi.mock('../api/me', () => ({
  meQueries: {
    current: (orgId: string) =>
      queryOptions({
        queryKey: ['org', orgId, 'me'],
        queryFn: async () => ({ id: 1, email: null, fullName: 'Ada Lovelace', pictureUrl: null }),
      }),
    organizations: (orgId: string) =>
      queryOptions({
        queryKey: ['org', orgId, 'me', 'organizations'],
        queryFn: async () => [{ id: orgId, name: 'Analytical Engines Ltd' }],
      }),
  },
}))
vi.mock('../features/auth/load-demo', () => ({
  loadDemo: async () => ({ startDemo: async () => {}, stopDemo: async () => {} }),
}))

const ORG = '0123456789abcdef0123456789abcdef'

function Broken(): never {
  throw new Error('page exploded')
}

function renderApp(initialEntry: string) {
  const router = createLocationSpy()
  render(
    <QueryClientProvider client={createQueryClient()}>
      <MemoryRouter initialEntries={[initialEntry]}>
        <router.LocationSpy />
        <Routes>
          <Route path="/sign-in" element={<h1>Sign in page</h1>} />
          {/* The layout holds the pages' error boundary, as in the app's route tree. */}
          <Route element={<AppLayout />}>
            <Route
              path="/members"
              element={
                <>
                  <h1>Members</h1>
                  <Link to="/groups">Go to groups</Link>
                  <Link to="/members?q=ada">Search ada</Link>
                </>
              }
            />
            <Route path="/groups" element={<h1>Groups</h1>} />
            <Route path="/broken" element={<Broken />} />
            <Route path="*" element={<NotFound />} />
          </Route>
        </Routes>
      </MemoryRouter>
    </QueryClientProvider>,
  )
  return router
}

const signIn = () => credentialStore.set({ orgId: ORG, token: 'tok', demo: false }, { remember: false })

beforeEach(() => {
  credentialStore.clear()
})
afterEach(() => {
  credentialStore.clear()
  delete document.documentElement.dataset.theme
})

describe('<AppLayout>', () => {
  it('sends a signed-out visitor to sign-in, remembering where they were going', async () => {
    const router = renderApp('/groups?q=ops')
    expect(await screen.findByRole('heading', { name: 'Sign in page' })).toBeInTheDocument()
    expect(router.location.pathname).toBe('/sign-in')
    expect(new URLSearchParams(router.location.search).get('returnTo')).toBe('/groups?q=ops')
  })

  it('redirects to sign-in when the session ends while browsing', async () => {
    signIn()
    const router = renderApp('/members')
    await screen.findByRole('heading', { name: 'Members' })
    act(() => credentialStore.endSession('expired'))
    expect(await screen.findByRole('heading', { name: 'Sign in page' })).toBeInTheDocument()
    expect(new URLSearchParams(router.location.search).get('returnTo')).toBe('/members')
  })

  it('ends the session after 60 minutes without input, warning first; sign-in brings the person back', async () => {
    // Time also runs on its own, for Testing Library's waits.
    vi.useFakeTimers({ now: new Date('2026-12-06T09:00:00Z'), shouldAdvanceTime: true })
    try {
      signIn()
      const router = renderApp('/groups')
      await screen.findByRole('heading', { name: 'Groups' })
      // The limits' code arrives once the page is on screen and the browser is idle.
      await act(() => vi.advanceTimersByTimeAsync(59 * 60_000))
      const warning = await screen.findByRole('alertdialog', { name: 'You’ll be signed out in a minute' })
      expect(within(warning).getByRole('button', { name: 'Stay signed in' })).toHaveFocus()
      await act(() => vi.advanceTimersByTimeAsync(60_000))
      expect(await screen.findByRole('heading', { name: 'Sign in page' })).toBeInTheDocument()
      expect(new URLSearchParams(router.location.search).get('returnTo')).toBe('/groups')
      expect(credentialStore.get()).toBeNull()
      expect(credentialStore.lastEndReason()).toBe('idle')
    } finally {
      vi.useRealTimers()
    }
  })

  it('shows the shell: skip link, navigation with the current page, organization, person, sign out', async () => {
    signIn()
    renderApp('/members')
    expect(screen.getByRole('link', { name: 'Skip to main content' })).toHaveAttribute('href', '#main')
    const nav = screen.getByRole('navigation', { name: 'Main' })
    expect(within(nav).getByRole('link', { name: 'Members' })).toHaveAttribute('aria-current', 'page')
    expect(within(nav).getByRole('link', { name: 'Groups' })).not.toHaveAttribute('aria-current')
    expect(await screen.findByText('Analytical Engines Ltd')).toBeInTheDocument()
    expect(await screen.findByText('Ada Lovelace')).toBeInTheDocument()
    expect(screen.getByRole('main')).toHaveAttribute('id', 'main')
    expect(screen.getByRole('button', { name: 'Sign out' })).toBeInTheDocument()
  })

  it('signs out to a plain sign-in page and forgets the credentials', async () => {
    signIn()
    const router = renderApp('/members')
    await userEvent.click(screen.getByRole('button', { name: 'Sign out' }))
    expect(await screen.findByRole('heading', { name: 'Sign in page' })).toBeInTheDocument()
    expect(router.location.search).toBe('')
    expect(credentialStore.get()).toBeNull()
    expect(sessionStorage.getItem('roster.credentials')).toBeNull()
  })

  it('moves focus to the new page heading after navigation, but not for a search change', async () => {
    signIn()
    renderApp('/members')
    const user = userEvent.setup()
    const search = screen.getByRole('link', { name: 'Search ada' })
    await user.click(search)
    expect(search).toHaveFocus()
    await user.click(screen.getByRole('link', { name: 'Go to groups' }))
    expect(await screen.findByRole('heading', { name: 'Groups' })).toHaveFocus()
  })

  it('keeps the header and navigation working when a page throws', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {})
    signIn()
    renderApp('/broken')
    expect(await screen.findByRole('heading', { level: 1, name: 'Something went wrong' })).toBeInTheDocument()
    await userEvent.click(screen.getByRole('link', { name: 'Groups' }))
    expect(await screen.findByRole('heading', { name: 'Groups' })).toBeInTheDocument()
    vi.mocked(console.error).mockRestore()
  })

  it('shows "Page not found" inside the shell for an unknown address', async () => {
    signIn()
    renderApp('/nope')
    expect(await screen.findByRole('heading', { level: 1, name: 'Page not found' })).toBeInTheDocument()
    expect(screen.getByRole('link', { name: 'Back to members' })).toHaveAttribute('href', '/members')
    expect(screen.getByRole('navigation', { name: 'Main' })).toBeInTheDocument()
    expect(document.title).toBe('Page not found · Roster')
  })

  it('cycles the theme and remembers it', async () => {
    signIn()
    renderApp('/members')
    await userEvent.click(screen.getByRole('button', { name: 'Use light theme' }))
    expect(document.documentElement.dataset.theme).toBe('light')
    expect(localStorage.getItem('roster.theme')).toBe('light')
    await userEvent.click(screen.getByRole('button', { name: 'Use dark theme' }))
    expect(document.documentElement.dataset.theme).toBe('dark')
    await userEvent.click(screen.getByRole('button', { name: 'Use the system theme' }))
    expect(document.documentElement.dataset.theme).toBeUndefined()
    expect(localStorage.getItem('roster.theme')).toBeNull()
  })

  it('announces retries and offline state', async () => {
    signIn()
    renderApp('/members')
    const wait: { end?: () => void } = {}
    act(() => {
      wait.end = retryNotice.publish({ reason: 'rate-limited', retryAt: Date.now() + 2500 })
    })
    expect(await screen.findByText('Tallyfy asked us to slow down, retrying in 3 s')).toBeInTheDocument()
    act(() => wait.end?.())
    expect(screen.queryByText(/slow down/)).toBeNull()

    const online = vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false)
    act(() => {
      window.dispatchEvent(new Event('offline'))
    })
    expect(screen.getByText("You're offline. Roster will refresh when you're back.")).toBeInTheDocument()
    online.mockRestore()
  })
})

describe('retryMessage', () => {
  it('counts down in whole seconds', () => {
    expect(retryMessage({ reason: 'rate-limited', retryAt: 10_000 }, 7_100)).toBe(
      'Tallyfy asked us to slow down, retrying in 3 s',
    )
    expect(retryMessage({ reason: 'unavailable', retryAt: 10_000 }, 10_500)).toBe(
      "Tallyfy isn't answering right now, retrying now",
    )
  })
})
