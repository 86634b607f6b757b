import { describe, expect, it } from 'vitest'
import { filterGroups, toGroupListItems, type GroupListItem } from './group-list'
import { sampleGroups } from '../../test/group-factory'

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
