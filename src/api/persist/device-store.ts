import { deviceStoreName } from './keeps-data'
import type { Group, Guest, ListCompleteness, Member } from '../types'

// The organization's directory, groups and guests, kept on a remembered device (#25), so a return
// shows them at once and a refresh asks Tallyfy only for what changed. One IndexedDB database per
// organization (`deviceStoreName`), so that ending a session or switching organization deletes it
// whole with one call (api/credentials.ts does, without loading this module). What is kept is what
// the members table, the overview and the groups and guests lists read, in Roster's own shape: never
// a wire record, never the token.
//
// Reading and writing never hold the main thread for long: the directory is kept in chunks of
// CHUNK_SIZE members (the first one FIRST_CHUNK_SIZE), each a JSON string (one copy in and out of IndexedDB, parsed in a task of its
// own, a few milliseconds each at 2,500 members), and a save writes one chunk per transaction.

export const CHUNK_SIZE = 2500
/** The first chunk is smaller: it is all the first rows wait for (a screenful needs a few dozen). */
export const FIRST_CHUNK_SIZE = 500

/** Where chunk `i` starts and ends in the directory's rows. */
function chunkBounds(i: number, length: number): [number, number] {
  const start = i === 0 ? 0 : FIRST_CHUNK_SIZE + (i - 1) * CHUNK_SIZE
  return [start, Math.min(length, i === 0 ? FIRST_CHUNK_SIZE : start + CHUNK_SIZE)]
}
/** Bumped when what is kept changes shape: an older store is then read as empty. */
const FORMAT = 1
const RECORDS = 'records'

// Chunks are keyed ['members', i] (array keys order by their numbers, so the chunks past a shorter
// directory's end are one key range); the lists and the directory's meta by name.
const DIRECTORY_META = 'members-meta'
const chunkKey = (i: number) => ['members', i]

/** What the last read of the directory was, beside its rows. */
export interface StoredDirectoryMeta {
  format: number
  /** Epoch ms (this device's clock) when the read behind the rows began. */
  readAt: number
  /** Epoch ms of the last read of every page; a refresh by change gives way to a full read a day later. */
  fullReadAt: number
  /** The newest `updated_at` that read saw (Tallyfy's clock): where a refresh by change may stop. */
  changedUpTo: string | null
  /** The server's total when read, and the rows kept. */
  total: number
  count: number
  chunks: number
}

export interface StoredDirectory {
  meta: StoredDirectoryMeta
  members: Member[]
}

export type ListKind = 'groups' | 'guests'

export interface StoredList<T> {
  format: number
  readAt: number
  items: T[]
  completeness: ListCompleteness | null
}

// ─── The kept shape of a member ─────────────────────────────────────────────────────────────────
// A tuple rather than an object: half the bytes, and it says exactly which fields are kept. Names
// and contact details beyond these (first and last name, phone, time zone, activation date) are the
// member page's, which reads the member itself.

type KeptGroupRef = [id: string, name: string]
type KeptMember = [
  id: number,
  email: string | null,
  fullName: string,
  role: Member['role'],
  rawRole: string | null,
  status: Member['status'],
  jobTitle: string | null,
  pictureUrl: string | null,
  createdAt: string | null,
  lastLoginAt: string | null,
  updatedAt: string | null,
  isDefaultAdmin: 0 | 1,
  groups: KeptGroupRef[] | null,
]

export function keptMember(m: Member): KeptMember {
  return [
    m.id,
    m.email,
    m.fullName,
    m.role,
    m.rawRole,
    m.status,
    m.jobTitle,
    m.pictureUrl,
    m.createdAt,
    m.lastLoginAt,
    m.updatedAt,
    m.isDefaultAdmin ? 1 : 0,
    m.groups ? m.groups.map((g) => [g.id, g.name]) : null,
  ]
}

export function memberFromKept(k: KeptMember): Member {
  return {
    id: k[0],
    email: k[1],
    firstName: null,
    lastName: null,
    fullName: k[2],
    role: k[3],
    rawRole: k[4],
    status: k[5],
    jobTitle: k[6],
    phone: null,
    timezone: null,
    pictureUrl: k[7],
    createdAt: k[8],
    activatedAt: null,
    lastLoginAt: k[9],
    updatedAt: k[10],
    isDefaultAdmin: k[11] === 1,
    groups: k[12] ? k[12].map(([id, name]) => ({ id, name })) : null,
  }
}

/** A guest as the guests list, its filters and the overview read it. */
function keptGuest(g: Guest): Guest {
  return {
    ...g,
    phone: null,
    timezone: null,
    companyUrl: null,
    lastCity: null,
    lastCountry: null,
  }
}

// ─── IndexedDB, promised ────────────────────────────────────────────────────────────────────────

function done<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.addEventListener('success', () => resolve(request.result))
    request.addEventListener('error', () => reject(request.error ?? new Error('IndexedDB request failed')))
  })
}

function committed(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    const failed = () => reject(tx.error ?? new Error('IndexedDB transaction failed'))
    tx.addEventListener('complete', () => resolve())
    tx.addEventListener('abort', failed)
    tx.addEventListener('error', failed)
  })
}

/** A task of its own: what comes next does not extend the current one past a frame. */
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0))

/** After the next frame (a background tab has none: 100 ms at most). */
function afterFrame(): Promise<void> {
  if (typeof requestAnimationFrame !== 'function') return Promise.resolve()
  return new Promise((resolve) => {
    const fallback = setTimeout(resolve, 100)
    requestAnimationFrame(() =>
      setTimeout(() => {
        clearTimeout(fallback)
        resolve()
      }, 0),
    )
  })
}

function hasIndexedDb(): boolean {
  try {
    return typeof indexedDB !== 'undefined' && indexedDB !== null
  } catch {
    return false
  }
}

/** Opens (creating when absent) the organization's store, or null where IndexedDB is unavailable. */
export async function openStore(orgId: string): Promise<IDBDatabase | null> {
  if (!hasIndexedDb()) return null
  const request = indexedDB.open(deviceStoreName(orgId), 1)
  request.addEventListener('upgradeneeded', () => {
    if (!request.result.objectStoreNames.contains(RECORDS)) request.result.createObjectStore(RECORDS)
  })
  try {
    const db = await done(request)
    // Another tab deletes the store (a sign-out, an organization switch): let it, at once.
    db.addEventListener('versionchange', () => db.close())
    return db
  } catch {
    return null
  }
}

/** Whether the organization has a store at all, without creating one (absent: nothing to read). */
async function storeExists(orgId: string): Promise<boolean> {
  if (!hasIndexedDb()) return false
  if (typeof indexedDB.databases !== 'function') return true
  try {
    const name = deviceStoreName(orgId)
    return (await indexedDB.databases()).some((db) => db.name === name)
  } catch {
    return true
  }
}

async function get<T>(db: IDBDatabase, key: IDBValidKey): Promise<T | undefined> {
  return done(db.transaction(RECORDS, 'readonly').objectStore(RECORDS).get(key)) as Promise<T | undefined>
}

function isMeta(value: unknown): value is StoredDirectoryMeta {
  if (!value || typeof value !== 'object') return false
  const m = value as Partial<StoredDirectoryMeta>
  return (
    m.format === FORMAT &&
    typeof m.readAt === 'number' &&
    typeof m.fullReadAt === 'number' &&
    typeof m.total === 'number' &&
    typeof m.count === 'number' &&
    typeof m.chunks === 'number'
  )
}

/**
 * The organization's stored directory, or null (none, another format, unreadable). `onFirstChunk`
 * gets the first chunk's members as soon as they are read, before the others, so the first rows can
 * show while the rest is parsed, a chunk per task.
 */
export async function readDirectory(
  orgId: string,
  onFirstChunk?: (members: Member[], meta: StoredDirectoryMeta) => void,
): Promise<StoredDirectory | null> {
  // Opened without asking whether it exists (a round trip the first rows would wait for): only a
  // session that keeps data reads, and it would create the store anyway.
  const db = await openStore(orgId)
  if (!db) return null
  try {
    const meta = await get<unknown>(db, DIRECTORY_META)
    if (!isMeta(meta)) return null
    const members: Member[] = []
    const parse = (text: unknown) => {
      if (typeof text !== 'string') throw new Error('a chunk is missing')
      for (const kept of JSON.parse(text) as KeptMember[]) members.push(memberFromKept(kept))
    }
    // The first chunk alone, parsed and handed on at once: the first rows wait for nothing else.
    parse(await get<string>(db, chunkKey(0)))
    onFirstChunk?.(members.slice(), meta)
    // The table's first render of those rows comes before the rest is parsed (a frame, or 100 ms).
    await afterFrame()
    if (meta.chunks > 1) {
      // The others in one transaction (their strings are copied, not parsed), then a chunk per task.
      const tx = db.transaction(RECORDS, 'readonly')
      const store = tx.objectStore(RECORDS)
      const rest = await Promise.all(
        Array.from({ length: meta.chunks - 1 }, (_, i) => done(store.get(chunkKey(i + 1)))),
      )
      for (let i = 0; i < rest.length; i++) {
        await nextTask()
        parse(rest[i])
        rest[i] = undefined
      }
    }
    if (members.length !== meta.count) return null
    return { meta, members }
  } catch {
    return null
  } finally {
    db.close()
  }
}

/**
 * Keeps the directory, a chunk per transaction, asking `allowed()` before each (a session that
 * ended meanwhile must not write again what its end deleted). Chunks whose rows are the very
 * objects `previous` held at that place are not written again. Resolves false when it stopped.
 */
export async function writeDirectory(
  orgId: string,
  members: readonly Member[],
  meta: Omit<StoredDirectoryMeta, 'format' | 'count' | 'chunks'>,
  allowed: () => boolean,
  previous: readonly Member[] | null = null,
): Promise<boolean> {
  if (!allowed()) return false
  const db = await openStore(orgId)
  if (!db) return false
  try {
    const chunks = 1 + Math.max(0, Math.ceil((members.length - FIRST_CHUNK_SIZE) / CHUNK_SIZE))
    for (let i = 0; i < chunks; i++) {
      const [start, end] = chunkBounds(i, members.length)
      if (previous && sameRows(members, previous, start, end)) continue
      if (!allowed()) return false
      const text = JSON.stringify(members.slice(start, end).map(keptMember))
      const tx = db.transaction(RECORDS, 'readwrite')
      tx.objectStore(RECORDS).put(text, chunkKey(i))
      await committed(tx)
      await nextTask()
    }
    if (!allowed()) return false
    // The meta last: a reader never sees a count the chunks do not hold yet. Chunks past the end
    // (the directory shrank) go with it.
    const tx = db.transaction(RECORDS, 'readwrite')
    const store = tx.objectStore(RECORDS)
    const stored: StoredDirectoryMeta = { ...meta, format: FORMAT, count: members.length, chunks }
    store.put(stored, DIRECTORY_META)
    store.delete(IDBKeyRange.bound(chunkKey(chunks), chunkKey(Number.MAX_SAFE_INTEGER)))
    await committed(tx)
    return true
  } catch {
    return false
  } finally {
    db.close()
  }
}

function sameRows(a: readonly Member[], b: readonly Member[], start: number, end: number): boolean {
  if (b.length < end) return false
  for (let i = start; i < end; i++) if (a[i] !== b[i]) return false
  return true
}

export async function readList<T extends Group | Guest>(
  orgId: string,
  kind: ListKind,
): Promise<StoredList<T> | null> {
  if (!(await storeExists(orgId))) return null
  const db = await openStore(orgId)
  if (!db) return null
  try {
    const stored = await get<StoredList<T>>(db, kind)
    return stored && stored.format === FORMAT && Array.isArray(stored.items) ? stored : null
  } catch {
    return null
  } finally {
    db.close()
  }
}

export async function writeList(
  orgId: string,
  kind: ListKind,
  items: readonly Group[] | readonly Guest[],
  completeness: ListCompleteness | null,
  readAt: number,
  allowed: () => boolean,
): Promise<boolean> {
  if (!allowed()) return false
  const db = await openStore(orgId)
  if (!db) return false
  try {
    if (!allowed()) return false
    const kept =
      kind === 'guests' ? (items as readonly Guest[]).map(keptGuest) : (items as readonly Group[]).slice()
    // Only a complete list is kept (the caller's rule), so its completeness holds no error object.
    const stored: StoredList<Group | Guest> = {
      format: FORMAT,
      readAt,
      items: kept,
      completeness: completeness && {
        complete: completeness.complete,
        total: completeness.total,
        error: null,
      },
    }
    const tx = db.transaction(RECORDS, 'readwrite')
    tx.objectStore(RECORDS).put(stored, kind)
    await committed(tx)
    return true
  } catch {
    return false
  } finally {
    db.close()
  }
}

/** Deletes the organization's store (credentials.ts does the same on every end of a session). */
export function deleteStore(orgId: string): Promise<void> {
  if (!hasIndexedDb()) return Promise.resolve()
  return new Promise((resolve) => {
    const request = indexedDB.deleteDatabase(deviceStoreName(orgId))
    request.addEventListener('success', () => resolve())
    request.addEventListener('error', () => resolve())
    // Blocked by a connection of another tab that has not closed yet: it closes on versionchange,
    // and the deletion then goes through on its own.
  })
}
