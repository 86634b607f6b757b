// The Add guest form's checks, before anything is sent (tallyfy-api.md §4, POST /guests): a valid
// email that is not a member's (Tallyfy answers that with a 422; the loaded directory says so at
// once), names within Tallyfy's 200 characters. Tallyfy still has the last word: its 422 messages
// land on the same fields.
import type { GuestInput, Member } from '../../api/types'
import { guestKey, isValidEmail } from '../../lib/email'

export const GUEST_NAME_MAX = 200

export type GuestField = 'email' | 'firstName' | 'lastName' | 'company'

/** What the form holds: text as typed, before trimming. */
export type GuestDraft = Record<GuestField, string>

export type GuestErrors = Partial<Record<GuestField, string>>

export const emptyGuestDraft: GuestDraft = { email: '', firstName: '', lastName: '', company: '' }

/** What the page already knows about an address: a member's, or a guest's of this organization. */
export interface KnownPeople {
  /** By `guestKey(email)`; null while the directory loads (Tallyfy then decides alone). */
  memberByEmail: ReadonlyMap<string, Member> | null
  guestEmails: ReadonlySet<string> | null
}

/** Counts what a person sees as characters (an emoji is one), as Laravel's max rule does. */
const length = (s: string) => [...s].length

export function memberEmailIndex(members: readonly Member[]): Map<string, Member> {
  const byEmail = new Map<string, Member>()
  for (const m of members) if (m.email) byEmail.set(guestKey(m.email), m)
  return byEmail
}

/** Why `email` cannot become a new guest, or undefined when it can. */
export function emailProblem(email: string, known: KnownPeople): string | undefined {
  if (email === '') return 'Enter the guest’s email address.'
  if (!isValidEmail(email)) return 'Enter an email address like name@example.com.'
  const member = known.memberByEmail?.get(guestKey(email))
  if (member)
    return `${email} belongs to ${member.fullName}, a member of this organization. A member can’t also be a guest.`
  if (known.guestEmails?.has(guestKey(email))) return `${email} is already a guest of this organization.`
  return undefined
}

export function validateGuest(draft: GuestDraft, known: KnownPeople): GuestErrors {
  const errors: GuestErrors = {}
  const email = emailProblem(draft.email.trim(), known)
  if (email) errors.email = email
  if (length(draft.firstName.trim()) > GUEST_NAME_MAX)
    errors.firstName = `First name can be at most ${GUEST_NAME_MAX} characters.`
  if (length(draft.lastName.trim()) > GUEST_NAME_MAX)
    errors.lastName = `Last name can be at most ${GUEST_NAME_MAX} characters.`
  return errors
}

/** The request, once `validateGuest` found nothing; null otherwise. */
export function toGuestInput(draft: GuestDraft, known: KnownPeople): GuestInput | null {
  if (Object.keys(validateGuest(draft, known)).length > 0) return null
  return {
    email: draft.email.trim(),
    firstName: draft.firstName.trim(),
    lastName: draft.lastName.trim(),
    company: draft.company.trim(),
  }
}

/** Tallyfy's 422 field names (snake_case) to the form's fields; anything else is for the form. */
export const GUEST_WIRE_FIELDS: Readonly<Record<string, GuestField>> = {
  email: 'email',
  first_name: 'firstName',
  last_name: 'lastName',
  company_name: 'company',
}
