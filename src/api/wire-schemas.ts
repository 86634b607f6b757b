import * as z from 'zod/mini'

// Wire schemas for Tallyfy's JSON. Tallyfy's own examples disagree with each other (tallyfy-api.md
// §1.2, §8), so the schemas are strict only where a wrong value would make the data meaningless
// (envelopes, IDs) and lenient everywhere else: a decorative field of an unexpected type becomes null
// instead of failing a page of a thousand members. Turning them into app types is ./to-domain.ts.

// ─── leaf helpers ───────────────────────────────────────────────────────────

export function toText(value: unknown): string | null {
  if (typeof value === 'string') {
    const trimmed = value.trim()
    return trimmed === '' ? null : trimmed
  }
  if (typeof value === 'number' && Number.isFinite(value)) return String(value)
  return null
}

/** Any value (or nothing) → trimmed non-empty string or null. A missing key also becomes null. */
export const text = z.pipe(z.optional(z.unknown()), z.transform(toText))

/** Dates arrive in several ISO variants; anything Date cannot read is dropped rather than shown as "Invalid Date". */
export const date = z.pipe(
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
export const stringId = z.union(
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

// ─── records ────────────────────────────────────────────────────────────────

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

const paginationSchema = z.pipe(
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

export const meWireSchema = z.looseObject({
  id: memberId,
  email: text,
  first_name: text,
  last_name: text,
  full_name: text,
  profile_pic: text,
  role: text,
  user_role: text,
})

export const organizationWireSchema = z.looseObject({ id: stringId, name: text })

// ─── envelopes ──────────────────────────────────────────────────────────────

export const itemEnvelope = <T extends z.ZodMiniType>(item: T) => z.object({ data: item })
export const listEnvelope = <T extends z.ZodMiniType>(item: T) =>
  z.object({ data: z.array(item), meta: metaSchema })

export type MemberWire = z.output<typeof memberWireSchema>
export type GroupRefWire = z.output<typeof groupRefWire>
export type MeWire = z.output<typeof meWireSchema>
