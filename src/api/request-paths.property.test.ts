// From a route's URL parameter to the request Roster sends, fuzzed: what a detail page accepts from
// its URL (/members/:memberId, /groups/:groupId, /guests/:email) becomes exactly one path segment of
// the API request, which decodes back to the value asked for: no "/", "?" or "#" slips through, and
// nothing resolves to another endpoint.
/* oxlint-disable vitest/no-conditional-expect, vitest/expect-expect -- a property says what holds for
   each kind of input (the conditions pick the kind), and its assertions sit inside fc.assert. */
import * as fc from 'fast-check'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { parseMemberId } from '../features/members/member-detail-route'
import { isValidGroupId } from '../features/groups/group-id'
import { createTestQueryClient } from '../test/render-page'
import { hostileString } from '../test/arbitraries'
import { credentialStore } from './credentials'
import { groupQueries } from './groups/queries'
import { guestQueries } from './guests/queries'
import { memberQueries } from './members/queries'

const orgId = '5e1d0c4a9b7f4e2a8c3d6b1f0a9e7c42'
let requested: URL[] = []

beforeEach(() => {
  credentialStore.set({ orgId, token: 'test-token', demo: false }, { remember: false })
  requested = []
  vi.spyOn(globalThis, 'fetch').mockImplementation(async (input) => {
    requested.push(
      new URL(
        typeof input === 'string' ? input : input instanceof URL ? input.href : input.url,
        location.href,
      ),
    )
    return new Response(JSON.stringify({ error: true, message: 'Resource not found' }), {
      status: 404,
      headers: { 'Content-Type': 'application/json' },
    })
  })
})
afterEach(() => {
  vi.restoreAllMocks()
  credentialStore.clear()
})

/** The request a query sends; its failure (the 404 above) is expected. */
async function requestOf(options: { queryKey: readonly unknown[] }): Promise<URL> {
  await createTestQueryClient()
    .fetchQuery(options as never)
    .catch(() => undefined)
  expect(requested).toHaveLength(1)
  return requested[0] as URL
}

/** The one segment after `prefix` in the request's path, decoded. */
function segmentAfter(url: URL, prefix: string): string {
  expect(url.pathname.startsWith(prefix)).toBe(true)
  const rest = url.pathname.slice(prefix.length)
  expect(rest).not.toContain('/')
  return decodeURIComponent(rest)
}

/** What a router hands a route: any text a URL can carry (no lone surrogates), decoded. */
const routeParam = hostileString().filter((s) => !/[\uD800-\uDFFF]/.test(s))
const runs = { numRuns: 50 }

describe('a detail page’s URL parameter in its request, fuzzed', () => {
  it('/members/:memberId: only a positive whole number is asked for, as one segment', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(routeParam, fc.nat().map(String)), async (raw) => {
        requested = []
        const id = parseMemberId(raw)
        if (id === null) return
        const url = await requestOf(memberQueries.detail(orgId, id))
        expect(segmentAfter(url, `/api/organizations/${orgId}/users/`)).toBe(String(id))
        expect(url.hash).toBe('')
      }),
      runs,
    )
  })

  it('/groups/:groupId: a valid ID is asked for as one segment', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(routeParam, fc.stringMatching(/^[0-9a-f_-]{1,64}$/)), async (raw) => {
        requested = []
        if (!isValidGroupId(raw)) return
        const url = await requestOf(groupQueries.detail(orgId, raw))
        expect(segmentAfter(url, `/api/organizations/${orgId}/groups/`)).toBe(raw)
      }),
      runs,
    )
  })

  it('/guests/:email: any address the page asks for is one segment', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(routeParam, fc.emailAddress(), fc.constantFrom('.', '..', ' .. ')),
        async (raw) => {
          requested = []
          const email = raw.trim()
          if (email === '') return // the page says not found without asking
          const url = await requestOf(guestQueries.detail(orgId, email))
          // "." and ".." go double-encoded (a URL parser resolves them, even as %2E): Tallyfy reads
          // the literal "%2E" and answers not found, never another endpoint.
          const dots = email === '.' || email === '..'
          expect(segmentAfter(url, `/api/organizations/${orgId}/guests/`)).toBe(
            dots ? email.replaceAll('.', '%2E') : email,
          )
          expect(url.search).toBe('')
        },
      ),
      runs,
    )
  })

  // Found by the fuzzing above (#24), now fixed: /guests/%2E%2E asked GET /organizations/{org}/ instead
  // of a guest, and /guests/. the guest list.
  it('/guests/.. never asks another endpoint', async () => {
    const url = await requestOf(guestQueries.detail(orgId, '..'))
    expect(url.pathname.startsWith(`/api/organizations/${orgId}/guests/`)).toBe(true)
  })
})
