// "Invite member" on /members, for admins only. The form itself is a separate chunk, loaded on the
// first press (and warmed on hover or focus), so the members page does not grow with it.
import { lazy, Suspense, useState } from 'react'
import type { Member } from '../../api/types'
import { useNotice } from '../../components/notices'
import { useIsAdmin } from '../auth/session'

const loadDialog = () => import('./invite-member-dialog')
const InviteMemberDialog = lazy(() => loadDialog().then((m) => ({ default: m.InviteMemberDialog })))

export function InviteMemberButton({ orgId }: { orgId: string }) {
  return useIsAdmin() ? <InviteMember orgId={orgId} /> : null
}

function InviteMember({ orgId }: { orgId: string }) {
  const [open, setOpen] = useState(false)
  const notify = useNotice()

  const onInvited = (member: Member | null, email: string) => {
    setOpen(false)
    notify({
      message: member
        ? `Invitation sent to ${member.fullName} (${email}). They're in the list as Invited.`
        : `Invitation sent to ${email}.`,
    })
  }

  return (
    <>
      <button
        type="button"
        className="button button--primary"
        onClick={() => setOpen(true)}
        onPointerEnter={() => void loadDialog()}
        onFocus={() => void loadDialog()}
      >
        Invite member
      </button>
      {open && (
        <Suspense fallback={null}>
          <InviteMemberDialog orgId={orgId} onClose={() => setOpen(false)} onInvited={onInvited} />
        </Suspense>
      )}
    </>
  )
}
