// An admin's offboarding writes to one member: remove (with the work handed over), convert to a
// guest, delete permanently, and make another administrator the default. Like the role and status
// changes (../member-write-actions.ts), each one runs outside React's lifetime through runWrite (so
// it queues behind any other write to the same member and leaving the page loses nothing) and is
// one Activity entry from start to outcome.
//
// None of them is optimistic: each one takes the person out of places (their groups, the directory)
// that would have to come back after a refusal, and Tallyfy refuses some of them for reasons Roster
// cannot always see (the bot, the default administrator). The cache follows Tallyfy's answer.

import type { QueryClient } from '@tanstack/react-query'
import { defaultAdminMoved, markRemoved, memberBecameGuest, memberDeleted } from '../../../api/members/cache'
import { memberMutations } from '../../../api/members/mutations'
import type { Guest, Member } from '../../../api/types'
import { recordWrite } from '../../../api/writes/activity'
import { runWrite } from '../../../api/writes/run-write'
import type { Notify } from '../../../components/notices'

export interface OffboardingContext {
  qc: QueryClient
  orgId: string
  notify: Notify
}

/** The member a write is about, as the page showed them when the admin asked. */
type Subject = Pick<Member, 'id' | 'fullName' | 'email'>
type Successor = Pick<Member, 'id' | 'fullName'>

/**
 * Leaves the member's page once Tallyfy agreed, before the member goes from the cache (their page,
 * still on screen, would otherwise ask for them again and find nobody). Called with where they
 * went, when known (a guest's email).
 */
type Leave<T> = (to: T) => Promise<void>

/** The write in one Activity entry, done with `done(result)` as its detail; a failure is rethrown for the dialog. */
async function recorded<T>(
  orgId: string,
  label: string,
  write: () => Promise<T>,
  done: (result: T) => string,
) {
  const { result, record } = await recordWrite(orgId, label, write)
  record.done({ detail: done(result) })
  return result
}

/**
 * DELETE /users/{id}?with_reassignment=true&to={successor}: the member is disabled and leaves every
 * group; what they owned now belongs to the successor. Without a successor (they own nothing) no
 * reassignment is asked for. Resolves with the member as Tallyfy answered (null when it did not say).
 */
export async function removeMember(
  { qc, orgId, notify }: OffboardingContext,
  member: Subject,
  successor: Successor | null,
): Promise<Member | null> {
  const label = successor
    ? `Remove ${member.fullName}, handing their work to ${successor.fullName}`
    : `Remove ${member.fullName}`
  const message = successor
    ? `${member.fullName} is removed: disabled, out of every group, and their work now belongs to ${successor.fullName}.`
    : `${member.fullName} is removed: disabled and out of every group.`
  const answer = await recorded(
    orgId,
    label,
    () => runWrite(qc, memberMutations.remove(orgId, member.id), { reassignTo: successor?.id ?? null }),
    () => message,
  )
  markRemoved(qc, orgId, member.id, answer)
  notify({ message })
  return answer
}

/**
 * PUT /users/{id}/to/guest: the member leaves the directory and every group, and is a guest from
 * now on (same email). Resolves with the guest's email, to open their page.
 */
export async function convertToGuest(
  { qc, orgId, notify }: OffboardingContext,
  member: Subject,
  leave: Leave<string | null>,
): Promise<void> {
  const guest: Guest | null = await recorded(
    orgId,
    `Convert ${member.fullName} to a guest`,
    () => runWrite(qc, memberMutations.toGuest(orgId, member.id), undefined),
    () => `${member.fullName} is a guest now.`,
  )
  await leave(guest?.email ?? member.email)
  memberBecameGuest(qc, orgId, member.id, guest)
  notify({ message: `${member.fullName} is a guest now: no longer a member, and out of every group.` })
}

/** DELETE /users/{id}/delete: for good; Tallyfy accepts it only for a disabled member. */
export async function deletePermanently(
  { qc, orgId, notify }: OffboardingContext,
  member: Subject,
  leave: Leave<void>,
): Promise<void> {
  await recorded(
    orgId,
    `Delete ${member.fullName} permanently`,
    () => runWrite(qc, memberMutations.deletePermanently(orgId, member.id), undefined),
    () => `${member.fullName} is deleted permanently.`,
  )
  await leave()
  memberDeleted(qc, orgId, member.id)
  notify({ message: `${member.fullName} is deleted permanently.` })
}

/**
 * PUT /users/{id}/set-new-admin: `member` (an active administrator) becomes the organization's
 * default administrator, in place of `current` (null when Roster does not know who it is).
 */
export async function makeDefaultAdmin(
  { qc, orgId, notify }: OffboardingContext,
  member: Subject,
  current: Successor | null,
) {
  await recorded(
    orgId,
    `Make ${member.fullName} the default administrator`,
    () =>
      runWrite(qc, memberMutations.setDefaultAdmin(orgId, member.id), {
        currentDefaultId: current?.id ?? null,
      }),
    () => `${member.fullName} is the default administrator now.`,
  )
  defaultAdminMoved(qc, orgId, member.id)
  notify({
    message: current
      ? `${member.fullName} is the default administrator now, in place of ${current.fullName}.`
      : `${member.fullName} is the default administrator now.`,
  })
}
