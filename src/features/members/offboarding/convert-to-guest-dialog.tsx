// "Convert to guest" (PUT /users/{id}/to/guest): an alert dialog naming what the member loses. Once
// Tallyfy agrees the person is on /guests with the same email, and the admin lands on their guest
// page (with a notice saying what happened).
import { useState } from 'react'
import { useQueryClient } from '@tanstack/react-query'
import type { Member } from '../../../api/types'
import { refusalMessage } from '../../../api/writes/refusal'
import { AlertDialog } from '../../../components/dialog'
import { useNotice } from '../../../components/notices'
import { paths } from '../../../lib/paths'
import { useSubmitGuard } from '../../../lib/use-submit-guard'
import { DEFAULT_ADMIN_WHAT_TO_DO, isDefaultAdminRefusal } from './default-admin-help'
import { convertToGuest } from './offboarding-write-actions'
import { useLeavePage } from './use-leave-page'

const listFormat = new Intl.ListFormat(undefined, { style: 'long', type: 'conjunction' })

export function ConvertToGuestDialog({
  orgId,
  member,
  onClose,
}: {
  orgId: string
  member: Member
  onClose: () => void
}) {
  const ctx = { qc: useQueryClient(), orgId, notify: useNotice() }
  const leave = useLeavePage()
  const guard = useSubmitGuard()
  const [sending, setSending] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const name = member.fullName
  const groups = (member.groups ?? []).map((g) => g.name)

  const onConfirm = () => {
    guard.run(() => {
      setError(null)
      setSending(true)
      return convertToGuest(ctx, member, (email) => leave(email ? paths.guest(email) : paths.guests())).catch(
        (e: unknown) => {
          setSending(false)
          const words = refusalMessage(e, { what: 'member' })
          setError(isDefaultAdminRefusal(e, member) ? `${words} ${DEFAULT_ADMIN_WHAT_TO_DO}` : words)
        },
      )
    })
  }

  return (
    <AlertDialog
      title={`Convert ${name} to a guest?`}
      confirmLabel="Convert to guest"
      onConfirm={onConfirm}
      onCancel={onClose}
      busy={sending}
      error={error}
    >
      <p>
        {name} stops being a member: they lose their seat and their role, and leave the member directory
        {groups.length > 0 ? ` and their groups (${listFormat.format(groups)})` : ''}.
      </p>
      <p>
        They become a guest{member.email ? ` with the same email, ${member.email},` : ''} who works only on
        the tasks shared with them.
      </p>
    </AlertDialog>
  )
}
