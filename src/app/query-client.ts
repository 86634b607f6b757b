import type { QueryClient } from '@tanstack/react-query'
import { credentialStore } from '../api/credentials'
import { createQueryClient } from '../api/query-client'
import type { Credentials } from '../api/types'
import { loadDemo } from '../features/auth/load-demo'

const identity = (c: Credentials | null) => (c ? `${c.orgId}\u0000${c.token}` : null)

const stopDemoWorker = () => loadDemo().then((demo) => demo.stopDemo())

/**
 * The one reaction to any end or change of session (Sign out, another tab signing out, a 401, a new
 * sign-in): every cached answer is dropped, so nothing of one session is ever shown in the next, and
 * when a demo session ends its service worker stops, so it can never answer a real organization's
 * requests. Safe beside the Sign out button's own clear() and stopDemo(): both do nothing twice.
 * Returns the unsubscribe function.
 */
export function bindSessionLifecycle(
  queryClient: QueryClient,
  stopDemo: () => unknown = stopDemoWorker,
): () => void {
  let last = credentialStore.get()
  return credentialStore.subscribe(() => {
    const next = credentialStore.get()
    if (identity(next) === identity(last)) return
    const demoEnded = last?.demo === true && next?.demo !== true
    last = next
    queryClient.clear()
    if (demoEnded) void stopDemo()
  })
}

/** The app's one QueryClient. Tests create their own with createQueryClient(). */
export const queryClient = createQueryClient()
bindSessionLifecycle(queryClient)
