// Who a bulk action will write to, and who it will leave alone and why, decided before anything is
// sent (issue #21, "Before it runs"). Pure: the dialog shows it, the batch sends only to `send`, and
// the skips become part of the results. One pass over the selection, so 100,000 selected people
// cost one loop, not a loop per rule.
//
// The rules are Tallyfy's own refusals, told in advance: the bot refuses every change (§3.3), the
// default administrator cannot be disabled, demoted or withdrawn, resending and withdrawing work only
// on invitations (§13: 422 "The user is not in invited status."), and writing what is already there
// would be a request for nothing. Yourself is skipped where the change would take away your own
// access (disabling yourself, giving up your administrator role): the member page asks twice before
// that, and a bulk action must not do it by the way.
//
// Invited members may be disabled: Tallyfy documents no refusal for it, the demo applies it (enabling
// brings the invitation back), and the member page offers Disable for them too.
import type { Member } from '../api/types'
import type { WritableRole } from './roles'

export type BulkKind = 'role' | 'disable' | 'enable' | 'group-add' | 'group-remove' | 'resend' | 'withdraw'

/** The group an action adds to or removes from; `memberIds` null when its member list was not read. */
export interface BulkGroupTarget {
  id: string
  name: string
  memberIds: readonly string[] | null
}

export type BulkAction =
  | { kind: 'role'; role: WritableRole }
  | { kind: 'disable' }
  | { kind: 'enable' }
  | { kind: 'group-add'; group: BulkGroupTarget }
  | { kind: 'group-remove'; group: BulkGroupTarget }
  | { kind: 'resend' }
  | { kind: 'withdraw' }

export type SkipReason =
  /** Selected, but no longer in the directory (withdrawn or removed since). */
  | 'missing'
  | 'bot'
  | 'default-admin'
  | 'self'
  | 'same-role'
  | 'already-disabled'
  | 'not-disabled'
  | 'in-group'
  | 'not-in-group'
  /** Disabled members belong to no group (tallyfy-api.md §2.6). */
  | 'disabled-member'
  | 'not-invited'

/** The order reasons are listed in: who they are first, then what they already are. */
export const skipReasons: readonly SkipReason[] = [
  'bot',
  'default-admin',
  'self',
  'same-role',
  'already-disabled',
  'not-disabled',
  'in-group',
  'not-in-group',
  'disabled-member',
  'not-invited',
  'missing',
]

export interface SkippedPerson {
  /** The selected ID (String(member.id)). */
  id: string
  /** null for an ID the directory no longer holds. */
  member: Member | null
  reason: SkipReason
}

export interface BulkPreview {
  /** The people the action writes to, in the order they were selected. */
  send: Member[]
  skipped: SkippedPerson[]
  /** How many were skipped for each reason (reasons with none are left out). */
  counts: Partial<Record<SkipReason, number>>
}

/**
 * Tallyfy's bot. Tallyfy documents no flag for it (the UI labels it "Bot / Unbilled", and how that
 * shows on the wire is unknown, tallyfy-api.md §8.1), so it is recognised as Tallyfy names it: the
 * member "Tallyfy Bot", or the address bot@… . A bot this misses is refused by Tallyfy in its own
 * words, and the results say so.
 */
export function isBot(member: Pick<Member, 'fullName' | 'email'>): boolean {
  const name = member.fullName.trim().toLowerCase()
  if (name === 'tallyfy bot') return true
  const email = member.email?.trim().toLowerCase() ?? ''
  return email.startsWith('bot@')
}

/** Whether the member is in the group, by its member list when read, else by the member's own groups. */
function inGroup(member: Member, group: BulkGroupTarget, ids: ReadonlySet<string> | null): boolean {
  if (ids) return ids.has(String(member.id))
  return member.groups?.some((g) => g.id === group.id) ?? false
}

/** Why `member` is skipped by `action`, or null when the action writes to them. */
export function skipReasonFor(
  action: BulkAction,
  member: Member,
  meId: number | null,
  groupIds: ReadonlySet<string> | null = null,
): SkipReason | null {
  const self = meId !== null && member.id === meId
  switch (action.kind) {
    case 'role':
      if (isBot(member)) return 'bot'
      if (member.role === action.role) return 'same-role'
      // Demotion: any role but administrator, for someone who is one (or the default one).
      if (action.role !== 'admin' && member.isDefaultAdmin) return 'default-admin'
      if (action.role !== 'admin' && self && member.role === 'admin') return 'self'
      return null
    case 'disable':
      if (isBot(member)) return 'bot'
      if (member.isDefaultAdmin) return 'default-admin'
      if (self) return 'self'
      if (member.status === 'disabled') return 'already-disabled'
      return null
    case 'enable':
      if (isBot(member)) return 'bot'
      if (member.status !== 'disabled') return 'not-disabled'
      return null
    case 'group-add':
      if (isBot(member)) return 'bot'
      if (member.status === 'disabled') return 'disabled-member'
      if (inGroup(member, action.group, groupIds)) return 'in-group'
      return null
    case 'group-remove':
      // The bot may leave a group: taking it out changes the group, not the bot.
      if (!inGroup(member, action.group, groupIds)) return 'not-in-group'
      return null
    case 'resend':
      if (isBot(member)) return 'bot'
      if (member.status !== 'invited') return 'not-invited'
      return null
    case 'withdraw':
      if (isBot(member)) return 'bot'
      if (member.isDefaultAdmin) return 'default-admin'
      if (member.status !== 'invited') return 'not-invited'
      return null
  }
}

export function previewBulk(
  action: BulkAction,
  selectedIds: readonly string[],
  membersById: ReadonlyMap<string, Member>,
  meId: number | null,
): BulkPreview {
  const groupIds =
    (action.kind === 'group-add' || action.kind === 'group-remove') && action.group.memberIds
      ? new Set(action.group.memberIds)
      : null
  const send: Member[] = []
  const skipped: SkippedPerson[] = []
  const counts: Partial<Record<SkipReason, number>> = {}
  const skip = (id: string, member: Member | null, reason: SkipReason) => {
    skipped.push({ id, member, reason })
    counts[reason] = (counts[reason] ?? 0) + 1
  }
  for (const id of selectedIds) {
    const member = membersById.get(id)
    if (!member) {
      skip(id, null, 'missing')
      continue
    }
    const reason = skipReasonFor(action, member, meId, groupIds)
    if (reason) skip(id, member, reason)
    else send.push(member)
  }
  return { send, skipped, counts }
}
