import { describe, expect, it } from 'vitest'
import { prettifyError, core } from 'zod/mini'
import getGroupDoc from './fixtures/get-group.json'
import listMembersDoc from './fixtures/list-members.json'
import { makeMember } from '../test/member-factory'
import { parseGuest, parseGuestPage } from './guests/schema'
import { isAdmin } from './roles'
import { parseGroup, parseGroupPage } from './groups/schema'
import { parseMe, parseOrganizations } from './me'
import { parseMember, parseMemberPage } from './members/schema'
import type { Group } from './types'

const member = (fields: Record<string, unknown>) => parseMember({ data: fields })
const group = (fields: Record<string, unknown>) => parseGroup({ data: fields })

function zodMessage(fn: () => unknown): string {
  try {
    fn()
  } catch (error) {
    if (error instanceof core.$ZodError) return prettifyError(error)
    throw error
  }
  throw new Error('expected a zod error')
}

const known = (g: Group) => [g.membersKnown, g.guestsKnown]

describe('docs fixtures', () => {
  it('parses the list-members example, including sparse Bob and no meta', () => {
    const page = parseMemberPage(listMembersDoc)
    expect(page.pagination).toBeNull()
    const [alice, bob] = page.items
    expect(alice).toMatchObject({
      id: 1001,
      fullName: 'Alice Smith',
      role: 'admin',
      rawRole: 'Admin',
      status: 'active',
      updatedAt: '2024-05-10T11:00:00Z',
      lastLoginAt: '2024-05-20T10:30:00Z',
      groups: [
        { id: 'group_id_1', name: 'Sales Team' },
        { id: 'group_id_2', name: 'Support' },
      ],
    })
    // The docs' placeholder URL is accepted by URL(): keep it; the avatar falls back to initials on load error.
    expect(alice?.pictureUrl).toBe('https://.../profile.jpg')
    // Everything the record leaves out comes back empty (null), never invented.
    expect(bob).toEqual(
      makeMember({
        id: 1002,
        email: 'bob@example.com',
        firstName: 'Bob',
        lastName: 'Jones',
        fullName: 'Bob Jones',
        role: 'standard',
        rawRole: 'standard',
        status: 'invited',
        groups: null,
      }),
    )
  })

  it('parses the get-group example with placeholder member IDs', () => {
    expect(parseGroup(getGroupDoc)).toEqual({
      id: 'group_id_here',
      name: 'Engineering Team',
      description: 'Core engineering group',
      logo: null,
      memberIds: ['user_id_1', 'user_id_2'],
      guests: ['guest@example.com'],
      membersKnown: true,
      guestsKnown: true,
      createdAt: '2024-01-15T10:30:00.000Z',
      updatedAt: '2024-06-20T14:45:00.000Z',
    })
  })
})

describe('members', () => {
  it.each([
    ['Admin', 'admin'],
    ['admin', 'admin'],
    ['Administrator', 'admin'],
    ['ADMIN', 'admin'],
    ['Standard', 'standard'],
    ['standard', 'standard'],
    ['Light', 'light'],
    ['LIGHT', 'light'],
    ['Coworker', 'unknown'],
  ])('reads role %s as %s and keeps the raw value', (raw, role) => {
    expect(member({ id: 1, role: raw })).toMatchObject({ role, rawRole: raw })
    expect(member({ id: 1, user_role: raw })).toMatchObject({ role, rawRole: raw })
  })

  it('prefers role over the older user_role, and a missing role is unknown', () => {
    expect(member({ id: 1, role: 'light', user_role: 'Admin' }).role).toBe('light')
    expect(member({ id: 1 })).toMatchObject({ role: 'unknown', rawRole: null })
  })

  it('reads status in any case; missing or unknown status is unknown', () => {
    expect(member({ id: 1, status: 'ACTIVE' }).status).toBe('active')
    expect(member({ id: 1, status: 'Disabled' }).status).toBe('disabled')
    expect(member({ id: 1, status: 'invited' }).status).toBe('invited')
    expect(member({ id: 1 }).status).toBe('unknown')
    expect(member({ id: 1, status: 'bot' }).status).toBe('unknown')
  })

  it('takes updated_at when last_updated is missing, and last_updated when both exist', () => {
    expect(member({ id: 1, updated_at: '2025-01-02T03:04:05+00:00' }).updatedAt).toBe(
      '2025-01-02T03:04:05+00:00',
    )
    expect(
      member({ id: 1, updated_at: '2025-01-01T00:00:00Z', last_updated: '2025-02-01T00:00:00Z' }).updatedAt,
    ).toBe('2025-02-01T00:00:00Z')
  })

  it('marks the default administrator only for a real true, "true" or 1', () => {
    for (const yes of [true, 'true', 1])
      expect(member({ id: 1, is_default_admin: yes }).isDefaultAdmin).toBe(true)
    for (const no of [false, 'false', 0, 'yes', null, {}, undefined]) {
      expect(member({ id: 1, is_default_admin: no }).isDefaultAdmin).toBe(false)
    }
    expect(member({ id: 1 }).isDefaultAdmin).toBe(false)
  })

  it('drops unreadable dates instead of passing "Invalid Date" on', () => {
    expect(member({ id: 1, created_at: 'yesterday-ish', last_login_at: null }).createdAt).toBeNull()
  })

  it('builds a name from full_name, else first + last, else email, else the ID', () => {
    expect(member({ id: 1, full_name: '  Zoë Ångström ' }).fullName).toBe('Zoë Ångström')
    expect(member({ id: 1, full_name: '', first_name: 'Ann', last_name: null }).fullName).toBe('Ann')
    expect(member({ id: 1, email: 'x@example.com' }).fullName).toBe('x@example.com')
    expect(member({ id: 77 }).fullName).toBe('Member #77')
  })

  it('accepts numeric-string IDs and rejects other IDs', () => {
    expect(member({ id: '1003' }).id).toBe(1003)
    expect(zodMessage(() => member({ id: 'abc' }))).toContain('data.id')
    expect(zodMessage(() => member({ id: 1.5 }))).toContain('data.id')
  })

  it('keeps only http(s) and data:image pictures', () => {
    expect(member({ id: 1, profile_pic: 'https://cdn.example.com/a.png' }).pictureUrl).toBe(
      'https://cdn.example.com/a.png',
    )
    expect(member({ id: 1, profile_pic: 'data:image/svg+xml,<svg/>' }).pictureUrl).toBe(
      'data:image/svg+xml,<svg/>',
    )
    expect(member({ id: 1, profile_pic: 'javascript:alert(1)' }).pictureUrl).toBeNull()
    expect(member({ id: 1, profile_pic: 'data:text/html,<b>' }).pictureUrl).toBeNull()
    expect(member({ id: 1, profile_pic: '/relative.png' }).pictureUrl).toBeNull()
    expect(member({ id: 1, profile_pic: null }).pictureUrl).toBeNull()
    // The one rule of lib/safe-url.ts, the same the avatar applies: no malformed data: URLs either.
    expect(member({ id: 1, profile_pic: 'data:image/png' }).pictureUrl).toBeNull()
    expect(member({ id: 1, profile_pic: 'data:image/svg+xml\n,<svg/>' }).pictureUrl).toBeNull()
  })

  it('reads groups as an array or wrapped in {data}, with string or number IDs', () => {
    expect(member({ id: 1, groups: { data: [{ id: 7, name: 'Ops' }] } }).groups).toEqual([
      { id: '7', name: 'Ops' },
    ])
    expect(member({ id: 1, groups: [{ id: 'abc', name: 'Sales' }] }).groups).toEqual([
      { id: 'abc', name: 'Sales' },
    ])
    expect(member({ id: 1, groups: { data: [] } }).groups).toEqual([])
  })

  it('tolerates decorative fields of the wrong type and ignores unknown fields', () => {
    const m = member({ id: 1, phone: 5551234, job_title: { x: 1 }, timezone: 'Europe/Paris', extra: [1, 2] })
    expect(m).toMatchObject({ phone: '5551234', jobTitle: null, timezone: 'Europe/Paris' })
    expect(m).not.toHaveProperty('extra')
  })

  it('a member without an ID costs only that record: the page keeps the others and names the path and type', () => {
    const page = parseMemberPage({ data: [{ id: 1 }, { email: 'x@example.com' }, { id: 3 }] })
    expect(page.items.map((m) => m.id)).toEqual([1, 3])
    expect(page.invalid).toEqual([
      {
        index: 1,
        issues: [{ path: 'data[1].id', expected: 'a member ID (a whole number)', received: 'missing' }],
      },
    ])
  })

  it.each([
    ['id: null', { id: null, email: 'secret@example.com' }, 'data[0].id', 'null'],
    [
      'groups: { data: null }',
      { id: 7, email: 'secret@example.com', groups: { data: null } },
      'data[0].groups',
      'object',
    ],
    ['id: "abc"', { id: 'abc', email: 'secret@example.com' }, 'data[0].id', 'string'],
  ])(
    'a record with %s is counted as unreadable, described by type and never by value',
    (_label, raw, path, received) => {
      const page = parseMemberPage({ data: [raw, { id: 2 }] })
      expect(page.items.map((m) => m.id)).toEqual([2])
      expect(page.invalid?.[0]?.issues[0]).toMatchObject({ path, received })
      expect(JSON.stringify(page.invalid)).not.toMatch(/secret|abc/)
    },
  )

  it('rejects a list whose data is not an array', () => {
    expect(zodMessage(() => parseMemberPage({ data: { id: 1 } }))).toContain('data')
    expect(zodMessage(() => parseMemberPage({ items: [] }))).toContain('data')
    expect(zodMessage(() => parseMemberPage('<html>'))).toMatch(/expected object/i)
  })

  it('rejects malformed group includes', () => {
    expect(zodMessage(() => member({ id: 1, groups: 'Sales' }))).toContain('data.groups')
  })
})

const meta = (pagination: Record<string, unknown>) => ({ data: [], meta: { pagination } })

describe('pagination', () => {
  it.each([
    ['object with next', { next: 'https://x/users?page=2', previous: null }, 'https://x/users?page=2'],
    ['object with null next', { next: null }, null],
    ['empty object', {}, null],
    ['empty array', [], null],
    ['absent', undefined, null],
  ])('reads links as %s', (_label, links, next) => {
    const p = parseMemberPage(meta({ total: 3, per_page: 100, current_page: 1, total_pages: 1, links }))
    expect(p.pagination?.next).toBe(next)
  })

  it('reads counts sent as numeric strings, and treats meta: [] or a missing pagination as no meta', () => {
    expect(
      parseMemberPage(meta({ total: '250', per_page: '100', current_page: '1' })).pagination,
    ).toMatchObject({
      total: 250,
      perPage: 100,
      currentPage: 1,
      totalPages: null,
    })
    expect(parseMemberPage({ data: [], meta: [] }).pagination).toBeNull()
    expect(parseMemberPage({ data: [], meta: {} }).pagination).toBeNull()
  })
})

describe('groups', () => {
  it('canonicalises member references', () => {
    expect(
      group({ id: 'g', members: [1001, '1002', '001003', 'user_id_1', { id: 1004 }] }).memberIds,
    ).toEqual(['1001', '1002', '1003', 'user_id_1', '1004'])
  })

  it('fills in numeric IDs, a missing name and updated_at, and marks missing lists as not known', () => {
    expect(group({ id: 42, updated_at: '2025-01-01T00:00:00Z' })).toEqual({
      id: '42',
      name: 'Untitled group',
      description: null,
      logo: null,
      memberIds: [],
      guests: [],
      membersKnown: false,
      guestsKnown: false,
      createdAt: null,
      updatedAt: '2025-01-01T00:00:00Z',
    })
  })

  it('tells a list that is empty from one the read came without (absent or null)', () => {
    expect(known(group({ id: 'g', members: [], guests: [] }))).toEqual([true, true])
    expect(known(group({ id: 'g', members: null, guests: [] }))).toEqual([false, true])
    expect(known(group({ id: 'g', members: [1001] }))).toEqual([true, false])
    expect(known(group({ id: 'g', members: null, guests: null }))).toEqual([false, false])
  })

  it('keeps the logo value as sent, and may take one from assets when logo is null', () => {
    expect(group({ id: 'g', logo: 'javascript:alert(1)' }).logo).toBe('javascript:alert(1)')
    expect(
      group({ id: 'g', logo: null, assets: { data: [{ id: 'a', url: 'https://cdn.example.com/l.png' }] } })
        .logo,
    ).toBe('https://cdn.example.com/l.png')
    expect(group({ id: 'g', logo: null, assets: { data: [{ id: 'a', filename: 'l.png' }] } }).logo).toBeNull()
  })

  it('parses a page of groups and rejects a group without an ID', () => {
    const page = parseGroupPage({ data: [{ id: 'a', name: 'A' }], meta: { pagination: { total: 1 } } })
    expect(page.items.map((g) => g.name)).toEqual(['A'])
    const bad = parseGroupPage({
      data: [{ name: 'no id' }, { id: 'b', members: [1001, null, '1002'] }, { id: 'c' }],
    })
    expect(bad.items.map((g) => g.id)).toEqual(['b', 'c'])
    // One null among a group's members names nobody: skipped, the group and its other members kept.
    expect(bad.items[0]?.memberIds).toEqual(['1001', '1002'])
    expect(bad.invalid?.map((r) => r.issues[0]?.path)).toEqual(['data[0].id'])
    expect(zodMessage(() => group({ id: '' }))).toContain('data.id')
  })
})

describe('me and organizations', () => {
  it('parses /me', () => {
    expect(parseMe({ data: { id: '5', first_name: 'Ada', last_name: 'L', profile_pic: 'ftp://x' } })).toEqual(
      {
        id: 5,
        email: null,
        fullName: 'Ada L',
        role: 'unknown',
        rawRole: null,
        pictureUrl: null,
      },
    )
  })

  it.each([
    [{ role: 'Admin' }, 'admin', 'Admin'],
    [{ role: ' ADMINISTRATOR ' }, 'admin', 'ADMINISTRATOR'],
    [{ user_role: 'admin' }, 'admin', 'admin'],
    [{ role: 'Standard', user_role: 'admin' }, 'standard', 'Standard'],
    [{ role: 'LIGHT' }, 'light', 'LIGHT'],
    [{ role: 'owner' }, 'unknown', 'owner'],
    [{ role: 7 }, 'unknown', '7'],
  ])('reads the role of /me from %j, whatever its case', (fields, role, rawRole) => {
    const me = parseMe({ data: { id: 5, ...fields } })
    expect(me).toMatchObject({ role, rawRole })
    expect(isAdmin(me)).toBe(role === 'admin')
  })

  it('parses /me/organizations tolerantly', () => {
    expect(
      parseOrganizations({ data: [{ id: 'abc', name: 'Acme', user_role: 'Admin' }, { id: 9 }] }),
    ).toEqual([
      { id: 'abc', name: 'Acme' },
      { id: '9', name: '9' },
    ])
  })
})

describe('guests', () => {
  // The shape of Tallyfy's get-guest example (tallyfy-api.md §8.3), trimmed.
  const docGuest = {
    id: 12,
    email: 'pat@client.example',
    first_name: 'Pat',
    last_name: 'Lee',
    created_at: '2025-01-10T09:00:00.000Z',
    deleted_at: null,
    last_accessed_at: '2025-05-15T14:30:00.000Z',
    link: 'https://go.tallyfy.com/x/guest/abc',
    details: {
      status: 'Client',
      phone_1: '+1 555 010 0101',
      company_name: 'Acme',
      company_url: 'https://acme.example',
      associated_members: [1001, '1002', 'x'],
      disabled_at: null,
      last_city: 'Boston',
      last_country: 'US',
    },
  }

  it('parses a guest, as GET /guests/{email} sends it (Tallyfy answers 201; the body is the same)', () => {
    expect(parseGuest({ data: docGuest })).toEqual({
      email: 'pat@client.example',
      firstName: 'Pat',
      lastName: 'Lee',
      name: 'Pat Lee',
      company: 'Acme',
      statusText: 'Client',
      disabledAt: null,
      lastAccessedAt: '2025-05-15T14:30:00.000Z',
      createdAt: '2025-01-10T09:00:00.000Z',
      phone: '+1 555 010 0101',
      timezone: null,
      companyUrl: 'https://acme.example/',
      lastCity: 'Boston',
      lastCountry: 'US',
      associatedMemberIds: [1001, 1002],
    })
  })

  it('accepts a guest with no details, null details or details of the wrong type', () => {
    for (const details of [undefined, null, 'oops', []]) {
      const guest = parseGuest({ data: { email: 'x@y.example', details } })
      expect(guest).toMatchObject({
        email: 'x@y.example',
        name: null,
        company: null,
        statusText: null,
        disabledAt: null,
        associatedMemberIds: [],
      })
    }
  })

  it('marks a guest disabled by details.disabled_at, or Swagger’s disabled_on', () => {
    const at = '2026-11-01T10:00:00Z'
    expect(parseGuest({ data: { ...docGuest, details: { disabled_at: at } } }).disabledAt).toBe(at)
    expect(parseGuest({ data: { ...docGuest, details: { disabled_on: at } } }).disabledAt).toBe(at)
    expect(
      parseGuest({ data: { ...docGuest, details: { disabled_at: 'not a date' } } }).disabledAt,
    ).toBeNull()
  })

  it('keeps a free-text status as written and refuses a non-http company URL', () => {
    const guest = parseGuest({
      data: {
        ...docGuest,
        details: { status: '  ON HOLD — ask Legal ', company_url: 'javascript:alert(1)' },
      },
    })
    expect(guest.statusText).toBe('ON HOLD — ask Legal')
    expect(guest.companyUrl).toBeNull()
  })

  it('parses a page of guests', () => {
    const page = parseGuestPage({
      data: [docGuest, { email: 'b@c.example' }],
      meta: { pagination: { total: 2, count: 2, per_page: 999, current_page: 1, total_pages: 1 } },
    })
    expect(page.items.map((g) => g.email)).toEqual(['pat@client.example', 'b@c.example'])
    expect(page.invalid).toEqual([])
    expect(page.pagination?.perPage).toBe(999)
  })

  it('a guest without an email costs only that record, counted by path and type, never by value', () => {
    const page = parseGuestPage({
      data: [
        docGuest,
        { first_name: 'Secret', last_name: 'Person' },
        { email: '  ' },
        { email: 'b@c.example' },
      ],
    })
    expect(page.items.map((g) => g.email)).toEqual(['pat@client.example', 'b@c.example'])
    expect(page.invalid).toEqual([
      { index: 1, issues: [expect.objectContaining({ path: 'data[1].email', received: 'missing' })] },
      { index: 2, issues: [expect.objectContaining({ path: 'data[2].email', received: 'string' })] },
    ])
    expect(JSON.stringify(page.invalid)).not.toMatch(/Secret|Person/)
  })

  it('rejects a guest list whose data is not an array', () => {
    expect(zodMessage(() => parseGuestPage({ data: { email: 'a@b.example' } }))).toContain('data')
  })
})
