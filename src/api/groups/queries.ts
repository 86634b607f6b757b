import { queryOptions } from '@tanstack/react-query'
import { pathSegment } from '../../lib/paths'
import { apiGet } from '../client'
import { besideList, loadAllPages } from '../paginate'
import { parseGroup, parseGroupPage } from './schema'
import { orgKeys } from '../keys'
import type { Group, InvalidRecordInfo, ListCompleteness } from '../types'

/** Tallyfy documents 100 as the maximum page size for groups. */
const GROUP_PAGE_SIZE = 100

export const groupsPath = (orgId: string) => `/organizations/${encodeURIComponent(orgId)}/groups`
// One path segment whatever the ID (pathSegment: a lone surrogate never throws, "." and ".." never
// climb to another endpoint).
export const groupPath = (orgId: string, groupId: string) => `${groupsPath(orgId)}/${pathSegment(groupId)}`

export const groupQueries = {
  all: (orgId: string) => [...orgKeys(orgId), 'groups'] as const,

  list: (orgId: string) =>
    queryOptions({
      queryKey: [...groupQueries.all(orgId), 'list'] as const,
      queryFn: async ({ signal, client }) => {
        const { items, invalid, complete, announcedTotal, error } = await loadAllPages({
          // A page that fails after the first keeps what arrived: the page says "12 of 30" with Retry.
          keepWhatArrived: true,
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
        const completeness: ListCompleteness = { complete, total: announcedTotal, error }
        client.setQueryData(groupQueries.completeness(orgId).queryKey, completeness)
        return items
      },
      staleTime: 5 * 60_000,
    }),

  /** Groups of the last list load that could not be read; written by `list`, never fetched alone. */
  unreadable: (orgId: string) =>
    besideList([...groupQueries.all(orgId), 'unreadable'] as const, [] as InvalidRecordInfo[]),

  /**
   * Whether the last list load got every group, and if not how many of how many; written by `list`,
   * never fetched alone (null until the list has loaded once).
   */
  completeness: (orgId: string) =>
    besideList([...groupQueries.all(orgId), 'completeness'] as const, null as ListCompleteness | null),

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
