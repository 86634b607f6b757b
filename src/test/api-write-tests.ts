import { MutationObserver, type MutationObserverOptions, type QueryClient } from '@tanstack/react-query'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest'
import { credentialStore } from '../api/credentials'
import { createQueryClient } from '../api/query-client'

/**
 * What a test of api/'s writes needs, set up around each test of the file that calls it (once, at
 * its top): a Node MSW server that fails on any request no handler answers, a session signed in to
 * `orgId` with a token that is not remembered, and a fresh query client, as the app creates it.
 * `run` sends one mutation through that client, as a component's `useMutation` would.
 */
export function apiWriteTests(orgId: string) {
  const server = setupServer()
  let current: QueryClient | null = null
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
  afterAll(() => server.close())
  beforeEach(() => {
    credentialStore.clear()
    credentialStore.set({ orgId, token: 'tok', demo: false }, { remember: false })
    current = createQueryClient()
  })
  afterEach(() => {
    server.resetHandlers()
    current?.clear()
  })

  const queryClient = (): QueryClient => {
    if (!current) throw new Error('The query client exists only while a test runs.')
    return current
  }
  const run = <TData, TVariables>(
    options: MutationObserverOptions<TData, Error, TVariables>,
    variables: TVariables,
  ) => new MutationObserver(queryClient(), options).mutate(variables)

  return { server, queryClient, run }
}
