import type { MemberStatus } from '../api/types'
import { overviewFilterPatterns } from './filter-values'
import { parseTime } from './format'

// The one rule for how long ago someone signed in and how old an invitation is. The overview's
// counts and the /members filters both ask here, so a figure and the list it links to always agree.
// Every age is `now - time`: a date in the future (a clock ahead of ours) is as recent as it gets.

export const DAY_MS = 86_400_000

export type SignInBucket = 'week' | 'month' | '1-3m' | '3-12m' | 'over-1y' | 'never'

/** The buckets in display order, most recent first. */
export const signInBuckets: readonly SignInBucket[] = ['week', 'month', '1-3m', '3-12m', 'over-1y', 'never']

export const signInBucketLabels: Record<SignInBucket, string> = {
  week: 'This week',
  month: 'This month',
  '1-3m': '1–3 months',
  '3-12m': '3–12 months',
  'over-1y': 'Over a year',
  never: 'Never',
}

/**
 * The bucket of a sign-in already read with `parseTime` or `parseIsoTime` (null = never), for callers that go over many
 * members and read each date once. Edges: under 7 days is this week, under 30 this month, under 90
 * 1–3 months, under 365 3–12 months; exactly 7 days ago is already "this month".
 */
export function signInBucketAt(time: number | null, now: number): SignInBucket {
  if (time === null) return 'never'
  const age = now - time
  if (age < 7 * DAY_MS) return 'week'
  if (age < 30 * DAY_MS) return 'month'
  if (age < 90 * DAY_MS) return '1-3m'
  if (age < 365 * DAY_MS) return '3-12m'
  return 'over-1y'
}

/** this week (< 7 days), this month (< 30 days), 1–3 months (< 90 days), 3–12 months (< 365 days), over a year, never (null or unparseable). Future dates count as this week. */
export function signInBucket(lastLoginAt: string | null, now: number): SignInBucket {
  return signInBucketAt(parseTime(lastLoginAt), now)
}

export const INACTIVE_DAY_CHOICES = [30, 60, 90, 180] as const
export type InactiveDays = (typeof INACTIVE_DAY_CHOICES)[number]

/** The /members "Last sign-in" filter: any time, within 30 days, not in N days (signed in before, but not in the last N days — never-signed-in people are NOT included), never; plus each chart bucket so a bar links to exactly its people. */
export type SignInFilter =
  'within-30d' | 'not-30d' | 'not-60d' | 'not-90d' | 'not-180d' | 'never' | Exclude<SignInBucket, 'never'>

/** The filter a URL value names; null (any time) for a missing or unknown value. */
export function parseSignInFilter(value: string | null): SignInFilter | null {
  return value !== null && overviewFilterPatterns.signin.test(value) ? (value as SignInFilter) : null
}

/** The "not in N days" filter for one of the overview's thresholds. */
export function notSignedInFilter(days: InactiveDays): SignInFilter {
  return `not-${days}d`
}

/** `matchesSignIn` for a sign-in already read with `parseTime` or `parseIsoTime` (null = never). */
export function matchesSignInAt(filter: SignInFilter, time: number | null, now: number): boolean {
  if (filter === 'never') return time === null
  if (time === null) return false
  // A switch, not a lookup table: the overview asks this for every member of a 100,000-member directory.
  // "Not in 90 days" is exactly the 3–12 months and over-a-year bars together.
  switch (filter) {
    case 'within-30d':
      return now - time < 30 * DAY_MS
    case 'not-30d':
      return now - time >= 30 * DAY_MS
    case 'not-60d':
      return now - time >= 60 * DAY_MS
    case 'not-90d':
      return now - time >= 90 * DAY_MS
    case 'not-180d':
      return now - time >= 180 * DAY_MS
    default:
      return signInBucketAt(time, now) === filter
  }
}

/** Whether a member's last sign-in falls under the /members "Last sign-in" filter. */
export function matchesSignIn(filter: SignInFilter, lastLoginAt: string | null, now: number): boolean {
  return matchesSignInAt(filter, parseTime(lastLoginAt), now)
}

export const STALE_INVITATION_DAYS = 14

export type InvitedFilter = 'over-14d' | 'within-14d'

/** The filter a URL value names; null (any) for a missing or unknown value. */
export function parseInvitedFilter(value: string | null): InvitedFilter | null {
  return value !== null && overviewFilterPatterns.invited.test(value) ? (value as InvitedFilter) : null
}

/** `matchesInvited` for a `createdAt` already read with `parseTime` or `parseIsoTime`. */
export function matchesInvitedAt(
  filter: InvitedFilter,
  status: MemberStatus,
  createdTime: number | null,
  now: number,
): boolean {
  if (status !== 'invited' || createdTime === null) return false
  // Stale means sent more than 14 days ago: exactly 14 days is still fresh.
  const stale = now - createdTime > STALE_INVITATION_DAYS * DAY_MS
  return filter === 'over-14d' ? stale : !stale
}

/** Only invited members match; age from createdAt (Tallyfy's created_at of an invited member is when the invitation was sent). An invited member with no createdAt matches neither. */
export function matchesInvited(
  filter: InvitedFilter,
  member: { status: MemberStatus; createdAt: string | null },
  now: number,
): boolean {
  return matchesInvitedAt(filter, member.status, parseTime(member.createdAt), now)
}

/** A calendar month in the browser's time zone, as the overview's "joined" chart counts it. */
export interface MonthRange {
  /** 'YYYY-MM' */
  month: string
  /** epoch ms of the month's first moment, and of the next month's (exclusive) */
  start: number
  end: number
}

function monthAt(year: number, monthIndex: number): MonthRange {
  const start = new Date(year, monthIndex, 1)
  const end = new Date(year, monthIndex + 1, 1)
  const month = `${start.getFullYear()}-${String(start.getMonth() + 1).padStart(2, '0')}`
  return { month, start: start.getTime(), end: end.getTime() }
}

/** The month a `?joined=2025-01` value names; null for anything else. */
export function parseMonth(value: string | null): MonthRange | null {
  const match = value === null ? null : overviewFilterPatterns.joined.exec(value)
  return match ? monthAt(Number(match[1]), Number(match[2]) - 1) : null
}

/** The `count` months ending with the month of `now`, oldest first. */
export function monthsEndingAt(now: number, count: number): MonthRange[] {
  const today = new Date(now)
  const months: MonthRange[] = []
  for (let back = count - 1; back >= 0; back--) {
    months.push(monthAt(today.getFullYear(), today.getMonth() - back))
  }
  return months
}

/** `joinedIn` for a `createdAt` already read with `parseTime` or `parseIsoTime`. */
export function joinedInAt(range: MonthRange, createdTime: number | null): boolean {
  return createdTime !== null && createdTime >= range.start && createdTime < range.end
}

/** Whether a member joined (createdAt) within the month; a member with no createdAt never does. */
export function joinedIn(range: MonthRange, createdAt: string | null): boolean {
  return joinedInAt(range, parseTime(createdAt))
}
