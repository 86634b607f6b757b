import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_ORG_ID, DEMO_TOKEN } from './credentials'
import { BOT_MEMBER_ID, DEFAULT_ADMIN_ID } from './data'
import { createDemoServer } from './node'

// #25: a remembered device refreshes its directory by change, asking GET /users?sort=-updated_at
// for the newest-changed members first. The demo answers in that order, every member write moves
// its member to the front, and `ignoreSort` makes it a server that does not honour `sort` (so the
// client's fallback to a full read is tested too).
const { server, org, faults } = createDemoServer({ members: 300 })

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => faults.reset())
afterAll(() => server.close())

const HEADERS = {
  Authorization: `Bearer ${DEMO_TOKEN}`,
  Accept: 'application/json',
  'X-Tallyfy-Client': 'APIClient',
  'Content-Type': 'application/json',
}
const USERS = `http://localhost:3000/api/organizations/${DEMO_ORG_ID}/users`

interface Row {
  id: number
  updated_at?: string
  last_updated?: string
}

async function changedFirst(query = 'sort=-updated_at&per_page=100'): Promise<Row[]> {
  const response = await fetch(`${USERS}?${query}`, { headers: HEADERS })
  expect(response.status).toBe(200)
  const body = (await response.json()) as { data: Row[] }
  return body.data
}

const updatedOf = (row: Row) => Date.parse(row.updated_at ?? row.last_updated ?? '')

function plainMember(n: number) {
  const found = org.members.filter(
    (m) =>
      m.status === 'active' && m.role === 'standard' && ![DEFAULT_ADMIN_ID, BOT_MEMBER_ID].includes(m.id),
  )[n]
  if (!found) throw new Error('no plain member')
  return found
}

describe('GET /users?sort=-updated_at', () => {
  it('answers newest-changed first, whichever of the two spellings a member carries, the undated last', async () => {
    const rows = [
      ...(await changedFirst('sort=-updated_at&per_page=100&page=1')),
      ...(await changedFirst('sort=-updated_at&per_page=100&page=2')),
      ...(await changedFirst('sort=-updated_at&per_page=100&page=3')),
    ]
    expect(rows).toHaveLength(300)
    const times = rows.map(updatedOf)
    const firstUndated = times.findIndex((t) => !Number.isFinite(t))
    expect(firstUndated).toBeGreaterThan(250)
    expect(times.slice(firstUndated).every((t) => !Number.isFinite(t))).toBe(true)
    for (let i = 1; i < firstUndated; i++) expect(times[i]).toBeLessThanOrEqual(times[i - 1]!)
  })

  it('puts a member whose role, status or both changed at the front', async () => {
    const bob = plainMember(3)
    const ann = plainMember(7)
    const role = await fetch(`${USERS}/${bob.id}/role`, {
      method: 'PUT',
      headers: HEADERS,
      body: JSON.stringify({ role: 'light' }),
    })
    expect(role.status).toBe(200)
    const disable = await fetch(`${USERS}/${ann.id}/disable`, { method: 'DELETE', headers: HEADERS })
    expect(disable.status).toBe(200)
    const front = (await changedFirst()).slice(0, 2).map((r) => r.id)
    expect(front).toEqual([ann.id, bob.id])
  })

  it('with ignoreSort answers in its own order, as if no sort had been asked', async () => {
    faults.set({ ignoreSort: true })
    const ignored = (await changedFirst()).map((r) => r.id)
    faults.reset()
    const unsorted = (await changedFirst('per_page=100')).map((r) => r.id)
    expect(ignored).toEqual(unsorted)
    const times = (await changedFirst('sort=-updated_at&per_page=100')).map((r) => r.id)
    expect(times).not.toEqual(unsorted)
  })
})
