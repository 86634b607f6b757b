// The "Invite member" button and the dialog it opens; the form itself loads on the first press
// (warmed on hover or focus).
import { lazy, Suspense, useState } from 'react'
import type { Member } from '../../api/types'
import { useNotice } from '../../components/notices'
import { ImportMembersButton } from './import/import-members-button'

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
    // One item of the page header (which spreads its items apart), so the two buttons stay together.
    // The layout is set here rather than in members.css: this chunk loads for admins only.
    <div style={adminActions}>
      {/* Many at once from a spreadsheet (#22): in this admin-only chunk, so /members carries none of it. */}
      <ImportMembersButton orgId={orgId} />
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
    </div>
  )
}

const adminActions = { display: 'flex', flexWrap: 'wrap', gap: 'var(--space-2)' } as const
