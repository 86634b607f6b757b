// Member IDs from URLs and API answers, fuzzed: the canonical form never throws, is idempotent,
// keeps every digit of a long numeric ID, and what a write sends is the integer or the trimmed text.
/* oxlint-disable vitest/no-conditional-expect, vitest/expect-expect -- a property says what holds for
   each kind of input (the conditions pick the kind), and its assertions sit inside fc.assert. */
import * as fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { hostileNumber, hostileString } from '../test/arbitraries'
import { canonicalMemberId, toWireMemberId } from './member-id'

const idLike = fc.oneof(
  hostileString(),
  hostileNumber,
  fc
    .bigInt({ min: 0n, max: 10n ** 30n })
    .map((n) => `${' '.repeat(Number(n % 3n))}${'0'.repeat(Number(n % 4n))}${n}`),
)

describe('member IDs, fuzzed', () => {
  it('canonicalMemberId is idempotent and keeps a numeric ID’s digits', () => {
    fc.assert(
      fc.property(idLike, (id) => {
        const canonical = canonicalMemberId(id)
        expect(canonicalMemberId(canonical)).toBe(canonical)
        expect(canonical).toBe(canonical.trim())
        const text = String(id).trim()
        if (/^\d+$/.test(text)) {
          expect(canonical).toMatch(/^(0|[1-9]\d*)$/)
          expect(BigInt(canonical)).toBe(BigInt(text))
        } else {
          expect(canonical).toBe(text)
        }
      }),
      { numRuns: 180 },
    )
  })

  it('toWireMemberId sends the integer for a numeric ID, the trimmed text otherwise', () => {
    fc.assert(
      fc.property(idLike, (id) => {
        const wire = toWireMemberId(id)
        const canonical = canonicalMemberId(id)
        if (typeof wire === 'number') {
          expect(/^\d+$/.test(canonical)).toBe(true)
          expect(Number.isInteger(wire)).toBe(true)
        } else {
          expect(wire).toBe(canonical)
        }
      }),
      { numRuns: 180 },
    )
  })
})
