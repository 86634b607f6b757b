// "Back to …" reads router state anyone can put into history (pushState): fuzzed, it only ever leads
// to the list it belongs to, on this origin, whatever the state holds.
/* oxlint-disable vitest/no-conditional-expect, vitest/expect-expect -- a property says what holds for
   each kind of input (the conditions pick the kind), and its assertions sit inside fc.assert. */
import * as fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { hostileString, hostileValue } from '../test/arbitraries'
import { backLinkState, backLinkTarget } from './back-link'

const origin = 'https://roster.example'
const lists = ['/members', '/groups', '/guests']

const backTo = fc.oneof(
  hostileValue,
  fc
    .tuple(fc.constantFrom(...lists, '/members/1', '//evil.example', '/membersx'), hostileString())
    .map(([p, s]) => p + s),
)

describe('backLinkTarget, fuzzed', () => {
  it('goes only to its own list, with at most a search, never another origin or page', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          hostileValue,
          backTo.map((b) => ({ backTo: b })),
        ),
        fc.constantFrom(...lists),
        (state, list) => {
          const target = backLinkTarget(state, list)
          const url = new URL(target, origin)
          expect(url.origin).toBe(origin)
          expect(url.pathname).toBe(list)
          expect(url.hash).toBe('')
          expect(target === list || target.startsWith(`${list}?`)).toBe(true)
        },
      ),
      { numRuns: 240 },
    )
  })

  it('keeps the list as the person left it: its own state comes back unchanged', () => {
    fc.assert(
      fc.property(fc.constantFrom(...lists), fc.webQueryParameters(), (list, query) => {
        const search = query ? `?${query}` : ''
        expect(backLinkTarget(backLinkState(list, search), list)).toBe(`${list}${search}`)
      }),
      { numRuns: 120 },
    )
  })
})
