import * as z from 'zod/mini'
import type { Group, GroupRef, Me, Member, MemberStatus, Role } from './types'

// Wire schemas for Tallyfy's JSON and mappers to the domain types. Tallyfy's own examples disagree
// with each other (tallyfy-api.md §1.2, §8), so the schemas are strict only where a wrong value would
// make the data meaningless (envelopes, IDs) and lenient everywhere else: a decorative field of an
// unexpected type becomes null instead of failing a page of a thousand members.

// ─── leaf helpers ───────────────────────────────────────────────────────────

function toText(value: unknown): string | null {
  if (typeof value === 'string') {
    const trimmed = value.trim()
    return trimmed === '' ? null : trimmed
  }
  if (typeof value === 'number' && Number.isFinite(value)) return String(value)
  return null
}

/** Any value (or nothing) → trimmed non-empty string or null. A missing key also becomes null. */
const text = z.pipe(z.optional(z.unknown()), z.transform(toText))

/** Dates arrive in several ISO variants; anything Date cannot read is dropped rather than shown as "Invalid Date". */
const date = z.pipe(
  z.optional(z.unknown()),
  z.transform((value) => {
    const s = toText(value)
    return s !== null && !Number.isNaN(Date.parse(s)) ? s : null
  }),
)

const numericString = z.string().check(z.regex(/^\s*\d+\s*$/, 'Expected a numeric ID'))

/** Member IDs are integers; some payloads send them as numeric strings. */
const memberId = z.union(
  [
    z.int().check(z.nonnegative()),
    z.pipe(
      numericString,
      z.transform((s) => Number(s.trim())),
    ),
  ],
  { error: 'Expected a member ID (a whole number)' },
)

/** Group and org IDs are 32-hex strings in practice; doc examples use placeholders and numbers. */
const stringId = z.union(
  [
    z.pipe(
      z.string().check(z.trim(), z.minLength(1, 'Expected a non-empty ID')),
      z.transform((s) => s),
    ),
    z.pipe(
      z.int(),
      z.transform((n) => String(n)),
    ),
  ],
  { error: 'Expected an ID (non-empty text or a whole number)' },
)

/** Group member references: numbers and numeric strings → canonical "1001"; other strings kept as sent. */
const memberRef = z.union([
  z.pipe(
    z.int(),
    z.transform((n) => String(n)),
  ),
  z.pipe(
    z.string().check(z.trim(), z.minLength(1)),
    z.transform((s) => (/^\d+$/.test(s) ? String(Number(s)) : s)),
  ),
  z.pipe(
    z.looseObject({ id: z.union([z.int(), z.string()]) }),
    z.transform((o) => {
      const s = String(o.id).trim()
      return /^\d+$/.test(s) ? String(Number(s)) : s
    }),
  ),
])

const guestRef = z.union([
  z.string(),
  z.pipe(
    z.looseObject({ email: z.string() }),
    z.transform((o) => o.email),
  ),
])

/** A Fractal include arrives as `{data: [...]}`; some payloads inline the array. */
function include<T extends z.ZodMiniType>(item: T) {
  return z.union([
    z.array(item),
    z.pipe(
      z.object({ data: z.array(item) }),
      z.transform((o) => o.data),
    ),
  ])
}

export function safeImageUrl(value: string | null): string | null {
  if (!value) return null
  if (/^data:image\//i.test(value)) return value
  try {
    const url = new URL(value)
    return url.protocol === 'https:' || url.protocol === 'http:' ? value : null
  } catch {
    return null
  }
}

export function toRole(raw: string | null): Role {
  switch (raw?.trim().toLowerCase()) {
    case 'admin':
    case 'administrator':
      return 'admin'
    case 'standard':
      return 'standard'
    case 'light':
      return 'light'
    default:
      return 'unknown'
  }
}

export function toStatus(raw: string | null): MemberStatus {
  const s = raw?.trim().toLowerCase()
  return s === 'active' || s === 'invited' || s === 'disabled' ? s : 'unknown'
}

// ─── wire shapes ────────────────────────────────────────────────────────────

const groupRefWire = z.looseObject({ id: stringId, name: text })

export const memberWireSchema = z.looseObject({
  id: memberId,
  email: text,
  username: text,
  first_name: text,
  last_name: text,
  full_name: text,
  profile_pic: text,
  job_title: text,
  phone: text,
  timezone: text,
  role: text,
  user_role: text,
  status: text,
  created_at: date,
  activated_at: date,
  last_login_at: date,
  last_updated: date,
  updated_at: date,
  groups: z.optional(z.nullable(include(groupRefWire))),
})

export const groupWireSchema = z.looseObject({
  id: stringId,
  name: text,
  description: text,
  logo: text,
  members: z.optional(z.nullable(z.array(memberRef))),
  guests: z.optional(z.nullable(z.array(guestRef))),
  created_at: date,
  last_updated: date,
  updated_at: date,
  assets: z.optional(z.unknown()),
})

/** `links` is an object, `{}`, `[]` (PHP's empty associative array) or absent. */
const linksSchema = z.union([
  z.pipe(
    z.array(z.unknown()),
    z.transform((): { next: string | null } => ({ next: null })),
  ),
  z.pipe(
    z.looseObject({ next: text }),
    z.transform((o) => ({ next: o.next })),
  ),
])

const count = z.union([
  z.int().check(z.nonnegative()),
  z.pipe(
    numericString,
    z.transform((s) => Number(s.trim())),
  ),
])
const optionalCount = z.optional(z.nullable(count))

export const paginationSchema = z.pipe(
  z.looseObject({
    total: optionalCount,
    count: optionalCount,
    per_page: optionalCount,
    current_page: optionalCount,
    total_pages: optionalCount,
    links: z.optional(z.nullable(linksSchema)),
  }),
  z.transform((p) => ({
    total: p.total ?? null,
    count: p.count ?? null,
    perPage: p.per_page ?? null,
    currentPage: p.current_page ?? null,
    totalPages: p.total_pages ?? null,
    next: p.links?.next ?? null,
  })),
)

export type Pagination = z.output<typeof paginationSchema>

// PHP encodes an empty `meta` as []; treat it like no meta at all.
const metaSchema = z.optional(
  z.nullable(
    z.union([
      z.pipe(
        z.array(z.unknown()),
        z.transform(() => null),
      ),
      z.pipe(
        z.looseObject({ pagination: z.optional(z.nullable(paginationSchema)) }),
        z.transform((m) => m.pagination ?? null),
      ),
    ]),
  ),
)

// ─── mappers ────────────────────────────────────────────────────────────────

type MemberWire = z.output<typeof memberWireSchema>
type GroupWire = z.output<typeof groupWireSchema>

function toGroupRef(g: z.output<typeof groupRefWire>): GroupRef {
  return { id: g.id, name: g.name ?? g.id }
}

export function toMember(w: MemberWire): Member {
  const joined = [w.first_name, w.last_name].filter((s): s is string => s !== null).join(' ')
  const rawRole = w.role ?? w.user_role
  return {
    id: w.id,
    email: w.email,
    firstName: w.first_name,
    lastName: w.last_name,
    fullName: w.full_name ?? (joined || (w.email ?? `Member #${w.id}`)),
    role: toRole(rawRole),
    rawRole,
    status: toStatus(w.status),
    jobTitle: w.job_title,
    phone: w.phone,
    timezone: w.timezone,
    pictureUrl: safeImageUrl(w.profile_pic),
    createdAt: w.created_at,
    activatedAt: w.activated_at,
    lastLoginAt: w.last_login_at,
    updatedAt: w.last_updated ?? w.updated_at,
    groups: w.groups ? w.groups.map(toGroupRef) : null,
  }
}

/**
 * `with=assets` has no documented shape (tallyfy-api.md §10). Use a logo URL from it only when one
 * is plainly there; otherwise the group shows its initials.
 */
function logoFromAssets(assets: unknown): string | null {
  const list = Array.isArray(assets)
    ? assets
    : assets && typeof assets === 'object' && Array.isArray((assets as { data?: unknown }).data)
      ? (assets as { data: unknown[] }).data
      : []
  for (const asset of list) {
    if (!asset || typeof asset !== 'object') continue
    for (const key of ['url', 'full_url', 'link']) {
      const url = safeImageUrl(toText((asset as Record<string, unknown>)[key]))
      if (url) return url
    }
  }
  return null
}

export function toGroup(w: GroupWire): Group {
  return {
    id: w.id,
    name: w.name ?? 'Untitled group',
    description: w.description,
    logo: w.logo ?? logoFromAssets(w.assets),
    memberIds: w.members ?? [],
    guests: (w.guests ?? []).map((g) => g.trim()).filter((g) => g !== ''),
    createdAt: w.created_at,
    updatedAt: w.last_updated ?? w.updated_at,
  }
}

// ─── envelopes and parse functions ──────────────────────────────────────────

// Types only, never the value: these messages end up in "Details for a bug report", and a value out
// of a member record is a name, an email or a phone number.
function describeInput(input: unknown): string {
  if (input === undefined) return 'nothing'
  if (input === null) return 'null'
  if (Array.isArray(input)) return 'an array'
  if (typeof input === 'string') return 'a string'
  if (typeof input === 'number') return 'a number'
  return `a${typeof input === 'object' ? 'n' : ''} ${typeof input}`
}

// zod/mini ships no messages ("Invalid input"); these make ApiError.details readable in a bug report
// without loading a locale globally. prettifyError adds the path ("→ at data[1].id").
const readableIssues: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case 'invalid_type':
      return `Expected ${issue.expected}, got ${describeInput(issue.input)}`
    case 'invalid_union':
      return `Got ${describeInput(issue.input)}, which matches none of the accepted shapes`
    case 'too_small':
      return `Too short or too small (minimum ${String(issue.minimum)})`
    default:
      return undefined
  }
}

const parse = <S extends z.ZodMiniType>(schema: S, json: unknown): z.output<S> =>
  z.parse(schema, json, { error: readableIssues })

const itemEnvelope = <T extends z.ZodMiniType>(item: T) => z.object({ data: item })
const listEnvelope = <T extends z.ZodMiniType>(item: T) => z.object({ data: z.array(item), meta: metaSchema })

const memberItem = itemEnvelope(memberWireSchema)
const memberList = listEnvelope(memberWireSchema)
const groupItem = itemEnvelope(groupWireSchema)
const groupList = listEnvelope(groupWireSchema)

export interface Page<T> {
  items: T[]
  /** null when the response had no meta.pagination: then this one page is everything. */
  pagination: Pagination | null
}

// These throw zod errors; the client turns them into ApiError('invalid-response') with the issues.
export function parseMember(json: unknown): Member {
  return toMember(parse(memberItem, json).data)
}

export function parseMemberPage(json: unknown): Page<Member> {
  const page = parse(memberList, json)
  return { items: page.data.map(toMember), pagination: page.meta ?? null }
}

export function parseGroup(json: unknown): Group {
  return toGroup(parse(groupItem, json).data)
}

export function parseGroupPage(json: unknown): Page<Group> {
  const page = parse(groupList, json)
  return { items: page.data.map(toGroup), pagination: page.meta ?? null }
}

const meItem = itemEnvelope(
  z.looseObject({
    id: memberId,
    email: text,
    first_name: text,
    last_name: text,
    full_name: text,
    profile_pic: text,
  }),
)

export function parseMe(json: unknown): Me {
  const me = parse(meItem, json).data
  const joined = [me.first_name, me.last_name].filter((s): s is string => s !== null).join(' ')
  return {
    id: me.id,
    email: me.email,
    fullName: me.full_name ?? (joined || (me.email ?? `Member #${me.id}`)),
    pictureUrl: safeImageUrl(me.profile_pic),
  }
}

const organizationList = z.object({
  data: z.array(z.looseObject({ id: stringId, name: text })),
})

export interface OrganizationSummary {
  id: string
  name: string
}

export function parseOrganizations(json: unknown): OrganizationSummary[] {
  return parse(organizationList, json).data.map((o) => ({ id: o.id, name: o.name ?? o.id }))
}
