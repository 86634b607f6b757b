import { useIsFetching, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query'
import { Suspense, useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react'
import { Link, Navigate, NavLink, Outlet, useLocation } from 'react-router'
import { credentialStore, useCredentials } from '../api/credentials'
import { meQueries } from '../api/me'
import { useRetryNotice, type RetryNotice } from '../api/retry-notice'
import type { Credentials } from '../api/types'
import { Avatar } from '../components/avatar'
import { LoadingState } from '../components/states'
import { loadDemo } from '../features/auth/load-demo'
import { paths } from '../lib/paths'
import { useOnlineStatus } from './online-status'
import { RouteErrorBoundary } from './route-error'
import { nextTheme, setTheme, useTheme, type ThemeChoice } from './theme'

/** The signed-in shell: skip link, header with navigation and session controls, banners, main. */
export function AppLayout() {
  const credentials = useCredentials()
  const location = useLocation()
  // Set by the Sign out button, so the redirect below does not offer to return to the page just left.
  const [signedOut, setSignedOut] = useState(false)

  // The only sign-in guard: pages render inside this layout, so none of them (and none of their
  // queries) starts without credentials, and a 401 that ends the session mid-visit lands here too.
  if (!credentials) {
    const here = `${location.pathname}${location.search}`
    return <Navigate to={signedOut ? paths.signIn() : paths.signIn(here)} replace />
  }

  return (
    <div className="app">
      <a className="skip-link" href="#main">
        Skip to main content
      </a>
      <AppHeader credentials={credentials} onSignedOut={() => setSignedOut(true)} />
      <div className="app-banners">
        <OfflineBanner />
        <RetryBanner />
        <StaleDataBanner />
      </div>
      <MainWithFocus />
    </div>
  )
}

function AppHeader({ credentials, onSignedOut }: { credentials: Credentials; onSignedOut: () => void }) {
  const queryClient = useQueryClient()
  const signOut = () => {
    onSignedOut()
    credentialStore.endSession('signed-out')
    queryClient.clear()
    if (credentials.demo) {
      // The demo's service worker would otherwise keep answering /api for a real sign-in later.
      void loadDemo().then((demo) => demo.stopDemo())
    }
  }

  return (
    <header className="app-header">
      <div className="app-header__inner">
        <Link to={paths.members()} className="app-brand">
          <svg className="app-brand__mark" width="24" height="24" viewBox="0 0 24 24" aria-hidden="true">
            <circle cx="8" cy="8" r="3.5" fill="currentColor" />
            <circle cx="16.5" cy="9" r="2.75" fill="currentColor" opacity="0.7" />
            <path d="M2 19c0-3.3 2.7-6 6-6s6 2.7 6 6z" fill="currentColor" />
            <path d="M13.5 19c.3-2.9 1.4-5 3-5 2.5 0 4.5 2.2 4.5 5z" fill="currentColor" opacity="0.7" />
          </svg>
          Roster
        </Link>
        <nav className="app-nav" aria-label="Main">
          <ul>
            <li>
              <NavLink to={paths.members()}>Members</NavLink>
            </li>
            <li>
              <NavLink to={paths.groups()}>Groups</NavLink>
            </li>
          </ul>
        </nav>
        <div className="app-header__end">
          <OrganizationName credentials={credentials} />
          <CurrentUser orgId={credentials.orgId} />
          <ThemeToggle />
          <button type="button" className="button button--small" onClick={signOut}>
            Sign out
          </button>
        </div>
        <FetchingIndicator />
      </div>
    </header>
  )
}

export function shortOrgId(orgId: string): string {
  return orgId.length > 10 ? `${orgId.slice(0, 8)}…` : orgId
}

function OrganizationName({ credentials }: { credentials: Credentials }) {
  const organizations = useQuery(meQueries.organizations(credentials.orgId))
  // The name is a nicety: while loading or when the call fails, the ID (or "Demo organization") stands in.
  const match = organizations.data?.find((o) => o.id.toLowerCase() === credentials.orgId.toLowerCase())
  const name =
    match?.name ?? (credentials.demo ? 'Demo organization' : `Organization ${shortOrgId(credentials.orgId)}`)
  return (
    <p className="app-org" title={match?.name ?? credentials.orgId}>
      <span className="app-org__label">Organization{credentials.demo ? ' (demo)' : ''}</span>
      <span className="app-org__name">{name}</span>
    </p>
  )
}

function CurrentUser({ orgId }: { orgId: string }) {
  const me = useQuery(meQueries.current(orgId))
  if (!me.data) return null
  return (
    <p className="app-user">
      <Avatar name={me.data.fullName} src={me.data.pictureUrl} size="sm" decorative />
      <span className="app-user__name">
        <span className="visually-hidden">Signed in as </span>
        {me.data.fullName}
      </span>
    </p>
  )
}

const themeNames: Record<ThemeChoice, string> = {
  system: 'the system theme',
  light: 'light theme',
  dark: 'dark theme',
}

export function themeToggleLabel(current: ThemeChoice): string {
  return `Use ${themeNames[nextTheme[current]]}`
}

function ThemeToggle() {
  const theme = useTheme()
  const label = themeToggleLabel(theme)
  return (
    <button
      type="button"
      className="button button--ghost button--icon"
      aria-label={label}
      title={`${label} (now: ${themeNames[theme]})`}
      onClick={() => setTheme(nextTheme[theme])}
    >
      <ThemeIcon theme={theme} />
    </button>
  )
}

function ThemeIcon({ theme }: { theme: ThemeChoice }) {
  const common = {
    width: 20,
    height: 20,
    viewBox: '0 0 24 24',
    fill: 'none',
    stroke: 'currentColor',
    strokeWidth: 1.75,
    strokeLinecap: 'round',
    strokeLinejoin: 'round',
    'aria-hidden': true,
  } as const
  if (theme === 'light') {
    return (
      <svg {...common}>
        <circle cx="12" cy="12" r="4" />
        <path d="M12 2v2M12 20v2M4.9 4.9l1.4 1.4M17.7 17.7l1.4 1.4M2 12h2M20 12h2M4.9 19.1l1.4-1.4M17.7 6.3l1.4-1.4" />
      </svg>
    )
  }
  if (theme === 'dark') {
    return (
      <svg {...common}>
        <path d="M20 14.5A8 8 0 0 1 9.5 4a8 8 0 1 0 10.5 10.5z" />
      </svg>
    )
  }
  return (
    <svg {...common}>
      <rect x="3" y="4" width="18" height="13" rx="2" />
      <path d="M8 21h8M12 17v4" />
    </svg>
  )
}

function FetchingIndicator() {
  const fetching = useIsFetching() > 0
  if (!fetching) return null
  // CSS keeps the bar hidden for its first 200 ms (see .app-progress), so fast loads do not flicker.
  return <progress className="app-progress" aria-label="Loading from Tallyfy" />
}

function OfflineBanner() {
  const online = useOnlineStatus()
  return (
    <output className="app-banner-slot">
      {!online && (
        <span className="banner banner--warning banner--strip">
          You're offline. Roster will refresh when you're back.
        </span>
      )}
    </output>
  )
}

/**
 * True when a page shows data whose last refresh failed: the query keeps its old data (and the page
 * keeps showing it), so the person must be told it may be out of date.
 */
export function hasFailedRefresh(queryClient: QueryClient): boolean {
  return queryClient
    .getQueryCache()
    .getAll()
    .some((q) => q.getObserversCount() > 0 && q.state.status === 'error' && q.state.data !== undefined)
}

function StaleDataBanner() {
  const queryClient = useQueryClient()
  const subscribe = useCallback(
    (onChange: () => void) => queryClient.getQueryCache().subscribe(onChange),
    [queryClient],
  )
  const failed = useSyncExternalStore(
    subscribe,
    () => hasFailedRefresh(queryClient),
    () => false,
  )
  const retry = () =>
    void queryClient.refetchQueries({
      type: 'active',
      predicate: (q) => q.state.status === 'error' && q.state.data !== undefined,
    })
  return (
    <output className="app-banner-slot">
      {failed && (
        <span className="banner banner--warning banner--strip">
          Roster couldn't refresh from Tallyfy, so what you see may be out of date.
          <button type="button" className="button button--small" onClick={retry}>
            Refresh
          </button>
        </span>
      )}
    </output>
  )
}

export function retryMessage(notice: RetryNotice, now: number): string {
  const seconds = Math.max(0, Math.ceil((notice.retryAt - now) / 1000))
  const when = seconds > 0 ? `retrying in ${seconds} s` : 'retrying now'
  return notice.reason === 'rate-limited'
    ? `Tallyfy asked us to slow down, ${when}`
    : `Tallyfy isn't answering right now, ${when}`
}

function RetryBanner() {
  const notice = useRetryNotice()
  return (
    <output className="app-banner-slot">
      {notice && <RetryCountdown key={notice.retryAt} notice={notice} />}
    </output>
  )
}

/** Keyed by retryAt, so each wait starts from a fresh clock; ticks four times a second until it ends. */
function RetryCountdown({ notice }: { notice: RetryNotice }) {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    const id = window.setInterval(() => setNow(Date.now()), 250)
    return () => window.clearInterval(id)
  }, [])
  return <span className="banner banner--info banner--strip">{retryMessage(notice, now)}</span>
}

/**
 * After a client-side navigation to another page, focus goes to the new page's <h1> so screen-reader
 * and keyboard users start at the content. Not on first load, and not when only the search params
 * change (typing in a search box must keep focus).
 */
function MainWithFocus() {
  const { pathname } = useLocation()
  const mainRef = useRef<HTMLElement>(null)
  const lastPathname = useRef(pathname)

  useEffect(() => {
    if (lastPathname.current === pathname) return
    lastPathname.current = pathname
    const main = mainRef.current
    if (!main) return
    const focusHeading = (h1: HTMLElement) => {
      if (!h1.hasAttribute('tabindex')) h1.setAttribute('tabindex', '-1')
      h1.focus({ preventScroll: false })
    }
    const h1 = main.querySelector<HTMLElement>('h1')
    if (h1) {
      focusHeading(h1)
      return
    }
    // The page is still loading: hold focus on main and move to the heading when it appears, unless
    // the person has moved focus themselves in the meantime.
    main.focus()
    const observer = new MutationObserver(() => {
      const late = main.querySelector<HTMLElement>('h1')
      if (!late) return
      observer.disconnect()
      if (document.activeElement === main) focusHeading(late)
    })
    observer.observe(main, { childList: true, subtree: true })
    const timeout = window.setTimeout(() => observer.disconnect(), 5000)
    return () => {
      observer.disconnect()
      window.clearTimeout(timeout)
    }
  }, [pathname])

  return (
    <main id="main" className="app-main" tabIndex={-1} ref={mainRef}>
      <RouteErrorBoundary resetKey={pathname}>
        {/* On a direct visit this shows while the page's code downloads; on a navigation the
            router's transition keeps the previous page on screen instead. The loading state stays
            blank for its first moments, so a quick download shows nothing. */}
        <Suspense fallback={<LoadingState label="Loading page…" />}>
          <Outlet />
        </Suspense>
      </RouteErrorBoundary>
    </main>
  )
}
