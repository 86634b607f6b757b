// The lists' states live in the URL (?q=, ?sort=, ?role=, ?status=) so that reload, Back, Forward
// and a shared link all show the same view. The codecs here are the only code that knows the URL
// format; controls render from `parse` and write through `serialize` (see use-list-url.ts).
//
//   ?q=ann%20smith            search text, verbatim (trailing spaces kept while typing)
//   ?sort=-last_login,name    up to three keys, "-" = descending (sort-param.ts)
//   ?role=admin&status=invited
//   ?signin=not-90d&invited=over-14d&seat=full&joined=2026-03   the overview's questions: values
//                             in filter-values.ts, meanings in recency.ts and seats.ts

import type { MemberStatus } from '../api/types'
import { overviewFilterPatterns } from './filter-values'
import type { InvitedFilter, SignInFilter } from './recency'
import { isWritableRole, type WritableRole } from './roles'
import type { SeatKind } from './overview-links'
import { formatSortingParam, MAX_SORT_KEYS, parseSortingParam, type SortKey } from './sort-param'
import type { ListUrlCodec, ListUrlState } from './use-list-url'

export const memberSortIds = [
  'name',
  'email',
  'role',
  'status',
  'job_title',
  'last_login',
  'invited',
] as const
export type MemberSortId = (typeof memberSortIds)[number]

export type SortEntry = SortKey<MemberSortId>

export type RoleFilter = WritableRole
export type StatusFilter = Exclude<MemberStatus, 'unknown'>

export const statusFilters: readonly StatusFilter[] = ['active', 'invited', 'disabled']

export interface ListState {
  q: string
  sort: SortEntry[]
  role: RoleFilter | null
  status: StatusFilter | null
  /** Last sign-in (recency.ts): the filters below are applied by a module loaded with them (see members-route.tsx). */
  signin: SignInFilter | null
  /** Invitation age: invited members only. */
  invited: InvitedFilter | null
  seat: SeatKind | null
  /** 'YYYY-MM': joined (createdAt) in that month, in the browser's time zone. */
  joined: string | null
}

const defaultSort: readonly SortEntry[] = [{ id: 'name', desc: false }]

type FilterKey = Exclude<keyof ListState, 'q' | 'sort'>

/** Every filter, in URL order, with the values it takes (the overview's: filter-values.ts); anything else is left out. */
const filters: Record<FilterKey, { test: (value: string) => boolean }> = {
  role: { test: isWritableRole },
  status: { test: (value) => (statusFilters as readonly string[]).includes(value) },
  ...overviewFilterPatterns,
}
const filterKeys = Object.keys(filters) as FilterKey[]

export function parseListState(params: URLSearchParams): ListState {
  const state = {
    q: params.get('q') ?? '',
    sort: parseSortingParam(params.get('sort'), memberSortIds, defaultSort),
  } as ListState
  for (const key of filterKeys) {
    const value = params.get(key)
    state[key] = value !== null && filters[key].test(value) ? (value as never) : null
  }
  return state
}

/** URL params for a state, defaults left out; keys in a fixed order so equal states give equal URLs. */
export function serializeListState(state: ListState): URLSearchParams {
  const params = new URLSearchParams()
  // Kept verbatim: trimming would rewrite the box under the person's cursor while they type "ann ".
  if (state.q !== '') params.set('q', state.q)
  const sort = formatSortingParam(state.sort, defaultSort)
  if (sort !== null) params.set('sort', sort)
  for (const key of filterKeys) {
    const value = state[key]
    if (value) params.set(key, value)
  }
  return params
}

export const memberListCodec: ListUrlCodec<ListState> = {
  parse: parseListState,
  serialize: serializeListState,
}

/** True when search or a filter narrows the list (sorting does not). */
export function hasActiveFilters(state: ListState): boolean {
  return state.q.trim() !== '' || filterKeys.some((key) => state[key] !== null)
}

/** A list whose URL holds only a search and a sort (groups, a group's members, guests). */
export interface SearchAndSort<Id extends string> extends ListUrlState {
  sort: SortKey<Id>[]
}

/**
 * `maxSortKeys` is the one limit for the list: the URL never yields more sort keys than the table
 * lets a person make (pass it on to `useDataTable`).
 */
export function searchAndSortCodec<Id extends string>(
  sortIds: readonly Id[],
  defaultSorting: readonly SortKey<Id>[],
  maxSortKeys = MAX_SORT_KEYS,
): ListUrlCodec<SearchAndSort<Id>> & { maxSortKeys: number } {
  return {
    maxSortKeys,
    parse: (params) => ({
      q: params.get('q') ?? '',
      sort: parseSortingParam(params.get('sort'), sortIds, defaultSorting, maxSortKeys),
    }),
    serialize: (state) => {
      const params = new URLSearchParams()
      if (state.q.trim() !== '') params.set('q', state.q)
      const sort = formatSortingParam(state.sort, defaultSorting)
      if (sort !== null) params.set('sort', sort)
      return params
    },
  }
}
