// The requests of a batch, built from its kind, its params and the people it is about: the same for
// a new batch, a Retry, an Undo and a Resume after a reload (the journal keeps only kind, params and
// keys). Each member write goes through the member page's own cache work (member-write-actions.ts:
// optimistic patch, journaled so a directory refresh never reverts it, settled with Tallyfy's answer
// or rolled back), so every screen agrees afterwards without reloading the directory.
//
// A change to a group's members is ONE PUT for the whole selection, built from a read of the group
// made when it goes, plus the intent (add these, remove those): someone else's change to the group
// meanwhile stays (api/groups/mutations.ts). Its result is told to each person.
//
// People whose write may already have happened (the journal says 'sent' or 'uncertain', or Retry of
// an uncertain one) are read first: when the change is there they are done, and nothing is sent.
import { cachedGroup, patchMembership, settleGroup } from '../../../api/groups/cache'
import { droppedNote, groupMutations, groupWriteMessage } from '../../../api/groups/mutations'
import { groupQueries } from '../../../api/groups/queries'
import { applyAnswer } from '../../../api/members/cache'
import { isRoleChangedSince } from '../../../api/members/mutations'
import { memberQueries } from '../../../api/members/queries'
import { tallyfyWords } from '../../../api/describe-error'
import { isNotFound } from '../../../api/errors'
import type { Member } from '../../../api/types'
import type { BatchStep, ItemStatus } from '../../../api/writes/batch'
import { runWrite } from '../../../api/writes/run-write'
import { isNoLongerApplies, isUncertainWrite, UncertainWriteError } from '../../../api/writes/uncertain'
import { roleLabel } from '../../../components/domain/badge'
import {
  effectiveMembershipChange,
  invertMembershipChange,
  type MembershipChange,
} from '../../../lib/group-membership'
import { canonicalMemberId } from '../../../lib/member-id'
import { isWritableRole, type WritableRole } from '../../../lib/roles'
import {
  sendDisable,
  sendEnable,
  sendResendInvite,
  sendRoleChange,
  sendUndoRole,
  sendWithdrawInvite,
  type CacheContext,
} from '../member-write-actions'
import type { BatchKind } from './bulk-kinds'

type StepAnswer = Awaited<ReturnType<BatchStep['run']>>
type PerKey = Record<string, { status: ItemStatus; detail?: string }>

export interface StepOptions {
  /** Keys whose write may already have happened: read first, sent only when the change is not there. */
  verifyFirst?: ReadonlySet<string>
  /**
   * Retry of an uncertain resend: Tallyfy's record cannot show whether an invitation email went, so
   * only the admin's explicit Retry sends one again (a Resume marks it uncertain and sends nothing).
   */
  resendUncertain?: boolean
}

// ─── params: IDs and enums only ──────────────────────────────────────────────

/**
 * People by role, as params: `{ 'was.light': '12,15' }`. A role change keeps each person's role
 * before it (for Undo, also after a reload); its Undo keeps the role to go back to.
 */
export function rolesToParams(prefix: 'was' | 'to', roles: ReadonlyMap<string, WritableRole>) {
  const byRole = new Map<WritableRole, string[]>()
  for (const [key, role] of roles) {
    const list = byRole.get(role) ?? []
    list.push(key)
    byRole.set(role, list)
  }
  const params: Record<string, string> = {}
  for (const [role, keys] of byRole) params[`${prefix}.${role}`] = keys.join(',')
  return params
}

export function rolesFromParams(
  prefix: 'was' | 'to',
  params: Record<string, string>,
): Map<string, WritableRole> {
  const roles = new Map<string, WritableRole>()
  for (const [name, value] of Object.entries(params)) {
    const role = name.startsWith(`${prefix}.`) ? name.slice(prefix.length + 1) : null
    if (!isWritableRole(role)) continue
    for (const key of value.split(',')) if (key) roles.set(key, role)
  }
  return roles
}

// ─── reading a member again ──────────────────────────────────────────────────

/**
 * The member as Tallyfy holds them now (null when gone), put in the cache so every screen shows it.
 * A read that fails while checking a write that may have happened leaves it uncertain.
 */
async function readMember(ctx: CacheContext, key: string, checking: boolean): Promise<Member | null> {
  try {
    const member = await ctx.qc.fetchQuery({ ...memberQueries.detail(ctx.orgId, Number(key)), staleTime: 0 })
    applyAnswer(ctx.qc, ctx.orgId, member)
    return member
  } catch (error) {
    if (isNotFound(error)) return null
    if (!checking) throw error
    throw new UncertainWriteError(
      'Roster could not read the member again to see whether Tallyfy made this change, so nothing was sent. Check the member before trying again.',
      { cause: error },
    )
  }
}

const one = (key: string, status: ItemStatus, detail: string): StepAnswer => ({
  perKey: { [key]: { status, detail } },
})

const gone = (key: string) => one(key, 'skipped', 'No longer in the organization')

/** The role, as a person reads it ("Light"). */
const roleName = (member: Pick<Member, 'role' | 'rawRole'>) => roleLabel(member.role, member.rawRole)

// ─── one member's step ───────────────────────────────────────────────────────

async function memberStep(
  ctx: CacheContext,
  kind: BatchKind,
  params: Record<string, string>,
  key: string,
  checkFirst: boolean,
  opts: StepOptions,
): Promise<StepAnswer> {
  const id = Number(key)
  switch (kind) {
    case 'role': {
      const role = params.role
      if (!isWritableRole(role)) throw new Error(`No role to change to.`)
      if (checkFirst) {
        const now = await readMember(ctx, key, true)
        if (!now) return gone(key)
        if (now.role === role) return one(key, 'done', `Already ${roleLabel(role)} when read again`)
      }
      await sendRoleChange(ctx, id, role)
      return
    }
    case 'disable':
      if (checkFirst) {
        const now = await readMember(ctx, key, true)
        if (!now) return gone(key)
        if (now.status === 'disabled') return one(key, 'done', 'Already disabled when read again')
      }
      await sendDisable(ctx, id)
      return
    case 'enable':
      if (checkFirst) {
        const now = await readMember(ctx, key, true)
        if (!now) return gone(key)
        if (now.status !== 'disabled') return one(key, 'done', 'Already enabled when read again')
      }
      await sendEnable(ctx, id)
      return
    case 'resend':
      if (checkFirst) {
        const now = await readMember(ctx, key, true)
        if (!now) return gone(key)
        if (now.status !== 'invited') return one(key, 'skipped', 'No longer an invitation')
        if (!opts.resendUncertain)
          return one(
            key,
            'uncertain',
            'It may have been sent before Roster was interrupted, and Tallyfy cannot tell, so it was not sent again. Use Retry failed to send it anyway.',
          )
      }
      return noLongerApplies(key, () => sendResendInvite(ctx, id))
    case 'withdraw':
      if (checkFirst) {
        const now = await readMember(ctx, key, true)
        if (!now) return one(key, 'done', 'Already withdrawn when read again')
        if (now.status !== 'invited') return one(key, 'skipped', 'No longer an invitation')
      }
      return noLongerApplies(key, () => sendWithdrawInvite(ctx, id))
    case 'undo-role': {
      const from = params.from
      const to = rolesFromParams('to', params).get(key)
      if (!isWritableRole(from) || !to) return one(key, 'skipped', 'Not undone: the role before is not known')
      if (checkFirst) {
        const now = await readMember(ctx, key, true)
        if (!now) return gone(key)
        if (now.role === to) return one(key, 'done', `Already ${roleLabel(to)} when read again`)
        if (now.role !== from) return changedSince(key, `their role is now ${roleName(now)}`)
      }
      try {
        await sendUndoRole(ctx, id, { from, to })
      } catch (error) {
        if (isRoleChangedSince(error)) return changedSince(key, `their role is now ${roleName(error.member)}`)
        throw error
      }
      return
    }
    case 'undo-disable': {
      // Undo sends only while the member is as the batch left them: read first, always.
      const now = await readMember(ctx, key, checkFirst)
      if (!now) return gone(key)
      if (now.status !== 'disabled')
        return checkFirst
          ? one(key, 'done', 'Already enabled when read again')
          : changedSince(key, 'enabled since by someone else')
      await sendEnable(ctx, id)
      return
    }
    case 'undo-enable': {
      const now = await readMember(ctx, key, checkFirst)
      if (!now) return gone(key)
      if (now.status === 'disabled')
        return checkFirst
          ? one(key, 'done', 'Already disabled when read again')
          : changedSince(key, 'disabled since by someone else')
      await sendDisable(ctx, id)
      return
    }
    default:
      throw new Error(`Not a member batch: ${kind}`)
  }
}

/**
 * An invitation write whose lost answer was settled by a read showing there is nothing left to do
 * (accepted or withdrawn meanwhile): skipped, with what the read found.
 */
async function noLongerApplies(key: string, send: () => Promise<void>): Promise<StepAnswer> {
  try {
    await send()
  } catch (error) {
    if (isNoLongerApplies(error)) return one(key, 'skipped', error.message)
    throw error
  }
}

/** Undo leaves alone whoever changed since the batch: that change is someone's, not ours to erase. */
const changedSince = (key: string, what: string) => one(key, 'skipped', `Not undone: ${what}`)

// ─── a group's one PUT ───────────────────────────────────────────────────────

const groupKinds = new Set<BatchKind>(['group-add', 'group-remove', 'undo-group-add', 'undo-group-remove'])

export const isGroupKind = (kind: BatchKind) => groupKinds.has(kind)

/**
 * Sends one membership change through the group's queue, as the group page does: the cache shows it
 * at once and settles with the server's group (which holds anyone else's change too), or goes back.
 */
export async function sendGroupChange(ctx: CacheContext, groupId: string, change: MembershipChange) {
  const { qc, orgId } = ctx
  await qc.cancelQueries({ queryKey: groupQueries.detail(orgId, groupId).queryKey })
  const current = cachedGroup(qc, orgId, groupId)
  const guess = current ? effectiveMembershipChange(current, change) : change
  patchMembership(ctx.qc, ctx.orgId, groupId, guess)
  const update = groupMutations.update(orgId, groupId)
  // The batch is the Activity entry: the update must not record itself as well.
  return runWrite(
    qc,
    {
      ...update,
      onSuccess: (result) => {
        // Another change to this group is still queued: its answer will be the newer truth.
        if (qc.isMutating({ mutationKey: update.mutationKey }) <= 1) settleGroup(qc, orgId, result.group)
      },
      onError: (error) => {
        patchMembership(ctx.qc, ctx.orgId, groupId, invertMembershipChange(guess))
        // What the group holds is unknown: the next look at it reads it again.
        if (isUncertainWrite(error))
          void qc.invalidateQueries({ queryKey: groupQueries.detail(orgId, groupId).queryKey })
      },
    },
    { change, recorded: true },
  )
}

function groupStep(
  ctx: CacheContext,
  kind: BatchKind,
  groupId: string,
  keys: readonly string[],
  checkFirst: ReadonlySet<string>,
): BatchStep {
  const adding = kind === 'group-add' || kind === 'undo-group-remove'
  const change: MembershipChange = adding ? { addMembers: keys } : { removeMembers: keys }
  return {
    keys,
    run: async () => {
      const name = cachedGroup(ctx.qc, ctx.orgId, groupId)?.name ?? 'the group'
      let result
      try {
        result = await sendGroupChange(ctx, groupId, change)
      } catch (error) {
        // Tallyfy's refusal names a position in the list sent ("members.3"): say whom it was about.
        if (!tallyfyWords(error)) throw error
        const detail = groupWriteMessage(ctx.qc, ctx.orgId, error)
        return {
          perKey: Object.fromEntries(keys.map((key) => [key, { status: 'refused' as const, detail }])),
        }
      }
      // Stale IDs taken out of the group on the way: said on everyone the change was done for.
      const note = droppedNote(ctx.qc, ctx.orgId, result.dropped)
      const changed = new Set((adding ? result.change.addMembers : result.change.removeMembers) ?? [])
      const undo = kind.startsWith('undo-')
      const perKey: PerKey = {}
      for (const key of keys) {
        if (changed.has(canonicalMemberId(key)))
          perKey[key] = note ? { status: 'done', detail: `${note}.` } : { status: 'done' }
        else if (checkFirst.has(key))
          perKey[key] = { status: 'done', detail: `${adding ? 'In' : 'Not in'} ${name} when read again` }
        else if (undo)
          perKey[key] = {
            status: 'skipped',
            detail: `Not undone: ${adding ? `back in ${name}` : `no longer in ${name}`} since`,
          }
        else perKey[key] = { status: 'skipped', detail: adding ? `Already in ${name}` : `Not in ${name}` }
      }
      return { perKey }
    },
  }
}

// ─── every step of a batch ───────────────────────────────────────────────────

/** The requests of a batch of `kind` about `keys` (member IDs as strings). */
export function buildSteps(
  ctx: CacheContext,
  kind: BatchKind,
  params: Record<string, string>,
  keys: readonly string[],
  opts: StepOptions = {},
): BatchStep[] {
  const checkFirst = opts.verifyFirst ?? new Set<string>()
  if (keys.length === 0) return []
  // An import's invitations are built with the batch's handle at hand (invite-steps.ts, via runBulk).
  if (kind === 'invite') throw new Error('An import is built by buildInviteSteps.')
  if (isGroupKind(kind)) {
    const groupId = params.groupId
    if (!groupId) throw new Error('A group batch needs its group.')
    return [groupStep(ctx, kind, groupId, keys, checkFirst)]
  }
  return keys.map((key) => ({
    keys: [key],
    run: () => memberStep(ctx, kind, params, key, checkFirst.has(key), opts),
  }))
}
