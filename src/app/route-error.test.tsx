import { QueryClientProvider } from '@tanstack/react-query'
import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { createMemoryRouter, RouterProvider, type RouteObject } from 'react-router'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { credentialStore } from '../api/credentials'
import { createQueryClient } from '../api/query-client'
import { isChunkLoadError } from './route-error'
import { routes } from './router'

// The real route tree, with one extra page that throws, placed where the app's pages live: the
// page's error boundary must catch it inside the layout, so the header and navigation keep working.

vi.mock('../features/members/members-route', () => ({ Component: () => <h1>Members</h1> }))
vi.mock('../features/groups/groups-route', () => ({ Component: () => <h1>Groups</h1> }))
vi.mock('./app-layout', async (importOriginal) => {
  const { Outlet, NavLink } = await import('react-router')
  const original = await importOriginal<typeof import('./app-layout')>()
  // The shell's header queries Tallyfy; a plain header with the same navigation is enough here.
  return {
    ...original,
    AppLayout: () => (
      <>
        <nav aria-label="Main">
          <NavLink to="/members">Members</NavLink>
          <NavLink to="/groups">Groups</NavLink>
        </nav>
        <main>
          <Outlet />
        </main>
      </>
    ),
  }
})

let failure: Error = new Error('page exploded')
function Broken(): never {
  throw failure
}

/** Adds /broken next to the real pages, inside the same error boundary (once per test file). */
function withBrokenPage(tree: RouteObject[]): RouteObject[] {
  const pages = tree[0]?.children?.[1]?.children?.[0]?.children
  if (!pages) throw new Error('the route tree changed shape: update this test')
  if (!pages.some((r) => r.path === '/broken')) pages.unshift({ path: '/broken', Component: Broken })
  return tree
}

function renderAt(path: string) {
  const router = createMemoryRouter(withBrokenPage(routes), { initialEntries: [path] })
  render(
    <QueryClientProvider client={createQueryClient()}>
      <RouterProvider router={router} />
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
    renderAt('/broken')
    expect(await screen.findByRole('heading', { level: 1, name: 'Something went wrong' })).toBeInTheDocument()
    await userEvent.click(screen.getByRole('link', { name: 'Groups' }))
    expect(await screen.findByRole('heading', { level: 1, name: 'Groups' })).toBeInTheDocument()
  })

  it("reloads the page when Retry follows a page whose code didn't download", async () => {
    failure = new TypeError('Failed to fetch dynamically imported module: /assets/groups-route.js')
    const reload = vi.fn<() => void>()
    vi.spyOn(window, 'location', 'get').mockReturnValue({ ...window.location, reload })
    renderAt('/broken')
    await userEvent.click(await screen.findByRole('button', { name: 'Retry' }))
    expect(reload).toHaveBeenCalledOnce()
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
