// The one rule for ordering roles and statuses, used by every table that shows them: by meaning
// (most access first), not alphabetically. A role or status Roster does not know has no rank, and
// tables sort "no value" last whichever way the column is sorted, so unknown values never flip to
// the top when the direction flips.
import type { MemberStatus, Role } from '../api/types'

const roleRanks: Record<Role, number | undefined> = { admin: 1, standard: 2, light: 3, unknown: undefined }
const statusRanks: Record<MemberStatus, number | undefined> = {
  active: 1,
  invited: 2,
  disabled: 3,
  unknown: undefined,
}

export function roleRank(role: Role): number | undefined {
  return roleRanks[role]
}

export function statusRank(status: MemberStatus): number | undefined {
  return statusRanks[status]
}
