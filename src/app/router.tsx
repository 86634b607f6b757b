import { createBrowserRouter, redirect, type LoaderFunctionArgs, type RouteObject } from 'react-router'
import { credentialStore } from '../api/credentials'
import { paths } from '../lib/paths'
import * as signInRoute from '../features/auth/sign-in-route'
// The landing page is in the main bundle; every other page loads on first visit.
import * as membersRoute from '../features/members/members-route'
import { AppLayout } from './app-layout'
import { RootErrorBoundary } from './root-error'
import { RouteErrorBoundary } from './route-error'

/**
 * Pages behind sign-in. The check runs as a loader too, so no page loader starts a request without
 * credentials; the layout repeats it on every render because a 401 can end the session at any time.
 */
function requireCredentials({ request }: LoaderFunctionArgs) {
  if (credentialStore.get()) return null
  const url = new URL(request.url)
  throw redirect(paths.signIn(`${url.pathname}${url.search}`))
}

export const routes: RouteObject[] = [
  {
    ErrorBoundary: RootErrorBoundary,
    children: [
      {
        path: '/sign-in',
        ...signInRoute,
        ErrorBoundary: RouteErrorBoundary,
      },
      {
        Component: AppLayout,
        loader: requireCredentials,
        ErrorBoundary: RootErrorBoundary,
        children: [
          {
            // Catches errors from pages before they reach the layout, so the shell keeps working.
            ErrorBoundary: RouteErrorBoundary,
            children: [
              { index: true, loader: () => redirect(paths.members()) },
              { path: '/members', ...membersRoute },
              { path: '/members/:memberId', lazy: () => import('../features/members/member-detail-route') },
              { path: '/groups', lazy: () => import('../features/groups/groups-route') },
              { path: '/groups/:groupId', lazy: () => import('../features/groups/group-detail-route') },
              { path: '*', lazy: () => import('./not-found-route') },
            ],
          },
        ],
      },
    ],
  },
]

export function createAppRouter() {
  return createBrowserRouter(routes)
}
