// The member list's view in the URL, through the one list URL hook (lib/use-list-url.ts): the
// search box answers at once and the URL follows; sort and filters push, so Back undoes them.
import {
  memberListCodec,
  parseListState,
  type ListState,
  type RoleFilter,
  type SortEntry,
  type StatusFilter,
} from '../../lib/list-state'
import { useListUrl } from '../../lib/use-list-url'

export interface MemberListUrl {
  /** The state to show: the URL's, with the search box's current text as `q`. */
  state: ListState
  setQuery: (q: string) => void
  clearQuery: () => void
  setSort: (sort: SortEntry[]) => void
  setRole: (role: RoleFilter | null) => void
  setStatus: (status: StatusFilter | null) => void
  /** The overview's filters (signin, invited, seat, joined), or any others; pushes, so Back undoes it. */
  setFilters: (patch: Partial<Omit<ListState, 'q' | 'sort'>>) => void
  clearFilters: () => void
  /** "?q=…&sort=…" for the current view, for links that come back here. */
  search: string
}

export function useMemberListUrl(): MemberListUrl {
  const { state, search, setQuery, update } = useListUrl(memberListCodec)
  return {
    state,
    search,
    setQuery,
    clearQuery: () => update({ q: '' }, { replace: true }),
    setSort: (sort) => update({ sort }),
    setRole: (role) => update({ role }),
    setStatus: (status) => update({ status }),
    setFilters: update,
    // Every filter back to its default (the codec's, for an empty URL); the sort stays.
    clearFilters: () => update({ ...parseListState(new URLSearchParams()), sort: state.sort }),
  }
}
