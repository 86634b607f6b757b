// The /guests and /groups lists' URLs: a search and a sort (searchAndSortCodec) plus their filters.
// The overview's links (overview-links.ts) and the built-in views are these URLs, so the values are
// written here once; what each filter keeps is hygiene.ts's rule.
//
//   /guests?status=disabled       guests whose link was disabled (status=active: the others)
//   /guests?group=none            guests in no group (only when every group's guest list was read)
//   /groups?filter=empty          groups with no members and no guests, both lists read

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
