import { safeImageUrl } from '../lib/safe-url'
import { toRole } from './roles'
import type { GroupRef, Me, Member, MemberStatus } from './types'
import type { GroupRefWire, MeWire, MemberWire } from './wire-schemas'

// From wire records to the app's own types: names filled in, roles and statuses mapped, unsafe
// picture URLs dropped, Tallyfy's two spellings of "updated" merged.

function toStatus(raw: string | null): MemberStatus {
  const s = raw?.trim().toLowerCase()
  return s === 'active' || s === 'invited' || s === 'disabled' ? s : 'unknown'
}

/** full_name, else first + last, else email, else "Member #id". */
function displayName(w: {
  id: number
  email: string | null
  first_name: string | null
  last_name: string | null
  full_name: string | null
}): string {
  const joined = [w.first_name, w.last_name].filter((s): s is string => s !== null).join(' ')
  return w.full_name ?? (joined || (w.email ?? `Member #${w.id}`))
}

function toGroupRef(g: GroupRefWire): GroupRef {
  return { id: g.id, name: g.name ?? g.id }
}

export function toMember(w: MemberWire): Member {
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
    groups: w.groups ? w.groups.map(toGroupRef) : null,
  }
}

export function toMe(w: MeWire): Me {
  const rawRole = w.role ?? w.user_role
  return {
    id: w.id,
    email: w.email,
    fullName: displayName(w),
    role: toRole(rawRole),
    rawRole,
    pictureUrl: safeImageUrl(w.profile_pic),
  }
}
