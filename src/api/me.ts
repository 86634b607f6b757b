import { queryOptions } from '@tanstack/react-query'
import { apiGet } from './client'
import { orgKeys } from './keys'
import { parseMe, parseMemberPage, parseOrganizations } from './schemas'
import type { Credentials, Me } from './types'

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
