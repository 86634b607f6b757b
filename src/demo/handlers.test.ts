import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { isAdmin } from '../api/roles'
import { parseMe } from '../api/me'
import { DEMO_ORG_ID, DEMO_TOKEN, OTHER_ORG_ID } from './credentials'
import { REMOVED_MEMBER_ID, XSS_NAME } from './data'
import { createDemoServer } from './node'

const { server, org, faults } = createDemoServer({ members: 300 })

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => {
  server.resetHandlers()
  faults.reset()
})
afterAll(() => server.close())

const HEADERS = {
  Authorization: `Bearer ${DEMO_TOKEN}`,
  Accept: 'application/json',
  'X-Tallyfy-Client': 'APIClient',
}
// The browser goes through /api on its own origin; the loopback server is reached without it.
const BROWSER = 'http://localhost:3000/api'
const BARE = 'http://127.0.0.1:4599'
const ORG = `/organizations/${DEMO_ORG_ID}`

interface Pagination {
  total: number
  count: number
  per_page: number
  current_page: number
  total_pages: number
  links: unknown
}
interface ListBody<T> {
  data: T[]
  meta: { pagination: Pagination }
}
type Row = Record<string, unknown> & { id: number | string }

async function get(path: string, init: { headers?: Record<string, string>; base?: string } = {}) {
  const response = await fetch(`${init.base ?? BROWSER}${path}`, { headers: init.headers ?? HEADERS })
  const text = await response.text()
  let body: unknown = text
  try {
    body = JSON.parse(text)
  } catch {
    // Non-JSON bodies (fault pages) stay as text.
  }
  return { status: response.status, headers: response.headers, body }
}

// toSorted and toReversed are outside the ES2022 lib this project type-checks against.
function sortedCopy<T>(items: readonly T[], compare?: (a: T, b: T) => number): T[] {
  const copy = [...items]
  // oxlint-disable-next-line unicorn/no-array-sort
  copy.sort(compare)
  return copy
}
const reversedCopy = <T>(items: readonly T[]): T[] => items.map((_, i) => items[items.length - 1 - i] as T)
const byCollation = (a: string, b: string) => a.localeCompare(b, 'en', { sensitivity: 'base', numeric: true })

async function list<T = Row>(path: string, base?: string) {
  const res = await get(path, { base })
  expect(res.status).toBe(200)
  return res.body as ListBody<T>
}

describe('authentication and organization access', () => {
  it.each(['Authorization', 'Accept', 'X-Tallyfy-Client'])(
    'answers 401 Unauthenticated when %s is missing',
    async (name) => {
      const headers: Record<string, string> = { ...HEADERS }
      delete headers[name]
      const res = await get(`${ORG}/users?per_page=1`, { headers })
      expect(res.status).toBe(401)
      expect(res.body).toEqual({ message: 'Unauthenticated.' })
    },
  )

  it('answers 401 for a wrong token and for a token without the Bearer scheme', async () => {
    for (const authorization of ['Bearer not-the-token', DEMO_TOKEN]) {
      const res = await get('/me', { headers: { ...HEADERS, Authorization: authorization } })
      expect(res.status).toBe(401)
    }
  })

  it('answers 403 with Tallyfy’s message for another organization', async () => {
    for (const id of [OTHER_ORG_ID, 'not-even-hex']) {
      const res = await get(`/organizations/${id}/users`)
      expect(res.status).toBe(403)
      expect(res.body).toEqual({
        error: true,
        message: "You don't have application's permissions for this organization!",
      })
    }
  })

  it('serves /me and /me/organizations on both path styles', async () => {
    for (const base of [BROWSER, BARE]) {
      const me = await get('/me', { base })
      expect(me.status).toBe(200)
      expect((me.body as { data: Row }).data.id).toBe(org.me.id)
      // The demo person administers the demo organization, so every admin control can be tried.
      expect(isAdmin(parseMe(me.body))).toBe(true)
      const orgs = await list<{ id: string; name: string }>('/me/organizations', base)
      expect(orgs.data).toEqual([expect.objectContaining({ id: DEMO_ORG_ID, name: org.name })])
      expect(orgs.meta.pagination.total).toBe(1)
    }
  })
})

describe('GET /organizations/:org/users', () => {
  it('returns everyone on one page by default (per_page 9999) with Laravel pagination', async () => {
    const body = await list(`${ORG}/users`)
    expect(body.data).toHaveLength(300)
    expect(body.meta.pagination).toEqual({
      total: 300,
      count: 300,
      per_page: 9999,
      current_page: 1,
      total_pages: 1,
      links: [],
    })
  })

  it('matches the bare path of the loopback server too', async () => {
    const body = await list(`${ORG}/users?per_page=2`, BARE)
    expect(body.data.map((m) => m.id)).toEqual([1001, 1002])
  })

  it('pages with a next link until the last page, where links is []', async () => {
    const first = await list(`${ORG}/users?per_page=120`)
    expect(first.meta.pagination).toMatchObject({
      total: 300,
      count: 120,
      per_page: 120,
      current_page: 1,
      total_pages: 3,
    })
    const next = (first.meta.pagination.links as { next: string }).next
    expect(new URL(next).searchParams.get('page')).toBe('2')
    const last = await list(`${ORG}/users?per_page=120&page=3`)
    expect(last.meta.pagination).toMatchObject({ count: 60, current_page: 3, links: [] })
    expect(last.data[0]?.id).toBe(1001 + 240)
    const beyond = await list(`${ORG}/users?per_page=120&page=9`)
    expect(beyond.data).toEqual([])
    expect(beyond.meta.pagination.links).toEqual([])
  })

  it('caps per_page at 9999 and falls back to defaults for nonsense', async () => {
    expect((await list(`${ORG}/users?per_page=50000`)).meta.pagination.per_page).toBe(9999)
    const nonsense = await list(`${ORG}/users?per_page=abc&page=-2`)
    expect(nonsense.meta.pagination).toMatchObject({ per_page: 9999, current_page: 1 })
  })

  it('searches first name, last name and email, case-insensitively', async () => {
    const byLast = await list(`${ORG}/users?q=ÅNGSTRÖM`)
    expect(byLast.data.map((m) => m.last_name)).toContain('Ångström')
    const byEmail = await list(`${ORG}/users?q=xss.probe@`)
    expect(byEmail.data.map((m) => m.last_name)).toEqual([XSS_NAME])
    const none = await list(`${ORG}/users?q=zzzz-nobody`)
    expect(none.data).toEqual([])
    expect(none.meta.pagination).toMatchObject({ total: 0, count: 0, total_pages: 1, links: [] })
    // Job titles are not searched.
    const byJob = await list(`${ORG}/users?q=chief of staff`)
    expect(byJob.data).toEqual([])
  })

  it('sorts by a field, descending with a - prefix, with pagination applied after sorting', async () => {
    const asc = await list<Row & { email: string }>(`${ORG}/users?sort=email`)
    const emails = asc.data.map((m) => m.email)
    expect(emails).toEqual(sortedCopy(emails, byCollation))
    const desc = await list<Row & { email: string }>(`${ORG}/users?sort=-email&per_page=5`)
    expect(desc.data.map((m) => m.email)).toEqual(reversedCopy(emails).slice(0, 5))
    const byCreated = await list<Row & { created_at?: string }>(`${ORG}/users?sort=-created_at`)
    const created = byCreated.data.flatMap((m) => (m.created_at ? [m.created_at] : []))
    expect(created).toEqual(reversedCopy(sortedCopy(created)))
  })

  it('includes groups Fractal-style with with=groups, and only then', async () => {
    const plain = await list(`${ORG}/users?per_page=1`)
    expect(plain.data[0]).not.toHaveProperty('groups')
    const body = await list<Row & { groups: { data: { id: string; name: string }[] } }>(
      `${ORG}/users?with=groups`,
    )
    const me = body.data.find((m) => m.id === org.me.id)
    expect(me?.groups.data.map((g) => g.name)).toContain('Leadership Team')
    for (const g of me?.groups.data ?? []) expect(g.id).toMatch(/^[0-9a-f]{32}$/)
    const disabled = body.data.filter((m) => m.status === 'disabled')
    expect(disabled.length).toBeGreaterThan(0)
    expect(disabled.flatMap((m) => m.groups.data)).toEqual([])
  })

  it('honours a per_page cap fault and reports it in meta', async () => {
    faults.set({ perPageCap: 100 })
    const body = await list(`${ORG}/users?per_page=9999`)
    expect(body.data).toHaveLength(100)
    expect(body.meta.pagination).toMatchObject({ per_page: 100, total: 300, total_pages: 3 })
    expect(body.meta.pagination.links).toHaveProperty('next')
  })
})

describe('list faults on every paged list', () => {
  it.each(['users', 'groups', 'guests'])(
    '%s: stopAfterPage empties the pages after it, failAfterPage fails them, meta still announces everyone',
    async (resource) => {
      faults.set({ perPageCap: 2, stopAfterPage: 1 })
      const first = await list(`${ORG}/${resource}?page=1&per_page=2`)
      const second = await list(`${ORG}/${resource}?page=2&per_page=2`)
      expect(first.data).toHaveLength(2)
      expect(second.data).toEqual([])
      expect(second.meta.pagination.total).toBe(first.meta.pagination.total)
      expect(second.meta.pagination.total).toBeGreaterThan(2)

      faults.set({ perPageCap: 2, failAfterPage: 1 })
      expect((await get(`${ORG}/${resource}?page=1&per_page=2`)).status).toBe(200)
      expect((await get(`${ORG}/${resource}?page=2&per_page=2`)).status).toBe(500)
    },
  )
})

describe('GET /organizations/:org/users/:id', () => {
  it('returns one member, with groups on request', async () => {
    const res = await get(`${ORG}/users/1005?with=groups`)
    expect(res.status).toBe(200)
    const data = (res.body as { data: Row & { groups: { data: { name: string }[] } } }).data
    expect(data.last_name).toBe(XSS_NAME)
    expect(data.groups.data.map((g) => g.name)).toContain('Onboarding Buddies')
  })

  it.each(['999999', 'abc', String(REMOVED_MEMBER_ID)])('answers RESOURCE_NOT_FOUND for %s', async (id) => {
    const res = await get(`${ORG}/users/${id}`)
    expect(res.status).toBe(404)
    expect(res.body).toEqual({ error: true, message: 'Resource not found', code: 'RESOURCE_NOT_FOUND' })
  })
})

describe('groups', () => {
  it('lists 10 per page by default, sorted by created_at', async () => {
    const body = await list<Row & { created_at: string }>(`${ORG}/groups`)
    expect(body.data).toHaveLength(10)
    expect(body.meta.pagination).toMatchObject({
      total: org.groups.length,
      per_page: 10,
      total_pages: Math.ceil(org.groups.length / 10),
    })
    const created = body.data.map((g) => g.created_at)
    expect(created).toEqual(sortedCopy(created))
  })

  it('clamps per_page at 100', async () => {
    const body = await list(`${ORG}/groups?per_page=500`)
    expect(body.meta.pagination.per_page).toBe(100)
    expect(body.data).toHaveLength(org.groups.length)
  })

  it('sorts with sort_by, descending with a - prefix', async () => {
    const asc = await list<Row & { name: string }>(`${ORG}/groups?sort_by=name&per_page=100`)
    const names = asc.data.map((g) => g.name)
    expect(names).toEqual(sortedCopy(names, byCollation))
    const desc = await list<Row & { name: string }>(`${ORG}/groups?sort_by=-name&per_page=100`)
    expect(desc.data.map((g) => g.name)).toEqual(reversedCopy(names))
  })

  it('searches name and description', async () => {
    const byDescription = await list<Row & { name: string }>(`${ORG}/groups?q=coffee machine`)
    expect(byDescription.data.map((g) => g.name)).toEqual(['Facilities — Berlin Office'])
    const byName = await list<Row & { name: string }>(`${ORG}/groups?q=SALES`)
    expect(new Set(byName.data.map((g) => g.name))).toEqual(
      new Set(['Sales — Americas', 'Sales — APAC', 'Sales — EMEA']),
    )
  })

  it('adds assets with with=assets, only for groups with a logo', async () => {
    const body = await list<Row & { logo: string | null; assets: { data: { subject: { id: string } }[] } }>(
      `${ORG}/groups?with=assets&per_page=100`,
    )
    for (const g of body.data) {
      expect(g.assets.data).toHaveLength(g.logo ? 1 : 0)
    }
    const withLogo = body.data.find((g) => g.logo)
    expect(withLogo?.assets.data[0]?.subject.id).toBe(withLogo?.id)
  })

  it('returns one group, or RESOURCE_NOT_FOUND', async () => {
    const group = org.groups.find((g) => g.members.includes(REMOVED_MEMBER_ID))
    const res = await get(`${ORG}/groups/${group?.id}?with=assets`)
    expect(res.status).toBe(200)
    expect((res.body as { data: Row & { members: unknown[] } }).data.members).toContain(REMOVED_MEMBER_ID)
    const missing = await get(`${ORG}/groups/${'0'.repeat(32)}`)
    expect(missing.status).toBe(404)
    expect(missing.body).toEqual({ error: true, message: 'Resource not found', code: 'RESOURCE_NOT_FOUND' })
  })
})

describe('guests', () => {
  it('lists every guest by default and searches by email', async () => {
    const all = await list<Row & { email: string }>(`${ORG}/guests`)
    expect(all.data).toHaveLength(org.guests.length)
    expect(all.meta.pagination.per_page).toBe(999)
    const audit = await list<Row & { email: string }>(`${ORG}/guests?q=LEDGERLINE`)
    expect(audit.data.length).toBeGreaterThan(2)
    expect(audit.data.every((g) => g.email.includes('ledgerline'))).toBe(true)
  })
})

describe('unknown endpoints', () => {
  it.each([`${BROWSER}${ORG}/widgets`, `${BROWSER}/anything/else`, `${BARE}${ORG}/users/1001/nope`])(
    'answers ENDPOINT_NOT_FOUND for %s',
    async (url) => {
      const res = await fetch(url, { headers: HEADERS })
      expect(res.status).toBe(404)
      expect(await res.json()).toEqual({
        error: true,
        message: 'API endpoint not found',
        code: 'ENDPOINT_NOT_FOUND',
      })
    },
  )
})

describe('faults', () => {
  it('answers 429 with Retry-After once, then normally (times: 1)', async () => {
    faults.set({ status: 429, retryAfter: 3, times: 1 })
    const limited = await get(`${ORG}/users?per_page=1`)
    expect(limited.status).toBe(429)
    expect(limited.headers.get('Retry-After')).toBe('3')
    expect(limited.body).toMatchObject({ code: 'RATE_LIMIT_EXCEEDED' })
    const after = await get(`${ORG}/users?per_page=1`)
    expect(after.status).toBe(200)
    expect(faults.get()).toEqual({})
  })

  it('only faults paths that match the filter', async () => {
    faults.set({ status: 500, path: '/groups' })
    expect((await get(`${ORG}/users?per_page=1`)).status).toBe(200)
    const failed = await get(`${ORG}/groups`)
    expect(failed.status).toBe(500)
    expect(typeof failed.body).toBe('string')
  })

  it('delays answers by latencyMs', async () => {
    faults.set({ latencyMs: 150 })
    const started = performance.now()
    expect((await get('/me')).status).toBe(200)
    expect(performance.now() - started).toBeGreaterThanOrEqual(140)
  })

  it('serves a malformed 200: valid JSON of the wrong shape, or not JSON at all', async () => {
    faults.set({ malformed: true, times: 1 })
    const wrong = await get(`${ORG}/users`)
    expect(wrong.status).toBe(200)
    expect(wrong.body).toEqual({ data: 'oops' })
    faults.set({ malformedText: true, times: 1 })
    const cut = await fetch(`${BROWSER}${ORG}/users`, { headers: HEADERS })
    expect(cut.status).toBe(200)
    await expect(cut.json()).rejects.toThrow(/JSON|Unexpected|Unterminated/)
  })

  it('applies faults before authentication, as an outage would', async () => {
    faults.set({ status: 503, times: 1 })
    expect((await get('/me', { headers: {} })).status).toBe(503)
    expect((await get('/me', { headers: {} })).status).toBe(401)
  })
})

describe('speed at 50,000 members', () => {
  it('serves a 1,000-row page quickly once the org is indexed', async () => {
    const big = createDemoServer({ members: 50_000 })
    server.use(...big.server.listHandlers())
    await list(`${ORG}/users?per_page=1000&page=1&sort=last_name`)
    const started = performance.now()
    const body = await list(`${ORG}/users?per_page=1000&page=37&sort=last_name`)
    const elapsed = performance.now() - started
    expect(body.meta.pagination).toMatchObject({ total: 50_000, count: 1000, total_pages: 50 })
    // Loose: the claim is "milliseconds, not a full scan plus sort per request".
    expect(elapsed).toBeLessThan(250)
  })
})
