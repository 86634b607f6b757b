import { core, prettifyError } from 'zod/mini'
import { credentialStore } from './credentials'
import { ApiError, excerpt } from './errors'
import { retryNotice, type RetryNotice } from './retry-notice'
import type { Credentials } from './types'

// The only code in Roster that speaks HTTP. Every call goes to the same-origin /api prefix (the dev
// server, preview server or production web server proxies it to Tallyfy), carries the three headers
// Tallyfy requires, and either resolves with parsed, typed data or rejects with an ApiError.

const API_BASE = '/api'

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE'

type QueryParams = Record<string, string | number | undefined>

/** Builds a write's body when it goes (see `ApiRequestOptions.body`); `signal` is the request's. */
type BodyBuilder = (signal: AbortSignal | undefined) => unknown

interface ApiGetOptions {
  signal?: AbortSignal
  query?: QueryParams
  /** Use these instead of the signed-in ones (sign-in verification). A 401 then leaves the session alone. */
  credentials?: Credentials
}

interface ApiRequestOptions<T> extends ApiGetOptions {
  /**
   * Sent as JSON, or as multipart when it is a FormData (the browser then writes the boundary).
   * A function builds the body at the moment it is sent: once the rate-limit gate is open, again
   * before a repeat after a 429, and again if the gate closed while it was being built. A write that
   * replaces a list reads the record in it, so a body never carries data from before a wait.
   */
  body?: unknown | BodyBuilder
  /**
   * Reads the answer. It gets `undefined` for 204 or an empty body, so a parser that needs data fails
   * there as an invalid response. Leave it out when no body is expected: any 2xx then resolves to
   * `undefined` whatever it carries.
   */
  parse?: (json: unknown) => T
}

/** Retry timing, exposed so tests can make it deterministic. Waits use setTimeout, so fake timers work. */
export const retryPolicy = {
  /** Attempts in total for a 429 (the first try included), as Tallyfy's CLI does. */
  rateLimitAttempts: 4,
  /**
   * Longest wait honoured from Retry-After. Tallyfy's windows can be longer than 30 s, and retrying
   * inside the window only spends the attempts, so the announced time is honoured (this is a guard
   * against an absurd header, not a shortcut).
   */
  maxRetryAfterSeconds: 600,
  /** Shortest wait after a 429, also when Retry-After says 0 or a date in the past. */
  minRetryAfterSeconds: 1,
  /** When a 429 comes without Retry-After. */
  defaultRetryAfterSeconds: 2,
  /** After the rate-limit gate opens, each waiting request adds up to this much at random. */
  gateJitterMs: 1000,
  /** Retries after 502/503/504 or a network failure. */
  transientRetries: 3,
  backoffBaseMs: 500,
  /** Up to this fraction of the delay is added at random so parallel requests do not retry in step. */
  jitter: 0.25,
  random: (): number => Math.random(),
}

const TRANSIENT_STATUSES = new Set([502, 503, 504])

/** 500 ms, 1 s, 2 s … plus jitter. `retry` counts from 1. */
export function backoffDelay(retry: number): number {
  const base = retryPolicy.backoffBaseMs * 2 ** (retry - 1)
  return Math.round(base * (1 + retryPolicy.jitter * retryPolicy.random()))
}

function buildUrl(path: string, query?: QueryParams): string {
  if (!path.startsWith('/') || path.startsWith('//') || path.includes('://')) {
    throw new Error(`apiRequest expects an absolute API path such as /me, got ${JSON.stringify(path)}`)
  }
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined) params.set(key, String(value))
  }
  const search = params.toString()
  return `${API_BASE}${path}${search ? `?${search}` : ''}`
}

function abortedError(signal: AbortSignal | undefined): ApiError {
  return new ApiError({ kind: 'aborted', message: 'The request was cancelled.', cause: signal?.reason })
}

const isAbort = (error: unknown, signal: AbortSignal | undefined) =>
  signal?.aborted === true || (error instanceof Error && error.name === 'AbortError')

/** Waits `ms`, showing the wait in the retry notice; rejects with an aborted ApiError when the signal fires. */
function waitBeforeRetry(ms: number, reason: RetryNotice['reason'], signal: AbortSignal | undefined) {
  return new Promise<void>((resolve, reject) => {
    if (signal?.aborted) {
      reject(abortedError(signal))
      return
    }
    const clearNotice = retryNotice.publish({ reason, retryAt: Date.now() + ms })
    const onAbort = () => {
      clearTimeout(timer)
      clearNotice()
      reject(abortedError(signal))
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort)
      clearNotice()
      resolve()
    }, ms)
    signal?.addEventListener('abort', onAbort, { once: true })
  })
}

/**
 * The one rate-limit gate for every request to Tallyfy. A 429 is about the client, not the request:
 * when any request gets one, every request (those in flight retrying and those not yet sent) waits
 * until the announced time, then each goes at its own random offset so they do not arrive as a herd.
 */
export const rateLimitGate = {
  /** Epoch ms before which no request is sent. */
  until: 0,
  close(seconds: number) {
    this.until = Math.max(this.until, Date.now() + seconds * 1000)
  },
  reset() {
    this.until = 0
  },
}

async function passRateLimitGate(signal: AbortSignal | undefined): Promise<void> {
  // Loop: the gate can close further while we wait (another 429 lands).
  while (Date.now() < rateLimitGate.until) {
    const ms = rateLimitGate.until - Date.now() + Math.round(retryPolicy.gateJitterMs * retryPolicy.random())
    await waitBeforeRetry(ms, 'rate-limited', signal)
  }
}

type Attempt<T> =
  { ok: true; value: T } | { ok: false; error: ApiError; retry: 'rate-limited' | 'transient' | null }

/**
 * The request or the reading of its answer failed below HTTP: worth another try. The engine's error
 * text can be noise, so it goes to the details (token removed); the kind says enough to the person.
 */
function networkFailure(error: unknown, message: string, secret: string, status?: number): Attempt<never> {
  return {
    ok: false,
    retry: 'transient',
    error: new ApiError({
      kind: 'network',
      status,
      message,
      details: error instanceof Error ? excerpt(error.message, secret) : null,
      cause: error,
    }),
  }
}

/**
 * What may be sent again after a failure. A GET changes nothing, so every transient failure is worth
 * another try. A 429 means Tallyfy refused before acting, so a PUT or DELETE (which land in the same
 * state however often they are applied) can follow it; after a 5xx or a broken connection the write
 * may already have happened. A POST is never repeated: a second invite or a second group would be real.
 */
function mayRetry(method: HttpMethod, reason: 'rate-limited' | 'transient'): boolean {
  if (method === 'GET') return true
  if (method === 'POST') return false
  return reason === 'rate-limited'
}

interface Outgoing {
  method: HttpMethod
  url: string
  body: BodyInit | undefined
  contentType: string | undefined
}

function outgoing(method: HttpMethod, url: string, body: unknown): Outgoing {
  if (body === undefined) return { method, url, body: undefined, contentType: undefined }
  if (method === 'GET') throw new Error(`A GET carries no body (${url})`)
  // No Content-Type for FormData: fetch writes multipart/form-data with its boundary itself.
  if (body instanceof FormData) return { method, url, body, contentType: undefined }
  return { method, url, body: JSON.stringify(body), contentType: 'application/json' }
}

/**
 * A write belongs to the session that made it: after a sign-out, an expiry or a switch of
 * organization, nothing it queued may still leave (checked before every attempt, after every wait).
 */
function sessionEnded(): ApiError {
  return new ApiError({
    kind: 'aborted',
    message: 'The session that made this change has ended, so it was not sent.',
  })
}

const isBuilder = (body: unknown): body is BodyBuilder => typeof body === 'function'

/**
 * The ApiError of a non-2xx answer. Reading its body (Tallyfy's code and words, field errors,
 * Retry-After) is code only a failure needs, so it is fetched on demand (describe-error.ts; main.tsx
 * fetches it ahead of need). Should even that fail, the status alone still decides what happens next.
 */
async function httpError(response: Response, text: string, secret: string): Promise<ApiError> {
  const described = await import('./describe-error').catch(() => null)
  if (described) return described.errorFromHttp(response.status, response.headers, text, { secret })
  const { status } = response
  return new ApiError({ kind: 'http', status, message: `Tallyfy answered HTTP ${status}` })
}

async function attempt<T>(
  request: Outgoing,
  parse: ((json: unknown) => T) | undefined,
  credentials: Credentials,
  signal: AbortSignal | undefined,
): Promise<Attempt<T | undefined>> {
  const headers: Record<string, string> = {
    Authorization: `Bearer ${credentials.token}`,
    Accept: 'application/json',
    'X-Tallyfy-Client': 'APIClient',
  }
  if (request.contentType) headers['Content-Type'] = request.contentType
  let response: Response
  try {
    response = await fetch(request.url, { method: request.method, headers, body: request.body, signal })
  } catch (error) {
    if (isAbort(error, signal)) throw abortedError(signal)
    return networkFailure(error, 'Tallyfy could not be reached.', credentials.token)
  }

  let text: string
  try {
    text = await response.text()
  } catch (error) {
    if (isAbort(error, signal)) throw abortedError(signal)
    return networkFailure(
      error,
      'The connection to Tallyfy broke while reading the answer.',
      credentials.token,
      response.status,
    )
  }

  if (!response.ok) {
    const error = await httpError(response, text, credentials.token)
    const retry =
      response.status === 429 ? 'rate-limited' : TRANSIENT_STATUSES.has(response.status) ? 'transient' : null
    return { ok: false, error, retry }
  }

  // The caller expects no body: whatever came with the 2xx (a 204, `{data: …}`, a message) is ignored.
  if (!parse) return { ok: true, value: undefined }

  const requestId = response.headers.get('x-request-id')
  const invalid = (message: string, details: string, cause: unknown): Attempt<never> => ({
    ok: false,
    retry: null,
    error: new ApiError({
      kind: 'invalid-response',
      status: response.status,
      requestId,
      message,
      details,
      cause,
    }),
  })

  const empty = text.trim() === ''
  let json: unknown
  if (!empty) {
    try {
      json = JSON.parse(text)
    } catch (error) {
      return invalid(
        'Tallyfy answered with something that is not JSON.',
        `body: not JSON, ${text.length} characters`,
        error,
      )
    }
  }
  try {
    return { ok: true, value: parse(json) }
  } catch (error) {
    if (empty)
      return invalid('Tallyfy answered with an empty body where Roster expected data.', 'empty body', error)
    const issues = error instanceof core.$ZodError ? prettifyError(error) : String(error)
    return invalid(
      'Tallyfy answered in a shape Roster does not understand.',
      // Issue paths and types only: the body of a successful answer is someone's records.
      excerpt(issues, credentials.token),
      error,
    )
  }
}

/** Calls Tallyfy and resolves with the parsed answer; leave `parse` out when no body is expected. */
export function apiRequest(
  method: HttpMethod,
  path: string,
  opts?: Omit<ApiRequestOptions<unknown>, 'parse'> & { parse?: undefined },
): Promise<void>
export function apiRequest<T>(
  method: HttpMethod,
  path: string,
  opts: ApiRequestOptions<T> & { parse: (json: unknown) => T },
): Promise<T>
export async function apiRequest<T>(
  method: HttpMethod,
  path: string,
  opts: ApiRequestOptions<T> = {},
): Promise<T | undefined> {
  const { signal, parse } = opts
  const fromStore = opts.credentials === undefined
  const credentials = opts.credentials ?? credentialStore.get()
  if (!credentials) {
    throw new ApiError({ kind: 'http', status: 401, code: 'NOT_SIGNED_IN', message: 'Not signed in.' })
  }
  const url = buildUrl(path, opts.query)
  const stillOurs = () => !fromStore || credentialStore.get() === credentials
  const fixed: Outgoing | null = isBuilder(opts.body) ? null : outgoing(method, url, opts.body)

  let rateLimitedAttempts = 0
  let transientRetries = 0
  for (;;) {
    if (signal?.aborted) throw abortedError(signal)
    if (method !== 'GET' && !stillOurs()) throw sessionEnded()
    await passRateLimitGate(signal)
    let request = fixed
    if (!request) {
      const body: unknown = await (opts.body as BodyBuilder)(signal)
      // The gate closed while the body was built (its read waited, or another request met a 429):
      // wait again and build it again, so what leaves is never older than the last wait.
      if (Date.now() < rateLimitGate.until) continue
      request = outgoing(method, url, body)
    }
    if (method !== 'GET' && !stillOurs()) throw sessionEnded()
    const result = await attempt(request, parse, credentials, signal)
    if (result.ok) return result.value
    const { error, retry } = result

    if (error.status === 401 && fromStore && credentialStore.get() === credentials) {
      // Only end the session these credentials belong to: a late 401 from a previous sign-in must
      // not sign out whoever signed in since.
      credentialStore.endSession('expired')
    }

    if (retry === 'rate-limited' && mayRetry(method, retry)) {
      rateLimitedAttempts++
      if (rateLimitedAttempts < retryPolicy.rateLimitAttempts) {
        const seconds = Math.min(
          Math.max(
            error.retryAfter ?? retryPolicy.defaultRetryAfterSeconds,
            retryPolicy.minRetryAfterSeconds,
          ),
          retryPolicy.maxRetryAfterSeconds,
        )
        // The wait itself happens at the gate, shared with every other request.
        rateLimitGate.close(seconds)
        continue
      }
    } else if (
      retry === 'transient' &&
      mayRetry(method, retry) &&
      transientRetries < retryPolicy.transientRetries
    ) {
      transientRetries++
      await waitBeforeRetry(backoffDelay(transientRetries), 'unavailable', signal)
      continue
    }
    throw error
  }
}

export function apiGet<T>(path: string, parse: (json: unknown) => T, opts: ApiGetOptions = {}): Promise<T> {
  return apiRequest('GET', path, { ...opts, parse })
}
