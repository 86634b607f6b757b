import { queryOptions } from '@tanstack/react-query'
import { apiGet } from './client'
import { fetchAllPages } from './paginate'
import { parseGroup, parseGroupPage } from './schemas'

/** Tallyfy documents 100 as the maximum page size for groups. */
export const GROUP_PAGE_SIZE = 100

const groupsPath = (orgId: string) => `/organizations/${encodeURIComponent(orgId)}/groups`

export const groupQueries = {
  all: (orgId: string) => ['org', orgId, 'groups'] as const,

  list: (orgId: string) =>
    queryOptions({
      queryKey: [...groupQueries.all(orgId), 'list'] as const,
      queryFn: async ({ signal }) => {
        const { items } = await fetchAllPages({
          perPage: GROUP_PAGE_SIZE,
          signal,
          fetchPage: (page, perPage, pageSignal) =>
            apiGet(groupsPath(orgId), parseGroupPage, {
              signal: pageSignal,
              query: { with: 'assets', page, per_page: perPage },
            }),
        })
        return items
      },
      staleTime: 5 * 60_000,
    }),

  detail: (orgId: string, groupId: string) =>
    queryOptions({
      queryKey: [...groupQueries.all(orgId), 'detail', groupId] as const,
      queryFn: ({ signal }) =>
        apiGet(`${groupsPath(orgId)}/${encodeURIComponent(groupId)}`, parseGroup, {
          signal,
          query: { with: 'assets' },
        }),
      staleTime: 60_000,
    }),
}
