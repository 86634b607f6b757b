// "Delete permanently" (DELETE /users/{id}/delete), for a disabled member only: an alert dialog that
// asks the admin to type the person's email (case does not matter) before the button goes live,
// because nothing brings the account back. Afterwards the admin is on /members.
import { useId, useRef, useState } from 'react'
import { useQueryClient } from '@tanstack/react-query'
import type { Member } from '../../../api/types'
import { refusalMessage } from '../../../api/writes/refusal'
import { Dialog, DialogFooter } from '../../../components/dialog'
import { FormField } from '../../../components/form-field'
import { useNotice } from '../../../components/notices'
import { paths } from '../../../lib/paths'
import { useSubmitGuard } from '../../../lib/use-submit-guard'
import { deletePermanently } from './offboarding-write-actions'
import { useLeavePage } from './use-leave-page'

/** What the admin types: the email, or the name for the rare member Tallyfy sent without one. */
const confirmationOf = (member: Pick<Member, 'email' | 'fullName'>) => member.email?.trim() || member.fullName

export const matchesConfirmation = (typed: string, expected: string) =>
  typed.trim().toLowerCase() === expected.trim().toLowerCase()

export function DeleteMemberDialog({
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
  const bodyId = useId()
  const cancelRef = useRef<HTMLButtonElement>(null)
  const [typed, setTyped] = useState('')
  const [sending, setSending] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const name = member.fullName
  const expected = confirmationOf(member)
  const byEmail = Boolean(member.email?.trim())
  const matches = matchesConfirmation(typed, expected)

  const onSubmit = () => {
    if (!matches) return
    guard.run(() => {
      setError(null)
      setSending(true)
      return deletePermanently(ctx, member, () => leave(paths.members())).catch((e: unknown) => {
        setSending(false)
        setError(refusalMessage(e, { what: 'member' }))
      })
    })
  }

  return (
    <Dialog
      title={`Delete ${name} permanently?`}
      onClose={onClose}
      role="alertdialog"
      describedBy={bodyId}
      initialFocus={cancelRef}
      className="dialog--alert"
    >
      <div id={bodyId} className="dialog__message">
        <p>
          {name}'s account is deleted for good: this cannot be undone, and enabling them is no longer
          possible. Tallyfy keeps their name on what they did, marked “(Deleted)”.
        </p>
      </div>
      <form
        className="offboarding__form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault()
          onSubmit()
        }}
      >
        <FormField
          label={byEmail ? `Type ${expected} to confirm` : `Type their name, ${expected}, to confirm`}
          hint="Capitals don't matter."
        >
          {(control) => (
            <input
              {...control}
              className="input"
              type="text"
              autoComplete="off"
              spellCheck={false}
              value={typed}
              disabled={sending}
              onChange={(event) => setTyped(event.target.value)}
            />
          )}
        </FormField>
        <DialogFooter
          confirmLabel="Delete permanently"
          onCancel={onClose}
          busy={sending}
          tone="danger"
          disabled={!matches}
          error={error}
          cancelRef={cancelRef}
        />
      </form>
    </Dialog>
  )
}
