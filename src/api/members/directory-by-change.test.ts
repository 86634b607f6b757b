// oxlint-disable-next-line import/no-unassigned-import -- installs an in-memory IndexedDB as the globals
import 'fake-indexeddb/auto'
import { QueryClient } from '@tanstack/react-query'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { DEMO_ORG_ID, DEMO_TOKEN } from '../../demo/credentials'
import { BOT_MEMBER_ID, DEFAULT_ADMIN_ID } from '../../demo/data'
import { createDemoServer } from '../../demo/node'
import { apiGet } from '../client'
import { credentialStore } from '../credentials'
import { deleteStore, readDirectory, writeDirectory } from '../persist/device-store'
import type { Member, MemberDirectory } from '../types'
import { applyAnswer, applyOptimistic, rolePatch } from './cache'
import { FULL_READ_EVERY_MS } from './directory-changes'
import { DirectoryLoader } from './directory-loader'
import { directoryLoader, memberQueries, usersPath } from './queries'
import { parseMemberPage } from './schema'
import { memberMutations } from './mutations'
import { MutationObserver } from '@tanstack/react-query'

// #25 against the demo organization: a remembered device returns with its stored directory and
// refreshes it by change (GET /users?sort=-updated_at until members older than the last read),
// merging updates and newcomers; a removal (the total disagrees), a server that ignores `sort`, and
// a last full read over a day old fall back to reading every page. A write made during a refresh by
// change is never reverted by it.

const MEMBERS = 1000
const { server, org, faults } = createDemoServer({ members: MEMBERS })
const DIRECTORY = memberQueries.directory(DEMO_ORG_ID).queryKey
const HEADERS = {
  Authorization: `Bearer ${DEMO_TOKEN}`,
  Accept: 'application/json',
  'X-Tallyfy-Client': 'APIClient',
  'Content-Type': 'application/json',
}
const API = `http://localhost:3000/api/organizations/${DEMO_ORG_ID}`

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
beforeEach(async () => {
  credentialStore.set({ orgId: DEMO_ORG_ID, token: DEMO_TOKEN, demo: false }, { remember: true })
  faults.set({ perPageCap: 100 })
  await deleteStore(DEMO_ORG_ID)
})
afterEach(async () => {
  faults.reset()
  credentialStore.clear()
  await deleteStore(DEMO_ORG_ID)
})
afterAll(() => server.close())

const newClient = () => new QueryClient({ defaultOptions: { queries: { retry: false } } })

/** The first visit: the whole directory read, then kept on the device as the session keeps it. */
async function firstVisit(fullReadAt?: number): Promise<MemberDirectory> {
  const qc = newClient()
  const loader = await directoryLoader(qc, DEMO_ORG_ID)
  await loader.load()
  const dir = qc.getQueryData<MemberDirectory>(DIRECTORY)!
  expect(dir).toMatchObject({ complete: true, refreshed: 'full' })
  expect(dir.changedUpTo).toEqual(expect.any(String))
  const saved = await writeDirectory(
    DEMO_ORG_ID,
    dir.members,
    {
      readAt: dir.readAt!,
      fullReadAt: fullReadAt ?? dir.fullReadAt!,
      changedUpTo: dir.changedUpTo!,
      total: dir.total,
    },
    () => true,
  )
  expect(saved).toBe(true)
  loader.stop()
  qc.clear()
  return dir
}

/** The return: a new page load, whose loader takes the stored directory, then refreshes. */
async function returnVisit() {
  const qc = newClient()
  const seen: MemberDirectory[] = []
  qc.getQueryCache().subscribe((event) => {
    if (event.type === 'updated' && event.query.queryHash === JSON.stringify(DIRECTORY)) {
      const data = event.query.state.data as MemberDirectory | undefined
      if (data) seen.push(data)
    }
  })
  const loader = await directoryLoader(qc, DEMO_ORG_ID)
  await loader.load()
  const dir = qc.getQueryData<MemberDirectory>(DIRECTORY)!
  return { qc, loader, dir, seen, row: (id: number) => dir.members.find((m) => m.id === id) }
}

async function send(method: string, path: string, body?: unknown) {
  const response = await fetch(`${API}${path}`, {
    method,
    headers: HEADERS,
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  expect(response.ok).toBe(true)
}

function plain(n: number) {
  const found = org.members.filter(
    (m) =>
      m.status === 'active' && m.role === 'standard' && ![DEFAULT_ADMIN_ID, BOT_MEMBER_ID].includes(m.id),
  )[n]
  if (!found) throw new Error('no plain member')
  return found
}

describe('a remembered return', () => {
  it('shows the stored rows first, marked with their age, then merges what changed elsewhere in a request or two', async () => {
    const before = await firstVisit()
    const bob = plain(1)
    const ann = plain(2)
    await send('PUT', `/users/${bob.id}/role`, { role: 'light' })
    await send('DELETE', `/users/${ann.id}/disable`)
    await send('POST', '/users/invite', {
      email: 'nia.okafor@example.com',
      first_name: 'Nia',
      last_name: 'Okafor',
      role: 'light',
      message: 'Welcome',
    })

    const { dir, loader, seen, row } = await returnVisit()
    // The stored copy came first, whole and marked with the time of its read.
    const stored = seen.find((d) => d.complete && d.asOf != null)
    expect(stored?.asOf).toBe(before.readAt)
    expect(stored?.members).toHaveLength(MEMBERS)
    // Then the refresh by change: one page of 100 reached members older than the last read.
    expect(loader.requests).toBeLessThanOrEqual(2)
    expect(dir).toMatchObject({ complete: true, refreshed: 'changed', asOf: null, total: MEMBERS + 1 })
    expect(dir.members).toHaveLength(MEMBERS + 1)
    expect(row(bob.id)).toMatchObject({ role: 'light' })
    expect(row(ann.id)).toMatchObject({ status: 'disabled' })
    expect(dir.members.at(-1)).toMatchObject({ fullName: 'Nia Okafor', status: 'invited' })
    expect(dir.fullReadAt).toBe(before.fullReadAt)
  })

  it('reads every page when the total disagrees with the rows held (a removal leaves no changed record)', async () => {
    await send('POST', '/users/invite', {
      email: 'leaving.soon@example.com',
      first_name: 'Leaving',
      last_name: 'Soon',
      role: 'light',
      message: 'Welcome',
    })
    const invited = org.members.at(-1)!
    await firstVisit()
    await send('DELETE', `/users/${invited.id}/withdraw-invite`)
    const { dir, loader, row } = await returnVisit()
    expect(dir).toMatchObject({ complete: true, refreshed: 'full', asOf: null })
    expect(row(invited.id)).toBeUndefined()
    expect(dir.members).toHaveLength(org.members.length)
    // The changed-first page, then all ten pages.
    expect(loader.requests).toBe(1 + Math.ceil(org.members.length / 100))
  })

  it('reads every page when the server ignores sort (the order is not newest-changed first)', async () => {
    await firstVisit()
    const bob = plain(3)
    await send('PUT', `/users/${bob.id}/role`, { role: 'admin' })
    faults.set({ perPageCap: 100, ignoreSort: true })
    const { dir, row } = await returnVisit()
    expect(dir).toMatchObject({ complete: true, refreshed: 'full' })
    expect(row(bob.id)).toMatchObject({ role: 'admin' })
  })

  it('reads every page once a day has passed since the last full read, asking nothing newest-first', async () => {
    await firstVisit(Date.now() - FULL_READ_EVERY_MS - 1)
    const sorted: string[] = []
    server.events.on('request:start', ({ request }) => {
      const sort = new URL(request.url).searchParams.get('sort')
      if (sort) sorted.push(sort)
    })
    const { dir, loader } = await returnVisit()
    server.events.removeAllListeners()
    expect(dir).toMatchObject({ complete: true, refreshed: 'full' })
    expect(sorted).toEqual([])
    expect(loader.requests).toBe(Math.ceil(org.members.length / 100))
  })

  it('without a stored directory, reads every page as before', async () => {
    const { dir, loader } = await returnVisit()
    expect(dir).toMatchObject({ complete: true, refreshed: 'full' })
    expect(loader.requests).toBe(Math.ceil(org.members.length / 100))
  })
})

describe('a refresh by change never reverts a write', () => {
  it('Bob changed to Admin here while the changed-first page (read before it landed) still says Light', async () => {
    await firstVisit()
    const bob = plain(4)
    // Another admin made Bob Light: the refresh by change will read him.
    await send('PUT', `/users/${bob.id}/role`, { role: 'light' })
    const stored = await readDirectory(DEMO_ORG_ID)
    expect(stored).not.toBeNull()

    const qc = newClient()
    let release!: () => void
    const gate = new Promise<void>((resolve) => (release = resolve))
    let pageRead!: () => void
    const pageOne = new Promise<void>((resolve) => (pageRead = resolve))
    const loader = new DirectoryLoader({
      client: qc,
      queryKey: DIRECTORY,
      perPage: 1000,
      fetchPage: (page, perPage, signal) =>
        apiGet(usersPath(DEMO_ORG_ID), parseMemberPage, { signal, query: { page, per_page: perPage } }),
      fetchChanged: async (page, perPage, signal) => {
        const answer = await apiGet(usersPath(DEMO_ORG_ID), parseMemberPage, {
          signal,
          query: { page, per_page: perPage, sort: '-updated_at' },
        })
        pageRead()
        await gate
        return answer
      },
      restore: async () => ({ ...stored!.meta, members: stored!.members }),
    })
    const refreshed = loader.load()
    await pageOne
    // Our write lands while the page that predates it waits to be merged.
    const snapshot = await applyOptimistic(qc, DEMO_ORG_ID, bob.id, rolePatch('admin'))
    const observer = new MutationObserver(qc, memberMutations.changeRole(DEMO_ORG_ID, bob.id))
    applyAnswer(qc, DEMO_ORG_ID, await observer.mutate('admin'), snapshot)
    release()
    const dir = await refreshed
    expect(dir.refreshed).toBe('changed')
    expect(dir.members.find((m: Member) => m.id === bob.id)).toMatchObject({ role: 'admin' })
    expect(org.members.find((m) => m.id === bob.id)?.role).toBe('admin')
  })
})
