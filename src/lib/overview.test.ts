import { describe, expect, it } from 'vitest'
import type { Member } from '../api/types'
import { makeGroup } from '../test/group-factory'
import { makeGuest } from '../test/guest-factory'
import { makeMember } from '../test/member-factory'
import { computeOverview, type OverviewInput } from './overview'
import { DAY_MS } from './recency'

// Local time, so the month window is the same whatever zone the tests run in.
const now = new Date(2026, 5, 15, 12, 0, 0).getTime()
const ago = (days: number) => new Date(now - days * DAY_MS).toISOString()
const local = (year: number, monthIndex: number, day = 1) => new Date(year, monthIndex, day)

// Twelve people with known answers (see each line).
const members: Member[] = [
  // active admin, the default administrator, signed in yesterday, joined Jan 2025
  makeMember({
    id: 1,
    fullName: 'Ada',
    role: 'admin',
    isDefaultAdmin: true,
    lastLoginAt: ago(1),
    createdAt: local(2025, 0, 10).toISOString(),
  }),
  // disabled admin: a role, but no seat and not an administrator any more
  makeMember({
    id: 2,
    fullName: 'Ben',
    role: 'admin',
    status: 'disabled',
    lastLoginAt: ago(400),
    createdAt: '2020-03-01T00:00:00Z',
  }),
  // this month; joined on the window's first moment
  makeMember({ id: 3, fullName: 'Cy', lastLoginAt: ago(10), createdAt: local(2024, 6, 1).toISOString() }),
  // 3–12 months, inactive at 90; joined a moment before the window
  makeMember({
    id: 4,
    fullName: 'Di',
    lastLoginAt: ago(100),
    createdAt: new Date(local(2024, 6, 1).getTime() - 1).toISOString(),
  }),
  // light, 1–3 months: inactive at 30 only; "joined" next month (after the window)
  makeMember({
    id: 5,
    fullName: 'Ed',
    role: 'light',
    lastLoginAt: ago(45),
    createdAt: local(2026, 6, 1).toISOString(),
  }),
  // light invitation sent 20 days ago: stale (an invitation is not counted as never signed in)
  makeMember({ id: 6, fullName: 'Fay', role: 'light', status: 'invited', createdAt: ago(20) }),
  // fresh invitation
  makeMember({ id: 7, fullName: 'Gus', status: 'invited', createdAt: ago(3) }),
  // active, never signed in: not inactive (never is its own figure); unreadable join date
  makeMember({ id: 8, fullName: 'Hal', createdAt: 'not a date' }),
  // a role Roster does not know: no seat; over a year
  makeMember({ id: 9, fullName: 'Ivy', role: 'unknown', rawRole: 'Coworker', lastLoginAt: ago(500) }),
  // a status Roster does not know: in no sign-in figure
  makeMember({ id: 10, fullName: 'Jo', status: 'unknown', lastLoginAt: ago(0) }),
  // admin invitation with no date: a full seat and an administrator, but stale or fresh nobody knows
  makeMember({ id: 11, fullName: 'Kim', role: 'admin', status: 'invited' }),
  // disabled, never signed in: not counted as never signed in
  makeMember({ id: 12, fullName: 'Lee', status: 'disabled', createdAt: ago(40) }),
]

const groups = [
  makeGroup({ id: 'g1', name: 'Has a member', memberIds: ['1'] }),
  makeGroup({ id: 'g2', name: 'Empty' }),
  makeGroup({ id: 'g3', name: 'Members not read', membersKnown: false, guests: ['Pat@X.example '] }),
  makeGroup({ id: 'g4', name: 'Guests not read', guestsKnown: false, guests: ['zed@x.example'] }),
  makeGroup({ id: 'g5', name: 'Only a guest', guests: ['amy@x.example'] }),
]

const guests = [
  makeGuest('pat@x.example'),
  makeGuest('AMY@x.example'),
  makeGuest('zed@x.example'),
  makeGuest('bo@x.example', { disabledAt: '2026-01-01T00:00:00Z' }),
]

const input: OverviewInput = { members, groups, guests, now, inactiveDays: 90, complete: true }

describe('computeOverview', () => {
  const figures = computeOverview(input)

  it('counts members by status and by role', () => {
    expect(figures.members).toEqual({ total: 12, active: 6, invited: 3, disabled: 2, unknown: 1 })
    expect(figures.roles).toEqual({ admin: 3, standard: 6, light: 2, unknown: 1 })
  })

  it('counts seats for active and invited members only, full for Administrators and Standard', () => {
    // full: Ada, Cy, Di, Hal, Gus, Kim; light: Ed, Fay; Ivy's unknown role takes neither
    expect(figures.seats).toEqual({ full: 6, light: 2 })
  })

  it('counts stale invitations, never signed in, inactive and administrators', () => {
    expect(figures.staleInvitations).toBe(1) // Fay
    expect(figures.neverSignedIn).toBe(1) // Hal (Fay, Gus and Kim are invitations)
    expect(figures.inactive).toBe(2) // Di, Ivy
    expect(figures.administrators).toBe(2) // Ada, Kim
    expect(figures.defaultAdministrator).toEqual({ id: 1, fullName: 'Ada' })
  })

  it.each([
    [30, 3], // + Ed
    [60, 2],
    [90, 2],
    [180, 1], // Ivy
  ] as const)('counts inactive members at %d days', (inactiveDays, count) => {
    expect(computeOverview({ ...input, inactiveDays }).inactive).toBe(count)
  })

  it('spreads active members over the six sign-in buckets', () => {
    // Ada, Cy, Ed, Di, Ivy, Hal; not the invitations, Ben and Lee (disabled) or Jo (unknown status)
    expect(figures.lastSignIn).toEqual([
      { bucket: 'week', label: 'This week', count: 1 },
      { bucket: 'month', label: 'This month', count: 1 },
      { bucket: '1-3m', label: '1–3 months', count: 1 },
      { bucket: '3-12m', label: '3–12 months', count: 1 },
      { bucket: 'over-1y', label: 'Over a year', count: 1 },
      { bucket: 'never', label: 'Never', count: 1 },
    ])
  })

  it('counts joins over the 24 months ending with now’s month, edges included and excluded', () => {
    expect(figures.joined).toHaveLength(24)
    expect(figures.joined[0]?.month).toBe('2024-07')
    expect(figures.joined[23]?.month).toBe('2026-06')
    const label = new Intl.DateTimeFormat(undefined, { month: 'short', year: 'numeric' })
    expect(figures.joined[0]?.label).toBe(label.format(local(2024, 6, 1)))
    const counts = Object.fromEntries(
      figures.joined.filter((j) => j.count > 0).map((j) => [j.month, j.count]),
    )
    // Cy on the first moment, Ada in Jan 2025, Lee 40 days ago, Fay 20 days ago, Gus 3 days ago
    expect(counts).toEqual({ '2024-07': 1, '2025-01': 1, '2026-05': 2, '2026-06': 1 })
  })

  it('counts the window’s last moment and not the next month’s first', () => {
    const lastMoment = new Date(local(2026, 6, 1).getTime() - 1).toISOString()
    const joined = computeOverview({
      ...input,
      members: [makeMember({ id: 1, fullName: 'A', createdAt: lastMoment })],
    }).joined
    expect(joined[23]?.count).toBe(1)
  })

  it('labels months in the browser’s locale', () => {
    const januaryNow = new Date(2025, 0, 20).getTime()
    const { joined } = computeOverview({ ...input, now: januaryNow })
    expect(joined.at(-1)?.month).toBe('2025-01')
    expect(joined[0]?.month).toBe('2023-02')
    expect(joined.at(-1)?.label).toBe(
      new Intl.DateTimeFormat(undefined, { month: 'short', year: 'numeric' }).format(januaryNow),
    )
  })

  it('counts guests, disabled guests and guests in no read group (email compared as guestKey)', () => {
    // pat is in g3 (members not read, guests read), amy in g5; zed only in g4, whose guests were not read
    expect(figures.guests).toEqual({ total: 4, disabled: 1, inNoGroup: 2 })
  })

  it('never counts a group whose lists were not read as empty', () => {
    expect(figures.groups).toEqual({ total: 5, empty: 1, unknownLists: 2 })
  })

  it('leaves guests and groups null while they load; every guest is then in no known group', () => {
    const partial = computeOverview({ ...input, guests: null })
    expect(partial.guests).toBeNull()
    expect(partial.groups).toEqual(figures.groups)
    const noGroups = computeOverview({ ...input, groups: null })
    expect(noGroups.groups).toBeNull()
    expect(noGroups.guests).toEqual({ total: 4, disabled: 1, inNoGroup: 4 })
  })

  it('passes an incomplete directory through, with the figures of what is loaded', () => {
    const partial = computeOverview({ ...input, members: members.slice(0, 3), complete: false })
    expect(partial.complete).toBe(false)
    expect(partial.members.total).toBe(3)
    expect(figures.complete).toBe(true)
  })

  it('answers zeros for an empty organization', () => {
    const empty = computeOverview({
      members: [],
      groups: [],
      guests: [],
      now,
      inactiveDays: 90,
      complete: true,
    })
    expect(empty.members).toEqual({ total: 0, active: 0, invited: 0, disabled: 0, unknown: 0 })
    expect(empty.defaultAdministrator).toBeNull()
    expect(empty.lastSignIn.map((b) => b.count)).toEqual([0, 0, 0, 0, 0, 0])
    expect(empty.joined.every((j) => j.count === 0)).toBe(true)
    expect(empty.guests).toEqual({ total: 0, disabled: 0, inNoGroup: 0 })
    expect(empty.groups).toEqual({ total: 0, empty: 0, unknownLists: 0 })
  })

  it('never throws on sparse records: they land in unknown and never', () => {
    const sparse = [
      { id: 1, fullName: 'Member #1' },
      {
        id: 2,
        fullName: 'Member #2',
        status: 'invited',
        role: 'Coworker',
        lastLoginAt: 'junk',
        createdAt: 'junk',
      },
      { id: 3, fullName: 'Member #3', status: 'active', role: 'light', lastLoginAt: null },
    ] as unknown as Member[]
    const result = computeOverview({
      ...input,
      members: sparse,
      groups: [{ id: 'g', name: 'g' }] as never,
      guests: [{ email: 'a@b.c' }] as never,
    })
    expect(result.members).toEqual({ total: 3, active: 1, invited: 1, disabled: 0, unknown: 1 })
    expect(result.roles).toEqual({ admin: 0, standard: 0, light: 1, unknown: 2 })
    expect(result.seats).toEqual({ full: 0, light: 1 })
    expect(result.neverSignedIn).toBe(1)
    expect(result.staleInvitations).toBe(0)
    expect(result.lastSignIn.find((b) => b.bucket === 'never')?.count).toBe(1)
    expect(result.joined.every((j) => j.count === 0)).toBe(true)
    expect(result.defaultAdministrator).toBeNull()
    expect(result.groups).toEqual({ total: 1, empty: 0, unknownLists: 1 })
    expect(result.guests).toEqual({ total: 1, disabled: 0, inNoGroup: 1 })
  })

  it('reads each member once (one pass, no per-figure re-scan)', () => {
    const big = Array.from({ length: 500 }, (_, i) => members[i % members.length]!)
    let reads = 0
    const counted = new Proxy(big, {
      get(target, key, receiver) {
        if (typeof key === 'string' && /^\d+$/.test(key)) reads++
        return Reflect.get(target, key, receiver)
      },
    })
    const result = computeOverview({ ...input, members: counted })
    expect(result.members.total).toBe(500)
    expect(reads).toBe(500)
  })
})
