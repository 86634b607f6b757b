import { describe, expect, it } from 'vitest'
import {
  DAY_MS,
  INACTIVE_DAY_CHOICES,
  STALE_INVITATION_DAYS,
  joinedIn,
  matchesInvited,
  matchesSignIn,
  monthsEndingAt,
  notSignedInFilter,
  parseInvitedFilter,
  parseMonth,
  parseSignInFilter,
  signInBucket,
  signInBucketLabels,
  signInBuckets,
  type SignInFilter,
} from './recency'

const now = Date.UTC(2026, 5, 15, 12, 0, 0)
const ago = (ms: number) => new Date(now - ms).toISOString()
const MINUTE = 60_000

describe('signInBucket', () => {
  it.each([
    [0, 'week'],
    [7 * DAY_MS - MINUTE, 'week'],
    [7 * DAY_MS - 1, 'week'],
    [7 * DAY_MS, 'month'],
    [30 * DAY_MS - 1, 'month'],
    [30 * DAY_MS, '1-3m'],
    [90 * DAY_MS - 1, '1-3m'],
    [90 * DAY_MS, '3-12m'],
    [365 * DAY_MS - 1, '3-12m'],
    [365 * DAY_MS, 'over-1y'],
    [20 * 365 * DAY_MS, 'over-1y'],
  ])('%d ms ago is %s', (age, bucket) => {
    expect(signInBucket(ago(age), now)).toBe(bucket)
  })

  it('puts 6 days 23 hours 59 minutes in this week and 7 days in this month', () => {
    expect(signInBucket(ago(6 * DAY_MS + 23 * 60 * MINUTE + 59 * MINUTE), now)).toBe('week')
    expect(signInBucket(ago(7 * DAY_MS), now)).toBe('month')
  })

  it('counts a future sign-in (a clock ahead of ours) as this week', () => {
    expect(signInBucket(ago(-3 * DAY_MS), now)).toBe('week')
    expect(signInBucket('2999-01-01T00:00:00Z', now)).toBe('week')
  })

  it('reads missing and unparseable dates as never, without throwing', () => {
    expect(signInBucket(null, now)).toBe('never')
    expect(signInBucket('', now)).toBe('never')
    expect(signInBucket('not a date', now)).toBe('never')
    expect(signInBucket(undefined as unknown as null, now)).toBe('never')
  })

  it('reads offsets and date-only values leniently', () => {
    expect(signInBucket('2026-06-15T10:00:00+02:00', now)).toBe('week')
    expect(signInBucket('2026-06-01', now)).toBe('month')
  })

  it('lists the six buckets in display order, each with its label', () => {
    expect(signInBuckets).toEqual(['week', 'month', '1-3m', '3-12m', 'over-1y', 'never'])
    expect(signInBuckets.map((b) => signInBucketLabels[b])).toEqual([
      'This week',
      'This month',
      '1–3 months',
      '3–12 months',
      'Over a year',
      'Never',
    ])
  })
})

describe('the Last sign-in filter', () => {
  const all: SignInFilter[] = [
    'within-30d',
    'not-30d',
    'not-60d',
    'not-90d',
    'not-180d',
    'never',
    'week',
    'month',
    '1-3m',
    '3-12m',
    'over-1y',
  ]

  it('parses every filter it writes, and nothing else', () => {
    for (const filter of all) expect(parseSignInFilter(filter)).toBe(filter)
    for (const other of [null, '', 'any', 'not-45d', 'NEVER', ' never', 'toString', '__proto__']) {
      expect(parseSignInFilter(other)).toBeNull()
    }
  })

  it('names a "not in N days" filter for every inactive threshold', () => {
    for (const days of INACTIVE_DAY_CHOICES)
      expect(parseSignInFilter(notSignedInFilter(days))).toBe(`not-${days}d`)
  })

  it('keeps within 30 days and not in 30 days apart at the edge, and neither holds a never', () => {
    expect(matchesSignIn('within-30d', ago(30 * DAY_MS - 1), now)).toBe(true)
    expect(matchesSignIn('not-30d', ago(30 * DAY_MS - 1), now)).toBe(false)
    expect(matchesSignIn('within-30d', ago(30 * DAY_MS), now)).toBe(false)
    expect(matchesSignIn('not-30d', ago(30 * DAY_MS), now)).toBe(true)
    expect(matchesSignIn('within-30d', ago(-DAY_MS), now)).toBe(true)
    expect(matchesSignIn('within-30d', null, now)).toBe(false)
    expect(matchesSignIn('not-30d', null, now)).toBe(false)
  })

  it.each([60, 90, 180])('not in %d days starts exactly %d days ago and never includes never', (days) => {
    const filter = parseSignInFilter(`not-${days}d`)!
    expect(matchesSignIn(filter, ago(days * DAY_MS - 1), now)).toBe(false)
    expect(matchesSignIn(filter, ago(days * DAY_MS), now)).toBe(true)
    expect(matchesSignIn(filter, ago(3000 * DAY_MS), now)).toBe(true)
    expect(matchesSignIn(filter, null, now)).toBe(false)
    expect(matchesSignIn(filter, 'garbage', now)).toBe(false)
  })

  it('matches never only for no (readable) sign-in', () => {
    expect(matchesSignIn('never', null, now)).toBe(true)
    expect(matchesSignIn('never', 'garbage', now)).toBe(true)
    expect(matchesSignIn('never', ago(400 * DAY_MS), now)).toBe(false)
  })

  it('gives each bar exactly the people of its bucket', () => {
    const ages = [
      0,
      7 * DAY_MS - 1,
      7 * DAY_MS,
      29 * DAY_MS,
      30 * DAY_MS,
      89 * DAY_MS,
      90 * DAY_MS,
      364 * DAY_MS,
    ]
    const dates = [...ages.map(ago), ago(365 * DAY_MS), ago(-DAY_MS), null, 'junk']
    for (const date of dates) {
      const bucket = signInBucket(date, now)
      for (const b of signInBuckets) expect(matchesSignIn(b, date, now)).toBe(b === bucket)
    }
  })

  it('makes "not in 90 days" exactly the 3–12 months and over-a-year bars', () => {
    for (const age of [89 * DAY_MS, 90 * DAY_MS - 1, 90 * DAY_MS, 200 * DAY_MS, 365 * DAY_MS, 900 * DAY_MS]) {
      const bucket = signInBucket(ago(age), now)
      expect(matchesSignIn('not-90d', ago(age), now)).toBe(bucket === '3-12m' || bucket === 'over-1y')
    }
  })
})

const invited = (createdAt: string | null) => ({ status: 'invited' as const, createdAt })

describe('the Invited filter', () => {
  it('parses its two values, and nothing else', () => {
    expect(parseInvitedFilter('over-14d')).toBe('over-14d')
    expect(parseInvitedFilter('within-14d')).toBe('within-14d')
    for (const other of [null, '', 'over-7d', 'OVER-14D']) expect(parseInvitedFilter(other)).toBeNull()
  })

  it('calls an invitation stale only after more than 14 days', () => {
    expect(STALE_INVITATION_DAYS).toBe(14)
    const edge = 14 * DAY_MS
    expect(matchesInvited('over-14d', invited(ago(edge)), now)).toBe(false)
    expect(matchesInvited('within-14d', invited(ago(edge)), now)).toBe(true)
    expect(matchesInvited('over-14d', invited(ago(edge + 1)), now)).toBe(true)
    expect(matchesInvited('within-14d', invited(ago(edge + 1)), now)).toBe(false)
    expect(matchesInvited('within-14d', invited(ago(-DAY_MS)), now)).toBe(true)
  })

  it('matches only invited members, and an invitation with no readable date matches neither', () => {
    for (const status of ['active', 'disabled', 'unknown'] as const) {
      expect(matchesInvited('over-14d', { status, createdAt: ago(100 * DAY_MS) }, now)).toBe(false)
      expect(matchesInvited('within-14d', { status, createdAt: ago(DAY_MS) }, now)).toBe(false)
    }
    for (const createdAt of [null, '', 'junk']) {
      expect(matchesInvited('over-14d', invited(createdAt), now)).toBe(false)
      expect(matchesInvited('within-14d', invited(createdAt), now)).toBe(false)
    }
  })
})

describe('months', () => {
  it('lists the months ending with now’s month, oldest first, across a year', () => {
    const months = monthsEndingAt(new Date(2026, 1, 10).getTime(), 4)
    expect(months.map((m) => m.month)).toEqual(['2025-11', '2025-12', '2026-01', '2026-02'])
    for (let i = 1; i < months.length; i++) expect(months[i]?.start).toBe(months[i - 1]?.end)
    expect(months[0]?.start).toBe(new Date(2025, 10, 1).getTime())
    expect(months[3]?.end).toBe(new Date(2026, 2, 1).getTime())
  })

  it('parses a month and matches a join inside it, in the browser’s time zone', () => {
    const range = parseMonth('2025-01')!
    expect(range).toEqual({
      month: '2025-01',
      start: new Date(2025, 0, 1).getTime(),
      end: new Date(2025, 1, 1).getTime(),
    })
    expect(joinedIn(range, new Date(2025, 0, 1).toISOString())).toBe(true)
    expect(joinedIn(range, new Date(new Date(2025, 1, 1).getTime() - 1).toISOString())).toBe(true)
    expect(joinedIn(range, new Date(2025, 1, 1).toISOString())).toBe(false)
    expect(joinedIn(range, new Date(new Date(2025, 0, 1).getTime() - 1).toISOString())).toBe(false)
    expect(joinedIn(range, null)).toBe(false)
    expect(joinedIn(range, 'junk')).toBe(false)
  })

  it('refuses anything but YYYY-MM', () => {
    for (const value of [null, '', '2025-1', '2025-13', '2025-00', '0099-01', '2025-01-01', 'abcd-ef']) {
      expect(parseMonth(value)).toBeNull()
    }
  })
})
