// What each kind of batch is called, in the words the dialog, its confirm button, the Activity entry
// and the results use. A batch is known by its kind and params alone (IDs and enums: what the journal
// keeps), so a Resume after a reload names it the same way.
import { roleLabel } from '../../../components/domain/badge'
import type { BulkKind, SkipReason } from '../../../lib/bulk-preview'
import { formatCount } from '../../../lib/format'
import { isWritableRole, type WritableRole } from '../../../lib/roles'

/**
 * Every batch Roster runs on members: the actions, the Undo of each reversible one, and an import's
 * invitations (`invite`: keyed by row, not member ID; see invite-steps.ts).
 */
export type BatchKind =
  BulkKind | 'undo-role' | 'undo-disable' | 'undo-enable' | 'undo-group-add' | 'undo-group-remove' | 'invite'

const batchKinds: readonly BatchKind[] = [
  'role',
  'disable',
  'enable',
  'group-add',
  'group-remove',
  'resend',
  'withdraw',
  'undo-role',
  'undo-disable',
  'undo-enable',
  'undo-group-add',
  'undo-group-remove',
  'invite',
]

export const isBatchKind = (kind: string): kind is BatchKind =>
  (batchKinds as readonly string[]).includes(kind)

/** The batches Undo can take back, and the kind of their Undo. */
export const undoKindOf: Partial<Record<BatchKind, BatchKind>> = {
  role: 'undo-role',
  disable: 'undo-disable',
  enable: 'undo-enable',
  'group-add': 'undo-group-add',
  'group-remove': 'undo-group-remove',
}

/** "40 members", "1 member"; "3 invitations". */
export function people(count: number, noun: 'member' | 'invitation' = 'member'): string {
  return `${formatCount(count)} ${count === 1 ? noun : `${noun}s`}`
}

const members = (count: number) => people(count)

/** A role from the params, when it is one Roster can set. */
export function roleParam(params: Record<string, string>, name = 'role'): WritableRole | null {
  const value = params[name]
  return isWritableRole(value) ? value : null
}

/**
 * The action in a few words, with the number of people it is sent to: the confirm button
 * ("Disable 45 members") and the Activity entry ("Change 40 members' role to Light").
 */
export function actionLabel(
  kind: BatchKind,
  params: Record<string, string>,
  count: number,
  groupName = 'a group',
): string {
  const role = roleParam(params)
  switch (kind) {
    case 'role':
      return role
        ? `Change ${possessive(count)} role to ${roleLabel(role)}`
        : `Change ${possessive(count)} role`
    case 'disable':
      return `Disable ${members(count)}`
    case 'enable':
      return `Enable ${members(count)}`
    case 'group-add':
      return `Add ${members(count)} to ${groupName}`
    case 'group-remove':
      return `Remove ${members(count)} from ${groupName}`
    case 'resend':
      return `Resend ${people(count, 'invitation')}`
    case 'withdraw':
      return `Withdraw ${people(count, 'invitation')}`
    case 'undo-role':
      return `Undo the role change of ${members(count)}`
    case 'undo-disable':
      return `Undo: enable ${members(count)} again`
    case 'undo-enable':
      return `Undo: disable ${members(count)} again`
    case 'undo-group-add':
      return `Undo: remove ${members(count)} from ${groupName} again`
    case 'undo-group-remove':
      return `Undo: add ${members(count)} back to ${groupName}`
    case 'invite':
      return `Invite ${formatCount(count)} ${count === 1 ? 'person' : 'people'}`
  }
}

/** "40 members'", "1 member's". */
function possessive(count: number): string {
  return count === 1 ? `1 member's` : `${formatCount(count)} members'`
}

/** The confirm button: the number of people the action really writes to. */
export function confirmLabel(kind: BulkKind, count: number, groupName: string | null): string {
  switch (kind) {
    case 'role':
      return `Change role of ${members(count)}`
    case 'group-add':
      return groupName ? `Add ${members(count)} to ${groupName}` : `Add ${members(count)} to the group`
    case 'group-remove':
      return groupName
        ? `Remove ${members(count)} from ${groupName}`
        : `Remove ${members(count)} from the group`
    default:
      return actionLabel(kind, {}, count)
  }
}

/** The dialog's title: the name of the button that opened it. */
export const dialogTitle: Record<BulkKind, string> = {
  role: 'Change role',
  disable: 'Disable',
  enable: 'Enable',
  'group-add': 'Add to group',
  'group-remove': 'Remove from group',
  resend: 'Resend invitation',
  withdraw: 'Withdraw invitation',
}

/** Why a person is skipped, for one person ("Already Light"); the count line uses `skipCountText`. */
export function skipReasonText(
  reason: SkipReason,
  target: { role?: WritableRole; groupName?: string },
): string {
  switch (reason) {
    case 'missing':
      return 'No longer in the organization'
    case 'bot':
      return "Tallyfy's bot: Tallyfy refuses every change to it"
    case 'default-admin':
      return 'The default administrator: Tallyfy refuses this change'
    case 'self':
      return 'You: change your own access on your member page'
    case 'same-role':
      return `Already ${target.role ? roleLabel(target.role) : 'in that role'}`
    case 'already-disabled':
      return 'Already disabled'
    case 'not-disabled':
      return 'Not disabled'
    case 'in-group':
      return `Already in ${target.groupName ?? 'the group'}`
    case 'not-in-group':
      return `Not in ${target.groupName ?? 'the group'}`
    case 'disabled-member':
      return 'Disabled: disabled members belong to no group'
    case 'not-invited':
      return 'Not an invitation'
  }
}

/** "2 already Light", "1 is the default administrator": one line per reason in the preview. */
export function skipCountText(
  reason: SkipReason,
  count: number,
  target: { role?: WritableRole; groupName?: string },
): string {
  const n = formatCount(count)
  const one = count === 1
  switch (reason) {
    case 'missing':
      return `${n} no longer in the organization`
    case 'bot':
      return `${one ? "Tallyfy's bot" : `${n} Tallyfy bots`} (Tallyfy refuses every change to it)`
    case 'default-admin':
      return 'The default administrator (Tallyfy refuses this change)'
    case 'self':
      return 'You (change your own access on your member page)'
    case 'same-role':
      return `${n} already ${target.role ? roleLabel(target.role) : 'in that role'}`
    case 'already-disabled':
      return `${n} already disabled`
    case 'not-disabled':
      return `${n} not disabled`
    case 'in-group':
      return `${n} already in ${target.groupName ?? 'the group'}`
    case 'not-in-group':
      return `${n} not in ${target.groupName ?? 'the group'}`
    case 'disabled-member':
      return `${n} disabled (disabled members belong to no group)`
    case 'not-invited':
      return `${n} ${one ? 'is' : 'are'} not ${one ? 'an invitation' : 'invitations'}`
  }
}
