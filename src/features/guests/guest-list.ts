import type { Group, GroupRef, Guest } from '../../api/types'
import { compareSortValues, textSortValue } from '../../components/data-table/sort-fns'
import { guestKey } from '../../lib/email'
import { describeCount, parseTime } from '../../lib/format'
import { isDisabledGuest, isInNoGroup, type GroupedGuests } from '../../lib/list-filters'
import type { GuestListState } from '../../lib/list-filters'
import { matchesAllTerms, normalize, splitTerms } from '../../lib/text'

export interface GuestListItem {
  guest: Guest
  /** The groups whose `guests` arrays hold this email, in name order. */
  groups: GroupRef[]
  /** Name, email and company, normalised once so each keystroke is a substring test. */
  searchText: string
  lastAccessedTime: number | null
}

/** Group refs per guest email, from the groups' `guests` arrays (the cached groups list). */
export function groupsByGuest(groups: readonly Group[]): Map<string, GroupRef[]> {
  const byGuest = new Map<string, GroupRef[]>()
  for (const group of groups) {
    const seen = new Set<string>()
    for (const email of group.guests) {
      const key = guestKey(email)
      if (key === '' || seen.has(key)) continue
      seen.add(key)
      const ref = { id: group.id, name: group.name }
      const list = byGuest.get(key)
      if (list) list.push(ref)
      else byGuest.set(key, [ref])
    }
  }
  for (const list of byGuest.values()) {
    // oxlint-disable-next-line unicorn/no-array-sort -- lists built above
    list.sort((a, b) => compareSortValues(a.name, b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  }
  return byGuest
}

/**
 * One item per guest (the first of any duplicate email), in email order, so rows that tie on the
 * sorted column (no company, never accessed) keep a stable order in both directions.
 */
export function toGuestListItems(
  guests: readonly Guest[],
  byGuest: ReadonlyMap<string, GroupRef[]>,
): GuestListItem[] {
  const seen = new Set<string>()
  const items: GuestListItem[] = []
  for (const guest of guests) {
    const key = guestKey(guest.email)
    if (seen.has(key)) continue
    seen.add(key)
    items.push({
      guest,
      groups: byGuest.get(key) ?? [],
      searchText: normalize(`${guest.name ?? ''} ${guest.email} ${guest.company ?? ''}`),
      lastAccessedTime: parseTime(guest.lastAccessedAt),
    })
  }
  // oxlint-disable-next-line unicorn/no-array-sort -- `items` is a fresh array
  return items.sort((a, b) => compareSortValues(textSortValue(a.guest.email), textSortValue(b.guest.email)))
}

/** Every term must appear in the name, the email or the company, ignoring case and accents. */
export function filterGuests(items: readonly GuestListItem[], query: string): readonly GuestListItem[] {
  const terms = splitTerms(query)
  if (terms.length === 0) return items
  return items.filter((item) => matchesAllTerms(item.searchText, terms))
}

/** The filters of /guests beside the search (`?status=`, `?group=`). */
export type GuestFilters = Pick<GuestListState, 'status' | 'group'>

/**
 * Whether "in no group" can be told: the groups are loaded and every one was read with its guest
 * list. Otherwise a guest missing from the known lists may still be in a group Roster did not read.
 */
export function canTellNoGroup(grouped: GroupedGuests | null): grouped is GroupedGuests {
  return grouped !== null && grouped.unreadGuestLists === 0
}

/**
 * The items the status and group filters keep (list-filters.ts's rules, as the overview counts them);
 * null when `group=none` asks what cannot be told (see canTellNoGroup), never everyone.
 */
export function narrowGuests(
  items: readonly GuestListItem[],
  { status, group }: GuestFilters,
  grouped: GroupedGuests | null,
): readonly GuestListItem[] | null {
  if (group === 'none' && !canTellNoGroup(grouped)) return null
  if (status === null && group === null) return items
  return items.filter(
    (item) =>
      (status === null || isDisabledGuest(item.guest) === (status === 'disabled')) &&
      (group === null || isInNoGroup(item.guest, grouped!)),
  )
}

/** How many rows a view of the list shows (filters, then search); null when it cannot be told. */
export function countGuests(
  items: readonly GuestListItem[],
  state: Pick<GuestListState, 'q' | 'status' | 'group'>,
  grouped: GroupedGuests | null,
): number | null {
  const narrowed = narrowGuests(items, state, grouped)
  return narrowed === null ? null : filterGuests(narrowed, state.q).length
}

export function guestCountLabel(shown: number, total: number): string {
  return describeCount(shown, total, { one: 'guest', other: 'guests' })
}

/** What the status column says: "Disabled" wins over the free text, which is shown as written. */
export function guestStatusText(guest: Guest): string | null {
  return guest.disabledAt ? 'Disabled' : guest.statusText
}
