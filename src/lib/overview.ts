import type { Group, Guest, Member } from '../api/types'
import { groupedGuests, groupListsKnown, isDisabledGuest, isEmptyGroup, isInNoGroup } from './list-filters'
import { parseIsoTime } from './iso-time'
import {
  type InactiveDays,
  type SignInBucket,
  matchesInvitedAt,
  matchesSignInAt,
  monthsEndingAt,
  notSignedInFilter,
  signInBucketAt,
  signInBucketLabels,
  signInBuckets,
} from './recency'
import { seatOf } from './overview-links'

// Every figure of /overview from what Roster already holds, in one pass over the directory: at
// 100,000 members each extra scan costs milliseconds, and each figure must agree with the list it
// links to, so every date rule is recency.ts's.

export interface OverviewInput {
  members: readonly Member[]
  /** null while not loaded */
  groups: readonly Group[] | null
  guests: readonly Guest[] | null
  now: number
  inactiveDays: InactiveDays
  /** the directory is complete (false: figures are partial and the page must say so) */
  complete: boolean
}

export interface OverviewFigures {
  complete: boolean
  /** By status; `unknown` is any status Tallyfy sent that Roster does not know. */
  members: { total: number; active: number; invited: number; disabled: number; unknown: number }
  /** Every member whatever their status, as the /members role filter lists them. */
  roles: { admin: number; standard: number; light: number; unknown: number }
  /** Tallyfy bills Administrators and Standard members as full seats, Light as light seats; an invitation takes a seat at once (tallyfy-api.md §13). Active + invited only; disabled frees the seat. An unknown role takes neither. */
  seats: { full: number; light: number }
  /** invited, created more than 14 days ago (exactly 14 days is still fresh) */
  staleInvitations: number
  /** active members with no last sign-in (an invitation is its own figure; disabled excluded) */
  neverSignedIn: number
  /** active members who signed in before, but not in `inactiveDays` days */
  inactive: number
  /** role admin, active or invited: the Administrators in full seats (seats.ts) */
  administrators: number
  /** The member Tallyfy marks `is_default_admin` (the first, should there be several). */
  defaultAdministrator: { id: number; fullName: string } | null
  /**
   * null when guests are not loaded. `inNoGroup` looks only at groups whose guest list was read: while
   * `groups` is null every guest counts, and with `groups.unknownLists > 0` it may be too high.
   */
  guests: { total: number; disabled: number; inNoGroup: number } | null
  /** empty = membersKnown && guestsKnown && no members and no guests; groups whose lists were not read (either list) are counted in unknownLists, never as empty */
  groups: { total: number; empty: number; unknownLists: number } | null
  /** active members, all six buckets in order (each bar links to its active members) */
  lastSignIn: Array<{ bucket: SignInBucket; label: string; count: number }>
  /** the 24 months ending with now's month (the browser's time zone), by createdAt; members outside the window not counted */
  joined: Array<{ month: string /* 'YYYY-MM' */; label: string /* 'Jan 2025' via Intl */; count: number }>
}

export const JOINED_MONTHS = 24

const monthLabel = new Intl.DateTimeFormat(undefined, { month: 'short', year: 'numeric' })

export function computeOverview(input: OverviewInput): OverviewFigures {
  const { members, groups, guests, now, inactiveDays, complete } = input
  const inactiveFilter = notSignedInFilter(inactiveDays)

  const months = monthsEndingAt(now, JOINED_MONTHS)
  const monthStarts = months.map((m) => m.start)
  const windowStart = monthStarts[0]!
  const windowEnd = months.at(-1)!.end
  const joinedCounts = months.map(() => 0)
  // Counted by position in `signInBuckets`: an array index is cheaper than a property named at run time.
  const bucketCounts = signInBuckets.map(() => 0)

  let active = 0
  let invited = 0
  let disabled = 0
  let unknownStatus = 0
  let admin = 0
  let standard = 0
  let light = 0
  let unknownRole = 0
  let fullSeats = 0
  let lightSeats = 0
  let staleInvitations = 0
  let neverSignedIn = 0
  let inactive = 0
  let administrators = 0
  let defaultAdministrator: OverviewFigures['defaultAdministrator'] = null

  for (const member of members) {
    const { status, role } = member
    if (status === 'active') active++
    else if (status === 'invited') invited++
    else if (status === 'disabled') disabled++
    else unknownStatus++

    if (role === 'admin') admin++
    else if (role === 'standard') standard++
    else if (role === 'light') light++
    else unknownRole++

    if (defaultAdministrator === null && member.isDefaultAdmin === true) {
      defaultAdministrator = { id: member.id, fullName: member.fullName }
    }

    const created = parseIsoTime(member.createdAt)
    if (created !== null && created >= windowStart && created < windowEnd) {
      joinedCounts[monthIndex(monthStarts, created)]!++
    }

    // The same predicates as the /members filters each figure links to (seat=, invited=, signin=).
    const seat = seatOf(role, status)
    if (seat === 'full') {
      fullSeats++
      if (role === 'admin') administrators++
    } else if (seat === 'light') lightSeats++
    if (matchesInvitedAt('over-14d', status, created, now)) staleInvitations++

    // Sign-in figures are of active members: their links say status=active, and an invitation
    // (never signed in by nature) is counted by its own figure.
    if (status !== 'active') continue
    const lastLogin = parseIsoTime(member.lastLoginAt)
    bucketCounts[signInBuckets.indexOf(signInBucketAt(lastLogin, now))]!++
    if (lastLogin === null) neverSignedIn++
    if (matchesSignInAt(inactiveFilter, lastLogin, now)) inactive++
  }

  return {
    complete,
    members: { total: members.length, active, invited, disabled, unknown: unknownStatus },
    roles: { admin, standard, light, unknown: unknownRole },
    seats: { full: fullSeats, light: lightSeats },
    staleInvitations,
    neverSignedIn,
    inactive,
    administrators,
    defaultAdministrator,
    ...groupAndGuestFigures(groups, guests),
    lastSignIn: signInBuckets.map((bucket, i) => ({
      bucket,
      label: signInBucketLabels[bucket],
      count: bucketCounts[i]!,
    })),
    joined: months.map((m, i) => ({
      month: m.month,
      label: monthLabel.format(m.start),
      count: joinedCounts[i]!,
    })),
  }
}

/** The last month whose start is at or before `time` (the caller keeps `time` inside the window). */
function monthIndex(starts: readonly number[], time: number): number {
  let low = 0
  let high = starts.length - 1
  while (low < high) {
    const mid = (low + high + 1) >> 1
    if (time >= starts[mid]!) low = mid
    else high = mid - 1
  }
  return low
}

function groupAndGuestFigures(
  groups: readonly Group[] | null,
  guests: readonly Guest[] | null,
): Pick<OverviewFigures, 'groups' | 'guests'> {
  // list-filters.ts's rules, which the /groups and /guests filters these figures link to apply too.
  const grouped = groupedGuests(groups ?? [])
  let groupFigures: OverviewFigures['groups'] = null
  if (groups !== null) {
    let empty = 0
    let unknownLists = 0
    for (const group of groups) {
      if (!groupListsKnown(group)) unknownLists++
      else if (isEmptyGroup(group)) empty++
    }
    groupFigures = { total: groups.length, empty, unknownLists }
  }

  let guestFigures: OverviewFigures['guests'] = null
  if (guests !== null) {
    let disabledGuests = 0
    let inNoGroup = 0
    for (const guest of guests) {
      if (isDisabledGuest(guest)) disabledGuests++
      if (isInNoGroup(guest, grouped)) inNoGroup++
    }
    guestFigures = { total: guests.length, disabled: disabledGuests, inNoGroup }
  }
  return { groups: groupFigures, guests: guestFigures }
}
