import type { Member } from '../../api/types'
import type { SortValue } from '../../components/data-table/sort-fns'
import { textSortValue } from '../../components/data-table/sort-fns'
import { roleRank, statusRank } from '../../lib/member-order'
import { matchesAllTerms, normalize } from '../../lib/text'
import type { GroupMemberEntry } from './resolve-members'

export const memberColumnIds = ['name', 'email', 'role', 'status'] as const
export type MemberColumnId = (typeof memberColumnIds)[number]

export interface GroupMemberRow {
  id: string
  /** The member's name, or "Unknown member #id" for an ID the directory does not hold. */
  name: string
  member: Member | null
  searchText: string
}

function unknownMemberName(id: string): string {
  return `Unknown member #${id}`
}

export function toGroupMemberRows(entries: readonly GroupMemberEntry[]): GroupMemberRow[] {
  return entries.map((entry) => {
    if (entry.kind === 'unknown') {
      const name = unknownMemberName(entry.id)
      return { id: entry.id, name, member: null, searchText: normalize(name) }
    }
    const m = entry.member
    return {
      id: entry.id,
      name: m.fullName,
      member: m,
      searchText: normalize([m.fullName, m.email ?? '', m.jobTitle ?? ''].join(' ')),
    }
  })
}

/** Rows whose name, email or job title hold every (normalised) term; `terms` from splitTerms. */
export function filterGroupMembers(
  rows: readonly GroupMemberRow[],
  terms: readonly string[],
): readonly GroupMemberRow[] {
  if (terms.length === 0) return rows
  return rows.filter((row) => matchesAllTerms(row.searchText, terms))
}

/**
 * What each column sorts by. An unknown member has no value in any column (undefined), so the
 * table's "undefined last" keeps them at the end whichever way a column is sorted; roles and
 * statuses sort by the one rule in lib/member-order.ts.
 */
export function memberSortValue(row: GroupMemberRow, column: MemberColumnId): SortValue {
  const m = row.member
  if (!m) return undefined
  switch (column) {
    case 'name':
      return textSortValue(m.fullName)
    case 'email':
      return textSortValue(m.email)
    case 'role':
      return roleRank(m.role)
    case 'status':
      return statusRank(m.status)
  }
}
