// Where each figure of /overview leads: the list that shows exactly the people (or groups) it
// counts. The /members, /guests and /groups filters read the same parameters, and the built-in views
// are these URLs too, so they are written here once.
import type { MemberStatus, Role } from '../api/types'
import type { StatusFilter } from './list-state'
import { paths } from './paths'
import { notSignedInFilter, STALE_INVITATION_DAYS, type InactiveDays, type SignInBucket } from './recency'
import type { WritableRole } from './roles'

// The seat rule lives with the links (the overview's seat figures and the /members `?seat=` filter
// both ask it): a module travels whole with whatever imports it first, and here the lazily loaded
// /members filters and the overview share one chunk of rules instead of splitting it (the bundle budget).
export type SeatKind = 'full' | 'light'

/**
 * Tallyfy bills Administrators and Standard members as full seats, Light members as light seats, and
 * an invitation takes its seat at once (tallyfy-api.md §13): active and invited members only, since
 * disabling frees the seat. An unknown role or status takes neither.
 */
export function seatOf(role: Role, status: MemberStatus): SeatKind | null {
  if (status !== 'active' && status !== 'invited') return null
  if (role === 'admin' || role === 'standard') return 'full'
  return role === 'light' ? 'light' : null
}

export const overviewLinks = {
  membersByStatus: (status: StatusFilter) => paths.members({ status }),
  membersByRole: (role: WritableRole) => paths.members({ role }),
  seats: (seat: SeatKind) => paths.members({ seat }),
  staleInvitations: () => paths.members({ invited: `over-${STALE_INVITATION_DAYS}d` }),
  neverSignedIn: () => paths.members({ status: 'active', signin: 'never' }),
  inactive: (days: InactiveDays) => paths.members({ status: 'active', signin: notSignedInFilter(days) }),
  administrators: () => paths.members({ role: 'admin', seat: 'full' }),
  /** A bar of "When members last signed in". */
  lastSignIn: (bucket: SignInBucket) => paths.members({ status: 'active', signin: bucket }),
  /** A bar of "Members added per month": 'YYYY-MM'. */
  joined: (month: string) => paths.members({ joined: month }),
  guests: () => paths.guests(),
  disabledGuests: () => paths.guests({ status: 'disabled' }),
  guestsInNoGroup: () => paths.guests({ group: 'none' }),
  groups: () => paths.groups(),
  emptyGroups: () => paths.groups({ filter: 'empty' }),
} as const
