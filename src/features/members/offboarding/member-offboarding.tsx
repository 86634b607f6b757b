// Where the member page's admin controls take the offboarding part from: a chunk of its own, loaded
// only when an admin opens a member's page (member-admin.tsx renders this for admins only).
import { lazy, Suspense } from 'react'
import type { Member } from '../../../api/types'

const OffboardingActions = lazy(() =>
  import('./offboarding-actions').then((m) => ({ default: m.OffboardingActions })),
)

export function MemberOffboarding(props: { orgId: string; member: Member; isSelf: boolean }) {
  return (
    <Suspense fallback={null}>
      <OffboardingActions {...props} />
    </Suspense>
  )
}
