import { useIsFetching } from '@tanstack/react-query'
import { Link, NavLink } from 'react-router'
import { SignOutButton } from '../../features/auth/sign-out-button'
import { CurrentUser, OrganizationName } from '../../features/auth/who-am-i'
import { paths } from '../../lib/paths'
import { ActivityButton } from './activity-button'
import { ThemeToggle } from './theme-toggle'

export function AppHeader({ onSignedOut }: { onSignedOut: () => void }) {
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
              <NavLink to={paths.overview()}>Overview</NavLink>
            </li>
            <li>
              <NavLink to={paths.members()}>Members</NavLink>
            </li>
            <li>
              <NavLink to={paths.groups()}>Groups</NavLink>
            </li>
            <li>
              <NavLink to={paths.guests()}>Guests</NavLink>
            </li>
          </ul>
        </nav>
        <div className="app-header__end">
          <OrganizationName />
          <CurrentUser />
          <ActivityButton />
          <ThemeToggle />
          <SignOutButton onSignedOut={onSignedOut} />
        </div>
        <FetchingIndicator />
      </div>
    </header>
  )
}

function FetchingIndicator() {
  const fetching = useIsFetching() > 0
  if (!fetching) return null
  // CSS keeps the bar hidden for its first 200 ms (see .app-progress), so fast loads do not flicker.
  return <progress className="app-progress" aria-label="Loading from Tallyfy" />
}
