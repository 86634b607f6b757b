// What only a failure needs: reading Tallyfy's error answer into an ApiError (errorFromHttp), and
// words a person understands for one (describeApiError, tallyfyWords). Not part of the first
// download: main.tsx fetches it once the first page is on screen (with ErrorState's view), and
// client.ts and the views of a failure import it on demand. Tallyfy's error bodies come in several
// shapes (tallyfy-api.md §6), so the parsing here is deliberately forgiving: it never throws,
// whatever the body.
import { ApiError, excerpt, isApiError, redact } from './errors'

/** Retry-After is either delta-seconds or an HTTP date (Tallyfy's CLI accepts both). */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | null {
  if (value == null) return null
  const trimmed = value.trim()
  if (trimmed === '') return null
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.ceil(Number(trimmed))
  const at = Date.parse(trimmed)
  if (Number.isNaN(at)) return null
  return Math.max(0, Math.ceil((at - now) / 1000))
}

/**
 * Laravel and Tallyfy's docs disagree on validation bodies: values can be a string, a list of strings,
 * or nested objects and lists. The UI wants one flat map from a dotted path to messages.
 */
export function flattenFieldErrors(errors: unknown, prefix = ''): Record<string, string[]> {
  // No prototype: a field Tallyfy names "constructor" or "__proto__" is a field like any other (on a
  // plain object it found Object's own and threw, or set the prototype).
  const out: Record<string, string[]> = Object.create(null)
  const add = (key: string, message: string) => {
    const k = key || '_'
    ;(out[k] ??= []).push(message)
  }
  const walk = (value: unknown, path: string) => {
    if (typeof value === 'string') add(path, value)
    else if (typeof value === 'number' || typeof value === 'boolean') add(path, String(value))
    else if (Array.isArray(value)) {
      value.forEach((item, index) => {
        if (typeof item === 'string' || typeof item === 'number' || typeof item === 'boolean')
          walk(item, path)
        else walk(item, path ? `${path}.${index}` : String(index))
      })
    } else if (value && typeof value === 'object') {
      for (const [key, inner] of Object.entries(value)) walk(inner, path ? `${path}.${key}` : key)
    }
  }
  walk(errors, prefix)
  return out
}

// Raw exception text (SQL, PHP stack traces) leaks into some Tallyfy errors; it must never reach a person.
const INTERNALS =
  /SQLSTATE|\bselect\s+[*`]|\binsert\s+into\s+[`"\w]|\bupdate\s+`|stack trace|#\d+ \/|\.php\b|exception|<\/?[a-z][^>]*>/i

function safeMessage(value: unknown): string | null {
  if (typeof value !== 'string') return null
  const text = value.trim()
  if (!text || text.length > 300 || INTERNALS.test(text)) return null
  return text
}

const asRecord = (v: unknown): Record<string, unknown> | null =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null

/** Builds the ApiError for a non-2xx answer from its status, headers and body text. */
export function errorFromHttp(
  status: number,
  headers: Headers,
  bodyText: string,
  opts: { secret?: string; now?: number } = {},
): ApiError {
  const requestId = headers.get('x-request-id')
  const retryAfter = parseRetryAfter(headers.get('retry-after'), opts.now)
  let json: unknown
  try {
    json = bodyText.trim() ? JSON.parse(bodyText) : undefined
  } catch {
    json = undefined
  }
  const body = asRecord(json)
  // 409 wraps everything in "error": {code, message, details}; elsewhere "error" is just `true`.
  const nested = asRecord(body?.error)
  const rawMessage = body?.message ?? nested?.message
  const rawCode = body?.code ?? nested?.code
  // Everything of the body a person may read goes without a token it echoes back: the code, the
  // message, each field's messages.
  const code = typeof rawCode === 'string' && rawCode.trim() ? redact(rawCode.trim(), opts.secret) : null
  const fieldErrors = body?.errors === undefined ? {} : flattenFieldErrors(body.errors)
  if (opts.secret)
    for (const [field, messages] of Object.entries(fieldErrors))
      fieldErrors[field] = messages.map((message) => redact(message, opts.secret))
  const shown = status >= 500 ? null : safeMessage(rawMessage)
  // Shown as Tallyfy wrote it, except a token it echoes back.
  const serverMessage = shown === null ? null : redact(shown, opts.secret)

  // For a bug report: what kind of answer it was and which fields it named, never its values (an
  // error body can echo back a name, an email or an SQL statement). Status, code and request ID have
  // their own rows.
  const detailParts: string[] = []
  const fieldPaths = Object.keys(fieldErrors)
  if (fieldPaths.length > 0) detailParts.push(`fields: ${excerpt(fieldPaths.join(', '), opts.secret)}`)
  const nestedDetails = asRecord(nested?.details)
  if (nestedDetails)
    detailParts.push(`details: ${excerpt(Object.keys(nestedDetails).join(', '), opts.secret)}`)
  if (!bodyText.trim()) detailParts.push('empty body')
  else if (json === undefined) detailParts.push(`body: not JSON, ${bodyText.length} characters`)
  else if (!body) detailParts.push(`body: JSON ${Array.isArray(json) ? 'array' : typeof json}`)

  return new ApiError({
    kind: 'http',
    status,
    code,
    retryAfter,
    fieldErrors,
    requestId,
    serverMessage,
    details: detailParts.join('\n') || null,
    message: `Tallyfy answered HTTP ${status}${code ? ` ${code}` : ''}${serverMessage ? `: ${serverMessage}` : ''}`,
  })
}

type ApiErrorDescriptionKind =
  | 'unauthorized'
  | 'forbidden'
  | 'not-found'
  | 'rate-limited'
  | 'server'
  | 'network'
  | 'offline'
  | 'invalid-response'
  | 'validation'
  | 'unknown'

interface ApiErrorDescription {
  kind: ApiErrorDescriptionKind
  title: string
  message: string
  canRetry: boolean
}

// The browser's own answer at the moment of the failure. TanStack Query's onlineManager (which the
// offline banner shows) only learns of it from the `offline` event, which can arrive after the
// failed request: asked here, it made "You're offline" a race (seen in e2e under load).
const isOffline = () => typeof navigator !== 'undefined' && navigator.onLine === false

const offline: ApiErrorDescription = {
  kind: 'offline',
  title: "You're offline",
  message: "You're offline.",
  canRetry: true,
}

export function describeApiError(error: unknown, what = 'item'): ApiErrorDescription {
  if (!isApiError(error)) {
    if (isOffline()) return offline
    return {
      kind: 'unknown',
      title: 'Something went wrong',
      message: 'Roster ran into an unexpected problem.',
      canRetry: true,
    }
  }
  switch (error.kind) {
    case 'network':
      if (isOffline()) return offline
      return {
        kind: 'network',
        title: "Can't reach Tallyfy",
        message: "Tallyfy can't be reached. Check your connection.",
        canRetry: true,
      }
    case 'invalid-response':
      return {
        kind: 'invalid-response',
        title: 'Unexpected answer from Tallyfy',
        message: "Tallyfy answered in a way Roster didn't expect.",
        canRetry: true,
      }
    case 'aborted':
      return { kind: 'unknown', title: 'Cancelled', message: 'The request was cancelled.', canRetry: true }
    case 'http':
      return describeHttp(error, what)
  }
}

const REFUSALS = new Set([400, 403, 409, 422])

/**
 * Tallyfy's own words for a refusal, and the field they are about, or null when it did not refuse
 * in words (a 5xx, a 404, a 429, a network failure). A 422's own message is Laravel's generic "The
 * given data was invalid.", so its first field message wins there; a 400, 403 or 409 says why in
 * its message. The one rule for every write's error (api/writes/refusal.ts) and for describeApiError.
 */
export function tallyfyWords(error: unknown): { message: string; field: string | null } | null {
  if (!isApiError(error) || error.kind !== 'http' || !REFUSALS.has(error.status ?? 0)) return null
  const first = Object.entries(error.fieldErrors).find(([, messages]) => messages.length > 0)
  const fieldWords = first ? { message: first[1][0] as string, field: first[0] } : null
  const serverWords = error.serverMessage ? { message: error.serverMessage, field: null } : null
  return (error.status === 422 ? (fieldWords ?? serverWords) : (serverWords ?? fieldWords)) ?? null
}

function describeHttp(error: ApiError, what: string): ApiErrorDescription {
  const status = error.status ?? 0
  const server = error.serverMessage
  if (status === 401) {
    return {
      kind: 'unauthorized',
      title: 'Sign in again',
      message: 'Your Tallyfy session has ended or the access token is not valid. Sign in again.',
      canRetry: false,
    }
  }
  if (status === 403) {
    return {
      kind: 'forbidden',
      title: 'No access',
      message: `You don't have access to this ${what} in Tallyfy.${server ? ` Tallyfy says: “${server}”` : ''}`,
      canRetry: false,
    }
  }
  if (status === 404) {
    return {
      kind: 'not-found',
      title: 'Not found',
      message: `This ${what} doesn't exist, or it was removed.`,
      canRetry: false,
    }
  }
  if (status === 429) {
    const wait = error.retryAfter
    return {
      kind: 'rate-limited',
      title: 'Too many requests',
      message:
        wait != null && wait > 0
          ? `Tallyfy asked us to slow down. Try again in ${wait} s.`
          : 'Tallyfy asked us to slow down. Try again in a few seconds.',
      canRetry: true,
    }
  }
  if (status >= 500) {
    return {
      kind: 'server',
      title: 'Tallyfy is having trouble',
      message: 'Tallyfy is having trouble right now.',
      canRetry: true,
    }
  }
  if (status === 400 || status === 409 || status === 422) {
    return {
      kind: 'validation',
      title: 'Tallyfy refused the request',
      message: tallyfyWords(error)?.message ?? 'Tallyfy refused the request.',
      canRetry: false,
    }
  }
  return {
    kind: 'unknown',
    title: 'Something went wrong',
    message: server ?? `Tallyfy answered with an error (HTTP ${status}).`,
    canRetry: false,
  }
}
