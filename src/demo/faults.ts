// Switches the demo API into the failure modes a real Tallyfy connection shows (slow answers,
// rate limits, outages, bodies that do not fit the docs), so tests and people can see how the
// client copes without needing a misbehaving server.

type FaultStatus = 401 | 403 | 422 | 429 | 500 | 502 | 503

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
   * A server that stops short: list pages after this one come back empty while meta.pagination still
   * announces everyone (the case a loader must call incomplete, not whole).
   */
  stopAfterPage?: number
  /** List pages after this one answer 500 (a load that fails part-way; clear it to let Retry work). */
  failAfterPage?: number
  /**
   * GET of one group, or of the groups list, answers without the group's `members` and `guests`
   * (`'absent'`: the keys are missing; `'null'`: they are `null`), as Tallyfy may when the `users` and
   * `guests` includes were not asked for. Both lists unless `omitGroupListsOnly` names one. Counts
   * against `times` only on group reads, so `times: 1` is the next group read whatever comes first.
   */
  omitGroupLists?: 'absent' | 'null'
  /** Limits `omitGroupLists` to this one list. */
  omitGroupListsOnly?: 'members' | 'guests'
  /**
   * A write (POST, PUT or DELETE) is applied to the data as usual, and then the connection drops
   * instead of the answer: `fetch` rejects with a TypeError (MSW's network error; the HTTP server
   * destroys the socket). Whatever the answer would have been, 2xx or a refusal. Counts against
   * `times` only on writes, so the fresh read before a PUT does not use it up.
   */
  dropAfterWrite?: boolean
  /**
   * Not a fault but which Tallyfy the demo is: GET /users ignores `sort` and answers in its own
   * order (by ID), as a server that does not honour the parameter would. A refresh by change
   * (`sort=-updated_at`, #25) must notice that the order is not newest-changed first and read the
   * whole directory instead. Set it without `times` (a count that runs out clears it).
   */
  ignoreSort?: boolean
  /**
   * Not a fault but a state of the data: the ID of a member since deleted, put into a group's stored
   * `members` (default group: the first with at least 2 members; default ID `REMOVED_MEMBER_ID`; at
   * `index`, default the end). GETs show it; a PUT that still carries it is refused with Tallyfy's
   * 422 on `members.<index>`; a PUT without it succeeds and the group forgets it, as it would on
   * Tallyfy. Applied by set() (again on every set() that has it), taken out again by reset() or a
   * set() without it if the group still holds it. Kept when a `times` count runs out.
   */
  staleGroupMember?: StaleGroupMember
  /**
   * Not a fault but a persona: the signed-in person's role (default admin). As a standard or light
   * member, GET /me says so and admin-only endpoints (member profiles, writes) answer 403. Kept when
   * a `times` count runs out.
   */
  signedInRole?: SignedInRole
  /**
   * Not a fault but a state of the organization: its seat limits (tallyfy-api.md §13). Seats in use
   * follow Roster's `seatOf` rule (active and invited members; Administrator and Standard take full
   * seats, Light light ones). An invite, an enable or a role change that needs a seat of a kind with
   * none free answers 409 SEAT_POOL_EXHAUSTED. A kind left out has no limit. Kept when a `times`
   * count runs out.
   */
  seats?: SeatLimits
  /**
   * Every k-th write (POST, PUT or DELETE) this controller sees answers 429 with `Retry-After: 1` and
   * Tallyfy's 429 body, and is not applied: a server pacing a batch. Counts every write whatever
   * `method`, `path` and `times` say, from 0 again at every set() and reset(); kept when a `times`
   * count runs out.
   */
  rateLimitEvery?: number
  /**
   * Not a fault but a state of the organization: how many guests it may create in a sliding hour
   * (default 30, Tallyfy's documented cap, tallyfy-api.md §4, §6). POST /guests counts one, POST
   * /guests/bulk one per guest, a member converted to a guest none. Past it, a creation answers 429
   * `RATE_LIMIT_EXCEEDED` with `Retry-After` (seconds until enough creations leave the hour) and
   * is not applied. The hour starts over at every set() and reset(); kept when a `times` count runs
   * out. Small in e2e (`guestCap: 2`) so the cap is reached in a few clicks.
   */
  guestCap?: number
  /**
   * Not a fault but which Tallyfy the demo is: `'ok'` (default) answers POST /guests/bulk, and
   * `'unsupported'` answers it 404 `ENDPOINT_NOT_FOUND`, as a server without the endpoint would, so
   * a client's one-at-a-time fallback can be tested. Kept when a `times` count runs out.
   */
  guestBulk?: GuestBulkMode
}

export type GuestBulkMode = 'ok' | 'unsupported'

export interface SeatLimits {
  full?: number
  light?: number
}

export interface StaleGroupMember {
  /** The group to put it in; default the first group with at least 2 members. */
  groupId?: string
  /** An ID no member has; default `REMOVED_MEMBER_ID`. */
  memberId?: number
  /** Its position in the group's `members`; default the end. */
  index?: number
}

type SignedInRole = 'admin' | 'standard' | 'light'
const ROLES: readonly SignedInRole[] = ['admin', 'standard', 'light']

/** One write request the handlers received, for tests: what was asked and what was answered. */
export interface DemoWrite {
  method: string
  /** The pathname without the `/api` prefix, so the browser demo and the HTTP demo log alike. */
  path: string
  /** The answer's status; for a dropped answer (dropAfterWrite), the one the client never got. */
  status: number
  /** The write was applied but its answer was lost (dropAfterWrite). */
  dropped?: true
}

/** Write statistics since the last reset: every write in the order answered, and the most at once. */
export interface DemoStats {
  writes: DemoWrite[]
  peakWritesInFlight: number
}

export interface FaultController {
  get(): Faults
  /** Replaces the active faults; throws (and changes nothing) if a listener refuses them. */
  set(faults: Faults): void
  reset(): void
  /**
   * Called with the new faults on every set() and reset(), before they take effect; may throw to
   * refuse them. The handlers use it to apply the data switches (`staleGroupMember`) at once.
   */
  subscribe(listener: (faults: Faults) => void): () => void
  /**
   * The faults for one request, counting it against `times`; null when nothing applies.
   * Called once per API request by the handlers.
   */
  take(pathname: string, method?: string): Faults | null
  /**
   * Called by the handlers when a write arrives (after the `/api` check); the function it returns is
   * called with the status once it is answered. Counts the writes in flight.
   */
  beginWrite(method: string, path: string): (status: number, dropped?: boolean) => void
  /** A copy of the write statistics. reset() and resetStats() start them over; set() does not. */
  stats(): DemoStats
  resetStats(): void
}

const STATUSES: readonly FaultStatus[] = [401, 403, 422, 429, 500, 502, 503]
const METHODS = ['GET', 'POST', 'PUT', 'DELETE'] as const

/**
 * How the server itself behaves whatever the faults (`npm run demo-api -- --latency 40
 * --per-page-cap 100`): applied under every fault, and kept by reset().
 */
type ServerProfile = Pick<Faults, 'latencyMs' | 'perPageCap'>

export function createFaultController(initial: Faults = {}, profile: ServerProfile = {}): FaultController {
  let current: Faults = { ...initial }
  let remaining = current.times
  const listeners = new Set<(faults: Faults) => void>()
  const hasProfile = hasAnyFault(profile)
  const withProfile = (faults: Faults | null): Faults | null => {
    if (!hasProfile) return faults
    return { ...profile, ...faults }
  }
  /** Writes seen since the last set() or reset(), for rateLimitEvery. */
  let writesSeen = 0
  let writes: DemoWrite[] = []
  let inFlight = 0
  let peakWritesInFlight = 0
  /** Statistics start over at a reset: writes still in flight from before it are not counted. */
  let statsEpoch = 0
  const resetStats = () => {
    statsEpoch += 1
    writes = []
    inFlight = 0
    peakWritesInFlight = 0
  }
  const replace = (faults: Faults) => {
    for (const listener of listeners) listener(faults)
    current = { ...faults }
    remaining = current.times
    writesSeen = 0
  }

  return {
    get: () => ({ ...current, ...(remaining === undefined ? {} : { times: remaining }) }),
    set: (faults) => replace(faults),
    reset: () => {
      replace({})
      resetStats()
    },
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    take(pathname, method = 'GET') {
      const every = current.rateLimitEvery
      if (every && WRITE_METHODS.has(method.toUpperCase())) {
        writesSeen += 1
        // Refused before anything else is looked at, as a rate limiter in front of the API would; the
        // network's latency (latencyMs) still applies.
        if (writesSeen % every === 0) {
          const { latencyMs } = current
          return withProfile({ status: 429, retryAfter: 1, ...(latencyMs ? { latencyMs } : {}) })
        }
      }
      if (!affects(current, pathname, method.toUpperCase())) return withProfile(null)
      if (current.path !== undefined && !pathname.includes(current.path)) return withProfile(null)
      if (current.method !== undefined && current.method !== method.toUpperCase()) return withProfile(null)
      if (remaining !== undefined && remaining <= 0) return withProfile(null)
      const applied = current
      if (remaining !== undefined) {
        remaining -= 1
        if (remaining <= 0) {
          // The persona and the data switches are states, not faults of a request: they stay.
          const { signedInRole, staleGroupMember, seats, rateLimitEvery, guestCap, guestBulk } = current
          current = {
            ...(signedInRole === undefined ? {} : { signedInRole }),
            ...(staleGroupMember === undefined ? {} : { staleGroupMember }),
            ...(seats === undefined ? {} : { seats }),
            ...(rateLimitEvery === undefined ? {} : { rateLimitEvery }),
            ...(guestCap === undefined ? {} : { guestCap }),
            ...(guestBulk === undefined ? {} : { guestBulk }),
          }
          remaining = undefined
        }
      }
      return withProfile(applied)
    },
    beginWrite(method, path) {
      const epoch = statsEpoch
      inFlight += 1
      peakWritesInFlight = Math.max(peakWritesInFlight, inFlight)
      let ended = false
      return (status, dropped = false) => {
        if (ended || epoch !== statsEpoch) return
        ended = true
        inFlight -= 1
        writes.push({ method: method.toUpperCase(), path, status, ...(dropped ? { dropped: true } : {}) })
      }
    },
    stats: () => ({ writes: writes.map((w) => ({ ...w })), peakWritesInFlight }),
    resetStats,
  }
}

function hasAnyFault(f: Faults): boolean {
  return Boolean(
    f.latencyMs ||
    f.status ||
    f.malformed ||
    f.malformedText ||
    f.perPageCap ||
    f.stopAfterPage ||
    f.failAfterPage,
  )
}

const WRITE_METHODS = new Set(['POST', 'PUT', 'DELETE', 'PATCH'])
/** GET /organizations/{org}/groups and /organizations/{org}/groups/{id}, with or without /api. */
const GROUP_READ = /\/organizations\/[^/]+\/groups(\/[^/]+)?\/?$/

/**
 * Whether any active fault changes this request. The narrow faults (dropAfterWrite, omitGroupLists)
 * only count the requests they can change, so `times` is spent where it shows.
 */
function affects(f: Faults, pathname: string, method: string): boolean {
  if (hasAnyFault(f)) return true
  if (f.dropAfterWrite && WRITE_METHODS.has(method)) return true
  return Boolean(f.omitGroupLists && method === 'GET' && GROUP_READ.test(pathname))
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
      case 'stopAfterPage':
      case 'failAfterPage':
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
      case 'dropAfterWrite':
      case 'ignoreSort':
        if (typeof value !== 'boolean') return { error: `${key} must be true or false` }
        faults[key] = value
        break
      case 'omitGroupLists':
        if (value !== 'absent' && value !== 'null')
          return { error: 'omitGroupLists must be "absent" or "null"' }
        faults.omitGroupLists = value
        break
      case 'omitGroupListsOnly':
        if (value !== 'members' && value !== 'guests')
          return { error: 'omitGroupListsOnly must be "members" or "guests"' }
        faults.omitGroupListsOnly = value
        break
      case 'rateLimitEvery':
        if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1)
          return { error: 'rateLimitEvery must be a whole number ≥ 1' }
        faults.rateLimitEvery = value
        break
      case 'guestCap':
        if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0)
          return { error: 'guestCap must be a whole number ≥ 0' }
        faults.guestCap = value
        break
      case 'guestBulk':
        if (value !== 'ok' && value !== 'unsupported')
          return { error: 'guestBulk must be "ok" or "unsupported"' }
        faults.guestBulk = value
        break
      case 'seats': {
        const seats = parseSeats(value)
        if (typeof seats === 'string') return { error: seats }
        faults.seats = seats
        break
      }
      case 'staleGroupMember': {
        const stale = parseStaleGroupMember(value)
        if (typeof stale === 'string') return { error: stale }
        faults.staleGroupMember = stale
        break
      }
      default:
        return { error: `Unknown fault "${key}"` }
    }
  }
  if (faults.perPageCap !== undefined && faults.perPageCap < 1) return { error: 'perPageCap must be ≥ 1' }
  return { faults }
}

function parseSeats(input: unknown): SeatLimits | string {
  const usage = 'seats must be an object { full?: number; light?: number }'
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return usage
  const seats: SeatLimits = {}
  for (const [key, value] of Object.entries(input)) {
    if (value === undefined || value === null) continue
    if (key !== 'full' && key !== 'light') return usage
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0)
      return `seats.${key} must be a whole number ≥ 0`
    seats[key] = value
  }
  return seats
}

function parseStaleGroupMember(input: unknown): StaleGroupMember | string {
  const usage = 'staleGroupMember must be an object { groupId?: string; memberId?: number; index?: number }'
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return usage
  const stale: StaleGroupMember = {}
  for (const [key, value] of Object.entries(input)) {
    if (value === undefined || value === null) continue
    if (key === 'groupId') {
      if (typeof value !== 'string' || value === '') return 'staleGroupMember.groupId must be a group ID'
      stale.groupId = value
    } else if (key === 'memberId' || key === 'index') {
      const min = key === 'memberId' ? 1 : 0
      if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min)
        return `staleGroupMember.${key} must be a whole number ≥ ${min}`
      stale[key] = value
    } else return usage
  }
  return stale
}
