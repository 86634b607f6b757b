// The demo organization's API: MSW handlers that follow Tallyfy's documented semantics
// (tallyfy-api.md) closely enough that the client cannot tell them from the real thing.
// Every pattern starts with `*` so one set serves `/api/organizations/...` (the browser, same
// origin) and `/organizations/...` (the loopback HTTP server, which sits behind the proxy that
// strips `/api`). The `*` alone would also catch unrelated URLs, so each handler first checks
// that what precedes the API path is the origin or the origin plus `/api`.

import { http, HttpResponse, type HttpHandler } from 'msw'
import type { MemberStatus, Role } from '../api/types'
import { isValidEmail } from '../lib/email'
import { seatOf, type SeatKind } from '../lib/overview-links'
import { isWritableRole } from '../lib/roles'
import { DEMO_TOKEN } from './credentials'
import {
  BOT_MEMBER_ID,
  hexId,
  indexGroupMembership,
  REMOVED_MEMBER_ID,
  wireRole,
  type DemoOrg,
  type WireGroup,
  type WireGuest,
  type WireMember,
} from './data'
import type { FaultController, Faults, SeatLimits, StaleGroupMember } from './faults'
import { createLifecycleHandlers } from './lifecycle'
import {
  BOT_CHANGE_REFUSAL_INFERRED,
  BOT_REMOVAL_REFUSAL,
  businessError,
  DEFAULT_ADMIN_REFUSAL,
  endpointNotFound,
  forbidden,
  jsonBody,
  PLAIN_EMAIL,
  resourceNotFound,
  textField,
  unauthenticated,
  URL_IN_NAME,
  validationFailed,
  WRITABLE_ROLES,
} from './replies'

const USERS_DEFAULT_PER_PAGE = 9999
const USERS_MAX_PER_PAGE = 9999
const GROUPS_DEFAULT_PER_PAGE = 10
const GROUPS_MAX_PER_PAGE = 100
const GUESTS_DEFAULT_PER_PAGE = 999
const GUESTS_MAX_PER_PAGE = 9999

// ---------------------------------------------------------------------------------------------
// Tallyfy's error bodies (tallyfy-api.md §6) are in replies.ts, shared with lifecycle.ts.

const WRITE_METHODS = new Set(['POST', 'PUT', 'DELETE', 'PATCH'])

/**
 * INFERRED [I] (tallyfy-api.md §13): the 422 of a resend or withdrawal for a member who is not invited.
 * The Swagger snapshot lists the endpoints without their refusals; Laravel's body, on a `user` field.
 */
const NOT_INVITED = 'The user is not in invited status.'

const fieldLabel = (key: string) => key.replace('_', ' ')

function inviteErrors(body: unknown, members: readonly WireMember[]): Record<string, string[]> | null {
  const errors: Record<string, string[]> = {}
  const text = (key: string) => textField(body, key)
  for (const key of ['email', 'first_name', 'last_name', 'role', 'message']) {
    if (text(key) === '') errors[key] = [`The ${fieldLabel(key)} field is required.`]
  }
  for (const key of ['first_name', 'last_name']) {
    if (errors[key]) continue
    if ([...text(key)].length > 32)
      errors[key] = [`The ${fieldLabel(key)} may not be greater than 32 characters.`]
    else if (URL_IN_NAME.test(text(key))) errors[key] = [`The ${fieldLabel(key)} must not be a URL.`]
  }
  if (!errors.message && [...text('message')].length > 5000)
    errors.message = ['The message may not be greater than 5000 characters.']
  if (!errors.role && !WRITABLE_ROLES.has(text('role'))) errors.role = ['The selected role is invalid.']
  const email = text('email').toLowerCase()
  if (!errors.email) {
    if (!PLAIN_EMAIL.test(email)) errors.email = ['The email must be a valid email address.']
    else if (members.some((m) => m.email.toLowerCase() === email))
      errors.email = ['The email has already been taken.']
  }
  return Object.keys(errors).length > 0 ? errors : null
}

// ---------------------------------------------------------------------------------------------
// The seat pool (tallyfy-api.md §6, §13)

/** The role as Roster reads it: Tallyfy spells roles in any case, and older payloads say "administrator". */
function roleOf(spelled: string | undefined): Role {
  const role = spelled?.trim().toLowerCase()
  if (role === 'administrator') return 'admin'
  return isWritableRole(role) ? role : 'unknown'
}

const seatOfMember = (member: WireMember, status: MemberStatus = member.status) =>
  seatOf(roleOf(wireRole(member)), status)

/** Seats of `kind` in use: active and invited members, by Roster's seatOf rule (overview-links.ts). */
function seatsInUse(members: readonly WireMember[], kind: SeatKind): number {
  let used = 0
  for (const member of members) if (seatOfMember(member) === kind) used++
  return used
}

/**
 * 409 SEAT_POOL_EXHAUSTED in the nested envelope tallyfy-api.md §6 documents (from Tallyfy's MCP
 * server): `{"error": {"code", "message", "details": {"pool_type"}}}`. The shape and the code are
 * documented; the sentence is INFERRED [I] (the docs give "..."), modelled on the example payload in
 * the tests of Tallyfy's own n8n node. Replace it when Tallyfy's real words are known.
 */
export function seatPoolExhausted(kind: SeatKind): Response {
  return HttpResponse.json(
    {
      error: {
        code: 'SEAT_POOL_EXHAUSTED',
        message: `Your organization has reached its committed ${kind} seat limit.`,
        details: { pool_type: kind },
      },
    },
    { status: 409 },
  )
}

/**
 * Tallyfy's refusal when a change needs a seat of `kind` and none is free, or null when one is (or
 * the kind has no limit, or the change needs no seat). `members` is the organization before the
 * change. Every write that takes a seat asks it: invite, enable, a role change, guest-to-member.
 */
export function seatRefusal(
  members: readonly WireMember[],
  limits: SeatLimits | undefined,
  kind: SeatKind | null,
): Response | null {
  const limit = kind === null ? undefined : limits?.[kind]
  if (kind === null || limit === undefined) return null
  return seatsInUse(members, kind) >= limit ? seatPoolExhausted(kind) : null
}

function touch(member: WireMember) {
  const now = new Date().toISOString()
  if (member.updated_at !== undefined) member.updated_at = now
  else member.last_updated = now
}

let requestCounter = 0
const nextRequestId = () => `demo-${(++requestCounter).toString(16).padStart(8, '0')}`

function faultStatusResponse(faults: Faults): Response | null {
  switch (faults.status) {
    case undefined:
      return null
    case 401:
      return unauthenticated()
    case 403:
      return faults.message
        ? HttpResponse.json({ error: true, message: faults.message }, { status: 403 })
        : forbidden()
    case 422:
      return validationFailed({ [faults.field ?? 'name']: [faults.message ?? 'The name field is invalid.'] })
    case 429:
      return HttpResponse.json(
        {
          message: "You've reached the request limit for this organization. Please try again later.",
          code: 'RATE_LIMIT_EXCEEDED',
        },
        {
          status: 429,
          headers: { 'Retry-After': String(faults.retryAfter ?? 1), 'X-RateLimit-Remaining': '0' },
        },
      )
    case 500:
      // Laravel's production error page: HTML, not JSON, whatever the Accept header said.
      return new HttpResponse(
        '<!DOCTYPE html><html lang="en"><head><title>Server Error</title></head><body>500 | Server Error</body></html>',
        {
          status: 500,
          headers: { 'Content-Type': 'text/html; charset=UTF-8', 'X-Request-Id': nextRequestId() },
        },
      )
    case 502:
      return new HttpResponse(
        '<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center></body></html>',
        { status: 502, headers: { 'Content-Type': 'text/html' } },
      )
    case 503: {
      const headers: Record<string, string> = {}
      if (faults.retryAfter !== undefined) headers['Retry-After'] = String(faults.retryAfter)
      return HttpResponse.json({ message: 'Service Unavailable' }, { status: 503, headers })
    }
  }
}

function malformedResponse(faults: Faults): Response | null {
  if (faults.malformed) return HttpResponse.json({ data: 'oops' })
  if (faults.malformedText) {
    // A body cut off mid-stream: declared as JSON, not parseable as JSON.
    return new HttpResponse('{"data": [{"id": 1001, "email": "zo', {
      status: 200,
      headers: { 'Content-Type': 'application/json' },
    })
  }
  return null
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

// ---------------------------------------------------------------------------------------------
// Query helpers

interface PageRequest {
  page: number
  perPage: number
}

function positiveInt(value: string | null): number | null {
  if (value === null || !/^\s*\d+\s*$/.test(value)) return null
  const n = Number.parseInt(value, 10)
  return n >= 1 ? n : null
}

function pageRequest(
  url: URL,
  defaultPerPage: number,
  maxPerPage: number,
  cap: number | undefined,
): PageRequest {
  const requested = positiveInt(url.searchParams.get('per_page')) ?? defaultPerPage
  let perPage = Math.min(requested, maxPerPage)
  if (cap !== undefined) perPage = Math.min(perPage, Math.max(1, Math.floor(cap)))
  return { page: positiveInt(url.searchParams.get('page')) ?? 1, perPage }
}

function paginate<T>(rows: readonly T[], url: URL, { page, perPage }: PageRequest) {
  const data = rows.slice((page - 1) * perPage, page * perPage)
  // Laravel's paginator reports at least one page, even for an empty result.
  const totalPages = Math.max(1, Math.ceil(rows.length / perPage))
  let links: { next: string } | never[] = []
  if (page < totalPages) {
    const next = new URL(url)
    next.searchParams.set('page', String(page + 1))
    next.searchParams.set('per_page', String(perPage))
    links = { next: next.toString() }
  }
  return {
    data,
    pagination: {
      total: rows.length,
      count: data.length,
      per_page: perPage,
      current_page: page,
      total_pages: totalPages,
      links,
    },
  }
}

/**
 * The list faults every paged list (members, groups, guests) honours: pages after `failAfterPage`
 * answer 500, and pages after `stopAfterPage` come back empty while meta.pagination still announces
 * everyone. Either the page's rows or the failed answer.
 */
function pageFaults<T>(
  page: number,
  data: readonly T[],
  { stopAfterPage, failAfterPage }: Pick<RouteContext, 'stopAfterPage' | 'failAfterPage'>,
): readonly T[] | Response {
  if (failAfterPage !== undefined && page > failAfterPage) {
    return HttpResponse.json({ error: true, message: 'Server Error' }, { status: 500 })
  }
  return stopAfterPage !== undefined && page > stopAfterPage ? [] : data
}

function includes(url: URL): Set<string> {
  const raw = url.searchParams.get('with') ?? ''
  return new Set(
    raw
      .split(',')
      .map((part) => part.trim().toLowerCase())
      .filter(Boolean),
  )
}

/** `sort=-field` or `sort_by=field`: the field and whether it runs descending. */
function parseSort(raw: string | null): { field: string; descending: boolean } {
  const value = (raw ?? '').trim()
  if (value.startsWith('-')) return { field: value.slice(1), descending: true }
  return { field: value, descending: false }
}

// ---------------------------------------------------------------------------------------------
// Per-org indexes, built on first use and kept: a 50,000-member page must cost milliseconds.

type SortValue = string | number | null

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true })

const MEMBER_SORT_FIELDS = new Set([
  'id',
  'email',
  'first_name',
  'last_name',
  'full_name',
  'name',
  'status',
  'role',
  'job_title',
  'phone',
  'timezone',
  'created_at',
  'updated_at',
  'last_updated',
  'activated_at',
  'last_login_at',
  'last_accessed_at',
])

function memberSortValue(member: WireMember, field: string): SortValue {
  switch (field) {
    case 'name':
    case 'full_name':
      return member.full_name
    case 'role':
      return wireRole(member)?.toLowerCase() ?? null
    case 'updated_at':
    case 'last_updated':
      return member.updated_at ?? member.last_updated ?? null
    default: {
      const value = (member as unknown as Record<string, unknown>)[field]
      return typeof value === 'string' || typeof value === 'number' ? value : null
    }
  }
}

function groupSortValue(group: WireGroup, field: string): SortValue {
  if (field === 'name') return group.name
  if (field === 'updated_at') return group.updated_at ?? group.last_updated ?? null
  return group.created_at
}

const undated = (m: WireMember) => memberSortValue(m, 'updated_at') === null

function undatedLast(rows: readonly WireMember[]): readonly WireMember[] {
  return [...rows.filter((m) => !undated(m)), ...rows.filter(undated)]
}

/**
 * Ascending by `field` with nulls last and the id as tie-breaker; descending is the exact reverse
 * (nulls first), which is what PostgreSQL does for ORDER BY ... DESC.
 */
function sortRows<T>(
  rows: readonly T[],
  valueOf: (row: T) => SortValue,
  tieBreak: (row: T) => number | string,
) {
  const keyed = rows.map((row) => ({ row, value: valueOf(row), tie: tieBreak(row) }))
  const isDate = keyed.some((k) => typeof k.value === 'string' && /^\d{4}-\d\d-\d\dT/.test(k.value))
  keyed.sort((a, b) => {
    if (a.value === null || b.value === null) {
      if (a.value !== b.value) return a.value === null ? 1 : -1
    } else if (a.value !== b.value) {
      if (typeof a.value === 'number' && typeof b.value === 'number') return a.value - b.value
      // ISO timestamps compare correctly as text (and much faster than through a collator).
      const order = isDate
        ? String(a.value) < String(b.value)
          ? -1
          : 1
        : collator.compare(String(a.value), String(b.value))
      if (order !== 0) return order
    }
    return a.tie < b.tie ? -1 : a.tie > b.tie ? 1 : 0
  })
  return keyed.map((k) => k.row)
}

/** A reversed copy (Array#toReversed is outside the ES2022 lib this project targets). */
function reversed<T>(rows: readonly T[]): T[] {
  const out: T[] = []
  for (let i = rows.length - 1; i >= 0; i--) out.push(rows[i] as T)
  return out
}

function groupRef(group: WireGroup) {
  return {
    id: group.id,
    name: group.name,
    created_at: group.created_at,
    last_updated: group.last_updated ?? group.updated_at ?? group.created_at,
  }
}

function createIndex(org: DemoOrg) {
  const memberById = new Map(org.members.map((m) => [m.id, m]))
  const groupById = new Map(org.groups.map((g) => [g.id, g]))
  const guestByEmail = new Map(org.guests.map((g) => [g.email.toLowerCase(), g]))
  const memberSorts = new Map<string, readonly WireMember[]>()
  const groupSorts = new Map<string, readonly WireGroup[]>()
  let memberHaystacks: string[] | null = null
  const memberPosition = new Map<WireMember, number>(org.members.map((m, i) => [m, i]))

  const groupRefs = new Map(org.groups.map((g) => [g.id, groupRef(g)]))

  return {
    memberById,
    groupById,
    guestByEmail,
    membersSorted(field: string, descending: boolean): readonly WireMember[] {
      const key = MEMBER_SORT_FIELDS.has(field) ? field : 'id'
      let asc = memberSorts.get(key)
      if (!asc) {
        asc =
          key === 'id'
            ? org.members
            : sortRows(
                org.members,
                (m) => memberSortValue(m, key),
                (m) => m.id,
              )
        memberSorts.set(key, asc)
      }
      if (!descending) return asc
      let desc = memberSorts.get(`-${key}`)
      if (!desc) {
        // Newest-changed first (#25) keeps the undated last, as MySQL orders NULLs in a descending
        // sort [I]: a refresh by change stops at the first member older than its last read, before them.
        desc = key === 'updated_at' || key === 'last_updated' ? undatedLast(reversed(asc)) : reversed(asc)
        memberSorts.set(`-${key}`, desc)
      }
      return desc
    },
    memberMatches(member: WireMember, q: string): boolean {
      if (!memberHaystacks) {
        memberHaystacks = org.members.map((m) =>
          `${m.first_name}\u0000${m.last_name}\u0000${m.email}`.toLowerCase(),
        )
      }
      return memberHaystacks[memberPosition.get(member) ?? -1]?.includes(q) ?? false
    },
    groupsSorted(field: string, descending: boolean): readonly WireGroup[] {
      const key = field === 'name' || field === 'updated_at' ? field : 'created_at'
      const cacheKey = `${descending ? '-' : ''}${key}`
      let rows = groupSorts.get(cacheKey)
      if (!rows) {
        rows = sortRows(
          org.groups,
          (g) => groupSortValue(g, key),
          (g) => g.id,
        )
        if (descending) rows = reversed(rows)
        groupSorts.set(cacheKey, rows)
      }
      return rows
    },
    groupsOf(memberId: number) {
      return (org.groupIdsByMember.get(memberId) ?? []).flatMap((id) => {
        const ref = groupRefs.get(id)
        return ref ? [ref] : []
      })
    },
  }
}

type OrgIndex = ReturnType<typeof createIndex>

function withGroups(index: OrgIndex, member: WireMember) {
  return { ...member, groups: { data: index.groupsOf(member.id) } }
}

function groupAsset(group: WireGroup) {
  return {
    id: hexId(`roster-demo-asset:${group.id}`),
    filename: 'logo.svg',
    version: 1,
    step_id: null,
    uploaded_from: 'group_logo',
    uploaded_to_s3: true,
    subject: { id: group.id, type: 'Group' },
    uploaded_at: group.created_at,
    source: 'local',
    system: false,
  }
}

function withAssets(group: WireGroup) {
  return { ...group, assets: { data: group.logo ? [groupAsset(group)] : [] } }
}

/** Which of a group's lists a read leaves out, and how (the omitGroupLists fault). */
interface GroupListOmission {
  as: 'absent' | 'null'
  lists: ReadonlyArray<'members' | 'guests'>
}

function withoutLists(group: object, { as, lists }: GroupListOmission) {
  const copy: Record<string, unknown> = { ...group }
  for (const key of lists) {
    if (as === 'null') copy[key] = null
    else delete copy[key]
  }
  return copy
}

/** What applyFaults hands a route: a whole faulty answer, or what the route must honour. */
type FaultOutcome =
  | { response: Response }
  | {
      perPageCap: number | undefined
      stopAfterPage?: number
      failAfterPage?: number
      dropAfterWrite?: boolean
      omitGroupLists?: GroupListOmission
    }

/**
 * dropAfterWrite: the write has been applied (the resolver ran), and the client gets a network
 * error instead of its answer. The HTTP server (serve.ts) turns this into a destroyed socket.
 */
function dropIfAsked(fault: FaultOutcome, response: Response): Response {
  if (!('dropAfterWrite' in fault && fault.dropAfterWrite)) return response
  const lost = HttpResponse.error()
  droppedAnswers.set(lost, response.status)
  return lost
}

/** The status a dropped answer would have had, for the write statistics. */
const droppedAnswers = new WeakMap<Response, number>()

/** How the write statistics name a request: its pathname without the browser's `/api` prefix. */
const statsPath = (url: URL) => url.pathname.replace(/^\/api(?=\/)/, '')

/**
 * Logs one write in the statistics (FaultController.beginWrite) from its arrival to its answer, with
 * the status it was answered (or would have been, when dropped).
 */
async function trackWrite(
  faults: FaultController,
  request: Request,
  url: URL,
  answer: () => Promise<Response>,
): Promise<Response> {
  const end = faults.beginWrite(request.method, statsPath(url))
  let response: Response | undefined
  try {
    response = await answer()
    return response
  } finally {
    const lost = response === undefined ? undefined : droppedAnswers.get(response)
    end(lost ?? response?.status ?? 500, lost !== undefined)
  }
}

function guestStats(guest: WireGuest) {
  const seed = guest.id % 97
  return {
    data: {
      assigned_tasks: seed % 9,
      tasks_completed: seed % 23,
      last_task_completed_at: guest.last_accessed_at,
      one_off_tasks_completed: seed % 4,
      last_one_off_task_completed_at: null,
    },
  }
}

// ---------------------------------------------------------------------------------------------
// Routing

interface RouteContext {
  request: Request
  url: URL
  params: Record<string, string>
  /** The per_page cap of an active fault, if any. */
  perPageCap: number | undefined
  /** List pages after this one come back empty, or fail with a 500 (faults), if any. */
  stopAfterPage?: number | undefined
  failAfterPage?: number | undefined
  /** A group read answers without its members and/or guests (fault), if set. */
  omitGroupLists?: GroupListOmission | undefined
}

type Resolver = (ctx: RouteContext) => Response | Promise<Response>

/** True when the part matched by the leading `*` is the origin, or the origin plus `/api`. */
function isApiPrefix(prefix: unknown, url: URL): boolean {
  return prefix === url.origin || prefix === `${url.origin}/api`
}

function hasTallyfyHeaders(request: Request, token: string): boolean {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.get('authorization') ?? '')
  if (!match || match[1] !== token) return false
  if (!request.headers.get('x-tallyfy-client')) return false
  return (request.headers.get('accept') ?? '').toLowerCase().includes('application/json')
}

function stringParams(
  params: Record<string, string | readonly string[] | undefined>,
): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [key, value] of Object.entries(params)) {
    if (typeof value === 'string') out[key] = value
  }
  return out
}

// ---------------------------------------------------------------------------------------------
// Group writes (tallyfy-api.md §2.3–2.5, §10): create, update, delete, logo upload and removal,
// in memory for the session, with the documented validation and Laravel's 422 body.

const GROUP_NAME_MAX = 200
const LOGO_TYPES = new Set(['image/jpeg', 'image/jpg', 'image/png', 'image/gif'])
const LOGO_MAX_BYTES = 2048 * 1024

interface GroupWriteContext {
  org: DemoOrg
  faults: FaultController
  applyFaults: (url: URL, method: string) => Promise<FaultOutcome>
  isAdmin: () => boolean
  /** The access token the handlers accept. */
  token: string
  /** Drops the handlers' cached indexes (sorted lists, group refs) after a write. */
  reindex: () => void
}

const now = () => new Date().toISOString()

function createGroupWriteHandlers({
  org,
  faults,
  applyFaults,
  isAdmin,
  token,
  reindex,
}: GroupWriteContext): HttpHandler[] {
  type Method = 'post' | 'put' | 'delete'
  type WriteResolver = (ctx: {
    request: Request
    params: Record<string, string>
  }) => Response | Promise<Response>

  function write(method: Method, pattern: string, resolve: WriteResolver): HttpHandler {
    return http[method](`*${pattern}`, async ({ request, params }) => {
      const url = new URL(request.url)
      if (!isApiPrefix(params['0'], url)) return undefined
      return trackWrite(faults, request, url, async () => {
        const fault = await applyFaults(url, request.method)
        if ('response' in fault) return fault.response
        if (!hasTallyfyHeaders(request, token)) return unauthenticated()
        const p = stringParams(params)
        if (p.orgId !== org.id) return forbidden()
        // Creating, updating and deleting groups need manage_groups; the demo gives it to admins only.
        if (!isAdmin()) return forbidden()
        return dropIfAsked(fault, await resolve({ request, params: p }))
      })
    })
  }

  function rebuildMembership() {
    const byMember = new Map<number, string[]>()
    for (const group of org.groups) {
      for (const raw of group.members) {
        const id = Number(raw)
        const list = byMember.get(id)
        if (list) list.push(group.id)
        else byMember.set(id, [group.id])
      }
    }
    org.groupIdsByMember = byMember
    reindex()
  }

  const findGroup = (id: string | undefined) => org.groups.find((g) => g.id === id)
  /** Laravel-style validation of a create or update body; `self` is the group being updated. */
  type Validated =
    | { errors: Record<string, string[]> }
    | { values: { name: string; description: string; members?: number[]; guests?: string[] } }

  function validate(body: Record<string, unknown>, self: WireGroup | null): Validated {
    const errors: Record<string, string[]> = {}
    const name = body.name
    if (typeof name !== 'string' || name.trim() === '') errors.name = ['The name field is required.']
    else if (name.length > GROUP_NAME_MAX)
      errors.name = [`The name may not be greater than ${GROUP_NAME_MAX} characters.`]
    else if (org.groups.some((g) => g !== self && g.name.trim().toLowerCase() === name.trim().toLowerCase()))
      errors.name = ['The name has already been taken.']
    const description = body.description
    if (typeof description !== 'string' || description.trim() === '')
      errors.description = ['The description field is required.']

    let members: number[] | undefined
    if (body.members !== undefined) {
      if (!Array.isArray(body.members)) errors.members = ['The members must be an array.']
      else {
        members = []
        body.members.forEach((raw, i) => {
          const id =
            typeof raw === 'number' ? raw : typeof raw === 'string' && /^\d+$/.test(raw) ? Number(raw) : NaN
          if (!Number.isInteger(id) || !org.members.some((m) => m.id === id))
            errors[`members.${i}`] = [`The selected members.${i} is invalid.`]
          else if (!members?.includes(id)) members?.push(id)
        })
      }
    }
    let guests: string[] | undefined
    if (body.guests !== undefined) {
      if (!Array.isArray(body.guests)) errors.guests = ['The guests must be an array.']
      else {
        guests = []
        body.guests.forEach((raw, i) => {
          const email = typeof raw === 'string' ? raw.trim() : ''
          if (!isValidEmail(email)) errors[`guests.${i}`] = [`The guests.${i} must be a valid email address.`]
          else if (org.members.some((m) => m.email.toLowerCase() === email.toLowerCase()))
            errors[`guests.${i}`] = [`${email} is a member of this organization, not a guest.`]
          else if (!guests?.some((g) => g.toLowerCase() === email.toLowerCase())) guests?.push(email)
        })
      }
    }
    if (Object.keys(errors).length > 0) return { errors }
    return {
      values: {
        name: (name as string).trim(),
        description: (description as string).trim(),
        members,
        guests,
      },
    }
  }

  return [
    write('post', '/organizations/:orgId/groups', async ({ request }) => {
      const body = await jsonBody(request)
      if (!body) return validationFailed({ name: ['The name field is required.'] })
      const result = validate(body, null)
      if ('errors' in result) return validationFailed(result.errors)
      const createdAt = now()
      const group: WireGroup = {
        id: hexId(`roster-demo-created:${org.groups.length}:${createdAt}:${Math.random()}`),
        name: result.values.name,
        description: result.values.description,
        logo: null,
        members: result.values.members ?? [],
        guests: result.values.guests ?? [],
        created_at: createdAt,
        last_updated: createdAt,
      }
      org.groups.push(group)
      rebuildMembership()
      return HttpResponse.json({ data: group }, { status: 201 })
    }),

    write('put', '/organizations/:orgId/groups/:groupId', async ({ request, params }) => {
      const group = findGroup(params.groupId)
      if (!group) return resourceNotFound()
      const body = await jsonBody(request)
      if (!body) return validationFailed({ name: ['The name field is required.'] })
      const result = validate(body, group)
      if ('errors' in result) return validationFailed(result.errors)
      group.name = result.values.name
      group.description = result.values.description
      // Documented: members and guests replace the lists entirely when sent.
      if (result.values.members) group.members = result.values.members
      if (result.values.guests) group.guests = result.values.guests
      group.last_updated = now()
      rebuildMembership()
      return HttpResponse.json({ data: withAssets(group) }, { status: 201 })
    }),

    write('delete', '/organizations/:orgId/groups/:groupId', ({ params }) => {
      const at = org.groups.findIndex((g) => g.id === params.groupId)
      if (at < 0) return resourceNotFound()
      org.groups.splice(at, 1)
      rebuildMembership()
      return new HttpResponse(null, { status: 204 })
    }),

    write('post', '/organizations/:orgId/groups/:groupId/logo', async ({ request, params }) => {
      const group = findGroup(params.groupId)
      if (!group) return resourceNotFound()
      let file: FormDataEntryValue | null = null
      try {
        file = (await request.formData()).get('logo')
      } catch {
        file = null
      }
      if (!file || typeof file === 'string')
        return validationFailed({ logo: ['The logo field is required.'] })
      if (!LOGO_TYPES.has(file.type.toLowerCase()))
        return validationFailed({ logo: ['The logo must be a file of type: jpg, jpeg, png, gif.'] })
      if (file.size >= LOGO_MAX_BYTES)
        return validationFailed({ logo: ['The logo may not be greater than 2048 kilobytes.'] })
      group.logo = `data:${file.type.toLowerCase()};base64,${toBase64(new Uint8Array(await file.arrayBuffer()))}`
      group.last_updated = now()
      reindex()
      return HttpResponse.json({ data: withAssets(group) })
    }),

    // INFERRED: no documented endpoint removes a logo (tallyfy-api.md §10 cites only the 2024-08-19
    // changelog); the client and the demo agree on DELETE .../groups/{id}/logo.
    write('delete', '/organizations/:orgId/groups/:groupId/logo', ({ params }) => {
      const group = findGroup(params.groupId)
      if (!group) return resourceNotFound()
      group.logo = null
      group.last_updated = now()
      reindex()
      return new HttpResponse(null, { status: 204 })
    }),
  ]
}

function toBase64(bytes: Uint8Array): string {
  let binary = ''
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  return btoa(binary)
}

interface HandlerOptions {
  /**
   * The access token these handlers accept (default the public demo token). The HTTP demo gives an
   * extra organization its own, so that GET /me, which names no organization, can be answered by
   * that organization's persona (see serve.ts).
   */
  token?: string
}

export function createHandlers(
  org: DemoOrg,
  faults: FaultController,
  { token = DEMO_TOKEN }: HandlerOptions = {},
): HttpHandler[] {
  let lazyIndex: OrgIndex | null = null
  const index = () => (lazyIndex ??= createIndex(org))

  /**
   * Latency first, then a faulty status or body; otherwise what the resolver (or the write wrapper,
   * for dropAfterWrite) has to honour.
   */
  async function applyFaults(url: URL, method = 'GET'): Promise<FaultOutcome> {
    const active = faults.take(url.pathname, method)
    if (!active) return { perPageCap: undefined }
    if (active.latencyMs) await sleep(active.latencyMs)
    const response = faultStatusResponse(active) ?? malformedResponse(active)
    if (response) return { response }
    const { perPageCap, stopAfterPage, failAfterPage, dropAfterWrite } = active
    const omitGroupLists: GroupListOmission | undefined = active.omitGroupLists && {
      as: active.omitGroupLists,
      lists: active.omitGroupListsOnly ? [active.omitGroupListsOnly] : ['members', 'guests'],
    }
    return { perPageCap, stopAfterPage, failAfterPage, dropAfterWrite, omitGroupLists }
  }

  // The stale-member switch changes the stored data the moment it is set, and takes its ID out again
  // when it is cleared, so reset() leaves the groups as they were (less whatever writes changed).
  let staleApplied: { group: WireGroup; memberId: number } | null = null
  faults.subscribe((next) => {
    const target = next.staleGroupMember ? staleTarget(next.staleGroupMember) : null
    if (!target && !staleApplied) return
    if (staleApplied) {
      const { group, memberId } = staleApplied
      if (group.members.some((m) => Number(m) === memberId))
        group.members = group.members.filter((m) => Number(m) !== memberId)
      staleApplied = null
    }
    if (target) {
      const { group, memberId, index: at } = target
      if (!group.members.some((m) => Number(m) === memberId)) {
        const members = [...group.members]
        members.splice(Math.min(at ?? members.length, members.length), 0, memberId)
        group.members = members
        staleApplied = { group, memberId }
      }
    }
    // Only when the switch is involved: re-indexing a 50,000-member organization is not free.
    changed()
  })

  /** The group and ID a staleGroupMember switch names; throws when it names what cannot be stale. */
  function staleTarget({ groupId, memberId = REMOVED_MEMBER_ID, index: at }: StaleGroupMember) {
    const group =
      groupId === undefined
        ? org.groups.find((g) => g.members.length >= 2)
        : org.groups.find((g) => g.id === groupId)
    if (!group) throw new Error(`staleGroupMember: no group ${groupId ?? 'with at least 2 members'}`)
    if (org.members.some((m) => m.id === memberId))
      throw new Error(`staleGroupMember: ${memberId} is a member of the organization, so not stale`)
    return { group, memberId, index: at }
  }

  function route(pattern: string, resolve: Resolver, { orgScoped = true } = {}): HttpHandler {
    return http.get(`*${pattern}`, async ({ request, params }) => {
      const url = new URL(request.url)
      if (!isApiPrefix(params['0'], url)) return undefined
      const fault = await applyFaults(url)
      if ('response' in fault) return fault.response
      if (!hasTallyfyHeaders(request, token)) return unauthenticated()
      const ctx: RouteContext = {
        request,
        url,
        params: stringParams(params),
        perPageCap: fault.perPageCap,
        stopAfterPage: fault.stopAfterPage,
        failAfterPage: fault.failAfterPage,
        omitGroupLists: fault.omitGroupLists,
      }
      if (orgScoped && ctx.params.orgId !== org.id) return forbidden()
      return resolve(ctx)
    })
  }

  function notFoundRoute(pattern: string, prefixes: 'api-only' | 'api-or-bare'): HttpHandler {
    return http.all(`*${pattern}`, async ({ request, params }) => {
      const url = new URL(request.url)
      const prefix = params['0']
      if (prefixes === 'api-only' ? prefix !== url.origin : !isApiPrefix(prefix, url)) return undefined
      const answer = async () => {
        const fault = await applyFaults(url, request.method)
        if ('response' in fault) return fault.response
        return endpointNotFound()
      }
      return WRITE_METHODS.has(request.method) ? trackWrite(faults, request, url, answer) : answer()
    })
  }

  // ── Member writes: helpers ────────────────────────────────────────────────────────────────
  /** After a write: indexes (sorts, search text, group membership) are rebuilt on the next read. */
  function changed() {
    org.groupIdsByMember = indexGroupMembership(org.groups)
    lazyIndex = null
  }

  /** A write route: the same checks as a read, then Tallyfy's rule that only admins change people. */
  function memberWrite(method: 'post' | 'put' | 'delete', pattern: string, resolve: Resolver): HttpHandler {
    return http[method](`*${pattern}`, async ({ request, params }) => {
      const url = new URL(request.url)
      if (!isApiPrefix(params['0'], url)) return undefined
      return trackWrite(faults, request, url, async () => {
        const fault = await applyFaults(url, request.method)
        if ('response' in fault) return fault.response
        if (!hasTallyfyHeaders(request, token)) return unauthenticated()
        const ctx: RouteContext = { request, url, params: stringParams(params), perPageCap: undefined }
        if (ctx.params.orgId !== org.id || signedInRole() !== 'admin') return forbidden()
        return dropIfAsked(fault, await resolve(ctx))
      })
    })
  }

  /** The seat pool's refusal when a change needs a seat of `kind` and none is free (seatRefusal). */
  const noSeatFor = (kind: SeatKind | null) => seatRefusal(org.members, faults.get().seats, kind)

  /** The invited member a resend or withdrawal names, or Tallyfy's refusal. */
  function invitedMember(raw: string | undefined): WireMember | Response {
    const member = /^\d{1,12}$/.test(raw ?? '') ? index().memberById.get(Number(raw)) : undefined
    if (!member) return resourceNotFound()
    if (member.status !== 'invited') return validationFailed({ user: [NOT_INVITED] })
    return member
  }

  /** The member a role, disable or enable request names, or Tallyfy's refusal. */
  function writableMember(
    raw: string | undefined,
    write: 'role' | 'disable' | 'enable',
  ): WireMember | Response {
    const member = /^\d{1,12}$/.test(raw ?? '') ? index().memberById.get(Number(raw)) : undefined
    if (!member) return resourceNotFound()
    if (member.is_default_admin) return businessError(DEFAULT_ADMIN_REFUSAL)
    if (member.id === BOT_MEMBER_ID) {
      return businessError(write === 'disable' ? BOT_REMOVAL_REFUSAL : BOT_CHANGE_REFUSAL_INFERRED)
    }
    return member
  }

  // The persona switch: who the demo says is signed in (an admin unless a test says otherwise).
  const signedInRole = () => faults.get().signedInRole ?? 'admin'
  const me = () => (signedInRole() === 'admin' ? org.me : { ...org.me, role: signedInRole() })

  return [
    route('/me', () => HttpResponse.json({ data: me() }), { orgScoped: false }),

    route(
      '/me/organizations',
      ({ url, perPageCap }) => {
        const { data, pagination } = paginate([org.organization], url, pageRequest(url, 10, 100, perPageCap))
        return HttpResponse.json({ data, meta: { pagination } })
      },
      { orgScoped: false },
    ),

    route('/organizations/:orgId/me', () => HttpResponse.json({ data: me() })),

    route('/organizations/:orgId/users', ({ url, perPageCap, stopAfterPage, failAfterPage }) => {
      const idx = index()
      const { field, descending } = parseSort(faults.get().ignoreSort ? null : url.searchParams.get('sort'))
      let rows = idx.membersSorted(field, descending)
      const q = (url.searchParams.get('q') ?? '').trim().toLowerCase()
      if (q) rows = rows.filter((m) => idx.memberMatches(m, q))
      const { data, pagination } = paginate(
        rows,
        url,
        pageRequest(url, USERS_DEFAULT_PER_PAGE, USERS_MAX_PER_PAGE, perPageCap),
      )
      const page = pageFaults(pagination.current_page, data, { stopAfterPage, failAfterPage })
      if (page instanceof Response) return page
      const body = includes(url).has('groups') ? page.map((m) => withGroups(idx, m)) : page
      return HttpResponse.json({ data: body, meta: { pagination } })
    }),

    route('/organizations/:orgId/users/:userId', ({ url, params }) => {
      const idx = index()
      const raw = params.userId ?? ''
      // Documented as admin-only: a standard or light member is refused before the lookup.
      if (signedInRole() !== 'admin') return forbidden()
      const member = /^\d{1,12}$/.test(raw) ? idx.memberById.get(Number(raw)) : undefined
      if (!member) return resourceNotFound()
      return HttpResponse.json({ data: includes(url).has('groups') ? withGroups(idx, member) : member })
    }),

    // ── Member writes (tallyfy-api.md §3.3): invite, role, disable, enable ───────────────────
    memberWrite('post', '/organizations/:orgId/users/invite', async ({ request }) => {
      const body = await jsonBody(request)
      const errors = inviteErrors(body, org.members)
      if (errors) return validationFailed(errors)
      // An invitation takes its seat at once (tallyfy-api.md §13).
      const noSeat = noSeatFor(seatOf(roleOf(textField(body, 'role')), 'invited'))
      if (noSeat) return noSeat
      const id = org.members.reduce((max, m) => Math.max(max, m.id), 0) + 1
      const first = textField(body, 'first_name')
      const last = textField(body, 'last_name')
      const email = textField(body, 'email')
      const member: WireMember = {
        id,
        email,
        username: email,
        first_name: first,
        last_name: last,
        full_name: `${first} ${last}`,
        profile_pic: null,
        is_active: false,
        is_suspended: false,
        support_user: false,
        job_title: null,
        phone: null,
        status: 'invited',
        role: textField(body, 'role'),
        is_default_admin: false,
        created_at: new Date().toISOString(),
        last_updated: new Date().toISOString(),
        activated_at: null,
        last_login_at: null,
        invited_by: org.me.id,
      }
      org.members.push(member)
      changed()
      return HttpResponse.json({ data: member })
    }),

    memberWrite('put', '/organizations/:orgId/users/:userId/role', async ({ request, params }) => {
      const found = writableMember(params.userId, 'role')
      if (found instanceof Response) return found
      const body = await jsonBody(request)
      const role = (body as { role?: unknown } | null)?.role
      if (typeof role !== 'string' || !WRITABLE_ROLES.has(role)) {
        return validationFailed({ role: ['The selected role is invalid.'] })
      }
      // Only a move into another kind of seat needs a free one; a disabled member holds none.
      const seatNow = seatOfMember(found)
      const seatAfter = seatOf(roleOf(role), found.status)
      const noSeat = seatAfter === seatNow ? null : noSeatFor(seatAfter)
      if (noSeat) return noSeat
      delete found.user_role
      found.role = role
      touch(found)
      changed()
      return HttpResponse.json({ data: found })
    }),

    memberWrite('delete', '/organizations/:orgId/users/:userId/disable', ({ params }) => {
      const found = writableMember(params.userId, 'disable')
      if (found instanceof Response) return found
      if (found.status !== 'disabled') {
        found.status = 'disabled'
        found.is_active = false
        found.disabled_at = new Date().toISOString()
        found.disabled_by = org.me.id
        touch(found)
        // Disabled members leave every group (tallyfy-api.md §2.6).
        for (const group of org.groups) {
          if (group.members.some((m) => Number(m) === found.id)) {
            group.members = group.members.filter((m) => Number(m) !== found.id)
          }
        }
        changed()
      }
      return HttpResponse.json({ data: found })
    }),

    memberWrite('put', '/organizations/:orgId/users/:userId/enable', ({ params }) => {
      const found = writableMember(params.userId, 'enable')
      if (found instanceof Response) return found
      if (found.status === 'disabled') {
        const noSeat = noSeatFor(seatOfMember(found, found.activated_at ? 'active' : 'invited'))
        if (noSeat) return noSeat
        found.status = found.activated_at ? 'active' : 'invited'
        found.is_active = found.status === 'active'
        found.disabled_at = null
        found.disabled_by = null
        touch(found)
        changed()
      }
      return HttpResponse.json({ data: found })
    }),

    // ── Invitations (tallyfy-api.md §13): resend and withdraw ────────────────────────────────
    // The email is not modelled: a resend changes nothing a read shows (the statistics log it).
    memberWrite('post', '/organizations/:orgId/users/:userId/resend-invite', ({ params }) => {
      const found = invitedMember(params.userId)
      if (found instanceof Response) return found
      return HttpResponse.json({ data: found })
    }),

    // The invitation vanishes and its seat is freed: the member leaves GET /users and every group.
    // The answer's body is INFERRED [I] (documented only as 200): the member as they were.
    memberWrite('delete', '/organizations/:orgId/users/:userId/withdraw-invite', ({ params }) => {
      const found = invitedMember(params.userId)
      if (found instanceof Response) return found
      org.members.splice(org.members.indexOf(found), 1)
      for (const group of org.groups) {
        if (group.members.some((m) => Number(m) === found.id)) {
          group.members = group.members.filter((m) => Number(m) !== found.id)
        }
      }
      changed()
      return HttpResponse.json({ data: found })
    }),
    // ── end of member writes ──────────────────────────────────────────────────────────────

    route('/organizations/:orgId/groups', ({ url, perPageCap, omitGroupLists, ...ctx }) => {
      const idx = index()
      const { field, descending } = parseSort(url.searchParams.get('sort_by'))
      let rows = idx.groupsSorted(field, descending)
      const q = (url.searchParams.get('q') ?? '').trim().toLowerCase()
      if (q)
        rows = rows.filter((g) => g.name.toLowerCase().includes(q) || g.description.toLowerCase().includes(q))
      const { data, pagination } = paginate(
        rows,
        url,
        pageRequest(url, GROUPS_DEFAULT_PER_PAGE, GROUPS_MAX_PER_PAGE, perPageCap),
      )
      const page = pageFaults(pagination.current_page, data, ctx)
      if (page instanceof Response) return page
      const withLogo = includes(url).has('assets') ? page.map(withAssets) : page
      const body = omitGroupLists ? withLogo.map((g) => withoutLists(g, omitGroupLists)) : withLogo
      return HttpResponse.json({ data: body, meta: { pagination } })
    }),

    route('/organizations/:orgId/groups/:groupId', ({ url, params, omitGroupLists }) => {
      const group = index().groupById.get(params.groupId ?? '')
      if (!group) return resourceNotFound()
      const body = includes(url).has('assets') ? withAssets(group) : group
      return HttpResponse.json({ data: omitGroupLists ? withoutLists(body, omitGroupLists) : body })
    }),

    ...createGroupWriteHandlers({
      org,
      faults,
      applyFaults,
      token,
      isAdmin: () => signedInRole() === 'admin',
      reindex: () => {
        lazyIndex = null
      },
    }),

    route('/organizations/:orgId/guests', ({ url, perPageCap, stopAfterPage, failAfterPage }) => {
      const { field, descending } = parseSort(url.searchParams.get('sort') ?? url.searchParams.get('sort_by'))
      const key = ['email', 'first_name', 'last_name', 'last_accessed_at'].includes(field)
        ? field
        : 'created_at'
      let rows = sortRows(
        org.guests,
        (g) => (g as unknown as Record<string, SortValue>)[key] ?? null,
        (g) => g.id,
      )
      if (descending) rows = reversed(rows)
      const q = (url.searchParams.get('q') ?? '').trim().toLowerCase()
      if (q) rows = rows.filter((g) => g.email.toLowerCase().includes(q))
      const stats = includes(url).has('stats')
      const request =
        url.searchParams.get('without_pagination') === 'true'
          ? { page: 1, perPage: Math.max(1, rows.length) }
          : pageRequest(url, GUESTS_DEFAULT_PER_PAGE, GUESTS_MAX_PER_PAGE, perPageCap)
      const { data, pagination } = paginate(rows, url, request)
      const page = pageFaults(pagination.current_page, data, { stopAfterPage, failAfterPage })
      if (page instanceof Response) return page
      const body = stats ? page.map((g) => ({ ...g, stats: guestStats(g) })) : page
      return HttpResponse.json({ data: body, meta: { pagination } })
    }),

    route('/organizations/:orgId/guests/:guestEmail', ({ url, params }) => {
      let email = params.guestEmail ?? ''
      try {
        email = decodeURIComponent(email)
      } catch {
        return resourceNotFound()
      }
      const guest = index().guestByEmail.get(email.toLowerCase())
      if (!guest) return resourceNotFound()
      // Tallyfy documents 201 for this GET (tallyfy-api.md §4); the demo answers the same, so the
      // client's acceptance of it is exercised in every run.
      return HttpResponse.json(
        { data: includes(url).has('stats') ? { ...guest, stats: guestStats(guest) } : guest },
        { status: 201 },
      )
    }),

    // Lifecycle (tallyfy-api.md §13, #22): reassignment, removal, deletion, default administrator,
    // member ⇄ guest, and the guests' writes under the hourly cap (lifecycle.ts).
    ...createLifecycleHandlers({
      org,
      faults,
      read: (pattern, resolve) => route(pattern, resolve),
      write: memberWrite,
      memberById: (id) => index().memberById.get(id),
      guestByEmail: (email) => index().guestByEmail.get(email),
      noSeatFor,
      isAdmin: () => signedInRole() === 'admin',
      touch,
      changed,
    }),

    notFoundRoute('/api/*', 'api-only'),
    notFoundRoute('/organizations/*', 'api-or-bare'),
    notFoundRoute('/organizations', 'api-or-bare'),
    notFoundRoute('/me/*', 'api-or-bare'),
  ]
}
