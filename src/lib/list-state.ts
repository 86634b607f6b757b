// The member list's state lives in the URL (?q=, ?sort=, ?role=, ?status=) so that reload, Back,
// Forward and a shared link all show the same view. These two pure mappers are the only code that
// knows the URL format; controls render from parseListState and write through serializeListState.
//
//   ?q=ann%20smith            search text, verbatim (trailing spaces kept while typing)
//   ?sort=-last_login,name    up to three keys, "-" = descending; Name ascending is the default
//   ?role=admin&status=invited

import type { MemberStatus, Role } from '../api/types'

export const memberSortIds = ['name', 'email', 'role', 'status', 'job_title', 'last_login'] as const
export type MemberSortId = (typeof memberSortIds)[number]

export interface SortEntry {
  id: MemberSortId
  desc: boolean
}

export type RoleFilter = Exclude<Role, 'unknown'>
export type StatusFilter = Exclude<MemberStatus, 'unknown'>

export const roleFilters: readonly RoleFilter[] = ['admin', 'standard', 'light']
export const statusFilters: readonly StatusFilter[] = ['active', 'invited', 'disabled']

export interface ListState {
  q: string
  sort: SortEntry[]
  role: RoleFilter | null
  status: StatusFilter | null
}

export const MAX_SORT_KEYS = 3
export const defaultSort: readonly SortEntry[] = [{ id: 'name', desc: false }]

export const defaultListState: ListState = {
  q: '',
  sort: [...defaultSort],
  role: null,
  status: null,
}

function isOneOf<T extends string>(values: readonly T[], value: string | null): value is T {
  return value !== null && (values as readonly string[]).includes(value)
}

function parseSort(raw: string | null): SortEntry[] {
  if (!raw) return [...defaultSort]
  const sort: SortEntry[] = []
  for (const token of raw.split(',')) {
    const trimmed = token.trim()
    const desc = trimmed.startsWith('-')
    const id = desc ? trimmed.slice(1) : trimmed
    if (!isOneOf(memberSortIds, id)) continue
    if (sort.some((entry) => entry.id === id)) continue
    sort.push({ id, desc })
    if (sort.length === MAX_SORT_KEYS) break
  }
  return sort.length > 0 ? sort : [...defaultSort]
}

export function parseListState(params: URLSearchParams): ListState {
  const role = params.get('role')
  const status = params.get('status')
  return {
    q: params.get('q') ?? '',
    sort: parseSort(params.get('sort')),
    role: isOneOf(roleFilters, role) ? role : null,
    status: isOneOf(statusFilters, status) ? status : null,
  }
}

export function isDefaultSort(sort: readonly SortEntry[]): boolean {
  return (
    sort.length === defaultSort.length &&
    sort.every((entry, i) => entry.id === defaultSort[i]?.id && entry.desc === defaultSort[i]?.desc)
  )
}

/** URL params for a state, defaults left out; keys in a fixed order so equal states give equal URLs. */
export function serializeListState(state: ListState): URLSearchParams {
  const params = new URLSearchParams()
  // Kept verbatim: trimming would rewrite the box under the person's cursor while they type "ann ".
  if (state.q !== '') params.set('q', state.q)
  if (state.sort.length > 0 && !isDefaultSort(state.sort)) {
    params.set('sort', state.sort.map((entry) => (entry.desc ? `-${entry.id}` : entry.id)).join(','))
  }
  if (state.role) params.set('role', state.role)
  if (state.status) params.set('status', state.status)
  return params
}

/** True when search or a filter narrows the list (sorting does not). */
export function hasActiveFilters(state: Pick<ListState, 'q' | 'role' | 'status'>): boolean {
  return state.q.trim() !== '' || state.role !== null || state.status !== null
}
