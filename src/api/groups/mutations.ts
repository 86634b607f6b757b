import { mutationOptions } from '@tanstack/react-query'
import { applyMembershipChange, type MembershipChange } from '../../lib/group-membership'
import { apiGet, apiRequest } from '../client'
import type { Group } from '../types'
import { groupPath, groupQueries, groupsPath } from './queries'
import { parseGroup } from './schema'

// Writes, one `mutationOptions` per action (docs/contracts.md, "Mutations"). The key names the
// record, so `useIsMutating` can tell whether that group has a change in flight; what the cache does
// around the request (optimistic patch, rollback, invalidation) is added by the caller.
//
// Every write to one group shares a mutation `scope`: TanStack Query runs mutations of one scope
// one after another, in the order they were made. That is the per-group queue: two PUTs for one
// group are never in flight together, and each one's fresh read sees the previous one's result.

/** What the group form edits. Both are always sent on PUT (the sources disagree on which is required). */
export interface GroupDetails {
  name: string
  description: string
}

/** An update: new details, a membership change as intent, or both. */
export interface GroupUpdate {
  details?: GroupDetails
  change?: MembershipChange
}

export const groupScope = (orgId: string, groupId: string) => ({ id: `org:${orgId}:group:${groupId}` })

/** Tallyfy's docs say the write answers with the group; accept an empty 200/201/204 as well. */
const parseGroupOrNothing = (json: unknown): Group | null => (json === undefined ? null : parseGroup(json))

/** Member IDs go back as the integers Tallyfy documents (ours are canonical numeric strings). */
const toWireMemberId = (id: string): number | string => (/^\d+$/.test(id) ? Number(id) : id)

export const groupMutations = {
  /** POST: never retried (apiRequest), so a double click or a flaky network cannot create two. */
  create: (orgId: string) =>
    mutationOptions({
      mutationKey: [...groupQueries.all(orgId), 'create'] as const,
      mutationFn: async (details: GroupDetails): Promise<Group> => {
        const created = await apiRequest('POST', groupsPath(orgId), {
          body: { name: details.name, description: details.description, members: [], guests: [] },
          parse: parseGroupOrNothing,
        })
        // An empty 201 would leave us without the new ID; Tallyfy documents the group in the body.
        if (!created) throw new Error('Tallyfy created the group but did not say which one it is.')
        return created
      },
    }),

  /**
   * PUT built from a fresh read plus the person's intent: `change` is applied as a set operation to
   * the group as it is on the server now, so a member someone else added meanwhile stays.
   */
  update: (orgId: string, groupId: string) =>
    mutationOptions({
      mutationKey: [...groupQueries.all(orgId), 'update', groupId] as const,
      scope: groupScope(orgId, groupId),
      mutationFn: async ({ details, change }: GroupUpdate): Promise<Group> => {
        const fresh = await apiGet(groupPath(orgId, groupId), parseGroup, { query: { with: 'assets' } })
        const lists = change ? applyMembershipChange(fresh, change) : fresh
        const name = details?.name ?? fresh.name
        const description = details?.description ?? fresh.description ?? ''
        const saved = await apiRequest('PUT', groupPath(orgId, groupId), {
          body: {
            name,
            description,
            members: lists.memberIds.map(toWireMemberId),
            guests: [...lists.guests],
          },
          parse: parseGroupOrNothing,
        })
        return (
          saved ?? { ...fresh, name, description, memberIds: [...lists.memberIds], guests: [...lists.guests] }
        )
      },
    }),

  /** Permanent. Tallyfy answers 204, or 200 with the deleted group; both count as done. */
  remove: (orgId: string, groupId: string) =>
    mutationOptions({
      mutationKey: [...groupQueries.all(orgId), 'remove', groupId] as const,
      scope: groupScope(orgId, groupId),
      mutationFn: () => apiRequest('DELETE', groupPath(orgId, groupId)),
    }),

  /** multipart/form-data with the file in the field `logo` (tallyfy-api.md §10). */
  uploadLogo: (orgId: string, groupId: string) =>
    mutationOptions({
      mutationKey: [...groupQueries.all(orgId), 'logo', groupId] as const,
      scope: groupScope(orgId, groupId),
      mutationFn: async (file: File): Promise<Group | null> => {
        const body = new FormData()
        body.append('logo', file)
        return apiRequest('POST', `${groupPath(orgId, groupId)}/logo`, { body, parse: parseGroupOrNothing })
      },
    }),

  /**
   * INFERRED: Tallyfy's 2024-08-19 changelog says group logos can be removed through the API, but
   * no endpoint is documented (tallyfy-api.md §10). We use `DELETE .../groups/{id}/logo`, the
   * REST counterpart of the documented upload; the demo implements the same. Verify on a real org.
   */
  removeLogo: (orgId: string, groupId: string) =>
    mutationOptions({
      mutationKey: [...groupQueries.all(orgId), 'logo', groupId] as const,
      scope: groupScope(orgId, groupId),
      mutationFn: () => apiRequest('DELETE', `${groupPath(orgId, groupId)}/logo`),
    }),
}
