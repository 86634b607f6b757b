import { describe, expect, it } from 'vitest'
import { splitTerms } from '../../lib/text'
import {
  filterGroupMembers,
  memberSortValue,
  toGroupMemberRows,
  type GroupMemberRow,
} from './group-member-list'
import { indexMembers, resolveGroupMembers } from './resolve-members'
import { makeMember } from '../../test/member-factory'

const directory = [
  makeMember({ id: 1, fullName: 'Zoë Zimmer', role: 'admin', status: 'invited' }),
  makeMember({ id: 2, fullName: 'Ana Ávila', role: 'light', status: 'active', email: null }),
  makeMember({ id: 3, fullName: 'Bo Berg', role: 'standard', status: 'disabled' }),
]
const { entries } = resolveGroupMembers(['3', '424242', '1', '2'], indexMembers(directory), true)
const rows = toGroupMemberRows(entries)
const names = (list: readonly GroupMemberRow[]) => list.map((r) => r.name)
const find = (name: string) => rows.find((r) => r.name === name)!
const search = (q: string) => names(filterGroupMembers(rows, splitTerms(q)))

describe('group members', () => {
  it('names unknown IDs instead of dropping them', () => {
    expect(names(rows)).toEqual(['Bo Berg', 'Unknown member #424242', 'Zoë Zimmer', 'Ana Ávila'])
  })

  it('searches names and emails without accents', () => {
    expect(search('zoe')).toEqual(['Zoë Zimmer'])
    expect(search('avila')).toEqual(['Ana Ávila'])
    expect(search('bo.berg@')).toEqual(['Bo Berg'])
    expect(search('424242')).toEqual(['Unknown member #424242'])
    expect(search('')).toHaveLength(4)
  })

  it('gives unknown members no sort value in any column, so they sort last either way', () => {
    for (const column of ['name', 'email', 'role', 'status'] as const) {
      expect(memberSortValue(find('Unknown member #424242'), column)).toBeUndefined()
    }
  })

  it('sorts roles and statuses in their natural order and a missing email as not set', () => {
    const role = (name: string) => memberSortValue(find(name), 'role') as number
    expect(role('Zoë Zimmer')).toBeLessThan(role('Bo Berg'))
    expect(role('Bo Berg')).toBeLessThan(role('Ana Ávila'))
    const status = (name: string) => memberSortValue(find(name), 'status') as number
    expect(status('Ana Ávila')).toBeLessThan(status('Zoë Zimmer'))
    expect(status('Zoë Zimmer')).toBeLessThan(status('Bo Berg'))
    expect(memberSortValue(find('Ana Ávila'), 'email')).toBeUndefined()
    expect(memberSortValue(find('Bo Berg'), 'name')).toBe('Bo Berg')
  })
})
