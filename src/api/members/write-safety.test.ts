import { MutationObserver, QueryClient, type MutationObserverOptions } from '@tanstack/react-query'
import { http, HttpResponse } from 'msw'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { DEMO_ME_ID, DEMO_ORG_ID, DEMO_TOKEN } from '../../demo/credentials'
import { BOT_MEMBER_ID, DEFAULT_ADMIN_ID, wireRole, type WireMember } from '../../demo/data'
import { createDemoServer } from '../../demo/node'
import { retryPolicy } from '../client'
import { credentialStore } from '../credentials'
import { isNoLongerApplies, isUncertainWrite } from '../writes/uncertain'
import { memberMutations } from './mutations'

// Member writes against the demo organization's handlers: one member's writes go one at a time, and
// a write whose answer was lost (the connection dropped after Tallyfy applied it, or a 5xx) is
// settled by reading the member again, never assumed to have failed.

const { server, org, faults } = createDemoServer({ members: 150 })
const USERS = `/organizations/${DEMO_ORG_ID}/users`

let qc: QueryClient
const policy = { ...retryPolicy }
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
beforeEach(() => {
  credentialStore.set({ orgId: DEMO_ORG_ID, token: DEMO_TOKEN, demo: true }, { remember: false })
  qc = new QueryClient()
  // Retries after a network failure wait 500 ms and more; none is needed to prove anything here.
  retryPolicy.transientRetries = 0
})
afterEach(() => {
  faults.reset()
  server.resetHandlers()
  server.events.removeAllListeners()
  Object.assign(retryPolicy, policy)
  credentialStore.clear()
  qc.clear()
})
afterAll(() => server.close())

const run = <TData, TVariables>(
  options: MutationObserverOptions<TData, Error, TVariables>,
  variables: TVariables,
) => new MutationObserver(qc, options).mutate(variables)

/** Active members nobody protects (not the default administrator, the bot or the signed-in admin). */
const plain = (role: string, n = 0): WireMember => {
  const found = org.members.filter(
    (m) =>
      m.status === 'active' &&
      wireRole(m)?.toLowerCase() === role &&
      ![DEMO_ME_ID, DEFAULT_ADMIN_ID, BOT_MEMBER_ID].includes(m.id),
  )[n]
  if (!found) throw new Error(`the demo has no plain ${role} member #${n}`)
  return found
}

const invite = (email: string) => ({
  email,
  firstName: 'Ada',
  lastName: 'Lovelace',
  role: 'light' as const,
  message: 'Welcome',
})

describe('writes to one member run one after another', () => {
  it('two role changes, a disable and an enable for one member: never two in flight at once, sent in order', async () => {
    const bob = plain('standard')
    let inFlight = 0
    let most = 0
    const order: string[] = []
    server.events.on('request:start', ({ request }) => {
      if (request.method !== 'GET' && request.url.includes(`/users/${bob.id}/`)) {
        most = Math.max(most, ++inFlight)
        order.push(`${request.method} ${new URL(request.url).pathname.split('/').pop()}`)
      }
    })
    server.events.on('response:mocked', ({ request }) => {
      if (request.method !== 'GET' && request.url.includes(`/users/${bob.id}/`)) inFlight--
    })
    faults.set({ latencyMs: 30, path: `/users/${bob.id}/` })

    await Promise.all([
      run(memberMutations.changeRole(DEMO_ORG_ID, bob.id), 'light'),
      run(memberMutations.changeRole(DEMO_ORG_ID, bob.id), 'admin'),
      run(memberMutations.disable(DEMO_ORG_ID, bob.id), undefined),
      run(memberMutations.enable(DEMO_ORG_ID, bob.id), undefined),
    ])

    expect(most).toBe(1)
    // In the order they were made: the last role asked for is the one Tallyfy holds.
    expect(order).toEqual(['PUT role', 'PUT role', 'DELETE disable', 'PUT enable'])
    expect(wireRole(bob)).toBe('admin')
    expect(bob.status).toBe('active')
  })

  it('every member mutation shares the member’s scope; another member’s is another queue', () => {
    const scopes = [
      memberMutations.changeRole(DEMO_ORG_ID, 7).scope,
      memberMutations.disable(DEMO_ORG_ID, 7).scope,
      memberMutations.enable(DEMO_ORG_ID, 7).scope,
      memberMutations.resendInvite(DEMO_ORG_ID, 7).scope,
      memberMutations.withdrawInvite(DEMO_ORG_ID, 7).scope,
    ]
    expect(scopes[0]).toBeDefined()
    for (const scope of scopes) expect(scope).toEqual(scopes[0])
    expect(memberMutations.changeRole(DEMO_ORG_ID, 8).scope).not.toEqual(scopes[0])
  })
})

describe('an uncertain failure is settled by reading the member again', () => {
  it('role change: Tallyfy applied it and the connection dropped: it is done, with the member as read', async () => {
    const bob = plain('standard', 1)
    faults.set({ dropAfterWrite: true, times: 1 })
    const answer = await run(memberMutations.changeRole(DEMO_ORG_ID, bob.id), 'light')
    expect(answer).toMatchObject({ id: bob.id, role: 'light' })
    expect(wireRole(bob)).toBe('light')
  })

  it('role change: a 500 before Tallyfy applied it: the read says so, and it fails', async () => {
    const bob = plain('standard', 2)
    faults.set({ status: 500, method: 'PUT', times: 1 })
    const error = await run(memberMutations.changeRole(DEMO_ORG_ID, bob.id), 'light').catch((e: unknown) => e)
    expect(error).toMatchObject({ kind: 'http', status: 500 })
    expect(isUncertainWrite(error)).toBe(false)
    expect(wireRole(bob)).toBe('standard')
  })

  it('role change: the read after the drop fails too: uncertain, never "failed"', async () => {
    const bob = plain('standard', 3)
    faults.set({ dropAfterWrite: true, times: 1 })
    server.use(http.get(`*${USERS}/${bob.id}`, () => HttpResponse.error()))
    const error = await run(memberMutations.changeRole(DEMO_ORG_ID, bob.id), 'light').catch((e: unknown) => e)
    expect(isUncertainWrite(error)).toBe(true)
  })

  it('disable and enable after a dropped connection: done when the member is as asked', async () => {
    const sam = plain('standard', 4)
    faults.set({ dropAfterWrite: true, times: 1 })
    expect(await run(memberMutations.disable(DEMO_ORG_ID, sam.id), undefined)).toMatchObject({
      id: sam.id,
      status: 'disabled',
    })
    faults.set({ dropAfterWrite: true, times: 1 })
    expect(await run(memberMutations.enable(DEMO_ORG_ID, sam.id), undefined)).toMatchObject({
      id: sam.id,
      status: 'active',
    })
  })

  it('disable: a 503 that Tallyfy did not act on stays a failure', async () => {
    const sam = plain('standard', 5)
    faults.set({ status: 503, method: 'DELETE', times: 1 })
    const error = await run(memberMutations.disable(DEMO_ORG_ID, sam.id), undefined).catch((e: unknown) => e)
    expect(error).toMatchObject({ status: 503 })
    expect(sam.status).toBe('active')
  })

  it('invite: the POST went through and the connection dropped: found by email (any casing), once', async () => {
    faults.set({ dropAfterWrite: true, times: 1 })
    let posts = 0
    server.events.on('request:start', ({ request }) => {
      if (request.method === 'POST') posts++
    })
    const member = await run(memberMutations.invite(DEMO_ORG_ID), invite('Ada.Lovelace@Example.com'))
    expect(member).toMatchObject({ fullName: 'Ada Lovelace', status: 'invited' })
    expect(member?.email?.toLowerCase()).toBe('ada.lovelace@example.com')
    expect(posts).toBe(1)
    expect(org.members.filter((m) => m.email.toLowerCase() === 'ada.lovelace@example.com')).toHaveLength(1)
  })

  it('invite: a 503 before Tallyfy acted: nobody by that email, so it failed (and is not sent again)', async () => {
    faults.set({ status: 503, method: 'POST', times: 1 })
    let posts = 0
    server.events.on('request:start', ({ request }) => {
      if (request.method === 'POST') posts++
    })
    const error = await run(memberMutations.invite(DEMO_ORG_ID), invite('grace@example.com')).catch(
      (e: unknown) => e,
    )
    expect(error).toMatchObject({ status: 503 })
    expect(posts).toBe(1)
  })
})

/** Invited members nobody else in this file touches, taken in turn. */
let invitedTaken = 0
function invitedMember(): WireMember {
  const found = org.members.filter((m) => m.status === 'invited')[invitedTaken++]
  if (!found) throw new Error('the demo has run out of invited members')
  return found
}

/** Another admin, elsewhere, withdraws the invitation: Tallyfy changes, Roster does not know. */
async function withdrawnElsewhere(member: WireMember) {
  const response = await fetch(`http://localhost:3000/api${USERS}/${member.id}/withdraw-invite`, {
    method: 'DELETE',
    headers: {
      Authorization: `Bearer ${DEMO_TOKEN}`,
      Accept: 'application/json',
      'X-Tallyfy-Client': 'APIClient',
    },
  })
  expect(response.status).toBe(200)
}

const writesTo = (member: WireMember, action: string) =>
  faults.stats().writes.filter((w) => w.path === `${USERS}/${member.id}/${action}`)

describe('resending an invitation', () => {
  it('POSTs once and resolves with the member as Tallyfy answers', async () => {
    const nia = invitedMember()
    expect(await run(memberMutations.resendInvite(DEMO_ORG_ID, nia.id), undefined)).toMatchObject({
      id: nia.id,
      status: 'invited',
    })
    expect(writesTo(nia, 'resend-invite')).toEqual([
      { method: 'POST', path: `${USERS}/${nia.id}/resend-invite`, status: 200 },
    ])
  })

  it('a member who is not invited: Tallyfy’s 422, with its words on the user field', async () => {
    const bob = plain('standard', 6)
    const error = await run(memberMutations.resendInvite(DEMO_ORG_ID, bob.id), undefined).catch(
      (e: unknown) => e,
    )
    expect(error).toMatchObject({
      status: 422,
      fieldErrors: { user: ['The user is not in invited status.'] },
    })
  })

  it('the answer lost and the member still invited: uncertain, saying so, and the POST is not sent again', async () => {
    const nia = invitedMember()
    faults.set({ dropAfterWrite: true, times: 1 })
    const error = await run(memberMutations.resendInvite(DEMO_ORG_ID, nia.id), undefined).catch(
      (e: unknown) => e,
    )
    expect(isUncertainWrite(error)).toBe(true)
    expect((error as Error).message).toMatch(/still invited.*cannot tell whether Tallyfy emailed/)
    expect(writesTo(nia, 'resend-invite')).toHaveLength(1)
  })

  it('a 503, and meanwhile the invitation was accepted: it no longer applies, and says what was found', async () => {
    const nia = invitedMember()
    faults.set({ status: 503, method: 'POST', times: 1 })
    server.events.on('request:start', ({ request }) => {
      // Nia accepts while the POST is on its way.
      if (request.method === 'POST') nia.status = 'active'
    })
    const error = await run(memberMutations.resendInvite(DEMO_ORG_ID, nia.id), undefined).catch(
      (e: unknown) => e,
    )
    expect(isNoLongerApplies(error)).toBe(true)
    expect(isUncertainWrite(error)).toBe(false)
    expect((error as Error).message).toBe(
      'The member is active now, no longer invited: there is no invitation to resend.',
    )
  })

  it('a 503, and the invitation was withdrawn elsewhere: it no longer applies', async () => {
    const nia = invitedMember()
    await withdrawnElsewhere(nia)
    faults.set({ status: 503, method: 'POST', times: 1 })
    const error = await run(memberMutations.resendInvite(DEMO_ORG_ID, nia.id), undefined).catch(
      (e: unknown) => e,
    )
    expect(isNoLongerApplies(error)).toBe(true)
    expect((error as Error).message).toMatch(/no longer in the organization/)
  })

  it('the answer lost and the read fails too: uncertain, never "failed"', async () => {
    const nia = invitedMember()
    faults.set({ dropAfterWrite: true, times: 1 })
    server.use(http.get(`*${USERS}/${nia.id}`, () => HttpResponse.error()))
    const error = await run(memberMutations.resendInvite(DEMO_ORG_ID, nia.id), undefined).catch(
      (e: unknown) => e,
    )
    expect(isUncertainWrite(error)).toBe(true)
    expect((error as Error).message).toContain('Check the member before trying again')
  })
})

describe('withdrawing an invitation', () => {
  it('sends one DELETE; the member is gone from Tallyfy', async () => {
    const nia = invitedMember()
    await expect(run(memberMutations.withdrawInvite(DEMO_ORG_ID, nia.id), undefined)).resolves.toBeUndefined()
    expect(org.members).not.toContain(nia)
    expect(writesTo(nia, 'withdraw-invite')).toEqual([
      { method: 'DELETE', path: `${USERS}/${nia.id}/withdraw-invite`, status: 200 },
    ])
  })

  it('Tallyfy withdrew it and the connection dropped: the read finds nobody (404), so it is done', async () => {
    const nia = invitedMember()
    faults.set({ dropAfterWrite: true, times: 1 })
    await expect(run(memberMutations.withdrawInvite(DEMO_ORG_ID, nia.id), undefined)).resolves.toBeUndefined()
    expect(org.members).not.toContain(nia)
    expect(writesTo(nia, 'withdraw-invite')).toHaveLength(1)
  })

  it('a 503 before Tallyfy acted: still invited, so it fails with the 503 (not sent again)', async () => {
    const nia = invitedMember()
    faults.set({ status: 503, method: 'DELETE', times: 1 })
    const error = await run(memberMutations.withdrawInvite(DEMO_ORG_ID, nia.id), undefined).catch(
      (e: unknown) => e,
    )
    expect(error).toMatchObject({ kind: 'http', status: 503 })
    expect(isUncertainWrite(error)).toBe(false)
    expect(org.members).toContain(nia)
    expect(writesTo(nia, 'withdraw-invite')).toHaveLength(1)
  })

  it('a 503, and the member is now active: neither invited nor gone, so uncertain, saying what was found', async () => {
    const nia = invitedMember()
    faults.set({ status: 503, method: 'DELETE', times: 1 })
    server.events.on('request:start', ({ request }) => {
      if (request.method === 'DELETE') nia.status = 'active'
    })
    const error = await run(memberMutations.withdrawInvite(DEMO_ORG_ID, nia.id), undefined).catch(
      (e: unknown) => e,
    )
    expect(isUncertainWrite(error)).toBe(true)
    expect((error as Error).message).toMatch(
      /is active now, no longer invited, yet still in the organization/,
    )
  })
})
