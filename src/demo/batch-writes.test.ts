import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_ME_ID, DEMO_ORG_ID, DEMO_TOKEN } from './credentials'
import { BOT_MEMBER_ID, DEFAULT_ADMIN_ID, type WireMember } from './data'
import { createFaultController, parseFaults } from './faults'
import { createDemoServer } from './node'

// What bulk actions lean on in the demo (#21): resending and withdrawing invitations, a seat pool
// that can run out, a server that answers every k-th write with a 429, and the write statistics
// tests count requests with. On an organization of their own, so these writes reach no other file.
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
const BARE = 'http://127.0.0.1:4599'
const USERS = `/organizations/${DEMO_ORG_ID}/users`

async function send(method: string, path: string, payload?: unknown, base = BROWSER) {
  const response = await fetch(`${base}${path}`, {
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

const spelled = (m: WireMember) => (m.role ?? m.user_role ?? '').toLowerCase()
const fullSeat = (m: WireMember) => ['admin', 'administrator', 'standard'].includes(spelled(m))
const protectedIds = [DEMO_ME_ID, DEFAULT_ADMIN_ID, BOT_MEMBER_ID]

/** Someone in the demo matching `where`, not the signed-in person, the default admin or the bot. */
function someone(where: (m: WireMember) => boolean, what: string): WireMember {
  const found = org.members.find((m) => !protectedIds.includes(m.id) && where(m))
  if (!found) throw new Error(`the demo has no ${what}`)
  return found
}

/** Seats of each kind in use right now (active and invited; Administrator and Standard full, Light light). */
function seatsUsed() {
  const holding = org.members.filter((m) => m.status === 'active' || m.status === 'invited')
  return {
    full: holding.filter(fullSeat).length,
    light: holding.filter((m) => spelled(m) === 'light').length,
  }
}

let invites = 0
const newcomer = (role: string) => ({
  email: `newcomer.${++invites}@example.com`,
  first_name: 'Nia',
  last_name: 'Okafor',
  role,
  message: 'Welcome!',
})

const NOT_INVITED = {
  message: 'The given data was invalid.',
  errors: { user: ['The user is not in invited status.'] },
}

describe('resend-invite', () => {
  it('answers an invited member with 200 {data} and changes nothing a read shows', async () => {
    const invited = someone((m) => m.status === 'invited', 'invited member')
    const before = (await get(`${USERS}/${invited.id}`)).body
    const res = await send('POST', `${USERS}/${invited.id}/resend-invite`)
    expect(res.status).toBe(200)
    expect(res.body.data).toMatchObject({ id: invited.id, email: invited.email, status: 'invited' })
    expect((await get(`${USERS}/${invited.id}`)).body).toEqual(before)
  })

  it('refuses a member who is not invited with Tallyfy’s 422, an unknown ID with 404', async () => {
    const active = someone((m) => m.status === 'active', 'active member')
    const disabled = someone((m) => m.status === 'disabled', 'disabled member')
    for (const member of [active, disabled]) {
      const res = await send('POST', `${USERS}/${member.id}/resend-invite`)
      expect(res.status).toBe(422)
      expect(res.body).toEqual(NOT_INVITED)
    }
    const unknown = await send('POST', `${USERS}/999999/resend-invite`)
    expect(unknown.status).toBe(404)
    expect(unknown.body.code).toBe('RESOURCE_NOT_FOUND')
  })

  it('is for admins only, like every member write', async () => {
    faults.set({ signedInRole: 'light' })
    const invited = someone((m) => m.status === 'invited', 'invited member')
    expect((await send('POST', `${USERS}/${invited.id}/resend-invite`)).status).toBe(403)
  })
})

describe('withdraw-invite', () => {
  it('the member leaves GET /users, their profile and every group', async () => {
    const invited = someone(
      (m) => m.status === 'invited' && (org.groupIdsByMember.get(m.id)?.length ?? 0) > 0,
      'invited member in a group',
    )
    const groupIds = [...(org.groupIdsByMember.get(invited.id) ?? [])]
    const total = (await get(`${USERS}?per_page=1`)).body.meta.pagination.total

    const res = await send('DELETE', `${USERS}/${invited.id}/withdraw-invite`)
    expect(res.status).toBe(200)
    expect(res.body.data).toMatchObject({ id: invited.id })

    expect((await get(`${USERS}?per_page=1`)).body.meta.pagination.total).toBe(total - 1)
    expect((await get(`${USERS}?q=${encodeURIComponent(invited.email)}`)).body.data).toEqual([])
    expect((await get(`${USERS}/${invited.id}`)).status).toBe(404)
    for (const id of groupIds) {
      const group = await get(`/organizations/${DEMO_ORG_ID}/groups/${id}`)
      expect(group.body.data.members.map(Number)).not.toContain(invited.id)
    }
    // Gone: a second withdrawal (a repeated request) finds nobody.
    expect((await send('DELETE', `${USERS}/${invited.id}/withdraw-invite`)).status).toBe(404)
  })

  it('refuses a member who is not invited with the 422, and removes nobody', async () => {
    const active = someone((m) => m.status === 'active', 'active member')
    const count = org.members.length
    const res = await send('DELETE', `${USERS}/${active.id}/withdraw-invite`)
    expect(res.status).toBe(422)
    expect(res.body).toEqual(NOT_INVITED)
    expect(org.members).toHaveLength(count)
  })

  it('works over the bare HTTP paths too, and frees the seat the invitation held', async () => {
    const invited = someone((m) => m.status === 'invited' && fullSeat(m), 'invited full-seat member')
    faults.set({ seats: { full: seatsUsed().full } })
    expect((await send('POST', `${USERS}/invite`, newcomer('standard'))).status).toBe(409)
    const res = await send('DELETE', `${USERS}/${invited.id}/withdraw-invite`, undefined, BARE)
    expect(res.status).toBe(200)
    expect((await send('POST', `${USERS}/invite`, newcomer('standard'))).status).toBe(200)
  })
})

/** INFERRED words, the documented envelope and code (see seatPoolExhausted in handlers.ts). */
const exhausted = (kind: 'full' | 'light') => ({
  error: {
    code: 'SEAT_POOL_EXHAUSTED',
    message: `Your organization has reached its committed ${kind} seat limit.`,
    details: { pool_type: kind },
  },
})

describe('the seat pool (seats)', () => {
  it('an invitation needing a seat of a full kind gets the 409 and is not made; the other kind still has room', async () => {
    const used = seatsUsed()
    faults.set({ seats: { full: used.full, light: used.light + 1 } })
    const count = org.members.length
    const refused = await send('POST', `${USERS}/invite`, newcomer('admin'))
    expect(refused.status).toBe(409)
    expect(refused.body).toEqual(exhausted('full'))
    expect(org.members).toHaveLength(count)

    expect((await send('POST', `${USERS}/invite`, newcomer('light'))).status).toBe(200)
    const none = await send('POST', `${USERS}/invite`, newcomer('light'))
    expect(none.status).toBe(409)
    expect(none.body).toEqual(exhausted('light'))
  })

  it('validation comes first: a bad invitation is a 422 even with no seat free', async () => {
    faults.set({ seats: { full: 0, light: 0 } })
    expect((await send('POST', `${USERS}/invite`, { ...newcomer('standard'), first_name: '' })).status).toBe(
      422,
    )
  })

  it('a role change into the full kind needs a free full seat; within a kind it needs none', async () => {
    const light = someone((m) => m.status === 'active' && spelled(m) === 'light', 'active Light member')
    const standard = someone((m) => m.status === 'active' && spelled(m) === 'standard', 'active Standard')
    faults.set({ seats: { full: seatsUsed().full, light: seatsUsed().light } })

    const refused = await send('PUT', `${USERS}/${light.id}/role`, { role: 'standard' })
    expect(refused.status).toBe(409)
    expect(refused.body).toEqual(exhausted('full'))
    expect(spelled(light)).toBe('light')
    // Standard to Administrator keeps the same full seat.
    expect((await send('PUT', `${USERS}/${standard.id}/role`, { role: 'admin' })).status).toBe(200)
    // Into Light with no light seat free: refused too, naming the light pool.
    const intoLight = await send('PUT', `${USERS}/${standard.id}/role`, { role: 'light' })
    expect(intoLight.body).toEqual(exhausted('light'))
    // A disabled member holds no seat, so a role change takes none.
    const disabled = someone((m) => m.status === 'disabled' && spelled(m) === 'light', 'disabled Light')
    expect((await send('PUT', `${USERS}/${disabled.id}/role`, { role: 'standard' })).status).toBe(200)
  })

  it('enabling needs a free seat of the member’s kind; disabling someone frees one', async () => {
    const disabled = someone((m) => m.status === 'disabled' && fullSeat(m), 'disabled full-seat member')
    const active = someone((m) => m.status === 'active' && spelled(m) === 'standard', 'active Standard')
    faults.set({ seats: { full: seatsUsed().full } })
    const refused = await send('PUT', `${USERS}/${disabled.id}/enable`)
    expect(refused.status).toBe(409)
    expect(refused.body).toEqual(exhausted('full'))
    expect(disabled.status).toBe('disabled')

    expect((await send('DELETE', `${USERS}/${active.id}/disable`)).status).toBe(200)
    expect((await send('PUT', `${USERS}/${disabled.id}/enable`)).status).toBe(200)
    expect(disabled.status).not.toBe('disabled')
  })

  it('is a state of the organization: it outlives a times count that runs out', async () => {
    faults.set({ seats: { full: 0 }, status: 503, method: 'GET', path: '/groups', times: 1 })
    expect((await get(`/organizations/${DEMO_ORG_ID}/groups`)).status).toBe(503)
    expect(faults.get()).toEqual({ seats: { full: 0 } })
    expect((await send('POST', `${USERS}/invite`, newcomer('standard'))).status).toBe(409)
  })

  it('parseFaults takes { full?, light? } whole numbers and refuses anything else', () => {
    expect(parseFaults({ seats: { full: 3, light: 0 } })).toEqual({
      faults: { seats: { full: 3, light: 0 } },
    })
    expect(parseFaults({ seats: { full: -1 } })).toEqual({ error: 'seats.full must be a whole number ≥ 0' })
    expect(parseFaults({ seats: { guest: 1 } })).toHaveProperty('error')
    expect(parseFaults({ seats: 4 })).toHaveProperty('error')
  })
})

describe('rateLimitEvery: every k-th write answers 429', () => {
  it('the 3rd and 6th writes are refused with Retry-After: 1 and not applied; reads do not count', async () => {
    const member = someone((m) => m.status === 'active' && spelled(m) === 'standard', 'active Standard')
    const invited = someone((m) => m.status === 'invited', 'invited member')
    faults.set({ rateLimitEvery: 3 })
    const role = (r: string) => send('PUT', `${USERS}/${member.id}/role`, { role: r })

    expect((await role('light')).status).toBe(200)
    await get(`${USERS}/${member.id}`)
    expect((await send('POST', `${USERS}/${invited.id}/resend-invite`)).status).toBe(200)
    const third = await role('admin')
    expect(third.status).toBe(429)
    expect(third.headers.get('Retry-After')).toBe('1')
    expect(third.body).toEqual({ message: expect.any(String), code: 'RATE_LIMIT_EXCEEDED' })
    expect(spelled(member)).toBe('light')

    expect((await role('admin')).status).toBe(200)
    expect((await role('standard')).status).toBe(200)
    expect((await role('light')).status).toBe(429)
    expect(spelled(member)).toBe('standard')
  })

  it('counts from zero again at every set(), and outlives a times count', async () => {
    const member = someone((m) => m.status === 'active' && spelled(m) === 'light', 'active Light member')
    faults.set({ rateLimitEvery: 2 })
    expect((await send('PUT', `${USERS}/${member.id}/role`, { role: 'light' })).status).toBe(200)
    faults.set({ rateLimitEvery: 2, latencyMs: 1, times: 1 })
    expect((await send('PUT', `${USERS}/${member.id}/role`, { role: 'light' })).status).toBe(200)
    expect(faults.get()).toEqual({ rateLimitEvery: 2 })
    expect((await send('PUT', `${USERS}/${member.id}/role`, { role: 'light' })).status).toBe(429)
  })

  it('a refused write takes the network’s latency too, like every other answer', () => {
    const controller = createFaultController({}, { perPageCap: 100 })
    controller.set({ rateLimitEvery: 2, latencyMs: 30 })
    expect(controller.take(`${USERS}/1031/role`, 'PUT')).toMatchObject({ latencyMs: 30 })
    expect(controller.take(`${USERS}/1031/role`, 'PUT')).toEqual({
      perPageCap: 100,
      status: 429,
      retryAfter: 1,
      latencyMs: 30,
    })
  })

  it('parseFaults wants a whole number ≥ 1', () => {
    expect(parseFaults({ rateLimitEvery: 5 })).toEqual({ faults: { rateLimitEvery: 5 } })
    expect(parseFaults({ rateLimitEvery: 0 })).toHaveProperty('error')
    expect(parseFaults({ rateLimitEvery: 1.5 })).toHaveProperty('error')
  })
})

describe('write statistics', () => {
  it('logs every write with its method, path without /api, and status; reads are not logged', async () => {
    const invited = someone((m) => m.status === 'invited', 'invited member')
    const active = someone((m) => m.status === 'active', 'active member')
    faults.set({ rateLimitEvery: 3 })
    await send('POST', `${USERS}/${invited.id}/resend-invite`)
    await get(`${USERS}/${invited.id}`)
    await send('POST', `${USERS}/${active.id}/resend-invite`, undefined, BARE)
    await send('PUT', `${USERS}/${active.id}/role`, { role: 'light' })
    await send('DELETE', `/organizations/${DEMO_ORG_ID}/nothing-here`)
    expect(faults.stats()).toEqual({
      writes: [
        { method: 'POST', path: `${USERS}/${invited.id}/resend-invite`, status: 200 },
        { method: 'POST', path: `${USERS}/${active.id}/resend-invite`, status: 422 },
        { method: 'PUT', path: `${USERS}/${active.id}/role`, status: 429 },
        { method: 'DELETE', path: `/organizations/${DEMO_ORG_ID}/nothing-here`, status: 404 },
      ],
      peakWritesInFlight: 1,
    })
  })

  it('a dropped answer is logged with the status it would have had', async () => {
    const invited = someone((m) => m.status === 'invited', 'invited member')
    faults.set({ dropAfterWrite: true, times: 1 })
    await expect(
      fetch(`${BROWSER}${USERS}/${invited.id}/resend-invite`, { method: 'POST', headers: HEADERS }),
    ).rejects.toThrow(TypeError)
    expect(faults.stats().writes).toEqual([
      { method: 'POST', path: `${USERS}/${invited.id}/resend-invite`, status: 200, dropped: true },
    ])
  })

  it('counts the most writes in flight at once, and reset() starts over', async () => {
    const ids = org.members
      .filter((m) => m.status === 'active' && !protectedIds.includes(m.id))
      .slice(0, 3)
      .map((m) => m.id)
    // Held at the server long enough for all three to be in flight together.
    faults.set({ latencyMs: 30 })
    await Promise.all(ids.map((id) => send('PUT', `${USERS}/${id}/role`, { role: 'standard' })))
    await send('PUT', `${USERS}/${ids[0]}/role`, { role: 'standard' })
    expect(faults.stats().peakWritesInFlight).toBe(3)
    expect(faults.stats().writes).toHaveLength(4)
    faults.reset()
    expect(faults.stats()).toEqual({ writes: [], peakWritesInFlight: 0 })
  })

  it('set() keeps them; resetStats() clears them alone', async () => {
    const invited = someone((m) => m.status === 'invited', 'invited member')
    await send('POST', `${USERS}/${invited.id}/resend-invite`)
    faults.set({ latencyMs: 1 })
    expect(faults.stats().writes).toHaveLength(1)
    faults.resetStats()
    expect(faults.stats().writes).toEqual([])
    expect(faults.get()).toEqual({ latencyMs: 1 })
  })
})
