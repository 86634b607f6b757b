import { describe, expect, it } from 'vitest'
import type { Guest } from '../api/types'
import { makeGroup } from '../test/group-factory'
import {
  groupedGuests,
  groupListCodec,
  groupListsKnown,
  guestListCodec,
  isDisabledGuest,
  isEmptyGroup,
  isInNoGroup,
} from './list-filters'
import { computeOverview } from './overview'
import { overviewLinks } from './overview-links'

const guestState = (search: string) => guestListCodec.parse(new URLSearchParams(search))
const groupState = (search: string) => groupListCodec.parse(new URLSearchParams(search))

describe('the /guests URL', () => {
  it('reads status and group beside the search and sort; anything else is "any"', () => {
    expect(guestState('?q=pat&sort=-company&status=disabled&group=none')).toEqual({
      q: 'pat',
      sort: [{ id: 'company', desc: true }],
      status: 'disabled',
      group: 'none',
    })
    expect(guestState('?status=active')).toMatchObject({ status: 'active', group: null })
    expect(guestState('?status=Disabled&group=some')).toMatchObject({ status: null, group: null })
    expect(guestState('')).toEqual({ q: '', sort: [{ id: 'email', desc: false }], status: null, group: null })
  })

  it('writes only what is chosen, in a fixed order, and round-trips', () => {
    const state = guestState('?group=none&status=active&q=x')
    expect(guestListCodec.serialize(state).toString()).toBe('q=x&status=active&group=none')
    expect(guestListCodec.serialize(guestState('')).toString()).toBe('')
    for (const search of [
      '',
      '?status=disabled',
      '?group=none',
      '?q=a+b&sort=-name&status=active&group=none',
    ]) {
      const once = guestListCodec.serialize(guestState(search))
      expect(guestListCodec.serialize(guestListCodec.parse(once)).toString()).toBe(once.toString())
    }
  })

  it("reads the overview's links as the figures mean them", () => {
    expect(guestState(overviewLinks.disabledGuests().replace('/guests', ''))).toMatchObject({
      status: 'disabled',
    })
    expect(guestState(overviewLinks.guestsInNoGroup().replace('/guests', ''))).toMatchObject({
      group: 'none',
    })
  })
})

describe('the /groups URL', () => {
  it('reads filter=empty, one sort key at most', () => {
    expect(groupState('?filter=empty&sort=-members,name')).toEqual({
      q: '',
      sort: [{ id: 'members', desc: true }],
      filter: 'empty',
    })
    expect(groupState('?filter=full')).toMatchObject({ filter: null })
    expect(groupState(overviewLinks.emptyGroups().replace('/groups', ''))).toMatchObject({ filter: 'empty' })
  })

  it('writes the filter after search and sort, defaults left out', () => {
    expect(groupListCodec.serialize(groupState('?filter=empty&q=ops')).toString()).toBe('q=ops&filter=empty')
    expect(groupListCodec.serialize(groupState('?sort=name')).toString()).toBe('')
  })
})

const guest = (email: string, disabledAt: string | null = null) => ({ email, disabledAt }) as Guest

describe('what the filters keep (and the overview counts)', () => {
  it('a guest is disabled when disabledAt is set, whatever it says', () => {
    expect(isDisabledGuest(guest('a@x.example', '2026-01-01T00:00:00Z'))).toBe(true)
    expect(isDisabledGuest(guest('a@x.example', 'junk'))).toBe(true)
    expect(isDisabledGuest(guest('a@x.example'))).toBe(false)
    expect(isDisabledGuest({} as Guest)).toBe(false)
  })

  it('a group is empty only with both lists read and no one in either', () => {
    expect(isEmptyGroup(makeGroup({ id: 'g', name: 'g' }))).toBe(true)
    expect(isEmptyGroup(makeGroup({ id: 'g', name: 'g', memberIds: ['1'] }))).toBe(false)
    expect(isEmptyGroup(makeGroup({ id: 'g', name: 'g', guests: ['a@x.example'] }))).toBe(false)
    expect(isEmptyGroup(makeGroup({ id: 'g', name: 'g', membersKnown: false }))).toBe(false)
    expect(isEmptyGroup(makeGroup({ id: 'g', name: 'g', guestsKnown: false }))).toBe(false)
    // Blank entries are no one, as the groups list's counts (0 and 0) show them.
    expect(isEmptyGroup(makeGroup({ id: 'g', name: 'g', memberIds: [' '], guests: ['  '] }))).toBe(true)
    expect(groupListsKnown(makeGroup({ id: 'g', name: 'g', guestsKnown: false }))).toBe(false)
  })

  it('in no group: compared by guestKey, only over groups whose guest list was read', () => {
    const grouped = groupedGuests([
      makeGroup({ id: 'g1', name: 'a', guests: [' Pat@X.example '] }),
      makeGroup({ id: 'g2', name: 'b', guestsKnown: false, guests: ['zed@x.example'] }),
      makeGroup({ id: 'g3', name: 'c', membersKnown: false, guests: ['amy@x.example'] }),
    ])
    expect(grouped.unreadGuestLists).toBe(1)
    expect(isInNoGroup(guest('pat@x.example'), grouped)).toBe(false)
    expect(isInNoGroup(guest('AMY@x.example'), grouped)).toBe(false)
    expect(isInNoGroup(guest('zed@x.example'), grouped)).toBe(true)
    expect(isInNoGroup(guest('bo@x.example'), grouped)).toBe(true)
  })

  it('the overview counts exactly what these rules keep', () => {
    const groups = [
      makeGroup({ id: 'g1', name: 'a', guests: ['pat@x.example'] }),
      makeGroup({ id: 'g2', name: 'empty' }),
      makeGroup({ id: 'g3', name: 'blank', memberIds: [''], guests: [' '] }),
      makeGroup({ id: 'g4', name: 'not read', membersKnown: false }),
    ]
    const guests = [guest('pat@x.example'), guest('bo@x.example', '2026-01-01'), guest('cy@x.example')]
    const figures = computeOverview({ members: [], groups, guests, now: 0, inactiveDays: 90, complete: true })
    const grouped = groupedGuests(groups)
    expect(figures.groups?.empty).toBe(groups.filter(isEmptyGroup).length)
    expect(figures.groups?.empty).toBe(2)
    expect(figures.guests?.disabled).toBe(guests.filter(isDisabledGuest).length)
    expect(figures.guests?.inNoGroup).toBe(guests.filter((g) => isInNoGroup(g, grouped)).length)
    expect(figures.guests?.inNoGroup).toBe(2)
  })
})
