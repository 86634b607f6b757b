// How long a session lasts: the two limits of #24, in one place. The README names them, the sign-in
// page and the warning say them in these words, and api/credentials.ts and
// features/auth/session-timeout.tsx both decide with sessionDeadline().
//
// - Not remembered (the token in this tab's sessionStorage): ends after IDLE_LIMIT_MS without
//   activity, that is pointer or keyboard input in any tab of Roster in this browser. Background
//   requests (a directory refresh, a batch running on its own) are not activity.
// - Remembered ("Remember me on this device", localStorage): ends REMEMBERED_LIMIT_MS after the
//   sign-in, however active the person has been. An absolute lifetime, as Google Workspace's and
//   Okta's maximum session lengths are: what it bounds is how long a device holds the token.
// Both are announced WARNING_MS ahead, with "Stay signed in".

const MINUTE_MS = 60_000
const DAY_MS = 24 * 60 * MINUTE_MS

export const IDLE_LIMIT_MINUTES = 60
export const REMEMBERED_LIMIT_DAYS = 30

export const IDLE_LIMIT_MS = IDLE_LIMIT_MINUTES * MINUTE_MS
export const REMEMBERED_LIMIT_MS = REMEMBERED_LIMIT_DAYS * DAY_MS
export const WARNING_MS = MINUTE_MS

/** Which limit ends a session: inactivity, or the remembered session's lifetime. */
export type SessionLimit = 'idle' | 'lifetime'

/** localStorage: epoch ms of the latest pointer or keyboard input in any tab (or of the sign-in). */
export const LAST_ACTIVE_KEY = 'roster.lastActive'

/**
 * The BroadcastChannel every tab of Roster listens on. `signed-out`: a session ended here, so it ends
 * in every tab, for the same reason (api/credentials.ts). `kept`: "Stay signed in" at the end of a
 * remembered session's lifetime, so every tab keeps it for its visit (features/auth/session-timeout.tsx).
 */
export const SESSION_CHANNEL = 'roster.session'
export type SessionMessage = { type: 'signed-out'; reason: 'signed-out' | SessionLimit } | { type: 'kept' }

export interface SessionTiming {
  /** The token is in localStorage (this browser remembers it). */
  remembered: boolean
  /** Epoch ms of the sign-in. */
  signedInAt: number
  /** Epoch ms of the latest pointer or keyboard input in any tab, or the sign-in. */
  lastActiveAt: number
}

export interface SessionDeadline {
  /** Epoch ms at which the session ends. */
  at: number
  limit: SessionLimit
}

export function sessionDeadline(timing: SessionTiming): SessionDeadline {
  return timing.remembered
    ? { at: timing.signedInAt + REMEMBERED_LIMIT_MS, limit: 'lifetime' }
    : { at: timing.lastActiveAt + IDLE_LIMIT_MS, limit: 'idle' }
}
