// The offboarding part of an admin's controls on a member's page: "Make default administrator" (on
// an active administrator's page), "Remove member", "Convert to guest" and "Delete permanently"
// (once disabled; before that, Tallyfy's rule in its place). Loaded with the page's admin controls,
// after them (./member-offboarding.tsx). Focus after a dialog: back on the button that opened it
// when it is still there (Cancel, a refusal); on this part's heading when the write made the button
// go (a removed member is disabled, a new default administrator has no such button).
import { useId, useRef, useState } from 'react'
import { flushSync } from 'react-dom'
import type { Member } from '../../../api/types'
import { useMemberBusy } from '../use-member-writes'
import { ConvertToGuestDialog } from './convert-to-guest-dialog'
import { DefaultAdminDialog } from './default-admin-dialog'
import { DeleteMemberDialog } from './delete-member-dialog'
import { RemoveMemberDialog } from './remove-member-dialog'
import './offboarding.css'

type Open = 'remove' | 'guest' | 'delete' | 'default-admin' | null

/** Tallyfy keeps a deleted member listed, with "(Deleted)" after the last name (tallyfy-api.md §13). */
const isDeleted = (member: Member) => /\(Deleted\)\s*$/.test(member.lastName ?? member.fullName)

export function OffboardingActions({
  orgId,
  member,
  isSelf,
}: {
  orgId: string
  member: Member
  isSelf: boolean
}) {
  const busy = useMemberBusy(orgId, member.id)
  const [open, setOpen] = useState<Open>(null)
  const headingId = useId()
  const headingRef = useRef<HTMLHeadingElement>(null)
  const name = member.fullName

  const canBeDefault = member.role === 'admin' && member.status === 'active' && !member.isDefaultAdmin
  const offboardable = !isSelf && !isDeleted(member)
  if (!canBeDefault && !offboardable) return null

  const close = () => setOpen(null)
  /** The dialog's write made its button go: close it now, then give focus a place to stay. */
  const closeAndFocusHeading = () => {
    flushSync(() => setOpen(null))
    headingRef.current?.focus()
  }

  return (
    <section className="offboarding" aria-labelledby={headingId}>
      <h3 id={headingId} ref={headingRef} tabIndex={-1}>
        Offboarding
      </h3>
      <div className="member-admin__row">
        {canBeDefault && (
          <button type="button" className="button" disabled={busy} onClick={() => setOpen('default-admin')}>
            Make default administrator
          </button>
        )}
        {offboardable && member.status !== 'disabled' && (
          <button
            type="button"
            className="button member-admin__danger"
            disabled={busy}
            onClick={() => setOpen('remove')}
          >
            Remove member
          </button>
        )}
        {offboardable && (
          <button
            type="button"
            className="button member-admin__danger"
            disabled={busy}
            onClick={() => setOpen('guest')}
          >
            Convert to guest
          </button>
        )}
        {offboardable && member.status === 'disabled' && (
          <button
            type="button"
            className="button member-admin__danger"
            disabled={busy}
            onClick={() => setOpen('delete')}
          >
            Delete permanently
          </button>
        )}
      </div>
      {offboardable && member.status !== 'disabled' && (
        <p className="offboarding__note">
          Deleting permanently comes after disabling: Tallyfy deletes only disabled members. Remove or disable{' '}
          {name} first, and “Delete permanently” appears here.
        </p>
      )}
      {offboardable && member.isDefaultAdmin && (
        <p className="offboarding__note">
          {name} is the default administrator: Tallyfy will not remove them or convert them to a guest until
          another active administrator is made the default (on that person's page).
        </p>
      )}

      {open === 'remove' && (
        <RemoveMemberDialog orgId={orgId} member={member} onClose={close} onRemoved={closeAndFocusHeading} />
      )}
      {open === 'guest' && <ConvertToGuestDialog orgId={orgId} member={member} onClose={close} />}
      {open === 'delete' && <DeleteMemberDialog orgId={orgId} member={member} onClose={close} />}
      {open === 'default-admin' && (
        <DefaultAdminDialog orgId={orgId} member={member} onClose={close} onDone={closeAndFocusHeading} />
      )}
    </section>
  )
}
