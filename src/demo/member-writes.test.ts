import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_ME_ID, DEMO_ORG_ID, DEMO_TOKEN, OTHER_ORG_ID } from './credentials'
import { BOT_MEMBER_ID, DEFAULT_ADMIN_ID } from './data'
import { createDemoServer } from './node'

// The demo's member writes (tallyfy-api.md §3.3), on an organization of their own so that the
// changes here never reach the read tests in handlers.test.ts.
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
  let body: unknown
  try {
    body = text ? JSON.parse(text) : undefined
  } catch {
    body = text
  }
  // Loosely typed on purpose: the assertions below say what the shape must be.
  // oxlint-disable-next-line typescript/no-explicit-any
  return { status: response.status, body: body as Record<string, any> }
}
const get = (path: string) => send('GET', path)

const invite = {
  email: 'new.colleague@example.com',
  first_name: 'Nia',
  last_name: 'Okafor',
  role: 'light',
  message: 'Welcome!',
}

/** An active, non-admin member who is in at least one group, and not a protected one. */
function groupedMember() {
  const member = org.members.find(
    (m) =>
      m.status === 'active' &&
      m.id !== DEMO_ME_ID &&
      m.id !== DEFAULT_ADMIN_ID &&
      m.id !== BOT_MEMBER_ID &&
      (org.groupIdsByMember.get(m.id)?.length ?? 0) > 0,
  )
  if (!member) throw new Error('the demo has no grouped member')
  return member
}

describe('invite', () => {
  it('answers the new member as invited, who is then listed and found by q', async () => {
    const res = await send('POST', `${USERS}/invite`, invite)
    expect(res.status).toBe(200)
    expect(res.body.data).toMatchObject({
      email: 'new.colleague@example.com',
      full_name: 'Nia Okafor',
      status: 'invited',
      role: 'light',
    })
    const found = await get(`${USERS}?q=new.colleague&with=groups`)
    expect(found.body.data).toHaveLength(1)
    expect(found.body.data[0]).toMatchObject({ id: res.body.data.id, groups: { data: [] } })
    const profile = await get(`${USERS}/${res.body.data.id}`)
    expect(profile.status).toBe(200)
  })

  it('refuses an email that belongs to a member with 422 on the email field, any casing', async () => {
    const existing = org.members[3]!.email.toUpperCase()
    const res = await send('POST', `${USERS}/invite`, { ...invite, email: existing })
    expect(res.status).toBe(422)
    expect(res.body).toEqual({
      message: 'The given data was invalid.',
      errors: { email: ['The email has already been taken.'] },
    })
  })

  it('validates the five required fields, the lengths, URLs in names and the role', async () => {
    const missing = await send('POST', `${USERS}/invite`, {})
    expect(missing.status).toBe(422)
    expect(Object.keys(missing.body.errors)).toEqual(['email', 'first_name', 'last_name', 'role', 'message'])
    const bad = await send('POST', `${USERS}/invite`, {
      ...invite,
      email: 'someone.else@example.com',
      first_name: 'x'.repeat(33),
      last_name: 'www.spam.example',
      role: 'owner',
      message: 'm'.repeat(5001),
    })
    expect(bad.body.errors).toEqual({
      first_name: ['The first name may not be greater than 32 characters.'],
      last_name: ['The last name must not be a URL.'],
      role: ['The selected role is invalid.'],
      message: ['The message may not be greater than 5000 characters.'],
    })
  })

  it('works over the bare HTTP paths too (the proxy strips /api)', async () => {
    const res = await send('POST', `${USERS}/invite`, { ...invite, email: 'bare@example.com' }, BARE)
    expect(res.status).toBe(200)
  })
})

describe('role, disable and enable', () => {
  it('changes a role and says so in the list, whichever key carried the role before', async () => {
    const priya = org.members.find((m) => m.user_role !== undefined && m.id !== BOT_MEMBER_ID)!
    const res = await send('PUT', `${USERS}/${priya.id}/role`, { role: 'admin' })
    expect(res.status).toBe(200)
    expect(res.body.data).toMatchObject({ id: priya.id, role: 'admin' })
    expect(res.body.data.user_role).toBeUndefined()
    const list = await get(`${USERS}?q=${encodeURIComponent(priya.email)}`)
    expect(list.body.data[0].role).toBe('admin')
  })

  it('refuses a bad role with 422', async () => {
    const res = await send('PUT', `${USERS}/${groupedMember().id}/role`, { role: 'Owner' })
    expect(res.status).toBe(422)
    expect(res.body.errors).toEqual({ role: ['The selected role is invalid.'] })
  })

  it('disabling removes the member from every group; enabling brings the status back, not the groups', async () => {
    const member = groupedMember()
    const groupIds = org.groupIdsByMember.get(member.id) ?? []
    const off = await send('DELETE', `${USERS}/${member.id}/disable`)
    expect(off.status).toBe(200)
    expect(off.body.data.status).toBe('disabled')
    for (const id of groupIds) {
      const group = await get(`/organizations/${DEMO_ORG_ID}/groups/${id}`)
      expect(group.body.data.members.map(Number)).not.toContain(member.id)
    }
    const profile = await get(`${USERS}/${member.id}?with=groups`)
    expect(profile.body.data.groups).toEqual({ data: [] })

    const on = await send('PUT', `${USERS}/${member.id}/enable`)
    expect(on.status).toBe(200)
    expect(on.body.data.status).toBe('active')
  })

  it('refuses the default administrator and the bot with 400 and Tallyfy’s message', async () => {
    for (const [method, suffix, body, botRefusal] of [
      // INFERRED wording (see BOT_CHANGE_REFUSAL_INFERRED in handlers.ts): Tallyfy documents none for a role change.
      ['PUT', 'role', { role: 'standard' }, "You can't modify a bot user in this organization!"],
      // Documented for DELETE /users/{id} (tallyfy-api.md §3.3), the same soft removal as /disable.
      ['DELETE', 'disable', undefined, "You can't remove a bot user from this organization!"],
    ] as const) {
      const admin = await send(method, `${USERS}/${DEFAULT_ADMIN_ID}/${suffix}`, body)
      expect(admin.status).toBe(400)
      expect(admin.body).toEqual({
        error: true,
        message:
          'Cannot modify the default administrator. Please assign another member as default administrator first.',
      })
      const bot = await send(method, `${USERS}/${BOT_MEMBER_ID}/${suffix}`, body)
      expect(bot.status).toBe(400)
      expect(bot.body).toEqual({ error: true, message: botRefusal })
    }
    expect(org.members.find((m) => m.id === DEFAULT_ADMIN_ID)?.status).toBe('active')
  })

  it('answers 404 for an unknown member and 403 for another organization', async () => {
    expect((await send('PUT', `${USERS}/999999/enable`)).status).toBe(404)
    expect((await send('PUT', `/organizations/${OTHER_ORG_ID}/users/1005/enable`)).status).toBe(403)
  })

  it('only admins may write: the standard persona gets 403 and nothing changes', async () => {
    faults.set({ signedInRole: 'standard' })
    const member = groupedMember()
    const res = await send('DELETE', `${USERS}/${member.id}/disable`)
    expect(res.status).toBe(403)
    expect(res.body.message).toBe("You don't have application's permissions for this organization!")
    expect((await send('POST', `${USERS}/invite`, { ...invite, email: 'x1@example.com' })).status).toBe(403)
    expect(member.status).toBe('active')
  })

  it('fault switches reach the write endpoints', async () => {
    faults.set({ status: 500, path: '/role', times: 1 })
    expect((await send('PUT', `${USERS}/${groupedMember().id}/role`, { role: 'light' })).status).toBe(500)
    faults.set({ status: 429, path: '/invite', times: 1, retryAfter: 3 })
    expect((await send('POST', `${USERS}/invite`, { ...invite, email: 'x2@example.com' })).status).toBe(429)
  })
})
