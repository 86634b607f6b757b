// An admin's writes to one guest: add, disable, enable, reset the link, remove, convert to a member.
// Each runs outside React's lifetime (runWrite on the query client, notices from the layout's host,
// the outcome in the Activity record), so leaving the page neither cancels a write nor loses what
// became of it. None is optimistic: a guest's state after a write is what Tallyfy answers (the new
// link, the disabled time, the member it became), so the cache takes the answer, not a guess.
//
// The writes to one guest run one after another (guestScope, in api/guests/mutations.ts).

import type { QueryClient } from '@tanstack/react-query'
import { isApiError } from '../../api/errors'
import { addGuest, guestBecameMember, patchGuest, removeGuest } from '../../api/guests/cache'
import { guestCapRetryAt, guestMutations } from '../../api/guests/mutations'
import { guestQueries } from '../../api/guests/queries'
import type { Guest, GuestInput, Member } from '../../api/types'
import { activity, type WriteRecord } from '../../api/writes/activity'
import { refusalMessage } from '../../api/writes/refusal'
import { runWrite } from '../../api/writes/run-write'
import type { Notify } from '../../components/notices'
import { guestCapText } from '../../lib/guest-cap'
import type { WritableRole } from '../../lib/roles'

export interface GuestWriteContext {
  qc: QueryClient
  orgId: string
  notify: Notify
}

/** The one message for a refused guest write: the hourly cap with its clock time, else Tallyfy's words. */
export function guestWriteMessage(error: unknown, now: Date = new Date()): string {
  if (isApiError(error) && error.status === 429) return guestCapText(guestCapRetryAt(error, now), now)
  return refusalMessage(error, { what: 'guest' })
}

/** What the page calls a guest in a label or a notice: their name, else their email. */
const nameOf = (guest: Pick<Guest, 'name' | 'email'>) => guest.name ?? guest.email

/** When an answer carried no guest, only a fresh read can show what Tallyfy holds. */
function readAgain({ qc, orgId }: GuestWriteContext, email?: string) {
  void qc.invalidateQueries({ queryKey: guestQueries.list(orgId).queryKey })
  if (email) void qc.invalidateQueries({ queryKey: guestQueries.detail(orgId, email).queryKey })
}

/**
 * POST /guests, sent once (never repeated: a second request could be a second invitation email).
 * Resolves with the guest as Tallyfy holds them (or null when the answer carried none); rejects with
 * the error, after recording it, so the form can put a 422 on its field.
 */
export async function createGuest(ctx: GuestWriteContext, input: GuestInput): Promise<Guest | null> {
  const { qc, orgId } = ctx
  const record = activity.start(orgId, `Add guest ${input.email}`)
  try {
    const guest = await runWrite(qc, guestMutations.create(orgId), input)
    record.done()
    if (guest) addGuest(qc, orgId, guest)
    else readAgain(ctx)
    return guest
  } catch (error) {
    record.fail(error, { what: 'guest', message: guestWriteMessage(error) })
    throw error
  }
}

type StatusChange = 'disable' | 'enable'

/**
 * Disable or enable, with Undo (the other one). A refusal (403 "Cannot disable guest with incomplete
 * tasks") is Tallyfy's business rule, not the session's end: it is shown in its words and recorded.
 */
export async function changeGuestStatus(
  ctx: GuestWriteContext,
  guest: Pick<Guest, 'email' | 'name'>,
  change: StatusChange,
): Promise<Guest | null> {
  const { orgId, notify } = ctx
  const name = nameOf(guest)
  const record = activity.start(orgId, `${change === 'disable' ? 'Disable' : 'Enable'} guest ${name}`)
  try {
    const answer = await sendStatus(ctx, guest.email, change)
    const undo = () => void undoStatus(ctx, guest, change, record)
    record.done({ undo })
    notify({
      message:
        change === 'disable'
          ? `Disabled ${name}: their link no longer opens their tasks.`
          : `Enabled ${name}: their link works again.`,
      undo: () => activity.undo(record.id),
    })
    return answer
  } catch (error) {
    record.fail(error, { what: 'guest', message: guestWriteMessage(error) })
    throw error
  }
}

function sendStatus(ctx: GuestWriteContext, email: string, change: StatusChange): Promise<Guest | null> {
  const { qc, orgId } = ctx
  const options =
    change === 'disable' ? guestMutations.disable(orgId, email) : guestMutations.enable(orgId, email)
  return runWrite(qc, options, undefined).then((answer) => {
    if (answer) patchGuest(qc, orgId, email, answer)
    else readAgain(ctx, email)
    return answer
  })
}

async function undoStatus(
  ctx: GuestWriteContext,
  guest: Pick<Guest, 'email' | 'name'>,
  change: StatusChange,
  record: WriteRecord,
) {
  const name = nameOf(guest)
  try {
    await sendStatus(ctx, guest.email, change === 'disable' ? 'enable' : 'disable')
    const detail = change === 'disable' ? `${name} is enabled again.` : `${name} is disabled again.`
    record.undone(detail)
    ctx.notify({ message: detail })
  } catch (error) {
    record.undoFailed(error, 'guest')
    ctx.notify({ tone: 'error', message: `Could not undo: ${guestWriteMessage(error)}` })
  }
}

/** A new link for the guest; the old one stops working at once (so no Undo: it cannot come back). */
export async function resetGuestLink(
  ctx: GuestWriteContext,
  guest: Pick<Guest, 'email' | 'name'>,
): Promise<Guest | null> {
  const { qc, orgId, notify } = ctx
  const name = nameOf(guest)
  const record = activity.start(orgId, `Reset the link of guest ${name}`)
  try {
    const answer = await runWrite(qc, guestMutations.resetLink(orgId, guest.email), undefined)
    if (answer) patchGuest(qc, orgId, guest.email, answer)
    else readAgain(ctx, guest.email)
    record.done()
    notify({ message: `${name} has a new link. The old one no longer works.` })
    return answer
  } catch (error) {
    record.fail(error, { what: 'guest', message: guestWriteMessage(error) })
    throw error
  }
}

/**
 * Out of the organization and every group. `leave` runs once Tallyfy agreed and before the guest
 * leaves the cache: their page must be gone first, or forgetting them would read them again (a 404).
 */
export async function removeGuestFromOrg(
  ctx: GuestWriteContext,
  guest: Pick<Guest, 'email' | 'name'>,
  leave?: () => void,
): Promise<void> {
  const { qc, orgId } = ctx
  const record = activity.start(orgId, `Remove guest ${nameOf(guest)}`)
  try {
    await runWrite(qc, guestMutations.remove(orgId, guest.email), undefined)
    leave?.()
    removeGuest(qc, orgId, guest.email)
    record.done()
  } catch (error) {
    record.fail(error, { what: 'guest', message: guestWriteMessage(error) })
    throw error
  }
}

export interface ToMemberChoice {
  firstName: string
  lastName: string
  role: WritableRole
}

/** The guest becomes an invited member (a seat: 409 when the pool is full); they leave the guests. */
export async function convertGuestToMember(
  ctx: GuestWriteContext,
  guest: Pick<Guest, 'email' | 'name'>,
  choice: ToMemberChoice,
  leave?: (member: Member | null) => void,
): Promise<Member | null> {
  const { qc, orgId } = ctx
  const record = activity.start(orgId, `Convert guest ${nameOf(guest)} to a member`)
  try {
    const member = await runWrite(qc, guestMutations.toMember(orgId, guest.email), choice)
    // As with a removal: off the guest's page before they leave the cache.
    leave?.(member)
    guestBecameMember(qc, orgId, guest.email, member)
    record.done()
    return member
  } catch (error) {
    record.fail(error, { what: 'guest', message: guestWriteMessage(error) })
    throw error
  }
}
