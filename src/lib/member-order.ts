// The one rule for ordering roles and statuses, used by every table that shows them: by meaning
// (most access first), not alphabetically. A role or status Roster does not know has no rank, and
// tables sort "no value" last whichever way the column is sorted, so unknown values never flip to
// the top when the direction flips.
import type { MemberStatus, Role } from '../api/types'
import { isWritableRole, writableRoles } from './roles'

const statusRanks: Record<MemberStatus, number | undefined> = {
  active: 1,
  invited: 2,
  disabled: 3,
  unknown: undefined,
}

export function roleRank(role: Role): number | undefined {
  return isWritableRole(role) ? writableRoles.indexOf(role) + 1 : undefined
}

export function statusRank(status: MemberStatus): number | undefined {
  return statusRanks[status]
}
