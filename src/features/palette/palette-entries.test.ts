import { describe, expect, it } from 'vitest'
import { rankMatches } from '../../lib/rank-matches'
import { makeMember } from '../../test/member-factory'
import { memberEntries } from './palette-entries'

describe('memberEntries', () => {
  const directory = [
    makeMember({ id: 1, fullName: 'Ann Lee', email: 'ann@x.example' }),
    makeMember({ id: 2, fullName: 'Bo Chen', email: 'bo@x.example' }),
  ]

  it('builds the entries once per directory array: the next open reuses them', () => {
    const first = memberEntries(directory)
    expect(memberEntries(directory)).toBe(first)
    expect(first.map((e) => e.value.key)).toEqual(['member:1', 'member:2'])
    expect(rankMatches('bo', [first]).map((e) => e.label)).toEqual(['Bo Chen'])
  })

  it('builds anew for a new array (the directory refetched or grew)', () => {
    const first = memberEntries(directory)
    const grown = [...directory, makeMember({ id: 3, fullName: 'Cy Dee', email: 'cy@x.example' })]
    const next = memberEntries(grown)
    expect(next).not.toBe(first)
    expect(next.map((e) => e.label)).toEqual(['Ann Lee', 'Bo Chen', 'Cy Dee'])
  })
})
