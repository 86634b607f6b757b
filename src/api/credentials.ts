import { useSyncExternalStore } from 'react'
import { sessionDeadline, type SessionLimit, type SessionTiming } from '../lib/session-limits'
import type { Credentials } from './types'

// The personal access token lives in memory and sessionStorage (gone when the tab closes); only an
// explicit "remember me" puts it in localStorage. It never goes into a URL, a log or a query key.
// Beside it, the time of the sign-in (a remembered session ends 30 days after it) and, shared by every
// tab, the time of the latest activity (one that is not remembered ends 60 minutes after that): see
// lib/session-limits.ts. features/auth/session-timeout.tsx keeps the time and warns; this store
// refuses a session already over when a page loads.

const STORAGE_KEY = 'roster.credentials'
const LAST_ACTIVE_KEY = 'roster.lastActive'

// Signing out in one tab signs out every tab of this browser, whether their tokens are remembered
// (localStorage, shared) or not (sessionStorage, per tab): a message on this channel, which also
// carries a session's end at one of its limits (`reason`), and "Stay signed in" at the end of a
// remembered session's lifetime (`kept`: every tab keeps the session for its visit). Browsers without
// BroadcastChannel keep today's per-tab behaviour.
const SESSION_CHANNEL = 'roster.session'
type SessionMessage = { type: 'signed-out'; reason?: SessionLimit } | { type: 'kept' }

function openSessionChannel(onMessage: (message: SessionMessage) => void): BroadcastChannel | null {
  if (typeof BroadcastChannel === 'undefined') return null
  try {
    const channel = new BroadcastChannel(SESSION_CHANNEL)
    channel.addEventListener('message', (event: MessageEvent<unknown>) => {
      const message = readMessage(event.data)
      if (message) onMessage(message)
    })
    // Node (tests) would otherwise keep running for the open channel.
    ;(channel as { unref?: () => void }).unref?.()
    return channel
  } catch {
    return null
  }
}

function readMessage(data: unknown): SessionMessage | null {
  if (!data || typeof data !== 'object') return null
  const { type, reason } = data as Record<string, unknown>
  if (type === 'kept') return { type }
  if (type !== 'signed-out') return null
  return reason === 'idle' || reason === 'lifetime' ? { type, reason } : { type }
}

/** Why a session ended: a 401 (`expired`), Sign out, or one of the limits of lib/session-limits.ts. */
export type SessionEndReason = 'expired' | 'signed-out' | SessionLimit

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
  /** Epoch ms; null when stored before sign-in times were kept. */
  signedInAt: number | null
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
      signedInAt: typeof signedInAt === 'number' && Number.isFinite(signedInAt) ? signedInAt : null,
    }
  } catch {
    // Corrupted by hand or by an older version: behave as signed out rather than crash.
    return null
  }
}

function write(storage: Storage | null, value: Credentials | null, signedInAt = 0) {
  if (!storage) return
  try {
    if (value) storage.setItem(STORAGE_KEY, JSON.stringify({ ...value, signedInAt }))
    else storage.removeItem(STORAGE_KEY)
  } catch {
    // Memory still holds the session for this tab.
  }
}

function readLastActive(): number | null {
  try {
    const value = Number(storageOf('local')?.getItem(LAST_ACTIVE_KEY) ?? Number.NaN)
    return Number.isFinite(value) ? value : null
  } catch {
    return null
  }
}

function writeLastActive(at: number | null) {
  try {
    const storage = storageOf('local')
    if (at === null) storage?.removeItem(LAST_ACTIVE_KEY)
    else storage?.setItem(LAST_ACTIVE_KEY, String(at))
  } catch {
    // This tab's memory still has it; other tabs see their own activity only.
  }
}

const sameSession = (a: Credentials, b: Credentials) => a.orgId === b.orgId && a.token === b.token

function createCredentialStore() {
  // undefined: storage not read yet (read lazily so tests and SSR-less imports do not touch storage early).
  let current: Credentials | null | undefined
  // This tab's copies; storage holds the ones every tab shares (timing() reads both).
  let signedInAt = 0
  let lastActiveAt = 0
  let endReason: SessionEndReason | null = null
  const listeners = new Set<Listener>()

  const notify = () => {
    for (const listener of listeners) listener()
  }

  /** The first read, at page load: a session already over at one of its limits is not restored. */
  function restore(): Credentials | null {
    const stored = read(storageOf('session')) ?? read(storageOf('local'))
    if (!stored) return null
    const now = Date.now()
    current = stored.credentials
    lastActiveAt = readLastActive() ?? now
    if (stored.signedInAt === null) {
      // Signed in before sign-in times were kept: the lifetime starts at this first sight, for good.
      signedInAt = now
      for (const kind of ['session', 'local'] as const) {
        const copy = read(storageOf(kind))
        if (copy && sameSession(copy.credentials, current)) write(storageOf(kind), current, now)
      }
    } else {
      signedInAt = stored.signedInAt
    }
    const timing = store.timing()
    const deadline = timing && sessionDeadline(timing)
    if (deadline && deadline.at <= now) {
      // Nobody is subscribed yet (this is the first read), so nobody is told; the sign-in page says why.
      end(deadline.limit, { tell: false })
      return null
    }
    return current
  }

  /** Clears the session and what signing out clears, and tells the other tabs unless it was a 401. */
  function end(reason: SessionEndReason, { tell }: { tell: boolean }) {
    endReason = reason
    current = null
    write(storageOf('session'), null)
    write(storageOf('local'), null)
    writeLastActive(null)
    if (reason !== 'expired') forgetOnSignOut()
    if (tell) notify()
    // A 401 is this tab's news; every other tab finds out with its own next request.
    if (reason === 'expired') return
    const message: SessionMessage =
      reason === 'signed-out' ? { type: reason } : { type: 'signed-out', reason }
    // oxlint-disable-next-line unicorn/require-post-message-target-origin -- a BroadcastChannel, not a window
    channel?.postMessage(message)
  }

  const store = {
    get(): Credentials | null {
      if (current === undefined) current = restore()
      return current
    },

    set(credentials: Credentials, opts: { remember: boolean }): void {
      current = { orgId: credentials.orgId, token: credentials.token, demo: credentials.demo }
      endReason = null
      signedInAt = Date.now()
      lastActiveAt = signedInAt
      writeLastActive(signedInAt)
      write(storageOf('session'), current, signedInAt)
      // Not remembering must also forget an earlier "remember me" on this browser.
      write(storageOf('local'), opts.remember ? current : null, signedInAt)
      notify()
    },

    clear(): void {
      current = null
      write(storageOf('session'), null)
      write(storageOf('local'), null)
      writeLastActive(null)
      notify()
    },

    endSession(reason: SessionEndReason): void {
      end(reason, { tell: true })
    },

    /**
     * What the limits are measured from (lib/session-limits.ts `sessionDeadline`), or null when
     * signed out. Remembered: this browser's localStorage holds this very session (so "Stay signed in"
     * at the end of its lifetime, or a later sign-in without "remember me", makes it one that is not).
     */
    timing(): SessionTiming | null {
      const credentials = store.get()
      if (!credentials) return null
      const local = read(storageOf('local'))
      const remembered = local !== null && sameSession(local.credentials, credentials)
      lastActiveAt = Math.max(lastActiveAt, readLastActive() ?? 0)
      return {
        remembered,
        signedInAt: (remembered ? local.signedInAt : null) ?? signedInAt,
        lastActiveAt,
      }
    },

    /** Pointer or keyboard input in this tab (features/auth/session-timeout.tsx): shared with every tab. */
    recordActivity(at: number = Date.now()): void {
      if (!store.get() || at <= lastActiveAt) return
      lastActiveAt = at
      writeLastActive(at)
    },

    /**
     * "Stay signed in" when a remembered session reaches its lifetime: this browser stops remembering
     * it (the lifetime bounds how long a device holds the token), and every open tab keeps it for its
     * visit, as a session that is not remembered (ended by 60 minutes without activity, or by closing
     * the tab). To be remembered again, sign in again.
     */
    keepForThisVisit(): void {
      if (!store.get()) return
      write(storageOf('session'), current ?? null, signedInAt)
      write(storageOf('local'), null)
      store.recordActivity()
      notify()
      // oxlint-disable-next-line unicorn/require-post-message-target-origin -- a BroadcastChannel, not a window
      channel?.postMessage({ type: 'kept' } satisfies SessionMessage)
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
  const channel = openSessionChannel((message) => {
    if (store.get() === null) return
    if (message.type === 'kept') {
      // Another tab chose "Stay signed in": this tab keeps the session too, now in its own
      // sessionStorage (localStorage no longer holds it), so a reload of this tab keeps it as well.
      write(storageOf('session'), current ?? null, signedInAt)
      notify()
      return
    }
    // Another tab signed out, or its session reached a limit: end this tab's session too, for the
    // same reason, without telling the others again.
    endReason = message.reason ?? 'signed-out'
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
