import { credentialStore } from '../credentials'
import type { Credentials } from '../types'

// The way in, made shorter: sign-in asks for the first directory page at the same time as it checks
// the credentials, instead of after. The page is held here, unseen, until the check succeeds; only
// then may the directory loader claim it, and only for the very credentials that asked for it (same
// organization, same token, still signed in). A failed check, a sign-out or a page nobody claims
// within a while drops it. It is never written to the query cache directly, so nothing can show it
// before the loader would have fetched it itself.

interface Pending {
  orgId: string
  token: string
  /** What the request was for (the loader's page size), so a different request is never answered with it. */
  shape: string
  promise: Promise<unknown>
  controller: AbortController
  accepted: boolean
  timer: ReturnType<typeof setTimeout> | undefined
}

/** A prefetched page nobody claimed by then is dropped (the loader simply fetches it again). */
const UNCLAIMED_MS = 30_000

let pending: Pending | null = null

function drop(entry: Pending) {
  if (pending === entry) pending = null
  clearTimeout(entry.timer)
  entry.controller.abort()
}

export interface PrefetchHandle {
  /** The credentials were checked and are about to be stored: the loader may claim the page. */
  accept(): void
  /** The check failed or was abandoned: cancel the request and forget it. */
  discard(): void
}

/** Starts `load` with its own abort signal; at most one prefetch exists at a time. */
export function startPrefetch(
  credentials: Credentials,
  shape: string,
  load: (credentials: Credentials, signal: AbortSignal) => Promise<unknown>,
): PrefetchHandle {
  if (pending) drop(pending)
  const controller = new AbortController()
  const promise = load(credentials, controller.signal)
  // Observed by whoever claims it; until then a failure is not an unhandled rejection.
  promise.catch(() => {})
  const entry: Pending = {
    orgId: credentials.orgId,
    token: credentials.token,
    shape,
    promise,
    controller,
    accepted: false,
    timer: undefined,
  }
  pending = entry
  return {
    accept() {
      if (pending !== entry || entry.accepted) return
      entry.accepted = true
      entry.timer = setTimeout(() => drop(entry), UNCLAIMED_MS)
    },
    discard() {
      if (!entry.accepted) drop(entry)
    },
  }
}

/**
 * The prefetched answer for this organization and request, if the signed-in credentials are the ones
 * that asked for it and the check accepted it; otherwise null (the caller fetches as usual). One use.
 */
export function claimPrefetch<T>(orgId: string, shape: string, signal?: AbortSignal): Promise<T> | null {
  const entry = pending
  if (!entry || !entry.accepted) return null
  pending = null
  clearTimeout(entry.timer)
  const current = credentialStore.get()
  const matches =
    current !== null &&
    current.orgId === entry.orgId &&
    current.token === entry.token &&
    entry.orgId === orgId &&
    entry.shape === shape
  if (!matches) {
    entry.controller.abort()
    return null
  }
  if (signal) {
    if (signal.aborted) entry.controller.abort(signal.reason)
    else signal.addEventListener('abort', () => entry.controller.abort(signal.reason), { once: true })
  }
  return entry.promise as Promise<T>
}

// Signing out (or in as someone else) before the loader claimed the page forgets it at once.
credentialStore.subscribe(() => {
  const entry = pending
  if (!entry || !entry.accepted) return
  const current = credentialStore.get()
  if (!current || current.orgId !== entry.orgId || current.token !== entry.token) drop(entry)
})
