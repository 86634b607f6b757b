import { describe, expect, it } from 'vitest'
import { DEMO_ME_ID, DEMO_ORG_ID } from './credentials'
import { textSortKey } from '../components/data-table/sort-fns'
import {
  createDemoOrg,
  DEFAULT_ADMIN_ID,
  DEMO_NOW,
  FORMULA_NAME,
  MULTI_GROUP_GUEST,
  ODD_GUEST_STATUS,
  REMOVED_MEMBER_ID,
  SIGN_IN_DAYS,
  type WireMember,
  wireRole,
  XSS_NAME,
} from './data'

const HEX32 = /^[0-9a-f]{32}$/

function countBy<T, K extends string>(items: readonly T[], key: (item: T) => K) {
  const counts: Partial<Record<K, number>> = {}
  for (const item of items) counts[key(item)] = (counts[key(item)] ?? 0) + 1
  return counts
}

const month = (ms: number) => new Date(ms).toISOString().slice(0, 7)

describe('createDemoOrg', () => {
  it('is deterministic: the same seed and size give the same data', () => {
    const a = createDemoOrg({ members: 500, seed: 7 })
    const b = createDemoOrg({ members: 500, seed: 7 })
    expect(JSON.stringify(a.members)).toBe(JSON.stringify(b.members))
    expect(JSON.stringify(a.groups)).toBe(JSON.stringify(b.groups))
    expect(JSON.stringify(a.guests)).toBe(JSON.stringify(b.guests))
  })

  it('gives different people for a different seed, but keeps group IDs stable', () => {
    const a = createDemoOrg({ members: 300, seed: 1 })
    const b = createDemoOrg({ members: 300, seed: 2 })
    expect(JSON.stringify(a.members.slice(40))).not.toBe(JSON.stringify(b.members.slice(40)))
    expect(a.groups.map((g) => g.id)).toEqual(b.groups.map((g) => g.id))
  })

  it('keeps the first members identical when the org grows', () => {
    const small = createDemoOrg({ members: 300 })
    const large = createDemoOrg({ members: 10_000 })
    expect(JSON.stringify(large.members.slice(0, 300))).toBe(JSON.stringify(small.members))
  })

  it('contains the names the UI must cope with', () => {
    const org = createDemoOrg()
    const names = org.members.map((m) => m.full_name).join('\n')
    for (const needle of ['Zoë', 'Ångström', 'Álvarez', "O'Brien", 'Jean-Luc'])
      expect(names).toContain(needle)
    expect(org.members.some((m) => m.last_name === XSS_NAME)).toBe(true)
    expect(org.members.some((m) => m.last_name === FORMULA_NAME)).toBe(true)
    for (const script of [
      /\p{Script=Han}/u,
      /\p{Script=Hiragana}|\p{Script=Katakana}/u,
      /\p{Script=Hangul}/u,
      /\p{Script=Cyrillic}/u,
      /\p{Script=Arabic}/u,
      /\p{Script=Devanagari}/u,
      /\p{Script=Greek}/u,
    ]) {
      expect(names).toMatch(script)
    }
    expect(org.members.some((m) => m.full_name.length >= 60)).toBe(true)
    expect(org.members.some((m) => m.email.length >= 60)).toBe(true)
  })

  it('has every role (in mixed casing and both keys) and every status', () => {
    const org = createDemoOrg()
    const roles = new Set(
      org.members.filter((m) => Object.keys(m).length > 6).map((m) => wireRole(m)?.toLowerCase()),
    )
    expect(roles).toEqual(new Set(['admin', 'standard', 'light']))
    expect(org.members.some((m) => m.role === 'Admin')).toBe(true)
    expect(org.members.some((m) => m.role === 'Standard')).toBe(true)
    const legacy = org.members.filter((m) => m.user_role !== undefined)
    expect(legacy.length).toBeGreaterThanOrEqual(1)
    expect(legacy.every((m) => m.role === undefined)).toBe(true)
    const statuses = new Set(org.members.map((m) => m.status))
    expect(statuses).toEqual(new Set(['active', 'invited', 'disabled']))
    expect(org.members.filter((m) => m.status === 'active').length).toBeGreaterThan(org.members.length * 0.7)
    const invited = org.members.filter((m) => m.status === 'invited' && Object.keys(m).length > 6)
    expect(invited.length).toBeGreaterThan(0)
    expect(invited.map((m) => m.last_login_at ?? null)).toEqual(invited.map(() => null))
  })

  it('mixes full and sparse records, last_updated and updated_at, pictures and none', () => {
    const org = createDemoOrg()
    const sparse = org.members.filter((m) => Object.keys(m).length === 6)
    expect(sparse.length).toBeGreaterThan(0)
    const sixFields = new Set(['email', 'first_name', 'full_name', 'id', 'last_name', 'status'])
    for (const m of sparse) expect(new Set(Object.keys(m))).toEqual(sixFields)
    expect(org.members.some((m) => m.last_updated !== undefined)).toBe(true)
    expect(org.members.some((m) => m.updated_at !== undefined)).toBe(true)
    expect(org.members.some((m) => m.job_title === null)).toBe(true)
    const pictures = org.members.filter((m) => typeof m.profile_pic === 'string')
    expect(pictures.length).toBeGreaterThan(org.members.length * 0.2)
    expect(pictures.length).toBeLessThan(org.members.length * 0.5)
    for (const m of pictures) expect(m.profile_pic).toMatch(/^data:image\/svg\+xml,/)
    const ids = org.members.map((m) => m.id)
    expect(ids[0]).toBe(1001)
    expect(new Set(ids).size).toBe(ids.length)
    expect(new Set(org.members.map((m) => m.email.toLowerCase())).size).toBe(ids.length)
  })

  it('makes the signed-in user an active admin in the directory', () => {
    const org = createDemoOrg()
    expect(org.id).toBe(DEMO_ORG_ID)
    expect(org.me.id).toBe(DEMO_ME_ID)
    expect(org.me.status).toBe('active')
    expect(wireRole(org.me)).toBe('admin')
    expect(org.members.find((m) => m.id === DEMO_ME_ID)).toBe(org.me)
  })

  it('builds about thirty groups with the documented edge cases', () => {
    const org = createDemoOrg()
    expect(org.groups.length).toBeGreaterThanOrEqual(28)
    for (const g of org.groups) expect(g.id).toMatch(HEX32)
    expect(new Set(org.groups.map((g) => g.id)).size).toBe(org.groups.length)
    expect(org.groups.filter((g) => g.members.length === 0 && g.guests.length === 0)).toHaveLength(4)
    expect(org.groups.filter((g) => g.logo === 'javascript:alert(1)')).toHaveLength(1)
    expect(org.groups.filter((g) => g.logo === null).length).toBeGreaterThanOrEqual(3)
    const otherLogos = org.groups.flatMap((g) =>
      g.logo && !g.logo.startsWith('javascript:') ? [g.logo] : [],
    )
    expect(otherLogos.length).toBeGreaterThan(5)
    for (const logo of otherLogos) expect(logo).toMatch(/^data:image\/svg\+xml,/)
    expect(org.groups.some((g) => g.members.some((id) => typeof id === 'string'))).toBe(true)
    expect(org.groups.some((g) => g.members.includes('1005'))).toBe(true)
    expect(org.groups.some((g) => g.guests.length > 0)).toBe(true)
    expect(org.groups.some((g) => g.description.includes('\n'))).toBe(true)
    expect(org.groups.some((g) => g.description.length > 600)).toBe(true)
    expect(org.groups.filter((g) => g.members.includes(REMOVED_MEMBER_ID))).toHaveLength(1)
    expect(org.members.some((m) => m.id === REMOVED_MEMBER_ID)).toBe(false)
  })

  it('keeps group membership consistent in both directions, and disabled members in no group', () => {
    const org = createDemoOrg({ members: 2000 })
    const byId = new Map(org.members.map((m) => [m.id, m]))
    for (const g of org.groups) {
      for (const raw of g.members) {
        const id = Number(raw)
        if (id === REMOVED_MEMBER_ID) continue
        const member = byId.get(id)
        expect(member, `member ${raw} of ${g.name}`).toBeDefined()
        expect(member?.status).not.toBe('disabled')
        expect(org.groupIdsByMember.get(id)).toContain(g.id)
      }
    }
    for (const [memberId, groupIds] of org.groupIdsByMember) {
      for (const groupId of groupIds) {
        const group = org.groups.find((g) => g.id === groupId)
        expect(group?.members.map(Number)).toContain(memberId)
      }
    }
    const emails = new Set(org.guests.map((g) => g.email))
    for (const g of org.groups) for (const email of g.guests) expect(emails.has(email)).toBe(true)
  })

  it('has about forty guests in the documented shape', () => {
    const org = createDemoOrg()
    expect(org.guests.length).toBeGreaterThanOrEqual(35)
    for (const guest of org.guests) {
      expect(guest.email).toMatch(/^[^@\s]+@[^@\s]+\.[a-z]+$/)
      expect(Object.keys(guest.details)).toContain('associated_members')
    }
  })

  it('has the guests the issue asks for: with and without companies, one disabled, an odd status, several groups, none', () => {
    const org = createDemoOrg()
    const groupsOf = (email: string) => org.groups.filter((g) => g.guests.includes(email))
    const withCompany = org.guests.filter((g) => g.details.company_name)
    const withoutCompany = org.guests.filter((g) => !g.details.company_name)
    expect(withCompany.length).toBeGreaterThan(10)
    expect(withoutCompany.length).toBeGreaterThanOrEqual(2)
    // No company, no company link either.
    for (const guest of withoutCompany) expect(guest.details.company_url).toBeNull()
    expect(org.guests.filter((g) => g.details.disabled_at)).toHaveLength(1)
    expect(org.guests.filter((g) => g.details.status === ODD_GUEST_STATUS)).toHaveLength(1)
    expect(groupsOf(org.guests[MULTI_GROUP_GUEST]!.email).length).toBeGreaterThan(1)
    expect(org.guests.some((g) => g.first_name && groupsOf(g.email).length === 0)).toBe(true)
    expect(new Set(org.guests.map((g) => g.email.toLowerCase())).size).toBe(org.guests.length)
  })

  it('scales to 50,000 members with groups that grow too', () => {
    const started = performance.now()
    const org = createDemoOrg({ members: 50_000 })
    const elapsed = performance.now() - started
    expect(org.members).toHaveLength(50_000)
    expect(org.members.at(-1)?.id).toBe(1001 + 49_999)
    const small = createDemoOrg({ members: 300 })
    const biggest = (o: typeof org) => Math.max(...o.groups.map((g) => g.members.length))
    expect(biggest(org)).toBeGreaterThan(biggest(small) * 20)
    // Loose on purpose: the point is "not seconds", not a benchmark on a shared machine.
    expect(elapsed).toBeLessThan(3000)
  })
})

describe('the demo as the overview reads it (issue 23)', () => {
  const DAY = 86_400_000
  const org = createDemoOrg()
  const full = org.members.filter((m) => Object.keys(m).length > 6)
  const daysAgo = (iso: string) => (DEMO_NOW - Date.parse(iso)) / DAY
  type Bucket = 'week' | 'month' | 'quarter' | 'year' | 'older' | 'never'
  /** Rolling edges; the data keeps clear of calendar ones too (see SIGN_IN_DAYS). */
  const bucketOf = (m: WireMember): Bucket => {
    if (!m.last_login_at) return 'never'
    const days = daysAgo(m.last_login_at)
    return days < 7 ? 'week' : days < 30 ? 'month' : days < 90 ? 'quarter' : days < 365 ? 'year' : 'older'
  }

  it("dates nothing after the demo's now, and nobody signs in before joining or after being disabled", () => {
    const wrong: string[] = []
    for (const m of full) {
      const created = Date.parse(m.created_at!)
      for (const iso of [m.created_at, m.activated_at, m.last_login_at, m.last_accessed_at, m.disabled_at])
        if (iso && Date.parse(iso) > DEMO_NOW) wrong.push(`${m.id}: ${iso} is after DEMO_NOW`)
      if (m.activated_at && Date.parse(m.activated_at) < created)
        wrong.push(`${m.id}: activated before joining`)
      if (m.last_login_at && Date.parse(m.last_login_at) < Date.parse(m.activated_at!))
        wrong.push(`${m.id}: signed in before activation`)
      if (m.last_login_at && m.disabled_at && Date.parse(m.last_login_at) > Date.parse(m.disabled_at))
        wrong.push(`${m.id}: signed in after being disabled`)
    }
    expect(wrong).toEqual([])
  })

  it('spreads sign-ins over every bucket, each clear of its edges', () => {
    const active = full.filter((m) => m.status === 'active')
    expect(countBy(active, bucketOf)).toEqual({
      week: 73,
      month: 54,
      quarter: 50,
      year: 47,
      older: 16,
      never: 18,
    })
    const spans = Object.values(SIGN_IN_DAYS)
    const outside = full
      .filter((m) => m.last_login_at)
      .map((m) => ({ id: m.id, days: daysAgo(m.last_login_at!) }))
      .filter(({ days }) => !spans.some(([from, to]) => days >= from && days <= to))
    expect(outside).toEqual([])
    // The fixed people cover every bucket at any size.
    const fixed = createDemoOrg({ members: 22 }).members
    expect(new Set(fixed.filter((m) => m.status === 'active').map(bucketOf))).toEqual(
      new Set(['week', 'month', 'quarter', 'year', 'older', 'never']),
    )
    const byId = new Map(org.members.map((m) => [m.id, m]))
    expect(bucketOf(byId.get(DEMO_ME_ID)!)).toBe('week')
    expect(bucketOf(byId.get(1003)!)).toBe('month')
    expect(bucketOf(byId.get(1004)!)).toBe('quarter')
  })

  it('has members who never signed in: invited ones and some active ones', () => {
    const never = full.filter((m) => m.status !== 'invited' && !m.last_login_at)
    expect(never.filter((m) => m.status === 'active').length).toBeGreaterThanOrEqual(3)
    expect(full.filter((m) => m.status === 'invited').every((m) => m.last_login_at === null)).toBe(true)
  })

  it('has members joining in every month of the last two years, and some before', () => {
    const now = new Date(DEMO_NOW)
    const last24 = Array.from({ length: 24 }, (_, i) =>
      month(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - i, 1)),
    )
    const joins = countBy(full, (m) => month(Date.parse(m.created_at!)))
    expect(last24.filter((key) => (joins[key] ?? 0) < 3)).toEqual([])
    const older = full.filter((m) => daysAgo(m.created_at!) > 730)
    expect(older.length).toBeGreaterThan(10)
    expect(older.length).toBeLessThan(full.length * 0.2)
  })

  it('has invitations both fresh and stale, clear of the 14-day edge', () => {
    const ages = full.filter((m) => m.status === 'invited').map((m) => daysAgo(m.created_at!))
    expect(ages.filter((days) => days < 14).length).toBeGreaterThanOrEqual(3)
    expect(ages.filter((days) => days > 14).length).toBeGreaterThanOrEqual(3)
    expect(ages.filter((days) => days > 12.5 && days < 15.5)).toEqual([])
  })

  it('has empty groups and guests in no group', () => {
    const empty = org.groups.filter((g) => g.members.length === 0 && g.guests.length === 0)
    expect(empty.length).toBeGreaterThanOrEqual(2)
    const inAGroup = new Set(org.groups.flatMap((g) => g.guests))
    const loose = org.guests.filter((g) => !inAGroup.has(g.email))
    expect(loose.length).toBeGreaterThanOrEqual(2)
    expect(loose.some((g) => !g.details.disabled_at)).toBe(true)
  })

  it('opens on people: the hostile names sort among the others, not first', () => {
    const keyed = org.members.map((m) => ({ m, key: textSortKey(m.full_name) }))
    // oxlint-disable-next-line unicorn/no-array-sort -- a fresh array of our own, sorted in place
    const byName = keyed.sort((a, b) => (a.key < b.key ? -1 : 1)).map(({ m }) => m)
    const first = byName.slice(0, 10)
    expect(first.every((m) => /^\p{L}/u.test(m.full_name))).toBe(true)
    expect(first.some((m) => m.full_name.includes(XSS_NAME) || m.full_name.includes(FORMULA_NAME))).toBe(
      false,
    )
    const hostile = org.members.filter((m) => m.last_name === XSS_NAME || m.last_name === FORMULA_NAME)
    expect(hostile.map((m) => m.full_name.split(' ')[0])).toEqual(['Probe', 'Formula'])
  })

  it('sends is_default_admin: true on the default administrator only, as Tallyfy does', () => {
    expect(full.filter((m) => m.is_default_admin === true).map((m) => m.id)).toEqual([DEFAULT_ADMIN_ID])
    expect(full.every((m) => typeof m.is_default_admin === 'boolean')).toBe(true)
    const admin = org.members.find((m) => m.id === DEFAULT_ADMIN_ID)!
    expect(wireRole(admin)?.toLowerCase()).toBe('admin')
    expect(admin.status).toBe('active')
  })
})

describe('the live demo on any day', () => {
  it('moves every generated date by the same amount, so ages (and the overview) are as at DEMO_NOW', () => {
    const day = 86_400_000
    const fixed = createDemoOrg({ members: 120 })
    const live = createDemoOrg({ members: 120, now: DEMO_NOW + 30 * day })
    const ages = (org: typeof fixed, now: number) =>
      org.members.map((m) => [m.created_at, m.last_login_at].map((d) => (d ? now - Date.parse(d) : null)))
    expect(ages(live, DEMO_NOW + 30 * day)).toEqual(ages(fixed, DEMO_NOW))
    expect(live.members.map((m) => m.full_name)).toEqual(fixed.members.map((m) => m.full_name))
    expect(live.groups[0]?.created_at).not.toBe(fixed.groups[0]?.created_at)
  })
})
