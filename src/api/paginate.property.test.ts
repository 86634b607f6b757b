// Pagination as any server may announce it, fuzzed through the wire parser: what Roster believes of
// a page's meta is a sane count or nothing, so a hostile meta can never plan more than MAX_PAGES
// requests, and a list whose announced figures are absurd follows links.next and still ends.
/* oxlint-disable vitest/no-conditional-expect, vitest/expect-expect -- a property says what holds for
   each kind of input (the conditions pick the kind), and its assertions sit inside fc.assert. */
import * as fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { hostileNumber, hostileValue } from '../test/arbitraries'
import { parseMemberPage } from './members/schema'
import { believablePagination, loadAllPages, MAX_PAGES } from './paginate'
import type { Page } from './wire'

const count = fc.oneof(
  hostileNumber,
  hostileValue,
  fc.nat().map(String),
  fc.constantFrom('1e308', '9'.repeat(30), '-5'),
)
const meta = fc.record(
  { total: count, count, per_page: count, current_page: count, total_pages: count, links: hostileValue },
  { requiredKeys: [] },
)

describe('pagination, fuzzed', () => {
  it('believes only whole counts within MAX_PAGES pages, and total_pages no larger than the total allows', () => {
    fc.assert(
      fc.property(meta, fc.integer({ min: 1, max: 10_000 }), (pagination, perPage) => {
        const page = parseMemberPage({ data: [], meta: { pagination } })
        if (!page.pagination) return
        const { total, totalPages } = believablePagination(page.pagination, perPage)
        if (total !== null) {
          expect(Number.isSafeInteger(total) && total >= 0).toBe(true)
          expect(Math.ceil(total / perPage)).toBeLessThanOrEqual(MAX_PAGES)
        }
        if (totalPages !== null) {
          expect(Number.isSafeInteger(totalPages)).toBe(true)
          expect(totalPages).toBeGreaterThanOrEqual(1)
          expect(totalPages).toBeLessThanOrEqual(MAX_PAGES)
          if (total !== null) expect(totalPages).toBeLessThanOrEqual(Math.max(1, Math.ceil(total / perPage)))
        }
      }),
      { numRuns: 180 },
    )
  })

  it('a list that announces absurd figures ends, asking for no page the server did not offer', async () => {
    const absurd = fc.constantFrom(Number.NaN, Infinity, -1, 1e308, 2 ** 60, '9'.repeat(30), 'NaN', null)
    await fc.assert(
      fc.asyncProperty(absurd, absurd, fc.integer({ min: 1, max: 4 }), async (total, totalPages, served) => {
        const asked: number[] = []
        const fetchPage = async (page: number): Promise<Page<number>> => {
          asked.push(page)
          const next = page < served ? `https://api.example/x?page=${page + 1}` : null
          return parseNumbers({
            data: page <= served ? [page] : [],
            meta: {
              pagination: { total, total_pages: totalPages, per_page: 1, links: next ? { next } : [] },
            },
          })
        }
        const result = await loadAllPages({ fetchPage, perPage: 1 })
        expect(result.items).toEqual(Array.from({ length: served }, (_, i) => i + 1))
        expect(Math.max(...asked)).toBeLessThanOrEqual(served + 1)
      }),
      { numRuns: 50 },
    )
  })
})

/** A page of plain numbers with the meta as the wire parser reads it. */
function parseNumbers(json: { data: number[]; meta: unknown }): Page<number> {
  const { pagination } = parseMemberPage({ data: [], meta: json.meta })
  return { items: json.data, pagination, invalid: [] }
}
