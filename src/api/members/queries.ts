import { hashKey, queryOptions, type QueryClient } from '@tanstack/react-query'
import { apiGet } from '../client'
import type { DirectoryLoader } from './directory-loader'
import { claimPrefetch, startPrefetch, type PrefetchHandle } from './first-page-prefetch'
import { orgKeys } from '../keys'
import type { Page } from '../wire'
import { parseMember, parseMemberPage } from './schema'
import type { Credentials, Member, MemberDirectory } from '../types'

// The whole member directory loads once per session and is then searched, sorted and filtered in
// the browser. It fills the cache page by page (the first rows show as soon as the first page
// lands) through one loader per organization (./directory-loader.ts), which the session starts
// and which outlives every page: see `startDirectory`.

/** Asked for on page 1; a server that caps lower says so in meta.pagination and we follow it. */
const DIRECTORY_PAGE_SIZE = 1000

export const usersPath = (orgId: string) => `/organizations/${encodeURIComponent(orgId)}/users`

const emptyDirectory: MemberDirectory = { members: [], total: 0, complete: false }

const loaders = new WeakMap<QueryClient, Map<string, DirectoryLoader>>()

// Its own small chunk, fetched when the session starts (in parallel with the app's first render),
// so the loader does not weigh on the initial JavaScript budget of /members.
let loaderModule: Promise<typeof import('./directory-loader')> | null = null

/**
 * Fetches the loader's chunk ahead of need: the sign-in form calls it while the person types, main.tsx
 * as a signed-in page starts (the chunk then starts reading the directory a remembered device kept, #25).
 */
export function preloadDirectoryLoader(): void {
  loaderModule ??= import('./directory-loader')
  loaderModule.catch(() => {
    loaderModule = null
  })
}

/** The organization's one directory loader in this query client (created on first use). */
export async function directoryLoader(client: QueryClient, orgId: string): Promise<DirectoryLoader> {
  const { DirectoryLoader, afterPaint, onDevice } = await (loaderModule ??= import('./directory-loader'))
  let byOrg = loaders.get(client)
  if (!byOrg) {
    const registry = new Map<string, DirectoryLoader>()
    byOrg = registry
    loaders.set(client, registry)
    // Sign-out and an organization change clear the cache: the loader of a removed directory stops
    // for good, and a later sign-in starts a fresh one.
    client.getQueryCache().subscribe((event) => {
      if (event.type !== 'removed') return
      for (const [org, loader] of registry) {
        if (event.query.queryHash === hashKey(memberQueries.directory(org).queryKey)) {
          loader.stop()
          registry.delete(org)
        }
      }
    })
  }
  let loader = byOrg.get(orgId)
  if (!loader) {
    loader = new DirectoryLoader({
      // A remembered device: the stored directory first, then refreshes by change (#25).
      ...onDevice(client, orgId),
      client,
      queryKey: memberQueries.directory(orgId).queryKey,
      perPage: DIRECTORY_PAGE_SIZE,
      // Page 1 may already be on its way from the sign-in form (first-page-prefetch.ts).
      fetchPage: (page, perPage, signal) => firstOrFetchedPage(orgId, page, perPage, signal),
      // The first rows paint before the next pages' answers take the main thread.
      afterFirstPage: afterPaint,
    })
    byOrg.set(orgId, loader)
  }
  return loader
}

/**
 * Called by the signed-in layout: the directory starts loading with the session, whatever page is
 * open, and keeps loading while the person browses (no observer is needed).
 */
export function startDirectory(client: QueryClient, orgId: string): void {
  void client.prefetchQuery(memberQueries.directory(orgId))
}

function fetchDirectoryPage(
  orgId: string,
  page: number,
  perPage: number,
  signal: AbortSignal,
  credentials?: Credentials,
): Promise<Page<Member>> {
  return apiGet(usersPath(orgId), parseMemberPage, {
    signal,
    credentials,
    query: { with: 'groups', page, per_page: perPage },
  })
}

/** Page 1 as sign-in prefetched it (see first-page-prefetch.ts), else from the network. */
function firstOrFetchedPage(orgId: string, page: number, perPage: number, signal: AbortSignal) {
  const prefetched = page === 1 ? claimPrefetch<Page<Member>>(orgId, `users:${perPage}`, signal) : null
  if (!prefetched) return fetchDirectoryPage(orgId, page, perPage, signal)
  // A prefetch that failed (not one we cancelled) is simply asked again, with the loader's own retries.
  return prefetched.catch((error: unknown) => {
    if (signal.aborted) throw error
    return fetchDirectoryPage(orgId, page, perPage, signal)
  })
}

/**
 * Sign-in starts the directory's first page while it checks the credentials; the loader uses it only
 * once `accept()` says the check passed, and only for these credentials.
 */
export function prefetchFirstDirectoryPage(credentials: Credentials): PrefetchHandle {
  return startPrefetch(credentials, `users:${DIRECTORY_PAGE_SIZE}`, (creds, signal) =>
    fetchDirectoryPage(creds.orgId, 1, DIRECTORY_PAGE_SIZE, signal, creds),
  )
}

export const memberQueries = {
  all: (orgId: string) => [...orgKeys(orgId), 'members'] as const,

  directory: (orgId: string) =>
    queryOptions({
      queryKey: [...memberQueries.all(orgId), 'directory'] as const,
      // The context's `signal` is deliberately never read: TanStack aborts a fetch whose signal was
      // read when its last observer unmounts, and the directory must outlive every page.
      queryFn: async ({ client, queryKey }): Promise<MemberDirectory> => {
        await (await directoryLoader(client, orgId)).load()
        // The cache's value, not the loader's: a patch made since the last merge stays.
        return client.getQueryData<MemberDirectory>(queryKey) ?? emptyDirectory
      },
      // Tens of thousands of rows: a deep compare per write would cost more than the merge.
      structuralSharing: false,
      staleTime: 5 * 60_000,
      gcTime: 60 * 60_000,
    }),

  detail: (orgId: string, memberId: number) =>
    queryOptions({
      queryKey: [...memberQueries.all(orgId), 'detail', memberId] as const,
      queryFn: ({ signal }) =>
        apiGet(`${usersPath(orgId)}/${encodeURIComponent(String(memberId))}`, parseMember, {
          signal,
          query: { with: 'groups' },
        }),
      staleTime: 60_000,
    }),
}
