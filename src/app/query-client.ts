import type { QueryClient } from '@tanstack/react-query'
import { credentialStore } from '../api/credentials'
import { createQueryClient } from '../api/query-client'

/**
 * Drops every cached answer when the session ends or a different person or organization signs in,
 * so nothing of one session is ever shown in the next (sign-out, a 401 that ended the session, a
 * new token on the same organization). Returns the unsubscribe function.
 */
function sessionIdentity(): string | null {
  const c = credentialStore.get()
  return c ? `${c.orgId}\u0000${c.token}` : null
}

export function bindCacheToSession(queryClient: QueryClient): () => void {
  const identity = sessionIdentity
  let last = identity()
  return credentialStore.subscribe(() => {
    const next = identity()
    if (next === last) return
    last = next
    queryClient.clear()
  })
}

/** The app's one QueryClient. Tests create their own with createQueryClient(). */
export const queryClient = createQueryClient()
bindCacheToSession(queryClient)
