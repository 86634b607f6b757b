import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { render } from '@testing-library/react'
import type { ReactNode } from 'react'
import { MemoryRouter, Route, Routes } from 'react-router'
import { NoticeHost } from '../components/notices'
import { SessionProvider } from '../features/auth/session'
import { createLocationSpy } from './location-spy'

export const TEST_ORG_ID = 'org-test'

/** A query client for page tests: no retries, and cached data stays fresh unless a test says so. */
export function createTestQueryClient(): QueryClient {
  return new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity } } })
}

/**
 * Renders pages as the signed-in layout would: inside the session, a query client and a memory
 * router at `path` (with optional history `state`). `routes` maps paths to elements; add stand-ins
 * ("<h1>Member page</h1>") for the pages a test navigates to.
 */
export function renderPage(
  routes: Record<string, ReactNode>,
  {
    path,
    state,
    queryClient = createTestQueryClient(),
    orgId = TEST_ORG_ID,
  }: { path: string; state?: unknown; queryClient?: QueryClient; orgId?: string },
) {
  const router = createLocationSpy()
  render(
    <QueryClientProvider client={queryClient}>
      <SessionProvider credentials={{ orgId, token: 'test-token', demo: false }}>
        <NoticeHost>
          <MemoryRouter initialEntries={[{ pathname: path.split('?')[0], search: searchOf(path), state }]}>
            <router.LocationSpy />
            <Routes>
              {Object.entries(routes).map(([routePath, element]) => (
                <Route key={routePath} path={routePath} element={element} />
              ))}
            </Routes>
          </MemoryRouter>
        </NoticeHost>
      </SessionProvider>
    </QueryClientProvider>,
  )
  return { router, queryClient }
}

function searchOf(path: string): string {
  const at = path.indexOf('?')
  return at < 0 ? '' : path.slice(at)
}
