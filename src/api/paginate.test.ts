import { http, HttpResponse } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { apiGet } from './client'
import { credentialStore } from './credentials'
import { ApiError } from './errors'
import { iteratePages, loadAllPages, MAX_PAGES, PAGES_IN_FLIGHT, type PageChunk } from './paginate'
import { parseMemberPage } from './members/schema'
import type { Page } from './wire'
import type { Pagination } from './wire'

const server = setupServer()
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterAll(() => server.close())
beforeEach(() => credentialStore.set({ orgId: 'org1', token: 't', demo: false }, { remember: false }))
afterEach(() => server.resetHandlers())

function deferred() {
  let resolve!: () => void
  const promise = new Promise<void>((r) => {
    resolve = r
  })
  return { promise, resolve }
}

/**
 * A members endpoint that clamps per_page like the servers some clients report. Pages for which
 * `hold(page)` gives a promise answer once it resolves (the test decides the order, no timer does).
 */
function usersEndpoint(opts: {
  total: number
  cap: number
  hold?: (page: number) => Promise<void> | undefined
}) {
  const seen: Array<{ page: number; perPage: number }> = []
  let inFlight = 0
  let maxInFlight = 0
  server.use(
    http.get('*/api/organizations/org1/users', async ({ request }) => {
      const url = new URL(request.url)
      const page = Number(url.searchParams.get('page') ?? '1')
      const perPage = Math.min(Number(url.searchParams.get('per_page') ?? '9999'), opts.cap)
      seen.push({ page, perPage })
      inFlight++
      maxInFlight = Math.max(maxInFlight, inFlight)
      await opts.hold?.(page)
      inFlight--
      const start = (page - 1) * perPage
      const ids = Array.from(
        { length: Math.max(0, Math.min(perPage, opts.total - start)) },
        (_, i) => start + i + 1,
      )
      return HttpResponse.json({
        data: ids.map((id) => ({ id, email: `m${id}@example.com`, role: 'standard', status: 'active' })),
        meta: {
          pagination: {
            total: opts.total,
            count: ids.length,
            per_page: perPage,
            current_page: page,
            total_pages: Math.ceil(opts.total / perPage),
            links: [],
          },
        },
      })
    }),
  )
  return { seen, inFlight: () => inFlight, maxInFlight: () => maxInFlight }
}

/** The distinct items loadAllPages returns, in order. */
async function itemsOf<T>(opts: Parameters<typeof loadAllPages<T>>[0]): Promise<T[]> {
  return (await loadAllPages(opts)).items
}

/** Every chunk iteratePages yields, in order. */
async function chunksOf<T>(opts: Parameters<typeof iteratePages<T>>[0]): Promise<PageChunk<T>[]> {
  const chunks: PageChunk<T>[] = []
  for await (const chunk of iteratePages(opts)) chunks.push(chunk)
  return chunks
}

const fetchUsers = (page: number, perPage: number, signal: AbortSignal) =>
  apiGet('/organizations/org1/users', parseMemberPage, { signal, query: { page, per_page: perPage } })

describe('iteratePages against a capping server', () => {
  it('gets all 250 members in order when the server caps per_page at 100, reporting progress per page', async () => {
    // Page 2 answers only after page 3 has been answered and read.
    const page3Answered = deferred()
    const api = usersEndpoint({
      total: 250,
      cap: 100,
      hold: (page) => (page === 2 ? page3Answered.promise : undefined),
    })
    const answered: number[] = []
    const delivered = await chunksOf({
      perPage: 1000,
      fetchPage: async (page, perPage, signal) => {
        const result = await fetchUsers(page, perPage, signal)
        answered.push(page)
        if (page === 3) page3Answered.resolve()
        return result
      },
    })
    const chunks = delivered.map(({ page, loaded, total, done, items: pageItems }) => ({
      page,
      loaded,
      total,
      done,
      count: pageItems.length,
    }))
    const items = delivered.flatMap((c) => c.items)
    expect(items.map((m) => m.id)).toEqual(Array.from({ length: 250 }, (_, i) => i + 1))
    expect(delivered.at(-1)?.total).toBe(250)
    expect(api.seen[0]).toEqual({ page: 1, perPage: 100 })
    expect(api.seen).toHaveLength(3)
    expect(api.seen.slice(1)).toEqual(
      expect.arrayContaining([
        { page: 2, perPage: 100 },
        { page: 3, perPage: 100 },
      ]),
    )
    // Page 3 answered before page 2, yet pages are delivered in order.
    expect(answered).toEqual([1, 3, 2])
    expect(chunks).toEqual([
      { page: 1, count: 100, loaded: 100, total: 250, done: false },
      { page: 2, count: 100, loaded: 200, total: 250, done: false },
      { page: 3, count: 50, loaded: 250, total: 250, done: true },
    ])
  })

  it('keeps PAGES_IN_FLIGHT pages in flight, never more, and still delivers in order', async () => {
    // Every page after the first waits until the test answers it. Each round waits for a full window
    // of requests, then answers them newest first, so pages always come back out of order.
    const held = new Map<number, () => void>()
    const api = usersEndpoint({
      total: 200,
      cap: 10,
      hold: (page) => {
        if (page === 1) return undefined
        const answer = deferred()
        held.set(page, answer.resolve)
        return answer.promise
      },
    })
    const answered: number[] = []
    const loading = chunksOf({ perPage: 1000, fetchPage: fetchUsers })
    while (answered.length < 19) {
      const window = Math.min(PAGES_IN_FLIGHT, 19 - answered.length)
      await vi.waitFor(() => expect(held.size).toBeGreaterThanOrEqual(window))
      expect(api.inFlight()).toBe(window)
      while (held.size > 0) {
        const newest = Math.max(...held.keys())
        held.get(newest)?.()
        held.delete(newest)
        answered.push(newest)
      }
    }
    const delivered = await loading
    const order = delivered.map((chunk) => chunk.page)
    const items = delivered.flatMap((chunk) => chunk.items)
    expect(items).toHaveLength(200)
    expect(items.map((m) => m.id)).toEqual(Array.from({ length: 200 }, (_, i) => i + 1))
    expect(answered.slice(0, PAGES_IN_FLIGHT)).toEqual([6, 5, 4, 3, 2])
    expect(order).toEqual(Array.from({ length: 20 }, (_, i) => i + 1))
    expect(api.maxInFlight()).toBe(PAGES_IN_FLIGHT)
  })
})

/** total_pages absent: only links decide whether there is a next page. */
function linksEndpoint(linksForPage: (page: number) => unknown, withTotal = true) {
  const asked: number[] = []
  server.use(
    http.get('*/api/organizations/org1/users', ({ request }) => {
      const page = Number(new URL(request.url).searchParams.get('page'))
      asked.push(page)
      const links = linksForPage(page)
      const meta: Record<string, unknown> = { per_page: 2, current_page: page }
      if (withTotal) meta.total = 4
      if (links !== undefined) meta.links = links
      return HttpResponse.json({ data: [{ id: page * 2 - 1 }, { id: page * 2 }], meta: { pagination: meta } })
    }),
  )
  return asked
}

describe('links shapes on the wire (no total_pages)', () => {
  it.each([
    ['[]', []],
    ['{}', {}],
    ['{next: null}', { next: null, previous: null }],
    ['absent', undefined],
  ])('links %s without a total means no next page', async (_label, links) => {
    const asked = linksEndpoint(() => links, false)
    const items = await itemsOf({ perPage: 2, fetchPage: fetchUsers })
    expect(asked).toEqual([1])
    expect(items.map((m) => m.id)).toEqual([1, 2])
  })

  it.each([
    ['[]', []],
    ['{}', {}],
    ['absent', undefined],
  ])('links %s while meta.pagination.total says there are more: the total wins', async (_label, links) => {
    const asked = linksEndpoint(() => links)
    const items = await itemsOf({ perPage: 2, fetchPage: fetchUsers })
    expect(asked).toEqual([1, 2])
    expect(items.map((m) => m.id)).toEqual([1, 2, 3, 4])
  })

  it('links.next is followed until it is [] on the last page', async () => {
    const asked = linksEndpoint((page) => (page === 1 ? { next: '/users?page=2' } : []))
    const items = await itemsOf({ perPage: 2, fetchPage: fetchUsers })
    expect(asked).toEqual([1, 2])
    expect(items.map((m) => m.id)).toEqual([1, 2, 3, 4])
  })
})

// Pure fakes for the shapes the stop rules depend on.
function pagination(p: Partial<Pagination>): Pagination {
  return { total: null, count: null, perPage: null, currentPage: null, totalPages: null, next: null, ...p }
}
const range = (from: number, n: number) => Array.from({ length: n }, (_, i) => from + i)

describe('stop rules', () => {
  it('no meta at all: one page is everything', async () => {
    const asked: number[] = []
    const fetchPage = async (page: number) => {
      asked.push(page)
      return { items: range(1, 3), pagination: null }
    }
    const chunks = await chunksOf<number>({ perPage: 1000, fetchPage })
    const items = await itemsOf<number>({ perPage: 1000, fetchPage })
    expect(items).toEqual([1, 2, 3])
    expect(chunks.at(-1)?.total).toBe(3)
    expect(asked).toEqual([1, 1])
    expect(chunks).toEqual([
      expect.objectContaining({
        items: [1, 2, 3],
        page: 1,
        loaded: 3,
        total: 3,
        done: true,
        plannedPages: 1,
      }),
    ])
  })

  it('current_page >= total_pages on page 1 stops', async () => {
    const asked: number[] = []
    await itemsOf<number>({
      perPage: 100,
      fetchPage: async (page) => {
        asked.push(page)
        return { items: [1], pagination: pagination({ total: 1, currentPage: 1, totalPages: 1 }) }
      },
    })
    expect(asked).toEqual([1])
  })

  it('without total_pages, follows links.next one page at a time until it is empty', async () => {
    const events: string[] = []
    const items = await itemsOf<number>({
      perPage: 2,
      fetchPage: (page) => {
        events.push(`ask ${page}`)
        return Promise.resolve().then(() => {
          events.push(`answer ${page}`)
          return {
            items: range(page * 10, 2),
            pagination: pagination({
              currentPage: page,
              next: page < 3 ? `https://x/users?page=${page + 1}` : null,
            }),
          }
        })
      },
    })
    // Each page is asked for only once the one before has answered.
    expect(events).toEqual(['ask 1', 'answer 1', 'ask 2', 'answer 2', 'ask 3', 'answer 3'])
    expect(items).toEqual([10, 11, 20, 21, 30, 31])
  })

  it('without total_pages or a next link, page 1 is everything', async () => {
    const asked: number[] = []
    await itemsOf<number>({
      perPage: 2,
      fetchPage: async (page) => {
        asked.push(page)
        return { items: [1, 2], pagination: pagination({ total: 2, perPage: 2 }) }
      },
    })
    expect(asked).toEqual([1])
  })

  it('an empty page before total_pages ends the list instead of asking forever', async () => {
    const chunks = await chunksOf<number>({
      perPage: 2,
      concurrency: 1,
      fetchPage: async (page) => ({
        items: page === 1 ? [1, 2] : [],
        pagination: pagination({ total: 10, perPage: 2, currentPage: page, totalPages: 5 }),
      }),
    })
    const items = chunks.flatMap((c) => c.items)
    expect(items).toEqual([1, 2])
    expect(chunks.at(-1)?.done).toBe(true)
  })

  it('no fixed page limit: a next link that never ends stops where total / per_page says', async () => {
    const asked: number[] = []
    await itemsOf<number>({
      perPage: 1,
      fetchPage: async (page) => {
        asked.push(page)
        return {
          items: [page],
          pagination: pagination({
            total: 5,
            perPage: 1,
            currentPage: page,
            next: 'https://x/users?page=again',
          }),
        }
      },
    })
    expect(asked).toEqual([1, 2, 3, 4, 5])
  })

  it('1,001 pages: every one is asked for (the old 500-page cap is gone)', async () => {
    const items = await itemsOf<number>({
      perPage: 100,
      fetchPage: async (page) => ({
        items: Array.from({ length: page === 1001 ? 50 : 100 }, (_, i) => (page - 1) * 100 + i),
        pagination: pagination({ total: 100_050, perPage: 100, currentPage: page, totalPages: 1001 }),
      }),
    })
    expect(items).toHaveLength(100_050)
  })

  it('a server that under-reports total_pages is asked for every page its total implies', async () => {
    const asked: number[] = []
    const all = await loadAllPages<number>({
      perPage: 100,
      fetchPage: async (page) => {
        asked.push(page)
        return {
          items: Array.from({ length: page < 3 ? 100 : 50 }, (_, i) => (page - 1) * 100 + i),
          pagination: pagination({ total: 250, perPage: 100, currentPage: page, totalPages: 1 }),
        }
      },
    })
    expect(asked).toEqual([1, 2, 3])
    expect(all).toMatchObject({ complete: true, total: 250 })
  })

  it('links: {} while the total says there are more keeps going', async () => {
    const all = await loadAllPages<number>({
      perPage: 2,
      fetchPage: async (page) => ({
        items: page <= 3 ? [page * 10, page * 10 + 1] : [],
        pagination: pagination({ total: 6, perPage: 2, currentPage: page, next: null }),
      }),
    })
    expect(all.items).toEqual([10, 11, 20, 21, 30, 31])
    expect(all.complete).toBe(true)
  })

  it('fewer records than announced is incomplete, never silently whole', async () => {
    const all = await loadAllPages<number>({
      perPage: 2,
      fetchPage: async (page) => ({
        items: page === 1 ? [1, 2] : [],
        pagination: pagination({ total: 10, perPage: 2, currentPage: page, totalPages: 5 }),
      }),
    })
    expect(all).toMatchObject({ items: [1, 2], complete: false, total: 10 })
  })

  it('de-duplicates by ID when asked (a record that shifted between pages appears once)', async () => {
    const items = await itemsOf<{ id: string }>({
      perPage: 2,
      getId: (g) => g.id,
      fetchPage: async (page) => ({
        items: page === 1 ? [{ id: 'a' }, { id: 'b' }] : [{ id: 'b' }, { id: 'c' }],
        pagination: pagination({ total: 4, perPage: 2, currentPage: page, totalPages: 2 }),
      }),
    })
    expect(items.map((g) => g.id)).toEqual(['a', 'b', 'c'])
  })

  it('a server that ignores `page` (returns page 1 again) is an invalid response, not a loop', async () => {
    const error = await itemsOf<number>({
      perPage: 1,
      fetchPage: async () => ({ items: [1], pagination: pagination({ currentPage: 1, totalPages: 3 }) }),
    }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ApiError)
    expect((error as ApiError).kind).toBe('invalid-response')
  })

  it('a failing page fails the whole load and cancels the pages still in flight', async () => {
    const asked: number[] = []
    const aborted: number[] = []
    const page2 = deferred()
    const lastInFirstWindow = 1 + PAGES_IN_FLIGHT
    const fetchPage = (page: number, _perPage: number, signal: AbortSignal): Promise<Page<number>> =>
      new Promise((resolve, reject) => {
        asked.push(page)
        if (page === 1) {
          const totalPages = lastInFirstWindow + 3
          resolve({ items: [1], pagination: pagination({ currentPage: 1, totalPages }) })
          return
        }
        if (page === 2) {
          void page2.promise.then(() => reject(new ApiError({ kind: 'http', status: 500, message: 'boom' })))
          return
        }
        signal.addEventListener('abort', () => {
          aborted.push(page)
          reject(new ApiError({ kind: 'aborted', message: 'aborted' }))
        })
        // Page 2 fails once every page of the first window is in flight.
        if (page === lastInFirstWindow) page2.resolve()
      })
    const error = await itemsOf({ perPage: 1, fetchPage }).catch((e: unknown) => e)
    expect((error as ApiError).status).toBe(500)
    // Pages 2 to 1 + PAGES_IN_FLIGHT were in flight; all but the failing page 2 are cancelled, and
    // the pages after them are never asked for.
    expect(new Set(aborted)).toEqual(new Set(Array.from({ length: PAGES_IN_FLIGHT - 1 }, (_, i) => i + 3)))
    expect(Math.max(...asked)).toBe(lastInFirstWindow)
  })

  it('honours the caller’s AbortSignal', async () => {
    const controller = new AbortController()
    const asked: number[] = []
    const result = itemsOf<number>({
      perPage: 1,
      signal: controller.signal,
      fetchPage: (page, _perPage, signal) => {
        asked.push(page)
        if (page === 1)
          return Promise.resolve({ items: [1], pagination: pagination({ currentPage: 1, totalPages: 50 }) })
        return new Promise((_resolve, reject) =>
          signal.addEventListener('abort', () =>
            reject(new ApiError({ kind: 'aborted', message: 'aborted' })),
          ),
        )
      },
    })
    await vi.waitFor(() => expect(asked).toHaveLength(PAGES_IN_FLIGHT + 1))
    controller.abort()
    const error = await result.catch((e: unknown) => e)
    expect((error as ApiError).kind).toBe('aborted')
    expect(asked).toEqual(Array.from({ length: PAGES_IN_FLIGHT + 1 }, (_, i) => i + 1))
  })
})

/**
 * Six members, two a page, with links.next on pages 1 and 2, and whatever meta.pagination figures
 * the test announces (in JSON, as a hostile or broken server would send them).
 */
function hostileEndpoint(announce: Record<string, unknown>) {
  const asked: number[] = []
  server.use(
    http.get('*/api/organizations/org1/users', ({ request }) => {
      const page = Number(new URL(request.url).searchParams.get('page'))
      asked.push(page)
      const ids = page <= 3 ? [page * 2 - 1, page * 2] : []
      return HttpResponse.json({
        data: ids.map((id) => ({ id, email: `m${id}@example.com`, role: 'standard', status: 'active' })),
        meta: {
          pagination: {
            per_page: 2,
            current_page: page,
            links: page < 3 ? { next: `https://x/users?page=${page + 1}` } : [],
            ...announce,
          },
        },
      })
    }),
  )
  return asked
}

describe('hostile meta.pagination', () => {
  it('total_pages 10^9 with a total of 5: the total decides, one request, nothing allocated per page', async () => {
    const asked = hostileEndpoint({ total: 5, total_pages: 1e9, per_page: 100 })
    const all = await loadAllPages({ perPage: 100, fetchPage: fetchUsers })
    // total_pages says more pages than 5 records at 100 a page allow: unknown, so the total plans.
    expect(asked).toEqual([1])
    expect(all).toMatchObject({ total: 5, complete: false })
  })

  it('more pages than total / per_page allows (but few): total_pages is not believed', async () => {
    const asked = hostileEndpoint({ total: 6, total_pages: 200_000 })
    const all = await loadAllPages({ perPage: 2, fetchPage: fetchUsers })
    expect(asked).toEqual([1, 2, 3])
    expect(all.items.map((m) => m.id)).toEqual([1, 2, 3, 4, 5, 6])
    expect(all).toMatchObject({ total: 6, complete: true })
  })

  it.each([
    ['1e308', 1e308],
    ['2^53 + 1', 2 ** 53 + 1],
    ['a negative number', -6],
    ['a fraction', 6.5],
    ['"NaN"', 'NaN'],
    ['"Infinity"', 'Infinity'],
    ['"1e308"', '1e308'],
    ['"12abc"', '12abc'],
    ['a numeric string beyond 2^53', '90071992547409930'],
    ['an object', { value: 6 }],
  ])(
    'total and total_pages of %s are unknown: the list follows links.next, the page is not refused',
    async (_label, value) => {
      const asked = hostileEndpoint({ total: value, total_pages: value })
      const chunks = await chunksOf({ perPage: 2, fetchPage: fetchUsers })
      expect(asked).toEqual([1, 2, 3])
      expect(chunks.flatMap((c) => c.items).map((m) => m.id)).toEqual([1, 2, 3, 4, 5, 6])
      expect(chunks.map((c) => c.plannedPages)).toEqual([null, null, null])
      expect(chunks.at(-1)).toMatchObject({ announcedTotal: null, total: 6, done: true })
    },
  )

  it('a total beyond 100,000 pages (10^9 members at 2 a page) is unknown: links.next decides', async () => {
    const asked = hostileEndpoint({ total: 1e9, total_pages: 5e8 })
    const all = await loadAllPages({ perPage: 2, fetchPage: fetchUsers })
    expect(asked).toEqual([1, 2, 3])
    // What arrived is all there is to count; no absurd "6 of 1,000,000,000".
    expect(all).toMatchObject({ total: 6, complete: true })
  })

  it('a believable total_pages beside an absurd total still plans the pages', async () => {
    const asked = hostileEndpoint({ total: 1e308, total_pages: 3, links: [] })
    const all = await loadAllPages({ perPage: 2, fetchPage: fetchUsers })
    expect(asked).toEqual([1, 2, 3])
    expect(all.items).toHaveLength(6)
  })

  it('per_page of 0 or junk is unknown: a short first page below the total is taken as the cap', async () => {
    const asked = hostileEndpoint({ total: 6, total_pages: 3, per_page: 0, links: [] })
    const chunks = await chunksOf({ perPage: 1000, fetchPage: fetchUsers })
    expect(asked).toEqual([1, 2, 3])
    expect(chunks.at(-1)).toMatchObject({ perPage: 2, total: 6, done: true })
  })

  it('a next link that never ends is followed no further than MAX_PAGES, then fails as unreadable', async () => {
    let asked = 0
    const error = await loadAllPages<number>({
      perPage: 1,
      fetchPage: async (page) => {
        asked++
        return { items: [page], pagination: pagination({ next: 'https://x/users?page=again' }) }
      },
    }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ApiError)
    expect((error as ApiError).kind).toBe('invalid-response')
    expect(asked).toBe(MAX_PAGES)
  })
})

/** Pages answer until `lastGood`, then fail with a 500. */
const failingAfter = (lastGood: number) => async (page: number) => {
  if (page > lastGood) throw new ApiError({ kind: 'http', status: 500, message: 'boom' })
  return { items: [page * 10, page * 10 + 1], pagination: pagination({ total: 10, perPage: 2 }) }
}

describe('loadAllPages with keepWhatArrived', () => {
  it('a page after the first that fails ends the load with what arrived, incomplete, and why', async () => {
    const all = await loadAllPages<number>({
      perPage: 2,
      concurrency: 1,
      keepWhatArrived: true,
      fetchPage: failingAfter(2),
    })
    expect(all).toMatchObject({
      items: [10, 11, 20, 21],
      complete: false,
      total: 10,
      announcedTotal: 10,
      loaded: 4,
    })
    expect((all.error as ApiError).status).toBe(500)
  })

  it('without it, the same failure rejects (as before)', async () => {
    const error = await loadAllPages<number>({
      perPage: 2,
      concurrency: 1,
      fetchPage: failingAfter(2),
    }).catch((e: unknown) => e)
    expect((error as ApiError).status).toBe(500)
  })

  it('a failed first page still rejects: there is nothing to show', async () => {
    const error = await loadAllPages<number>({
      perPage: 2,
      keepWhatArrived: true,
      fetchPage: failingAfter(0),
    }).catch((e: unknown) => e)
    expect((error as ApiError).status).toBe(500)
  })

  it('the caller’s abort still rejects, whatever had arrived', async () => {
    const controller = new AbortController()
    const error = await loadAllPages<number>({
      perPage: 2,
      concurrency: 1,
      keepWhatArrived: true,
      signal: controller.signal,
      fetchPage: async (page) => {
        if (page === 2) {
          controller.abort()
          throw new ApiError({ kind: 'aborted', message: 'aborted' })
        }
        return { items: [page], pagination: pagination({ total: 10, perPage: 2 }) }
      },
    }).catch((e: unknown) => e)
    expect((error as ApiError).kind).toBe('aborted')
  })
})
