import { describe, expect, it } from 'vitest'
import {
  hasActiveFilters,
  parseListState,
  serializeListState,
  searchAndSortCodec,
  type ListState,
} from './list-state'

/** The members list with nothing chosen: no search, sorted by name, no filters. */
const defaultListState: ListState = {
  q: '',
  sort: [{ id: 'name', desc: false }],
  role: null,
  status: null,
  signin: null,
  invited: null,
  seat: null,
  joined: null,
}

const parse = (search: string) => parseListState(new URLSearchParams(search))
const serialize = (state: ListState) => serializeListState(state).toString()

describe('parseListState', () => {
  it('gives the defaults for an empty URL', () => {
    expect(parse('')).toEqual(defaultListState)
  })
  it('reads search, sort keys and filters', () => {
    expect(parse('?q=ann%20smith&sort=-last_login,name&role=admin&status=invited')).toEqual({
      q: 'ann smith',
      sort: [
        { id: 'last_login', desc: true },
        { id: 'name', desc: false },
      ],
      role: 'admin',
      status: 'invited',
      signin: null,
      invited: null,
      seat: null,
      joined: null,
    })
  })
  it('ignores unknown values instead of failing', () => {
    expect(parse('?sort=-shoe_size,,email,email&role=owner&status=asleep')).toEqual({
      ...defaultListState,
      sort: [{ id: 'email', desc: false }],
    })
    expect(parse('?sort=nonsense')).toEqual(defaultListState)
  })
  it('keeps at most three sort keys', () => {
    expect(parse('?sort=email,role,status,job_title').sort.map((s) => s.id)).toEqual([
      'email',
      'role',
      'status',
    ])
  })
})

describe('serializeListState', () => {
  it('leaves defaults out', () => {
    expect(serialize(defaultListState)).toBe('')
    expect(serialize({ ...defaultListState, sort: [{ id: 'name', desc: false }] })).toBe('')
  })
  it('writes a compact sort and the filters', () => {
    expect(
      serialize({
        ...defaultListState,
        q: 'zoë ',
        sort: [
          { id: 'name', desc: true },
          { id: 'last_login', desc: false },
        ],
        role: 'light',
        status: 'disabled',
      }),
    ).toBe('q=zo%C3%AB+&sort=-name%2Clast_login&role=light&status=disabled')
  })
  it('round-trips', () => {
    const state: ListState = {
      ...defaultListState,
      q: 'Ann  Smith ',
      sort: [
        { id: 'status', desc: true },
        { id: 'email', desc: false },
      ],
      role: 'standard',
      status: 'active',
    }
    expect(parseListState(serializeListState(state))).toEqual(state)
    for (const search of ['', 'q=x', 'sort=-name', 'role=admin&status=invited', 'q=a&sort=email%2C-role']) {
      expect(serialize(parse(search))).toBe(search)
    }
  })
})

describe('hasActiveFilters', () => {
  it('counts search and filters, not sorting', () => {
    expect(hasActiveFilters(defaultListState)).toBe(false)
    expect(hasActiveFilters({ ...defaultListState, q: '   ' })).toBe(false)
    expect(hasActiveFilters({ ...defaultListState, q: 'a' })).toBe(true)
    expect(hasActiveFilters({ ...defaultListState, status: 'invited' })).toBe(true)
  })
})

describe('searchAndSortCodec', () => {
  const codec = searchAndSortCodec(['name', 'members'] as const, [{ id: 'name', desc: false }], 1)

  it('reads no more sort keys from the URL than the list allows', () => {
    expect(codec.maxSortKeys).toBe(1)
    expect(codec.parse(new URLSearchParams('sort=-members,name')).sort).toEqual([
      { id: 'members', desc: true },
    ])
  })

  it('allows three keys unless told otherwise', () => {
    const wide = searchAndSortCodec(['a', 'b', 'c', 'd'] as const, [{ id: 'a', desc: false }])
    expect(wide.parse(new URLSearchParams('sort=b,-c,d,a')).sort).toHaveLength(3)
  })
})
