import { describe, expect, it } from 'vitest'
import { DEMO_ME_ID, DEMO_ORG_ID } from './credentials'
import {
  createDemoOrg,
  MULTI_GROUP_GUEST,
  ODD_GUEST_STATUS,
  REMOVED_MEMBER_ID,
  wireRole,
  XSS_NAME,
} from './data'

const HEX32 = /^[0-9a-f]{32}$/

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
    expect(org.members.some((m) => m.first_name === XSS_NAME)).toBe(true)
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
    expect(org.groups.filter((g) => g.members.length === 0 && g.guests.length === 0)).toHaveLength(2)
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
