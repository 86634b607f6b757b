// "Withdraw {name}'s invitation?": the alert dialog both the row's menu and the member's page open.
// It names what is lost before anything is sent (the link stops working; the person leaves the
// member list; the seat is freed); Tallyfy's refusal shows inside it, in its words.
import { useState } from 'react'
import { useQueryClient } from '@tanstack/react-query'
import { refusalMessage } from '../../../api/writes/refusal'
import { AlertDialog } from '../../../components/dialog'
import { useNotice } from '../../../components/notices'
import { useSubmitGuard } from '../../../lib/use-submit-guard'
import { useMemberBusy } from '../use-member-writes'
import { withdrawInvitation, type Invitee } from './invitation-actions'

export function WithdrawDialog({
  orgId,
  member,
  onClose,
  onWithdrawn,
  leavePage,
}: {
  orgId: string
  member: Invitee
  onClose: () => void
  /** Tallyfy agreed and the person is out of the cache; the dialog is still open (the caller closes it). */
  onWithdrawn?: () => void
  /** The member's page: leaves it once Tallyfy agreed, before the person leaves the cache. */
  leavePage?: () => Promise<void>
}) {
  const ctx = { qc: useQueryClient(), notify: useNotice(), orgId }
  const busy = useMemberBusy(orgId, member.id)
  // One request however fast the button is pressed twice (before the busy state renders).
  const guard = useSubmitGuard()
  const [error, setError] = useState<string | null>(null)
  const name = member.fullName

  const withdraw = () =>
    guard.run(() => {
      setError(null)
      return withdrawInvitation(ctx, member, leavePage).then(onWithdrawn, (e: unknown) =>
        setError(refusalMessage(e, { what: 'member' })),
      )
    })

  return (
    <AlertDialog
      title={`Withdraw ${name}'s invitation?`}
      confirmLabel="Withdraw"
      onConfirm={withdraw}
      onCancel={onClose}
      busy={busy}
      error={error}
    >
      <p>
        The invitation link {member.email ? `sent to ${member.email} ` : ''}stops working at once, and {name}{' '}
        leaves the member list.
      </p>
      <p>The seat the invitation holds is freed. To have them join later, invite them again.</p>
    </AlertDialog>
  )
}
