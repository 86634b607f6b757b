// oxlint-disable-next-line import/no-unassigned-import -- installs an in-memory IndexedDB as the globals
import 'fake-indexeddb/auto'
import { QueryClient } from '@tanstack/react-query'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { SESSION_CHANNEL } from '../../lib/session-limits'
import { makeMember } from '../../test/member-factory'
import { credentialStore } from '../credentials'
import { groupQueries } from '../groups/queries'
import { guestQueries } from '../guests/queries'
import { memberQueries } from '../members/queries'
import type { Group, Member, MemberDirectory } from '../types'
import {
  CHUNK_SIZE,
  FIRST_CHUNK_SIZE,
  deleteStore,
  openStore,
  readDirectory,
  readList,
  writeDirectory,
} from './device-store'
import { keepOnDevice, keptKeys } from './keep-on-device'
import { deviceStoreName, forgetStoresBut, keepsData } from './keeps-data'

// What a remembered device keeps (#25): per organization, only what the lists read, never the
// token; deleted on every end of the session (in every tab) and on a switch of organization; and
// nothing at all for a session that is not remembered.

const ORG = 'org-a'
const OTHER = 'org-b'
const TOKEN = 'secret-token-123'

// oxlint-disable-next-line unicorn/no-array-sort -- a fresh array (toSorted is past this project's ES2022 lib)
const names = async () => (await indexedDB.databases()).map((db) => db.name).sort()

/** Resolves once IndexedDB has handled what was asked before (a deletion is asynchronous). */
const settled = () => new Promise<void>((resolve) => setTimeout(resolve, 20))

function members(n: number): Member[] {
  return Array.from({ length: n }, (_, i) =>
    makeMember({
      id: 1000 + i,
      fullName: `Member ${i}`,
      firstName: 'First',
      lastName: `Last${i}`,
      phone: '+1 555 0100',
      timezone: 'Europe/Paris',
      activatedAt: '2026-01-01T00:00:00Z',
      updatedAt: '2026-12-01T00:00:00Z',
      groups: [{ id: 'g1', name: 'Sales' }],
    }),
  )
}

const meta = { readAt: 1_000, fullReadAt: 1_000, changedUpTo: '2026-12-01T00:00:00Z', total: 0 }

async function rawTexts(orgId: string): Promise<string[]> {
  const db = (await openStore(orgId))!
  const all = await new Promise<unknown[]>((resolve) => {
    const request = db.transaction('records').objectStore('records').getAll()
    request.onsuccess = () => resolve(request.result)
  })
  db.close()
  return all.map((value) => (typeof value === 'string' ? value : JSON.stringify(value)))
}

beforeEach(async () => {
  for (const name of await names()) if (name) indexedDB.deleteDatabase(name)
  await settled()
  localStorage.clear()
})
afterEach(() => {
  credentialStore.clear()
})

describe('the device store', () => {
  it('keeps the directory in chunks and gives it back as it was, less what the lists do not read', async () => {
    const rows = members(CHUNK_SIZE * 2 + 10)
    expect(await writeDirectory(ORG, rows, { ...meta, total: rows.length }, () => true)).toBe(true)
    let first: Member[] = []
    const stored = await readDirectory(ORG, (chunk) => (first = chunk))
    expect(first).toHaveLength(FIRST_CHUNK_SIZE)
    expect(stored?.meta).toMatchObject({ count: rows.length, chunks: 3, readAt: 1_000 })
    expect(stored?.members).toHaveLength(rows.length)
    expect(stored?.members[5]).toEqual({
      ...rows[5],
      firstName: null,
      lastName: null,
      phone: null,
      timezone: null,
      activatedAt: null,
    })
    const text = (await rawTexts(ORG)).join('\n')
    expect(text).not.toContain('555 0100')
    expect(text).not.toContain('Europe/Paris')
  })

  it('one database per organization: each reads its own, and deleting one leaves the other', async () => {
    await writeDirectory(ORG, members(3), { ...meta, total: 3 }, () => true)
    await writeDirectory(OTHER, members(5), { ...meta, total: 5 }, () => true)
    expect(await names()).toEqual([deviceStoreName(ORG), deviceStoreName(OTHER)])
    expect((await readDirectory(ORG))?.members).toHaveLength(3)
    expect((await readDirectory(OTHER))?.members).toHaveLength(5)
    await deleteStore(ORG)
    expect(await readDirectory(ORG)).toBeNull()
    expect((await readDirectory(OTHER))?.members).toHaveLength(5)
  })

  it('a shorter directory saved over a longer one leaves no chunk of the old behind', async () => {
    await writeDirectory(ORG, members(CHUNK_SIZE * 3), { ...meta, total: CHUNK_SIZE * 3 }, () => true)
    await writeDirectory(ORG, members(4), { ...meta, total: 4 }, () => true)
    expect((await readDirectory(ORG))?.members).toHaveLength(4)
    expect(await rawTexts(ORG)).toHaveLength(2)
  })

  it('a save stops at the chunk after the session stopped keeping data', async () => {
    let chunks = 0
    const ok = await writeDirectory(
      ORG,
      members(CHUNK_SIZE * 3),
      { ...meta, total: 3 * CHUNK_SIZE },
      () => ++chunks < 2,
    )
    expect(ok).toBe(false)
    expect(await readDirectory(ORG)).toBeNull()
  })

  it('the keys it restores lists into are the list queries’ own', () => {
    expect(keptKeys(ORG)).toEqual({
      directory: memberQueries.directory(ORG).queryKey,
      groups: groupQueries.list(ORG).queryKey,
      groupsCompleteness: groupQueries.completeness(ORG).queryKey,
      guests: guestQueries.list(ORG).queryKey,
      guestsCompleteness: guestQueries.completeness(ORG).queryKey,
    })
  })
})

describe('what deletes it', () => {
  beforeEach(async () => {
    credentialStore.set({ orgId: ORG, token: TOKEN, demo: false }, { remember: true })
    await writeDirectory(ORG, members(3), { ...meta, total: 3 }, () => true)
  })

  it('Sign out', async () => {
    expect(await names()).toEqual([deviceStoreName(ORG)])
    credentialStore.endSession('signed-out')
    await settled()
    expect(await names()).toEqual([])
  })

  it('the session expiring (a 401) and its lifetime ending', async () => {
    credentialStore.endSession('expired')
    await settled()
    expect(await names()).toEqual([])
    credentialStore.set({ orgId: ORG, token: TOKEN, demo: false }, { remember: true })
    await writeDirectory(ORG, members(3), { ...meta, total: 3 }, () => true)
    credentialStore.endSession('lifetime')
    await settled()
    expect(await names()).toEqual([])
  })

  it('a sign-out in another tab (its message on the session channel)', async () => {
    const otherTab = new BroadcastChannel(SESSION_CHANNEL)
    // oxlint-disable-next-line unicorn/require-post-message-target-origin -- a BroadcastChannel, not a window
    otherTab.postMessage({ type: 'signed-out', reason: 'signed-out' })
    await vi.waitFor(() => expect(credentialStore.get()).toBeNull())
    await settled()
    expect(await names()).toEqual([])
    otherTab.close()
  })

  it('a sign-in to another organization deletes the one left as its directory starts, and one that is not remembered keeps nothing', async () => {
    await writeDirectory(OTHER, members(2), { ...meta, total: 2 }, () => true)
    credentialStore.set({ orgId: OTHER, token: TOKEN, demo: false }, { remember: true })
    forgetStoresBut(OTHER)
    await settled()
    expect(await names()).toEqual([deviceStoreName(OTHER)])
    // The same organization again, this time for this tab only: the device no longer remembers it.
    credentialStore.set({ orgId: OTHER, token: TOKEN, demo: false }, { remember: false })
    forgetStoresBut(OTHER)
    await settled()
    expect(await names()).toEqual([])
  })

  it('the demo’s own store, kept by its test switch, stays as its directory starts', async () => {
    localStorage.setItem('roster.demo.persist', '1')
    credentialStore.set({ orgId: OTHER, token: TOKEN, demo: true }, { remember: false })
    await writeDirectory(OTHER, members(2), { ...meta, total: 2 }, () => true)
    forgetStoresBut(OTHER)
    await settled()
    expect(await names()).toEqual([deviceStoreName(OTHER)])
  })

  it('“Stay signed in” at the end of the lifetime, which stops remembering the device', async () => {
    // What session-timeout.tsx does then.
    credentialStore.stopRemembering()
    forgetStoresBut(ORG)
    await settled()
    expect(await names()).toEqual([])
  })
})

const loaded = (rows: Member[]): MemberDirectory => ({
  members: rows,
  total: rows.length,
  complete: true,
  loading: false,
  readAt: 5_000,
  fullReadAt: 5_000,
  changedUpTo: '2026-12-01T00:00:00Z',
})

describe('keeping the lists as the session goes', () => {
  const directoryKey = memberQueries.directory(ORG).queryKey

  it('saves the directory and the groups once loaded, and a write to a member after', async () => {
    credentialStore.set({ orgId: ORG, token: TOKEN, demo: false }, { remember: true })
    const qc = new QueryClient()
    const rows = members(10)
    qc.setQueryData(directoryKey, loaded(rows))
    const stop = keepOnDevice(qc, ORG, { saveAfterMs: 10 })
    await vi.waitFor(async () => expect((await readDirectory(ORG))?.members).toHaveLength(10))
    const group: Group = {
      id: 'g1',
      name: 'Sales',
      description: null,
      logo: null,
      memberIds: ['1000'],
      guests: [],
      membersKnown: true,
      guestsKnown: true,
      createdAt: null,
      updatedAt: null,
    }
    qc.setQueryData(groupQueries.list(ORG).queryKey, [group])
    await vi.waitFor(async () => expect((await readList<Group>(ORG, 'groups'))?.items).toEqual([group]))
    // A role change patched in: the row is another object, so its chunk is saved again.
    qc.setQueryData<MemberDirectory>(directoryKey, (d) => ({
      ...d!,
      members: d!.members.map((m, i) => (i === 3 ? { ...m, role: 'light' } : m)),
    }))
    await vi.waitFor(async () => expect((await readDirectory(ORG))?.members[3]?.role).toBe('light'))
    expect((await rawTexts(ORG)).join('\n')).not.toContain(TOKEN)
    stop()
  })

  it('keeps nothing for a session that is not remembered: IndexedDB stays empty', async () => {
    credentialStore.set({ orgId: ORG, token: TOKEN, demo: false }, { remember: false })
    expect(keepsData(ORG)).toBe(false)
    const qc = new QueryClient()
    qc.setQueryData(directoryKey, loaded(members(10)))
    const stop = keepOnDevice(qc, ORG, { saveAfterMs: 1 })
    qc.setQueryData<MemberDirectory>(directoryKey, (d) => ({ ...d!, members: members(11) }))
    await settled()
    stop()
    expect(await names()).toEqual([])
  })

  it('keeps nothing for the demo unless its test switch asks', () => {
    credentialStore.set({ orgId: ORG, token: TOKEN, demo: true }, { remember: false })
    expect(keepsData(ORG)).toBe(false)
    localStorage.setItem('roster.demo.persist', '1')
    expect(keepsData(ORG)).toBe(true)
  })

  it('stops saving, and writes nothing back, once the session ends', async () => {
    credentialStore.set({ orgId: ORG, token: TOKEN, demo: false }, { remember: true })
    const qc = new QueryClient()
    keepOnDevice(qc, ORG, { saveAfterMs: 10 })
    credentialStore.endSession('signed-out')
    qc.setQueryData(directoryKey, loaded(members(10)))
    await new Promise((resolve) => setTimeout(resolve, 60))
    expect(await names()).toEqual([])
  })
})
