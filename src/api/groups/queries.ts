import { queryOptions } from '@tanstack/react-query'
import { apiGet } from '../client'
import { loadAllPages } from '../paginate'
import { parseGroup, parseGroupPage } from './schema'
import { orgKeys } from '../keys'
import type { Group, InvalidRecordInfo } from '../types'

/** Tallyfy documents 100 as the maximum page size for groups. */
const GROUP_PAGE_SIZE = 100

export const groupsPath = (orgId: string) => `/organizations/${encodeURIComponent(orgId)}/groups`
export const groupPath = (orgId: string, groupId: string) =>
  `${groupsPath(orgId)}/${encodeURIComponent(groupId)}`

export const groupQueries = {
  all: (orgId: string) => [...orgKeys(orgId), 'groups'] as const,

  list: (orgId: string) =>
    queryOptions({
      queryKey: [...groupQueries.all(orgId), 'list'] as const,
      queryFn: async ({ signal, client }) => {
        const { items, invalid } = await loadAllPages({
          perPage: GROUP_PAGE_SIZE,
          // A group that shifts between pages while they are read comes back once.
          getId: (group: Group) => group.id,
          signal,
          fetchPage: (page, perPage, pageSignal) =>
            apiGet(groupsPath(orgId), parseGroupPage, {
              signal: pageSignal,
              query: { with: 'assets', page, per_page: perPage },
            }),
        })
        // The groups that could not be read are told apart from the list (whose patches stay plain
        // arrays): the Groups page says how many, where and why, never their values.
        client.setQueryData(groupQueries.unreadable(orgId).queryKey, invalid)
        return items
      },
      staleTime: 5 * 60_000,
    }),

  /** Groups of the last list load that could not be read; written by `list`, never fetched alone. */
  unreadable: (orgId: string) =>
    queryOptions({
      queryKey: [...groupQueries.all(orgId), 'unreadable'] as const,
      queryFn: ({ client, queryKey }): InvalidRecordInfo[] =>
        client.getQueryData<InvalidRecordInfo[]>(queryKey) ?? [],
      staleTime: Infinity,
      // Kept as long as the list it belongs to may be (pages other than Groups observe the list and
      // keep it cached); sign-out and an organization change clear it with the rest.
      gcTime: Infinity,
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
