// The Add guest form, in a dialog (loaded on the first press of "Add guest"). The email is checked
// against the loaded member directory and guest list before anything is sent, so "a member can't
// also be a guest" is said on the field at once; Tallyfy's own 422 lands there too, in its words.
// The request goes once: a 429 (30 new guests an hour) names the clock time to try again at.
import { useMemo, useRef, useState, type FormEvent } from 'react'
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { guestQueries } from '../../api/guests/queries'
import { memberQueries } from '../../api/members/queries'
import type { Guest } from '../../api/types'
import { Dialog, DialogFooter } from '../../components/dialog'
import { useFormDraft } from '../../components/form-draft'
import { FormField } from '../../components/form-field'
import { EmailField, NameFields } from '../../components/person-fields'
import { useNotice } from '../../components/notices'
import { guestKey } from '../../lib/email'
import { useSubmitGuard } from '../../lib/use-submit-guard'
import { createGuest, guestWriteMessage } from './guest-write-actions'
import {
  emptyGuestDraft,
  GUEST_WIRE_FIELDS,
  memberEmailIndex,
  toGuestInput,
  validateGuest,
  type GuestField,
  type KnownPeople,
} from './guest-validation'

const FIELD_ORDER: readonly GuestField[] = ['email', 'firstName', 'lastName', 'company']

export function AddGuestDialog({
  orgId,
  onClose,
  onAdded,
}: {
  orgId: string
  onClose: () => void
  onAdded: (guest: Guest | null, email: string) => void
}) {
  const ctx = { qc: useQueryClient(), notify: useNotice(), orgId }
  const { draft, errors, formError, formRef, bind, showErrors, showRefusal, clearErrors } =
    useFormDraft<GuestField>(() => emptyGuestDraft, FIELD_ORDER)
  const [sending, setSending] = useState(false)
  // A second click can arrive before React re-renders the disabled button: one request, always.
  const guard = useSubmitGuard()
  const emailRef = useRef<HTMLInputElement>(null)

  const directory = useQuery(memberQueries.directory(orgId)).data
  const guests = useQuery(guestQueries.list(orgId)).data
  const known = useMemo<KnownPeople>(
    () => ({
      memberByEmail: directory ? memberEmailIndex(directory.members) : null,
      guestEmails: guests ? new Set(guests.map((g) => guestKey(g.email))) : null,
    }),
    [directory, guests],
  )

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    if (guard.busy() || sending) return
    clearErrors()
    const input = toGuestInput(draft, known)
    if (!input) {
      showErrors(validateGuest(draft, known))
      return
    }
    setSending(true)
    guard.run(() =>
      createGuest(ctx, input).then(
        (guest) => onAdded(guest, input.email),
        (error: unknown) => {
          setSending(false)
          showRefusal(error, GUEST_WIRE_FIELDS, guestWriteMessage)
        },
      ),
    )
  }

  return (
    <Dialog title="Add guest" onClose={onClose} className="add-guest-dialog" initialFocus={emailRef}>
      <form ref={formRef} className="add-guest-form" noValidate onSubmit={onSubmit}>
        <p className="add-guest-form__intro">
          A guest works on tasks from outside the organization, through a link of their own.
        </p>
        <EmailField bind={bind} error={errors.email} inputRef={emailRef} />
        <NameFields bind={bind} errors={errors} />
        <FormField label="Company" error={errors.company}>
          {(control) => <input {...control} {...bind('company')} className="input" autoComplete="off" />}
        </FormField>
        <DialogFooter confirmLabel="Add guest" onCancel={onClose} busy={sending} error={formError} />
      </form>
    </Dialog>
  )
}
