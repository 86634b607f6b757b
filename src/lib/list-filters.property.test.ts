// The /guests (?q, ?sort, ?status, ?group) and /groups (?q, ?sort, ?filter) parameters, fuzzed: any
// URL reads into a valid state, filters are known values or absent, and the codec's own URL reads
// back into the same state.
/* oxlint-disable vitest/no-conditional-expect, vitest/expect-expect -- a property says what holds for
   each kind of input (the conditions pick the kind), and its assertions sit inside fc.assert. */
import * as fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { hostileQueryText, hostileSearchParams } from '../test/arbitraries'
import {
  groupFilters,
  groupListCodec,
  groupSortIds,
  guestGroupFilters,
  guestListCodec,
  guestSortIds,
  guestStatusFilters,
  readGroupFilters,
  readGuestFilters,
} from './list-filters'

const guestKeys = ['q', 'sort', 'status', 'group']
const groupKeys = ['q', 'sort', 'filter']

describe('guestListCodec, fuzzed', () => {
  it('reads any URL into known filters and sort keys, and round-trips', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          hostileSearchParams(guestKeys),
          hostileQueryText.map((t) => new URLSearchParams(t)),
        ),
        (params) => {
          const state = guestListCodec.parse(params)
          if (state.status !== null) expect(guestStatusFilters).toContain(state.status)
          if (state.group !== null) expect(guestGroupFilters).toContain(state.group)
          expect(state.sort.length).toBeGreaterThan(0)
          expect(state.sort.length).toBeLessThanOrEqual(guestListCodec.maxSortKeys)
          for (const key of state.sort) expect(guestSortIds).toContain(key.id)
          expect(readGuestFilters(params)).toEqual({ q: state.q, status: state.status, group: state.group })
          const written = guestListCodec.serialize(state)
          for (const key of written.keys()) expect(guestKeys).toContain(key)
          const again = guestListCodec.parse(written)
          expect({ ...again, q: again.q.trim() }).toEqual({ ...state, q: state.q.trim() })
        },
      ),
      { numRuns: 180 },
    )
  })
})

describe('groupListCodec, fuzzed', () => {
  it('reads any URL into a known filter and one sort key, and round-trips', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          hostileSearchParams(groupKeys),
          hostileQueryText.map((t) => new URLSearchParams(t)),
        ),
        (params) => {
          const state = groupListCodec.parse(params)
          if (state.filter !== null) expect(groupFilters).toContain(state.filter)
          expect(state.sort).toHaveLength(1)
          expect(groupSortIds).toContain(state.sort[0]?.id)
          expect(readGroupFilters(params)).toEqual({ q: state.q, filter: state.filter })
          const written = groupListCodec.serialize(state)
          for (const key of written.keys()) expect(groupKeys).toContain(key)
          const again = groupListCodec.parse(written)
          expect({ ...again, q: again.q.trim() }).toEqual({ ...state, q: state.q.trim() })
        },
      ),
      { numRuns: 180 },
    )
  })
})
