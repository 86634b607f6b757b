// Every failure of a Tallyfy call becomes an ApiError. Reading an error answer into one
// (errorFromHttp) and turning one into words a person understands (describeApiError) are in
// describe-error.ts, which is not part of the first download.

type ApiErrorKind = 'http' | 'network' | 'invalid-response' | 'aborted'

interface ApiErrorInit {
  kind: ApiErrorKind
  message: string
  status?: number | null
  code?: string | null
  retryAfter?: number | null
  fieldErrors?: Record<string, string[]>
  requestId?: string | null
  details?: string | null
  serverMessage?: string | null
  cause?: unknown
}

export class ApiError extends Error {
  override readonly name = 'ApiError'
  readonly kind: ApiErrorKind
  readonly status: number | null
  /** Tallyfy's machine-readable code (RESOURCE_NOT_FOUND, RATE_LIMIT_EXCEEDED, SEAT_POOL_EXHAUSTED…). */
  readonly code: string | null
  /** Seconds, from Retry-After (seconds or an HTTP date). */
  readonly retryAfter: number | null
  readonly fieldErrors: Record<string, string[]>
  readonly requestId: string | null
  /** For bug reports: field paths, zod issue paths and types. Never a body, a record's values or the token. */
  readonly details: string | null
  /** Tallyfy's own human message, only when it is safe to show (never for 5xx, never internals). */
  readonly serverMessage: string | null

  constructor(init: ApiErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause })
    this.kind = init.kind
    this.status = init.status ?? null
    this.code = init.code ?? null
    this.retryAfter = init.retryAfter ?? null
    this.fieldErrors = init.fieldErrors ?? {}
    this.requestId = init.requestId ?? null
    this.details = init.details ?? null
    this.serverMessage = init.serverMessage ?? null
  }
}

export const isApiError = (e: unknown): e is ApiError => e instanceof ApiError
export const isNotFound = (e: unknown): boolean => isApiError(e) && e.kind === 'http' && e.status === 404
export const isForbidden = (e: unknown): boolean => isApiError(e) && e.kind === 'http' && e.status === 403

const EXCERPT_LENGTH = 600

export const redact = (text: string, secret: string | undefined): string =>
  secret ? text.split(secret).join('[redacted]') : text

/** A short, single-spaced excerpt of a body, with any secret replaced. */
export function excerpt(text: string, secret?: string): string {
  const clean = redact(text, secret).replace(/\s+/g, ' ').trim()
  return clean.length > EXCERPT_LENGTH ? `${clean.slice(0, EXCERPT_LENGTH)}…` : clean
}
