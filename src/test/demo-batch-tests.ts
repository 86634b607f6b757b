import type { QueryClient } from '@tanstack/react-query'
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest'
import { rateLimitGate, retryPolicy } from '../api/client'
import { credentialStore } from '../api/credentials'
import { groupQueries } from '../api/groups/queries'
import { meQueries } from '../api/me'
import { memberQueries } from '../api/members/queries'
import { activity } from '../api/writes/activity'
import { DEMO_ORG_ID, DEMO_TOKEN } from '../demo/credentials'
import { createDemoServer } from '../demo/node'
import { createTestQueryClient } from './render-page'

/**
 * What a test of many writes against the demo organization's handlers needs (bulk actions, an
 * import), set up around each test of the file that calls it, once, at its top: the demo signed in,
 * an empty Activity, no transient retries and no jitter at the shared 429 gate (so a test's timing
 * is its own), and a fresh query client holding the signed-in member and the directory (and the
 * groups, with `groups`). `writes` lists every request but GETs as "METHOD /path", emptied before
 * each test; a test may empty it again (`writes.length = 0`) to count from a later point.
 */
export function demoBatchTests({ members, groups = true }: { members: number; groups?: boolean }) {
  const demo = createDemoServer({ members })
  const { server, faults } = demo
  const policy = { ...retryPolicy }
  const writes: string[] = []
  let current: QueryClient | null = null

  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
  beforeEach(async () => {
    credentialStore.set({ orgId: DEMO_ORG_ID, token: DEMO_TOKEN, demo: true }, { remember: false })
    activity.clear()
    retryPolicy.transientRetries = 0
    retryPolicy.gateJitterMs = 0
    writes.length = 0
    server.events.on('request:start', ({ request }) => {
      if (request.method !== 'GET') writes.push(`${request.method} ${new URL(request.url).pathname}`)
    })
    const qc = createTestQueryClient()
    current = qc
    await qc.fetchQuery(meQueries.current(DEMO_ORG_ID))
    await qc.fetchQuery(memberQueries.directory(DEMO_ORG_ID))
    if (groups) await qc.fetchQuery(groupQueries.list(DEMO_ORG_ID))
  })
  afterEach(() => {
    faults.reset()
    rateLimitGate.reset()
    server.resetHandlers()
    server.events.removeAllListeners()
    Object.assign(retryPolicy, policy)
    credentialStore.clear()
    current?.clear()
  })
  afterAll(() => server.close())

  const queryClient = (): QueryClient => {
    if (!current) throw new Error('The query client exists only while a test runs.')
    return current
  }
  return { ...demo, writes, queryClient }
}
