import * as z from 'zod/mini'
import { toMe, toMember } from './to-domain'
import type { InvalidRecordInfo, Me, Member } from './types'
import {
  itemEnvelope,
  listEnvelope,
  meWireSchema,
  memberWireSchema,
  organizationWireSchema,
  type Pagination,
} from './wire-schemas'

// Wire JSON in, app types out: every Tallyfy answer Roster reads goes through one of these. The
// shapes live in ./wire-schemas.ts, the mapping in ./to-domain.ts.

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

const memberItem = itemEnvelope(memberWireSchema)
// Lists: strict envelope, records read one at a time (readRecords).
const memberList = listEnvelope(z.unknown())
const meItem = itemEnvelope(meWireSchema)
const organizationList = z.object({ data: z.array(organizationWireSchema) })

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

// These throw zod errors; the client turns them into ApiError('invalid-response') with the issues.
export function parseMember(json: unknown): Member {
  return toMember(parse(memberItem, json).data)
}

export function parseMemberPage(json: unknown): Page<Member> {
  const page = parse(memberList, json)
  return { ...readRecords(memberWireSchema, toMember, page.data), pagination: page.meta ?? null }
}

export function parseMe(json: unknown): Me {
  return toMe(parse(meItem, json).data)
}

export interface OrganizationSummary {
  id: string
  name: string
}

export function parseOrganizations(json: unknown): OrganizationSummary[] {
  return parse(organizationList, json).data.map((o) => ({ id: o.id, name: o.name ?? o.id }))
}
