// The invite form's checks, before anything is sent: the rules Tallyfy documents for
// POST /users/invite (tallyfy-api.md §3.3), so the common mistakes are explained on the field at
// once instead of after a round trip. Tallyfy still has the last word (a duplicate email is only
// known to it); its 422 messages land on the same fields.
import type { InviteInput } from '../../api/members/mutations'
import { fieldsFromServer } from '../../components/form-draft'
import { isValidEmail } from '../../lib/email'
import { charLength, NAME_MAX, nameProblem } from '../../lib/invite-rules'
import { isWritableRole } from '../../lib/roles'

export const MESSAGE_MAX = 5000

export type InviteField = 'email' | 'firstName' | 'lastName' | 'role' | 'message'

/** What the form holds: text as typed, before trimming. */
export interface InviteDraft {
  email: string
  firstName: string
  lastName: string
  role: string
  message: string
}

export type InviteErrors = Partial<Record<InviteField, string>>

const defaultInviteMessage =
  "Hello! I've invited you to join our organization on Tallyfy. Use the link in this email to set up your account."

export const emptyInviteDraft: InviteDraft = {
  email: '',
  firstName: '',
  lastName: '',
  role: 'standard',
  message: defaultInviteMessage,
}

// The test of the form's rules reads it here, where the form's other checks are.
export { looksLikeUrl } from '../../lib/invite-rules'

function checkName(value: string, label: string): string | undefined {
  switch (nameProblem(value)) {
    case 'missing':
      return `Enter a ${label.toLowerCase()}.`
    case 'too-long':
      return `${label} can be at most ${NAME_MAX} characters.`
    case 'url':
      return `${label} can't contain a web address.`
    default:
      return undefined
  }
}

export function validateInvite(draft: InviteDraft): InviteErrors {
  const errors: InviteErrors = {}
  const email = draft.email.trim()
  if (email === '') errors.email = 'Enter an email address.'
  else if (!isValidEmail(email)) errors.email = 'Enter an email address like name@example.com.'

  const first = checkName(draft.firstName.trim(), 'First name')
  if (first) errors.firstName = first
  const last = checkName(draft.lastName.trim(), 'Last name')
  if (last) errors.lastName = last

  if (!isWritableRole(draft.role)) errors.role = 'Choose a role.'

  const message = draft.message.trim()
  if (message === '') errors.message = 'Enter a message for the invitation.'
  else if (charLength(message) > MESSAGE_MAX)
    errors.message = `The message can be at most ${MESSAGE_MAX} characters.`
  return errors
}

/** The request body, once `validateInvite` found nothing; null otherwise. */
export function toInviteInput(draft: InviteDraft): InviteInput | null {
  if (Object.keys(validateInvite(draft)).length > 0 || !isWritableRole(draft.role)) return null
  return {
    email: draft.email.trim(),
    firstName: draft.firstName.trim(),
    lastName: draft.lastName.trim(),
    role: draft.role,
    message: draft.message.trim(),
  }
}

// Tallyfy's 422 names the wire fields (first_name, …); the form names its own.
export const INVITE_WIRE_FIELDS: Readonly<Record<string, InviteField>> = {
  email: 'email',
  first_name: 'firstName',
  last_name: 'lastName',
  role: 'role',
  message: 'message',
}

/**
 * Tallyfy's field errors (ApiError.fieldErrors, dotted paths) on the form's fields, in its words;
 * what names no field of the form is returned apart, to be shown above the button.
 */
export const inviteErrorsFromServer = (fieldErrors: Record<string, string[]>) =>
  fieldsFromServer(fieldErrors, INVITE_WIRE_FIELDS)
