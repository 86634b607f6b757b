// An admin's writes to one member: change the role (with Undo), disable, enable. Each one is
// optimistic (the badge, the table and the filters' counts change at once and go back if Tallyfy
// refuses), queued behind any other write to the same member (memberScope), settled by reading the
// member again when its answer was lost (api/members/mutations.ts), and recorded in the Activity
// record from start to outcome.
//
// This runs outside React's lifetime on purpose, like a group's membership changes: a write on
// the query client (runWrite), notices from the layout's host, outcomes in the Activity
// record. Leaving the member page therefore neither cancels a write nor loses its outcome or its
// Undo, and the notice's Undo and the Activity panel's are one (`activity.undo`), run at most once.

import type { MutationOptions, QueryClient } from '@tanstack/react-query'
import {
  applyAnswer,
  applyOptimistic,
  removeFromGroups,
  removeMember,
  rollback,
  rolePatch,
  syncMe,
  type MemberPatch,
  type MemberSnapshot,
} from '../../api/members/cache'
import { isRoleChangedSince, memberMutations, type RoleUndo } from '../../api/members/mutations'
import type { Member } from '../../api/types'
import { activity, recordWrite, type WriteRecord } from '../../api/writes/activity'
import { runWrite } from '../../api/writes/run-write'
import { refusalMessage } from '../../api/writes/refusal'
import { roleLabel } from '../../components/domain/badge'
import type { Notify } from '../../components/notices'
import { isWritableRole, type WritableRole } from '../../lib/roles'

/** What a write needs to patch the cache and settle it: the single writes here and the bulk ones alike. */
export interface CacheContext {
  qc: QueryClient
  orgId: string
}

interface MemberWriteContext extends CacheContext {
  notify: Notify
}

/** The member a write is about, as the page showed them when the admin asked. */
type MemberSubject = Pick<Member, 'id' | 'fullName' | 'role'>

/**
 * Patches the cache at once, sends the write in the member's queue, and settles the cache with
 * Tallyfy's answer (or the member as read again) or rolls the patch back. Resolves with the answer.
 */
function patchAndSend<TVariables>(
  { qc, orgId }: CacheContext,
  memberId: number,
  options: MutationOptions<Member | null, Error, TVariables>,
  variables: TVariables,
  patch: MemberPatch,
  settle?: (snapshot: MemberSnapshot) => void,
): Promise<Member | null> {
  return runWrite<Member | null, TVariables, MemberSnapshot>(
    qc,
    {
      ...options,
      onMutate: () => applyOptimistic(qc, orgId, memberId, patch),
      // After an uncertain failure the old values come back too: they are what was last known for sure,
      // and the message tells the admin to check the member.
      onError: (_error, _variables, snapshot) => rollback(qc, orgId, snapshot),
      onSuccess: (answer, _variables, snapshot) => {
        applyAnswer(qc, orgId, answer, snapshot)
        settle?.(snapshot)
      },
    },
    variables,
  )
}

// ─── One write to one member, with its cache work: the member page and the bulk actions share these,
// so a change made either way patches, journals and settles every screen the same way. They record
// nothing in Activity and announce nothing: the caller does (one entry per write, or one per batch).

/** The role changes at once on every screen; the signed-in person's own controls follow. */
export const sendRoleChange = (ctx: CacheContext, memberId: number, role: WritableRole) =>
  patchAndSend(ctx, memberId, memberMutations.changeRole(ctx.orgId, memberId), role, rolePatch(role), () =>
    syncMe(ctx.qc, ctx.orgId, memberId, role),
  )

/**
 * The reverse of a role change, sent only while the member still has the role Roster set. When
 * someone changed it since, nothing is sent: the member as read then goes into the cache (it is what
 * Tallyfy holds now) and the RoleChangedSince error is rethrown for the caller to report.
 */
export async function sendUndoRole(ctx: CacheContext, memberId: number, change: RoleUndo) {
  const { qc, orgId } = ctx
  try {
    return await patchAndSend(
      ctx,
      memberId,
      memberMutations.undoRole(orgId, memberId),
      change,
      rolePatch(change.to),
      () => syncMe(qc, orgId, memberId, change.to),
    )
  } catch (error) {
    if (isRoleChangedSince(error)) {
      applyAnswer(qc, orgId, error.member)
      if (isWritableRole(error.member.role)) syncMe(qc, orgId, memberId, error.member.role)
    }
    throw error
  }
}

/** Disabled at once on every screen; once Tallyfy agrees, out of every group too (§2.6). */
export const sendDisable = (ctx: CacheContext, memberId: number) =>
  patchAndSend(
    ctx,
    memberId,
    memberMutations.disable(ctx.orgId, memberId),
    undefined,
    { status: 'disabled' },
    (snapshot) => removeFromGroups(ctx.qc, ctx.orgId, memberId, snapshot),
  )

export const sendEnable = (ctx: CacheContext, memberId: number) =>
  patchAndSend(ctx, memberId, memberMutations.enable(ctx.orgId, memberId), undefined, { status: 'active' })

/** Tallyfy emails the invitation again; the member as answered (if sent back) replaces the cached row. */
export async function sendResendInvite(ctx: CacheContext, memberId: number): Promise<void> {
  const answer = await runWrite(ctx.qc, memberMutations.resendInvite(ctx.orgId, memberId), undefined)
  if (answer) applyAnswer(ctx.qc, ctx.orgId, answer)
}

/**
 * The invitation is withdrawn: once Tallyfy agrees, the member leaves the directory, their page and
 * every group (not before: a row that vanished and came back after a refusal would be worse).
 * `beforeRemoval` runs between the two: the member's own page leaves the screen first, or it would
 * ask Tallyfy for them again as they leave the cache.
 */
export async function sendWithdrawInvite(
  ctx: CacheContext,
  memberId: number,
  beforeRemoval?: () => Promise<void>,
): Promise<void> {
  await runWrite(ctx.qc, memberMutations.withdrawInvite(ctx.orgId, memberId), undefined)
  await beforeRemoval?.()
  removeMember(ctx.qc, ctx.orgId, memberId)
}

export async function changeRole(
  ctx: MemberWriteContext,
  member: MemberSubject,
  role: WritableRole,
  { isSelf }: { isSelf: boolean },
): Promise<void> {
  const { orgId, notify } = ctx
  const name = member.fullName
  const previous = member.role
  const { record } = await recordWrite(orgId, `Change ${name}'s role to ${roleLabel(role)}`, () =>
    sendRoleChange(ctx, member.id, role),
  )
  // Undo is the reverse change, sent as a new request once the role is checked; not offered when the
  // old role was not one Roster can set, or was your own administrator role (the controls are gone).
  const canUndo = isWritableRole(previous) && previous !== role && !(isSelf && previous === 'admin')
  const undo = canUndo ? () => void undoRole(ctx, member, { from: role, to: previous }, record) : null
  record.done({ undo })
  notify({
    message: `${name}'s role is now ${roleLabel(role)}.`,
    undo: undo ? () => void activity.undo(record.id) : undefined,
  })
}

/**
 * Puts the role back, but only while the member still has the role Roster set: if someone changed
 * it since, Undo would erase their change, so nothing is sent and the notice and Activity say so.
 * Every outcome lands on the role change's Activity entry.
 */
async function undoRole(
  ctx: MemberWriteContext,
  member: MemberSubject,
  change: RoleUndo,
  record: WriteRecord,
) {
  const { notify } = ctx
  const name = member.fullName
  try {
    await sendUndoRole(ctx, member.id, change)
    const message = `${name}'s role is ${roleLabel(change.to)} again.`
    record.undone(message)
    notify({ message })
  } catch (error) {
    if (isRoleChangedSince(error)) {
      // The read that refused the Undo is what Tallyfy holds now: the page shows that.
      const now = error.member
      const message = `Not undone: ${name}'s role is now ${roleLabel(now.role, now.rawRole)}, changed since by someone else.`
      record.done({ detail: message })
      notify({ message, tone: 'error' })
      return
    }
    record.undoFailed(error, 'member')
    notify({ message: `Not undone: ${refusalMessage(error, { what: 'member' })}`, tone: 'error' })
  }
}

/** The member can no longer sign in, and leaves every group (tallyfy-api.md §2.6). */
export async function disableMember(ctx: MemberWriteContext, member: MemberSubject): Promise<void> {
  const { orgId, notify } = ctx
  const { record } = await recordWrite(orgId, `Disable ${member.fullName}`, () => sendDisable(ctx, member.id))
  record.done()
  notify({ message: `${member.fullName} is disabled and no longer in any group.` })
}

export async function enableMember(ctx: MemberWriteContext, member: MemberSubject): Promise<void> {
  const { orgId, notify } = ctx
  const { record } = await recordWrite(orgId, `Enable ${member.fullName}`, () => sendEnable(ctx, member.id))
  record.done()
  notify({ message: `${member.fullName} is enabled again.` })
}
