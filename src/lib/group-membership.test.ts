import { describe, expect, it } from 'vitest'
import {
  applyMembershipChange,
  effectiveMembershipChange,
  invertMembershipChange,
  isEmptyChange,
} from './group-membership'

describe('applyMembershipChange', () => {
  it('applies intent to the fresh lists: a member added meanwhile survives a remove', () => {
    // We loaded [1, 2]; someone else added 3; we remove 1.
    const fresh = { memberIds: ['1', '2', '3'], guests: ['a@x.io'] }
    expect(applyMembershipChange(fresh, { removeMembers: ['1'] })).toEqual({
      memberIds: ['2', '3'],
      guests: ['a@x.io'],
    })
  })

  it('adds once, keeps order, compares IDs canonically and emails case-insensitively', () => {
    const fresh = { memberIds: ['1001', '7'], guests: ['Ann@X.io'] }
    expect(
      applyMembershipChange(fresh, {
        addMembers: ['01001', '9', '9'],
        removeMembers: [' 7 '],
        addGuests: ['ann@x.io', ' bo@y.io '],
        removeGuests: ['nobody@z.io'],
      }),
    ).toEqual({ memberIds: ['1001', '9'], guests: ['Ann@X.io', 'bo@y.io'] })
  })

  it('does not touch its input', () => {
    const fresh = { memberIds: ['1'], guests: [] as string[] }
    applyMembershipChange(fresh, { addMembers: ['2'], addGuests: ['g@x.io'] })
    expect(fresh).toEqual({ memberIds: ['1'], guests: [] })
  })
})

describe('undo', () => {
  it('inverting the effective part restores the lists exactly', () => {
    const before = { memberIds: ['1', '2'], guests: ['g@x.io'] }
    // Adding 2 (already there) and removing 3 (not there) change nothing, so Undo must not either.
    const change = { addMembers: ['2', '4'], removeMembers: ['3', '1'], addGuests: ['h@x.io'] }
    const effective = effectiveMembershipChange(before, change)
    expect(effective).toEqual({
      addMembers: ['4'],
      removeMembers: ['1'],
      addGuests: ['h@x.io'],
      removeGuests: [],
    })
    const after = applyMembershipChange(before, effective)
    const restored = applyMembershipChange(after, invertMembershipChange(effective))
    expect(new Set(restored.memberIds)).toEqual(new Set(before.memberIds))
    expect(restored.guests).toEqual(before.guests)
  })

  it('knows an empty change', () => {
    expect(isEmptyChange({ addMembers: [], removeGuests: [] })).toBe(true)
    expect(
      isEmptyChange(effectiveMembershipChange({ memberIds: ['1'], guests: [] }, { addMembers: ['1'] })),
    ).toBe(true)
    expect(isEmptyChange({ addGuests: ['a@b.io'] })).toBe(false)
  })
})
