import { useSyncExternalStore } from 'react'
import { credentialStore } from '../credentials'
import { tallyfyWords } from '../describe-error'
import { isApiError } from '../errors'
import { refusalMessage } from './refusal'
import { isUncertainWrite } from './uncertain'

// The session's record of every write, single or batched: what, when, and how it ended. A notice
// fades or is pushed out by newer ones, a page that started a write unmounts, a session expires
// mid-write: the outcome still lands here, and the Activity panel (opened from the header) shows it,
// with Undo while Undo is still possible. Memory only, like the query cache: nothing of it is stored.
//
// Entries belong to an organization. An explicit sign-out forgets them (what signing out clears);
// an expired session keeps them for the same organization, so whoever signs in again can read what
// happened to the writes the expiry cut short.

export type WriteOutcome =
  /** Sent (or queued); no answer yet. */
  | 'pending'
  | 'done'
  /** Tallyfy said no, in its own words (the entry's detail). */
  | 'refused'
  /** The answer was lost and reading the record again did not tell (network drop, 5xx). */
  | 'uncertain'
  /** Done, then taken back by Undo. */
  | 'undone'
  /** It failed for another reason (Tallyfy unavailable, an unexpected answer). */
  | 'failed'
  /** It never left: the session that made it ended first. */
  | 'not-sent'

export interface ActivityEntry {
  id: number
  orgId: string
  /** What was asked, in the person's words: "Change Bob Smith's role to Light". */
  label: string
  startedAt: number
  settledAt: number | null
  outcome: WriteOutcome
  /** Tallyfy's words for a refusal, what the server now holds after an uncertain failure, or a note. */
  detail: string | null
  canUndo: boolean
  /** A batch while it runs: how many of its people have an outcome so far. */
  progress: { done: number; total: number } | null
  /** What the panel offers to open the write's own view ("Show results" of a batch), while it can. */
  open: { label: string; run: () => void } | null
}

/** What a write site holds while its write runs, to say how it ended. */
export interface WriteRecord {
  readonly id: number
  done(opts?: { detail?: string | null; undo?: (() => void) | null }): void
  /**
   * Refused, failed, uncertain or not sent, told apart from the error. `what` names the record; or
   * give the message the caller already showed (one that names a person for an index, say), so the
   * entry and the notice say the same.
   */
  fail(error: unknown, how?: string | { what?: string; message?: string }): void
  /** Undo went through: the entry says so and offers no Undo any more. */
  undone(detail?: string): void
  /** Undo was tried and failed: the entry says so (and keeps no Undo). */
  undoFailed(error: unknown, what?: string): void
  /** A batch: `done` of `total` people have an outcome. */
  progress(done: number, total: number): void
  /**
   * Settles with an outcome the caller decided (a batch: done when anyone was done, else what went
   * wrong for most), and the detail to show ("38 done, 2 skipped").
   */
  settle(outcome: Exclude<WriteOutcome, 'pending' | 'undone'>, detail?: string | null): void
  /** Offers Undo once it is known (a batch's, after its results), or takes it away with null. */
  setUndo(undo: (() => void) | null): void
  /** Lets the panel open the write's own view again ("Show results"); null takes it away. */
  setOpen(label: string, run: () => void): void
  clearOpen(): void
}

interface Entry extends ActivityEntry {
  undo: (() => void) | null
}

/** Oldest entries go first past this many, so a long session cannot grow without bound. */
const MAX_ENTRIES = 500

let entries: Entry[] = []
let nextId = 1
const listeners = new Set<() => void>()
// Snapshots per organization, rebuilt only after a change, so useSyncExternalStore sees a stable value.
let snapshots = new Map<string, readonly ActivityEntry[]>()

function changed() {
  snapshots = new Map()
  for (const listener of listeners) listener()
}

function update(id: number, patch: Partial<Entry>) {
  const index = entries.findIndex((e) => e.id === id)
  if (index === -1) return
  const next = { ...entries[index], ...patch } as Entry
  next.canUndo = next.undo !== null
  entries = entries.map((e, i) => (i === index ? next : e))
  changed()
}

function outcomeOf(
  error: unknown,
  what: string,
  message?: string,
): { outcome: WriteOutcome; detail: string } {
  if (isUncertainWrite(error)) return { outcome: 'uncertain', detail: error.message }
  if (isApiError(error) && error.kind === 'aborted')
    return { outcome: 'not-sent', detail: 'Not sent: the session that made this change ended first.' }
  const detail = message ?? refusalMessage(error, { what })
  return { outcome: tallyfyWords(error) ? 'refused' : 'failed', detail }
}

export const activity = {
  /** Records a write as it starts; the returned record says how it ended. */
  start(orgId: string, label: string): WriteRecord {
    const id = nextId++
    const entry: Entry = {
      id,
      orgId,
      label,
      startedAt: Date.now(),
      settledAt: null,
      outcome: 'pending',
      detail: null,
      canUndo: false,
      progress: null,
      open: null,
      undo: null,
    }
    entries = [...entries, entry].slice(-MAX_ENTRIES)
    changed()
    const settle = (patch: Partial<Entry>) => update(id, { settledAt: Date.now(), ...patch })
    return {
      id,
      done: ({ detail = null, undo = null } = {}) => settle({ outcome: 'done', detail, undo }),
      fail: (error, how = 'item') => {
        const { what = 'item', message } = typeof how === 'string' ? { what: how } : how
        settle({ ...outcomeOf(error, what, message), undo: null })
      },
      undone: (detail) => settle({ outcome: 'undone', detail: detail ?? null, undo: null }),
      undoFailed: (error, what = 'item') =>
        settle({ detail: `Undo failed: ${outcomeOf(error, what).detail}`, undo: null }),
      progress: (done, total) => {
        const current = entries.find((e) => e.id === id)?.progress
        if (current?.done !== done || current.total !== total) update(id, { progress: { done, total } })
      },
      settle: (outcome, detail = null) => settle({ outcome, detail }),
      setUndo: (undo) => update(id, { undo }),
      setOpen: (openLabel, run) => update(id, { open: { label: openLabel, run } }),
      clearOpen: () => update(id, { open: null }),
    }
  },

  /**
   * Runs the entry's Undo once: the notice's Undo and the panel's Undo are the same action, and
   * whichever is pressed first is the only one that runs.
   */
  undo(id: number): boolean {
    const entry = entries.find((e) => e.id === id)
    const run = entry?.undo
    if (!run) return false
    update(id, { undo: null })
    run()
    return true
  },

  /** Newest first, this organization's only. */
  list(orgId: string): readonly ActivityEntry[] {
    let list = snapshots.get(orgId)
    if (!list) {
      const own: ActivityEntry[] = []
      for (let i = entries.length - 1; i >= 0; i--) {
        const { undo: _undo, ...entry } = entries[i] as Entry
        if (entry.orgId === orgId) own.push(entry)
      }
      list = own
      snapshots.set(orgId, list)
    }
    return list
  },

  /** Writes not yet settled, in any organization (closing the tab asks first while there are any). */
  pendingCount(): number {
    return entries.filter((e) => e.outcome === 'pending').length
  },

  subscribe(listener: () => void): () => void {
    listeners.add(listener)
    return () => listeners.delete(listener)
  },

  /** Forgets one organization's entries (sign-out), or all of them. */
  clear(orgId?: string) {
    entries = orgId === undefined ? [] : entries.filter((e) => e.orgId !== orgId)
    changed()
  },
}

/**
 * One write in one entry: recorded as it starts; a failure is recorded (`how`: what the record is,
 * or the message the screen shows) and rethrown for the screen that asked. Resolves with the
 * write's result and its record, for the caller to settle (`done`, with a detail or Undo) once its
 * own part (the cache, a notice) is done.
 */
export async function recordWrite<T>(
  orgId: string,
  label: string,
  write: () => Promise<T>,
  how: string | { what?: string; message?: string } = 'member',
): Promise<{ result: T; record: WriteRecord }> {
  const record = activity.start(orgId, label)
  try {
    return { result: await write(), record }
  } catch (error) {
    record.fail(error, how)
    throw error
  }
}

export function useActivity(orgId: string): readonly ActivityEntry[] {
  return useSyncExternalStore(
    activity.subscribe,
    () => activity.list(orgId),
    () => activity.list(orgId),
  )
}

// An explicit sign-out (here or in another tab) forgets the organization's entries, as it forgets the
// cache; an expiry keeps them for whoever signs in to that organization again.
let signedIn = credentialStore.get()
credentialStore.subscribe(() => {
  const next = credentialStore.get()
  if (signedIn && next === null && credentialStore.endingReason() !== 'expired')
    activity.clear(signedIn.orgId)
  signedIn = next
})
