import { MutationObserver, QueryClient, type MutationObserverOptions } from '@tanstack/react-query'
import { http, HttpResponse } from 'msw'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { DEMO_ME_ID, DEMO_ORG_ID, DEMO_TOKEN } from '../../demo/credentials'
import { BOT_MEMBER_ID, DEFAULT_ADMIN_ID, wireRole, type WireMember } from '../../demo/data'
import { createDemoServer } from '../../demo/node'
import { retryPolicy } from '../client'
import { credentialStore } from '../credentials'
import { isUncertainWrite } from '../writes/uncertain'
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
