import type { Member, MemberStatus, Role } from '../../api/types'
import { matchesAllTerms, normalize, splitTerms } from '../../lib/text'
import type { GroupMemberEntry } from './resolve-members'

export type MemberSortKey = 'name' | 'email' | 'role' | 'status'
export interface MemberSort {
  key: MemberSortKey
  desc: boolean
}

export const defaultMemberSort: MemberSort = { key: 'name', desc: false }
const memberSortKeys: readonly MemberSortKey[] = ['name', 'email', 'role', 'status']

export function parseMemberSort(param: string | null): MemberSort {
  if (!param) return defaultMemberSort
  const desc = param.startsWith('-')
  const key = (desc ? param.slice(1) : param) as MemberSortKey
  return memberSortKeys.includes(key) ? { key, desc } : defaultMemberSort
}

export function formatMemberSort(sort: MemberSort): string | null {
  if (sort.key === defaultMemberSort.key && sort.desc === defaultMemberSort.desc) return null
  return sort.desc ? `-${sort.key}` : sort.key
}

export function nextMemberSort(current: MemberSort, key: MemberSortKey): MemberSort {
  return current.key === key ? { key, desc: !current.desc } : { key, desc: false }
}

export interface GroupMemberRow {
  id: string
  /** The member's name, or "Unknown member #id" for an ID the directory does not hold. */
  name: string
  member: Member | null
  searchText: string
}

export function unknownMemberName(id: string): string {
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

export function filterGroupMembers(
  rows: readonly GroupMemberRow[],
  query: string,
): readonly GroupMemberRow[] {
  const terms = splitTerms(query)
  if (terms.length === 0) return rows
  return rows.filter((row) => matchesAllTerms(row.searchText, terms))
}

const roleOrder: Record<Role, number> = { admin: 0, standard: 1, light: 2, unknown: 3 }
const statusOrder: Record<MemberStatus, number> = { active: 0, invited: 1, disabled: 2, unknown: 3 }

/**
 * Sorted copy. Unknown members (no directory record) stay at the end in either direction, as do
 * members without an email when sorting by email: absent values are never "first".
 */
export function sortGroupMembers(
  rows: readonly GroupMemberRow[],
  sort: MemberSort,
  collator: Intl.Collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true }),
): GroupMemberRow[] {
  const direction = sort.desc ? -1 : 1
  const byName = (a: GroupMemberRow, b: GroupMemberRow) => collator.compare(a.name, b.name)
  const compare = (a: GroupMemberRow, b: GroupMemberRow): number => {
    if (!a.member || !b.member) {
      if (a.member === b.member)
        return Number(a.id) - Number(b.id) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
      return a.member ? -1 : 1
    }
    switch (sort.key) {
      case 'name':
        return direction * byName(a, b)
      case 'email': {
        const ae = a.member.email
        const be = b.member.email
        if (!ae || !be) return ae === be ? 0 : ae ? -1 : 1
        return direction * collator.compare(ae, be)
      }
      case 'role':
        return direction * (roleOrder[a.member.role] - roleOrder[b.member.role])
      case 'status':
        return direction * (statusOrder[a.member.status] - statusOrder[b.member.status])
    }
  }
  // The spread already copies; toSorted is outside the ES2022 lib this project targets.
  // oxlint-disable-next-line unicorn/no-array-sort
  return [...rows].sort((a, b) => compare(a, b) || byName(a, b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
}
