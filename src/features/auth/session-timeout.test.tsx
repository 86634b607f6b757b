import { QueryClientProvider } from '@tanstack/react-query'
import { act, fireEvent, render, screen } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { credentialStore } from '../../api/credentials'
import { createQueryClient } from '../../api/query-client'
import type { Credentials } from '../../api/types'
import { SessionProvider } from './session'
import { SessionTimeout } from './session-timeout'

vi.mock('./load-demo', () => ({ loadDemo: async () => ({ stopDemo: async () => {} }) }))

const MINUTE = 60_000
const DAY = 24 * 60 * MINUTE
const alice: Credentials = { orgId: 'org-a', token: 'token-a', demo: false }
const KEY = 'roster.credentials'

const warning = () => screen.queryByRole('alertdialog', { name: 'You’ll be signed out in a minute' })
const stayButton = () => screen.getByRole('button', { name: 'Stay signed in' })

/** Moves the clock (timers included) and lets React render what they set. */
const pass = (ms: number) => act(() => vi.advanceTimersByTime(ms))

function renderTimeout(onSignedOut = () => {}) {
  return render(
    <QueryClientProvider client={createQueryClient()}>
      <SessionProvider credentials={alice}>
        <SessionTimeout onSignedOut={onSignedOut} />
      </SessionProvider>
    </QueryClientProvider>,
  )
}

function signIn(remember: boolean) {
  credentialStore.set(alice, { remember })
  return renderTimeout()
}

beforeEach(() => {
  vi.useFakeTimers({ now: new Date('2026-12-06T09:00:00Z') })
  credentialStore.clear()
  credentialStore.lastEndReason()
})
afterEach(() => {
  vi.useRealTimers()
})

describe('a session that is not remembered', () => {
  it('warns a minute before 60 minutes without activity, then ends, saying why', () => {
    signIn(false)
    pass(58 * MINUTE)
    expect(warning()).toBeNull()
    pass(1 * MINUTE)
    expect(warning()).toBeInTheDocument()
    expect(warning()).toHaveAccessibleDescription(/after 60 minutes without activity/)
    expect(stayButton()).toHaveFocus()
    expect(screen.getByRole('timer')).toHaveTextContent('60 seconds left')
    pass(45_000)
    expect(screen.getByRole('timer')).toHaveTextContent('15 seconds left')
    expect(credentialStore.get()).toEqual(alice)

    pass(15_000)
    expect(credentialStore.get()).toBeNull()
    expect(sessionStorage.getItem(KEY)).toBeNull()
    expect(credentialStore.lastEndReason()).toBe('idle')
  })

  it('"Stay signed in" starts the 60 minutes again', () => {
    signIn(false)
    pass(59.5 * MINUTE)
    fireEvent.click(stayButton())
    expect(warning()).toBeNull()
    pass(58 * MINUTE) // two hours after sign-in, nearly one after "Stay signed in"
    expect(credentialStore.get()).toEqual(alice)
    expect(warning()).toBeNull()
    pass(1 * MINUTE)
    expect(warning()).toBeInTheDocument()
  })

  it('Escape (the dialog closing) keeps the session too', () => {
    signIn(false)
    pass(59 * MINUTE)
    fireEvent(screen.getByRole('alertdialog'), new Event('cancel', { cancelable: true }))
    expect(warning()).toBeNull()
    pass(30 * MINUTE)
    expect(credentialStore.get()).toEqual(alice)
  })

  it('pointer and keyboard input postpone the end; time alone does not', () => {
    signIn(false)
    pass(40 * MINUTE)
    fireEvent.keyDown(document.body, { key: 'a' })
    pass(40 * MINUTE)
    fireEvent.pointerDown(document.body)
    pass(58 * MINUTE)
    expect(warning()).toBeNull()
    expect(credentialStore.get()).toEqual(alice)
    pass(2 * MINUTE)
    expect(credentialStore.get()).toBeNull()
    expect(credentialStore.lastEndReason()).toBe('idle')
  })

  it('a key pressed while the warning shows does not hide it: only its buttons answer it', () => {
    signIn(false)
    pass(59 * MINUTE)
    fireEvent.keyDown(stayButton(), { key: 'Tab' })
    pass(10_000)
    expect(warning()).toBeInTheDocument()
    pass(50_000)
    expect(credentialStore.get()).toBeNull()
  })

  it('activity in another tab postpones the end here and takes the warning away', () => {
    signIn(false)
    pass(59 * MINUTE)
    expect(warning()).toBeInTheDocument()
    // The other tab writes its latest input; this tab hears of it through the storage event.
    act(() => {
      localStorage.setItem('roster.lastActive', String(Date.now()))
      window.dispatchEvent(new StorageEvent('storage', { key: 'roster.lastActive' }))
    })
    expect(warning()).toBeNull()
    pass(58 * MINUTE)
    expect(credentialStore.get()).toEqual(alice)
  })

  it('"Sign out" in the warning signs out', () => {
    const onSignedOut = vi.fn<() => void>()
    credentialStore.set(alice, { remember: false })
    renderTimeout(onSignedOut)
    pass(59 * MINUTE)
    fireEvent.click(screen.getByRole('button', { name: 'Sign out' }))
    expect(onSignedOut).toHaveBeenCalled()
    expect(credentialStore.get()).toBeNull()
    expect(credentialStore.lastEndReason()).toBe('signed-out')
  })
})

describe('a remembered session', () => {
  it('ends 30 days after sign-in, however active, announced a minute ahead', () => {
    signIn(true)
    // Waits longer than setTimeout can hold (24.8 days) must not fire early.
    for (let day = 1; day < 30; day++) {
      pass(DAY)
      fireEvent.keyDown(document.body, { key: 'a' })
    }
    expect(credentialStore.get()).toEqual(alice)
    expect(warning()).toBeNull()
    pass(DAY - 1.5 * MINUTE)
    expect(warning()).toBeNull()
    pass(MINUTE)
    expect(warning()).toHaveAccessibleDescription(/remembers a sign-in on a device for 30 days/)
    pass(MINUTE)
    expect(credentialStore.get()).toBeNull()
    expect(localStorage.getItem(KEY)).toBeNull()
    expect(credentialStore.lastEndReason()).toBe('lifetime')
  })

  it('is not ended by inactivity', () => {
    signIn(true)
    pass(10 * DAY)
    expect(credentialStore.get()).toEqual(alice)
    expect(warning()).toBeNull()
  })

  it('"Stay signed in" keeps it for this visit, no longer remembered: from then on 60 minutes idle end it', () => {
    signIn(true)
    const session = credentialStore.get()
    pass(30 * DAY - 30_000)
    fireEvent.click(stayButton())
    expect(warning()).toBeNull()
    expect(localStorage.getItem(KEY)).toBeNull()
    expect(JSON.parse(sessionStorage.getItem(KEY) ?? 'null')).toMatchObject(alice)
    expect(credentialStore.timing()?.remembered).toBe(false)
    expect(credentialStore.get()).toBe(session) // the same session: writes queued in it still go

    pass(MINUTE) // past the 30 days
    expect(credentialStore.get()).toEqual(alice)
    pass(58 * MINUTE)
    expect(warning()).toHaveAccessibleDescription(/after 60 minutes without activity/)
    pass(MINUTE)
    expect(credentialStore.get()).toBeNull()
    expect(credentialStore.lastEndReason()).toBe('idle')
  })

  it('"Stay signed in" in one tab keeps the session in every tab', async () => {
    const otherTab = new BroadcastChannel('roster.session')
    const heard: unknown[] = []
    otherTab.addEventListener('message', (event: MessageEvent) => heard.push(event.data))
    signIn(true)
    pass(30 * DAY - 30_000)
    fireEvent.click(stayButton())
    await vi.waitFor(() => expect(heard).toContainEqual({ type: 'kept' }))
    otherTab.close()
  })

  it('"Stay signed in" in another tab takes the warning away here and keeps the session for this visit', async () => {
    signIn(true)
    pass(30 * DAY - 30_000)
    expect(warning()).toBeInTheDocument()
    sessionStorage.clear() // this tab read the session from localStorage only
    const otherTab = new BroadcastChannel('roster.session')
    // What the other tab does: this browser no longer remembers the session. Its note of the input
    // may reach this tab's view of localStorage later than the message: the message is enough.
    localStorage.removeItem(KEY)
    // oxlint-disable-next-line unicorn/require-post-message-target-origin -- a BroadcastChannel
    otherTab.postMessage({ type: 'kept' })
    await vi.waitFor(() => expect(warning()).toBeNull())
    expect(JSON.parse(sessionStorage.getItem(KEY) ?? 'null')).toMatchObject(alice)
    pass(MINUTE)
    expect(credentialStore.get()).toEqual(alice)
    otherTab.close()
  })

  it('ends for its lifetime, not for inactivity, when another tab’s end has cleared the storage first', () => {
    signIn(true)
    pass(30 * DAY - 30_000)
    // The other tab ended the session a moment ago; its message has not arrived yet.
    localStorage.clear()
    pass(30_000)
    expect(credentialStore.get()).toBeNull()
    expect(credentialStore.lastEndReason()).toBe('lifetime')
  })
})
