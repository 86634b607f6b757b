import { QueryClient, QueryObserver } from '@tanstack/react-query'
import { describe, expect, it, vi } from 'vitest'
import { ApiError } from '../errors'
import { PAGES_IN_FLIGHT } from '../paginate'
import { DirectoryLoader, journalMemberRemoval } from './directory-loader'
import { parseMemberPage } from './schema'
import { makeMember } from '../../test/member-factory'
import type { MemberDirectory } from '../types'

const KEY = ['org', 'org1', 'members', 'directory'] as const

interface FakeServer {
  /** Members the organization really has. */
  total: number
  /** The page size the server uses whatever is asked (Tallyfy's reported cap). */
  perPage?: number
  /** Overrides of what meta.pagination announces. */
  announce?: (page: number) => Record<string, unknown>
  /** Pages after this one come back empty. */
  stopAfterPage?: number
  /** Replaces one record's JSON. */
  record?: (id: number, page: number) => unknown
  /** Throw for this page (once, or always). */
  fail?: (page: number, attempt: number) => boolean
  /** Pages for which this gives a promise answer once it resolves (the test decides when). */
  hold?: (page: number) => Promise<void> | undefined
}

function deferred() {
  let resolve!: () => void
  const promise = new Promise<void>((r) => {
    resolve = r
  })
  return { promise, resolve }
}

function fakeServer(opts: FakeServer) {
  const perPage = opts.perPage ?? 100
  const asked: number[] = []
  const attempts = new Map<number, number>()
  const fetchPage = async (page: number, _perPage: number, signal: AbortSignal) => {
    asked.push(page)
    const attempt = (attempts.get(page) ?? 0) + 1
    attempts.set(page, attempt)
    await (opts.hold?.(page) ?? Promise.resolve())
    if (signal.aborted) throw new ApiError({ kind: 'aborted', message: 'cancelled' })
    if (opts.fail?.(page, attempt)) {
      throw new ApiError({ kind: 'http', status: 500, message: 'Tallyfy had a problem.' })
    }
    const start = (page - 1) * perPage
    const count =
      opts.stopAfterPage != null && page > opts.stopAfterPage
        ? 0
        : Math.max(0, Math.min(perPage, opts.total - start))
    const meta = {
      total: opts.total,
      count,
      per_page: perPage,
      current_page: page,
      total_pages: Math.ceil(opts.total / perPage),
      links: [],
      ...opts.announce?.(page),
    }
    const ids = Array.from({ length: count }, (_, i) => start + i + 1)
    if (!opts.record) {
      // Already-read members (the wire schemas have their own tests); keeps 100,000 members quick.
      const pagination = parseMemberPage({ data: [], meta: { pagination: meta } }).pagination
      return { items: ids.map((id) => makeMember({ id, fullName: `M${id}` })), pagination }
    }
    const data = ids.map(
      (id) =>
        opts.record?.(id, page) ?? {
          id,
          email: `m${id}@example.com`,
          first_name: `M${id}`,
          role: 'standard',
          status: 'active',
        },
    )
    return parseMemberPage({
      data,
      meta: {
        pagination: {
          total: opts.total,
          count,
          per_page: perPage,
          current_page: page,
          total_pages: Math.ceil(opts.total / perPage),
          links: [],
          ...opts.announce?.(page),
        },
      },
    })
  }
  return { fetchPage, asked }
}

function setup(
  server: ReturnType<typeof fakeServer>,
  extra: { flushMs?: number; afterFirstPage?: () => Promise<void> } = {},
) {
  const client = new QueryClient()
  const loader = new DirectoryLoader({
    client,
    queryKey: KEY,
    perPage: 1000,
    fetchPage: server.fetchPage,
    ...extra,
  })
  const read = () => client.getQueryData<MemberDirectory>(KEY)
  return { client, loader, read }
}

describe('DirectoryLoader: complete only when it is', () => {
  it('a server that under-reports total_pages is still asked for every page its total implies', async () => {
    const server = fakeServer({ total: 250, announce: () => ({ total_pages: 1 }) })
    const { loader, read } = setup(server)
    await loader.load()
    expect(server.asked).toHaveLength(3)
    expect(new Set(server.asked)).toEqual(new Set([1, 2, 3]))
    expect(read()).toMatchObject({ total: 250, complete: true, loading: false })
    expect(read()?.members).toHaveLength(250)
  })

  it('links: {} while meta.pagination.total says there are more: keeps going', async () => {
    const server = fakeServer({ total: 250, announce: () => ({ total_pages: undefined, links: {} }) })
    const { loader, read } = setup(server)
    await loader.load()
    expect(read()?.members).toHaveLength(250)
    expect(read()?.complete).toBe(true)
  })

  it('1,001 pages at 100 per page: no fixed page limit, every member, one request per page', async () => {
    const server = fakeServer({ total: 100_100 })
    const { client, loader, read } = setup(server)
    let writes = 0
    client.getQueryCache().subscribe((event) => {
      if (event.type === 'updated' && event.action.type === 'success') writes++
    })
    await loader.load()
    expect(read()?.members).toHaveLength(100_100)
    expect(read()).toMatchObject({ complete: true, total: 100_100, pagesLoaded: 1001, pagesPlanned: 1001 })
    expect(server.asked).toHaveLength(1001)
    expect(new Set(read()?.members.map((m) => m.id)).size).toBe(100_100)
    // Pages are batched into the cache, not written (and re-rendered) one by one.
    expect(writes).toBeLessThan(200)
  }, 60_000)

  it('an absurd total_pages (10^9, with a total of 5) is not believed: one request, complete, no freeze', async () => {
    const server = fakeServer({ total: 5, announce: () => ({ total_pages: 1e9 }) })
    const { loader, read } = setup(server)
    await loader.load()
    expect(server.asked).toEqual([1])
    expect(read()).toMatchObject({ complete: true, total: 5, pagesPlanned: 1 })
  })

  it('absurd counts (1e308, "NaN") are unknown: the directory follows links.next to the end', async () => {
    const server = fakeServer({
      total: 250,
      announce: (page) => ({
        total: 1e308,
        total_pages: 'NaN',
        links: page < 3 ? { next: `https://x/users?page=${page + 1}` } : [],
      }),
    })
    const { loader, read } = setup(server)
    await loader.load()
    expect(server.asked).toEqual([1, 2, 3])
    expect(read()).toMatchObject({ complete: true, total: 250, pagesPlanned: null })
    expect(read()?.members).toHaveLength(250)
  })

  it('a server that stops short (60,000 announced, 500 pages sent) is incomplete and says how many of how many', async () => {
    const server = fakeServer({ total: 60_000, stopAfterPage: 500 })
    const { loader, read } = setup(server)
    await loader.load()
    expect(read()).toMatchObject({ complete: false, loading: false, total: 60_000 })
    expect(read()?.members).toHaveLength(50_000)
  })

  it('every announced page arrived but the count falls short of the total: incomplete', async () => {
    const server = fakeServer({ total: 300, announce: () => ({ total: 350, total_pages: 3 }) })
    const { loader, read } = setup(server)
    await loader.load()
    // 350 / 100 implies a fourth page; it came back empty.
    expect(server.asked).toHaveLength(4)
    expect(new Set(server.asked)).toEqual(new Set([1, 2, 3, 4]))
    expect(read()).toMatchObject({ complete: false, total: 350 })
  })

  it('no meta at all: the one page is everything', async () => {
    const client = new QueryClient()
    const loader = new DirectoryLoader({
      client,
      queryKey: KEY,
      perPage: 1000,
      fetchPage: async () => parseMemberPage({ data: [{ id: 1 }, { id: 2 }] }),
    })
    await loader.load()
    expect(client.getQueryData(KEY)).toMatchObject({ complete: true, total: 2 })
  })
})

describe('DirectoryLoader: one bad record never takes down a page', () => {
  it('a bad record on page 1 and on page 7: the others stay, the bad ones are counted with paths and types, never values', async () => {
    const server = fakeServer({
      total: 1000,
      record: (id) =>
        id === 4
          ? { id: null, email: 'secret-person@example.com' }
          : id === 605
            ? { id: 605, email: 'other-secret@example.com', groups: { data: null } }
            : undefined,
    })
    const { loader, read } = setup(server)
    await loader.load()
    const directory = read()!
    expect(directory.members).toHaveLength(998)
    // Counted toward the total: every record the server announced was received.
    expect(directory.complete).toBe(true)
    expect(directory.invalidRecords).toEqual([
      { page: 1, index: 3, issues: [expect.objectContaining({ path: 'data[3].id', received: 'null' })] },
      {
        page: 7,
        index: 4,
        issues: [expect.objectContaining({ path: expect.stringMatching(/^data\[4\]\.groups/) })],
      },
    ])
    expect(JSON.stringify(directory.invalidRecords)).not.toMatch(/secret/)
  })
})

describe('DirectoryLoader: resumable, and merges into the cache as it is now', () => {
  it('after a failure at page 120 of 500, Retry asks only for the missing pages and the rows stay', async () => {
    const server = fakeServer({ total: 50_000, fail: (page, attempt) => page === 120 && attempt === 1 })
    const { client, loader, read } = setup(server)
    await expect(loader.load()).rejects.toMatchObject({ status: 500 })
    const afterFailure = read()!
    expect(afterFailure.complete).toBe(false)
    expect(afterFailure.loading).toBe(false)
    expect(afterFailure.members.length).toBeGreaterThanOrEqual(119 * 100)
    const askedBefore = server.asked.length

    // The rows loaded so far never disappear while it resumes, and progress moves.
    const sizes: number[] = []
    const unsubscribe = client.getQueryCache().subscribe(() => {
      const d = client.getQueryData<MemberDirectory>(KEY)
      if (d) sizes.push(d.members.length)
    })
    await loader.load()
    unsubscribe()
    const resumed = server.asked.slice(askedBefore)
    expect(resumed).not.toContain(1)
    expect(resumed[0]).toBe(120)
    expect(new Set(server.asked).size).toBe(500)
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(afterFailure.members.length)
    expect(read()).toMatchObject({ complete: true, total: 50_000 })
    expect(read()?.members).toHaveLength(50_000)
  }, 60_000)

  it('a setQueryData patch made while pages arrive survives the next merge', async () => {
    const rest = deferred()
    const server = fakeServer({ total: 500, hold: (page) => (page > 1 ? rest.promise : undefined) })
    const { client, loader, read } = setup(server, { flushMs: 0 })
    const done = loader.load()
    await vi.waitFor(() => expect(read()?.members).toHaveLength(100))
    // An optimistic role change and an invite, as another feature would write them.
    client.setQueryData<MemberDirectory>(
      KEY,
      (d) =>
        d && {
          ...d,
          members: [
            ...d.members.map((m) => (m.id === 1 ? { ...m, role: 'admin' as const } : m)),
            { ...d.members[0]!, id: 999_999, fullName: 'Invited Person' },
          ],
        },
    )
    // Pages 2 to 5 answer only now, so every one of them is merged after the patch.
    rest.resolve()
    await done
    const members = read()!.members
    expect(members.find((m) => m.id === 1)?.role).toBe('admin')
    expect(members.find((m) => m.id === 999_999)?.fullName).toBe('Invited Person')
    expect(members.filter((m) => m.id === 1)).toHaveLength(1)
    expect(members).toHaveLength(501)
  })

  it('a member listed on two pages appears once', async () => {
    const server = fakeServer({
      total: 300,
      record: (id, page) => (page === 2 && id === 101 ? { id: 100 } : undefined),
    })
    const { loader, read } = setup(server)
    await loader.load()
    expect(read()?.members.filter((m) => m.id === 100)).toHaveLength(1)
  })

  it('keeps loading when the last observer goes away (leaving /members mid-load)', async () => {
    const rest = deferred()
    const server = fakeServer({ total: 3000, hold: (page) => (page > 1 ? rest.promise : undefined) })
    const client = new QueryClient()
    const observer = new QueryObserver(client, {
      queryKey: KEY,
      queryFn: () =>
        new DirectoryLoader({ client, queryKey: KEY, perPage: 1000, fetchPage: server.fetchPage }).load(),
    })
    const unsubscribe = observer.subscribe(() => {})
    // Mid-load: page 1 is in, the next pages are on their way.
    await vi.waitFor(() => expect(server.asked).toContain(2))
    unsubscribe()
    rest.resolve()
    await client.getQueryCache().find({ queryKey: KEY })?.promise
    expect(client.getQueryData<MemberDirectory>(KEY)).toMatchObject({ complete: true })
    expect(server.asked).toHaveLength(30)
  })

  it('stop() (sign-out, organization change) sends nothing more', async () => {
    vi.useFakeTimers()
    try {
      const rest = deferred()
      const server = fakeServer({ total: 5000, hold: (page) => (page > 1 ? rest.promise : undefined) })
      const { loader } = setup(server)
      const done = loader.load().catch(() => 'stopped')
      // Page 1 and a full window of pages in flight.
      await vi.waitFor(() => expect(server.asked).toHaveLength(1 + PAGES_IN_FLIGHT))
      loader.stop()
      // The pages in flight answer after the stop; a loader that kept going would ask for more.
      rest.resolve()
      expect(await done).toBe('stopped')
      // Whatever the loader left on a timer runs now, and still nothing is sent.
      await vi.runAllTimersAsync()
      expect(server.asked).toHaveLength(1 + PAGES_IN_FLIGHT)
      await expect(loader.load()).rejects.toThrow(/stopped/)
      expect(server.asked).toHaveLength(1 + PAGES_IN_FLIGHT)
    } finally {
      vi.useRealTimers()
    }
  })
})

/** What cache.ts removeMember does to the directory: journaled, then taken out of the cache. */
function withdraw(client: QueryClient, id: number) {
  const write = journalMemberRemoval(client, KEY, id)
  client.setQueryData<MemberDirectory>(
    KEY,
    (d) => d && { ...d, members: d.members.filter((m) => m.id !== id), total: d.total - 1 },
  )
  return write
}

describe('DirectoryLoader: a member a write took out stays out (a withdrawn invitation)', () => {
  it('a refresh whose pages were read before the withdrawal landed does not bring them back, and counts right', async () => {
    const pages = deferred()
    let holding = false
    const server = fakeServer({ total: 300, hold: () => (holding ? pages.promise : undefined) })
    const { client, loader, read } = setup(server)
    await loader.load()
    holding = true
    // The refresh asks for every page; Tallyfy answers them as they were, member 150 included.
    const refreshed = loader.load()
    withdraw(client, 150).settle()
    pages.resolve()
    await refreshed
    expect(read()?.members.some((m) => m.id === 150)).toBe(false)
    expect(read()?.members).toHaveLength(299)
    expect(read()).toMatchObject({ complete: true, total: 299 })
  })

  it('while the directory loads: a later page that still holds them leaves them out', async () => {
    const rest = deferred()
    const server = fakeServer({ total: 300, hold: (page) => (page > 1 ? rest.promise : undefined) })
    const { client, loader, read } = setup(server, { flushMs: 0 })
    const done = loader.load()
    await vi.waitFor(() => expect(read()?.members).toHaveLength(100))
    // Withdrawn (still in flight) while page 2, which holds them, is on its way.
    const write = withdraw(client, 150)
    rest.resolve()
    await done
    write.settle()
    expect(read()?.members.some((m) => m.id === 150)).toBe(false)
    expect(read()).toMatchObject({ complete: true, total: 299 })
  })

  it('a refresh begun after the withdrawal settled shows Tallyfy as it is: the entry is not kept forever', async () => {
    const server = fakeServer({ total: 300 })
    const { client, loader, read } = setup(server)
    await loader.load()
    withdraw(client, 150).settle()
    // This fake Tallyfy still lists them: a read made after the withdrawal is believed.
    await loader.load()
    expect(read()?.members.some((m) => m.id === 150)).toBe(true)
    expect(read()?.total).toBe(300)
  })
})

describe('DirectoryLoader: the first rows come first', () => {
  it('writes page 1, then waits for the paint before asking for the next pages', async () => {
    const server = fakeServer({ total: 350 })
    const paint = deferred()
    let painted = false
    let rowsWhenPaintAwaited: number | undefined
    const askedBeforePaint: number[] = []
    const { loader, read } = setup(
      {
        ...server,
        fetchPage: (page, perPage, signal) => {
          if (!painted) askedBeforePaint.push(page)
          return server.fetchPage(page, perPage, signal)
        },
      },
      {
        afterFirstPage: () => {
          rowsWhenPaintAwaited = read()?.members.length
          return paint.promise
        },
      },
    )
    const done = loader.load()
    await vi.waitFor(() => expect(rowsWhenPaintAwaited).toBe(100))
    painted = true
    paint.resolve()
    await done
    // Every page after the first was asked for after the paint, none before it.
    expect(askedBeforePaint).toEqual([1])
    expect(read()).toMatchObject({ complete: true })
    expect(read()?.members).toHaveLength(350)
  })

  it('does not wait when page 1 is the whole directory', async () => {
    const server = fakeServer({ total: 40 })
    const { loader, read } = setup(server, { afterFirstPage: () => new Promise<void>(() => {}) })
    await loader.load()
    expect(read()).toMatchObject({ complete: true })
  })
})
