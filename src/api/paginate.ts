import { ApiError } from './errors'
import type { Page } from './schemas'

// Loads every page of a Tallyfy list. Tallyfy's documented page sizes disagree with what clients
// observe (9999 by default for users, yet "the server caps at 100"), so the first answer's
// meta.pagination decides how many pages there are, and the rest load in parallel with a small bound.
// Stop rules follow Tallyfy's own CLI: stop at current_page >= total_pages; without total_pages,
// follow links.next; without meta, the first page is everything.

export interface PageChunk<T> {
  /** The items of this page, in server order. */
  items: T[]
  /** 1-based page number. */
  page: number
  /** Items delivered so far, this page included. */
  loaded: number
  /** The server's total when it says one; otherwise the best guess so far (loaded). */
  total: number
  /** True on the last chunk: nothing else will come. */
  done: boolean
}

interface FetchAllPagesOptions<T> {
  fetchPage: (page: number, perPage: number, signal: AbortSignal) => Promise<Page<T>>
  /** Asked for on page 1; later pages use whatever page size the server reports it used. */
  perPage: number
  signal?: AbortSignal
  /** Pages in flight at once after the first. */
  concurrency?: number
  /** Safety net against a server that never stops. */
  maxPages?: number
}

const DEFAULT_CONCURRENCY = 4
const DEFAULT_MAX_PAGES = 500

/** Yields pages in order as they become available. Breaking out of the loop cancels what is in flight. */
export async function* iteratePages<T>(
  opts: FetchAllPagesOptions<T>,
): AsyncGenerator<PageChunk<T>, void, undefined> {
  const concurrency = Math.max(1, opts.concurrency ?? DEFAULT_CONCURRENCY)
  const maxPages = Math.max(1, opts.maxPages ?? DEFAULT_MAX_PAGES)
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
    const first = await load(1, opts.perPage)
    let loaded = first.items.length
    const p = first.pagination
    const total = () => Math.max(p?.total ?? loaded, loaded)

    if (!p) {
      yield { items: first.items, page: 1, loaded, total: loaded, done: true }
      return
    }

    const perPage = p.perPage ?? opts.perPage
    if (p.totalPages != null) {
      const lastPage = Math.min(p.totalPages, maxPages)
      const firstIsLast = (p.currentPage ?? 1) >= p.totalPages || lastPage <= 1 || first.items.length === 0
      yield { items: first.items, page: 1, loaded, total: total(), done: firstIsLast }
      if (firstIsLast) return

      const inFlight = new Map<number, Promise<Page<T>>>()
      let nextToStart = 2
      const startMore = () => {
        while (nextToStart <= lastPage && inFlight.size < concurrency) {
          const request = load(nextToStart, perPage)
          // Rejections are observed when their turn comes; this stops "unhandled rejection" noise meanwhile.
          request.catch(() => {})
          inFlight.set(nextToStart, request)
          nextToStart++
        }
      }
      for (let page = 2; page <= lastPage; page++) {
        startMore()
        const request = inFlight.get(page)
        if (!request) break
        const result = await request
        inFlight.delete(page)
        loaded += result.items.length
        // An empty page before the end means the list shrank while we read it: stop rather than ask forever.
        const done = page === lastPage || result.items.length === 0
        yield { items: result.items, page, loaded, total: total(), done }
        if (done) return
      }
      return
    }

    // No total_pages: follow links.next one page at a time, as far as it goes.
    let next = p.next
    let page = 1
    let done = !next || first.items.length === 0 || page >= maxPages
    yield { items: first.items, page, loaded, total: total(), done }
    while (!done) {
      page++
      const result = await load(page, perPage)
      loaded += result.items.length
      next = result.pagination?.next ?? null
      done = !next || result.items.length === 0 || page >= maxPages
      yield {
        items: result.items,
        page,
        loaded,
        total: Math.max(result.pagination?.total ?? 0, total()),
        done,
      }
    }
  } finally {
    opts.signal?.removeEventListener('abort', onOuterAbort)
    controller.abort()
  }
}

/** Loads every page and returns all items in order (for lists shown only once complete). */
export async function fetchAllPages<T>(opts: FetchAllPagesOptions<T>): Promise<T[]> {
  const items: T[] = []
  for await (const chunk of iteratePages(opts)) items.push(...chunk.items)
  return items
}
