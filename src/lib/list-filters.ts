// The /guests and /groups filters, whole: their URLs (a search and a sort, searchAndSortCodec, plus
// the filters) and what each filter keeps. The overview's hygiene figures (disabled guests, guests in
// no group, empty groups) count with these same rules, and link (overview-links.ts) to these URLs,
// which the built-in views are too: a figure and the list it opens always agree.
//
//   /guests?status=disabled       guests whose link was disabled (status=active: the others)
//   /guests?group=none            guests in no group (only when every group's guest list was read)
//   /groups?filter=empty          groups with no members and no guests, both lists read

import type { Group, Guest } from '../api/types'
import { guestKey } from './email'
import { searchAndSortCodec, type SearchAndSort } from './list-state'
import type { SortKey } from './sort-param'
import type { ListUrlCodec } from './use-list-url'

export const guestSortIds = ['name', 'email', 'company', 'status', 'last_accessed'] as const
export type GuestSortId = (typeof guestSortIds)[number]

export const groupSortIds = ['name', 'members', 'updated'] as const
export type GroupSortId = (typeof groupSortIds)[number]

export const guestStatusFilters = ['active', 'disabled'] as const
export type GuestStatusFilter = (typeof guestStatusFilters)[number]

export const guestGroupFilters = ['none'] as const
export type GuestGroupFilter = (typeof guestGroupFilters)[number]

export const groupFilters = ['empty'] as const
export type GroupFilter = (typeof groupFilters)[number]

export interface GuestListState extends SearchAndSort<GuestSortId> {
  status: GuestStatusFilter | null
  group: GuestGroupFilter | null
}

export interface GroupListState extends SearchAndSort<GroupSortId> {
  filter: GroupFilter | null
}

function oneOf<T extends string>(values: readonly T[], value: string | null): T | null {
  return value !== null && (values as readonly string[]).includes(value) ? (value as T) : null
}

/**
 * The search and filters of a /guests URL without its sort: what a view's count needs (reading a
 * sort would take the list's own parse out of sort-param.ts's one-entry cache).
 */
export function readGuestFilters(params: URLSearchParams): Omit<GuestListState, 'sort'> {
  return {
    q: params.get('q') ?? '',
    status: oneOf(guestStatusFilters, params.get('status')),
    group: oneOf(guestGroupFilters, params.get('group')),
  }
}

/** The search and filter of a /groups URL without its sort (see readGuestFilters). */
export function readGroupFilters(params: URLSearchParams): Omit<GroupListState, 'sort'> {
  return { q: params.get('q') ?? '', filter: oneOf(groupFilters, params.get('filter')) }
}

const guestDefaultSort: readonly SortKey<GuestSortId>[] = [{ id: 'email', desc: false }]
const guestBase = searchAndSortCodec<GuestSortId>(guestSortIds, guestDefaultSort)

/** `?q`, `?sort`, `?status`, `?group`; unknown values read as "any", defaults left out. */
export const guestListCodec: ListUrlCodec<GuestListState> & { maxSortKeys: number } = {
  maxSortKeys: guestBase.maxSortKeys,
  parse: (params) => ({ ...guestBase.parse(params), ...readGuestFilters(params) }),
  serialize: (state) => {
    const params = guestBase.serialize(state)
    if (state.status) params.set('status', state.status)
    if (state.group) params.set('group', state.group)
    return params
  },
}

// One sort key: a group list has too few columns for a second key to mean anything.
const groupDefaultSort: readonly SortKey<GroupSortId>[] = [{ id: 'name', desc: false }]
const groupBase = searchAndSortCodec<GroupSortId>(groupSortIds, groupDefaultSort, 1)

/** `?q`, `?sort`, `?filter=empty`. */
export const groupListCodec: ListUrlCodec<GroupListState> & { maxSortKeys: number } = {
  maxSortKeys: groupBase.maxSortKeys,
  parse: (params) => ({ ...groupBase.parse(params), ...readGroupFilters(params) }),
  serialize: (state) => {
    const params = groupBase.serialize(state)
    if (state.filter) params.set('filter', state.filter)
    return params
  },
}

// ---------- What each filter keeps (and the overview counts) ----------

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
  // canonicalMemberId(id) is '' exactly when the trimmed ID is: no one.
  for (const id of group.memberIds ?? []) if (String(id).trim() !== '') return false
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
