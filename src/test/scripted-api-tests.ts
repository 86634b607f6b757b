import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest'
import { credentialStore } from '../api/credentials'
import type { Me } from '../api/types'
import { TEST_ORG_ID } from './render-page'

/**
 * A scripted Tallyfy for the tests of one file (call once, at its top): a Node MSW server that fails
 * on any request no handler answers, with no handlers of its own (each test adds what it answers),
 * and a session signed in to TEST_ORG_ID with a token, not remembered, around each test.
 */
export function scriptedApiTests() {
  const server = setupServer()
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
  afterAll(() => server.close())
  beforeEach(() =>
    credentialStore.set({ orgId: TEST_ORG_ID, token: 'test-token', demo: false }, { remember: false }),
  )
  afterEach(() => {
    credentialStore.clear()
    server.resetHandlers()
  })
  return server
}

/** The signed-in administrator, Ada Admin, unless `overrides` says otherwise. */
export const makeMe = (overrides: Partial<Me> = {}): Me => ({
  id: 1001,
  email: 'ada@acme.example',
  fullName: 'Ada Admin',
  role: 'admin',
  rawRole: 'admin',
  pictureUrl: null,
  ...overrides,
})
