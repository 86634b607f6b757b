// "Make default administrator" (PUT /users/{id}/set-new-admin): a confirm dialog, since the role
// moves away from whoever holds it now. Nothing is lost (it can be moved back), so a plain dialog
// with a primary button, not an alert.
import { useId, useRef, useState } from 'react'
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { memberQueries } from '../../../api/members/queries'
import type { Member } from '../../../api/types'
import { refusalMessage } from '../../../api/writes/refusal'
import { Dialog, DialogFooter } from '../../../components/dialog'
import { useNotice } from '../../../components/notices'
import { useSubmitGuard } from '../../../lib/use-submit-guard'
import { makeDefaultAdmin } from './offboarding-write-actions'

export function DefaultAdminDialog({
  orgId,
  member,
  onClose,
  onDone,
}: {
  orgId: string
  member: Member
  onClose: () => void
  onDone: () => void
}) {
  const ctx = { qc: useQueryClient(), orgId, notify: useNotice() }
  const guard = useSubmitGuard()
  const bodyId = useId()
  const cancelRef = useRef<HTMLButtonElement>(null)
  const current = useQuery(memberQueries.directory(orgId)).data?.members.find(
    (m) => m.isDefaultAdmin && m.id !== member.id,
  )
  const [sending, setSending] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const name = member.fullName

  const onConfirm = () => {
    guard.run(() => {
      setError(null)
      setSending(true)
      return makeDefaultAdmin(ctx, member, current ?? null).then(
        () => {
          setSending(false)
          onDone()
        },
        (e: unknown) => {
          setSending(false)
          setError(refusalMessage(e, { what: 'member' }))
        },
      )
    })
  }

  return (
    <Dialog
      title={`Make ${name} the default administrator?`}
      onClose={onClose}
      describedBy={bodyId}
      initialFocus={cancelRef}
      className="dialog--alert"
    >
      <div id={bodyId} className="dialog__message">
        <p>
          The organization has one default administrator, whom Tallyfy never lets anyone remove, disable or
          convert to a guest.
        </p>
        <p>
          {current
            ? `${current.fullName} stops being the default administrator and stays an administrator; ${name} takes the role.`
            : `${name} takes the role from whoever holds it now, who stays an administrator.`}
        </p>
      </div>
      <DialogFooter
        confirmLabel="Make default administrator"
        onConfirm={onConfirm}
        onCancel={onClose}
        busy={sending}
        tone="primary"
        error={error}
        cancelRef={cancelRef}
      />
    </Dialog>
  )
}
