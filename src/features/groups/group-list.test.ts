import { describe, expect, it } from 'vitest'
import {
  filterGroups,
  formatGroupSort,
  nextGroupSort,
  parseGroupSort,
  sortGroups,
  toGroupListItems,
  type GroupListItem,
} from './group-list'
import { makeGroup } from './test-data'

const items = toGroupListItems([
  makeGroup({
    id: 'a1',
    name: 'Équipe Montréal',
    description: 'Sales for Québec',
    memberIds: ['1', '2', '3'],
    updatedAt: '2024-03-01T00:00:00Z',
  }),
  makeGroup({
    id: 'b2',
    name: 'engineering',
    description: 'Builds the product\nand keeps it running',
    memberIds: ['4', '4', '5'],
    guests: ['x@y.io', 'X@Y.io', 'z@y.io'],
    updatedAt: null,
  }),
  makeGroup({
    id: 'c3',
    name: 'Zebra crossing',
    description: null,
    memberIds: [],
    updatedAt: '2025-01-01T00:00:00Z',
  }),
  makeGroup({
    id: 'd4',
    name: 'Ångström lab',
    description: 'Optics',
    memberIds: ['9'],
    updatedAt: '2023-01-01T00:00:00Z',
  }),
  makeGroup({
    id: 'e5',
    name: 'Group 10',
    memberIds: ['1', '2', '3', '4'],
    updatedAt: '2024-03-01T00:00:00Z',
  }),
  makeGroup({ id: 'f6', name: 'Group 9', memberIds: ['1'], updatedAt: 'not a date' }),
])

const names = (list: readonly GroupListItem[]) => list.map((i) => i.group.name)
const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true })

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

describe('group list sort', () => {
  it('sorts names with the locale (accents next to their letter, numbers as numbers)', () => {
    expect(names(sortGroups(items, { key: 'name', desc: false }, collator))).toEqual([
      'Ångström lab',
      'engineering',
      'Équipe Montréal',
      'Group 9',
      'Group 10',
      'Zebra crossing',
    ])
    expect(names(sortGroups(items, { key: 'name', desc: true }, collator))[0]).toBe('Zebra crossing')
  })

  it('keeps nameless groups last in both directions', () => {
    const withBlank = [...items, ...toGroupListItems([makeGroup({ id: 'z9', name: '  ' })])]
    expect(sortGroups(withBlank, { key: 'name', desc: false }, collator).at(-1)?.group.id).toBe('z9')
    expect(sortGroups(withBlank, { key: 'name', desc: true }, collator).at(-1)?.group.id).toBe('z9')
  })

  it('sorts by member count, ties by name', () => {
    expect(names(sortGroups(items, { key: 'members', desc: true }, collator))).toEqual([
      'Group 10',
      'Équipe Montréal',
      'engineering',
      'Ångström lab',
      'Group 9',
      'Zebra crossing',
    ])
    expect(names(sortGroups(items, { key: 'members', desc: false }, collator))[0]).toBe('Zebra crossing')
  })

  it('sorts by last updated with missing or broken dates last either way', () => {
    const newest = names(sortGroups(items, { key: 'updated', desc: true }, collator))
    expect(newest).toEqual([
      'Zebra crossing',
      'Équipe Montréal',
      'Group 10',
      'Ångström lab',
      'engineering',
      'Group 9',
    ])
    const oldest = names(sortGroups(items, { key: 'updated', desc: false }, collator))
    expect(oldest).toEqual([
      'Ångström lab',
      'Équipe Montréal',
      'Group 10',
      'Zebra crossing',
      'engineering',
      'Group 9',
    ])
  })

  it('does not change its input', () => {
    const before = names(items)
    sortGroups(items, { key: 'members', desc: true }, collator)
    expect(names(items)).toEqual(before)
  })
})

describe('group sort in the URL', () => {
  it('round-trips and leaves the default out', () => {
    expect(parseGroupSort(null)).toEqual({ key: 'name', desc: false })
    expect(parseGroupSort('-members')).toEqual({ key: 'members', desc: true })
    expect(parseGroupSort('updated')).toEqual({ key: 'updated', desc: false })
    expect(parseGroupSort('-bogus')).toEqual({ key: 'name', desc: false })
    expect(formatGroupSort({ key: 'name', desc: false })).toBeNull()
    expect(formatGroupSort({ key: 'name', desc: true })).toBe('-name')
    expect(formatGroupSort({ key: 'members', desc: true })).toBe('-members')
  })

  it('flips the same column and starts numbers and dates biggest first', () => {
    expect(nextGroupSort({ key: 'name', desc: false }, 'name')).toEqual({ key: 'name', desc: true })
    expect(nextGroupSort({ key: 'name', desc: false }, 'members')).toEqual({ key: 'members', desc: true })
    expect(nextGroupSort({ key: 'members', desc: true }, 'updated')).toEqual({ key: 'updated', desc: true })
    expect(nextGroupSort({ key: 'updated', desc: true }, 'name')).toEqual({ key: 'name', desc: false })
  })
})
