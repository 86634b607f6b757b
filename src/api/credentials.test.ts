import { act, renderHook } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { credentialStore, useCredentials } from './credentials'
import { retryNotice, useRetryNotice } from './retry-notice'

const KEY = 'roster.credentials'
const alice = { orgId: 'org-a', token: 'token-a', demo: false }

beforeEach(() => {
  credentialStore.clear()
  credentialStore.lastEndReason()
})

describe('credentialStore', () => {
  it('keeps a session in memory and sessionStorage only, unless asked to remember', () => {
    credentialStore.set(alice, { remember: false })
    expect(credentialStore.get()).toEqual(alice)
    expect(JSON.parse(sessionStorage.getItem(KEY) ?? 'null')).toEqual({
      ...alice,
      signedInAt: expect.any(Number),
    })
    expect(localStorage.getItem(KEY)).toBeNull()
  })

  it('remember puts it in localStorage; signing in again without remember removes that copy', () => {
    credentialStore.set(alice, { remember: true })
    expect(JSON.parse(localStorage.getItem(KEY) ?? 'null')).toEqual({
      ...alice,
      signedInAt: expect.any(Number),
    })
    credentialStore.set({ ...alice, token: 'token-b' }, { remember: false })
    expect(localStorage.getItem(KEY)).toBeNull()
    expect(credentialStore.get()?.token).toBe('token-b')
  })

  it('clear removes both copies', () => {
    credentialStore.set(alice, { remember: true })
    credentialStore.clear()
    expect(credentialStore.get()).toBeNull()
    expect(sessionStorage.getItem(KEY)).toBeNull()
    expect(localStorage.getItem(KEY)).toBeNull()
  })

  it('endSession records the reason, readable once', () => {
    credentialStore.set(alice, { remember: true })
    credentialStore.endSession('expired')
    expect(credentialStore.get()).toBeNull()
    expect(localStorage.getItem(KEY)).toBeNull()
    expect(credentialStore.lastEndReason()).toBe('expired')
    expect(credentialStore.lastEndReason()).toBeNull()
  })

  it('a new sign-in forgets an unread end reason', () => {
    credentialStore.endSession('signed-out')
    credentialStore.set(alice, { remember: false })
    expect(credentialStore.lastEndReason()).toBeNull()
  })

  it('notifies subscribers, and stops after unsubscribe', () => {
    let calls = 0
    const unsubscribe = credentialStore.subscribe(() => calls++)
    credentialStore.set(alice, { remember: false })
    credentialStore.clear()
    unsubscribe()
    credentialStore.set(alice, { remember: false })
    expect(calls).toBe(2)
  })
})

/** A fresh module instance reads storage lazily, like a page load. */
async function freshStore() {
  vi.resetModules()
  return (await import('./credentials')).credentialStore
}

describe('reading storage at start-up', () => {
  it('restores from sessionStorage first, then localStorage', async () => {
    const signedInAt = Date.now()
    localStorage.setItem(KEY, JSON.stringify({ orgId: 'remembered', token: 't1', demo: true, signedInAt }))
    expect((await freshStore()).get()).toEqual({ orgId: 'remembered', token: 't1', demo: true })
    sessionStorage.setItem(KEY, JSON.stringify({ orgId: 'this-tab', token: 't2', signedInAt }))
    expect((await freshStore()).get()).toEqual({ orgId: 'this-tab', token: 't2', demo: false })
  })

  it.each([
    ['not JSON', '{oops'],
    ['JSON null', 'null'],
    ['missing token', JSON.stringify({ orgId: 'x' })],
    ['empty org', JSON.stringify({ orgId: ' ', token: 't' })],
    ['wrong types', JSON.stringify({ orgId: 1, token: ['t'] })],
  ])('ignores corrupted storage (%s)', async (_label, raw) => {
    sessionStorage.setItem(KEY, raw)
    expect((await freshStore()).get()).toBeNull()
  })
})

describe('hooks', () => {
  it('useCredentials follows sign-in and sign-out', () => {
    const { result } = renderHook(() => useCredentials())
    expect(result.current).toBeNull()
    act(() => credentialStore.set(alice, { remember: false }))
    expect(result.current).toEqual(alice)
    act(() => credentialStore.endSession('signed-out'))
    expect(result.current).toBeNull()
  })

  it('useRetryNotice shows the wait that ends last, and nothing once all waits end', () => {
    const { result } = renderHook(() => useRetryNotice())
    expect(result.current).toBeNull()
    const ends: Array<() => void> = []
    act(() => {
      ends.push(retryNotice.publish({ reason: 'rate-limited', retryAt: 5000 }))
    })
    expect(result.current).toEqual({ reason: 'rate-limited', retryAt: 5000 })
    act(() => {
      ends.push(retryNotice.publish({ reason: 'unavailable', retryAt: 2000 }))
    })
    expect(result.current).toEqual({ reason: 'rate-limited', retryAt: 5000 })
    act(() => ends[0]?.())
    expect(result.current).toEqual({ reason: 'unavailable', retryAt: 2000 })
    act(() => ends[1]?.())
    expect(result.current).toBeNull()
  })
})

// Another tab of the same browser: the same channel name, a different BroadcastChannel object.
const otherTab = () => new BroadcastChannel('roster.session')

describe('signing out in another tab', () => {
  it('signs this tab out too, with "signed out" as the reason', async () => {
    credentialStore.set(alice, { remember: false })
    const tab = otherTab()
    // oxlint-disable-next-line unicorn/require-post-message-target-origin -- a BroadcastChannel
    tab.postMessage({ type: 'signed-out' })
    await vi.waitFor(() => expect(credentialStore.get()).toBeNull())
    expect(sessionStorage.getItem(KEY)).toBeNull()
    expect(credentialStore.lastEndReason()).toBe('signed-out')
    tab.close()
  })

  it('is told when this tab signs out, and not when a session here merely expires', async () => {
    const tab = otherTab()
    const heard: unknown[] = []
    tab.addEventListener('message', (event: MessageEvent) => heard.push(event.data))
    credentialStore.set(alice, { remember: false })
    credentialStore.endSession('expired')
    credentialStore.set(alice, { remember: false })
    credentialStore.endSession('signed-out')
    credentialStore.set(alice, { remember: false })
    credentialStore.endSession('expired')
    // A third tab speaks last. A channel's messages reach every other one in the order they were
    // posted, so once this one has arrived, whatever this tab's store sent before it has too.
    const last = otherTab()
    // oxlint-disable-next-line unicorn/require-post-message-target-origin -- a BroadcastChannel
    last.postMessage({ type: 'end of test' })
    await vi.waitFor(() => expect(heard).toContainEqual({ type: 'end of test' }))
    expect(heard).toEqual([{ type: 'signed-out', reason: 'signed-out' }, { type: 'end of test' }])
    last.close()
    tab.close()
  })
})

const stored = (signedInAt?: number) => JSON.stringify({ ...alice, signedInAt })

describe('the session limits (lib/session-limits.ts)', () => {
  const MINUTE = 60_000
  const DAY = 24 * 60 * MINUTE
  const SIGN_IN = Date.parse('2026-11-01T09:00:00Z')

  beforeEach(() => {
    vi.useFakeTimers({ now: SIGN_IN, toFake: ['Date'] })
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  it('a sign-in records when it happened, beside the token, and counts as activity', () => {
    credentialStore.set(alice, { remember: true })
    expect(JSON.parse(localStorage.getItem(KEY) ?? 'null')).toEqual({ ...alice, signedInAt: SIGN_IN })
    expect(localStorage.getItem('roster.lastActive')).toBe(String(SIGN_IN))
    expect(credentialStore.timing()).toEqual({ remembered: true, signedInAt: SIGN_IN, lastActiveAt: SIGN_IN })
    credentialStore.set(alice, { remember: false })
    expect(credentialStore.timing()?.remembered).toBe(false)
  })

  it('reads the latest activity of any tab from the shared storage', () => {
    credentialStore.set(alice, { remember: false })
    localStorage.setItem('roster.lastActive', String(SIGN_IN + 9 * MINUTE))
    expect(credentialStore.timing()?.lastActiveAt).toBe(SIGN_IN + 9 * MINUTE)
    // Missing or junk: the sign-in is the latest activity known.
    localStorage.setItem('roster.lastActive', 'junk')
    expect(credentialStore.timing()?.lastActiveAt).toBe(SIGN_IN)
  })

  it('a page loaded after 60 minutes without activity does not restore a session that is not remembered', async () => {
    sessionStorage.setItem(KEY, stored(SIGN_IN))
    localStorage.setItem('roster.lastActive', String(SIGN_IN + 10 * MINUTE))
    vi.setSystemTime(SIGN_IN + 69 * MINUTE)
    expect((await freshStore()).get()).toEqual(alice)
    vi.setSystemTime(SIGN_IN + 70 * MINUTE)
    const store = await freshStore()
    expect(store.get()).toBeNull()
    expect(sessionStorage.getItem(KEY)).toBeNull()
    expect(store.lastEndReason()).toBe('idle')
  })

  it('a remembered session is restored after days without activity, but not 30 days after its sign-in', async () => {
    localStorage.setItem(KEY, stored(SIGN_IN))
    localStorage.setItem('roster.lastActive', String(SIGN_IN))
    vi.setSystemTime(SIGN_IN + 30 * DAY - MINUTE)
    expect((await freshStore()).get()).toEqual(alice)
    localStorage.setItem('roster.lastActive', String(SIGN_IN + 30 * DAY - MINUTE))
    vi.setSystemTime(SIGN_IN + 30 * DAY)
    const store = await freshStore()
    expect(store.get()).toBeNull()
    expect(localStorage.getItem(KEY)).toBeNull()
    expect(store.lastEndReason()).toBe('lifetime')
  })

  it('a remembered session stored before sign-in times were kept is of unknown age: its lifetime is up', async () => {
    localStorage.setItem(KEY, JSON.stringify(alice))
    localStorage.setItem('roster.lastActive', String(SIGN_IN))
    const store = await freshStore()
    expect(store.get()).toBeNull()
    expect(store.lastEndReason()).toBe('lifetime')
  })

  it('the end at a limit clears what signing out clears, and tells every other tab why', async () => {
    const tab = otherTab()
    const heard: unknown[] = []
    tab.addEventListener('message', (event: MessageEvent) => heard.push(event.data))
    credentialStore.set(alice, { remember: true })
    localStorage.setItem('roster.batch.org-a', '{}')
    credentialStore.endSession('idle')
    expect(credentialStore.get()).toBeNull()
    expect(localStorage.getItem(KEY)).toBeNull()
    expect(sessionStorage.getItem(KEY)).toBeNull()
    expect(localStorage.getItem('roster.batch.org-a')).toBeNull()
    expect(credentialStore.lastEndReason()).toBe('idle')
    await vi.waitFor(() => expect(heard).toEqual([{ type: 'signed-out', reason: 'idle' }]))
    tab.close()
  })

  it('another tab’s end at a limit ends this tab’s session, for the same reason', async () => {
    credentialStore.set(alice, { remember: true })
    const tab = otherTab()
    // oxlint-disable-next-line unicorn/require-post-message-target-origin -- a BroadcastChannel
    tab.postMessage({ type: 'signed-out', reason: 'lifetime' })
    await vi.waitFor(() => expect(credentialStore.get()).toBeNull())
    expect(credentialStore.lastEndReason()).toBe('lifetime')
    tab.close()
  })

  it('stopRemembering keeps this very session in this tab, its sign-in time too, and nowhere else', () => {
    credentialStore.set(alice, { remember: true })
    const session = credentialStore.get()
    sessionStorage.clear() // a tab that read the session from localStorage only
    vi.setSystemTime(SIGN_IN + 30 * DAY - 30_000)
    credentialStore.stopRemembering()
    expect(localStorage.getItem(KEY)).toBeNull()
    expect(JSON.parse(sessionStorage.getItem(KEY) ?? 'null')).toEqual({ ...alice, signedInAt: SIGN_IN })
    expect(credentialStore.timing()).toMatchObject({ remembered: false, signedInAt: SIGN_IN })
    // The same object: writes queued in this session still go (api/writes/session.ts).
    expect(credentialStore.get()).toBe(session)
  })
})
