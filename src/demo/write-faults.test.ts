import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_ME_ID, DEMO_ORG_ID, DEMO_TOKEN } from './credentials'
import { BOT_MEMBER_ID, DEFAULT_ADMIN_ID, REMOVED_MEMBER_ID, type WireGroup } from './data'
import { createDemoServer } from './node'

// The switches that tests of Roster's write path lean on: a stale member ID in a group, a 429 with a
// long Retry-After on a write, a group read without its lists, and a write applied whose answer is
// lost. On an organization of their own, so these writes reach no other test file.
const { server, org, faults } = createDemoServer({ members: 120 })

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => faults.reset())
afterAll(() => server.close())

const HEADERS = {
  Authorization: `Bearer ${DEMO_TOKEN}`,
  Accept: 'application/json',
  'X-Tallyfy-Client': 'APIClient',
  'Content-Type': 'application/json',
}
const BROWSER = 'http://localhost:3000/api'
const ORG = `/organizations/${DEMO_ORG_ID}`
const STALE_ID = 990_001

async function send(method: string, path: string, payload?: unknown) {
  const response = await fetch(`${BROWSER}${path}`, {
    method,
    headers: HEADERS,
    body: payload === undefined ? undefined : JSON.stringify(payload),
  })
  const text = await response.text()
  // Loosely typed on purpose: the assertions below say what the shape must be.
  // oxlint-disable-next-line typescript/no-explicit-any
  return { status: response.status, headers: response.headers, body: (text ? JSON.parse(text) : null) as any }
}
const get = (path: string) => send('GET', path)

/** The group a staleGroupMember switch without groupId goes to. */
const defaultStaleGroup = () => org.groups.find((g) => g.members.length >= 2) as WireGroup

/** The PUT a client sends after a fresh read: every field, the lists as read. */
const putBody = (group: { name: string; description: string; members: unknown[]; guests: unknown[] }) => ({
  name: group.name,
  description: group.description,
  members: group.members,
  guests: group.guests,
})

/** A group with members and guests both. */
const withGuests = () => org.groups.find((g) => g.guests.length > 0 && g.members.length > 0) as WireGroup

/** An active member whose role may change: not the signed-in person, the default admin or the bot. */
function changeableMember(skip: readonly number[] = []) {
  const member = org.members.find(
    (m) =>
      m.status === 'active' &&
      ![DEMO_ME_ID, DEFAULT_ADMIN_ID, BOT_MEMBER_ID, ...skip].includes(m.id) &&
      (m.role ?? m.user_role) !== 'light',
  )
  if (!member) throw new Error('the demo has no changeable member')
  return member
}

describe('staleGroupMember: the ID of a deleted member in a group', () => {
  it('shows in the group and the groups list; a PUT still carrying it gets the index-keyed 422', async () => {
    const group = defaultStaleGroup()
    const before = [...group.members]
    faults.set({ staleGroupMember: { memberId: STALE_ID } })

    const read = await get(`${ORG}/groups/${group.id}`)
    expect(read.body.data.members).toEqual([...before, STALE_ID])
    const listed = await get(`${ORG}/groups?per_page=100`)
    expect(listed.body.data.find((g: { id: string }) => g.id === group.id).members).toContain(STALE_ID)

    const refused = await send('PUT', `${ORG}/groups/${group.id}`, putBody(read.body.data))
    expect(refused.status).toBe(422)
    expect(refused.body).toEqual({
      message: 'The given data was invalid.',
      errors: { [`members.${before.length}`]: [`The selected members.${before.length} is invalid.`] },
    })
    expect(group.members).toEqual([...before, STALE_ID])
  })

  it('a PUT without it succeeds, and the group forgets it while the switch stays set', async () => {
    const group = defaultStaleGroup()
    faults.set({ staleGroupMember: { memberId: STALE_ID, index: 1 } })
    const read = await get(`${ORG}/groups/${group.id}`)
    expect(read.body.data.members[1]).toBe(STALE_ID)
    const refused = await send('PUT', `${ORG}/groups/${group.id}`, putBody(read.body.data))
    expect(Object.keys(refused.body.errors)).toEqual(['members.1'])

    const kept = (read.body.data.members as unknown[]).filter((id) => id !== STALE_ID)
    const saved = await send('PUT', `${ORG}/groups/${group.id}`, {
      ...putBody(read.body.data),
      members: kept,
    })
    expect(saved.status).toBe(201)
    expect((await get(`${ORG}/groups/${group.id}`)).body.data.members).toEqual(kept)
    faults.reset()
    expect((await get(`${ORG}/groups/${group.id}`)).body.data.members).toEqual(kept)
  })

  it('reset() takes it out again and leaves the group as it was', async () => {
    const groupId = org.groups[3]?.id as string
    const before = (await get(`${ORG}/groups/${groupId}`)).body.data.members
    faults.set({ staleGroupMember: { groupId, memberId: STALE_ID } })
    expect((await get(`${ORG}/groups/${groupId}`)).body.data.members).toContain(STALE_ID)
    faults.reset()
    expect((await get(`${ORG}/groups/${groupId}`)).body.data.members).toEqual(before)
    // A set() without it clears it too; one that has it puts it back.
    faults.set({ staleGroupMember: { groupId } })
    expect((await get(`${ORG}/groups/${groupId}`)).body.data.members).toContain(REMOVED_MEMBER_ID)
    faults.set({ latencyMs: 1 })
    expect((await get(`${ORG}/groups/${groupId}`)).body.data.members).toEqual(before)
  })

  it('outlives a times count that runs out, as the persona does', async () => {
    const group = defaultStaleGroup()
    faults.set({
      staleGroupMember: { memberId: STALE_ID },
      signedInRole: 'admin',
      status: 429,
      method: 'PUT',
      times: 1,
    })
    const read = await get(`${ORG}/groups/${group.id}`)
    expect((await send('PUT', `${ORG}/groups/${group.id}`, putBody(read.body.data))).status).toBe(429)
    expect(faults.get()).toEqual({ staleGroupMember: { memberId: STALE_ID }, signedInRole: 'admin' })
    expect((await get(`${ORG}/groups/${group.id}`)).body.data.members).toContain(STALE_ID)
    expect((await send('PUT', `${ORG}/groups/${group.id}`, putBody(read.body.data))).status).toBe(422)
  })

  it('refuses, changing nothing, an ID that is a member or a group that does not exist', () => {
    faults.set({ latencyMs: 1 })
    expect(() => faults.set({ staleGroupMember: { memberId: DEMO_ME_ID } })).toThrow(/not stale/)
    expect(() => faults.set({ staleGroupMember: { groupId: 'f'.repeat(32) } })).toThrow(/no group/)
    expect(faults.get()).toEqual({ latencyMs: 1 })
    expect(org.groups.some((g) => g.members.includes(DEMO_ME_ID) && g.members.includes(STALE_ID))).toBe(false)
  })
})

describe('429 with a long Retry-After on writes', () => {
  it('refuses one PUT with Retry-After: 60 and does not apply it; reads pass; the retry succeeds', async () => {
    const member = changeableMember()
    const role = member.role ?? member.user_role
    faults.set({ status: 429, method: 'PUT', retryAfter: 60, times: 1 })
    expect((await get(`${ORG}/users/${member.id}`)).status).toBe(200)
    const limited = await send('PUT', `${ORG}/users/${member.id}/role`, { role: 'light' })
    expect(limited.status).toBe(429)
    expect(limited.headers.get('Retry-After')).toBe('60')
    expect(limited.headers.get('X-RateLimit-Remaining')).toBe('0')
    expect(limited.body).toEqual({ message: expect.any(String), code: 'RATE_LIMIT_EXCEEDED' })
    expect((await get(`${ORG}/users/${member.id}`)).body.data.role).toBe(role)
    const retried = await send('PUT', `${ORG}/users/${member.id}/role`, { role: 'light' })
    expect(retried.status).toBe(200)
    expect(retried.body.data.role).toBe('light')
  })

  it('refuses one DELETE the same way: the group stays until the retry', async () => {
    const group = org.groups[org.groups.length - 1] as WireGroup
    faults.set({ status: 429, method: 'DELETE', retryAfter: 60, times: 1 })
    const limited = await send('DELETE', `${ORG}/groups/${group.id}`)
    expect(limited.status).toBe(429)
    expect(limited.headers.get('Retry-After')).toBe('60')
    expect(limited.body.code).toBe('RATE_LIMIT_EXCEEDED')
    expect((await get(`${ORG}/groups/${group.id}`)).status).toBe(200)
    expect((await send('DELETE', `${ORG}/groups/${group.id}`)).status).toBe(204)
    expect((await get(`${ORG}/groups/${group.id}`)).status).toBe(404)
  })
})

describe('omitGroupLists: a group read without members and guests', () => {
  it("'absent' leaves both keys out of one group and of the list", async () => {
    const group = withGuests()
    faults.set({ omitGroupLists: 'absent' })
    const one = (await get(`${ORG}/groups/${group.id}?with=assets`)).body.data
    expect(one).toMatchObject({ id: group.id, name: group.name })
    expect(one).not.toHaveProperty('members')
    expect(one).not.toHaveProperty('guests')
    const list = (await get(`${ORG}/groups?per_page=100`)).body.data as Record<string, unknown>[]
    expect(list.length).toBeGreaterThan(2)
    expect(list.every((g) => !('members' in g) && !('guests' in g))).toBe(true)
    // The stored group keeps them.
    expect(group.members.length).toBeGreaterThan(0)
  })

  it("'null' answers them as null; omitGroupListsOnly picks one", async () => {
    const group = withGuests()
    faults.set({ omitGroupLists: 'null' })
    expect((await get(`${ORG}/groups/${group.id}`)).body.data).toMatchObject({ members: null, guests: null })
    faults.set({ omitGroupLists: 'absent', omitGroupListsOnly: 'guests' })
    const one = (await get(`${ORG}/groups/${group.id}`)).body.data
    expect(one).not.toHaveProperty('guests')
    expect(one.members).toEqual(group.members)
  })

  it('with path and times: only that group, once, and other requests do not use the count up', async () => {
    const [first, second] = org.groups as [WireGroup, WireGroup]
    faults.set({ omitGroupLists: 'absent', path: `/groups/${first.id}`, times: 1 })
    expect((await get(`${ORG}/users?per_page=1`)).status).toBe(200)
    expect((await get(`${ORG}/groups/${second.id}`)).body.data).toHaveProperty('members')
    expect((await get(`${ORG}/groups/${first.id}`)).body.data).not.toHaveProperty('members')
    expect((await get(`${ORG}/groups/${first.id}`)).body.data).toHaveProperty('members')
    expect(faults.get()).toEqual({})
  })
})

describe('dropAfterWrite: the write is applied, the answer lost', () => {
  it('a role PUT rejects at fetch, and the next GET shows the new role', async () => {
    const member = changeableMember()
    faults.set({ dropAfterWrite: true, method: 'PUT', path: '/role', times: 1 })
    await expect(
      fetch(`${BROWSER}${ORG}/users/${member.id}/role`, {
        method: 'PUT',
        headers: HEADERS,
        body: JSON.stringify({ role: 'light' }),
      }),
    ).rejects.toThrow(TypeError)
    const after = await get(`${ORG}/users/${member.id}`)
    expect(after.status).toBe(200)
    expect(after.body.data.role).toBe('light')
    expect(faults.get()).toEqual({})
  })

  it('counts only writes, so the fresh read before a group PUT does not use it up', async () => {
    const group = org.groups[2] as WireGroup
    faults.set({ dropAfterWrite: true, times: 1 })
    const read = await get(`${ORG}/groups/${group.id}`)
    expect(read.status).toBe(200)
    const renamed = { ...putBody(read.body.data), description: 'Changed, answer lost' }
    await expect(
      fetch(`${BROWSER}${ORG}/groups/${group.id}`, {
        method: 'PUT',
        headers: HEADERS,
        body: JSON.stringify(renamed),
      }),
    ).rejects.toThrow(TypeError)
    expect((await get(`${ORG}/groups/${group.id}`)).body.data.description).toBe('Changed, answer lost')
    expect((await send('PUT', `${ORG}/groups/${group.id}`, renamed)).status).toBe(201)
  })

  it('drops a refused write too: the network does not care what the answer was', async () => {
    faults.set({ dropAfterWrite: true })
    await expect(
      fetch(`${BROWSER}${ORG}/users/${changeableMember().id}/role`, {
        method: 'PUT',
        headers: HEADERS,
        body: JSON.stringify({ role: 'Owner' }),
      }),
    ).rejects.toThrow(TypeError)
  })
})
