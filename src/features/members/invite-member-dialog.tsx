// The invite form, in a dialog. Loaded only when an admin first presses "Invite member", so /members
// does not carry it. Each field is checked before sending (invite-validation.ts); Tallyfy's own
// refusals (a duplicate email is only known to it) land on the field they name, in its words.
import { useRef, type FormEvent } from 'react'
import type { Member } from '../../api/types'
import { Dialog, DialogFooter } from '../../components/dialog'
import { useFormDraft } from '../../components/form-draft'
import { FormField } from '../../components/form-field'
import { EmailField, NameFields } from '../../components/person-fields'
import { RoleOptions } from '../../components/domain/role-options'
import {
  emptyInviteDraft,
  INVITE_WIRE_FIELDS,
  MESSAGE_MAX,
  toInviteInput,
  validateInvite,
  type InviteField,
} from './invite-validation'
import { useInviteMember } from './use-member-writes'
import { refusalMessage } from '../../api/writes/refusal'
import { useSubmitGuard } from '../../lib/use-submit-guard'

const FIELD_ORDER: readonly InviteField[] = ['email', 'firstName', 'lastName', 'role', 'message']

export function InviteMemberDialog({
  orgId,
  onClose,
  onInvited,
}: {
  orgId: string
  onClose: () => void
  onInvited: (member: Member | null, email: string) => void
}) {
  const { draft, errors, formError, formRef, bind, showErrors, showRefusal, clearErrors } =
    useFormDraft<InviteField>(() => emptyInviteDraft, FIELD_ORDER)
  const invite = useInviteMember(orgId)
  // A second click can arrive before React re-renders the disabled button: one invitation, always.
  const guard = useSubmitGuard()
  const emailRef = useRef<HTMLInputElement>(null)

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    if (guard.busy() || invite.isPending) return
    clearErrors()
    const input = toInviteInput(draft)
    if (!input) {
      showErrors(validateInvite(draft))
      return
    }
    guard.run(() =>
      invite.mutateAsync(input, {
        onSuccess: (member) => onInvited(member, input.email),
        onError: (error) =>
          showRefusal(error, INVITE_WIRE_FIELDS, (e) => refusalMessage(e, { what: 'member' })),
      }),
    )
  }

  return (
    <Dialog title="Invite member" onClose={onClose} className="invite-dialog" initialFocus={emailRef}>
      <form ref={formRef} className="invite-form" noValidate onSubmit={onSubmit}>
        <EmailField bind={bind} error={errors.email} inputRef={emailRef} />
        <NameFields bind={bind} errors={errors} />
        <FormField
          label="Role"
          error={errors.role}
          hint="Administrators can invite and manage members. Light members complete tasks but can’t build templates."
        >
          {(control) => (
            <select {...control} {...bind('role')} className="input">
              <RoleOptions />
            </select>
          )}
        </FormField>
        <FormField
          label="Message"
          error={errors.message}
          hint={`Sent in the invitation email. Up to ${MESSAGE_MAX.toLocaleString()} characters.`}
        >
          {(control) => (
            <textarea {...control} {...bind('message')} className="input invite-form__message" rows={4} />
          )}
        </FormField>
        <DialogFooter
          confirmLabel="Send invitation"
          onCancel={onClose}
          busy={invite.isPending}
          error={formError}
        />
      </form>
    </Dialog>
  )
}
