// Every URL Roster writes from a record's ID or email, fuzzed: the value becomes exactly one path
// segment that decodes back to it, holds no raw "/", "?" or "#", and is never "." or "..", which a
// URL parser would resolve to another page. Building a link never throws, whatever the API sent.
/* oxlint-disable vitest/no-conditional-expect, vitest/expect-expect -- a property says what holds for
   each kind of input (the conditions pick the kind), and its assertions sit inside fc.assert. */
import * as fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { hostileString } from '../test/arbitraries'
import { paths } from './paths'

const origin = 'https://roster.example'
/** Whether a string can be written into a URL as it is (no lone surrogate). */
const wellFormed = (s: string) =>
  !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(s)

/** The one segment after `prefix`, checked as a browser would resolve the link. */
function assertOneSegment(url: string, prefix: string, value: string) {
  expect(url.startsWith(prefix)).toBe(true)
  const segment = url.slice(prefix.length)
  expect(segment).not.toMatch(/[/?#\\]/)
  expect(segment).not.toMatch(/^\.{1,2}$/)
  expect(/[\s\p{C}]/u.test(segment)).toBe(false)
  // Any value comes back as it was, but for what no URL can hold: a lone surrogate, and "." or ".."
  // (which no record has: those are written so that the page reads "%2E" and says not found).
  if (value === '.' || value === '..') expect(decodeURIComponent(segment)).toBe(value.replaceAll('.', '%2E'))
  else if (wellFormed(value)) expect(decodeURIComponent(segment)).toBe(value)
  // Resolved by a browser, the link stays on that page.
  const resolved = new URL(url, origin)
  expect(resolved.origin).toBe(origin)
  expect(resolved.pathname).toBe(url)
}

describe('paths, fuzzed', () => {
  it('member(id): one segment, never another page', () => {
    fc.assert(
      fc.property(fc.oneof(hostileString(), fc.integer().map(String)), (id) => {
        assertOneSegment(paths.member(id), '/members/', id)
      }),
      { numRuns: 180 },
    )
  })

  it('group(id): one segment, never another page', () => {
    fc.assert(
      fc.property(hostileString(), (id) => {
        assertOneSegment(paths.group(id), '/groups/', id)
      }),
      { numRuns: 180 },
    )
  })

  it('guest(email): one segment, never another page', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          hostileString(),
          fc.emailAddress(),
          hostileString(8).map((s) => `${s}@x.example`),
        ),
        (email) => {
          assertOneSegment(paths.guest(email), '/guests/', email)
        },
      ),
      { numRuns: 180 },
    )
  })

  it('lists: any search becomes a query on the same list path, values read back as given', () => {
    fc.assert(
      fc.property(
        fc.dictionary(hostileString(10), fc.oneof(hostileString(), fc.integer(), fc.constant(null))),
        (search) => {
          for (const [build, path] of [
            [paths.members, '/members'],
            [paths.groups, '/groups'],
            [paths.guests, '/guests'],
            [paths.overview, '/overview'],
          ] as const) {
            const url = build(search)
            const resolved = new URL(url, origin)
            expect(resolved.origin).toBe(origin)
            expect(resolved.pathname).toBe(path)
            expect(resolved.hash).toBe('')
            for (const [key, value] of Object.entries(search)) {
              if (value === null || value === '') continue
              if (wellFormed(key) && wellFormed(String(value)))
                expect(resolved.searchParams.get(key)).toBe(String(value))
            }
          }
        },
      ),
      { numRuns: 120 },
    )
  })

  it('signIn(returnTo): the return path travels as one query value', () => {
    fc.assert(
      fc.property(hostileString(), (returnTo) => {
        const resolved = new URL(paths.signIn(returnTo), origin)
        expect(resolved.pathname).toBe('/sign-in')
        expect(resolved.hash).toBe('')
        const back = resolved.searchParams.get('returnTo')
        if (returnTo !== '' && returnTo !== '/' && wellFormed(returnTo)) expect(back).toBe(returnTo)
      }),
      { numRuns: 120 },
    )
  })
})
