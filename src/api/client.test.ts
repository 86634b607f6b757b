import { http, HttpResponse, type JsonBodyType } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { apiGet, backoffDelay, retryPolicy } from './client'
import { credentialStore } from './credentials'
import { ApiError } from './errors'
import { retryNotice } from './retry-notice'
import { parseMe, parseMemberPage } from './schemas'
import type { Credentials } from './types'

const TOKEN = 'pat-secret-0123456789'
const creds: Credentials = { orgId: 'org123', token: TOKEN, demo: false }
const meBody = { data: { id: 5, email: 'ada@example.com', full_name: 'Ada Lovelace' } }

const server = setupServer()
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterAll(() => server.close())

const defaults = { ...retryPolicy }
beforeEach(() => {
  credentialStore.clear()
  credentialStore.lastEndReason()
  credentialStore.set(creds, { remember: false })
  // No jitter, so waits are exact.
  retryPolicy.random = () => 0
})
afterEach(() => {
  server.resetHandlers()
  Object.assign(retryPolicy, defaults)
  vi.useRealTimers()
})

/** Serves the given responses in order (the last one repeats) and records every request. */
function sequence(path: string, ...responses: Array<() => Response>) {
  const requests: Request[] = []
  server.use(
    http.get(`*/api${path}`, ({ request }) => {
      requests.push(request)
      const next = responses[Math.min(requests.length - 1, responses.length - 1)]
      return next ? next() : HttpResponse.json(meBody)
    }),
  )
  return requests
}

const ok = () => HttpResponse.json(meBody)
const status =
  (code: number, body: JsonBodyType = { message: 'x' }, headers: Record<string, string> = {}) =>
  () =>
    HttpResponse.json(body, { status: code, headers })

async function failure(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise
  } catch (error) {
    if (error instanceof ApiError) return error
    throw error
  }
  throw new Error('expected the call to fail')
}

function deferred() {
  let resolve!: () => void
  const promise = new Promise<void>((r) => {
    resolve = r
  })
  return { promise, resolve }
}

/** Lets fetch/MSW settle between timer jumps. */
const flush = async () => {
  for (let i = 0; i < 10; i++) await vi.advanceTimersByTimeAsync(0)
}

describe('requests', () => {
  it('sends the three Tallyfy headers to /api, with the query, and never puts the token in the URL', async () => {
    const requests = sequence('/organizations/org123/users', () => HttpResponse.json({ data: [] }))
    await apiGet('/organizations/org123/users', (j) => j, {
      query: { with: 'groups', page: 2, q: undefined },
    })
    const [request] = requests
    expect(request).toBeDefined()
    const url = new URL(request!.url)
    expect(url.pathname).toBe('/api/organizations/org123/users')
    expect(Object.fromEntries(url.searchParams)).toEqual({ with: 'groups', page: '2' })
    expect(request!.url).not.toContain(TOKEN)
    expect(request!.headers.get('authorization')).toBe(`Bearer ${TOKEN}`)
    expect(request!.headers.get('accept')).toBe('application/json')
    expect(request!.headers.get('x-tallyfy-client')).toBe('APIClient')
  })

  it('uses explicit credentials over the stored ones', async () => {
    const requests = sequence('/me', ok)
    await apiGet('/me', parseMe, { credentials: { orgId: 'o', token: 'other-token', demo: false } })
    expect(requests[0]?.headers.get('authorization')).toBe('Bearer other-token')
  })

  it('refuses to call without credentials', async () => {
    credentialStore.clear()
    const requests = sequence('/me', ok)
    const e = await failure(apiGet('/me', parseMe))
    expect(e).toMatchObject({ kind: 'http', status: 401 })
    expect(requests).toHaveLength(0)
  })

  it('returns parsed data', async () => {
    sequence('/me', ok)
    await expect(apiGet('/me', parseMe)).resolves.toEqual({
      id: 5,
      email: 'ada@example.com',
      fullName: 'Ada Lovelace',
      pictureUrl: null,
    })
  })
})

describe('responses Roster cannot use', () => {
  it('a 2xx that is not JSON is an invalid response; the details say so without quoting it', async () => {
    sequence('/me', () => new HttpResponse('<html>maintenance</html>', { status: 200 }))
    const e = await failure(apiGet('/me', parseMe))
    expect(e.kind).toBe('invalid-response')
    expect(e.details).toBe('body: not JSON, 24 characters')
  })

  it('a successful answer that fails the schema leaves no record values in the details', async () => {
    const records = {
      data: [
        {
          id: 1,
          email: 'grace.hopper@example.com',
          first_name: 'Grace',
          last_name: 'Hopper',
          phone: 5550123,
        },
        { id: 'two', email: 'alan.turing@example.com', full_name: 'Alan Turing', phone: '+44 20 7946 0958' },
      ],
      meta: { pagination: { total: 'many' } },
    }
    sequence('/organizations/org-1/users', () => HttpResponse.json(records))
    const e = await failure(apiGet('/organizations/org-1/users', parseMemberPage))
    expect(e.kind).toBe('invalid-response')
    expect(e.details).toMatch(/data\[1\]\.id/) // the path and the types are there…
    expect(e.details).toMatch(/at meta/)
    for (const value of [
      'Grace',
      'Hopper',
      'grace.hopper',
      'Alan',
      'Turing',
      'alan.turing',
      '7946',
      '5550123',
      'two',
      'many',
    ]) {
      expect(e.details).not.toContain(value) // …no value is
    }
  })

  it('a body the schema rejects is an invalid response naming the path, without the token', async () => {
    sequence('/me', () => HttpResponse.json({ data: { email: 'x@example.com', note: TOKEN } }))
    const e = await failure(apiGet('/me', parseMe))
    expect(e.kind).toBe('invalid-response')
    expect(e.details).toContain('data.id')
    expect(e.details).not.toContain(TOKEN)
    expect(e.message).not.toContain(TOKEN)
  })

  it('an empty 2xx body is an invalid response', async () => {
    sequence('/me', () => new HttpResponse(null, { status: 200 }))
    const e = await failure(apiGet('/me', parseMe))
    expect(e).toMatchObject({ kind: 'invalid-response', details: 'empty body' })
  })

  it('keeps X-Request-Id on HTTP errors', async () => {
    sequence(
      '/me',
      status(
        404,
        { error: true, message: 'Resource not found', code: 'RESOURCE_NOT_FOUND' },
        { 'X-Request-Id': 'abc' },
      ),
    )
    const e = await failure(apiGet('/me', parseMe))
    expect(e).toMatchObject({ status: 404, code: 'RESOURCE_NOT_FOUND', requestId: 'abc' })
  })
})

describe('retries', () => {
  it('429 then 200: waits Retry-After, shows the notice, then clears it', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] })
    const requests = sequence(
      '/me',
      status(429, { message: 'Slow down', code: 'RATE_LIMIT_EXCEEDED' }, { 'Retry-After': '3' }),
      ok,
    )
    const start = Date.now()
    const result = apiGet('/me', parseMe)
    await flush()
    expect(requests).toHaveLength(1)
    expect(retryNotice.get()).toEqual({ reason: 'rate-limited', retryAt: start + 3000 })

    await vi.advanceTimersByTimeAsync(2999)
    expect(requests).toHaveLength(1)
    await vi.advanceTimersByTimeAsync(1)
    await flush()
    await expect(result).resolves.toMatchObject({ id: 5 })
    expect(requests).toHaveLength(2)
    expect(retryNotice.get()).toBeNull()
  })

  it('429 four times gives up with the 429 after three waits (2 s default, Retry-After capped at 30 s)', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] })
    let served = 0
    const requests = sequence('/me', () =>
      // First without Retry-After (default 2 s), then an absurd 120 s (capped at 30 s).
      served++ === 0
        ? HttpResponse.json({ message: 'x' }, { status: 429 })
        : status(429, { message: 'x' }, { 'Retry-After': '120' })(),
    )
    const result = failure(apiGet('/me', parseMe))
    await flush()
    await vi.advanceTimersByTimeAsync(1999)
    expect(requests).toHaveLength(1)
    await vi.advanceTimersByTimeAsync(1)
    await flush()
    expect(requests).toHaveLength(2)
    await vi.advanceTimersByTimeAsync(29_999)
    expect(requests).toHaveLength(2)
    await vi.advanceTimersByTimeAsync(1)
    await flush()
    expect(requests).toHaveLength(3)
    await vi.advanceTimersByTimeAsync(30_000)
    await flush()
    const e = await result
    expect(requests).toHaveLength(4)
    expect(e).toMatchObject({ kind: 'http', status: 429 })
    expect(retryNotice.get()).toBeNull()
  })

  it('503 backs off exponentially and then succeeds', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] })
    const requests = sequence('/me', status(503), status(502), ok)
    const result = apiGet('/me', parseMe)
    await flush()
    expect(retryNotice.get()?.reason).toBe('unavailable')
    await vi.advanceTimersByTimeAsync(499)
    expect(requests).toHaveLength(1)
    await vi.advanceTimersByTimeAsync(1)
    await flush()
    expect(requests).toHaveLength(2)
    await vi.advanceTimersByTimeAsync(999)
    expect(requests).toHaveLength(2)
    await vi.advanceTimersByTimeAsync(1)
    await flush()
    await expect(result).resolves.toMatchObject({ id: 5 })
    expect(requests).toHaveLength(3)
    expect(retryNotice.get()).toBeNull()
  })

  it('504 four times: three retries, then the error', async () => {
    retryPolicy.backoffBaseMs = 1
    const requests = sequence('/me', status(504))
    const e = await failure(apiGet('/me', parseMe))
    expect(e.status).toBe(504)
    expect(requests).toHaveLength(4)
  })

  it('a network failure is retried, then reported as network', async () => {
    retryPolicy.backoffBaseMs = 1
    const requests = sequence('/me', () => HttpResponse.error())
    const e = await failure(apiGet('/me', parseMe))
    expect(e.kind).toBe('network')
    expect(requests).toHaveLength(4)
  })

  it('a network failure then success recovers', async () => {
    retryPolicy.backoffBaseMs = 1
    sequence('/me', () => HttpResponse.error(), ok)
    await expect(apiGet('/me', parseMe)).resolves.toMatchObject({ id: 5 })
  })

  it.each([500, 404, 403, 400, 422])('%i is never retried', async (code) => {
    const requests = sequence('/me', status(code), ok)
    const e = await failure(apiGet('/me', parseMe))
    expect(e.status).toBe(code)
    expect(requests).toHaveLength(1)
  })

  it('an abort during a wait stops at once, clears the notice and sends nothing more', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] })
    const requests = sequence('/me', status(429, { message: 'x' }, { 'Retry-After': '10' }))
    const controller = new AbortController()
    const result = failure(apiGet('/me', parseMe, { signal: controller.signal }))
    await flush()
    expect(retryNotice.get()).not.toBeNull()
    controller.abort()
    const e = await result
    expect(e.kind).toBe('aborted')
    expect(retryNotice.get()).toBeNull()
    await vi.advanceTimersByTimeAsync(60_000)
    expect(requests).toHaveLength(1)
  })

  it('an already aborted signal sends nothing', async () => {
    const requests = sequence('/me', ok)
    const e = await failure(apiGet('/me', parseMe, { signal: AbortSignal.abort() }))
    expect(e.kind).toBe('aborted')
    expect(requests).toHaveLength(0)
  })

  it('backoff grows 500 ms, 1 s, 2 s and jitter only adds', () => {
    expect([1, 2, 3].map(backoffDelay)).toEqual([500, 1000, 2000])
    retryPolicy.random = () => 0.999
    expect(backoffDelay(1)).toBeGreaterThan(500)
    expect(backoffDelay(1)).toBeLessThanOrEqual(625)
  })
})

describe('401', () => {
  it('ends the stored session as expired', async () => {
    sequence('/me', status(401, { message: 'Unauthenticated.' }))
    const e = await failure(apiGet('/me', parseMe))
    expect(e.status).toBe(401)
    expect(credentialStore.get()).toBeNull()
    expect(credentialStore.lastEndReason()).toBe('expired')
  })

  it('leaves the stored session alone when explicit credentials were used', async () => {
    sequence('/me', status(401, { message: 'Unauthenticated.' }))
    await failure(apiGet('/me', parseMe, { credentials: { orgId: 'x', token: 'wrong', demo: false } }))
    expect(credentialStore.get()).toEqual(creds)
    expect(credentialStore.lastEndReason()).toBeNull()
  })

  it('does not sign out a newer session when an old request fails late', async () => {
    const { promise: gate, resolve: release } = deferred()
    server.use(
      http.get('*/api/me', async () => {
        await gate
        return HttpResponse.json({ message: 'Unauthenticated.' }, { status: 401 })
      }),
    )
    const pending = failure(apiGet('/me', parseMe))
    const newer = { orgId: 'org123', token: 'fresh-token', demo: false }
    credentialStore.set(newer, { remember: false })
    release()
    expect((await pending).status).toBe(401)
    expect(credentialStore.get()).toEqual(newer)
  })
})
