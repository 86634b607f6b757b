import { describe, expect, it } from 'vitest'
import { groupListCodec, guestListCodec } from './list-filters'
import { overviewLinks } from './overview-links'

const guests = (search: string) => guestListCodec.parse(new URLSearchParams(search))
const groups = (search: string) => groupListCodec.parse(new URLSearchParams(search))

describe('the /guests URL', () => {
  it('reads status and group beside the search and sort; anything else is "any"', () => {
    expect(guests('?q=pat&sort=-company&status=disabled&group=none')).toEqual({
      q: 'pat',
      sort: [{ id: 'company', desc: true }],
      status: 'disabled',
      group: 'none',
    })
    expect(guests('?status=active')).toMatchObject({ status: 'active', group: null })
    expect(guests('?status=Disabled&group=some')).toMatchObject({ status: null, group: null })
    expect(guests('')).toEqual({ q: '', sort: [{ id: 'email', desc: false }], status: null, group: null })
  })

  it('writes only what is chosen, in a fixed order, and round-trips', () => {
    const state = guests('?group=none&status=active&q=x')
    expect(guestListCodec.serialize(state).toString()).toBe('q=x&status=active&group=none')
    expect(guestListCodec.serialize(guests('')).toString()).toBe('')
    for (const search of [
      '',
      '?status=disabled',
      '?group=none',
      '?q=a+b&sort=-name&status=active&group=none',
    ]) {
      const once = guestListCodec.serialize(guests(search))
      expect(guestListCodec.serialize(guestListCodec.parse(once)).toString()).toBe(once.toString())
    }
  })

  it("reads the overview's links as the figures mean them", () => {
    expect(guests(overviewLinks.disabledGuests().replace('/guests', ''))).toMatchObject({
      status: 'disabled',
    })
    expect(guests(overviewLinks.guestsInNoGroup().replace('/guests', ''))).toMatchObject({ group: 'none' })
  })
})

describe('the /groups URL', () => {
  it('reads filter=empty, one sort key at most', () => {
    expect(groups('?filter=empty&sort=-members,name')).toEqual({
      q: '',
      sort: [{ id: 'members', desc: true }],
      filter: 'empty',
    })
    expect(groups('?filter=full')).toMatchObject({ filter: null })
    expect(groups(overviewLinks.emptyGroups().replace('/groups', ''))).toMatchObject({ filter: 'empty' })
  })

  it('writes the filter after search and sort, defaults left out', () => {
    expect(groupListCodec.serialize(groups('?filter=empty&q=ops')).toString()).toBe('q=ops&filter=empty')
    expect(groupListCodec.serialize(groups('?sort=name')).toString()).toBe('')
  })
})
