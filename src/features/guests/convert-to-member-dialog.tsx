// "Convert to member": the guest becomes an invited member of the organization with the chosen role
// (POST /guests/{email}/to/member). Names start as the guest's own. A member takes a seat, so Tallyfy
// may refuse with 409 when the pool is full: its words show in the dialog. Afterwards the page is
// the new member's (or /members, when Tallyfy's answer named no member).
import { useRef, useState, type FormEvent } from 'react'
import { useQueryClient } from '@tanstack/react-query'
import { useNavigate } from 'react-router'
import type { Guest } from '../../api/types'
import { roleLabel } from '../../components/domain/badge'
import { RoleOptions } from '../../components/domain/role-options'
import { Dialog, DialogFooter } from '../../components/dialog'
import { useFormDraft } from '../../components/form-draft'
import { FormField } from '../../components/form-field'
import { NameFields } from '../../components/person-fields'
import { useNotice } from '../../components/notices'
import { paths } from '../../lib/paths'
import { isWritableRole } from '../../lib/roles'
import { useSubmitGuard } from '../../lib/use-submit-guard'
import { convertGuestToMember, guestWriteMessage } from './guest-write-actions'

type Field = 'firstName' | 'lastName' | 'role'
const wireFields: Readonly<Record<string, Field>> = {
  first_name: 'firstName',
  last_name: 'lastName',
  role: 'role',
}
const FIELD_ORDER: readonly Field[] = ['firstName', 'lastName', 'role']

export default function ConvertToMemberDialog({
  orgId,
  guest,
  onClose,
}: {
  orgId: string
  guest: Guest
  onClose: () => void
}) {
  const ctx = { qc: useQueryClient(), notify: useNotice(), orgId }
  const navigate = useNavigate()
  const { draft, errors, formError, formRef, bind, showErrors, showRefusal, clearErrors } =
    useFormDraft<Field>(
      () => ({ firstName: guest.firstName ?? '', lastName: guest.lastName ?? '', role: 'standard' }),
      FIELD_ORDER,
    )
  const [sending, setSending] = useState(false)
  const guard = useSubmitGuard()
  const firstRef = useRef<HTMLInputElement>(null)
  const name = guest.name ?? guest.email

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    if (guard.busy() || sending) return
    clearErrors()
    const firstName = draft.firstName.trim()
    const lastName = draft.lastName.trim()
    const role = draft.role
    const problems: Partial<Record<Field, string>> = {}
    if (firstName === '') problems.firstName = 'Enter a first name.'
    if (lastName === '') problems.lastName = 'Enter a last name.'
    if (!isWritableRole(role)) problems.role = 'Choose a role.'
    if (Object.keys(problems).length > 0 || !isWritableRole(role)) return showErrors(problems)
    setSending(true)
    guard.run(() =>
      convertGuestToMember(ctx, guest, { firstName, lastName, role }, (member) => {
        const message = `${firstName} ${lastName} is now a member of the organization (invited, ${roleLabel(role)}).`
        if (member) {
          void navigate(paths.member(member.id))
          ctx.notify({ message })
        } else {
          void navigate(paths.members())
          ctx.notify({
            message,
            link: { label: 'Show invited members', to: paths.members({ status: 'invited' }) },
          })
        }
      }).catch((error: unknown) => {
        setSending(false)
        showRefusal(error, wireFields, guestWriteMessage)
      }),
    )
  }

  return (
    <Dialog
      title={`Convert ${name} to a member?`}
      onClose={onClose}
      className="convert-dialog"
      initialFocus={firstRef}
    >
      <form ref={formRef} className="add-guest-form" noValidate onSubmit={onSubmit}>
        <p className="add-guest-form__intro">
          {guest.email} becomes an invited member of the organization and takes a seat. They stop being a
          guest and leave the groups they are a guest of.
        </p>
        <NameFields bind={bind} errors={errors} firstRef={firstRef} />
        <FormField
          label="Role"
          error={errors.role}
          hint="Administrators and Standard members take a full seat; Light members a light one."
        >
          {(control) => (
            <select {...control} {...bind('role')} className="input">
              <RoleOptions />
            </select>
          )}
        </FormField>
        <DialogFooter confirmLabel="Convert to member" onCancel={onClose} busy={sending} error={formError} />
      </form>
    </Dialog>
  )
}
