import { mutationOptions } from '@tanstack/react-query'
import { apiRequest } from '../client'
import { memberQueries, usersPath } from './queries'
import { parseMember } from './schema'
import type { Member, Role } from '../types'

// Member writes (docs/contracts.md, "Mutations"). Beside members.ts rather than inside it: members.ts
// is part of the /members first load, and these are only needed once an admin acts (the budget).
// Keys end with the member's ID, so `useIsMutating` can tell whether a change to that person is in
// flight; the cache work lives in ./cache.ts and is added by the feature.

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
