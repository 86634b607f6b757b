import { http, HttpResponse, type JsonBodyType } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { apiGet, apiRequest, backoffDelay, rateLimitGate, retryPolicy, type HttpMethod } from './client'
import { credentialStore } from './credentials'
import { ApiError } from './errors'
import { retryNotice } from './retry-notice'
import { parseMe } from './me'
import { parseMemberPage } from './members/schema'
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
  rateLimitGate.reset()
})
afterEach(() => {
  server.resetHandlers()
  Object.assign(retryPolicy, defaults)
  vi.useRealTimers()
})

const handlerFor = { GET: http.get, POST: http.post, PUT: http.put, DELETE: http.delete }

/** Serves the given responses in order (the last one repeats) and records every request. */
function sequenceFor(method: HttpMethod, path: string, ...responses: Array<() => Response>) {
  const requests: Request[] = []
  server.use(
    handlerFor[method](`*/api${path}`, ({ request }) => {
      requests.push(request)
      const next = responses[Math.min(requests.length - 1, responses.length - 1)]
      return next ? next() : HttpResponse.json(meBody)
    }),
  )
  return requests
}

const sequence = (path: string, ...responses: Array<() => Response>) => sequenceFor('GET', path, ...responses)

const ok = () => HttpResponse.json(meBody)
const getUsersPage = (page: number) => apiGet('/organizations/org123/users', parseMe, { query: { page } })
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
      role: 'unknown',
      rawRole: null,
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
    // Records are read one at a time (a bad one is counted, not fatal), so the envelope is what fails
    // here: `data` holds records keyed by position instead of a list, and the total is not a number.
    const records = {
      data: {
        0: {
          id: 1,
          email: 'grace.hopper@example.com',
          first_name: 'Grace',
          last_name: 'Hopper',
          phone: 5550123,
        },
        1: {
          id: 'two',
          email: 'alan.turing@example.com',
          full_name: 'Alan Turing',
          phone: '+44 20 7946 0958',
        },
      },
      meta: { pagination: { total: 'many' } },
    }
    sequence('/organizations/org-1/users', () => HttpResponse.json(records))
    const e = await failure(apiGet('/organizations/org-1/users', parseMemberPage))
    expect(e.kind).toBe('invalid-response')
    expect(e.details).toMatch(/at data/) // the path and the types are there…
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

  it('429 four times gives up with the 429 after three waits (2 s default, then the full Retry-After)', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] })
    let served = 0
    const requests = sequence('/me', () =>
      // First without Retry-After (default 2 s), then 45 s: honoured whole, not cut to 30 s, since a
      // retry inside the window only spends an attempt.
      served++ === 0
        ? HttpResponse.json({ message: 'x' }, { status: 429 })
        : status(429, { message: 'x' }, { 'Retry-After': '45' })(),
    )
    const result = failure(apiGet('/me', parseMe))
    await flush()
    await vi.advanceTimersByTimeAsync(1999)
    expect(requests).toHaveLength(1)
    await vi.advanceTimersByTimeAsync(1)
    await flush()
    expect(requests).toHaveLength(2)
    await vi.advanceTimersByTimeAsync(44_999)
    expect(requests).toHaveLength(2)
    await vi.advanceTimersByTimeAsync(1)
    await flush()
    expect(requests).toHaveLength(3)
    await vi.advanceTimersByTimeAsync(45_000)
    await flush()
    const e = await result
    expect(requests).toHaveLength(4)
    expect(e).toMatchObject({ kind: 'http', status: 429 })
    expect(retryNotice.get()).toBeNull()
  })

  it.each([
    ['0', '0'],
    ['a date in the past', 'Wed, 21 Oct 2015 07:28:00 GMT'],
  ])('Retry-After %s still waits a moment instead of retrying at once', async (_label, header) => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] })
    const requests = sequence('/me', status(429, { message: 'x' }, { 'Retry-After': header }), ok)
    const result = apiGet('/me', parseMe)
    await flush()
    await vi.advanceTimersByTimeAsync(999)
    expect(requests).toHaveLength(1)
    await vi.advanceTimersByTimeAsync(1)
    await flush()
    await expect(result).resolves.toMatchObject({ id: 5 })
    expect(requests).toHaveLength(2)
  })

  it('a 429 with Retry-After: 45 on two parallel pages: one gate, every request waits, retries spread out, nothing lost', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] })
    // Jitter on: the first waiter draws 0, the second 0.9 (of 1 s), the third 0.5.
    const draws = [0, 0.9, 0.5]
    retryPolicy.random = () => draws.shift() ?? 0
    const start = Date.now()
    const sent: Array<{ page: string; at: number }> = []
    let limited = 2
    server.use(
      http.get('*/api/organizations/org123/users', ({ request }) => {
        const page = new URL(request.url).searchParams.get('page') ?? '?'
        sent.push({ page, at: Date.now() - start })
        if (limited > 0) {
          limited--
          return HttpResponse.json(
            { message: 'Slow down' },
            { status: 429, headers: { 'Retry-After': '45' } },
          )
        }
        return HttpResponse.json(meBody)
      }),
    )
    const two = Promise.all([getUsersPage(2), getUsersPage(3)])
    await flush()
    expect(sent.map((s) => s.page)).toEqual(['2', '3'])
    expect(retryNotice.get()?.reason).toBe('rate-limited')
    // A request that starts during the window is not sent into it either.
    await vi.advanceTimersByTimeAsync(10_000)
    const third = getUsersPage(4)
    await flush()
    expect(sent).toHaveLength(2)
    // The notice counts down to the announced time (plus the latest jitter).
    expect(retryNotice.get()!.retryAt - start).toBeGreaterThanOrEqual(45_000)
    await vi.advanceTimersByTimeAsync(34_999)
    expect(sent).toHaveLength(2)
    await vi.advanceTimersByTimeAsync(2_000)
    await flush()
    await expect(two).resolves.toHaveLength(2)
    await expect(third).resolves.toMatchObject({ id: 5 })
    const retries = sent.slice(2)
    expect(retries).toHaveLength(3)
    for (const retry of retries) expect(retry.at).toBeGreaterThanOrEqual(45_000)
    // Not a herd: the retries land at different instants.
    expect(new Set(retries.map((r) => r.at)).size).toBe(3)
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

const noContent = () => new HttpResponse(null, { status: 204 })

describe('apiRequest: writes', () => {
  const path = '/organizations/org123/groups/g1'

  it('sends a JSON body with its content type, the Tallyfy headers and the method', async () => {
    const requests = sequenceFor('PUT', path, () => HttpResponse.json({ data: { id: 'g1' } }))
    const id = await apiRequest('PUT', path, {
      body: { name: 'Ops', members: [1001] },
      parse: (json) => (json as { data: { id: string } }).data.id,
    })
    expect(id).toBe('g1')
    const [request] = requests
    expect(request?.method).toBe('PUT')
    expect(request?.headers.get('content-type')).toBe('application/json')
    expect(request?.headers.get('authorization')).toBe(`Bearer ${TOKEN}`)
    expect(request?.headers.get('x-tallyfy-client')).toBe('APIClient')
    expect(await request?.json()).toEqual({ name: 'Ops', members: [1001] })
  })

  it('sends a FormData body as multipart, without a JSON content type of ours', async () => {
    const requests = sequenceFor('POST', '/organizations/org123/assets', () =>
      HttpResponse.json({ data: { id: 'a1' } }, { status: 201 }),
    )
    const form = new FormData()
    form.append('name', 'logo.png')
    form.append('subject_type', 'Group')
    await apiRequest('POST', '/organizations/org123/assets', { body: form })
    const [request] = requests
    // The browser's own multipart type with its boundary, not ours.
    expect(request?.headers.get('content-type')).toMatch(/^multipart\/form-data; boundary=/)
    const received = await request!.formData()
    expect(received.get('name')).toBe('logo.png')
    expect(received.get('subject_type')).toBe('Group')
  })

  it('sends no body and no content type when there is none', async () => {
    const requests = sequenceFor('DELETE', path, noContent)
    await apiRequest('DELETE', path)
    expect(requests[0]?.headers.get('content-type')).toBeNull()
    expect(await requests[0]?.text()).toBe('')
  })

  it('a 204 resolves, with parse given undefined', async () => {
    sequenceFor('DELETE', path, noContent)
    await expect(apiRequest('DELETE', path)).resolves.toBeUndefined()
    sequenceFor('DELETE', path, noContent)
    const seen: unknown[] = []
    await apiRequest('DELETE', path, { parse: (json) => seen.push(json) })
    expect(seen).toEqual([undefined])
  })

  it('an empty 200 resolves when no body is expected, and a 200 with a body is ignored', async () => {
    sequenceFor('DELETE', path, () => new HttpResponse('', { status: 200 }))
    await expect(apiRequest('DELETE', path)).resolves.toBeUndefined()
    sequenceFor('DELETE', path, () => HttpResponse.json({ data: { id: 'g1' } }))
    await expect(apiRequest('DELETE', path)).resolves.toBeUndefined()
  })

  it('accepts 201 with a body', async () => {
    sequenceFor('POST', '/organizations/org123/groups', () =>
      HttpResponse.json({ data: { id: 5, email: 'new@example.com' } }, { status: 201 }),
    )
    await expect(
      apiRequest('POST', '/organizations/org123/groups', { body: { name: 'New' }, parse: parseMe }),
    ).resolves.toMatchObject({ id: 5 })
  })

  it('an empty body where data was expected is an invalid response', async () => {
    sequenceFor('PUT', path, noContent)
    const e = await failure(apiRequest('PUT', path, { body: {}, parse: parseMe }))
    expect(e).toMatchObject({ kind: 'invalid-response', status: 204, details: 'empty body' })
  })

  it.each([
    ['429', () => HttpResponse.json({ message: 'x' }, { status: 429, headers: { 'Retry-After': '0' } })],
    ['503', status(503)],
    ['502', status(502)],
    ['504', status(504)],
    ['500', status(500)],
    ['a network failure', () => HttpResponse.error()],
  ])('a POST is never retried, not even after %s', async (_label, response) => {
    retryPolicy.backoffBaseMs = 1
    const requests = sequenceFor('POST', '/organizations/org123/groups', response, () =>
      HttpResponse.json({ data: {} }, { status: 201 }),
    )
    const e = await failure(apiRequest('POST', '/organizations/org123/groups', { body: { name: 'A' } }))
    expect(e.kind === 'network' || e.kind === 'http').toBe(true)
    expect(requests).toHaveLength(1)
  })

  it.each(['PUT', 'DELETE'] as const)(
    'a %s is retried after a 429 (refused before acting)',
    async (method) => {
      vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] })
      const requests = sequenceFor(
        method,
        path,
        status(429, { message: 'Slow down' }, { 'Retry-After': '2' }),
        noContent,
      )
      const result = apiRequest(method, path, method === 'PUT' ? { body: { name: 'Ops' } } : {})
      await flush()
      expect(requests).toHaveLength(1)
      await vi.advanceTimersByTimeAsync(2000)
      await flush()
      await expect(result).resolves.toBeUndefined()
      expect(requests).toHaveLength(2)
      // The same request again, body included.
      expect(await requests[1]?.text()).toBe(method === 'PUT' ? '{"name":"Ops"}' : '')
    },
  )

  it.each([
    ['PUT', '503', status(503)],
    ['PUT', '502', status(502)],
    ['PUT', 'a network failure', () => HttpResponse.error()],
    ['DELETE', '504', status(504)],
    ['DELETE', 'a network failure', () => HttpResponse.error()],
  ] as const)('a %s is not retried after %s (it may have been applied)', async (method, _label, response) => {
    retryPolicy.backoffBaseMs = 1
    const requests = sequenceFor(method, path, response, noContent)
    await failure(apiRequest(method, path))
    expect(requests).toHaveLength(1)
  })

  it('a PUT gives up after four 429s like a GET', async () => {
    retryPolicy.defaultRetryAfterSeconds = 0
    const requests = sequenceFor('PUT', path, () => HttpResponse.json({ message: 'x' }, { status: 429 }))
    const e = await failure(apiRequest('PUT', path, { body: {} }))
    expect(e.status).toBe(429)
    expect(requests).toHaveLength(4)
  })

  it("maps 422 field errors in the documented shape and in Laravel's", async () => {
    sequenceFor('POST', '/organizations/org123/groups', () =>
      HttpResponse.json({ error: true, errors: { name: ['The name field is required.'] } }, { status: 422 }),
    )
    const documented = await failure(apiRequest('POST', '/organizations/org123/groups', { body: {} }))
    expect(documented).toMatchObject({
      kind: 'http',
      status: 422,
      fieldErrors: { name: ['The name field is required.'] },
    })

    sequenceFor('POST', '/organizations/org123/groups', () =>
      HttpResponse.json(
        {
          message: 'The given data was invalid.',
          errors: { 'members.0': ['The selected member is invalid.'], description: 'Too long.' },
        },
        { status: 422 },
      ),
    )
    const laravel = await failure(apiRequest('POST', '/organizations/org123/groups', { body: {} }))
    expect(laravel.fieldErrors).toEqual({
      'members.0': ['The selected member is invalid.'],
      description: ['Too long.'],
    })
    expect(laravel.serverMessage).toBe('The given data was invalid.')
  })

  it('keeps 403 and 400 messages verbatim, and a 409 structured', async () => {
    const forbidden = "You don't have application's permissions for this organization!"
    sequenceFor('DELETE', path, status(403, { error: true, message: forbidden }))
    const e403 = await failure(apiRequest('DELETE', path))
    expect(e403.serverMessage).toBe(forbidden)
    expect(e403.message).toContain(forbidden)

    const bot = "You can't remove a bot user from this organization!"
    sequenceFor('DELETE', path, status(400, { error: true, message: bot }))
    expect((await failure(apiRequest('DELETE', path))).serverMessage).toBe(bot)

    sequenceFor(
      'PUT',
      path,
      status(409, {
        error: { code: 'SEAT_POOL_EXHAUSTED', message: 'No seats left.', details: { pool_type: 'full' } },
      }),
    )
    const e409 = await failure(apiRequest('PUT', path, { body: {} }))
    expect(e409).toMatchObject({ status: 409, code: 'SEAT_POOL_EXHAUSTED', serverMessage: 'No seats left.' })
    expect(e409.details).toContain('pool_type')
  })

  it('a 401 on a write ends the stored session as expired', async () => {
    sequenceFor('DELETE', path, status(401, { message: 'Unauthenticated.' }))
    await failure(apiRequest('DELETE', path))
    expect(credentialStore.get()).toBeNull()
    expect(credentialStore.lastEndReason()).toBe('expired')
  })

  it.each([
    ['a 403 message', status(403, { message: `Token ${TOKEN} is not allowed here` })],
    ['a 409 details', status(409, { error: { code: 'X', message: 'No.', details: { token: TOKEN } } })],
    ['a 422 body', status(422, { message: 'The given data was invalid.', errors: TOKEN, echo: TOKEN })],
    ['a 500 body', status(500, { message: `SQLSTATE failed for ${TOKEN}` })],
    ['a network failure', () => HttpResponse.error()],
  ])('never puts the token in the message or details of %s', async (_label, response) => {
    sequenceFor('POST', '/organizations/org123/groups', response)
    const e = await failure(apiRequest('POST', '/organizations/org123/groups', { body: { token: 'no' } }))
    expect(e.message).not.toContain(TOKEN)
    expect(e.details ?? '').not.toContain(TOKEN)
    expect(e.serverMessage ?? '').not.toContain(TOKEN)
  })
})
