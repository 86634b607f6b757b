import type { Group } from '../../api/types'
import { describeCount, parseTime } from '../../lib/format'
import { matchesAllTerms, normalize, splitTerms } from '../../lib/text'
import { distinctMemberCount } from './resolve-members'
import { guestEntries } from './guests'

export type GroupSortKey = 'name' | 'members' | 'updated'
export interface GroupSort {
  key: GroupSortKey
  desc: boolean
}

export const defaultGroupSort: GroupSort = { key: 'name', desc: false }

const sortKeys: readonly GroupSortKey[] = ['name', 'members', 'updated']

/** `?sort=members` ascending, `?sort=-members` descending; anything unknown means the default. */
export function parseGroupSort(param: string | null): GroupSort {
  if (!param) return defaultGroupSort
  const desc = param.startsWith('-')
  const key = (desc ? param.slice(1) : param) as GroupSortKey
  return sortKeys.includes(key) ? { key, desc } : defaultGroupSort
}

/** The URL value, or null for the default so shared links stay short. */
export function formatGroupSort(sort: GroupSort): string | null {
  if (sort.key === defaultGroupSort.key && sort.desc === defaultGroupSort.desc) return null
  return sort.desc ? `-${sort.key}` : sort.key
}

/**
 * What a header click does: the same column flips; a new column starts in the direction people
 * usually want first (A→Z for names, biggest and newest first for numbers and dates).
 */
export function nextGroupSort(current: GroupSort, key: GroupSortKey): GroupSort {
  if (current.key === key) return { key, desc: !current.desc }
  return { key, desc: key !== 'name' }
}

export interface GroupListItem {
  group: Group
  memberCount: number
  guestCount: number
  /** Name and description, normalised once so each keystroke is a substring test. */
  searchText: string
  updatedTime: number | null
}

export function toGroupListItems(groups: readonly Group[]): GroupListItem[] {
  return groups.map((group) => ({
    group,
    memberCount: distinctMemberCount(group.memberIds),
    guestCount: guestEntries(group.guests).length,
    searchText: normalize(`${group.name} ${group.description ?? ''}`),
    updatedTime: parseTime(group.updatedAt),
  }))
}

/** Every term must appear in the name or the description, ignoring case and accents. */
export function filterGroups(items: readonly GroupListItem[], query: string): readonly GroupListItem[] {
  const terms = splitTerms(query)
  if (terms.length === 0) return items
  return items.filter((item) => matchesAllTerms(item.searchText, terms))
}

/** Sorted copy. Missing values (no name, no date) go last whichever way the column is sorted. */
export function sortGroups(
  items: readonly GroupListItem[],
  sort: GroupSort,
  collator: Intl.Collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true }),
): GroupListItem[] {
  const byName = (a: GroupListItem, b: GroupListItem) => {
    const an = a.group.name.trim()
    const bn = b.group.name.trim()
    if (an === '' || bn === '') return an === bn ? 0 : an === '' ? 1 : -1
    return collator.compare(an, bn)
  }
  const direction = sort.desc ? -1 : 1
  const compare = (a: GroupListItem, b: GroupListItem): number => {
    switch (sort.key) {
      case 'name': {
        const an = a.group.name.trim() === ''
        const bn = b.group.name.trim() === ''
        if (an !== bn) return an ? 1 : -1
        return direction * byName(a, b)
      }
      case 'members':
        return direction * (a.memberCount - b.memberCount)
      case 'updated': {
        if (a.updatedTime === null || b.updatedTime === null) {
          if (a.updatedTime === b.updatedTime) return 0
          return a.updatedTime === null ? 1 : -1
        }
        return direction * (a.updatedTime - b.updatedTime)
      }
    }
  }
  // Ties fall back to the name, then the ID, so the order never shuffles between renders.
  // The spread already copies; toSorted is outside the ES2022 lib this project targets.
  // oxlint-disable-next-line unicorn/no-array-sort
  return [...items].sort(
    (a, b) =>
      compare(a, b) || byName(a, b) || (a.group.id < b.group.id ? -1 : a.group.id > b.group.id ? 1 : 0),
  )
}

/** "24 groups", or "3 of 24 groups" while a search hides some. */
export function groupCountLabel(shown: number, total: number): string {
  return describeCount(shown, total, { one: 'group', other: 'groups' })
}
