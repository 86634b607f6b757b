import { describe, expect, it } from 'vitest'
import { parseGuest } from '../../api/guests/schema'
import { groupedGuests } from '../../lib/list-filters'
import { computeOverview } from '../../lib/overview'
import { makeGroup } from '../../test/group-factory'
import {
  canTellNoGroup,
  countGuests,
  filterGuests,
  groupsByGuest,
  guestStatusText,
  narrowGuests,
  toGuestListItems,
} from './guest-list'

const guest = (fields: Record<string, unknown>) => parseGuest({ data: fields })

describe('the guest list', () => {
  const groups = [
    makeGroup({ id: 'g2', name: 'Zeta', guests: ['Pat@Client.example', 'pat@client.example'] }),
    makeGroup({ id: 'g1', name: 'Alpha', guests: ['pat@client.example', 'sam@other.example'] }),
    makeGroup({ id: 'g3', name: 'Empty' }),
  ]
  const guests = [
    guest({ email: 'sam@other.example', first_name: 'Sam', details: { company_name: 'Crescent Légal' } }),
    guest({ email: 'pat@client.example', first_name: 'Pat', last_name: 'Ó Briain' }),
    guest({ email: 'nobody@x.example' }),
    guest({ email: 'PAT@client.example' }),
  ]

  it('joins each guest to the groups whose guests arrays hold the email, in any case, once, by name', () => {
    const items = toGuestListItems(guests, groupsByGuest(groups))
    expect(items.map((i) => [i.guest.email, i.groups.map((g) => g.name)])).toEqual([
      ['nobody@x.example', []],
      ['pat@client.example', ['Alpha', 'Zeta']],
      ['sam@other.example', ['Alpha']],
    ])
  })

  it('searches name, email and company, ignoring case and accents', () => {
    const items = toGuestListItems(guests, groupsByGuest(groups))
    const emails = (q: string) => filterGuests(items, q).map((i) => i.guest.email)
    expect(emails('obriain')).toEqual([])
    expect(emails('o briain')).toEqual(['pat@client.example'])
    expect(emails('legal')).toEqual(['sam@other.example'])
    expect(emails('EXAMPLE nobody')).toEqual(['nobody@x.example'])
    expect(emails('')).toHaveLength(3)
  })

  it('says Disabled for a disabled guest, else the free text as written', () => {
    expect(
      guestStatusText(
        guest({ email: 'a@b.example', details: { status: 'Client', disabled_at: '2026-01-01' } }),
      ),
    ).toBe('Disabled')
    expect(guestStatusText(guest({ email: 'a@b.example', details: { status: 'on HOLD!!' } }))).toBe(
      'on HOLD!!',
    )
    expect(guestStatusText(guest({ email: 'a@b.example' }))).toBeNull()
  })
})

const emails = (list: readonly { guest: { email: string } }[] | null) =>
  list?.map((i) => i.guest.email) ?? null

describe('the guest filters (status, in no group)', () => {
  const groups = [
    makeGroup({ id: 'g1', name: 'Alpha', guests: ['Pat@Client.example'] }),
    makeGroup({ id: 'g2', name: 'Beta' }),
  ]
  const guests = [
    guest({ email: 'pat@client.example', details: { disabled_at: '2026-01-01T00:00:00Z' } }),
    guest({ email: 'sam@other.example' }),
    guest({ email: 'nobody@x.example', details: { disabled_at: '2026-02-01T00:00:00Z' } }),
  ]
  const items = toGuestListItems(guests, groupsByGuest(groups))
  const grouped = groupedGuests(groups)

  it('status keeps disabled guests (disabledAt set) or the others', () => {
    expect(emails(narrowGuests(items, { status: 'disabled', group: null }, grouped))).toEqual([
      'nobody@x.example',
      'pat@client.example',
    ])
    expect(emails(narrowGuests(items, { status: 'active', group: null }, grouped))).toEqual([
      'sam@other.example',
    ])
  })

  it('group=none keeps guests no read guest list holds (any case), with status on top', () => {
    expect(emails(narrowGuests(items, { status: null, group: 'none' }, grouped))).toEqual([
      'nobody@x.example',
      'sam@other.example',
    ])
    expect(emails(narrowGuests(items, { status: 'disabled', group: 'none' }, grouped))).toEqual([
      'nobody@x.example',
    ])
  })

  it('cannot tell "in no group" without the groups, or with a group read without its guests', () => {
    expect(canTellNoGroup(null)).toBe(false)
    expect(narrowGuests(items, { status: null, group: 'none' }, null)).toBeNull()
    const unread = groupedGuests([...groups, makeGroup({ id: 'g3', name: 'Gamma', guestsKnown: false })])
    expect(canTellNoGroup(unread)).toBe(false)
    expect(narrowGuests(items, { status: null, group: 'none' }, unread)).toBeNull()
    expect(countGuests(items, { q: '', status: null, group: 'none' }, unread)).toBeNull()
    // The status filter alone needs no groups.
    expect(emails(narrowGuests(items, { status: 'active', group: null }, null))).toEqual([
      'sam@other.example',
    ])
  })

  it('counts what a view shows: filters, then search; the same count the overview gives', () => {
    expect(countGuests(items, { q: '', status: null, group: 'none' }, grouped)).toBe(2)
    expect(countGuests(items, { q: 'nobody', status: null, group: 'none' }, grouped)).toBe(1)
    expect(countGuests(items, { q: '', status: 'disabled', group: null }, grouped)).toBe(2)
    const figures = computeOverview({ members: [], groups, guests, now: 0, inactiveDays: 90, complete: true })
    expect(figures.guests).toMatchObject({ disabled: 2, inNoGroup: 2 })
  })
})
