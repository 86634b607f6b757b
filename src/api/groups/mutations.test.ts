// Group writes against the demo organization's handlers (the ones the browser demo and the HTTP
// demo serve): a PUT replaces a group's lists, so what it carries must come from a read made when it
// goes, must never be a list that was not read, and a lost answer is settled by reading again.
import { MutationObserver, QueryClient } from '@tanstack/react-query'
import { http, HttpResponse } from 'msw'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { DEMO_ORG_ID, DEMO_TOKEN } from '../../demo/credentials'
import { REMOVED_MEMBER_ID, type WireGroup } from '../../demo/data'
import { createDemoServer } from '../../demo/node'
import { rateLimitGate, retryPolicy } from '../client'
import { credentialStore } from '../credentials'
import { memberQueries } from '../members/queries'
import { activity } from '../writes/activity'
import { groupMutations, type GroupUpdate } from './mutations'
import { groupQueries } from './queries'

const { server, org, faults } = createDemoServer({ members: 80 })
const ORG = DEMO_ORG_ID
const HEADERS = {
  Authorization: `Bearer ${DEMO_TOKEN}`,
  Accept: 'application/json',
  'X-Tallyfy-Client': 'APIClient',
  'Content-Type': 'application/json',
}

/** A group of plain numeric members, without the seeded stale ID, with a guest. */
const group = org.groups.find(
  (g) =>
    g.members.length >= 2 &&
    g.guests.length > 0 &&
    g.members.every((id) => typeof id === 'number' && id !== REMOVED_MEMBER_ID),
) as WireGroup
const groupUrl = `http://localhost:3000/api/organizations/${ORG}/groups/${group.id}`
const outsider = (n: number) =>
  org.members.filter((m) => !group.members.includes(m.id) && m.status !== 'disabled')[n]!

let qc: QueryClient
let original: WireGroup
let puts: unknown[]
const defaults = { ...retryPolicy }

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
beforeEach(async () => {
  original = { ...group, members: [...group.members], guests: [...group.guests] }
  credentialStore.set({ orgId: ORG, token: DEMO_TOKEN, demo: true }, { remember: false })
  qc = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity } } })
  puts = []
  server.events.on('request:start', ({ request }) => {
    if (request.method === 'PUT') puts.push(request.url)
  })
  retryPolicy.random = () => 0
  await qc.fetchQuery(groupQueries.detail(ORG, group.id))
  await qc.fetchQuery(memberQueries.directory(ORG))
})
afterEach(() => {
  vi.useRealTimers()
  faults.reset()
  server.events.removeAllListeners()
  Object.assign(group, original)
  Object.assign(retryPolicy, defaults)
  rateLimitGate.reset()
  activity.clear()
  qc.clear()
})
afterAll(() => server.close())

const update = (variables: GroupUpdate) =>
  new MutationObserver(qc, groupMutations.update(ORG, group.id)).mutate(variables)

/** Another admin (another tab) changes the group's members while we wait. */
async function changeFromOutside(members: Array<number | string>) {
  const response = await fetch(groupUrl, {
    method: 'PUT',
    headers: HEADERS,
    body: JSON.stringify({ name: group.name, description: group.description, members, guests: group.guests }),
  })
  expect(response.ok).toBe(true)
}

describe('never send a list that was not read', () => {
  it.each([
    ['absent', undefined, /without its member and guest lists/],
    ['null', undefined, /without its member and guest lists/],
    ['absent', 'members', /without its member list, so nothing was saved/],
    ['null', 'guests', /without its guest list, so nothing was saved/],
  ] as const)(
    'a read with the lists %s (%s) refuses the change, and no PUT goes',
    async (how, only, message) => {
      faults.set({ omitGroupLists: how, ...(only ? { omitGroupListsOnly: only } : {}) })
      await expect(update({ change: { addMembers: [String(outsider(0).id)] } })).rejects.toThrow(message)
      expect(puts).toEqual([])
      expect(group.members).toEqual(original.members)
      expect(group.guests).toEqual(original.guests)
    },
  )

  it('a rename with no membership change cannot empty the group', async () => {
    faults.set({ omitGroupLists: 'absent' })
    await expect(
      update({ details: { name: `${group.name} renamed`, description: group.description } }),
    ).rejects.toThrow(
      `Tallyfy sent ${group.name} without its member and guest lists, so nothing was saved: saving now could empty the group. Try again.`,
    )
    expect(puts).toEqual([])
    expect(group.name).toBe(original.name)
    expect(group.members).toEqual(original.members)
    expect(group.guests).toEqual(original.guests)
  })
})

/** Resolves when Tallyfy has answered a PUT with 429. */
const refused = () =>
  new Promise<void>((resolve) =>
    server.events.on('response:mocked', ({ request, response }) => {
      if (request.method === 'PUT' && response.status === 429) resolve()
    }),
  )

describe('a write that waited is rebuilt before it goes', () => {
  it('a membership change held back a minute by a 429 keeps the member another admin added meanwhile', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'Date'] })
    faults.set({ status: 429, method: 'PUT', retryAfter: 60, times: 1 })
    const ours = outsider(0).id
    const theirs = outsider(1).id
    const wasRefused = refused()
    const done = update({ change: { addMembers: [String(ours)] } })
    await wasRefused
    await changeFromOutside([...group.members, theirs])
    await vi.advanceTimersByTimeAsync(61_000)
    await done
    expect(group.members).toEqual([...original.members, theirs, ours])
  })

  it('so does an edit of the name', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'Date'] })
    faults.set({ status: 429, method: 'PUT', retryAfter: 60, times: 1 })
    const theirs = outsider(2).id
    const wasRefused = refused()
    const done = update({ details: { name: `${group.name} (new)`, description: group.description } })
    await wasRefused
    await changeFromOutside([...group.members, theirs])
    await vi.advanceTimersByTimeAsync(61_000)
    await done
    expect(group.name).toBe(`${original.name} (new)`)
    expect(group.members).toContain(theirs)
  })
})

describe('an answer lost after the write was sent', () => {
  it('a PUT that Tallyfy applied before the connection dropped is a success', async () => {
    faults.set({ dropAfterWrite: true, times: 1 })
    const who = outsider(3).id
    const result = await update({ change: { addMembers: [String(who)] } })
    expect(group.members).toContain(who)
    expect(result).toMatchObject({ group: { memberIds: expect.arrayContaining([String(who)]) } })
  })

  it('a PUT answered 500 and not applied fails as it is', async () => {
    faults.set({ status: 500, method: 'PUT', times: 1 })
    await expect(update({ change: { addMembers: [String(outsider(3).id)] } })).rejects.toMatchObject({
      status: 500,
    })
  })

  it('when the read after it fails too, Roster says it cannot tell', async () => {
    retryPolicy.backoffBaseMs = 1
    faults.set({ dropAfterWrite: true })
    let reads = 0
    server.events.on('request:start', ({ request }) => {
      if (request.method === 'GET' && request.url.includes(group.id) && ++reads === 2)
        faults.set({ status: 503, method: 'GET' })
    })
    await expect(update({ change: { addMembers: [String(outsider(4).id)] } })).rejects.toThrow(
      /Roster could not read the group again to see whether Tallyfy made it/,
    )
  })

  it('a DELETE applied before the connection dropped is a success', async () => {
    const victim = org.groups.find((g) => g.id !== group.id && g.members.length === 0) ?? org.groups.at(-1)!
    faults.set({ dropAfterWrite: true, times: 1 })
    await new MutationObserver(qc, groupMutations.remove(ORG, victim.id)).mutate()
    expect(org.groups.some((g) => g.id === victim.id)).toBe(false)
    org.groups.push(victim)
  })
})

describe('a group that names someone no longer in the organization', () => {
  it('drops exactly that ID, once, and the change goes through', async () => {
    faults.set({ staleGroupMember: { groupId: group.id, index: 1 } })
    const who = outsider(5).id
    const result = await update({ change: { addMembers: [String(who)] } })
    expect(group.members).toEqual([...original.members, who])
    expect(result).toMatchObject({ dropped: [String(REMOVED_MEMBER_ID)] })
    expect(puts).toHaveLength(2)
  })

  it('does not drop when the directory is incomplete', async () => {
    faults.set({ staleGroupMember: { groupId: group.id } })
    qc.setQueryData(memberQueries.directory(ORG).queryKey, (d) => d && { ...d, complete: false })
    await expect(update({ change: { addMembers: [String(outsider(5).id)] } })).rejects.toMatchObject({
      status: 422,
    })
    expect(puts).toHaveLength(1)
    expect(group.members).toContain(REMOVED_MEMBER_ID)
  })
})

describe('an answer without the lists', () => {
  it('a logo upload answered without them keeps the lists the cache knows (it changed none)', async () => {
    server.use(
      http.post(`*/organizations/${ORG}/groups/${group.id}/logo`, () =>
        HttpResponse.json({ data: { id: group.id, name: group.name, logo: null } }),
      ),
    )
    const file = new File([new Uint8Array([137, 80, 78, 71])], 'logo.png', { type: 'image/png' })
    const saved = await new MutationObserver(qc, groupMutations.uploadLogo(ORG, group.id)).mutate(file)
    expect(saved?.memberIds).toEqual(original.members.map(String))
    expect(saved?.guests).toEqual(original.guests)
    expect(saved).toMatchObject({ membersKnown: true, guestsKnown: true })
  })

  it('a PUT answered without them is taken to hold what was sent', async () => {
    const who = outsider(6).id
    server.use(
      http.put(`*/organizations/${ORG}/groups/${group.id}`, () =>
        HttpResponse.json({ data: { id: group.id, name: group.name } }, { status: 201 }),
      ),
    )
    const result = await update({ change: { addMembers: [String(who)] } })
    expect(result.group.memberIds).toEqual([...original.members, who].map(String))
    expect(result.group.guests).toEqual(original.guests)
    expect(result.group).toMatchObject({ membersKnown: true, guestsKnown: true })
  })
})

describe('the Activity record of group writes', () => {
  it('records create, edit (with an Undo that restores the read details), logo removal and delete', async () => {
    const created = await new MutationObserver(qc, groupMutations.create(ORG)).mutate({
      name: 'Activity check',
      description: 'A group for the test',
    })
    qc.setQueryData(groupQueries.detail(ORG, created.id).queryKey, created)
    const edited = await new MutationObserver(qc, groupMutations.update(ORG, created.id)).mutate({
      details: { name: 'Activity check 2', description: 'Changed' },
    })
    expect(activity.list(ORG)[0]).toMatchObject({
      label: 'Edit group Activity check',
      outcome: 'done',
      canUndo: true,
    })
    expect(activity.undo(edited.activityId!)).toBe(true)
    await expect.poll(() => activity.list(ORG)[0]?.outcome).toBe('undone')
    expect(org.groups.find((g) => g.id === created.id)).toMatchObject({
      name: 'Activity check',
      description: 'A group for the test',
    })
    await new MutationObserver(qc, groupMutations.removeLogo(ORG, created.id)).mutate()
    await new MutationObserver(qc, groupMutations.remove(ORG, created.id)).mutate()
    expect(activity.list(ORG).map((e) => [e.label, e.outcome])).toEqual([
      ['Delete group Activity check', 'done'],
      ['Remove the logo of Activity check', 'done'],
      ['Edit group Activity check', 'undone'],
      ['Create group Activity check', 'done'],
    ])
  })

  it('a refused create says so in Tallyfy’s words', async () => {
    await expect(
      new MutationObserver(qc, groupMutations.create(ORG)).mutate({ name: group.name, description: 'x' }),
    ).rejects.toMatchObject({ status: 422 })
    expect(activity.list(ORG)[0]).toMatchObject({
      label: `Create group ${group.name}`,
      outcome: 'refused',
      detail: 'The name has already been taken.',
    })
  })
})
