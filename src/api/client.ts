import { core, prettifyError } from 'zod/mini'
import { credentialStore } from './credentials'
import { ApiError, errorFromHttp, excerpt } from './errors'
import { retryNotice, type RetryNotice } from './retry-notice'
import type { Credentials } from './types'

// The only code in Roster that speaks HTTP. Every call goes to the same-origin /api prefix (the dev
// server, preview server or production web server proxies it to Tallyfy), carries the three headers
// Tallyfy requires, and either resolves with parsed, typed data or rejects with an ApiError.

export const API_BASE = '/api'

export interface ApiGetOptions {
  signal?: AbortSignal
  query?: Record<string, string | number | undefined>
  /** Use these instead of the signed-in ones (sign-in verification). A 401 then leaves the session alone. */
  credentials?: Credentials
}

/** Retry timing, exposed so tests can make it deterministic. Waits use setTimeout, so fake timers work. */
export const retryPolicy = {
  /** Attempts in total for a 429 (the first try included), as Tallyfy's CLI does. */
  rateLimitAttempts: 4,
  /** Longest wait honoured from Retry-After. */
  maxRetryAfterSeconds: 30,
  /** When a 429 comes without Retry-After. */
  defaultRetryAfterSeconds: 2,
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

export function buildUrl(path: string, query?: ApiGetOptions['query']): string {
  if (!path.startsWith('/') || path.startsWith('//') || path.includes('://')) {
    throw new Error(`apiGet expects an absolute API path such as /me, got ${JSON.stringify(path)}`)
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

async function attempt<T>(
  url: string,
  parse: (json: unknown) => T,
  credentials: Credentials,
  signal: AbortSignal | undefined,
): Promise<Attempt<T>> {
  let response: Response
  try {
    response = await fetch(url, {
      method: 'GET',
      headers: {
        Authorization: `Bearer ${credentials.token}`,
        Accept: 'application/json',
        'X-Tallyfy-Client': 'APIClient',
      },
      signal,
    })
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
    const error = errorFromHttp(response.status, response.headers, text, { secret: credentials.token })
    const retry =
      response.status === 429 ? 'rate-limited' : TRANSIENT_STATUSES.has(response.status) ? 'transient' : null
    return { ok: false, error, retry }
  }

  const requestId = response.headers.get('x-request-id')
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (error) {
    return {
      ok: false,
      retry: null,
      error: new ApiError({
        kind: 'invalid-response',
        status: response.status,
        requestId,
        message: 'Tallyfy answered with something that is not JSON.',
        details: text.trim() ? `body: not JSON, ${text.length} characters` : 'empty body',
        cause: error,
      }),
    }
  }
  try {
    return { ok: true, value: parse(json) }
  } catch (error) {
    const issues = error instanceof core.$ZodError ? prettifyError(error) : String(error)
    return {
      ok: false,
      retry: null,
      error: new ApiError({
        kind: 'invalid-response',
        status: response.status,
        requestId,
        message: 'Tallyfy answered in a shape Roster does not understand.',
        // Issue paths and types only: the body of a successful answer is someone's records.
        details: excerpt(issues, credentials.token),
        cause: error,
      }),
    }
  }
}

export async function apiGet<T>(
  path: string,
  parse: (json: unknown) => T,
  opts: ApiGetOptions = {},
): Promise<T> {
  const { signal } = opts
  const fromStore = opts.credentials === undefined
  const credentials = opts.credentials ?? credentialStore.get()
  if (!credentials) {
    throw new ApiError({ kind: 'http', status: 401, code: 'NOT_SIGNED_IN', message: 'Not signed in.' })
  }
  const url = buildUrl(path, opts.query)

  let rateLimitedAttempts = 0
  let transientRetries = 0
  for (;;) {
    if (signal?.aborted) throw abortedError(signal)
    const result = await attempt(url, parse, credentials, signal)
    if (result.ok) return result.value
    const { error } = result

    if (error.status === 401 && fromStore && credentialStore.get() === credentials) {
      // Only end the session these credentials belong to: a late 401 from a previous sign-in must
      // not sign out whoever signed in since.
      credentialStore.endSession('expired')
    }

    if (result.retry === 'rate-limited') {
      rateLimitedAttempts++
      if (rateLimitedAttempts < retryPolicy.rateLimitAttempts) {
        const seconds = Math.min(
          error.retryAfter ?? retryPolicy.defaultRetryAfterSeconds,
          retryPolicy.maxRetryAfterSeconds,
        )
        await waitBeforeRetry(seconds * 1000, 'rate-limited', signal)
        continue
      }
    } else if (result.retry === 'transient' && transientRetries < retryPolicy.transientRetries) {
      transientRetries++
      await waitBeforeRetry(backoffDelay(transientRetries), 'unavailable', signal)
      continue
    }
    throw error
  }
}
