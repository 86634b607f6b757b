import { describe, expect, it } from 'vitest'
import {
  countGroups,
  filterGroups,
  groupsWithUnreadLists,
  narrowGroups,
  toGroupListItems,
  type GroupListItem,
} from './group-list'
import { computeOverview } from '../../lib/overview'
import { makeGroup, sampleGroups } from '../../test/group-factory'

const items = toGroupListItems(sampleGroups)

const names = (list: readonly GroupListItem[]) => list.map((i) => i.group.name)

describe('group list search', () => {
  it('ignores case and accents in the name', () => {
    expect(names(filterGroups(items, 'equipe'))).toEqual(['Équipe Montréal'])
    expect(names(filterGroups(items, 'MONTREAL'))).toEqual(['Équipe Montréal'])
    expect(names(filterGroups(items, 'angstrom'))).toEqual(['Ångström lab'])
  })

  it('searches the description too, across its line breaks', () => {
    expect(names(filterGroups(items, 'quebec'))).toEqual(['Équipe Montréal'])
    expect(names(filterGroups(items, 'keeps running'))).toEqual(['engineering'])
  })

  it('needs every term to match, and treats a blank query as no filter', () => {
    expect(names(filterGroups(items, 'sales zebra'))).toEqual([])
    expect(filterGroups(items, '   ')).toBe(items)
  })

  it('counts distinct members and guests', () => {
    const eng = items.find((i) => i.group.id === 'b2')
    expect(eng?.memberCount).toBe(2)
    expect(eng?.guestCount).toBe(2)
  })
})

describe('group list items', () => {
  it('come in name order (accents with their letter, numbers as numbers), so ties fall back to the name', () => {
    expect(names(items)).toEqual([
      'Ångström lab',
      'engineering',
      'Équipe Montréal',
      'Group 9',
      'Group 10',
      'Zebra crossing',
    ])
  })
})

describe('the empty groups filter', () => {
  const groups = [
    makeGroup({ id: 'g1', name: 'Has a member', memberIds: ['1'] }),
    makeGroup({ id: 'g2', name: 'Empty ops' }),
    makeGroup({ id: 'g3', name: 'Only a guest', guests: ['a@x.example'] }),
    makeGroup({ id: 'g4', name: 'Members not read', membersKnown: false }),
    makeGroup({ id: 'g5', name: 'Guests not read', guestsKnown: false }),
    makeGroup({ id: 'g6', name: 'Blank entries', memberIds: [' '], guests: [''] }),
  ]
  const groupItems = toGroupListItems(groups)

  it('keeps groups with no members and no guests, both lists read; a group not read is never empty', () => {
    expect(names(narrowGroups(groupItems, 'empty'))).toEqual(['Blank entries', 'Empty ops'])
    expect(narrowGroups(groupItems, null)).toBe(groupItems)
    expect(groupsWithUnreadLists(groupItems)).toBe(2)
  })

  it('counts what a view shows (filter, then search), as the overview counts empty groups', () => {
    expect(countGroups(groupItems, { q: '', filter: 'empty' })).toBe(2)
    expect(countGroups(groupItems, { q: 'ops', filter: 'empty' })).toBe(1)
    expect(countGroups(groupItems, { q: '', filter: null })).toBe(6)
    const figures = computeOverview({
      members: [],
      groups,
      guests: [],
      now: 0,
      inactiveDays: 90,
      complete: true,
    })
    expect(figures.groups?.empty).toBe(countGroups(groupItems, { q: '', filter: 'empty' }))
  })
})
