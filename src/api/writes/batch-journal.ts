import { credentialStore } from '../credentials'
import type { ItemStatus } from './batch'

// A batch's journal in the browser, so that a reload or a crash in the middle of a batch can be
// resumed without doing anything twice. One per organization (the latest batch's), in localStorage
// under `roster.batch.<orgId>`. It holds IDs and outcomes only: what was asked (kind and params,
// IDs and enums), the Activity label (which names no person) and one word per person. No name, no
// email, no Tallyfy words: a shared computer keeps nothing personal after the tab closes, and an
// explicit sign-out removes it in every tab (credentials.ts forgets `roster.batch.*`).

/**
 * Where one person stands: not sent yet, perhaps sent (marked before the request leaves, so a crash
 * mid-request reads 'sent'), or the outcome.
 */
export type JournalItem = 'pending' | 'sent' | ItemStatus

export interface BatchJournal {
  id: string
  kind: string
  params: Record<string, string>
  label: string
  /** Epoch ms. */
  startedAt: number
  items: Record<string, JournalItem>
}

export const JOURNAL_PREFIX = 'roster.batch.'

export const journalKey = (orgId: string) => `${JOURNAL_PREFIX}${orgId}`

const ITEM_VALUES: ReadonlySet<string> = new Set<JournalItem>([
  'pending',
  'sent',
  'done',
  'skipped',
  'refused',
  'uncertain',
  'failed',
  'not-sent',
])

function storage(): Storage | null {
  try {
    return globalThis.localStorage ?? null
  } catch {
    return null
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/** The journal as stored, or null when it is anything else (hand edits, an older version, a torn write). */
function toJournal(value: unknown): BatchJournal | null {
  if (!isRecord(value)) return null
  const { id, kind, params, label, startedAt, items } = value
  if (typeof id !== 'string' || !id || typeof kind !== 'string' || !kind || typeof label !== 'string')
    return null
  if (typeof startedAt !== 'number' || !Number.isFinite(startedAt)) return null
  if (!isRecord(params) || !isRecord(items)) return null
  const cleanParams: Record<string, string> = {}
  for (const [name, param] of Object.entries(params)) {
    if (typeof param !== 'string') return null
    cleanParams[name] = param
  }
  const cleanItems: Record<string, JournalItem> = {}
  for (const [key, item] of Object.entries(items)) {
    if (!key || typeof item !== 'string' || !ITEM_VALUES.has(item)) return null
    cleanItems[key] = item as JournalItem
  }
  return { id, kind, params: cleanParams, label, startedAt, items: cleanItems }
}

/**
 * The organization's unfinished batch, or null. Anything unreadable is removed rather than thrown:
 * a journal that cannot be trusted must not drive a Resume.
 */
export function readJournal(orgId: string): BatchJournal | null {
  const store = storage()
  if (!store) return null
  let raw: string | null
  try {
    raw = store.getItem(journalKey(orgId))
  } catch {
    return null
  }
  if (raw === null) return null
  let journal: BatchJournal | null = null
  try {
    journal = toJournal(JSON.parse(raw))
  } catch {
    journal = null
  }
  if (!journal) discardJournal(orgId)
  return journal
}

/** Forgets the organization's journal; with `id`, only if it is still that batch's. */
export function discardJournal(orgId: string, id?: string): void {
  const store = storage()
  if (!store) return
  try {
    if (id !== undefined && readJournalId(store, orgId) !== id) return
    store.removeItem(journalKey(orgId))
  } catch {
    // Nothing more to do: a journal that cannot be removed could not be read either.
  }
}

function readJournalId(store: Storage, orgId: string): string | null {
  try {
    const value: unknown = JSON.parse(store.getItem(journalKey(orgId)) ?? 'null')
    return isRecord(value) && typeof value.id === 'string' ? value.id : null
  } catch {
    return null
  }
}

export interface UnfinishedKeys {
  /** Perhaps sent ('sent', 'uncertain'): read each record first, send only when the change is not there. */
  verifyFirst: string[]
  /** Certainly not sent ('pending', 'not-sent'): Resume sends them. */
  toSend: string[]
  /** Refused or failed: not for Resume (it would only be refused again), but for "Retry failed". */
  refusedOrFailed: string[]
}

/**
 * What a Resume has to do. It never touches 'done' or 'skipped'; 'sent' and 'uncertain' are checked
 * first (the caller's re-read), since Tallyfy may have made the change before the answer was lost.
 */
export function unfinishedKeys(journal: BatchJournal): UnfinishedKeys {
  const result: UnfinishedKeys = { verifyFirst: [], toSend: [], refusedOrFailed: [] }
  for (const [key, item] of Object.entries(journal.items)) {
    if (item === 'sent' || item === 'uncertain') result.verifyFirst.push(key)
    else if (item === 'pending' || item === 'not-sent') result.toSend.push(key)
    else if (item === 'refused' || item === 'failed') result.refusedOrFailed.push(key)
  }
  return result
}

/** Whether a Resume would have anything to do. */
export function hasUnfinished(journal: BatchJournal): boolean {
  const { verifyFirst, toSend } = unfinishedKeys(journal)
  return verifyFirst.length > 0 || toSend.length > 0
}

/** A key that would put personal data in storage (a guest is keyed by email): such a batch keeps no journal. */
export const isPersonalKey = (key: string) => key.includes('@')

export const journalPolicy = {
  /** Outcomes are written at most this often (a 'sent' mark is written at once, before its request). */
  throttleMs: 250,
}

// Bumped by an explicit sign-out: a batch still running in this tab (its writes now refused as not
// sent) must not write its journal back after the sign-out removed it.
let signOutGeneration = 0
let signedIn = credentialStore.get()
credentialStore.subscribe(() => {
  const next = credentialStore.get()
  if (signedIn && next === null && credentialStore.endingReason() !== 'expired') signOutGeneration++
  signedIn = next
})

export interface JournalWriter {
  /** Writes now: the journal must say 'sent' before the request leaves. */
  writeNow(): void
  /** An outcome changed: written within `journalPolicy.throttleMs`. */
  changed(): void
  /** The batch ended: writes what it holds, or removes the journal when nothing is left to do. */
  finish(): void
}

/**
 * Keeps `items` (the runner's own map, read at every write) in storage for one batch. Writing fails
 * quietly: the journal is then removed, since a stale one could make a Resume send something twice,
 * and the batch goes on without one.
 */
export function journalWriter(
  orgId: string,
  head: Omit<BatchJournal, 'items'>,
  items: ReadonlyMap<string, JournalItem>,
): JournalWriter {
  const generation = signOutGeneration
  let broken = false
  let timer: ReturnType<typeof setTimeout> | null = null
  let lastWrite = Number.NEGATIVE_INFINITY

  const usable = () => !broken && generation === signOutGeneration

  const cancelTimer = () => {
    if (timer !== null) clearTimeout(timer)
    timer = null
  }

  const write = () => {
    cancelTimer()
    if (!usable()) return
    const store = storage()
    if (!store) {
      broken = true
      return
    }
    const journal: BatchJournal = { ...head, items: Object.fromEntries(items) }
    try {
      store.setItem(journalKey(orgId), JSON.stringify(journal))
      lastWrite = Date.now()
    } catch {
      broken = true
      discardJournal(orgId, head.id)
    }
  }

  return {
    writeNow: write,
    changed() {
      if (timer !== null || !usable()) return
      const wait = Math.max(0, lastWrite + journalPolicy.throttleMs - Date.now())
      timer = setTimeout(write, wait)
    },
    finish() {
      cancelTimer()
      if (!usable()) return
      const journal: BatchJournal = { ...head, items: Object.fromEntries(items) }
      if (hasUnfinished(journal)) write()
      else discardJournal(orgId, head.id)
    },
  }
}

// A batch's journal is shared by every tab of the browser, so a batch still running in one tab looks,
// to another, like one a reload cut short. The running tab holds a Web Lock named after the batch
// until it ends; the lock goes with the tab when it closes or crashes, so a Resume is offered exactly
// when nobody is running the batch. Without Web Locks (old browsers, jsdom) nothing is held and the
// check says no one runs it: what the page did before.

/** The Web Lock a tab holds while it runs a batch. */
export const batchLockName = (orgId: string, id: string) => `${journalKey(orgId)}.${id}`

const locks = (): LockManager | null =>
  typeof navigator !== 'undefined' && 'locks' in navigator ? navigator.locks : null

/**
 * Holds the batch's lock until `until` settles. `ifAvailable`: when another holder has it (a Resume
 * that took it first), this one goes without, since the holder already speaks for the batch.
 */
export function holdBatchLock(orgId: string, id: string, until: Promise<unknown>): void {
  const manager = locks()
  if (!manager) return
  void manager
    .request(batchLockName(orgId, id), { ifAvailable: true }, () => until.then(noop, noop))
    .catch(noop)
}

/**
 * Runs `start` while holding the batch's lock, unless a tab holds it already (the batch runs there):
 * then `start` is not called and this resolves false. `start` returns what to hold the lock until.
 */
export function withBatchLock(
  orgId: string,
  id: string,
  start: () => Promise<unknown> | null,
): Promise<boolean> {
  const manager = locks()
  if (!manager) return Promise.resolve(start() !== null)
  return new Promise<boolean>((resolve) => {
    manager
      .request(batchLockName(orgId, id), { ifAvailable: true }, (lock) => {
        if (!lock) {
          resolve(false)
          return undefined
        }
        const running = start()
        resolve(running !== null)
        return running?.then(noop, noop)
      })
      .catch(() => resolve(false))
  })
}

/** Whether some tab of this browser runs the batch now (holds its lock). */
export async function isBatchRunning(orgId: string, id: string): Promise<boolean> {
  const manager = locks()
  if (!manager) return false
  try {
    const { held = [] } = await manager.query()
    return held.some((lock) => lock.name === batchLockName(orgId, id))
  } catch {
    return false
  }
}

function noop() {}
