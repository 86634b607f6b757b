// `?sort=` fuzzed: any text reads into known, distinct keys (at most the limit) or the fallback, the
// same text gives the very same array, and what formatSortingParam writes reads back as itself.
/* oxlint-disable vitest/no-conditional-expect, vitest/expect-expect -- a property says what holds for
   each kind of input (the conditions pick the kind), and its assertions sit inside fc.assert. */
import * as fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { hostileString, trickyStrings } from '../test/arbitraries'
import { formatSortingParam, MAX_SORT_KEYS, parseSortingParam, type SortKey } from './sort-param'

const allowed = ['name', 'email', 'role', '__proto__', 'to-do'] as const
const fallback: readonly SortKey<(typeof allowed)[number]>[] = [{ id: 'name', desc: false }]

/** Sort text built from known IDs, junk and separators, so valid keys turn up often. */
const sortText = fc.oneof(
  hostileString(60),
  fc
    .array(
      fc.oneof(
        fc.constantFrom(...allowed, ...allowed.map((id) => `-${id}`), ' ', '--name'),
        fc.constantFrom(...trickyStrings),
      ),
      {
        maxLength: 8,
      },
    )
    .map((parts) => parts.join(',')),
)

describe('parseSortingParam, fuzzed', () => {
  it('gives known, distinct keys within the limit, or the fallback; never throws', () => {
    fc.assert(
      fc.property(fc.option(sortText, { nil: null }), fc.integer({ min: 1, max: 4 }), (param, maxKeys) => {
        const sorting = parseSortingParam(param, allowed, fallback, maxKeys)
        expect(sorting.length).toBeGreaterThan(0)
        expect(sorting.length).toBeLessThanOrEqual(Math.max(maxKeys, fallback.length))
        expect(sorting.length).toBeLessThanOrEqual(MAX_SORT_KEYS + 1)
        expect(new Set(sorting.map((s) => s.id)).size).toBe(sorting.length)
        for (const key of sorting) {
          expect(allowed).toContain(key.id)
          expect(typeof key.desc).toBe('boolean')
        }
        // The same text for the same list: the same array, so a table never re-sorts for nothing.
        expect(parseSortingParam(param, allowed, fallback, maxKeys)).toBe(sorting)
        // What is written reads back as the same sorting (the fallback is written as nothing).
        const written = formatSortingParam(sorting, fallback)
        expect(parseSortingParam(written, allowed, fallback, maxKeys)).toEqual(sorting)
      }),
      { numRuns: 240 },
    )
  })
})
