import { describe, expect, it } from 'vitest'
import { toRole } from '../api/roles'
import { roleRank } from './member-order'
import { isWritableRole, writableRoles } from './roles'

describe('the role list', () => {
  it('orders the roles most access first, and ranks them in that order', () => {
    expect(writableRoles).toEqual(['admin', 'standard', 'light'])
    expect(writableRoles.map(roleRank)).toEqual([1, 2, 3])
    expect(roleRank('unknown')).toBeUndefined()
  })

  it('knows only the three as writable', () => {
    expect(writableRoles.every(isWritableRole)).toBe(true)
    for (const other of ['unknown', 'Admin', 'administrator', '', null, undefined]) {
      expect(isWritableRole(other)).toBe(false)
    }
  })

  it('reads Tallyfy’s spellings into the list', () => {
    expect(toRole(' Administrator ')).toBe('admin')
    expect(toRole('ADMIN')).toBe('admin')
    expect(toRole('Light')).toBe('light')
    expect(toRole('guest')).toBe('unknown')
    expect(toRole(null)).toBe('unknown')
  })
})
