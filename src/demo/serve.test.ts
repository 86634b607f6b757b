import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_ORG_ID, DEMO_TOKEN } from './credentials'
import { parseDemoApiArgs, startDemoApi, type DemoApi } from './serve'

const HEADERS = {
  Authorization: `Bearer ${DEMO_TOKEN}`,
  Accept: 'application/json',
  'X-Tallyfy-Client': 'APIClient',
}

let api: DemoApi

const postJson = (path: string, body: unknown) =>
  fetch(`${api.url}${path}`, { method: 'POST', body: JSON.stringify(body) })

beforeAll(async () => {
  api = await startDemoApi({ port: 0, members: 120 })
})
afterAll(() => api.close())

describe('demo API over HTTP', () => {
  it('listens on loopback only, on the port it was given', () => {
    expect(api.url).toBe(`http://127.0.0.1:${api.port}`)
    expect(api.port).toBeGreaterThan(0)
  })

  it('answers /health', async () => {
    const res = await fetch(`${api.url}/health`)
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ ok: true, members: 120 })
  })

  it('serves the API without the /api prefix, as the proxy forwards it', async () => {
    const res = await fetch(`${api.url}/organizations/${DEMO_ORG_ID}/users?per_page=2&page=2`, {
      headers: HEADERS,
    })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toContain('application/json')
    const body = (await res.json()) as {
      data: { id: number }[]
      meta: { pagination: Record<string, unknown> }
    }
    expect(body.data.map((m) => m.id)).toEqual([1003, 1004])
    expect(body.meta.pagination).toMatchObject({ total: 120, per_page: 2, current_page: 2, total_pages: 60 })
    expect((await fetch(`${api.url}/me`)).status).toBe(401)
  })

  it('answers ENDPOINT_NOT_FOUND for any other path', async () => {
    const res = await fetch(`${api.url}/nothing/here`, { headers: HEADERS })
    expect(res.status).toBe(404)
    expect(await res.json()).toMatchObject({ code: 'ENDPOINT_NOT_FOUND' })
  })

  it('switches faults on and off over HTTP, rejecting nonsense', async () => {
    const bad = await fetch(`${api.url}/__demo/faults`, { method: 'POST', body: '{"status": 418}' })
    expect(bad.status).toBe(400)
    const set = await fetch(`${api.url}/__demo/faults`, {
      method: 'POST',
      body: JSON.stringify({ status: 503, path: '/groups' }),
    })
    expect(set.status).toBe(200)
    expect((await fetch(`${api.url}/organizations/${DEMO_ORG_ID}/groups`, { headers: HEADERS })).status).toBe(
      503,
    )
    expect(
      (await fetch(`${api.url}/organizations/${DEMO_ORG_ID}/users/1001`, { headers: HEADERS })).status,
    ).toBe(200)
    expect((await fetch(`${api.url}/__demo/reset`, { method: 'POST' })).status).toBe(200)
    expect((await fetch(`${api.url}/organizations/${DEMO_ORG_ID}/groups`, { headers: HEADERS })).status).toBe(
      200,
    )
  })

  it('echoes what reached it (method, headers, body size) for the proxy tests', async () => {
    const res = await fetch(`${api.url}/__demo/echo`, {
      method: 'PUT',
      headers: { ...HEADERS, Cookie: 'a=b' },
      body: 'x'.repeat(100_000),
    })
    const echo = (await res.json()) as { method: string; headers: Record<string, string>; bodyBytes: number }
    expect(echo).toMatchObject({ method: 'PUT', bodyBytes: 100_000 })
    expect(echo.headers.cookie).toBe('a=b')
  })

  it('hangs up on /__demo/hangup without an answer, as an upstream that died would', async () => {
    await expect(fetch(`${api.url}/__demo/hangup`, { headers: HEADERS })).rejects.toThrow(TypeError)
  })

  it('dropAfterWrite: applies the PUT, then hangs up; the next GET shows the new role', async () => {
    const member = api.org.members.find((m) => m.id > 1030 && m.status === 'active' && m.role !== 'light')
    const set = await postJson('/__demo/faults', {
      dropAfterWrite: true,
      method: 'PUT',
      path: '/role',
      times: 1,
    })
    expect(set.status).toBe(200)
    await expect(
      fetch(`${api.url}/organizations/${DEMO_ORG_ID}/users/${member?.id}/role`, {
        method: 'PUT',
        headers: { ...HEADERS, 'Content-Type': 'application/json' },
        body: JSON.stringify({ role: 'light' }),
      }),
    ).rejects.toThrow(TypeError)
    const after = await fetch(`${api.url}/organizations/${DEMO_ORG_ID}/users/${member?.id}`, {
      headers: HEADERS,
    })
    expect(after.status).toBe(200)
    expect(((await after.json()) as { data: { role: string } }).data.role).toBe('light')
  })

  it('429 with Retry-After: 60 on one PUT reaches the client whole', async () => {
    await postJson('/__demo/faults', { status: 429, method: 'PUT', retryAfter: 60, times: 1 })
    const limited = await fetch(`${api.url}/organizations/${DEMO_ORG_ID}/users/1031/role`, {
      method: 'PUT',
      headers: { ...HEADERS, 'Content-Type': 'application/json' },
      body: JSON.stringify({ role: 'standard' }),
    })
    expect(limited.status).toBe(429)
    expect(limited.headers.get('retry-after')).toBe('60')
    expect(await limited.json()).toMatchObject({ code: 'RATE_LIMIT_EXCEEDED' })
  })

  it('staleGroupMember and omitGroupLists over HTTP; reset takes the stale ID out again', async () => {
    const group = api.org.groups.find((g) => g.members.length >= 2)
    const read = async () =>
      (
        (await (
          await fetch(`${api.url}/organizations/${DEMO_ORG_ID}/groups/${group?.id}`, { headers: HEADERS })
        ).json()) as {
          data: { members?: unknown[] | null; guests?: unknown[] | null }
        }
      ).data
    const before = (await read()).members
    expect((await postJson('/__demo/faults', { staleGroupMember: { memberId: 1001 } })).status).toBe(400)
    expect((await postJson('/__demo/faults', { staleGroupMember: { memberId: 990_002 } })).status).toBe(200)
    expect((await read()).members).toEqual([...(before ?? []), 990_002])
    expect((await postJson('/__demo/faults', { omitGroupLists: 'null', times: 1 })).status).toBe(200)
    expect(await read()).toMatchObject({ members: null, guests: null })
    expect((await fetch(`${api.url}/__demo/reset`, { method: 'POST' })).status).toBe(200)
    expect((await read()).members).toEqual(before)
  })

  it('GET /__demo/stats: the writes each organization answered and the most at once; reset starts over', async () => {
    const stats = async (query = '') => {
      const res = await fetch(`${api.url}/__demo/stats${query}`)
      expect(res.status).toBe(200)
      return (await res.json()) as { writes: { method: string; path: string; status: number }[] }
    }
    const setRole = (orgId: string, memberId: number) =>
      fetch(`${api.url}/organizations/${orgId}/users/${memberId}/role`, {
        method: 'PUT',
        headers: { ...HEADERS, 'Content-Type': 'application/json' },
        body: JSON.stringify({ role: 'standard' }),
      })
    expect((await fetch(`${api.url}/__demo/reset`, { method: 'POST' })).status).toBe(200)
    expect((await postJson('/__demo/orgs', { id: 'stats-test', members: 30 })).status).toBe(200)
    // Held at the server long enough for both PUTs to be in flight together.
    await postJson('/__demo/faults', { latencyMs: 30, method: 'PUT' })
    await Promise.all([setRole(DEMO_ORG_ID, 1031), setRole(DEMO_ORG_ID, 1032)])
    await fetch(`${api.url}/organizations/${DEMO_ORG_ID}/users/1031`, { headers: HEADERS })
    expect((await setRole('stats-test', 1005)).status).toBe(200)

    const main = await stats()
    expect(main).toMatchObject({ peakWritesInFlight: 2 })
    expect(main.writes).toHaveLength(2)
    expect(main.writes.map((w) => w.path)).toEqual(
      expect.arrayContaining([
        `/organizations/${DEMO_ORG_ID}/users/1031/role`,
        `/organizations/${DEMO_ORG_ID}/users/1032/role`,
      ]),
    )
    expect(main.writes.every((w) => w.method === 'PUT' && w.status === 200)).toBe(true)
    expect(await stats('?org=stats-test')).toEqual({
      writes: [{ method: 'PUT', path: '/organizations/stats-test/users/1005/role', status: 200 }],
      peakWritesInFlight: 1,
    })
    expect((await fetch(`${api.url}/__demo/stats?org=nobody`)).status).toBe(404)
    expect((await fetch(`${api.url}/__demo/stats`, { method: 'POST' })).status).toBe(405)

    expect((await fetch(`${api.url}/__demo/reset?org=stats-test`, { method: 'POST' })).status).toBe(200)
    expect(await stats('?org=stats-test')).toEqual({ writes: [], peakWritesInFlight: 0 })
    expect((await stats()).writes).toHaveLength(2)
    expect((await fetch(`${api.url}/__demo/reset`, { method: 'POST' })).status).toBe(200)
    expect(await stats()).toEqual({ writes: [], peakWritesInFlight: 0 })
  })

  it("an extra organization with its own token reports its own persona on /me, and the main one's stays", async () => {
    const token = 'roster-demo-token.persona-test'
    const own = { ...HEADERS, Authorization: `Bearer ${token}` }
    const created = await fetch(`${api.url}/__demo/orgs`, {
      method: 'POST',
      body: JSON.stringify({ id: 'persona-test', members: 30, token }),
    })
    expect(created.status).toBe(200)
    const persona = await fetch(`${api.url}/__demo/faults?org=persona-test`, {
      method: 'POST',
      body: JSON.stringify({ signedInRole: 'standard' }),
    })
    expect(persona.status).toBe(200)

    const role = async (headers: Record<string, string>) =>
      ((await (await fetch(`${api.url}/me`, { headers })).json()) as { data: { role: string } }).data.role
    expect(await role(own)).toBe('standard')
    expect(await role(HEADERS)).toBe('admin')
    // Its own token opens its own paths, not the main organization's; the demo token no longer opens it.
    expect(
      (await fetch(`${api.url}/organizations/persona-test/users?per_page=1`, { headers: own })).status,
    ).toBe(200)
    expect(
      (await fetch(`${api.url}/organizations/persona-test/users?per_page=1`, { headers: HEADERS })).status,
    ).toBe(401)
    expect(
      (await fetch(`${api.url}/organizations/${DEMO_ORG_ID}/users?per_page=1`, { headers: own })).status,
    ).toBe(401)
    // A token that is another organization's is refused.
    const clash = await fetch(`${api.url}/__demo/orgs`, {
      method: 'POST',
      body: JSON.stringify({ id: 'persona-clash', token }),
    })
    expect(clash.status).toBe(400)
  })
})

describe('parseDemoApiArgs', () => {
  it('reads --port, --members and --seed, in both spellings', () => {
    expect(parseDemoApiArgs(['--port', '4610', '--members=50000', '--seed', '3'])).toEqual({
      port: 4610,
      members: 50_000,
      seed: 3,
    })
    expect(() => parseDemoApiArgs(['--port', 'abc'])).toThrow(/--port expects/)
    expect(() => parseDemoApiArgs(['--host', '0.0.0.0'])).toThrow(/Unknown option/)
  })
})

/** A JSON request to the demo API as a client would send it. */
const send = (method: string, path: string, body?: unknown) =>
  fetch(`${api.url}${path}`, {
    method,
    headers: { ...HEADERS, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
const guest = (n: number) => ({
  email: `http.guest.${n}@partner.example`,
  first_name: 'Ada',
  last_name: 'Byte',
})

describe('the lifecycle switches over HTTP (#22)', () => {
  const guests = `/organizations/${DEMO_ORG_ID}/guests`

  it('guestCap and guestBulk are set through POST /__demo/faults, the cap answering 429 with Retry-After', async () => {
    const set = await postJson('/__demo/faults', { guestCap: 1, guestBulk: 'unsupported' })
    expect(set.status).toBe(200)
    expect(((await set.json()) as { faults: unknown }).faults).toEqual({
      guestCap: 1,
      guestBulk: 'unsupported',
    })
    try {
      expect((await send('POST', `${guests}/bulk`, { guests: [guest(1)] })).status).toBe(404)
      expect((await send('POST', guests, guest(2))).status).toBe(201)
      const capped = await send('POST', guests, guest(3))
      expect(capped.status).toBe(429)
      expect(Number(capped.headers.get('retry-after'))).toBeGreaterThan(3500)
      expect(((await capped.json()) as { code: string }).code).toBe('RATE_LIMIT_EXCEEDED')
      expect((await postJson('/__demo/faults', { guestBulk: 'sometimes' })).status).toBe(400)
    } finally {
      await postJson('/__demo/reset', {})
    }
    expect((await send('POST', `${guests}/bulk`, { guests: [guest(3)] })).status).toBe(200)
  })
})
