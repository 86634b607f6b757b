// Every parameter /members reads (?q, ?sort, ?role, ?status, ?signin, ?invited, ?seat, ?joined) and
// the search-and-sort lists' (?q, ?sort), fuzzed: whatever a URL holds, the codec reads a valid
// state without throwing, and writing that state back and reading it again changes nothing.
/* oxlint-disable vitest/no-conditional-expect, vitest/expect-expect -- a property says what holds for
   each kind of input (the conditions pick the kind), and its assertions sit inside fc.assert. */
import * as fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { hostileQueryText, hostileSearchParams } from '../test/arbitraries'
import { overviewFilterPatterns } from './filter-values'
import {
  memberListCodec,
  memberSortIds,
  searchAndSortCodec,
  statusFilters,
  type ListState,
} from './list-state'
import { writableRoles } from './roles'
import { MAX_SORT_KEYS } from './sort-param'

const memberKeys = ['q', 'sort', 'role', 'status', 'signin', 'invited', 'seat', 'joined']
const filterKeys = ['role', 'status', 'signin', 'invited', 'seat', 'joined'] as const

function assertValidMemberState(state: ListState, params: URLSearchParams) {
  expect(state.q).toBe(params.get('q') ?? '')
  expect(state.sort.length).toBeGreaterThan(0)
  expect(state.sort.length).toBeLessThanOrEqual(MAX_SORT_KEYS)
  expect(new Set(state.sort.map((s) => s.id)).size).toBe(state.sort.length)
  for (const key of state.sort) expect(memberSortIds).toContain(key.id)
  if (state.role !== null) expect(writableRoles).toContain(state.role)
  if (state.status !== null) expect(statusFilters).toContain(state.status)
  for (const key of filterKeys) {
    const value = state[key]
    // A filter is either absent or exactly the URL's value, and one the list knows.
    if (value !== null) {
      expect(value).toBe(params.get(key))
      if (key !== 'role' && key !== 'status') expect(overviewFilterPatterns[key].test(value)).toBe(true)
    }
  }
}

describe('memberListCodec, fuzzed', () => {
  it('reads any search params into a valid state, and its own URL back into the same state', () => {
    fc.assert(
      fc.property(hostileSearchParams(memberKeys), (params) => {
        const state = memberListCodec.parse(params)
        assertValidMemberState(state, params)
        const written = memberListCodec.serialize(state)
        for (const key of written.keys()) expect(memberKeys).toContain(key)
        expect(memberListCodec.parse(written)).toEqual(state)
        // The URL it writes is stable: writing the state read from it gives the same text.
        expect(memberListCodec.serialize(memberListCodec.parse(written)).toString()).toBe(written.toString())
      }),
      { numRuns: 180 },
    )
  })

  it('reads raw query text as typed into the address bar (broken escapes, stray & and =)', () => {
    fc.assert(
      fc.property(hostileQueryText, (text) => {
        const params = new URLSearchParams(text)
        assertValidMemberState(memberListCodec.parse(params), params)
      }),
      { numRuns: 120 },
    )
  })
})

describe('searchAndSortCodec, fuzzed', () => {
  const ids = ['name', 'members', 'updated'] as const
  const codec = searchAndSortCodec(ids, [{ id: 'name', desc: false }], 2)

  it('keeps only known sort keys, at most its limit, and round-trips', () => {
    fc.assert(
      fc.property(hostileSearchParams(['q', 'sort']), (params) => {
        const state = codec.parse(params)
        expect(state.q).toBe(params.get('q') ?? '')
        expect(state.sort.length).toBeGreaterThan(0)
        expect(state.sort.length).toBeLessThanOrEqual(2)
        for (const key of state.sort) expect(ids).toContain(key.id)
        const written = codec.serialize(state)
        const again = codec.parse(written)
        expect(again.sort).toEqual(state.sort)
        // A blank search is left out of the URL (it is no search); any other text is kept verbatim.
        expect(again.q).toBe(state.q.trim() === '' ? '' : state.q)
      }),
      { numRuns: 180 },
    )
  })
})
