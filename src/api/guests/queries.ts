import { queryOptions } from '@tanstack/react-query'
import { guestKey } from '../../lib/email'
import { pathSegment } from '../../lib/paths'
import { apiGet } from '../client'
import { orgKeys } from '../keys'
import { besideList, loadAllPages } from '../paginate'
import { parseGuest, parseGuestPage } from './schema'
import type { Guest, InvalidRecordInfo, ListCompleteness } from '../types'

// Guests load whole, like the member directory, and are searched and sorted in the browser. The
// documented default page size is 999; a server that uses fewer says so in meta.pagination, and the
// remaining pages follow concurrently (paginate.ts).
const GUEST_PAGE_SIZE = 999

export const guestsPath = (orgId: string) => `/organizations/${encodeURIComponent(orgId)}/guests`
// Guests are addressed by their URL-encoded email, one path segment whatever it holds (pathSegment:
// "." and ".." would otherwise ask another endpoint, a lone surrogate would throw).
export const guestPath = (orgId: string, email: string) => `${guestsPath(orgId)}/${pathSegment(email)}`

/**
 * The list with `guest` in it: in place of the guest with the same email (compared as emails are),
 * else at the end, where the newest is in Tallyfy's order (created_at). The other guests keep
 * their identity.
 */
export function withGuest(list: readonly Guest[], guest: Guest): Guest[] {
  const key = guestKey(guest.email)
  const at = list.findIndex((g) => guestKey(g.email) === key)
  if (at < 0) return [...list, guest]
  const next = list.slice()
  next[at] = guest
  return next
}

export const guestQueries = {
  all: (orgId: string) => [...orgKeys(orgId), 'guests'] as const,

  list: (orgId: string) =>
    queryOptions({
      queryKey: [...guestQueries.all(orgId), 'list'] as const,
      queryFn: async ({ signal, client }) => {
        const { items, invalid, complete, announcedTotal, error } = await loadAllPages({
          // A page that fails after the first keeps what arrived: the page says "12 of 30" with Retry.
          keepWhatArrived: true,
          perPage: GUEST_PAGE_SIZE,
          signal,
          fetchPage: (page, perPage, pageSignal) =>
            apiGet(guestsPath(orgId), parseGuestPage, {
              signal: pageSignal,
              query: { page, per_page: perPage },
            }),
        })
        // As with groups: the guests that could not be read are kept apart from the list, and the
        // Guests page says how many, where and why, never their values.
        client.setQueryData(guestQueries.unreadable(orgId).queryKey, invalid)
        const completeness: ListCompleteness = { complete, total: announcedTotal, error }
        client.setQueryData(guestQueries.completeness(orgId).queryKey, completeness)
        return items
      },
      staleTime: 5 * 60_000,
    }),

  /** Guests of the last list load that could not be read; written by `list`, never fetched alone. */
  unreadable: (orgId: string) =>
    besideList([...guestQueries.all(orgId), 'unreadable'] as const, [] as InvalidRecordInfo[]),

  /**
   * Whether the last list load got every guest, and if not how many of how many; written by `list`,
   * never fetched alone (null until the list has loaded once).
   */
  completeness: (orgId: string) =>
    besideList([...guestQueries.all(orgId), 'completeness'] as const, null as ListCompleteness | null),

  /** Tallyfy answers this GET with 201 (documented); apiRequest accepts every 2xx. */
  detail: (orgId: string, email: string) =>
    queryOptions({
      // Emails compare case-insensitively: one cache entry per guest, however the link spelled it.
      queryKey: [...guestQueries.all(orgId), 'detail', guestKey(email)] as const,
      queryFn: ({ signal }) => apiGet(guestPath(orgId, email.trim()), parseGuest, { signal }),
      staleTime: 60_000,
    }),
}
