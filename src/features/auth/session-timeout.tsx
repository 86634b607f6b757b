// Ends a session at its limits (lib/session-limits.ts) and announces the end a minute ahead, with
// "Stay signed in". Loaded once the first page is on screen (app/layout/session-timeout-loader.tsx):
// a session already over when a page loads is refused by the credential store itself, so nothing
// here is needed for the first render.
//
// Every tab runs its own clock from what all tabs share (the last activity, the sign-in time), so the
// tabs warn and end together; the first to end tells the others (api/credentials.ts), whose own
// timers may be late (a hidden tab's are throttled). Ending is `credentialStore.endSession(limit)`:
// it clears what signing out clears, in every tab, and the sign-in page says why.
//
// "Stay signed in" before 60 minutes without activity counts as activity. Before a remembered
// session's 30 days are up it keeps the session for this visit, in every open tab, but this browser
// stops remembering it (the lifetime bounds how long a device holds the token): from then on it is a
// session that is not remembered, ended by 60 minutes without activity or by closing the tab. To be
// remembered again, sign in again.
import { useEffect, useId, useRef, useState } from 'react'
import { credentialStore } from '../../api/credentials'
import { Dialog } from '../../components/dialog'
import {
  IDLE_LIMIT_MINUTES,
  LAST_ACTIVE_KEY,
  REMEMBERED_LIMIT_DAYS,
  SESSION_CHANNEL,
  sessionDeadline,
  WARNING_MS,
  type SessionDeadline,
  type SessionMessage,
} from '../../lib/session-limits'
import { useSignOut } from './sign-out-button'

/** Pointer and keyboard input. Not scrolling by script, not focus moving, not requests. */
const ACTIVITY_EVENTS = ['pointerdown', 'keydown', 'wheel'] as const
/** Input is written for the other tabs at most this often: the shared time lags by no more. */
const ACTIVITY_WRITE_MS = 5_000
/** setTimeout fires at once past 2^31 - 1 ms (24.8 days), less than 30 days: long waits go in steps. */
const MAX_WAIT_MS = 24 * 60 * 60_000

/** Input here, written where every tab reads it (they hear of it through the storage event). */
function shareActivity(at: number) {
  try {
    localStorage.setItem(LAST_ACTIVE_KEY, String(at))
  } catch {
    // This tab still counts it (SessionTimeout's own copy); other tabs go by their own input.
  }
}

function openChannel(): BroadcastChannel | null {
  try {
    return new BroadcastChannel(SESSION_CHANNEL)
  } catch {
    return null
  }
}

function forgetDeviceStore(orgId: string | undefined) {
  try {
    if (orgId) indexedDB.deleteDatabase(`roster.org.${orgId}`)
  } catch {
    // No IndexedDB here: nothing was kept in it either.
  }
}

export function SessionTimeout({ onSignedOut }: { onSignedOut: () => void }) {
  const [warning, setWarning] = useState<SessionDeadline | null>(null)
  const stayRef = useRef<(limit: SessionDeadline['limit']) => void>(() => {})

  // Timers, input and the other tabs are subscriptions to the browser, which is what an effect is for.
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined
    let warningShown = false
    let lastWrite = Number.NEGATIVE_INFINITY
    // This tab's latest input, in case localStorage refuses to hold it.
    let lastInputHere = 0
    const recordActivity = (at: number) => {
      lastInputHere = at
      shareActivity(at)
    }

    const check = () => {
      clearTimeout(timer)
      const timing = credentialStore.timing()
      if (!timing) return
      const deadline = sessionDeadline({
        ...timing,
        lastActiveAt: Math.max(timing.lastActiveAt, lastInputHere),
      })
      const now = Date.now()
      if (deadline.at <= now) {
        credentialStore.endSession(deadline.limit)
        return
      }
      const warnAt = deadline.at - WARNING_MS
      warningShown = now >= warnAt
      setWarning((shown) =>
        !warningShown ? null : shown?.at === deadline.at && shown.limit === deadline.limit ? shown : deadline,
      )
      timer = setTimeout(check, Math.min((warningShown ? deadline.at : warnAt) - now, MAX_WAIT_MS))
    }

    const onInput = () => {
      // While the warning is up only its buttons count: a key pressed to reach them must not hide it.
      if (warningShown) return
      const now = Date.now()
      if (now - lastWrite < ACTIVITY_WRITE_MS) return
      lastWrite = now
      recordActivity(now)
    }
    // Another tab chose "Stay signed in" at the lifetime: this tab keeps the session too.
    const channel = openChannel()
    const onMessage = (event: MessageEvent<SessionMessage | null>) => {
      if (event.data?.type !== 'kept') return
      // Someone just pressed a button: activity, even before that tab's note of it reaches this one's
      // view of localStorage (which can lag behind another tab's writes).
      lastInputHere = Date.now()
      credentialStore.stopRemembering()
    }
    channel?.addEventListener('message', onMessage)
    stayRef.current = (limit) => {
      recordActivity(Date.now())
      if (limit === 'lifetime') {
        credentialStore.stopRemembering()
        // The device no longer remembers the session: what it kept of the organization goes (#25;
        // the name is api/persist/keeps-data.ts `deviceStoreName`, not imported: its chunk is the loader's).
        forgetDeviceStore(credentialStore.get()?.orgId)
        // oxlint-disable-next-line unicorn/require-post-message-target-origin -- a BroadcastChannel, not a window
        channel?.postMessage({ type: 'kept' } satisfies SessionMessage)
      }
      check()
    }
    // Another tab's activity, "Stay signed in" or sign-in: the deadline may have moved.
    const onStorage = () => check()
    // A hidden tab's timers run late, and a sleeping computer's not at all: look again on return.
    const onVisible = () => {
      if (document.visibilityState === 'visible') check()
    }

    for (const type of ACTIVITY_EVENTS)
      window.addEventListener(type, onInput, { capture: true, passive: true })
    window.addEventListener('storage', onStorage)
    document.addEventListener('visibilitychange', onVisible)
    const unsubscribe = credentialStore.subscribe(check)
    check()
    return () => {
      clearTimeout(timer)
      for (const type of ACTIVITY_EVENTS) window.removeEventListener(type, onInput, { capture: true })
      window.removeEventListener('storage', onStorage)
      document.removeEventListener('visibilitychange', onVisible)
      channel?.close()
      unsubscribe()
    }
  }, [])

  const signOut = useSignOut(onSignedOut)
  if (!warning) return null

  const stay = () => stayRef.current(warning.limit)
  return <SessionWarning deadline={warning} onStay={stay} onSignOut={signOut} />
}

const clockTime = (at: number) => new Intl.DateTimeFormat(undefined, { timeStyle: 'short' }).format(at)

function SessionWarning({
  deadline,
  onStay,
  onSignOut,
}: {
  deadline: SessionDeadline
  onStay: () => void
  onSignOut: () => void
}) {
  const bodyId = useId()
  const stayRef = useRef<HTMLButtonElement>(null)
  const secondsLeft = useSecondsUntil(deadline.at)
  const at = clockTime(deadline.at)
  return (
    // Escape and Close keep the session too: whoever pressed them is at the screen.
    <Dialog
      title="You’ll be signed out in a minute"
      role="alertdialog"
      describedBy={bodyId}
      initialFocus={stayRef}
      onClose={onStay}
      className="dialog--alert"
    >
      <div className="dialog__message">
        <p id={bodyId}>
          {deadline.limit === 'idle'
            ? `Roster signs you out after ${IDLE_LIMIT_MINUTES} minutes without activity, so that nobody else can use an unattended screen. You will be signed out at ${at}.`
            : `Roster remembers a sign-in on a device for ${REMEMBERED_LIMIT_DAYS} days, and this one’s time is up at ${at}. Stay signed in to carry on while Roster is open; this device will no longer remember you.`}
        </p>
        {/* Not announced as it counts (role="timer" is not live): the text above says when. */}
        <p role="timer">
          {secondsLeft} {secondsLeft === 1 ? 'second' : 'seconds'} left
        </p>
      </div>
      <div className="dialog__actions">
        <button type="button" className="button" onClick={onSignOut}>
          Sign out
        </button>
        <button ref={stayRef} type="button" className="button button--primary" onClick={onStay}>
          Stay signed in
        </button>
      </div>
    </Dialog>
  )
}

const secondsUntil = (at: number) => Math.max(0, Math.ceil((at - Date.now()) / 1000))

/** Whole seconds until `at`, counting down once a second while shown. */
function useSecondsUntil(at: number): number {
  const [seconds, setSeconds] = useState(() => secondsUntil(at))
  useEffect(() => {
    const tick = () => setSeconds(secondsUntil(at))
    tick()
    const interval = setInterval(tick, 1000)
    return () => clearInterval(interval)
  }, [at])
  return seconds
}
