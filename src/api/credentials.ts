import { useSyncExternalStore } from 'react'
import type { Credentials } from './types'

// The personal access token lives in memory and sessionStorage (gone when the tab closes); only an
// explicit "remember me" puts it in localStorage. It never goes into a URL, a log or a query key.

const STORAGE_KEY = 'roster.credentials'

// Signing out in one tab signs out every tab of this browser, whether their tokens are remembered
// (localStorage, shared) or not (sessionStorage, per tab): a message on this channel. Browsers without
// BroadcastChannel keep today's per-tab behaviour.
const SESSION_CHANNEL = 'roster.session'
type SessionMessage = { type: 'signed-out' }

function openSessionChannel(onSignedOut: () => void): BroadcastChannel | null {
  if (typeof BroadcastChannel === 'undefined') return null
  try {
    const channel = new BroadcastChannel(SESSION_CHANNEL)
    channel.addEventListener('message', (event: MessageEvent<SessionMessage>) => {
      if (event.data?.type === 'signed-out') onSignedOut()
    })
    // Node (tests) would otherwise keep running for the open channel.
    ;(channel as { unref?: () => void }).unref?.()
    return channel
  } catch {
    return null
  }
}

type SessionEndReason = 'expired' | 'signed-out'

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

function read(storage: Storage | null): Credentials | null {
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
    const { orgId, token, demo } = value as Record<string, unknown>
    if (typeof orgId !== 'string' || !orgId.trim() || typeof token !== 'string' || !token.trim()) return null
    return { orgId, token, demo: demo === true }
  } catch {
    // Corrupted by hand or by an older version: behave as signed out rather than crash.
    return null
  }
}

function write(storage: Storage | null, value: Credentials | null) {
  if (!storage) return
  try {
    if (value) storage.setItem(STORAGE_KEY, JSON.stringify(value))
    else storage.removeItem(STORAGE_KEY)
  } catch {
    // Memory still holds the session for this tab.
  }
}

function createCredentialStore() {
  // undefined: storage not read yet (read lazily so tests and SSR-less imports do not touch storage early).
  let current: Credentials | null | undefined
  let endReason: SessionEndReason | null = null
  const listeners = new Set<Listener>()

  const notify = () => {
    for (const listener of listeners) listener()
  }

  const store = {
    get(): Credentials | null {
      if (current === undefined) current = read(storageOf('session')) ?? read(storageOf('local'))
      return current
    },

    set(credentials: Credentials, opts: { remember: boolean }): void {
      current = { orgId: credentials.orgId, token: credentials.token, demo: credentials.demo }
      endReason = null
      write(storageOf('session'), current)
      // Not remembering must also forget an earlier "remember me" on this browser.
      write(storageOf('local'), opts.remember ? current : null)
      notify()
    },

    clear(): void {
      current = null
      write(storageOf('session'), null)
      write(storageOf('local'), null)
      notify()
    },

    endSession(reason: SessionEndReason): void {
      endReason = reason
      store.clear()
      if (reason === 'signed-out') forgetOnSignOut()
      // A 401 is this tab's news; every other tab finds out with its own next request.
      // oxlint-disable-next-line unicorn/require-post-message-target-origin -- a BroadcastChannel, not a window
      if (reason === 'signed-out') channel?.postMessage({ type: 'signed-out' } satisfies SessionMessage)
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
  // Another tab signed out: end this tab's session too, without telling the others again.
  const channel = openSessionChannel(() => {
    if (store.get() === null) return
    endReason = 'signed-out'
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
