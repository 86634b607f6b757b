import { queryOptions, type QueryKey } from '@tanstack/react-query'
import { ApiError, isApiError } from './errors'
import type { InvalidRecord, Page } from './wire'
import type { Pagination } from './wire'

// Loads every page of a Tallyfy list. Tallyfy's documented page sizes disagree with what clients
// observe (9999 by default for users, yet "the server caps at 100"), so the first answer's
// meta.pagination decides how many pages there are, and the rest load in parallel with a small bound.
//
// How many pages: when the server gives a total, as many as `total / per_page` needs, or more when
// total_pages says so (a server that under-reports total_pages, or sends `links: {}` while the total
// says more, still gets asked for every page the total implies). Without a total, total_pages; without
// either, links.next one page at a time. There is no fixed page limit below what a server can
// believably announce: a count that is not a safe whole number, or that means more than MAX_PAGES
// pages, and a total_pages above what the total allows, are treated as unknown (see
// `believablePagination`), so a hostile or broken meta can never plan a billion requests or freeze the
// tab; the list then follows links.next. Whether the result is complete is the caller's call (see
// `isComplete`), because only the caller knows how many distinct records arrived.

export interface PageChunk<T> {
  /** The records of this page that could be read, in server order. */
  items: T[]
  /** Records of this page that could not be read (never their values). */
  invalid: InvalidRecord[]
  /** 1-based page number. */
  page: number
  /** Items delivered so far by this iteration, this page included. */
  loaded: number
  /** The server's total when it says one; otherwise the best guess so far (loaded). */
  total: number
  /** The server's total exactly as announced (null when it gave none). */
  announcedTotal: number | null
  /** Pages the server announced (total_pages, or total / per_page when that is more); null while following links. */
  plannedPages: number | null
  /** The page size the server says it used. */
  perPage: number
  /** Page 1's pagination (to resume without asking for page 1 again). */
  pagination: Pagination | null
  /** True on the last chunk: nothing else will come. */
  done: boolean
}

export interface KnownFirstPage {
  pagination: Pagination | null
  perPage: number
}

interface IteratePagesOptions<T> {
  fetchPage: (page: number, perPage: number, signal: AbortSignal) => Promise<Page<T>>
  /** Asked for on page 1; later pages use whatever page size the server reports it used. */
  perPage: number
  signal?: AbortSignal
  /** Pages in flight at once after the first. */
  concurrency?: number
  /** To resume: page 1's pagination from an earlier run, so page 1 is not needed again… */
  known?: KnownFirstPage
  /** …and the pages that run already has (they are not asked for again). */
  skip?: (page: number) => boolean
}

// Browsers open at most six connections to one host over HTTP/1.1; five pages in flight leave one for
// whatever the person clicks meanwhile (a group, a member). At 100 per page and 40 ms a request,
// 100,000 members load in ~14 s with five, ~17 s with four (npm run bench -- --http).
export const PAGES_IN_FLIGHT = 5

/**
 * More pages than any organization Roster serves could need (100,000 pages of even 10 records is a
 * million people). An announced count beyond it is not believed, and links.next is never followed
 * further.
 */
export const MAX_PAGES = 100_000

const isCount = (n: number | null): n is number => n !== null && Number.isSafeInteger(n) && n >= 0

/** Pages `total` records fill at `perPage` a page (Laravel reports at least one, even for none). */
const pagesFor = (total: number, perPage: number) => Math.max(1, Math.ceil(total / Math.max(1, perPage)))

/**
 * What page 1's pagination can be believed about: the total, and total_pages, or null for a figure
 * that is absurd: not a safe whole number, beyond MAX_PAGES pages, or (total_pages) more pages than
 * `total / per_page` allows. An unknown figure is left out of the plan, never guessed.
 */
export function believablePagination(
  p: Pagination,
  perPage: number,
): { total: number | null; totalPages: number | null } {
  const total = isCount(p.total) && pagesFor(p.total, perPage) <= MAX_PAGES ? p.total : null
  let totalPages =
    isCount(p.totalPages) && p.totalPages >= 1 && p.totalPages <= MAX_PAGES ? p.totalPages : null
  if (totalPages !== null && total !== null && totalPages > pagesFor(total, perPage)) totalPages = null
  return { total, totalPages }
}

/** The pages a list needs, from page 1's believable figures; null when only links.next can tell. */
function plannedPageCount(
  p: { total: number | null; totalPages: number | null },
  perPage: number,
): number | null {
  if (p.total !== null) return Math.max(p.totalPages ?? 0, pagesFor(p.total, perPage))
  return p.totalPages
}

/**
 * The one completeness rule: every announced page arrived and the records counted (distinct ones
 * read plus those that could not be read) reach the server's total, or the server gave no total.
 */
export function isComplete(opts: {
  finished: boolean
  missingPages: number
  counted: number
  announcedTotal: number | null
}): boolean {
  return (
    opts.finished &&
    opts.missingPages === 0 &&
    (opts.announcedTotal == null || opts.counted >= opts.announcedTotal)
  )
}

/** Yields pages in order as they become available. Breaking out of the loop cancels what is in flight. */
export async function* iteratePages<T>(
  opts: IteratePagesOptions<T>,
): AsyncGenerator<PageChunk<T>, void, undefined> {
  const concurrency = Math.max(1, opts.concurrency ?? PAGES_IN_FLIGHT)
  const skip = opts.skip ?? (() => false)
  // Our own controller so that an error on one page, or a consumer that stops early, cancels the others.
  const controller = new AbortController()
  const onOuterAbort = () => controller.abort(opts.signal?.reason)
  if (opts.signal?.aborted) controller.abort(opts.signal.reason)
  else opts.signal?.addEventListener('abort', onOuterAbort, { once: true })
  const signal = controller.signal

  const load = async (page: number, perPage: number): Promise<Page<T>> => {
    const result = await opts.fetchPage(page, perPage, signal)
    const reported = result.pagination?.currentPage
    // A server that ignores `page` would hand back page 1 forever; better to fail loudly than to loop
    // or show duplicates as if they were the whole organization.
    if (page > 1 && reported != null && reported !== page) {
      throw new ApiError({
        kind: 'invalid-response',
        message: `Asked Tallyfy for page ${page} and got page ${reported}.`,
        details: `requested page ${page}, meta.pagination.current_page ${reported}`,
      })
    }
    return result
  }

  try {
    let p: Pagination | null
    let perPage: number
    let loaded = 0
    let firstItems: T[] | null = null
    let firstInvalid: InvalidRecord[] = []
    if (opts.known && skip(1)) {
      p = opts.known.pagination
      perPage = opts.known.perPage
    } else {
      const first = await load(1, opts.perPage)
      firstItems = first.items
      firstInvalid = first.invalid ?? []
      p = first.pagination
      // A server that caps the page size without saying so: the size of a short first page is the cap.
      const readOnFirst = first.items.length + firstInvalid.length
      perPage =
        p?.perPage != null && p.perPage >= 1
          ? p.perPage
          : p?.total != null && p.total > readOnFirst && readOnFirst > 0
            ? readOnFirst
            : opts.perPage
    }
    const believed = p ? believablePagination(p, perPage) : null
    const announcedTotal = believed?.total ?? null
    const planned = believed ? plannedPageCount(believed, perPage) : 1
    const chunk = (page: number, result: Page<T>, done: boolean): PageChunk<T> => {
      loaded += result.items.length
      return {
        items: result.items,
        invalid: result.invalid ?? [],
        page,
        loaded,
        total: Math.max(announcedTotal ?? loaded, loaded),
        announcedTotal,
        plannedPages: planned,
        perPage,
        pagination: p,
        done,
      }
    }
    const isEmpty = (result: Page<T>) => result.items.length === 0 && (result.invalid?.length ?? 0) === 0

    if (planned != null) {
      // The pages still wanted are found one at a time (never a list of every planned page), so what
      // a resume skips costs a Set lookup each and nothing is allocated per announced page.
      let cursor = 1
      let peeked: number | null | undefined
      const peekWanted = (): number | null => {
        if (peeked === undefined) {
          peeked = null
          while (cursor < planned) {
            cursor++
            if (!skip(cursor)) {
              peeked = cursor
              break
            }
          }
        }
        return peeked
      }
      const takeWanted = (): number | null => {
        const page = peekWanted()
        peeked = undefined
        return page
      }

      if (firstItems) {
        const firstIsLast = peekWanted() === null || (firstItems.length === 0 && firstInvalid.length === 0)
        yield chunk(1, { items: firstItems, invalid: firstInvalid, pagination: p }, firstIsLast)
        if (firstIsLast) return
      } else if (peekWanted() === null) {
        return
      }

      // Requests in flight, oldest first: pages are handed on in order as they become available.
      const inFlight: Array<{ page: number; request: Promise<Page<T>> }> = []
      for (;;) {
        while (inFlight.length < concurrency && peekWanted() !== null) {
          const page = takeWanted() as number
          const request = load(page, perPage)
          // Rejections are observed when their turn comes; this stops "unhandled rejection" noise meanwhile.
          request.catch(() => {})
          inFlight.push({ page, request })
        }
        const next = inFlight.shift()
        if (!next) return
        const result = await next.request
        // An empty page before the end means the list shrank while we read it: stop rather than ask
        // forever (the caller's count then says whether anything is missing).
        const done = (inFlight.length === 0 && peekWanted() === null) || isEmpty(result)
        yield chunk(next.page, result, done)
        if (done) return
      }
    }

    // No believable total or total_pages: follow links.next one page at a time, as far as it goes,
    // and never past MAX_PAGES (a server whose next link never ends would otherwise be read forever).
    let page = 1
    let next = p?.next ?? null
    if (firstItems) {
      const done = !next || isEmpty({ items: firstItems, invalid: firstInvalid, pagination: p })
      yield chunk(1, { items: firstItems, invalid: firstInvalid, pagination: p }, done)
      if (done) return
    }
    for (;;) {
      page++
      if (page > MAX_PAGES) {
        throw new ApiError({
          kind: 'invalid-response',
          message: `Tallyfy still announced a next page after ${MAX_PAGES.toLocaleString('en')} pages.`,
          details: `links.next after page ${MAX_PAGES}`,
        })
      }
      if (skip(page)) continue
      const result = await load(page, perPage)
      next = result.pagination?.next ?? null
      const done = !next || isEmpty(result)
      yield chunk(page, result, done)
      if (done) return
    }
  } finally {
    opts.signal?.removeEventListener('abort', onOuterAbort)
    controller.abort()
  }
}

export interface AllPages<T> {
  items: T[]
  invalid: InvalidRecord[]
  complete: boolean
  /** The server's total, or at least what arrived. */
  total: number
  /** The server's total when it gave a believable one; null otherwise. */
  announcedTotal: number | null
  /** Records read: the distinct items plus those that could not be read. */
  loaded: number
  /** Why the load stopped part-way (only with `keepWhatArrived`); null when every page answered. */
  error: unknown
}

/**
 * Loads every page and returns the distinct items in order (for lists shown only once complete),
 * with the records that could not be read and whether the list is complete. A record that moved
 * between pages while they were read comes back once: the first copy wins.
 *
 * With `keepWhatArrived`, a page after the first that fails ends the load with what arrived
 * (`complete: false` and the `error`), so the list shows "12 of 30" with Retry rather than nothing;
 * a failed first page, and the caller's abort, still reject.
 */
export async function loadAllPages<T>(
  opts: IteratePagesOptions<T> & { getId?: (item: T) => string | number; keepWhatArrived?: boolean },
): Promise<AllPages<T>> {
  const items: T[] = []
  const invalid: InvalidRecord[] = []
  const seen = new Set<string | number>()
  let last: PageChunk<T> | null = null
  let error: unknown = null
  try {
    for await (const chunk of iteratePages(opts)) {
      for (const item of chunk.items) {
        if (opts.getId) {
          const id = opts.getId(item)
          if (seen.has(id)) continue
          seen.add(id)
        }
        items.push(item)
      }
      for (const record of chunk.invalid) invalid.push({ ...record, page: chunk.page })
      last = chunk
    }
  } catch (failure) {
    const aborted = opts.signal?.aborted || (isApiError(failure) && failure.kind === 'aborted')
    if (!opts.keepWhatArrived || last === null || aborted) throw failure
    error = failure
  }
  const announcedTotal = last?.announcedTotal ?? null
  const loaded = items.length + invalid.length
  const complete =
    error === null && isComplete({ finished: true, missingPages: 0, counted: loaded, announcedTotal })
  return {
    items,
    invalid,
    complete,
    total: Math.max(announcedTotal ?? 0, items.length),
    announcedTotal,
    loaded,
    error,
  }
}

/**
 * A value a list's load writes beside the list (the records it could not read, whether it came
 * whole), so the list itself stays a plain array every cache patch understands. Never fetched alone:
 * it holds `empty` until the list has loaded once, and lives as long as the list may.
 */
export function besideList<T, const K extends QueryKey>(queryKey: K, empty: T) {
  // oxlint-disable-next-line @tanstack/query/exhaustive-deps -- `empty` is what to show before the list has loaded, not an input of what is read
  return queryOptions({
    queryKey,
    queryFn: ({ client }): T => client.getQueryData<T>(queryKey) ?? empty,
    staleTime: Infinity,
    // Kept as long as the list it belongs to may be (pages other than the list's own observe it and
    // keep it cached); sign-out and an organization change clear it with the rest.
    gcTime: Infinity,
  })
}
