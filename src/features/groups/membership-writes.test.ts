// Membership changes as the person sees them (the notice, its Undo, the Activity panel), against the
// demo organization's handlers: Undo takes back what the server says the change did, an answer lost
// after the PUT went is settled by reading the group again, a stale member ID does not lock a group,
// and every change and its Undo land in the Activity record.
import { QueryClient } from '@tanstack/react-query'
import { http } from 'msw'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { retryPolicy } from '../../api/client'
import { credentialStore } from '../../api/credentials'
import { groupQueries } from '../../api/groups/queries'
import { memberQueries } from '../../api/members/queries'
import type { Member } from '../../api/types'
import { activity } from '../../api/writes/activity'
import type { NoticeInput, Notify } from '../../components/notices'
import { DEMO_ORG_ID, DEMO_TOKEN } from '../../demo/credentials'
import { REMOVED_MEMBER_ID, type WireGroup } from '../../demo/data'
import { createDemoServer } from '../../demo/node'
import { changeMembership } from './membership-actions'

const { server, org, faults } = createDemoServer({ members: 80 })
const ORG = DEMO_ORG_ID
const group = org.groups.find(
  (g) =>
    g.members.length >= 3 &&
    g.guests.length > 0 &&
    g.members.every((id) => typeof id === 'number' && id !== REMOVED_MEMBER_ID),
) as WireGroup
const outsider = (n: number) =>
  org.members.filter((m) => !group.members.includes(m.id) && m.status !== 'disabled')[n]!
const fullName = (id: number) => {
  const m = org.members.find((x) => x.id === id)!
  return m.full_name ?? `${m.first_name} ${m.last_name}`
}
const HEADERS = {
  Authorization: `Bearer ${DEMO_TOKEN}`,
  Accept: 'application/json',
  'X-Tallyfy-Client': 'APIClient',
  'Content-Type': 'application/json',
}
const groupUrl = `http://localhost:3000/api/organizations/${ORG}/groups/${group.id}`

let qc: QueryClient
let notices: NoticeInput[]
const notify: Notify = (n) => {
  const record = { ...n }
  notices.push(record)
  return { update: (next) => void Object.assign(record, { undo: undefined }, next), dismiss: () => {} }
}
const ctx = () => ({ qc, notify, orgId: ORG, groupId: group.id })
const text = { done: 'Done.', undone: 'Undone.', failed: 'Could not change the group' }
let original: { members: Array<number | string>; guests: string[] }
const defaults = { ...retryPolicy }

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
beforeEach(async () => {
  original = { members: [...group.members], guests: [...group.guests] }
  credentialStore.set({ orgId: ORG, token: DEMO_TOKEN, demo: true }, { remember: false })
  qc = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity } } })
  notices = []
  await qc.fetchQuery(groupQueries.detail(ORG, group.id))
  await qc.fetchQuery(groupQueries.list(ORG))
  await qc.fetchQuery(memberQueries.directory(ORG))
})
afterEach(() => {
  faults.reset()
  server.resetHandlers()
  server.events.removeAllListeners()
  group.members = original.members
  group.guests = original.guests
  Object.assign(retryPolicy, defaults)
  activity.clear()
  qc.clear()
})
afterAll(() => server.close())

const cachedIds = () => qc.getQueryData(groupQueries.detail(ORG, group.id).queryKey)?.memberIds
const latest = () => activity.list(ORG)[0]
const settledAll = async () => {
  await expect.poll(() => qc.isMutating()).toBe(0)
}

/** Holds every PUT to the group at the server until `release()`; then the demo's own handler answers. */
function holdPuts() {
  const held: Array<() => void> = []
  let open = false
  const state = {
    arrived: 0,
    release: () => {
      open = true
      for (const answer of held.splice(0)) answer()
    },
  }
  server.use(
    http.put(groupUrl, async () => {
      state.arrived++
      if (!open) await new Promise<void>((resolve) => held.push(resolve))
      // Nothing returned: the demo's own handler answers.
    }),
  )
  return state
}

async function changeFromOutside(members: Array<number | string>) {
  const response = await fetch(groupUrl, {
    method: 'PUT',
    headers: HEADERS,
    body: JSON.stringify({ name: group.name, description: group.description, members, guests: group.guests }),
  })
  expect(response.ok).toBe(true)
}

describe('Undo reverses what the server changed, and only that', () => {
  it('“Add Bob” when the server already had Bob (the cache did not know): Undo leaves Bob in', async () => {
    const bob = outsider(0).id
    await changeFromOutside([...group.members, bob])
    expect(cachedIds()).not.toContain(String(bob))

    await changeMembership(ctx(), { addMembers: [String(bob)] }, text)
    // Whichever Undo is at hand: the notice's, or the Activity panel's.
    notices[0]?.undo?.()
    const entry = latest()
    if (entry) activity.undo(entry.id)
    await settledAll()

    expect(group.members).toContain(bob)
    expect(cachedIds()).toContain(String(bob))
  })

  it('also when Undo is pressed before Tallyfy answered: it waits for the answer, then takes back only that', async () => {
    const bob = outsider(1).id
    const carol = outsider(2).id
    await changeFromOutside([...group.members, bob])
    const put = holdPuts()
    const pending = changeMembership(ctx(), { addMembers: [String(bob), String(carol)] }, text)
    await vi.waitFor(() => expect(put.arrived).toBe(1))
    // The PUT is at Tallyfy and has no answer yet: what it changed is not known when Undo is pressed.
    notices[0]!.undo!()
    expect(put.arrived).toBe(1)
    expect(group.members).not.toContain(carol)
    put.release()
    await pending
    await expect.poll(() => latest()?.outcome).toBe('undone')
    await settledAll()
    // The add changed only Carol (Bob was in already), so the Undo took out Carol and left Bob.
    expect(put.arrived).toBe(2)
    expect(group.members).toContain(bob)
    expect(group.members).not.toContain(carol)
  })

  it('an Undo that fails says so, in a notice and on the Activity entry', async () => {
    const first = Number(group.members[0])
    await changeMembership(ctx(), { removeMembers: [String(first)] }, text)
    faults.set({ status: 403, message: 'Group changes are locked by your administrator.', method: 'PUT' })
    notices[0]!.undo!()
    await expect
      .poll(() => notices.at(-1))
      .toMatchObject({
        tone: 'error',
        message: `Could not undo “Remove ${fullName(first)} from ${group.name}”. Group changes are locked by your administrator.`,
      })
    expect(group.members).not.toContain(first)
    expect(latest()).toMatchObject({
      outcome: 'done',
      canUndo: false,
      detail: 'Undo failed: Group changes are locked by your administrator.',
    })
  })
})

describe('an answer lost after the PUT was sent', () => {
  it('Tallyfy made the change: it is done, nothing is rolled back', async () => {
    const who = outsider(2).id
    faults.set({ dropAfterWrite: true, times: 1 })
    await changeMembership(ctx(), { addMembers: [String(who)] }, text)
    expect(group.members).toContain(who)
    expect(cachedIds()).toContain(String(who))
    expect(notices[0]).toMatchObject({ message: 'Done.' })
    expect(notices[0]?.tone).toBeUndefined()
    expect(latest()).toMatchObject({ outcome: 'done', canUndo: true })
  })

  it('reading the group again fails too: rolled back on screen, and Roster says it cannot tell', async () => {
    retryPolicy.backoffBaseMs = 1
    const who = outsider(3).id
    faults.set({ dropAfterWrite: true })
    let reads = 0
    server.events.on('request:start', ({ request }) => {
      if (request.method === 'GET' && request.url.includes(group.id) && ++reads === 2)
        faults.set({ status: 503, method: 'GET' })
    })
    await expect(changeMembership(ctx(), { addMembers: [String(who)] }, text)).rejects.toThrow(
      /could not read the group again/,
    )
    expect(notices[0]).toMatchObject({
      tone: 'error',
      message: expect.stringMatching(/Roster could not read the group again to see whether Tallyfy made it/),
    })
    expect(latest()).toMatchObject({ outcome: 'uncertain' })
  })
})

describe('a group that names someone no longer in the organization', () => {
  it('the admin’s change goes through, and the stale ID is dropped, said in the notice and the Activity entry', async () => {
    faults.set({ staleGroupMember: { groupId: group.id, index: 1 } })
    const who = outsider(4).id
    await changeMembership(ctx(), { addMembers: [String(who)] }, text)
    expect(group.members).toEqual([...original.members, who])
    const also = `Also removed Unknown member #${REMOVED_MEMBER_ID}, who is no longer in the organization.`
    expect(notices[0]?.message).toBe(`Done. ${also}`)
    expect(latest()).toMatchObject({ outcome: 'done', detail: also, canUndo: true })
    expect(cachedIds()).not.toContain(String(REMOVED_MEMBER_ID))
  })

  it('a removal too (today an admin cannot remove anyone from such a group)', async () => {
    faults.set({ staleGroupMember: { groupId: group.id } })
    const first = Number(group.members[0])
    await changeMembership(ctx(), { removeMembers: [String(first)] }, text)
    expect(group.members).toEqual(original.members.filter((id) => id !== first))
  })

  it('with an incomplete directory nothing is dropped, and the refusal names the person, not the index', async () => {
    faults.set({ staleGroupMember: { groupId: group.id } })
    qc.setQueryData(memberQueries.directory(ORG).queryKey, (d) => d && { ...d, complete: false })
    const at = group.members.length - 1
    await expect(
      changeMembership(ctx(), { addMembers: [String(outsider(4).id)] }, text),
    ).rejects.toMatchObject({
      status: 422,
    })
    expect(group.members).toContain(REMOVED_MEMBER_ID)
    expect(notices[0]?.message).toBe(
      `Could not change the group. Unknown member #${REMOVED_MEMBER_ID}: The selected members.${at} is invalid.`,
    )
  })

  it('when the directory holds the person Tallyfy refused, nothing is dropped', async () => {
    faults.set({ staleGroupMember: { groupId: group.id } })
    const at = group.members.length - 1
    // Our directory says 424242 is Bob Smith: Tallyfy's refusal is then not about a deleted member.
    qc.setQueryData(memberQueries.directory(ORG).queryKey, (d) => {
      const bob = { ...d!.members[0]!, id: REMOVED_MEMBER_ID, fullName: 'Bob Smith' } satisfies Member
      return { ...d!, members: [...d!.members, bob] }
    })
    await expect(
      changeMembership(ctx(), { addMembers: [String(outsider(4).id)] }, text),
    ).rejects.toMatchObject({
      status: 422,
    })
    expect(group.members).toContain(REMOVED_MEMBER_ID)
    expect(notices[0]?.message).toBe(
      `Could not change the group. Bob Smith: The selected members.${at} is invalid.`,
    )
  })
})

describe('the Activity record of membership changes', () => {
  it('records each change with its words and outcome, and the notice and the panel share one Undo', async () => {
    const who = outsider(5).id
    await changeMembership(ctx(), { addMembers: [String(who)] }, text)
    expect(latest()).toMatchObject({
      label: `Add ${fullName(who)} to ${group.name}`,
      outcome: 'done',
      canUndo: true,
    })
    notices[0]!.undo!()
    await expect.poll(() => latest()?.outcome).toBe('undone')
    expect(group.members).not.toContain(who)
    // Undo ran once: the panel's Undo is gone with the notice's.
    expect(activity.undo(latest()!.id)).toBe(false)
    expect(activity.list(ORG)).toHaveLength(1)
  })

  it('guests, removals and refusals too', async () => {
    const guest = group.guests[0]!
    await changeMembership(ctx(), { removeGuests: [guest] }, text)
    const member = outsider(6)
    await changeMembership(ctx(), { addGuests: [member.email] }, text).catch(() => undefined)
    expect(activity.list(ORG).map((e) => [e.label, e.outcome, e.detail])).toEqual([
      [
        `Add guest ${member.email} to ${group.name}`,
        'refused',
        `${member.email} is a member of this organization, not a guest.`,
      ],
      [`Remove guest ${guest} from ${group.name}`, 'done', null],
    ])
  })
})
