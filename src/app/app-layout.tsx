import { useEffect, useState } from 'react'
import { useQueryClient } from '@tanstack/react-query'
import { Navigate, useLocation } from 'react-router'
import { useCredentials } from '../api/credentials'
import { startDirectory } from '../api/members/queries'
import { NoticeHost } from '../components/notices'
import { SessionProvider } from '../features/auth/session'
import { paths } from '../lib/paths'
import { AppHeader } from './layout/app-header'
import { Banners } from './layout/banners'
import { CommandPaletteShortcut } from './layout/command-palette-shortcut'
import { MainWithFocus } from './layout/main-with-focus'
import { SessionTimeoutLoader } from './layout/session-timeout-loader'

/**
 * The signed-in shell: skip link, header, banners, main. The only sign-in guard: pages render
 * inside it, so none of them (and none of their queries) starts without credentials, and a 401
 * that ends the session mid-visit lands here too. Pages read the session from `useSession()`.
 */
export function AppLayout() {
  const credentials = useCredentials()
  const location = useLocation()
  // Set by the Sign out button, so the redirect below does not offer to return to the page just left.
  const [signedOut, setSignedOut] = useState(false)
  const queryClient = useQueryClient()
  const orgId = credentials?.orgId
  // The member directory belongs to the session: it starts loading now, whatever page is open, and
  // goes on while the person browses (api/members/queries.ts, "startDirectory").
  useEffect(() => {
    if (orgId) startDirectory(queryClient, orgId)
  }, [queryClient, orgId])

  if (!credentials) {
    const here = `${location.pathname}${location.search}`
    return <Navigate to={signedOut ? paths.signIn() : paths.signIn(here)} replace />
  }

  return (
    <SessionProvider credentials={credentials}>
      {/* Above the pages, so a notice and its Undo survive leaving the page that raised it. */}
      <NoticeHost>
        <div className="app">
          <a className="skip-link" href="#main">
            Skip to main content
          </a>
          <AppHeader onSignedOut={() => setSignedOut(true)} />
          <Banners />
          <MainWithFocus />
          <CommandPaletteShortcut onSignedOut={() => setSignedOut(true)} />
          {/* The session's limits: a warning a minute ahead, then the end, in every tab. */}
          <SessionTimeoutLoader onSignedOut={() => setSignedOut(true)} />
        </div>
      </NoticeHost>
    </SessionProvider>
  )
}
