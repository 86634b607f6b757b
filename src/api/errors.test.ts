import { afterEach, describe, expect, it, vi } from 'vitest'
import { describeApiError, errorFromHttp, flattenFieldErrors, parseRetryAfter } from './describe-error'
import { ApiError, isForbidden, isNotFound } from './errors'

const json = (body: unknown) => JSON.stringify(body)
const headers = (init: Record<string, string> = {}) => new Headers(init)

describe('errorFromHttp: documented Tallyfy error bodies', () => {
  it('401 Unauthenticated', () => {
    const e = errorFromHttp(401, headers(), json({ message: 'Unauthenticated.' }))
    expect(e).toMatchObject({ kind: 'http', status: 401, serverMessage: 'Unauthenticated.', code: null })
    expect(describeApiError(e)).toEqual({
      kind: 'unauthorized',
      title: expect.any(String),
      message: 'Your Tallyfy session has ended or the access token is not valid. Sign in again.',
      canRetry: false,
    })
  })

  it('403 with Tallyfy’s message adds it to ours', () => {
    const e = errorFromHttp(
      403,
      headers(),
      json({ message: "You don't have application's permissions for this organization!" }),
    )
    expect(isForbidden(e)).toBe(true)
    const d = describeApiError(e, 'member')
    expect(d.kind).toBe('forbidden')
    expect(d.message).toBe(
      "You don't have access to this member in Tallyfy. Tallyfy says: “You don't have application's permissions for this organization!”",
    )
    expect(d.canRetry).toBe(false)
  })

  it('403 without a message', () => {
    expect(describeApiError(errorFromHttp(403, headers(), ''), 'group').message).toBe(
      "You don't have access to this group in Tallyfy.",
    )
  })

  it.each([
    ['RESOURCE_NOT_FOUND', 'Resource not found'],
    ['ENDPOINT_NOT_FOUND', 'API endpoint not found'],
  ])('404 %s', (code, message) => {
    const e = errorFromHttp(404, headers({ 'X-Request-Id': 'req-42' }), json({ error: true, message, code }))
    expect(e).toMatchObject({ status: 404, code, serverMessage: message, requestId: 'req-42' })
    expect(isNotFound(e)).toBe(true)
    expect(describeApiError(e, 'member')).toMatchObject({
      kind: 'not-found',
      message: "This member doesn't exist, or it was removed.",
      canRetry: false,
    })
  })

  it('400 business error shows Tallyfy’s message', () => {
    const e = errorFromHttp(
      400,
      headers(),
      json({ message: "You can't remove a bot user from this organization!" }),
    )
    expect(describeApiError(e)).toMatchObject({
      kind: 'validation',
      message: "You can't remove a bot user from this organization!",
      canRetry: false,
    })
  })

  it('409 nested error object: code, message and details', () => {
    const body = {
      error: { code: 'SEAT_POOL_EXHAUSTED', message: 'No seats left.', details: { pool_type: 'full' } },
    }
    const e = errorFromHttp(409, headers(), json(body))
    expect(e).toMatchObject({ code: 'SEAT_POOL_EXHAUSTED', serverMessage: 'No seats left.' })
    expect(e.details).toBe('details: pool_type')
    expect(describeApiError(e).message).toBe('No seats left.')
  })

  it('422 docs shape {error: true, errors}', () => {
    const e = errorFromHttp(
      422,
      headers(),
      json({ error: true, errors: { name: ['The name field is required.'] } }),
    )
    expect(e.fieldErrors).toEqual({ name: ['The name field is required.'] })
    expect(describeApiError(e)).toMatchObject({ kind: 'validation', message: 'The name field is required.' })
  })

  it('422 Laravel shape with dotted keys, strings, lists and nested objects', () => {
    const e = errorFromHttp(
      422,
      headers(),
      json({
        message: 'The given data was invalid.',
        errors: {
          'a.b': ['x'],
          name: 'The name has already been taken.',
          members: { 0: ['Not a member.'], 1: { id: ['Unknown id.', 'Disabled.'] } },
          guests: [['Bad email.']],
        },
      }),
    )
    expect(e.fieldErrors).toEqual({
      'a.b': ['x'],
      name: ['The name has already been taken.'],
      'members.0': ['Not a member.'],
      'members.1.id': ['Unknown id.', 'Disabled.'],
      'guests.0': ['Bad email.'],
    })
    // Laravel's headline says nothing; the first field's reason is what Tallyfy told us (the one rule
    // of api/writes/refusal.ts, so a read's error and a write's error agree).
    expect(describeApiError(e).message).toBe('x')
  })

  it('429 with Retry-After in seconds', () => {
    const e = errorFromHttp(
      429,
      headers({ 'Retry-After': '7' }),
      json({ message: "You've reached the limit for requests.", code: 'RATE_LIMIT_EXCEEDED' }),
    )
    expect(e).toMatchObject({ status: 429, code: 'RATE_LIMIT_EXCEEDED', retryAfter: 7 })
    expect(describeApiError(e)).toMatchObject({
      kind: 'rate-limited',
      message: 'Tallyfy asked us to slow down. Try again in 7 s.',
      canRetry: true,
    })
  })

  it('429 with Retry-After as an HTTP date', () => {
    const now = Date.parse('2026-01-01T12:00:00Z')
    const e = errorFromHttp(429, headers({ 'Retry-After': 'Thu, 01 Jan 2026 12:00:12 GMT' }), '', { now })
    expect(e.retryAfter).toBe(12)
  })

  it('502 HTML page: generic message, details say what it was without quoting it', () => {
    const html =
      '<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1></body></html>'
    const e = errorFromHttp(502, headers(), html)
    expect(e.serverMessage).toBeNull()
    expect(e.details).toBe(`body: not JSON, ${html.length} characters`)
    const d = describeApiError(e)
    expect(d).toEqual({
      kind: 'server',
      title: expect.any(String),
      message: 'Tallyfy is having trouble right now.',
      canRetry: true,
    })
  })

  it('500 with leaked SQL never shows it to the person', () => {
    const leak = 'SQLSTATE[42P01]: Undefined table: select * from "users" where "id" = 1'
    const e = errorFromHttp(500, headers(), json({ message: leak }))
    expect(describeApiError(e).message).toBe('Tallyfy is having trouble right now.')
    expect(e.message).not.toContain('SQLSTATE')
    expect(e.details).toBeNull()
  })

  it('a 4xx message that looks like internals is not shown either', () => {
    const e = errorFromHttp(403, headers(), json({ message: 'Exception in /var/www/app/Http/Foo.php:12' }))
    expect(e.serverMessage).toBeNull()
    expect(describeApiError(e, 'group').message).toBe("You don't have access to this group in Tallyfy.")
  })

  it('empty and non-JSON bodies do not break parsing', () => {
    const empty = errorFromHttp(404, headers(), '')
    expect(empty).toMatchObject({ status: 404, code: null, serverMessage: null, details: 'empty body' })
    const text = errorFromHttp(418, headers(), 'I am a teapot')
    expect(text.details).toBe('body: not JSON, 13 characters')
    expect(describeApiError(text)).toMatchObject({ kind: 'unknown', canRetry: false })
  })

  it('details name the fields, never their values, and never the token', () => {
    const body = {
      message: 'The given data was invalid.',
      errors: { email: ['ada@example.com is already taken'], 'profile.phone': ['+1 555 0100 is not valid'] },
      echo: 'Bearer secret-token-123',
    }
    const e = errorFromHttp(422, headers({ 'X-Request-Id': 'req-9' }), json(body), {
      secret: 'secret-token-123',
    })
    expect(e.details).toBe('fields: email, profile.phone')
    expect(e.requestId).toBe('req-9')
    expect(e.fieldErrors.email).toEqual(['ada@example.com is already taken']) // shown to the person, not in details
  })
})

describe('parseRetryAfter', () => {
  it('reads seconds, dates, and rejects nonsense', () => {
    const now = Date.parse('2026-01-01T00:00:00Z')
    expect(parseRetryAfter('3', now)).toBe(3)
    expect(parseRetryAfter('1.2', now)).toBe(2)
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:05 GMT', now)).toBe(5)
    expect(parseRetryAfter('Wed, 31 Dec 2025 23:00:00 GMT', now)).toBe(0)
    expect(parseRetryAfter('soon', now)).toBeNull()
    expect(parseRetryAfter(null, now)).toBeNull()
    expect(parseRetryAfter('', now)).toBeNull()
  })
})

describe('flattenFieldErrors', () => {
  it('collects a bare string under "_"', () => {
    expect(flattenFieldErrors('Something is wrong')).toEqual({ _: ['Something is wrong'] })
  })
})

describe('describeApiError for non-HTTP failures', () => {
  afterEach(() => {
    vi.restoreAllMocks()
  })

  it('network, offline, invalid response, unknown', () => {
    const network = new ApiError({ kind: 'network', message: 'x' })
    expect(describeApiError(network)).toMatchObject({
      kind: 'network',
      message: "Tallyfy can't be reached. Check your connection.",
      canRetry: true,
    })
    vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false)
    expect(describeApiError(network)).toMatchObject({ kind: 'offline', canRetry: true })
    expect(describeApiError(network).message).toBe("You're offline.")
    vi.restoreAllMocks()

    expect(describeApiError(new ApiError({ kind: 'invalid-response', message: 'x' }))).toMatchObject({
      kind: 'invalid-response',
      message: "Tallyfy answered in a way Roster didn't expect.",
      canRetry: true,
    })
    expect(describeApiError(new TypeError('boom'))).toMatchObject({ kind: 'unknown' })
  })

  it('helpers say no to other errors', () => {
    expect(isNotFound(new Error('404'))).toBe(false)
    expect(isForbidden(new ApiError({ kind: 'network', message: 'x', status: 403 }))).toBe(false)
  })
})
