import { describe, expect, it } from 'vitest'
import {
  filterGroupMembers,
  sortGroupMembers,
  toGroupMemberRows,
  type GroupMemberRow,
} from './group-member-list'
import { indexMembers, resolveGroupMembers } from './resolve-members'
import { makeMember } from './test-data'

const directory = [
  makeMember({ id: 1, fullName: 'Zoë Zimmer', role: 'admin', status: 'invited' }),
  makeMember({ id: 2, fullName: 'Ana Ávila', role: 'light', status: 'active', email: null }),
  makeMember({ id: 3, fullName: 'Bo Berg', role: 'standard', status: 'disabled' }),
]
const { entries } = resolveGroupMembers(['3', '424242', '1', '2'], indexMembers(directory), true)
const rows = toGroupMemberRows(entries)
const names = (list: readonly GroupMemberRow[]) => list.map((r) => r.name)
const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true })

describe('group members', () => {
  it('names unknown IDs instead of dropping them', () => {
    expect(names(rows)).toContain('Unknown member #424242')
  })

  it('searches names and emails without accents', () => {
    expect(names(filterGroupMembers(rows, 'zoe'))).toEqual(['Zoë Zimmer'])
    expect(names(filterGroupMembers(rows, 'avila'))).toEqual(['Ana Ávila'])
    expect(names(filterGroupMembers(rows, 'bo.berg@'))).toEqual(['Bo Berg'])
    expect(names(filterGroupMembers(rows, '424242'))).toEqual(['Unknown member #424242'])
  })

  it('sorts by name either way, unknown members last', () => {
    expect(names(sortGroupMembers(rows, { key: 'name', desc: false }, collator))).toEqual([
      'Ana Ávila',
      'Bo Berg',
      'Zoë Zimmer',
      'Unknown member #424242',
    ])
    expect(names(sortGroupMembers(rows, { key: 'name', desc: true }, collator))).toEqual([
      'Zoë Zimmer',
      'Bo Berg',
      'Ana Ávila',
      'Unknown member #424242',
    ])
  })

  it('sorts by role and status in their natural order, and missing emails last', () => {
    expect(names(sortGroupMembers(rows, { key: 'role', desc: false }, collator)).slice(0, 3)).toEqual([
      'Zoë Zimmer',
      'Bo Berg',
      'Ana Ávila',
    ])
    expect(names(sortGroupMembers(rows, { key: 'status', desc: false }, collator)).slice(0, 3)).toEqual([
      'Ana Ávila',
      'Zoë Zimmer',
      'Bo Berg',
    ])
    expect(names(sortGroupMembers(rows, { key: 'email', desc: true }, collator))).toEqual([
      'Zoë Zimmer',
      'Bo Berg',
      'Ana Ávila',
      'Unknown member #424242',
    ])
  })
})
