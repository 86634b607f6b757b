import { describe, expect, it } from 'vitest'
import type { Member } from '../../api/types'
import { parseListState } from '../../lib/list-state'
import { computeOverview, type OverviewFigures } from '../../lib/overview'
import { overviewLinks } from '../../lib/overview-links'
import { paths } from '../../lib/paths'
import { DAY_MS, INACTIVE_DAY_CHOICES, signInBuckets, type InactiveDays } from '../../lib/recency'
import { statusFilters } from '../../lib/list-state'
import { writableRoles } from '../../lib/roles'
import { splitTerms } from '../../lib/text'
import { makeMember } from '../../test/member-factory'
import { overviewFilterMask } from './member-overview-filters'
import { buildSearchIndex, createMemberSearch } from './member-search'

// Local time, so the months are the same whatever zone the tests run in.
const now = new Date(2026, 5, 15, 12, 0, 0).getTime()
const ago = (days: number) => new Date(now - days * DAY_MS).toISOString()
const local = (year: number, monthIndex: number, day = 1) => new Date(year, monthIndex, day).toISOString()

// Sixteen people with known answers (see each line).
const members: Member[] = [
  // admin, signed in yesterday (this week), joined Jan 2025: a full seat
  makeMember({ id: 1, fullName: 'Ada', role: 'admin', lastLoginAt: ago(1), createdAt: local(2025, 0, 10) }),
  // disabled admin, over a year: no seat
  makeMember({ id: 2, fullName: 'Ben', role: 'admin', status: 'disabled', lastLoginAt: ago(400) }),
  // this month (10 days); joined on the 24-month window's first moment
  makeMember({ id: 3, fullName: 'Cy', lastLoginAt: ago(10), createdAt: local(2024, 6, 1) }),
  // 3–12 months: not in 30, 60 or 90 days, but in 180
  makeMember({ id: 4, fullName: 'Di', lastLoginAt: ago(100) }),
  // light, 1–3 months (45 days): not in 30 days only
  makeMember({ id: 5, fullName: 'Ed', role: 'light', lastLoginAt: ago(45) }),
  // light invitation sent 20 days ago (May 2026): stale, never signed in, a light seat
  makeMember({ id: 6, fullName: 'Fay', role: 'light', status: 'invited', createdAt: ago(20) }),
  // fresh invitation (3 days, June 2026)
  makeMember({ id: 7, fullName: 'Gus', status: 'invited', createdAt: ago(3) }),
  // active, never signed in; an unreadable join date
  makeMember({ id: 8, fullName: 'Hal', createdAt: 'not a date' }),
  // a role Roster does not know: no seat; over a year
  makeMember({ id: 9, fullName: 'Ivy', role: 'unknown', rawRole: 'Coworker', lastLoginAt: ago(500) }),
  // a status Roster does not know, signed in today: no seat
  makeMember({ id: 10, fullName: 'Jo', status: 'unknown', lastLoginAt: ago(0) }),
  // admin invitation with no date: a full seat, an administrator, neither stale nor fresh
  makeMember({ id: 11, fullName: 'Kim', role: 'admin', status: 'invited' }),
  // disabled, never signed in, joined 40 days ago (May 2026)
  makeMember({ id: 12, fullName: 'Lee', status: 'disabled', createdAt: ago(40) }),
  // admin of a status Roster does not know: no seat, so not counted as an administrator
  makeMember({ id: 13, fullName: 'Max', role: 'admin', status: 'unknown' }),
  // exactly 90 days: "not in 90 days" and 3–12 months
  makeMember({ id: 14, fullName: 'Nia', lastLoginAt: ago(90) }),
  // invitation sent exactly 14 days ago (June 2026): still fresh
  makeMember({ id: 15, fullName: 'Oz', status: 'invited', createdAt: ago(14) }),
  // light, a sign-in in the future (a clock ahead of ours): this week
  makeMember({ id: 16, fullName: 'Pat', role: 'light', lastLoginAt: new Date(now + DAY_MS).toISOString() }),
]

const index = buildSearchIndex(members)

/** The members the /members list shows for a URL: its own search and filters, over this directory. */
function listFor(url: string, at = now): string[] {
  const state = parseListState(new URL(url, 'https://roster.test').searchParams)
  const search = createMemberSearch(members, (m) => members.indexOf(m), index)
  return search
    .filter({
      terms: splitTerms(state.q),
      role: state.role,
      status: state.status,
      keep: overviewFilterMask(members, state, at),
    })
    .rows.map((m) => m.fullName)
}

describe('the overview’s filters on /members', () => {
  it('Last sign-in: within 30 days, never, not in N days (signed in before), and each chart bucket', () => {
    expect(listFor('/members?signin=within-30d')).toEqual(['Ada', 'Cy', 'Jo', 'Pat'])
    expect(listFor('/members?signin=never')).toEqual(['Fay', 'Gus', 'Hal', 'Kim', 'Lee', 'Max', 'Oz'])
    expect(listFor('/members?signin=not-30d')).toEqual(['Ben', 'Di', 'Ed', 'Ivy', 'Nia'])
    expect(listFor('/members?signin=not-60d')).toEqual(['Ben', 'Di', 'Ivy', 'Nia'])
    expect(listFor('/members?signin=not-90d')).toEqual(['Ben', 'Di', 'Ivy', 'Nia'])
    expect(listFor('/members?signin=not-180d')).toEqual(['Ben', 'Ivy'])
    expect(listFor('/members?signin=week')).toEqual(['Ada', 'Jo', 'Pat'])
    expect(listFor('/members?signin=month')).toEqual(['Cy'])
    expect(listFor('/members?signin=1-3m')).toEqual(['Ed'])
    expect(listFor('/members?signin=3-12m')).toEqual(['Di', 'Nia'])
    expect(listFor('/members?signin=over-1y')).toEqual(['Ben', 'Ivy'])
  })

  it('Invited: invited members only, by the age of the invitation (exactly 14 days is fresh)', () => {
    expect(listFor('/members?invited=over-14d')).toEqual(['Fay'])
    expect(listFor('/members?invited=within-14d')).toEqual(['Gus', 'Oz'])
  })

  it('seat: active and invited members, full for Administrators and Standard, light for Light', () => {
    expect(listFor('/members?seat=full')).toEqual(['Ada', 'Cy', 'Di', 'Gus', 'Hal', 'Kim', 'Nia', 'Oz'])
    expect(listFor('/members?seat=light')).toEqual(['Ed', 'Fay', 'Pat'])
  })

  it('joined: created in that calendar month, in the browser’s time zone', () => {
    expect(listFor('/members?joined=2025-01')).toEqual(['Ada'])
    expect(listFor('/members?joined=2024-07')).toEqual(['Cy'])
    expect(listFor('/members?joined=2026-05')).toEqual(['Fay', 'Lee'])
    expect(listFor('/members?joined=2026-06')).toEqual(['Gus', 'Oz'])
    expect(listFor('/members?joined=2023-01')).toEqual([])
  })

  it('combines with status, role, search and each other', () => {
    expect(listFor('/members?status=active&signin=not-90d')).toEqual(['Di', 'Ivy', 'Nia'])
    expect(listFor('/members?role=admin&seat=full')).toEqual(['Ada', 'Kim'])
    expect(listFor('/members?status=active&signin=never')).toEqual(['Hal'])
    expect(listFor('/members?role=light&signin=never&seat=light')).toEqual(['Fay'])
    expect(listFor('/members?q=ada&seat=full&signin=within-30d')).toEqual(['Ada'])
    expect(listFor('/members?status=active&invited=over-14d')).toEqual([])
  })

  it('ignores a value it does not know instead of emptying the list', () => {
    expect(listFor('/members?signin=soon&seat=guest&joined=2026-13&invited=old')).toHaveLength(members.length)
  })

  it('counts role and status options with its filters applied', () => {
    const search = createMemberSearch(members, (m) => members.indexOf(m), index)
    const state = parseListState(new URLSearchParams('signin=never'))
    const result = search.filter({
      terms: [],
      role: null,
      status: null,
      keep: overviewFilterMask(members, state, now),
    })
    // Fay, Gus, Hal, Kim, Lee, Max, Oz
    expect(result.statusCounts).toEqual({ active: 1, invited: 4, disabled: 1, unknown: 1 })
    expect(result.roleCounts).toEqual({ admin: 2, standard: 4, light: 1, unknown: 0 })
  })

  it('answers null (everyone) without a filter, and once per directory and filters', () => {
    const none = parseListState(new URLSearchParams('q=ann&status=active'))
    expect(overviewFilterMask(members, none)).toBeNull()
    const never = parseListState(new URLSearchParams('signin=never'))
    const first = overviewFilterMask(members, never)
    expect(overviewFilterMask(members, { ...never })).toBe(first)
    expect(overviewFilterMask(members, { ...never, seat: 'full' })).not.toBe(first)
    expect(overviewFilterMask([...members], never)).not.toBe(first)
  })
})

/** Every overview figure that links to /members, with the link and the figure. */
function figuresWithLinks(f: OverviewFigures, inactive: Record<InactiveDays, number>) {
  return [
    { link: paths.members(), count: f.members.total },
    ...statusFilters.map((status) => ({
      link: overviewLinks.membersByStatus(status),
      count: f.members[status],
    })),
    ...writableRoles.map((role) => ({ link: overviewLinks.membersByRole(role), count: f.roles[role] })),
    { link: overviewLinks.seats('full'), count: f.seats.full },
    { link: overviewLinks.seats('light'), count: f.seats.light },
    { link: overviewLinks.staleInvitations(), count: f.staleInvitations },
    { link: overviewLinks.neverSignedIn(), count: f.neverSignedIn },
    ...INACTIVE_DAY_CHOICES.map((days) => ({ link: overviewLinks.inactive(days), count: inactive[days] })),
    { link: overviewLinks.administrators(), count: f.administrators },
    ...f.lastSignIn.map((bar) => ({ link: overviewLinks.lastSignIn(bar.bucket), count: bar.count })),
    ...f.joined.map((month) => ({ link: overviewLinks.joined(month.month), count: month.count })),
  ]
}

describe('a figure on /overview and the list it links to', () => {
  const input = { members, groups: [], guests: [], now, complete: true }
  const figures = computeOverview({ ...input, inactiveDays: 90 })
  const inactive = Object.fromEntries(
    INACTIVE_DAY_CHOICES.map((days) => [days, computeOverview({ ...input, inactiveDays: days }).inactive]),
  ) as Record<InactiveDays, number>
  const pairs = figuresWithLinks(figures, inactive)

  it('covers every member figure, bar and month', () => {
    expect(pairs).toHaveLength(1 + 3 + 3 + 2 + 1 + 1 + 4 + 1 + signInBuckets.length + 24)
    // Not all zero: the fixture puts people behind most figures.
    expect(pairs.filter((p) => p.count > 0).length).toBeGreaterThan(20)
  })

  it.each(pairs.map((p) => [p.link, p.count] as const))(
    '%s shows as many people as the figure (%i)',
    (link, count) => {
      expect(listFor(link)).toHaveLength(count)
    },
  )
})
