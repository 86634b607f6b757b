import { QueryClient } from '@tanstack/react-query'
import { http } from 'msw'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { credentialStore } from '../../api/credentials'
import { groupQueries } from '../../api/groups/queries'
import { memberQueries } from '../../api/members/queries'
import type { NoticeInput, Notify } from '../../components/notices'
import { DEMO_ORG_ID, DEMO_TOKEN } from '../../demo/credentials'
import { createDemoServer } from '../../demo/node'
import { changeMembership } from './membership-actions'

// Against the demo organization's handlers (the same ones the browser demo and the HTTP demo
// serve): Tallyfy's PUT replaces the lists, so these check that what we send is always a fresh
// read plus our intent, one request at a time per group, and that a failure rolls back.

const { server, org, faults } = createDemoServer({ members: 80 })
const group = org.groups.find(
  (g) => g.members.length >= 2 && g.members.every((id) => typeof id === 'number'),
)!
const outsider = (n: number) =>
  org.members.filter((m) => !group.members.includes(m.id) && m.status !== 'disabled')[n]!
const first = Number(group.members[0])
const HEADERS = {
  Authorization: `Bearer ${DEMO_TOKEN}`,
  Accept: 'application/json',
  'X-Tallyfy-Client': 'APIClient',
  'Content-Type': 'application/json',
}
const groupUrl = `http://localhost:3000/api/organizations/${DEMO_ORG_ID}/groups/${group.id}`

let qc: QueryClient
let notices: NoticeInput[]
const notify: Notify = (n) => {
  const record = { ...n }
  notices.push(record)
  return { update: (next) => void Object.assign(record, { undo: undefined }, next), dismiss: () => {} }
}
const ctx = () => ({ qc, notify, orgId: DEMO_ORG_ID, groupId: group.id })
const text = { done: 'Done.', undone: 'Undone.', failed: 'Could not change the group' }

let original: { members: Array<number | string>; guests: string[] }
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
beforeEach(async () => {
  original = { members: [...group.members], guests: [...group.guests] }
  credentialStore.set({ orgId: DEMO_ORG_ID, token: DEMO_TOKEN, demo: true }, { remember: false })
  qc = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity } } })
  notices = []
  await qc.fetchQuery(groupQueries.detail(DEMO_ORG_ID, group.id))
  await qc.fetchQuery(groupQueries.list(DEMO_ORG_ID))
  await qc.fetchQuery(memberQueries.directory(DEMO_ORG_ID))
})
afterEach(() => {
  faults.reset()
  server.resetHandlers()
  server.events.removeAllListeners()
  group.members = original.members
  group.guests = original.guests
  qc.clear()
})
afterAll(() => server.close())

const cachedIds = () => qc.getQueryData(groupQueries.detail(DEMO_ORG_ID, group.id).queryKey)?.memberIds
const listIds = () =>
  qc.getQueryData(groupQueries.list(DEMO_ORG_ID).queryKey)?.find((g) => g.id === group.id)?.memberIds
const directoryGroups = (memberId: number) =>
  qc
    .getQueryData(memberQueries.directory(DEMO_ORG_ID).queryKey)
    ?.members.find((m) => m.id === memberId)
    ?.groups?.map((g) => g.id)

/**
 * Holds each PUT to the group at the server until the test answers it with `next()` (then the demo
 * handlers answer it), counting how many arrived and how many were ever in flight at once.
 */
function holdPuts() {
  const answers: Array<() => void> = []
  const state = { arrived: 0, inFlight: 0, maxInFlight: 0, next: () => answers.shift()?.() }
  server.use(
    http.put(groupUrl, async () => {
      state.arrived++
      state.maxInFlight = Math.max(state.maxInFlight, ++state.inFlight)
      await new Promise<void>((resolve) => answers.push(resolve))
      state.inFlight--
      // Nothing returned: the demo's own handler answers.
    }),
  )
  return state
}

/** Changes to the group queued behind the one being sent. */
const waitingChanges = () =>
  qc
    .getMutationCache()
    .findAll({ status: 'pending' })
    .filter((m) => m.state.isPaused).length

/** Another admin (another tab) changes the group between our read and our write. */
async function changeFromOutside(members: Array<number | string>) {
  const response = await fetch(groupUrl, {
    method: 'PUT',
    headers: HEADERS,
    body: JSON.stringify({ name: group.name, description: group.description, members, guests: group.guests }),
  })
  expect(response.ok).toBe(true)
}

describe('changeMembership', () => {
  it('a member someone else added meanwhile survives our remove (set operation on a fresh read)', async () => {
    const added = outsider(0).id
    await changeFromOutside([...group.members, added]) // our cache does not know about this
    expect(cachedIds()).not.toContain(String(added))

    await changeMembership(ctx(), { removeMembers: [String(first)] }, text)

    expect(group.members).toContain(added)
    expect(group.members).not.toContain(first)
    // Every screen agrees: the page, the list's counts and both members' Groups column.
    expect(cachedIds()).toContain(String(added))
    expect(cachedIds()).not.toContain(String(first))
    expect(listIds()).toEqual(cachedIds())
    expect(directoryGroups(added)).toContain(group.id)
    expect(directoryGroups(first)).not.toContain(group.id)
  })

  it('shows the change at once, before Tallyfy answers, and patches only the affected rows', async () => {
    const who = outsider(1)
    const before = qc.getQueryData(memberQueries.directory(DEMO_ORG_ID).queryKey)!.members
    const answer = holdPuts()
    const pending = changeMembership(ctx(), { addMembers: [String(who.id)] }, text)
    await vi.waitFor(() => expect(answer.arrived).toBe(1))
    // The PUT is at Tallyfy and has no answer yet.
    expect(cachedIds()).toContain(String(who.id))
    expect(notices[0]?.message).toBe('Done.')
    const after = qc.getQueryData(memberQueries.directory(DEMO_ORG_ID).queryKey)!.members
    const changed = after.filter((m, i) => m !== before[i]).map((m) => m.id)
    expect(changed).toEqual([who.id])
    answer.next()
    await pending
    expect(group.members).toContain(who.id)
  })

  it('queues changes to one group: never two PUTs at once, and neither change is lost', async () => {
    const answer = holdPuts()
    const a = outsider(2).id
    const b = outsider(3).id
    const all = Promise.all([
      changeMembership(ctx(), { addMembers: [String(a)] }, text),
      changeMembership(ctx(), { addMembers: [String(b)] }, text),
      changeMembership(ctx(), { removeMembers: [String(first)] }, text),
    ])
    for (let sent = 1; sent <= 3; sent++) {
      // One PUT is at Tallyfy, unanswered, and the changes after it wait their turn (they send
      // nothing, not even their fresh read, until it settles).
      await vi.waitFor(() => {
        expect(answer.arrived).toBe(sent)
        expect(waitingChanges()).toBe(3 - sent)
      })
      expect(answer.maxInFlight).toBe(1)
      answer.next()
    }
    await all
    expect(answer.maxInFlight).toBe(1)
    expect(group.members).toEqual(expect.arrayContaining([a, b]))
    expect(group.members).not.toContain(first)
    expect(cachedIds()).toEqual(group.members.map(String))
  })

  it('a 500 rolls the change back everywhere and says why in our words', async () => {
    const who = outsider(4).id
    const before = cachedIds()
    faults.set({ status: 500, method: 'PUT', times: 1 })
    await expect(changeMembership(ctx(), { addMembers: [String(who)] }, text)).rejects.toThrow(/HTTP 500/)
    expect(cachedIds()).toEqual(before)
    expect(listIds()).toEqual(before)
    expect(directoryGroups(who)).not.toContain(group.id)
    expect(group.members).not.toContain(who)
    expect(notices[0]).toMatchObject({
      tone: 'error',
      message: 'Could not change the group. Tallyfy is having trouble right now.',
    })
    expect(notices[0]?.undo).toBeUndefined()
  })

  it('a 403 with a business message rolls back and shows Tallyfy’s words as they are', async () => {
    faults.set({ status: 403, message: 'Group changes are locked by your administrator.', method: 'PUT' })
    await expect(changeMembership(ctx(), { removeMembers: [String(first)] }, text)).rejects.toThrow(
      /HTTP 403/,
    )
    expect(cachedIds()).toContain(String(first))
    expect(notices[0]?.message).toBe(
      'Could not change the group. Group changes are locked by your administrator.',
    )
  })

  it('a 422 on a guest rolls back and carries Tallyfy’s field message', async () => {
    const memberEmail = outsider(5).email
    const error = await changeMembership(ctx(), { addGuests: [memberEmail] }, text).catch((e: unknown) => e)
    expect(qc.getQueryData(groupQueries.detail(DEMO_ORG_ID, group.id).queryKey)?.guests).toEqual(group.guests)
    expect(notices[0]?.message).toBe(
      `Could not change the group. ${memberEmail} is a member of this organization, not a guest.`,
    )
    expect(error).toMatchObject({ status: 422 })
  })

  it('Undo puts the group back exactly as it was, and keeps what others did meanwhile', async () => {
    const before = [...group.members]
    await changeMembership(ctx(), { removeMembers: [String(first)] }, text)
    const meanwhile = outsider(6).id
    await changeFromOutside([...group.members, meanwhile])
    notices[0]!.undo!()
    await expect.poll(() => group.members.includes(first)).toBe(true)
    expect(new Set(group.members)).toEqual(new Set([...before, meanwhile]))
    await expect.poll(() => cachedIds()?.includes(String(first))).toBe(true)
  })
})
