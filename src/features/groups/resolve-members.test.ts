import { describe, expect, it } from 'vitest'
import { makeMember } from '../../test/member-factory'
import { canonicalMemberId as memberKey } from '../../lib/member-id'
import { distinctMemberCount, indexMembers, resolveGroupMembers } from './resolve-members'

const member = (id: number, fullName: string) => makeMember({ id, fullName })

const ada = member(1001, 'Ada Lovelace')
const grace = member(1002, 'Grace Hopper')
const index = indexMembers([ada, grace])

describe('resolveGroupMembers', () => {
  it('keys the directory by the string form of the numeric ID', () => {
    expect(index.get('1001')).toBe(ada)
    expect(index.size).toBe(2)
  })

  it('resolves canonical and sloppy numeric IDs to the same member', () => {
    expect(memberKey(1001)).toBe('1001')
    expect(memberKey(' 1001 ')).toBe('1001')
    expect(memberKey('001001')).toBe('1001')
    expect(memberKey('0')).toBe('0')
    expect(memberKey('user_abc')).toBe('user_abc')
    const { entries } = resolveGroupMembers(['1002', ' 1001'], index, true)
    expect(entries).toEqual([
      { kind: 'member', id: '1002', member: grace },
      { kind: 'member', id: '1001', member: ada },
    ])
  })

  it('lists IDs the complete directory does not know as unknown, never dropping them', () => {
    const { entries, pending } = resolveGroupMembers(['1001', '424242', 'user_x'], index, true)
    expect(entries).toEqual([
      { kind: 'member', id: '1001', member: ada },
      { kind: 'unknown', id: '424242' },
      { kind: 'unknown', id: 'user_x' },
    ])
    expect(pending).toBe(0)
  })

  it('lists each member once even when the group repeats an ID', () => {
    const { entries } = resolveGroupMembers(['1001', '1001', '01001', '424242', '424242', ''], index, true)
    expect(entries.map((e) => `${e.kind}:${e.id}`)).toEqual(['member:1001', 'unknown:424242'])
    expect(distinctMemberCount(['1001', '1001', '01001', '424242', ''])).toBe(2)
  })

  it('does not call anyone unknown while the directory is still loading', () => {
    const partial = indexMembers([ada])
    const { entries, pending } = resolveGroupMembers(['1001', '1002', '424242'], partial, false)
    expect(entries).toEqual([{ kind: 'member', id: '1001', member: ada }])
    expect(pending).toBe(2)
  })
})
