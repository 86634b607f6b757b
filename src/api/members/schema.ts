import * as z from 'zod/mini'
import { safeImageUrl } from '../../lib/safe-url'
import { toRole } from '../roles'
import type { GroupRef, Member, MemberStatus } from '../types'
import {
  date,
  displayName,
  include,
  itemEnvelope,
  listEnvelope,
  memberId,
  parse,
  readRecords,
  stringId,
  text,
  type Page,
} from '../wire'

// A member as Tallyfy sends it (lenient leaves, strict ID), and as Roster uses it: names filled in,
// roles and statuses mapped, unsafe picture URLs dropped, Tallyfy's two spellings of "updated" merged.

const groupRefWire = z.looseObject({ id: stringId, name: text })

const memberWireSchema = z.looseObject({
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

type MemberWire = z.output<typeof memberWireSchema>
type GroupRefWire = z.output<typeof groupRefWire>

function toStatus(raw: string | null): MemberStatus {
  const s = raw?.trim().toLowerCase()
  return s === 'active' || s === 'invited' || s === 'disabled' ? s : 'unknown'
}

// `is_default_admin` comes through the loose object's extra keys: no schema entry, no bytes on the way in.
const isTrue = (v: unknown) => v === true || v === 'true' || v === 1

function toGroupRef(g: GroupRefWire): GroupRef {
  return { id: g.id, name: g.name ?? g.id }
}

function toMember(w: MemberWire): Member {
  const rawRole = w.role ?? w.user_role
  return {
    id: w.id,
    email: w.email,
    firstName: w.first_name,
    lastName: w.last_name,
    fullName: displayName(w),
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
    isDefaultAdmin: isTrue(w.is_default_admin),
    groups: w.groups ? w.groups.map(toGroupRef) : null,
  }
}

const memberItem = itemEnvelope(memberWireSchema)
// Lists: strict envelope, records read one at a time (readRecords).
const memberList = listEnvelope(z.unknown())

// These throw zod errors; the client turns them into ApiError('invalid-response') with the issues.
export function parseMember(json: unknown): Member {
  return toMember(parse(memberItem, json).data)
}

export function parseMemberPage(json: unknown): Page<Member> {
  const page = parse(memberList, json)
  return { ...readRecords(memberWireSchema, toMember, page.data), pagination: page.meta ?? null }
}
