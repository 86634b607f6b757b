// Exported only under its experimental name in 5.108; pinned, so the shape (reducer, initialValue) is stable here.
import { experimental_streamedQuery as streamedQuery, queryOptions } from '@tanstack/react-query'
import { apiGet } from './client'
import { orgKeys } from './keys'
import { iteratePages, type PageChunk } from './paginate'
import { parseMember, parseMemberPage } from './schemas'
import type { Member, MemberDirectory } from './types'

// The whole member directory loads once and is then searched, sorted and filtered in the browser.
// It streams into the cache page by page (streamedQuery), so the first rows show as soon as the
// first page lands, with `complete: false` until the last one.

/** Asked for on page 1; a server that caps lower says so in meta.pagination and we follow it. */
const DIRECTORY_PAGE_SIZE = 1000

const emptyDirectory: MemberDirectory = { members: [], total: 0, complete: false }

/** Pages can overlap when members are added while we read; the first copy of an ID wins. */
function addPage(directory: MemberDirectory, chunk: PageChunk<Member>): MemberDirectory {
  const seen = new Set(directory.members.map((m) => m.id))
  const fresh = chunk.items.filter((m) => {
    if (seen.has(m.id)) return false
    seen.add(m.id)
    return true
  })
  const members = fresh.length ? [...directory.members, ...fresh] : directory.members
  return {
    members,
    total: chunk.done ? members.length : Math.max(chunk.total, members.length),
    complete: chunk.done,
  }
}

export const usersPath = (orgId: string) => `/organizations/${encodeURIComponent(orgId)}/users`

export const memberQueries = {
  all: (orgId: string) => [...orgKeys(orgId), 'members'] as const,

  directory: (orgId: string) =>
    queryOptions({
      queryKey: [...memberQueries.all(orgId), 'directory'] as const,
      queryFn: streamedQuery({
        streamFn: ({ signal }) =>
          iteratePages({
            perPage: DIRECTORY_PAGE_SIZE,
            signal,
            fetchPage: (page, perPage, pageSignal) =>
              apiGet(usersPath(orgId), parseMemberPage, {
                signal: pageSignal,
                query: { with: 'groups', page, per_page: perPage },
              }),
          }),
        reducer: addPage,
        initialValue: emptyDirectory,
        // A background refresh keeps the complete directory on screen and swaps in the new one at the end.
        refetchMode: 'replace',
      }),
      staleTime: 5 * 60_000,
      gcTime: 60 * 60_000,
    }),

  detail: (orgId: string, memberId: number) =>
    queryOptions({
      queryKey: [...memberQueries.all(orgId), 'detail', memberId] as const,
      queryFn: ({ signal }) =>
        apiGet(`${usersPath(orgId)}/${encodeURIComponent(String(memberId))}`, parseMember, {
          signal,
          query: { with: 'groups' },
        }),
      staleTime: 60_000,
    }),
}
