// The signed-in session, handed down by the app layout: every page behind sign-in renders inside
// <SessionProvider>, so pages read the organization from here instead of re-checking credentials.
// This is the one module of features/auth that other features may import (see docs/contracts.md).
import { createContext, use, type ReactNode } from 'react'
import { useQuery } from '@tanstack/react-query'
import { meQueries } from '../../api/me'
import { isAdmin } from '../../api/roles'
import type { Credentials } from '../../api/types'

const SessionContext = createContext<Credentials | null>(null)

export function SessionProvider({
  credentials,
  children,
}: {
  credentials: Credentials
  children: ReactNode
}) {
  return <SessionContext value={credentials}>{children}</SessionContext>
}

/** The signed-in credentials. Only for pages inside the layout: outside it there is no session. */
export function useSession(): Credentials {
  const credentials = use(SessionContext)
  if (!credentials) throw new Error('useSession() is only for pages inside the signed-in layout')
  return credentials
}

export function useOrgId(): string {
  return useSession().orgId
}

/**
 * True once GET /me says the signed-in person is an administrator. False while that is unknown
 * (loading, failed): admin-only controls appear only when Tallyfy has said they may be used.
 */
export function useIsAdmin(): boolean {
  const me = useQuery(meQueries.current(useOrgId()))
  return me.data !== undefined && isAdmin(me.data)
}
