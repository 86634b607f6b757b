// Exported only under its experimental name in 5.108; pinned, so the shape (reducer, initialValue) is stable here.
import {
  mutationOptions,
  experimental_streamedQuery as streamedQuery,
  queryOptions,
} from '@tanstack/react-query'
import { apiGet, apiRequest } from './client'
import { orgKeys } from './keys'
import { iteratePages, type PageChunk } from './paginate'
import { parseMember, parseMemberPage } from './schemas'
import type { Member, MemberDirectory, Role } from './types'

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

const usersPath = (orgId: string) => `/organizations/${encodeURIComponent(orgId)}/users`

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

// Writes (docs/contracts.md, "Mutations"). Keys end with the member's ID, so `useIsMutating` can tell
// whether a change to that person is in flight; the cache work lives in ./member-cache.ts and is
// added by the feature.

const userPath = (orgId: string, memberId: number) =>
  `${usersPath(orgId)}/${encodeURIComponent(String(memberId))}`

/** What the invite form sends: all five fields are required by Tallyfy's docs. */
export interface InviteInput {
  email: string
  firstName: string
  lastName: string
  role: Exclude<Role, 'unknown'>
  message: string
}

/**
 * A write's answer, when it carries the member (`{data: Member}`); null for 204, an empty body or
 * anything else. The write has happened either way, so an odd answer must not look like a failure.
 */
function memberAnswer(json: unknown): Member | null {
  if (json === undefined || json === null) return null
  try {
    return parseMember(json)
  } catch {
    return null
  }
}

export const memberMutations = {
  /**
   * POST, so never repeated automatically. Tallyfy answers the new member with status "invited"
   * (null when the answer does not hold one: the invitation was still sent).
   */
  invite: (orgId: string) =>
    mutationOptions({
      mutationKey: [...memberQueries.all(orgId), 'invite'] as const,
      mutationFn: (input: InviteInput) =>
        apiRequest('POST', `${usersPath(orgId)}/invite`, {
          body: {
            email: input.email,
            first_name: input.firstName,
            last_name: input.lastName,
            role: input.role,
            message: input.message,
          },
          parse: memberAnswer,
        }),
    }),

  changeRole: (orgId: string, memberId: number) =>
    mutationOptions({
      mutationKey: [...memberQueries.all(orgId), 'role', memberId] as const,
      mutationFn: (role: Exclude<Role, 'unknown'>) =>
        apiRequest('PUT', `${userPath(orgId, memberId)}/role`, { body: { role }, parse: memberAnswer }),
    }),

  /** Tallyfy uses DELETE for disabling; the member stays in the organization, disabled. */
  disable: (orgId: string, memberId: number) =>
    mutationOptions({
      mutationKey: [...memberQueries.all(orgId), 'disable', memberId] as const,
      mutationFn: () => apiRequest('DELETE', `${userPath(orgId, memberId)}/disable`, { parse: memberAnswer }),
    }),

  enable: (orgId: string, memberId: number) =>
    mutationOptions({
      mutationKey: [...memberQueries.all(orgId), 'enable', memberId] as const,
      mutationFn: () => apiRequest('PUT', `${userPath(orgId, memberId)}/enable`, { parse: memberAnswer }),
    }),
}
