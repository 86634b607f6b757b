import type { Group } from '../../api/types'
import { compareSortValues, textSortValue } from '../../components/data-table/sort-fns'
import { describeCount, parseTime } from '../../lib/format'
import { isEmptyGroup } from '../../lib/list-filters'
import type { GroupListState } from '../../lib/list-filters'
import { matchesAllTerms, normalize, splitTerms } from '../../lib/text'
import { distinctMemberCount } from './resolve-members'
import { guestEntries } from './guests'

export interface GroupListItem {
  group: Group
  /** Null when the group was read without that list: not known, which is not 0. */
  memberCount: number | null
  guestCount: number | null
  /** Name and description, normalised once so each keystroke is a substring test. */
  searchText: string
  updatedTime: number | null
}

/**
 * One item per group, in name order (then ID), so rows that tie on the sorted column (the same
 * member count, no date) fall back to the name in either direction and never shuffle.
 */
export function toGroupListItems(groups: readonly Group[]): GroupListItem[] {
  const items = groups.map((group) => ({
    group,
    memberCount: group.membersKnown ? distinctMemberCount(group.memberIds) : null,
    guestCount: group.guestsKnown ? guestEntries(group.guests).length : null,
    searchText: normalize(`${group.name} ${group.description ?? ''}`),
    updatedTime: parseTime(group.updatedAt),
  }))
  // oxlint-disable-next-line unicorn/no-array-sort -- `items` is a fresh array
  return items.sort(
    (a, b) =>
      compareSortValues(textSortValue(a.group.name), textSortValue(b.group.name)) ||
      (a.group.id < b.group.id ? -1 : a.group.id > b.group.id ? 1 : 0),
  )
}

/** Every term must appear in the name or the description, ignoring case and accents. */
export function filterGroups(items: readonly GroupListItem[], query: string): readonly GroupListItem[] {
  const terms = splitTerms(query)
  if (terms.length === 0) return items
  return items.filter((item) => matchesAllTerms(item.searchText, terms))
}

/** The groups `?filter=` keeps: with `empty`, those list-filters.ts calls empty (as the overview counts them). */
export function narrowGroups(
  items: readonly GroupListItem[],
  filter: GroupListState['filter'],
): readonly GroupListItem[] {
  return filter === 'empty' ? items.filter((item) => isEmptyGroup(item.group)) : items
}

/** How many rows a view of the list shows: its filter, then its search. */
export function countGroups(
  items: readonly GroupListItem[],
  state: Pick<GroupListState, 'q' | 'filter'>,
): number {
  return filterGroups(narrowGroups(items, state.filter), state.q).length
}

/** Groups read without a member or guest list: never shown as empty, so the filter says how many. */
export function groupsWithUnreadLists(items: readonly GroupListItem[]): number {
  return items.filter((item) => item.memberCount === null || item.guestCount === null).length
}

/** "24 groups", or "3 of 24 groups" while a search hides some. */
export function groupCountLabel(shown: number, total: number): string {
  return describeCount(shown, total, { one: 'group', other: 'groups' })
}
