// One invitation, resent or withdrawn by an admin from a member's row or page. The cache work is the
// bulk actions' own (sendResendInvite, sendWithdrawInvite in member-write-actions.ts), so a single
// write and a batch change every screen the same way; this adds what a single write says: its
// Activity entry and its notice. Outside React, like the member page's other writes, so leaving
// the page neither cancels the write nor loses its outcome.
import { recordWrite } from '../../../api/writes/activity'
import type { Member } from '../../../api/types'
import type { Notify } from '../../../components/notices'
import { sendResendInvite, sendWithdrawInvite, type CacheContext } from '../member-write-actions'

export interface InvitationContext extends CacheContext {
  notify: Notify
}

/** The invited member, as the row or page showed them when the admin asked. */
export type Invitee = Pick<Member, 'id' | 'fullName' | 'email'>

/** The write in one Activity entry; a failure is recorded there and rethrown for the screen. */
async function recorded(orgId: string, label: string, write: () => Promise<void>) {
  const { record } = await recordWrite(orgId, label, write)
  record.done()
}

/** Tallyfy emails the invitation again (the link in it stays the same person's way in). */
export async function resendInvitation(ctx: InvitationContext, member: Invitee): Promise<void> {
  const name = member.fullName
  await recorded(ctx.orgId, `Resend ${name}'s invitation`, () => sendResendInvite(ctx, member.id))
  ctx.notify({
    message: member.email
      ? `${name}'s invitation was sent again to ${member.email}.`
      : `${name}'s invitation was sent again.`,
  })
}

/**
 * The invitation is withdrawn: its link stops working, the seat it held is free, and the person
 * leaves the directory, its counts and every group once Tallyfy agrees. Nothing to undo: inviting
 * them again is a new invitation.
 */
export async function withdrawInvitation(
  ctx: InvitationContext,
  member: Invitee,
  /** From the member's page: leaves it once Tallyfy agreed, before the member leaves the cache. */
  leavePage?: () => Promise<void>,
): Promise<void> {
  const name = member.fullName
  await recorded(ctx.orgId, `Withdraw ${name}'s invitation`, () =>
    sendWithdrawInvite(ctx, member.id, leavePage),
  )
  ctx.notify({ message: `${name}'s invitation is withdrawn, and their seat is free.` })
}
