// The rules behind the overview's hygiene figures (disabled guests, guests in no group, empty
// groups) and the /guests and /groups filters those figures link to. Both ask here, so a figure and
// the list it opens always count the same people and groups.
import type { Group, Guest } from '../api/types'
import { guestKey } from './email'
import { canonicalMemberId } from './member-id'

/** A disabled guest: `details.disabled_at` is set (the guest's link no longer works). */
export function isDisabledGuest(guest: Pick<Guest, 'disabledAt'>): boolean {
  return guest.disabledAt != null
}

/** Whether the read of a group had both its member list and its guest list. */
export function groupListsKnown(group: Pick<Group, 'membersKnown' | 'guestsKnown'>): boolean {
  return group.membersKnown === true && group.guestsKnown === true
}

/**
 * No members and no guests, both lists read. A group read without either list is never empty (its
 * lists are not known); blank entries are no one, as the groups list's counts show them.
 */
export function isEmptyGroup(group: Group): boolean {
  if (!groupListsKnown(group)) return false
  for (const id of group.memberIds ?? []) if (canonicalMemberId(id) !== '') return false
  for (const email of group.guests ?? []) if (guestKey(email) !== '') return false
  return true
}

/** Who is in some group, as far as the groups' reads tell. */
export interface GroupedGuests {
  /** `guestKey` of every guest listed by a group whose guest list was read. */
  keys: ReadonlySet<string>
  /** Groups read without their guest list: while any, "in no group" cannot be told for sure. */
  unreadGuestLists: number
}

export function groupedGuests(groups: readonly Group[]): GroupedGuests {
  const keys = new Set<string>()
  let unreadGuestLists = 0
  for (const group of groups) {
    if (group.guestsKnown !== true) {
      unreadGuestLists++
      continue
    }
    for (const email of group.guests ?? []) {
      const key = guestKey(email)
      if (key !== '') keys.add(key)
    }
  }
  return { keys, unreadGuestLists }
}

/** In no group whose guest list was read (compared by `guestKey`). */
export function isInNoGroup(guest: Pick<Guest, 'email'>, grouped: GroupedGuests): boolean {
  return !grouped.keys.has(guestKey(guest.email ?? ''))
}
