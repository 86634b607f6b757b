import * as z from 'zod/mini'
import { toGroup, toMe, toMember } from './to-domain'
import type { Group, Me, Member } from './types'
import {
  groupWireSchema,
  itemEnvelope,
  listEnvelope,
  meWireSchema,
  memberWireSchema,
  organizationWireSchema,
  type Pagination,
} from './wire-schemas'

// Wire JSON in, app types out: every Tallyfy answer Roster reads goes through one of these. The
// shapes live in ./wire-schemas.ts, the mapping in ./to-domain.ts.

function describeInput(input: unknown): string {
  if (input === undefined) return 'nothing'
  if (input === null) return 'null'
  if (Array.isArray(input)) return 'an array'
  if (typeof input === 'string')
    return `the text ${JSON.stringify(input.length > 40 ? `${input.slice(0, 40)}…` : input)}`
  if (typeof input === 'number') return `the number ${input}`
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
const memberList = listEnvelope(memberWireSchema)
const groupItem = itemEnvelope(groupWireSchema)
const groupList = listEnvelope(groupWireSchema)
const meItem = itemEnvelope(meWireSchema)
const organizationList = z.object({ data: z.array(organizationWireSchema) })

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
