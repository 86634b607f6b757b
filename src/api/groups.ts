import { mutationOptions, queryOptions } from '@tanstack/react-query'
import { apiGet, apiRequest } from './client'
import { orgKeys } from './keys'
import { fetchAllPages } from './paginate'
import { parseGroup, parseGroupPage } from './schemas'
import type { Group } from './types'

/** Tallyfy documents 100 as the maximum page size for groups. */
const GROUP_PAGE_SIZE = 100

const groupsPath = (orgId: string) => `/organizations/${encodeURIComponent(orgId)}/groups`
const groupPath = (orgId: string, groupId: string) => `${groupsPath(orgId)}/${encodeURIComponent(groupId)}`

export const groupQueries = {
  all: (orgId: string) => [...orgKeys(orgId), 'groups'] as const,

  list: (orgId: string) =>
    queryOptions({
      queryKey: [...groupQueries.all(orgId), 'list'] as const,
      queryFn: ({ signal }) =>
        fetchAllPages({
          perPage: GROUP_PAGE_SIZE,
          // A group that shifts between pages while they are read comes back once.
          getId: (group: Group) => group.id,
          signal,
          fetchPage: (page, perPage, pageSignal) =>
            apiGet(groupsPath(orgId), parseGroupPage, {
              signal: pageSignal,
              query: { with: 'assets', page, per_page: perPage },
            }),
        }),
      staleTime: 5 * 60_000,
    }),

  detail: (orgId: string, groupId: string) =>
    queryOptions({
      queryKey: [...groupQueries.all(orgId), 'detail', groupId] as const,
      queryFn: ({ signal }) =>
        apiGet(groupPath(orgId, groupId), parseGroup, {
          signal,
          query: { with: 'assets' },
        }),
      staleTime: 60_000,
    }),
}

// Writes, one `mutationOptions` per action (docs/contracts.md, "Mutations"). The key names the
// record, so `useIsMutating` can tell whether that group has a change in flight; what the cache does
// around the request (optimistic patch, rollback, invalidation) is added by the caller.
export const groupMutations = {
  /** Permanent. Tallyfy answers 204, or 200 with the deleted group; both count as done. */
  remove: (orgId: string, groupId: string) =>
    mutationOptions({
      mutationKey: [...groupQueries.all(orgId), 'remove', groupId] as const,
      mutationFn: () => apiRequest('DELETE', groupPath(orgId, groupId)),
    }),
}
