import * as z from 'zod/mini'
import { safeImageUrl } from '../lib/safe-url'
import { queryOptions } from '@tanstack/react-query'
import { apiGet } from './client'
import { orgKeys } from './keys'
import { parseMemberPage } from './members/schema'
import { toRole } from './roles'
import type { Credentials, Me } from './types'
import { displayName, itemEnvelope, memberId, parse, stringId, text } from './wire'

const meWireSchema = z.looseObject({
  id: memberId,
  email: text,
  first_name: text,
  last_name: text,
  full_name: text,
  profile_pic: text,
  role: text,
  user_role: text,
})

const organizationWireSchema = z.looseObject({ id: stringId, name: text })
const meItem = itemEnvelope(meWireSchema)
const organizationList = z.object({ data: z.array(organizationWireSchema) })

function toMe(w: z.output<typeof meWireSchema>): Me {
  const rawRole = w.role ?? w.user_role
  return {
    id: w.id,
    email: w.email,
    fullName: displayName(w),
    role: toRole(rawRole),
    rawRole,
    pictureUrl: safeImageUrl(w.profile_pic),
  }
}

export function parseMe(json: unknown): Me {
  return toMe(parse(meItem, json).data)
}

interface OrganizationSummary {
  id: string
  name: string
}

export function parseOrganizations(json: unknown): OrganizationSummary[] {
  return parse(organizationList, json).data.map((o) => ({ id: o.id, name: o.name ?? o.id }))
}

export const meQueries = {
  current: (orgId: string) =>
    queryOptions({
      queryKey: [...orgKeys(orgId), 'me'] as const,
      queryFn: ({ signal }) => apiGet('/me', parseMe, { signal }),
      staleTime: 10 * 60_000,
    }),

  /** Only used for the organization's display name; callers fall back to the ID when it fails. */
  organizations: (orgId: string) =>
    queryOptions({
      queryKey: [...orgKeys(orgId), 'me', 'organizations'] as const,
      queryFn: ({ signal }) =>
        apiGet('/me/organizations', parseOrganizations, { signal, query: { per_page: 100 } }),
      staleTime: 30 * 60_000,
    }),
}

/**
 * Checks a token and organization ID before they are stored: `/me` proves the token, one tiny member
 * page proves access to the organization. Uses the given credentials, so a 401 here is a wrong token,
 * not an expired session, and leaves whatever is signed in alone. Both requests go out at once; a
 * failing `/me` still decides the message (a wrong token makes the organization call fail too).
 */
export async function verifyCredentials(credentials: Credentials, signal?: AbortSignal): Promise<Me> {
  const me = apiGet('/me', parseMe, { credentials, signal })
  const organization = apiGet(
    `/organizations/${encodeURIComponent(credentials.orgId)}/users`,
    parseMemberPage,
    {
      credentials,
      signal,
      query: { per_page: 1 },
    },
  )
  // Observed below, after /me; until then its failure must not count as unhandled.
  organization.catch(() => {})
  const who = await me
  await organization
  return who
}
