// Switches the demo API into the failure modes a real Tallyfy connection shows (slow answers,
// rate limits, outages, bodies that do not fit the docs), so tests and people can see how the
// client copes without needing a misbehaving server.

export type FaultStatus = 401 | 403 | 422 | 429 | 500 | 502 | 503

export interface Faults {
  /** Delay before every matching answer. */
  latencyMs?: number
  /** Answer matching requests with this status and Tallyfy's body for it. */
  status?: FaultStatus
  /**
   * Tallyfy's words for a 403 (a business refusal) or a 422 (then on the field `field`, default
   * `name`), instead of the generic permission message and Laravel's validation text.
   */
  message?: string
  /** The field a 422 fault's error is about. */
  field?: string
  /** Only requests with this method are affected (e.g. PUT, so the fresh read before it succeeds). */
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE'
  /** Seconds, sent as Retry-After with a 429 or 503 (default 1 for 429). */
  retryAfter?: number
  /** A 200 whose JSON is valid but not the documented shape: `{"data": "oops"}`. */
  malformed?: boolean
  /** A 200 whose body is not JSON at all (a truncated document). */
  malformedText?: boolean
  /** Fault only the next N matching requests, then clear. Undefined: until reset. */
  times?: number
  /** Only requests whose pathname contains this substring are affected. */
  path?: string
  /** Simulate a server that caps per_page; meta.pagination reports the capped value honestly. */
  perPageCap?: number
  /**
   * Not a fault but a persona: the signed-in person's role (default admin). As a standard or light
   * member, GET /me says so and admin-only endpoints (member profiles, writes) answer 403.
   */
  signedInRole?: SignedInRole
}

export type SignedInRole = 'admin' | 'standard' | 'light'
const ROLES: readonly SignedInRole[] = ['admin', 'standard', 'light']

export interface FaultController {
  get(): Faults
  set(faults: Faults): void
  reset(): void
  /**
   * The faults for one request, counting it against `times`; null when nothing applies.
   * Called once per API request by the handlers.
   */
  take(pathname: string, method?: string): Faults | null
}

const STATUSES: readonly FaultStatus[] = [401, 403, 422, 429, 500, 502, 503]
const METHODS = ['GET', 'POST', 'PUT', 'DELETE'] as const

export function createFaultController(initial: Faults = {}): FaultController {
  let current: Faults = { ...initial }
  let remaining = current.times

  return {
    get: () => ({ ...current, ...(remaining === undefined ? {} : { times: remaining }) }),
    set(faults) {
      current = { ...faults }
      remaining = current.times
    },
    reset() {
      current = {}
      remaining = undefined
    },
    take(pathname, method = 'GET') {
      if (!hasAnyFault(current)) return null
      if (current.path !== undefined && !pathname.includes(current.path)) return null
      if (current.method !== undefined && current.method !== method.toUpperCase()) return null
      if (remaining !== undefined && remaining <= 0) return null
      const applied = current
      if (remaining !== undefined) {
        remaining -= 1
        if (remaining <= 0) {
          current = {}
          remaining = undefined
        }
      }
      return applied
    },
  }
}

function hasAnyFault(f: Faults): boolean {
  return Boolean(f.latencyMs || f.status || f.malformed || f.malformedText || f.perPageCap)
}

/**
 * Validates a Faults object that arrived as JSON (the HTTP server's POST /__demo/faults, or
 * window.rosterDemo in e2e), so a typo fails loudly instead of silently doing nothing.
 */
function nonNegative(key: string, value: unknown): number | string {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) return `${key} must be a number ≥ 0`
  return value
}

export function parseFaults(input: unknown): { faults: Faults } | { error: string } {
  if (typeof input !== 'object' || input === null || Array.isArray(input))
    return { error: 'Expected a JSON object' }
  const faults: Faults = {}
  for (const [key, value] of Object.entries(input)) {
    if (value === undefined || value === null) continue
    switch (key) {
      case 'latencyMs':
      case 'retryAfter':
      case 'times':
      case 'perPageCap': {
        const n = nonNegative(key, value)
        if (typeof n === 'string') return { error: n }
        faults[key] = n
        break
      }
      case 'status':
        if (!STATUSES.includes(value as FaultStatus))
          return { error: `status must be one of ${STATUSES.join(', ')}` }
        faults.status = value as FaultStatus
        break
      case 'malformed':
      case 'malformedText':
        if (typeof value !== 'boolean') return { error: `${key} must be true or false` }
        faults[key] = value
        break
      case 'signedInRole':
        if (!ROLES.includes(value as SignedInRole))
          return { error: `signedInRole must be one of ${ROLES.join(', ')}` }
        faults.signedInRole = value as SignedInRole
        break
      case 'path':
      case 'message':
      case 'field':
        if (typeof value !== 'string') return { error: `${key} must be a string` }
        faults[key] = value
        break
      case 'method':
        if (!METHODS.includes(value as (typeof METHODS)[number]))
          return { error: `method must be one of ${METHODS.join(', ')}` }
        faults.method = value as (typeof METHODS)[number]
        break
      default:
        return { error: `Unknown fault "${key}"` }
    }
  }
  if (faults.perPageCap !== undefined && faults.perPageCap < 1) return { error: 'perPageCap must be ≥ 1' }
  return { faults }
}
