// Search and filters over the whole directory, in the browser. The normalised text of every member
// is built once per directory (buildSearchIndex); a keystroke is then one plain loop over the
// already-sorted rows (filterMemberRows), which also counts each role and status for the filter
// options, so 50,000 members answer within a frame.
import type { Member, MemberStatus, Role } from '../../api/types'
import { matchesAllTerms, normalize } from '../../lib/text'
import type { RoleFilter, StatusFilter } from '../../lib/list-state'

/** Separates the fields, so a term never matches across the end of a name and the start of an email. */
const FIELD_SEPARATOR = '\u0000'

/** One normalised "name<sep>email" string per member, aligned with `members` by index. */
export function buildSearchIndex(members: readonly Member[]): string[] {
  const index = Array.from<string>({ length: members.length })
  for (let i = 0; i < members.length; i++) {
    const member = members[i]!
    index[i] = normalize(`${member.fullName}${FIELD_SEPARATOR}${member.email ?? ''}`)
  }
  return index
}

export interface MemberFilter {
  terms: readonly string[]
  role: RoleFilter | null
  status: StatusFilter | null
}

export interface FilteredMembers<R> {
  rows: R[]
  /** Matches per role with the search and the status filter applied (what picking that role would show). */
  roleCounts: Record<Role, number>
  /** Matches per status with the search and the role filter applied. */
  statusCounts: Record<MemberStatus, number>
}

const zeroRoles = (): Record<Role, number> => ({ admin: 0, standard: 0, light: 0, unknown: 0 })
const zeroStatuses = (): Record<MemberStatus, number> => ({ active: 0, invited: 0, disabled: 0, unknown: 0 })

/**
 * Keeps the rows (already in display order) that match, in one pass.
 * `indexOf(row)` gives the row's position in the array the search index was built from.
 */
export function filterMemberRows<R>(
  rows: readonly R[],
  memberOf: (row: R) => Member,
  indexOf: (row: R) => number,
  searchIndex: readonly string[],
  filter: MemberFilter,
): FilteredMembers<R> {
  const roleCounts = zeroRoles()
  const statusCounts = zeroStatuses()
  const kept: R[] = []
  const { terms, role, status } = filter
  for (const row of rows) {
    if (terms.length > 0 && !matchesAllTerms(searchIndex[indexOf(row)] ?? '', terms)) continue
    const member = memberOf(row)
    const roleOk = role === null || member.role === role
    const statusOk = status === null || member.status === status
    if (statusOk) roleCounts[member.role]++
    if (roleOk) statusCounts[member.status]++
    if (roleOk && statusOk) kept.push(row)
  }
  return { rows: kept, roleCounts, statusCounts }
}
