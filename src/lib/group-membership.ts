// A change to a group's members and guests, expressed as intent (add these, remove those) rather
// than as a new list. Tallyfy's PUT replaces both lists, so the list sent is always rebuilt from
// a fresh read with `applyMembershipChange`: whatever someone else changed meanwhile survives.

import { guestKey } from './email'
import { canonicalMemberId } from './member-id'

export interface MembershipChange {
  addMembers?: readonly string[]
  removeMembers?: readonly string[]
  addGuests?: readonly string[]
  removeGuests?: readonly string[]
}

interface Membership {
  memberIds: readonly string[]
  guests: readonly string[]
}

/**
 * The lists after the change, in their existing order, new entries appended. Adding what is there
 * and removing what is not are no-ops; guests compare case-insensitively (an email is one address
 * however it is cased); member IDs compare as canonical strings ("1001" and 1001 are one person).
 */
export function applyMembershipChange(
  current: Membership,
  change: MembershipChange,
): { memberIds: string[]; guests: string[] } {
  const remove = new Set((change.removeMembers ?? []).map(canonicalMemberId))
  const memberIds = current.memberIds.filter((id) => !remove.has(canonicalMemberId(id)))
  const present = new Set(memberIds.map(canonicalMemberId))
  for (const id of change.addMembers ?? []) {
    const key = canonicalMemberId(id)
    if (!present.has(key)) {
      present.add(key)
      memberIds.push(key)
    }
  }

  const removeGuests = new Set((change.removeGuests ?? []).map(guestKey))
  const guests = current.guests.filter((g) => !removeGuests.has(guestKey(g)))
  const presentGuests = new Set(guests.map(guestKey))
  for (const email of change.addGuests ?? []) {
    const key = guestKey(email)
    if (!presentGuests.has(key)) {
      presentGuests.add(key)
      guests.push(email.trim())
    }
  }
  return { memberIds, guests }
}

/** The change that takes back `change` (Undo, and rollback of an optimistic patch). */
export function invertMembershipChange(change: MembershipChange): MembershipChange {
  return {
    addMembers: change.removeMembers,
    removeMembers: change.addMembers,
    addGuests: change.removeGuests,
    removeGuests: change.addGuests,
  }
}

/**
 * Only the part of `change` that would alter `current`: the inverse of the effective part is what
 * restores the group exactly (undoing "add Bob" must not remove a Bob who was already there).
 */
export function effectiveMembershipChange(current: Membership, change: MembershipChange): MembershipChange {
  const members = new Set(current.memberIds.map(canonicalMemberId))
  const guests = new Set(current.guests.map(guestKey))
  const has = (email: string) => guests.has(guestKey(email))
  return {
    addMembers: (change.addMembers ?? []).map(canonicalMemberId).filter((id) => !members.has(id)),
    removeMembers: (change.removeMembers ?? []).map(canonicalMemberId).filter((id) => members.has(id)),
    addGuests: (change.addGuests ?? []).filter((g) => !has(g)),
    removeGuests: (change.removeGuests ?? []).filter((g) => has(g)),
  }
}

export function isEmptyChange(change: MembershipChange): boolean {
  return (
    !change.addMembers?.length &&
    !change.removeMembers?.length &&
    !change.addGuests?.length &&
    !change.removeGuests?.length
  )
}
