import { lazy, Suspense, type ComponentType } from 'react'
import { Navigate, Route, Routes } from 'react-router'
import { LoadingState } from '../components/states'
import { paths } from '../lib/paths'
// The landing page is in the main bundle; every other page loads on first visit.
import { Component as MembersPage } from '../features/members/members-route'
import { AppLayout } from './app-layout'

// Declarative routes (<Routes>) rather than a data router: the data router's loaders, actions and
// fetchers cost about 18 KB gzipped in the first download, and Roster loads data with TanStack Query.
// Route modules keep exporting `Component`, so moving back to lazy route objects stays a small change.
/**
 * A lazy page that can also be loaded before its first render (`preloadSignIn`), and then renders
 * at once: React.lazy takes a thenable that resolves synchronously as already loaded. Suspending
 * instead would show the fallback, and React 19 keeps a fallback up for at least 300 ms once it is
 * shown, which on the way in is far longer than the chunk takes to arrive.
 */
function preloadableLazy(load: () => Promise<ComponentType>) {
  let loaded: ComponentType | null = null
  let loading: Promise<ComponentType> | null = null
  const preload = () =>
    (loading ??= load().then(
      (page) => (loaded = page),
      (error: unknown) => {
        loading = null // a later render tries the download again
        throw error
      },
    ))
  const Page = lazy(() => {
    const page = loaded
    if (page) {
      // A thenable on purpose: React.lazy reads one that resolves synchronously as already loaded.
      // oxlint-disable-next-line unicorn/no-thenable
      const ready = { then: (resolve: (m: { default: ComponentType }) => void) => resolve({ default: page }) }
      return ready as unknown as Promise<{ default: ComponentType }>
    }
    return preload().then((p) => ({ default: p }))
  })
  return { Page, preload }
}

const signIn = preloadableLazy(() => import('../features/auth/sign-in-route').then((m) => m.Component))
const SignInPage = signIn.Page
/** Before the first render for a visitor without a session, so the sign-in form shows without a fallback. */
export const preloadSignIn = signIn.preload
const OverviewPage = lazy(() =>
  import('../features/overview/overview-route').then((m) => ({ default: m.Component })),
)
const MemberDetailPage = lazy(() =>
  import('../features/members/member-detail-route').then((m) => ({ default: m.Component })),
)
const GroupsPage = lazy(() =>
  import('../features/groups/groups-route').then((m) => ({ default: m.Component })),
)
const GroupDetailPage = lazy(() =>
  import('../features/groups/group-detail-route').then((m) => ({ default: m.Component })),
)
const GuestsPage = lazy(() =>
  import('../features/guests/guests-route').then((m) => ({ default: m.Component })),
)
const GuestDetailPage = lazy(() =>
  import('../features/guests/guest-detail-route').then((m) => ({ default: m.Component })),
)
const NotFoundPage = lazy(() => import('./not-found-route').then((m) => ({ default: m.Component })))

/**
 * Every URL of the app. Pages behind sign-in render inside AppLayout, which sends a signed-out
 * visitor to sign-in (remembering where they were going) and holds the pages' error boundary and
 * their Suspense fallback, so a failing or loading page keeps the header usable.
 */
export function AppRoutes() {
  return (
    // Only the sign-in page can suspend here (the layout's pages suspend inside the layout). The
    // loading state stays blank for its first moments, so a quick download shows nothing.
    <Suspense fallback={<LoadingState label="Loading…" />}>
      <Routes>
        <Route path="/sign-in" element={<SignInPage />} />
        <Route element={<AppLayout />}>
          <Route index element={<Navigate to={paths.members()} replace />} />
          <Route path="/overview" element={<OverviewPage />} />
          <Route path="/members" element={<MembersPage />} />
          <Route path="/members/:memberId" element={<MemberDetailPage />} />
          <Route path="/groups" element={<GroupsPage />} />
          <Route path="/groups/:groupId" element={<GroupDetailPage />} />
          <Route path="/guests" element={<GuestsPage />} />
          <Route path="/guests/:email" element={<GuestDetailPage />} />
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Routes>
    </Suspense>
  )
}
