// "Invite member" on /members, for admins only. The button, its form and its notice are a chunk of
// their own, fetched once GET /me says the person is an admin, so /members does not carry them.
import { lazy, Suspense } from 'react'
import { useIsAdmin } from '../auth/session'

const InviteMember = lazy(() => import('./invite-member').then((m) => ({ default: m.InviteMember })))

export function InviteMemberButton({ orgId }: { orgId: string }) {
  if (!useIsAdmin()) return null
  return (
    <Suspense fallback={null}>
      <InviteMember orgId={orgId} />
    </Suspense>
  )
}
