// The "Invite member" button and the dialog it opens; the form itself loads on the first press
// (warmed on hover or focus).
import { lazy, Suspense, useState } from 'react'
import type { Member } from '../../api/types'
import { useNotice } from '../../components/notices'

const loadDialog = () => import('./invite-member-dialog')
const InviteMemberDialog = lazy(() => loadDialog().then((m) => ({ default: m.InviteMemberDialog })))

export function InviteMember({ orgId }: { orgId: string }) {
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
