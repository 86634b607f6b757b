// A view is a name for a list's URL, and saved views come back from localStorage, which anything on
// the device can write: fuzzed, a view's search is always one its list writes itself, opening it
// stays on its list, and junk in storage costs only the entries that are junk.
/* oxlint-disable vitest/no-conditional-expect, vitest/expect-expect -- a property says what holds for
   each kind of input (the conditions pick the kind), and its assertions sit inside fc.assert. */
import * as fc from 'fast-check'
import { afterEach, describe, expect, it } from 'vitest'
import { hostileQueryText, hostileSearchParams, hostileString, hostileValue } from '../test/arbitraries'
import { MAX_SAVED_VIEWS, MAX_VIEW_NAME, readSavedViews, viewsStorageKey } from './saved-views'
import { canonicalSearch, normalizeViewName, viewLists, viewNameKey, viewUrl, type ViewList } from './views'

const origin = 'https://roster.example'
const listPath: Record<ViewList, string> = { members: '/members', groups: '/groups', guests: '/guests' }
const anySearch = fc.oneof(
  hostileQueryText,
  hostileSearchParams(['q', 'sort', 'role', 'status', 'group', 'filter', 'signin', 'joined']).map((p) => {
    const text = p.toString()
    return text ? `?${text}` : ''
  }),
  hostileString(),
)

describe('views, fuzzed', () => {
  it('canonicalSearch is what the list writes: stable, and opening it stays on the list', () => {
    fc.assert(
      fc.property(fc.constantFrom(...viewLists), anySearch, (list, search) => {
        const canonical = canonicalSearch(list, search)
        expect(canonical === '' || canonical.startsWith('?')).toBe(true)
        expect(canonicalSearch(list, canonical)).toBe(canonical)
        const url = new URL(viewUrl({ list, search: canonical }), origin)
        expect(url.origin).toBe(origin)
        expect(url.pathname).toBe(listPath[list])
        expect(url.hash).toBe('')
      }),
      { numRuns: 180 },
    )
  })

  it('a view name is normalised once and for all', () => {
    fc.assert(
      fc.property(hostileString(80), (name) => {
        const normal = normalizeViewName(name)
        expect(normalizeViewName(normal)).toBe(normal)
        expect(viewNameKey(normal)).toBe(viewNameKey(name))
        expect(normal).toBe(normal.trim())
      }),
      { numRuns: 180 },
    )
  })
})

describe('readSavedViews, fuzzed storage', () => {
  afterEach(() => localStorage.clear())

  const entry = fc.oneof(
    hostileValue,
    fc.record(
      {
        list: fc.oneof(fc.constantFrom(...viewLists), hostileValue),
        name: fc.oneof(hostileString(70), hostileValue),
        search: fc.oneof(anySearch, hostileValue),
        hidden: fc.oneof(
          fc.array(fc.oneof(hostileString(12), fc.constantFrom('email', 'role', 'last_login'))),
          hostileValue,
        ),
      },
      { requiredKeys: [] },
    ),
  )
  const stored = fc.oneof(
    hostileString(),
    fc.array(entry, { maxLength: 6 }).map((entries) => JSON.stringify(entries)),
    hostileValue.map((v) => JSON.stringify(v) ?? 'undefined'),
  )

  it('reads any stored text without throwing, and keeps only views a list could have written', () => {
    let n = 0
    fc.assert(
      fc.property(stored, (raw) => {
        // A new organization each run: the reader remembers its last read per organization.
        const orgId = `org-${n++}`
        localStorage.setItem(viewsStorageKey(orgId), raw)
        const views = readSavedViews(orgId)
        expect(views.length).toBeLessThanOrEqual(MAX_SAVED_VIEWS)
        const keys = new Set<string>()
        for (const view of views) {
          expect(viewLists).toContain(view.list)
          expect(view.name).toBe(normalizeViewName(view.name))
          expect(view.name.length).toBeGreaterThan(0)
          expect(view.name.length).toBeLessThanOrEqual(MAX_VIEW_NAME)
          expect(view.search).toBe(canonicalSearch(view.list, view.search))
          for (const id of view.hidden ?? []) expect(id).toMatch(/^[a-z][a-z0-9_]{0,39}$/)
          const key = `${view.list}:${viewNameKey(view.name)}`
          expect(keys.has(key)).toBe(false)
          keys.add(key)
        }
      }),
      { numRuns: 120 },
    )
  })
})
