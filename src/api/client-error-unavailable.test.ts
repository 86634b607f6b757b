import { http, HttpResponse } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { apiGet, rateLimitGate } from './client'
import { credentialStore } from './credentials'
import { ApiError } from './errors'
import { parseMe } from './me'

// Reading an error answer (describe-error.ts) is fetched on demand; here that download fails.
// The client must still reject with an ApiError that carries the status, so what happens next
// (a 401 ends the session, a 404 is "not found") is decided as usual.
vi.mock('./describe-error', () => {
  throw new TypeError('Failed to fetch dynamically imported module: /assets/describe-error.js')
})

const server = setupServer()
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterAll(() => server.close())
beforeEach(() => {
  credentialStore.set({ orgId: 'org123', token: 'pat-secret', demo: false }, { remember: false })
  rateLimitGate.reset()
})
afterEach(() => {
  server.resetHandlers()
  credentialStore.clear()
})

describe('an error answer when its reader cannot be fetched', () => {
  it('still rejects with the status, and a 401 still ends the session', async () => {
    server.use(
      http.get('*/api/me', () =>
        HttpResponse.json({ message: 'Unauthenticated.', code: 'UNAUTHENTICATED' }, { status: 401 }),
      ),
    )
    const error = await apiGet('/me', parseMe).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ApiError)
    expect(error).toMatchObject({ kind: 'http', status: 401, message: 'Tallyfy answered HTTP 401' })
    expect(credentialStore.get()).toBeNull()
  })
})
