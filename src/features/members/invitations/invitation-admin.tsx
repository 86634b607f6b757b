// The member page's "Invitation" section, for admins and invited members only: when it was sent,
// "Resend invitation" and "Withdraw invitation" (behind its alert dialog). After a withdrawal the
// person is gone, so the page goes back to the list it was opened from; the shell puts focus on
// that page's heading, and a notice says what happened.
import { useId, useState } from 'react'
import { useQueryClient } from '@tanstack/react-query'
import type { Member } from '../../../api/types'
import { refusalMessage } from '../../../api/writes/refusal'
import { DateValue } from '../../../components/date-display'
import { useNotice } from '../../../components/notices'
import { useSubmitGuard } from '../../../lib/use-submit-guard'
import { useIsAdmin } from '../../auth/session'
import { useLeavePage } from '../offboarding/use-leave-page'
import { useMemberBusy } from '../use-member-writes'
import { resendInvitation } from './invitation-actions'
import { WithdrawDialog } from './withdraw-dialog'

export function InvitationAdmin({
  orgId,
  member,
  backTo,
}: {
  orgId: string
  member: Member
  backTo: string
}) {
  const isAdmin = useIsAdmin()
  if (!isAdmin || member.status !== 'invited') return null
  return <InvitationControls orgId={orgId} member={member} backTo={backTo} />
}

function InvitationControls({ orgId, member, backTo }: { orgId: string; member: Member; backTo: string }) {
  const ctx = { qc: useQueryClient(), notify: useNotice(), orgId }
  const busy = useMemberBusy(orgId, member.id)
  const guard = useSubmitGuard()
  // After a withdrawal: back to the list the page was opened from, before the person leaves the cache.
  const leave = useLeavePage()
  const headingId = useId()
  const errorId = useId()
  const [error, setError] = useState<string | null>(null)
  const [confirming, setConfirming] = useState(false)

  const resend = () =>
    guard.run(() => {
      setError(null)
      return resendInvitation(ctx, member).catch((e: unknown) =>
        setError(refusalMessage(e, { what: 'member' })),
      )
    })

  return (
    <section className="member-admin" aria-labelledby={headingId}>
      <h2 id={headingId}>Invitation</h2>
      <p className="member-invitation__sent">
        Sent <DateValue iso={member.createdAt} withTime />
        {member.email ? ` to ${member.email}` : ''}. Until it is accepted or withdrawn, it holds a seat.
      </p>
      <div className="member-admin__row">
        <button
          type="button"
          className="button"
          onClick={resend}
          disabled={busy}
          aria-describedby={error ? errorId : undefined}
        >
          Resend invitation
        </button>
        <button
          type="button"
          className="button member-admin__danger"
          onClick={() => {
            setError(null)
            setConfirming(true)
          }}
          disabled={busy}
        >
          Withdraw invitation
        </button>
      </div>
      {error && (
        <p id={errorId} className="member-admin__error" role="alert">
          {error}
        </p>
      )}
      {confirming && (
        <WithdrawDialog
          orgId={orgId}
          member={member}
          onClose={() => setConfirming(false)}
          leavePage={() => leave(backTo)}
        />
      )}
    </section>
  )
}
