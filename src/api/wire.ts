import * as z from 'zod/mini'
import type { InvalidRecordInfo } from './types'

// Wire schemas for Tallyfy's JSON. Tallyfy's own examples disagree with each other (tallyfy-api.md
// §1.2, §8), so the schemas are strict only where a wrong value would make the data meaningless
// (envelopes, IDs) and lenient everywhere else: a decorative field of an unexpected type becomes null
// instead of failing a page of a thousand members. Each resource's records and their mapping to app types live in its folder (members/, groups/,
// guests/); what every one of them shares is here: leaves, envelopes, pagination, reading records.

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
export const memberId = z.union(
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
export function include<T extends z.ZodMiniType>(item: T) {
  return z.union([
    z.array(item),
    z.pipe(
      z.object({ data: z.array(item) }),
      z.transform((o) => o.data),
    ),
  ])
}

// ─── records ────────────────────────────────────────────────────────────────

/** The text of `links.next`, whatever shape `links` came in (an object, `{}`, `[]`, absent, or junk). */
function nextLink(links: unknown): string | null {
  if (links === null || typeof links !== 'object' || Array.isArray(links)) return null
  return toText((links as { next?: unknown }).next)
}

/**
 * A count from meta.pagination: a whole number from 0 up to 2^53 - 1, or a numeric string of one.
 * Anything else (1e308, -1, "NaN", "12abc", an object) is unknown (null) rather than a failed page:
 * the page's records are still good, and paginate.ts decides what an unknown count means.
 */
function toCount(value: unknown): number | null {
  const n =
    typeof value === 'number'
      ? value
      : typeof value === 'string' && /^\s*\d{1,16}\s*$/.test(value)
        ? Number(value.trim())
        : Number.NaN
  return Number.isSafeInteger(n) && n >= 0 ? n : null
}
const optionalCount = z.pipe(z.optional(z.unknown()), z.transform(toCount))

const paginationSchema = z.pipe(
  z.looseObject({
    total: optionalCount,
    count: optionalCount,
    per_page: optionalCount,
    current_page: optionalCount,
    total_pages: optionalCount,
    links: z.optional(z.unknown()),
  }),
  z.transform((p) => ({
    total: p.total,
    count: p.count,
    perPage: p.per_page,
    currentPage: p.current_page,
    totalPages: p.total_pages,
    next: nextLink(p.links),
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

// ─── envelopes ──────────────────────────────────────────────────────────────

export const itemEnvelope = <T extends z.ZodMiniType>(item: T) => z.object({ data: item })
export const listEnvelope = <T extends z.ZodMiniType>(item: T) =>
  z.object({ data: z.array(item), meta: metaSchema })

// ─── reading ────────────────────────────────────────────────────────────────

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

export const parse = <S extends z.ZodMiniType>(schema: S, json: unknown): z.output<S> =>
  z.parse(schema, json, { error: readableIssues })

export interface Page<T> {
  items: T[]
  /** null when the response had no meta.pagination: then this one page is everything. */
  pagination: Pagination | null
  /** Records of this page that could not be read; the others are in `items`. */
  invalid?: InvalidRecord[]
}

/** A record of a list that could not be read (see InvalidRecordInfo: never the value itself). */
export type InvalidRecord = InvalidRecordInfo

/** The JSON type of a value, never the value: "null", "string", "number", "array", "object", "missing". */
function jsonType(value: unknown): string {
  if (value === undefined) return 'missing'
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'array'
  return typeof value
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let current = root
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined
    current = (current as Record<PropertyKey, unknown>)[key]
  }
  return current
}

const formatPath = (path: readonly PropertyKey[]) =>
  path.map((key) => (typeof key === 'number' ? `[${key}]` : `.${String(key)}`)).join('')

/** What the schema wanted, in words that never quote the value (readableIssues' messages can). */
function expectedOf(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type') return String(issue.expected)
  // The schemas' own messages ("Expected a member ID (a whole number)") name no value.
  if (issue.message.startsWith('Expected ') && !issue.message.includes(', got '))
    return issue.message.slice(9)
  if (issue.code === 'invalid_union') return 'one of the accepted shapes'
  return issue.code
}

function invalidRecord(index: number, raw: unknown, error: z.core.$ZodError): InvalidRecord {
  return {
    index,
    issues: error.issues.map((issue) => ({
      path: `data[${index}]${formatPath(issue.path)}`,
      expected: expectedOf(issue),
      received: jsonType(valueAt(raw, issue.path)),
    })),
  }
}

/** Each record on its own: one unreadable member or group never costs the page its other records. */
export function readRecords<W extends z.ZodMiniType, T>(
  schema: W,
  toDomain: (wire: z.output<W>) => T,
  data: readonly unknown[],
): { items: T[]; invalid: InvalidRecord[] } {
  const items: T[] = []
  const invalid: InvalidRecord[] = []
  data.forEach((raw, index) => {
    const result = z.safeParse(schema, raw, { error: readableIssues })
    if (result.success) items.push(toDomain(result.data))
    else invalid.push(invalidRecord(index, raw, result.error))
  })
  return { items, invalid }
}

/** full_name, else first + last, else email, else "Member #id". */
export function displayName(w: {
  id: number
  email: string | null
  first_name: string | null
  last_name: string | null
  full_name: string | null
}): string {
  const joined = [w.first_name, w.last_name].filter((s): s is string => s !== null).join(' ')
  return w.full_name ?? (joined || (w.email ?? `Member #${w.id}`))
}
