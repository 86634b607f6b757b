import { MutationObserver, QueryClient } from '@tanstack/react-query'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { DEMO_ME_ID, DEMO_ORG_ID, DEMO_TOKEN } from '../../demo/credentials'
import { BOT_MEMBER_ID, DEFAULT_ADMIN_ID } from '../../demo/data'
import { createDemoServer } from '../../demo/node'
import { credentialStore } from '../credentials'
import type { Member, MemberDirectory } from '../types'
import { patchMemberGroups } from '../groups/cache'
import { addInvited, applyAnswer, applyOptimistic, rollback, rolePatch } from './cache'
import { memberMutations } from './mutations'
import { directoryLoader, memberQueries } from './queries'

// A background refresh of a complete directory reads every page again and swaps the result in.
// A page read before a write landed holds the member as they were: the refresh must not put that
// back. Against the demo organization, many small slow pages, so the refresh is long enough for a
// write to start and land in the middle of it (the 100,000-member scenario, scaled down).

const MEMBERS = 2400
const { server, org, faults } = createDemoServer({ members: MEMBERS })
const DIRECTORY = memberQueries.directory(DEMO_ORG_ID).queryKey
const HEADERS = {
  Authorization: `Bearer ${DEMO_TOKEN}`,
  Accept: 'application/json',
  'X-Tallyfy-Client': 'APIClient',
  'Content-Type': 'application/json',
}

let qc: QueryClient
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
beforeEach(async () => {
  credentialStore.set({ orgId: DEMO_ORG_ID, token: DEMO_TOKEN, demo: true }, { remember: false })
  qc = new QueryClient({ defaultOptions: { queries: { retry: false } } })
  faults.set({ perPageCap: 100 })
  await (await directoryLoader(qc, DEMO_ORG_ID)).load()
  if (!directory()?.complete) throw new Error('the directory did not load')
})
afterEach(() => {
  faults.reset()
  server.events.removeAllListeners()
  credentialStore.clear()
  qc.clear()
})
afterAll(() => server.close())

const directory = () => qc.getQueryData<MemberDirectory>(DIRECTORY)
const row = (id: number) => directory()?.members.find((m) => m.id === id)
const countOf = (role: Member['role']) => directory()?.members.filter((m) => m.role === role).length

/** A plain standard member on the directory's first page (read first by every refresh). */
function bobOnPageOne(n = 0): Member {
  const found = directory()!
    .members.slice(0, 100)
    .filter(
      (m) =>
        m.status === 'active' &&
        m.role === 'standard' &&
        ![DEMO_ME_ID, DEFAULT_ADMIN_ID, BOT_MEMBER_ID].includes(m.id),
    )[n]
  if (!found) throw new Error('no plain standard member on page 1')
  return found
}

/**
 * Starts a refresh of the complete directory, slow enough (24 pages, 5 at a time) to write during
 * it, and resolves once its first page (Bob's) has been read.
 */
async function startRefresh(latencyMs = 25): Promise<{ refreshed: Promise<MemberDirectory> }> {
  faults.set({ perPageCap: 100, latencyMs, method: 'GET' })
  let firstPageRead!: () => void
  const pageOne = new Promise<void>((resolve) => (firstPageRead = resolve))
  server.events.on('response:mocked', ({ request }) => {
    const url = new URL(request.url)
    if (url.pathname.endsWith('/users') && url.searchParams.get('page') === '1') firstPageRead()
  })
  const loader = await directoryLoader(qc, DEMO_ORG_ID)
  const refreshed = loader.load()
  expect(loader.isRunning).toBe(true)
  await pageOne
  return { refreshed }
}

/** A role change the way the member page makes it: optimistic patch, PUT, Tallyfy's answer. */
async function changeRole(member: Member, role: 'light' | 'admin') {
  const snapshot = await applyOptimistic(qc, DEMO_ORG_ID, member.id, rolePatch(role))
  try {
    const observer = new MutationObserver(qc, memberMutations.changeRole(DEMO_ORG_ID, member.id))
    applyAnswer(qc, DEMO_ORG_ID, await observer.mutate(role), snapshot)
  } catch (error) {
    rollback(qc, DEMO_ORG_ID, snapshot)
    throw error
  }
}

/** Another admin, elsewhere: Tallyfy changes, our cache does not know. */
async function changeElsewhere(member: Member, role: string) {
  const response = await fetch(
    `http://localhost:3000/api/organizations/${DEMO_ORG_ID}/users/${member.id}/role`,
    { method: 'PUT', headers: HEADERS, body: JSON.stringify({ role }) },
  )
  expect(response.ok).toBe(true)
}

describe('a background refresh never reverts a write', () => {
  it('Bob changed to Light while the refresh runs (his page read before): still Light after, and the counts agree', async () => {
    const bob = bobOnPageOne()
    const light = countOf('light')!
    const standard = countOf('standard')!
    const { refreshed } = await startRefresh()

    await changeRole(bob, 'light')
    expect(org.members.find((m) => m.id === bob.id)?.role).toBe('light')
    // The refresh is still reading: the write landed in the middle of it.
    expect((await directoryLoader(qc, DEMO_ORG_ID)).isRunning).toBe(true)
    await refreshed

    expect(directory()).toMatchObject({ complete: true, total: org.members.length })
    expect(row(bob.id)).toMatchObject({ role: 'light', rawRole: 'light' })
    // The filters count from the directory: one more Light, one fewer Standard, nobody twice.
    expect(countOf('light')).toBe(light + 1)
    expect(countOf('standard')).toBe(standard - 1)
    expect(directory()?.members).toHaveLength(org.members.length)
  })

  it('a write still in flight when the refresh swaps in keeps showing, and settles as Tallyfy answers', async () => {
    const bob = bobOnPageOne(1)
    const { refreshed } = await startRefresh(10)
    // The PUT waits longer than the whole refresh takes.
    faults.set({ perPageCap: 100, latencyMs: 10, method: 'GET' })
    const slowPut = (async () => {
      const snapshot = await applyOptimistic(qc, DEMO_ORG_ID, bob.id, rolePatch('light'))
      await refreshed
      // Swapped in while the write is in flight: the optimistic change is still on screen.
      expect(row(bob.id)?.role).toBe('light')
      const answer = await new MutationObserver(qc, memberMutations.changeRole(DEMO_ORG_ID, bob.id)).mutate(
        'light',
      )
      applyAnswer(qc, DEMO_ORG_ID, answer, snapshot)
    })()
    await slowPut
    expect(row(bob.id)?.role).toBe('light')
  })

  it('an invitation accepted during the refresh stays in the refreshed directory', async () => {
    const before = org.members.length
    const { refreshed } = await startRefresh()
    const answer = await new MutationObserver(qc, memberMutations.invite(DEMO_ORG_ID)).mutate({
      email: 'nia.okafor@example.com',
      firstName: 'Nia',
      lastName: 'Okafor',
      role: 'light',
      message: 'Welcome',
    })
    expect(answer).not.toBeNull()
    addInvited(qc, DEMO_ORG_ID, answer!)
    await refreshed
    expect(directory()?.members.filter((m) => m.email === 'nia.okafor@example.com')).toHaveLength(1)
    expect(directory()?.members).toHaveLength(before + 1)
    expect(directory()?.total).toBe(before + 1)
  })

  it('a refresh that began after the write settled shows Tallyfy again (ours is not kept forever)', async () => {
    const bob = bobOnPageOne(2)
    const first = await startRefresh()
    await changeRole(bob, 'light')
    await first.refreshed
    expect(row(bob.id)?.role).toBe('light')

    // Another admin makes Bob an administrator; the next refresh must show it, not our old Light.
    await changeElsewhere(bob, 'admin')
    const second = await startRefresh(0)
    await second.refreshed
    expect(row(bob.id)?.role).toBe('admin')
  })

  it('a write Tallyfy refused is not applied to the refreshed directory', async () => {
    const bob = bobOnPageOne(3)
    const { refreshed } = await startRefresh()
    faults.set({
      status: 422,
      method: 'PUT',
      field: 'role',
      message: 'The selected role is invalid.',
      times: 1,
    })
    await expect(changeRole(bob, 'light')).rejects.toMatchObject({ status: 422 })
    faults.set({ perPageCap: 100, latencyMs: 25, method: 'GET' })
    await refreshed
    expect(row(bob.id)?.role).toBe('standard')
  })
})

describe('a background refresh never reverts a group change either', () => {
  it('Bob added to a group while the refresh runs (his page read before) keeps that group in his Groups', async () => {
    const bob = bobOnPageOne(2)
    const target = org.groups.find((g) => !g.members.map(Number).includes(bob.id))!
    const { refreshed } = await startRefresh()
    // What a membership change does: Tallyfy holds it, and the cache's Groups column follows.
    target.members = [...target.members, bob.id]
    patchMemberGroups(qc, DEMO_ORG_ID, { id: target.id, name: target.name }, { add: [String(bob.id)] })
    expect(row(bob.id)?.groups?.map((g) => g.id)).toContain(target.id)
    await refreshed
    expect(row(bob.id)?.groups?.map((g) => g.id)).toContain(target.id)
  })
})
