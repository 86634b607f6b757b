// Where each figure of /overview leads: the list that shows exactly the people (or groups) it
// counts. The /members, /guests and /groups filters read the same parameters, and the built-in views
// are these URLs too, so they are written here once.
import type { StatusFilter } from './list-state'
import { paths } from './paths'
import { notSignedInFilter, STALE_INVITATION_DAYS, type InactiveDays, type SignInBucket } from './recency'
import type { WritableRole } from './roles'
import type { SeatKind } from './seats'

export type { SeatKind } from './seats'

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
