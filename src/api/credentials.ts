import { useSyncExternalStore } from 'react'
import {
  LAST_ACTIVE_KEY,
  SESSION_CHANNEL,
  sessionDeadline,
  type SessionLimit,
  type SessionMessage,
  type SessionTiming,
} from '../lib/session-limits'
import type { Credentials } from './types'

// The personal access token lives in memory and sessionStorage (gone when the tab closes); only an
// explicit "remember me" puts it in localStorage. It never goes into a URL, a log or a query key.
// Beside it, the time of the sign-in (a remembered session ends 30 days after it); every tab shares
// the time of the latest activity (one that is not remembered ends 60 minutes after that): see
// lib/session-limits.ts. features/auth/session-timeout.tsx keeps that time, warns and ends a session
// at its limit; this store only refuses one already over when a page loads.

export const STORAGE_KEY = 'roster.credentials'

/** Why a session ended: a 401 (`expired`), Sign out, or one of the limits of lib/session-limits.ts. */
export type SessionEndReason = 'expired' | 'signed-out' | SessionLimit

// Signing out in one tab signs out every tab of this browser, whether their tokens are remembered
// (localStorage, shared) or not (sessionStorage, per tab): a message on this channel, with the reason
// (Sign out, or a limit). Browsers without BroadcastChannel keep today's per-tab behaviour.
function openSessionChannel(onEnded: (reason: SessionEndReason) => void): BroadcastChannel | null {
  if (typeof BroadcastChannel === 'undefined') return null
  try {
    const channel = new BroadcastChannel(SESSION_CHANNEL)
    channel.addEventListener('message', (event: MessageEvent<Partial<Record<string, unknown>> | null>) => {
      const { type, reason } = event.data ?? {}
      // From a tab of an older release, a sign-out without a reason.
      if (type === 'signed-out') onEnded(reason === 'idle' || reason === 'lifetime' ? reason : 'signed-out')
    })
    // Node (tests) would otherwise keep running for the open channel.
    ;(channel as { unref?: () => void }).unref?.()
    return channel
  } catch {
    return null
  }
}

// What else an explicit sign-out takes from this browser: per-organization data that must not outlive
// the session on a shared computer (a batch's journal, api/writes/batch-journal.ts). Here rather than
// there, so that signing out clears it even when that code was never loaded; localStorage is shared,
// so the tab that signs out clears it for every tab.
const FORGOTTEN_ON_SIGN_OUT = ['roster.batch.']

function forgetOnSignOut() {
  const storage = storageOf('local')
  try {
    for (let i = (storage?.length ?? 0) - 1; i >= 0; i--) {
      const key = storage?.key(i)
      if (key && FORGOTTEN_ON_SIGN_OUT.some((prefix) => key.startsWith(prefix))) storage?.removeItem(key)
    }
  } catch {
    // Storage unavailable: nothing was kept there either.
  }
}

// A remembered session keeps its organization's directory, groups and guests in an IndexedDB
// database of that organization's own (api/persist/device-store.ts, #25). Every end of a session (a
// 401, Sign out, a limit, in any tab) deletes it here, so that it goes even when that code was never
// loaded. A switch to another organization or to a session that is not remembered, and "Stay signed
// in" at the lifetime (the device stops remembering), delete it through api/persist/keeps-data.ts
// `forgetStoresBut`.
// The name is persist/keeps-data.ts `deviceStoreName`, written out here to keep the first download small.
function forgetDeviceStore(orgId: string | undefined) {
  try {
    if (orgId) indexedDB.deleteDatabase(`roster.org.${orgId}`)
  } catch {
    // No IndexedDB here: nothing was kept in it either.
  }
}

type Listener = () => void

// Storage can throw (disabled cookies, Safari private mode, quota); the app must still work from memory.
function storageOf(kind: 'session' | 'local'): Storage | null {
  try {
    return kind === 'session' ? globalThis.sessionStorage : globalThis.localStorage
  } catch {
    return null
  }
}

interface Stored {
  credentials: Credentials
  /** Epoch ms; 0 when stored before sign-in times were kept (its age unknown, so its lifetime is up). */
  signedInAt: number
}

function read(storage: Storage | null): Stored | null {
  if (!storage) return null
  let raw: string | null
  try {
    raw = storage.getItem(STORAGE_KEY)
  } catch {
    return null
  }
  if (!raw) return null
  try {
    const value: unknown = JSON.parse(raw)
    if (!value || typeof value !== 'object') return null
    const { orgId, token, demo, signedInAt } = value as Record<string, unknown>
    if (typeof orgId !== 'string' || !orgId.trim() || typeof token !== 'string' || !token.trim()) return null
    return {
      credentials: { orgId, token, demo: demo === true },
      signedInAt: typeof signedInAt === 'number' ? signedInAt : 0,
    }
  } catch {
    // Corrupted by hand or by an older version: behave as signed out rather than crash.
    return null
  }
}

function write(storage: Storage | null, value: Credentials | null, signedInAt: number) {
  if (!storage) return
  try {
    if (value) storage.setItem(STORAGE_KEY, JSON.stringify({ ...value, signedInAt }))
    else storage.removeItem(STORAGE_KEY)
  } catch {
    // Memory still holds the session for this tab.
  }
}

/** The latest input in any tab (session-timeout.tsx writes it), or 0. */
function readLastActive(): number {
  try {
    return Number(storageOf('local')?.getItem(LAST_ACTIVE_KEY)) || 0
  } catch {
    return 0
  }
}

function createCredentialStore() {
  // undefined: storage not read yet (read lazily so tests and SSR-less imports do not touch storage early).
  let current: Credentials | null | undefined
  let signedInAt = 0
  // Whether this tab's session is the one this browser remembers. Kept here rather than read from
  // localStorage each time: another tab's end clears that storage a moment before this tab hears
  // why, and a session must not change its limit in that moment.
  let remembered = false
  let endReason: SessionEndReason | null = null
  const listeners = new Set<Listener>()

  const notify = () => {
    for (const listener of listeners) listener()
  }

  const store = {
    get(): Credentials | null {
      if (current === undefined) {
        const local = read(storageOf('local'))
        const stored = read(storageOf('session')) ?? local
        current = stored?.credentials ?? null
        signedInAt = stored?.signedInAt ?? 0
        remembered =
          local?.credentials.orgId === current?.orgId && local?.credentials.token === current?.token
        // The first read, at page load (before anyone subscribes): a session already over at one of
        // its limits is not restored, and the sign-in page says why.
        const timing = store.timing()
        const deadline = timing && sessionDeadline(timing)
        if (deadline && deadline.at <= Date.now()) store.endSession(deadline.limit)
      }
      return current
    },

    /** A sign-in: it also counts as activity. */
    set(credentials: Credentials, opts: { remember: boolean }): void {
      current = { orgId: credentials.orgId, token: credentials.token, demo: credentials.demo }
      endReason = null
      const now = Date.now()
      signedInAt = now
      remembered = opts.remember
      write(storageOf('session'), current, signedInAt)
      // Not remembering must also forget an earlier "remember me" on this browser.
      write(storageOf('local'), opts.remember ? current : null, signedInAt)
      try {
        storageOf('local')?.setItem(LAST_ACTIVE_KEY, String(now))
      } catch {
        // Then the idle time counts from the sign-in, in this tab.
      }
      notify()
    },

    /**
     * This browser stops remembering the session; this tab keeps it (and its sign-in time) until it
     * closes. "Stay signed in" at the end of a remembered session's lifetime, in every tab
     * (session-timeout.tsx). The session stays the same object, so writes queued in it still go.
     */
    stopRemembering(): void {
      if (!current) return
      remembered = false
      write(storageOf('session'), current, signedInAt)
      write(storageOf('local'), null, 0)
      notify()
    },

    clear(): void {
      forgetDeviceStore(current?.orgId)
      current = null
      write(storageOf('session'), null, 0)
      write(storageOf('local'), null, 0)
      notify()
    },

    endSession(reason: SessionEndReason): void {
      endReason = reason
      store.clear()
      // A 401 is this tab's news; every other tab finds out with its own next request.
      if (reason === 'expired') return
      forgetOnSignOut()
      // oxlint-disable-next-line unicorn/require-post-message-target-origin -- a BroadcastChannel, not a window
      channel?.postMessage({ type: 'signed-out', reason } satisfies SessionMessage)
    },

    /** What the limits count from (lib/session-limits.ts `sessionDeadline`), or null when signed out. */
    timing(): SessionTiming | null {
      return store.get()
        ? { remembered, signedInAt, lastActiveAt: Math.max(signedInAt, readLastActive()) }
        : null
    },

    /** Why the session is ending, for listeners told of the change (does not forget it). */
    endingReason(): SessionEndReason | null {
      return endReason
    },

    /** Read once by the sign-in page ("Your Tallyfy session has ended, sign in again"), then forgotten. */
    lastEndReason(): SessionEndReason | null {
      const reason = endReason
      endReason = null
      return reason
    },

    subscribe(listener: Listener): () => void {
      listeners.add(listener)
      return () => {
        listeners.delete(listener)
      }
    },
  }
  // Another tab signed out, or its session reached a limit: end this tab's session too, for the same
  // reason, without telling the others again.
  const channel = openSessionChannel((reason) => {
    if (store.get() === null) return
    endReason = reason
    // clear() deletes the device's store too: again after the tab that ended it, in case this tab's
    // last save reopened it.
    store.clear()
    // Again here: a batch running in this tab may have written its journal after the other tab cleared it.
    forgetOnSignOut()
  })
  return store
}

export const credentialStore = createCredentialStore()

const getSnapshot = () => credentialStore.get()
const getServerSnapshot = () => null

export function useCredentials(): Credentials | null {
  return useSyncExternalStore(credentialStore.subscribe, getSnapshot, getServerSnapshot)
}
