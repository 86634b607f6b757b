import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { DEMO_ME_ID, DEMO_ORG_ID, DEMO_TOKEN } from './credentials'
import {
  BOT_MEMBER_ID,
  DEFAULT_ADMIN_ID,
  DEMO_GUEST_WITH_TASKS,
  DEMO_WORK_OWNER_ID,
  type WireGuest,
  type WireMember,
} from './data'
import { parseFaults } from './faults'
import { createDemoServer } from './node'

// The lifecycle endpoints of the demo (tallyfy-api.md §13, #22), on an organization of their own so
// these writes reach no other test file. Each test picks people no other test changes.
const { server, org, faults } = createDemoServer({ members: 120 })

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => {
  faults.reset()
  vi.useRealTimers()
})
afterAll(() => server.close())

const HEADERS = {
  Authorization: `Bearer ${DEMO_TOKEN}`,
  Accept: 'application/json',
  'X-Tallyfy-Client': 'APIClient',
  'Content-Type': 'application/json',
}
const BROWSER = 'http://localhost:3000/api'
const BARE = 'http://127.0.0.1:4599'
const ORG = `/organizations/${DEMO_ORG_ID}`
const USERS = `${ORG}/users`
const GUESTS = `${ORG}/guests`

async function send(method: string, path: string, payload?: unknown, base = BROWSER) {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: HEADERS,
    body: payload === undefined ? undefined : JSON.stringify(payload),
  })
  const text = await response.text()
  // Loosely typed on purpose: the assertions below say what the shape must be.
  // oxlint-disable-next-line typescript/no-explicit-any
  return {
    status: response.status,
    headers: response.headers,
    text,
    body: (text ? JSON.parse(text) : null) as any,
  }
}
const get = (path: string) => send('GET', path)
const guestPath = (email: string) => `${GUESTS}/${encodeURIComponent(email)}`

const protectedIds = [DEMO_ME_ID, DEFAULT_ADMIN_ID, BOT_MEMBER_ID, DEMO_WORK_OWNER_ID]
const taken = new Set<number>()
/** A member matching `where` that no other test has taken, and not a protected one. */
function someone(where: (m: WireMember) => boolean, what: string): WireMember {
  const found = org.members.find((m) => !protectedIds.includes(m.id) && !taken.has(m.id) && where(m))
  if (!found) throw new Error(`the demo has no ${what}`)
  taken.add(found.id)
  return found
}
const inGroups = (m: WireMember) => (org.groupIdsByMember.get(m.id)?.length ?? 0) > 0
const roleOf = (m: WireMember) => (m.role ?? m.user_role ?? '').toLowerCase()

const takenGuests = new Set<string>()
function someGuest(where: (g: WireGuest) => boolean, what: string): WireGuest {
  const found = org.guests.find(
    (g) => g.email !== DEMO_GUEST_WITH_TASKS && !takenGuests.has(g.email) && where(g),
  )
  if (!found) throw new Error(`the demo has no ${what}`)
  takenGuests.add(found.email)
  return found
}
const groupsHoldingGuest = (email: string) =>
  org.groups.filter((g) => g.guests.includes(email)).map((g) => g.id)

let made = 0
const newGuest = (extra: Record<string, unknown> = {}) => ({
  email: `guest.${++made}@partner.example`,
  first_name: 'Ines',
  last_name: 'Duarte',
  company_name: 'Partner & Co',
  ...extra,
})

const EMPTY_INFO = { templates: [], steps: [], process_tasks: [], one_off_tasks: [] }
const size = (part: unknown) => (Array.isArray(part) ? part.length : Object.keys(part as object).length)
/** Counts of what a reassignment-information answer lists, whichever way a map came encoded. */
function counts(info: Record<string, unknown>) {
  const tasks = Array.isArray(info.process_tasks)
    ? 0
    : Object.values(info.process_tasks as Record<string, unknown[]>).reduce((n, list) => n + list.length, 0)
  return {
    templates: size(info.templates),
    steps: size(info.steps),
    processes: size(info.process_tasks),
    tasks,
    oneOff: size(info.one_off_tasks),
  }
}

describe('GET /users/{id}/reassignment-information', () => {
  it('lists what the work owner owns in the §13 shape: maps by ID, tasks by process', async () => {
    const res = await get(`${USERS}/${DEMO_WORK_OWNER_ID}/reassignment-information`)
    expect(res.status).toBe(200)
    const info = res.body.data
    expect(counts(info)).toEqual({ templates: 2, steps: 3, processes: 2, tasks: 3, oneOff: 2 })
    expect(Object.values(info.templates)).toEqual(['Customer onboarding', 'Quarterly access review'])
    for (const id of Object.keys(info.templates)) expect(id).toMatch(/^[0-9a-f]{32}$/)
    expect(info.steps[0]).toEqual({
      id: expect.stringMatching(/^[0-9a-f]{32}$/),
      title: 'Approve the kickoff call',
      template_id: Object.keys(info.templates)[0],
    })
    const [onboarding] = Object.entries(info.process_tasks as Record<string, Record<string, unknown>[]>)
    expect(onboarding?.[1]).toEqual([
      {
        id: expect.any(String),
        run_id: onboarding?.[0],
        run_name: 'Onboarding — Harbor Freight Partners',
        template_name: 'Customer onboarding',
        name: 'Schedule the kickoff call',
        deadline: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      },
      expect.objectContaining({ name: 'Confirm the billing contact', deadline: null }),
    ])
    expect(info.one_off_tasks).toEqual([
      { id: expect.any(String), name: 'Renew the Berlin office lease', deadline: expect.any(String) },
      { id: expect.any(String), name: 'Send the board pack', deadline: null },
    ])
  })

  it('everyone else owns nothing, every part empty and the maps encoded as PHP does: []', async () => {
    const res = await get(`${USERS}/${DEMO_ME_ID}/reassignment-information`)
    expect(res.status).toBe(200)
    expect(res.body.data).toEqual(EMPTY_INFO)
    // Not {}: PHP's json_encode writes an empty associative array as a list.
    expect(res.text).toContain('"templates":[]')
    expect(res.text).toContain('"process_tasks":[]')
  })

  it('answers 404 for an unknown member and 403 to a non-admin', async () => {
    expect((await get(`${USERS}/999999/reassignment-information`)).status).toBe(404)
    faults.set({ signedInRole: 'standard' })
    expect((await get(`${USERS}/${DEMO_WORK_OWNER_ID}/reassignment-information`)).status).toBe(403)
  })
})

describe('DELETE /users/{id} (remove, with reassignment)', () => {
  const ADMIN_REFUSAL = {
    error: true,
    message:
      'Cannot modify the default administrator. Please assign another member as default administrator first.',
  }

  it('refuses the default administrator and the bot with 400 in Tallyfy’s words', async () => {
    const admin = await send('DELETE', `${USERS}/${DEFAULT_ADMIN_ID}?with_reassignment=true&to=${DEMO_ME_ID}`)
    expect(admin.status).toBe(400)
    expect(admin.body).toEqual(ADMIN_REFUSAL)
    const bot = await send('DELETE', `${USERS}/${BOT_MEMBER_ID}`)
    expect(bot.status).toBe(400)
    expect(bot.body).toEqual({ error: true, message: "You can't remove a bot user from this organization!" })
    expect(org.members.find((m) => m.id === DEFAULT_ADMIN_ID)?.status).toBe('active')
    expect(org.members.find((m) => m.id === BOT_MEMBER_ID)?.status).toBe('active')
  })

  it('refuses an invalid successor with 422 on `to`, changing nothing', async () => {
    const disabled = org.members.find((m) => m.status === 'disabled')!
    const invalid = {
      message: 'The given data was invalid.',
      errors: { to: ['The selected to is invalid.'] },
    }
    for (const to of [
      String(DEMO_WORK_OWNER_ID),
      String(disabled.id),
      '999999',
      String(BOT_MEMBER_ID),
      'abc',
    ]) {
      const res = await send('DELETE', `${USERS}/${DEMO_WORK_OWNER_ID}?with_reassignment=true&to=${to}`)
      expect([to, res.status, res.body]).toEqual([to, 422, invalid])
    }
    const missing = await send('DELETE', `${USERS}/${DEMO_WORK_OWNER_ID}?with_reassignment=true`)
    expect(missing.status).toBe(422)
    expect(missing.body.errors).toEqual({ to: ['The to field is required when with reassignment is true.'] })
    expect(org.members.find((m) => m.id === DEMO_WORK_OWNER_ID)?.status).toBe('active')
    const info = (await get(`${USERS}/${DEMO_WORK_OWNER_ID}/reassignment-information`)).body.data
    expect(counts(info).templates).toBe(2)
  })

  it('a member without work is removed: 200 disabled, out of every group, listed as disabled', async () => {
    const leaver = someone((m) => m.status === 'active' && inGroups(m), 'active member in a group')
    const groupIds = [...(org.groupIdsByMember.get(leaver.id) ?? [])]
    const res = await send('DELETE', `${USERS}/${leaver.id}`)
    expect(res.status).toBe(200)
    expect(res.body.data).toMatchObject({ id: leaver.id, status: 'disabled' })
    for (const id of groupIds) {
      const group = await get(`${ORG}/groups/${id}`)
      expect(group.body.data.members.map(Number)).not.toContain(leaver.id)
    }
    const listed = await get(`${USERS}?q=${encodeURIComponent(leaver.email)}&with=groups`)
    expect(listed.body.data).toEqual([
      expect.objectContaining({ id: leaver.id, status: 'disabled', groups: { data: [] } }),
    ])
    expect((await send('DELETE', `${USERS}/999999`)).status).toBe(404)
  })

  it('with reassignment the successor owns the leaver’s work and the leaver owns nothing', async () => {
    const successor = someone(
      (m) => m.status === 'active' && roleOf(m) === 'standard',
      'active standard member',
    )
    const before = (await get(`${USERS}/${successor.id}/reassignment-information`)).body.data
    expect(before).toEqual(EMPTY_INFO)

    const res = await send(
      'DELETE',
      `${USERS}/${DEMO_WORK_OWNER_ID}?with_reassignment=true&to=${successor.id}`,
    )
    expect(res.status).toBe(200)
    expect(res.body.data).toMatchObject({ id: DEMO_WORK_OWNER_ID, status: 'disabled' })

    const theirs = (await get(`${USERS}/${successor.id}/reassignment-information`)).body.data
    expect(counts(theirs)).toEqual({ templates: 2, steps: 3, processes: 2, tasks: 3, oneOff: 2 })
    const leavers = await get(`${USERS}/${DEMO_WORK_OWNER_ID}/reassignment-information`)
    expect(leavers.body.data).toEqual(EMPTY_INFO)
    expect(leavers.text).toContain('"templates":[]')
    expect(org.groupIdsByMember.get(DEMO_WORK_OWNER_ID) ?? []).toEqual([])
  })
})

describe('DELETE /users/{id}/delete (permanent)', () => {
  it('refuses a member who is not disabled with 400 "Please disable the user before deletion."', async () => {
    const active = someone((m) => m.status === 'active', 'active member')
    const res = await send('DELETE', `${USERS}/${active.id}/delete`)
    expect(res.status).toBe(400)
    expect(res.body).toEqual({ error: true, message: 'Please disable the user before deletion.' })
    expect(active.last_name).not.toContain('(Deleted)')
  })

  it('a disabled member stays listed, "(Deleted)" after the last name and the email rewritten; once', async () => {
    const member = someone((m) => m.status === 'active' && m.last_name.length > 0, 'active member')
    const { email, last_name: last } = member
    await send('DELETE', `${USERS}/${member.id}/disable`)
    const res = await send('DELETE', `${USERS}/${member.id}/delete`)
    expect(res.status).toBe(200)
    const deleted = {
      id: member.id,
      status: 'disabled',
      last_name: `${last} (Deleted)`,
      email: `${email}.deleted.${member.id}`,
    }
    expect(res.body.data).toMatchObject(deleted)
    const listed = await get(`${USERS}?q=${encodeURIComponent(`${email}.deleted`)}`)
    expect(listed.body.data).toEqual([expect.objectContaining(deleted)])
    // Asked again (a lost answer): done already, not renamed twice.
    const again = await send('DELETE', `${USERS}/${member.id}/delete`)
    expect(again.status).toBe(200)
    expect(again.body.data).toMatchObject(deleted)
    expect((await send('DELETE', `${USERS}/999999/delete`)).status).toBe(404)
  })
})

describe('PUT /users/{id}/set-new-admin', () => {
  it('refuses a new administrator who is not an active administrator with 422 on new_admin_id', async () => {
    const standard = org.members.find((m) => m.status === 'active' && roleOf(m) === 'standard')!
    const invitedAdmin = org.members.find((m) => m.status !== 'active' && roleOf(m) === 'admin')
    for (const target of [standard, invitedAdmin].filter(Boolean) as WireMember[]) {
      const res = await send('PUT', `${USERS}/${DEFAULT_ADMIN_ID}/set-new-admin`, { new_admin_id: target.id })
      expect(res.status).toBe(422)
      expect(res.body.errors).toEqual({
        new_admin_id: ['The new default administrator must be an active administrator.'],
      })
    }
    expect((await send('PUT', `${USERS}/${DEFAULT_ADMIN_ID}/set-new-admin`, {})).body.errors).toEqual({
      new_admin_id: ['The new admin id field is required.'],
    })
    const unknown = await send('PUT', `${USERS}/${DEFAULT_ADMIN_ID}/set-new-admin`, { new_admin_id: 999999 })
    expect(unknown.body.errors).toEqual({ new_admin_id: ['The selected new admin id is invalid.'] })
    expect((await send('PUT', `${USERS}/999999/set-new-admin`, { new_admin_id: DEMO_ME_ID })).status).toBe(
      404,
    )
    expect(org.members.find((m) => m.id === DEFAULT_ADMIN_ID)?.is_default_admin).toBe(true)
  })

  it('moves the default administrator: the old one can then be removed, the new one cannot', async () => {
    const next = someone((m) => m.status === 'active' && roleOf(m) === 'admin', 'active administrator')
    const res = await send('PUT', `${USERS}/${DEFAULT_ADMIN_ID}/set-new-admin`, { new_admin_id: next.id })
    expect(res.status).toBe(200)
    expect(res.body.data).toMatchObject({ id: next.id, is_default_admin: true })
    const list = (await get(`${USERS}?per_page=9999`)).body.data as WireMember[]
    expect(list.filter((m) => m.is_default_admin).map((m) => m.id)).toEqual([next.id])

    expect((await send('DELETE', `${USERS}/${next.id}`)).status).toBe(400)
    // Put back, so the default administrator is who every other test expects.
    await send('PUT', `${USERS}/${next.id}/set-new-admin`, { new_admin_id: DEFAULT_ADMIN_ID })
    expect(org.members.find((m) => m.id === DEFAULT_ADMIN_ID)?.is_default_admin).toBe(true)
  })
})

describe('PUT /users/{id}/to/guest', () => {
  it('refuses the default administrator and the bot with 400', async () => {
    expect((await send('PUT', `${USERS}/${DEFAULT_ADMIN_ID}/to/guest`)).status).toBe(400)
    expect((await send('PUT', `${USERS}/${BOT_MEMBER_ID}/to/guest`)).body.message).toBe(
      "You can't remove a bot user from this organization!",
    )
    expect((await send('PUT', `${USERS}/999999/to/guest`)).status).toBe(404)
  })

  it('201 {data: Guest}: leaves GET /users and every group, appears in GET /guests; not capped', async () => {
    faults.set({ guestCap: 0 })
    const member = someone((m) => m.status === 'active' && inGroups(m), 'active member in a group')
    const groupIds = [...(org.groupIdsByMember.get(member.id) ?? [])]
    const res = await send('PUT', `${USERS}/${member.id}/to/guest`)
    expect(res.status).toBe(201)
    expect(res.body.data).toMatchObject({
      email: member.email,
      first_name: member.first_name,
      last_name: member.last_name,
      link: expect.stringContaining('/guest/'),
      details: expect.objectContaining({ disabled_at: null }),
    })
    expect((await get(`${USERS}?q=${encodeURIComponent(member.email)}`)).body.data).toEqual([])
    expect((await get(`${USERS}/${member.id}`)).status).toBe(404)
    for (const id of groupIds) {
      expect((await get(`${ORG}/groups/${id}`)).body.data.members.map(Number)).not.toContain(member.id)
    }
    const guests = await get(`${GUESTS}?q=${encodeURIComponent(member.email)}`)
    expect(guests.body.data).toEqual([expect.objectContaining({ email: member.email })])
    expect((await get(guestPath(member.email))).status).toBe(201)
  })
})

describe('POST /guests', () => {
  it('201 {data: Guest} with what was sent, then listed; unknown keys dropped', async () => {
    const input = newGuest({ phone: '+1 555', status: 'Auditor' })
    const res = await send('POST', GUESTS, input)
    expect(res.status).toBe(201)
    expect(res.body.data).toMatchObject({
      email: input.email,
      first_name: 'Ines',
      last_name: 'Duarte',
      details: expect.objectContaining({
        company_name: 'Partner & Co',
        status: 'Auditor',
        disabled_at: null,
      }),
    })
    expect(res.body.data).not.toHaveProperty('phone')
    const listed = await get(`${GUESTS}?q=${encodeURIComponent(input.email)}`)
    expect(listed.body.data).toEqual([expect.objectContaining({ email: input.email })])
  })

  it('refuses a member’s email, a bad or missing email and a guest already here, on the email field', async () => {
    const memberEmail = org.members[5]!.email.toUpperCase()
    const existing = org.guests[0]!.email
    const cases: [unknown, string][] = [
      [newGuest({ email: memberEmail }), 'The email belongs to a member of this organization.'],
      [newGuest({ email: 'not an email' }), 'The email must be a valid email address.'],
      [{ first_name: 'No', last_name: 'Email' }, 'The email field is required.'],
      [newGuest({ email: existing }), 'The email has already been taken.'],
    ]
    const total = org.guests.length
    for (const [body, message] of cases) {
      const res = await send('POST', GUESTS, body)
      expect([res.status, res.body]).toEqual([
        422,
        { message: 'The given data was invalid.', errors: { email: [message] } },
      ])
    }
    const long = await send('POST', GUESTS, newGuest({ first_name: 'x'.repeat(201), company_url: 'nope' }))
    expect(long.body.errors).toEqual({
      first_name: ['The first name may not be greater than 200 characters.'],
      company_url: ['The company url format is invalid.'],
    })
    expect(org.guests.length).toBe(total)
  })

  it('is for admins only and is logged in the write statistics', async () => {
    faults.set({ signedInRole: 'light' })
    expect((await send('POST', GUESTS, newGuest())).status).toBe(403)
    faults.reset()
    const input = newGuest()
    await send('POST', GUESTS, input, BARE)
    expect(faults.stats().writes).toEqual([{ method: 'POST', path: GUESTS, status: 201 }])
  })
})

describe('the guest-invite cap (30 an hour; guestCap)', () => {
  const T0 = Date.UTC(2026, 11, 6, 10, 0, 0)

  it('past the cap a creation answers 429 RATE_LIMIT_EXCEEDED, Retry-After until the oldest leaves the hour', async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(T0)
    faults.set({ guestCap: 2 })
    expect((await send('POST', GUESTS, newGuest())).status).toBe(201)
    vi.setSystemTime(T0 + 10 * 60_000)
    expect((await send('POST', GUESTS, newGuest())).status).toBe(201)
    vi.setSystemTime(T0 + 20 * 60_000)
    const refused = newGuest()
    const res = await send('POST', GUESTS, refused)
    expect(res.status).toBe(429)
    expect(res.body).toEqual({
      message: expect.stringContaining('guest invites'),
      code: 'RATE_LIMIT_EXCEEDED',
    })
    // The first creation leaves the hour at T0 + 60 min: 40 minutes from now.
    expect(res.headers.get('Retry-After')).toBe('2400')
    expect((await get(`${GUESTS}?q=${encodeURIComponent(refused.email)}`)).body.data).toEqual([])

    vi.setSystemTime(T0 + 60 * 60_000 + 1)
    expect((await send('POST', GUESTS, refused)).status).toBe(201)
  })

  it('is 30 an hour when not switched, and the hour starts over at reset()', async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(T0)
    for (let i = 0; i < 30; i++) expect((await send('POST', GUESTS, newGuest())).status).toBe(201)
    const res = await send('POST', GUESTS, newGuest())
    expect(res.status).toBe(429)
    expect(res.headers.get('Retry-After')).toBe('3600')
    faults.reset()
    expect((await send('POST', GUESTS, newGuest())).status).toBe(201)
  })

  it('a bulk counts each guest, all or nothing; a validation error comes before the cap', async () => {
    faults.set({ guestCap: 3 })
    expect((await send('POST', `${GUESTS}/bulk`, { guests: [newGuest(), newGuest()] })).status).toBe(200)
    const over = [newGuest(), newGuest()]
    const res = await send('POST', `${GUESTS}/bulk`, { guests: over })
    expect(res.status).toBe(429)
    expect(Number(res.headers.get('Retry-After'))).toBeGreaterThan(3500)
    for (const g of over)
      expect((await get(`${GUESTS}?q=${encodeURIComponent(g.email)}`)).body.data).toEqual([])
    expect((await send('POST', GUESTS, newGuest({ email: 'bad' }))).status).toBe(422)
    expect((await send('POST', GUESTS, newGuest())).status).toBe(201)
    expect((await send('POST', GUESTS, newGuest())).status).toBe(429)
  })
})

describe('POST /guests/bulk (guestBulk)', () => {
  it('ok: 200 {data: Guest[]} in the order sent, every one listed', async () => {
    const guests = [newGuest(), newGuest({ company_name: 'Other Ltd' })]
    const res = await send('POST', `${GUESTS}/bulk`, { guests })
    expect(res.status).toBe(200)
    expect(res.body.data.map((g: WireGuest) => g.email)).toEqual(guests.map((g) => g.email))
    for (const g of guests)
      expect((await get(`${GUESTS}?q=${encodeURIComponent(g.email)}`)).body.data).toHaveLength(1)
  })

  it('unsupported: 404 ENDPOINT_NOT_FOUND and nobody created; the switch outlives a times count', async () => {
    faults.set({ guestBulk: 'unsupported', status: 503, path: '/users', times: 1 })
    await get(`${USERS}?per_page=1`)
    expect(faults.get().guestBulk).toBe('unsupported')
    const guests = [newGuest()]
    const res = await send('POST', `${GUESTS}/bulk`, { guests })
    expect(res.status).toBe(404)
    expect(res.body).toEqual({ error: true, message: 'API endpoint not found', code: 'ENDPOINT_NOT_FOUND' })
    expect((await get(`${GUESTS}?q=${encodeURIComponent(guests[0]!.email)}`)).body.data).toEqual([])
    // The one-at-a-time fallback still works.
    expect((await send('POST', GUESTS, guests[0])).status).toBe(201)
  })

  it('refuses the whole list with 422 naming the guest at fault, duplicates included', async () => {
    const a = newGuest()
    const res = await send('POST', `${GUESTS}/bulk`, { guests: [a, newGuest({ email: 'nope' }), a] })
    expect(res.status).toBe(422)
    expect(res.body.errors).toEqual({
      'guests.1.email': ['The guests.1.email must be a valid email address.'],
      'guests.2.email': ['The guests.2.email field has a duplicate value.'],
    })
    expect((await get(`${GUESTS}?q=${encodeURIComponent(a.email)}`)).body.data).toEqual([])
    expect((await send('POST', `${GUESTS}/bulk`, {})).body.errors).toEqual({
      guests: ['The guests field is required.'],
    })
  })
})

describe('guest disable, enable, reset link and removal', () => {
  it('refuses to disable the guest with incomplete tasks: 403 in Tallyfy’s words, a refusal not a sign-out', async () => {
    const res = await send('DELETE', `${guestPath(DEMO_GUEST_WITH_TASKS)}/disable`)
    expect(res.status).toBe(403)
    expect(res.body).toEqual({ error: true, message: 'Cannot disable guest with incomplete tasks' })
    expect(org.guests.find((g) => g.email === DEMO_GUEST_WITH_TASKS)?.details.disabled_at).toBeNull()
  })

  it('disables (disabled_at set) and enables (cleared, reactivated_at set) with 201', async () => {
    const guest = someGuest((g) => g.details.disabled_at === null, 'enabled guest')
    const off = await send('DELETE', `${guestPath(guest.email)}/disable`)
    expect(off.status).toBe(201)
    expect(off.body.data.details).toMatchObject({ disabled_at: expect.any(String), disabled_by: DEMO_ME_ID })
    expect((await get(guestPath(guest.email))).body.data.details.disabled_at).toEqual(expect.any(String))
    const on = await send('PUT', `${guestPath(guest.email)}/enable`)
    expect(on.status).toBe(201)
    expect(on.body.data.details).toMatchObject({ disabled_at: null, reactivated_at: expect.any(String) })
    expect((await send('DELETE', `${guestPath('nobody@nowhere.example')}/disable`)).status).toBe(404)
    expect((await send('PUT', `${guestPath('nobody@nowhere.example')}/enable`)).status).toBe(404)
  })

  it('reset-link answers 201 with a new link, and reads show only the new one', async () => {
    const guest = someGuest(() => true, 'guest')
    const old = guest.link
    const res = await send('PUT', `${guestPath(guest.email)}/reset-link`)
    expect(res.status).toBe(201)
    expect(res.body.data.link).not.toBe(old)
    expect((await get(guestPath(guest.email))).body.data.link).toBe(res.body.data.link)
  })

  it('removal: 200, out of the organization and every group; an unknown email is 422', async () => {
    const guest = someGuest((g) => groupsHoldingGuest(g.email).length > 0, 'guest in a group')
    const groupIds = groupsHoldingGuest(guest.email)
    const res = await send('DELETE', guestPath(guest.email))
    expect(res.status).toBe(200)
    expect(res.body.data).toMatchObject({ email: guest.email })
    expect((await get(guestPath(guest.email))).status).toBe(404)
    for (const id of groupIds)
      expect((await get(`${ORG}/groups/${id}`)).body.data.guests).not.toContain(guest.email)
    const unknown = await send('DELETE', guestPath(guest.email))
    expect(unknown.status).toBe(422)
    expect(unknown.body.errors).toEqual({ email: ['The selected email is invalid.'] })
  })

  it('the guest with incomplete tasks can be removed (it detaches them from their tasks)', async () => {
    const res = await send('DELETE', guestPath(DEMO_GUEST_WITH_TASKS))
    expect(res.status).toBe(200)
    expect((await get(guestPath(DEMO_GUEST_WITH_TASKS))).status).toBe(404)
  })
})

describe('POST /guests/{email}/to/member', () => {
  it('201 {data: User} invited; the guest leaves GET /guests and every group, joins GET /users', async () => {
    const guest = someGuest(
      (g) => g.first_name !== null && groupsHoldingGuest(g.email).length > 0,
      'named guest in a group',
    )
    const groupIds = groupsHoldingGuest(guest.email)
    const res = await send('POST', `${guestPath(guest.email)}/to/member`, {
      first_name: guest.first_name,
      last_name: guest.last_name,
      role: 'light',
    })
    expect(res.status).toBe(201)
    expect(res.body.data).toMatchObject({ email: guest.email, status: 'invited', role: 'light' })
    expect((await get(`${GUESTS}?q=${encodeURIComponent(guest.email)}`)).body.data).toEqual([])
    for (const id of groupIds)
      expect((await get(`${ORG}/groups/${id}`)).body.data.guests).not.toContain(guest.email)
    const users = await get(`${USERS}?q=${encodeURIComponent(guest.email)}`)
    expect(users.body.data).toEqual([expect.objectContaining({ id: res.body.data.id, status: 'invited' })])
  })

  it('honours the seat pool (409 SEAT_POOL_EXHAUSTED, the guest stays) and validates the role', async () => {
    const guest = someGuest((g) => g.first_name !== null, 'named guest')
    const used = org.members.filter(
      (m) => (m.status === 'active' || m.status === 'invited') && ['admin', 'standard'].includes(roleOf(m)),
    ).length
    faults.set({ seats: { full: used } })
    const res = await send('POST', `${guestPath(guest.email)}/to/member`, { role: 'standard' })
    expect(res.status).toBe(409)
    expect(res.body.error).toMatchObject({ code: 'SEAT_POOL_EXHAUSTED', details: { pool_type: 'full' } })
    const bad = await send('POST', `${guestPath(guest.email)}/to/member`, { role: 'owner' })
    expect(bad.status).toBe(422)
    expect(bad.body.errors).toEqual({ role: ['The selected role is invalid.'] })
    expect((await get(guestPath(guest.email))).status).toBe(201)
    expect(
      (await send('POST', `${guestPath('nobody@nowhere.example')}/to/member`, { role: 'light' })).status,
    ).toBe(404)
  })
})

describe('every lifecycle write moves updated_at and is in the statistics', () => {
  it('a guest write and a member write stamp the record with now', async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(Date.UTC(2026, 11, 6, 12, 0, 0))
    const guest = someGuest(() => true, 'guest')
    const reset = await send('PUT', `${guestPath(guest.email)}/reset-link`)
    expect(reset.body.data.updated_at).toBe('2026-12-06T12:00:00.000Z')
    const member = someone((m) => m.status === 'active' && m.last_updated !== undefined, 'active member')
    const removed = await send('DELETE', `${USERS}/${member.id}`)
    expect(removed.body.data.updated_at ?? removed.body.data.last_updated).toBe('2026-12-06T12:00:00.000Z')
    expect(faults.stats().writes.map((w) => `${w.method} ${w.path} ${w.status}`)).toEqual([
      `PUT ${GUESTS}/${encodeURIComponent(guest.email)}/reset-link 201`,
      `DELETE ${USERS}/${member.id} 200`,
    ])
  })
})

describe('the switches', () => {
  it('parseFaults takes guestCap and guestBulk, and refuses bad values', () => {
    expect(parseFaults({ guestCap: 2, guestBulk: 'unsupported' })).toEqual({
      faults: { guestCap: 2, guestBulk: 'unsupported' },
    })
    expect(parseFaults({ guestCap: -1 })).toEqual({ error: 'guestCap must be a whole number ≥ 0' })
    expect(parseFaults({ guestCap: 1.5 })).toHaveProperty('error')
    expect(parseFaults({ guestBulk: 'maybe' })).toEqual({ error: 'guestBulk must be "ok" or "unsupported"' })
  })
})
