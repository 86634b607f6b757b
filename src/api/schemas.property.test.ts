// The wire parsers of members, groups and guests, fuzzed with answers of any shape: hostile strings,
// numbers (NaN, ±Infinity, huge, negative, fractional), nesting and sizes. Each parser promises to
// return a domain record (or a page of them, with the unreadable ones named) or to throw a zod error
// that the client turns into ApiError('invalid-response'); nothing else may escape. What it returns
// holds only safe URLs, and what it says about an unreadable record names paths and JSON types, never
// a value out of the record.
/* oxlint-disable vitest/no-conditional-expect, vitest/expect-expect -- a property says what holds for
   each kind of input (the conditions pick the kind), and its assertions sit inside fc.assert. */
import * as fc from 'fast-check'
import { core, prettifyError } from 'zod/mini'
import { describe, expect, it } from 'vitest'
import { hostileNumber, hostileRecord, hostileString, hostileValue } from '../test/arbitraries'
import { parseGroup, parseGroupPage, parseGroupRead } from './groups/schema'
import { parseGuest, parseGuestPage } from './guests/schema'
import { parseMember, parseMemberPage } from './members/schema'
import type { Page } from './wire'

const memberKeys = [
  'id',
  'email',
  'username',
  'first_name',
  'last_name',
  'full_name',
  'profile_pic',
  'job_title',
  'phone',
  'timezone',
  'role',
  'user_role',
  'status',
  'created_at',
  'activated_at',
  'last_login_at',
  'last_updated',
  'updated_at',
  'groups',
  'is_default_admin',
]
const groupKeys = [
  'id',
  'name',
  'description',
  'logo',
  'members',
  'guests',
  'created_at',
  'last_updated',
  'updated_at',
  'assets',
]
const guestKeys = ['email', 'first_name', 'last_name', 'created_at', 'last_accessed_at', 'details']
const paginationKeys = ['total', 'count', 'per_page', 'current_page', 'total_pages', 'links']

/** A value a record's key may well hold: a plausible one or a hostile one. */
const nearlyRight = fc.oneof(
  hostileValue,
  fc.nat({ max: 99_999 }),
  fc.constantFrom(
    'https://cdn.example/p.png',
    'javascript:alert(1)',
    'data:image/png;base64,AAAA',
    '2026-11-20T09:00:00Z',
  ),
  fc.array(
    fc.oneof(
      fc.nat({ max: 5000 }),
      hostileString(8),
      fc.record({ id: hostileValue, email: hostileValue }, { requiredKeys: [] }),
    ),
    {
      maxLength: 5,
    },
  ),
)

const record = (keys: readonly string[]) =>
  fc
    .tuple(
      hostileRecord(keys),
      fc.dictionary(fc.constantFrom(...keys), nearlyRight, { maxKeys: keys.length }),
    )
    .map(([a, b]) => ({ ...a, ...b }))

const pagination = fc.oneof(
  hostileValue,
  fc.dictionary(
    fc.constantFrom(...paginationKeys),
    fc.oneof(hostileNumber, hostileValue, fc.nat().map(String)),
    {
      maxKeys: paginationKeys.length,
    },
  ),
)

/** A whole answer: an envelope (or not) around records (or not), with a meta (or not). */
function answer(keys: readonly string[], list: boolean) {
  const data = list
    ? fc.oneof(fc.array(fc.oneof(record(keys), hostileValue), { maxLength: 6 }), hostileValue)
    : fc.oneof(record(keys), hostileValue)
  return fc.oneof(
    {
      weight: 4,
      arbitrary: fc.record(
        { data, meta: fc.oneof(fc.record({ pagination }), hostileValue, fc.constant([])) },
        { requiredKeys: ['data'] },
      ),
    },
    { weight: 1, arbitrary: hostileValue },
  )
}

/** Calls a parser; fails the property if anything but a zod error escapes it. */
function readOrRefuse<T>(parse: (json: unknown) => T, json: unknown): T | null {
  try {
    return parse(json)
  } catch (error) {
    if (!(error instanceof core.$ZodError))
      throw new Error(`not a zod error: ${String(error)}`, { cause: error })
    // What the client keeps for a bug report (ApiError.details): paths and types, never a value.
    assertNoValues(prettifyError(error), json)
    return null
  }
}

/** Every string of the input at least 8 characters long (and not an ordinary word) must be absent. */
function assertNoValues(text: string, json: unknown) {
  const values: string[] = []
  const walk = (v: unknown) => {
    if (typeof v === 'string') values.push(v)
    else if (Array.isArray(v)) v.forEach(walk)
    else if (v && typeof v === 'object') Object.values(v).forEach(walk)
  }
  walk(json)
  for (const value of values) {
    if (value.trim().length >= 8 && !/^[A-Za-z ]+$/.test(value)) expect(text).not.toContain(value)
  }
}

const isSafeUrl = (url: string | null) => url === null || /^(https?:\/\/|data:image\/)/i.test(url)

function assertPage<T>(page: Page<T> | null, json: unknown, check: (item: T) => void) {
  if (page === null) return
  expect(Array.isArray(page.items)).toBe(true)
  const data = (json as { data: unknown[] }).data
  // Every record is either read or named as unreadable, never both, never lost.
  expect(page.items.length + (page.invalid?.length ?? 0)).toBe(data.length)
  for (const item of page.items) check(item)
  for (const invalid of page.invalid ?? []) {
    for (const issue of invalid.issues)
      assertNoValues(`${issue.path} ${issue.expected} ${issue.received}`, data[invalid.index])
    expect(invalid.issues.length).toBeGreaterThan(0)
  }
  if (page.pagination) {
    for (const n of [
      page.pagination.total,
      page.pagination.perPage,
      page.pagination.totalPages,
      page.pagination.currentPage,
      page.pagination.count,
    ])
      if (n !== null) expect(Number.isSafeInteger(n) && n >= 0).toBe(true)
  }
}

function checkMember(m: ReturnType<typeof parseMember>) {
  expect(Number.isSafeInteger(m.id) && m.id >= 0).toBe(true)
  expect(typeof m.fullName).toBe('string')
  expect(['admin', 'standard', 'light', 'unknown']).toContain(m.role)
  expect(['active', 'invited', 'disabled', 'unknown']).toContain(m.status)
  expect(isSafeUrl(m.pictureUrl)).toBe(true)
  for (const g of m.groups ?? []) expect(typeof g.id === 'string' && g.id.trim() !== '').toBe(true)
}

function checkGroup(g: ReturnType<typeof parseGroup>) {
  expect(typeof g.id === 'string' && g.id.trim() !== '').toBe(true)
  expect(typeof g.name).toBe('string')
  // The logo stays as Tallyfy stored it (a free string): the page refuses an unsafe one (group-logo.ts).
  expect(g.logo === null || typeof g.logo === 'string').toBe(true)
  for (const id of g.memberIds) expect(typeof id).toBe('string')
  for (const email of g.guests) expect(email).toBe(email.trim())
  // A list that was not in the answer is never taken for an empty one.
  if (!g.membersKnown) expect(g.memberIds).toEqual([])
  if (!g.guestsKnown) expect(g.guests).toEqual([])
}

function checkGuest(g: ReturnType<typeof parseGuest>) {
  expect(typeof g.email === 'string' && g.email.trim() !== '').toBe(true)
  expect(g.companyUrl === null || /^https?:\/\//i.test(g.companyUrl)).toBe(true)
  for (const id of g.associatedMemberIds) expect(['string', 'number']).toContain(typeof id)
}

const runs = { numRuns: 90 }

describe('member parsers, fuzzed', () => {
  it('parseMember reads a member or refuses with a zod error', () => {
    fc.assert(
      fc.property(answer(memberKeys, false), (json) => {
        const member = readOrRefuse(parseMember, json)
        if (member) checkMember(member)
      }),
      runs,
    )
  })
  it('parseMemberPage reads every record or names it unreadable, and believes only sane counts', () => {
    fc.assert(
      fc.property(answer(memberKeys, true), (json) =>
        assertPage(readOrRefuse(parseMemberPage, json), json, checkMember),
      ),
      runs,
    )
  })
})

describe('group parsers, fuzzed', () => {
  it('parseGroup and parseGroupRead agree, or both refuse', () => {
    fc.assert(
      fc.property(answer(groupKeys, false), (json) => {
        const group = readOrRefuse(parseGroup, json)
        const read = readOrRefuse(parseGroupRead, json)
        expect(read?.group ?? null).toEqual(group)
        if (group && read) {
          checkGroup(group)
          expect(read.read).toEqual({ members: group.membersKnown, guests: group.guestsKnown })
        }
      }),
      runs,
    )
  })
  it('parseGroupPage reads every record or names it unreadable', () => {
    fc.assert(
      fc.property(answer(groupKeys, true), (json) =>
        assertPage(readOrRefuse(parseGroupPage, json), json, checkGroup),
      ),
      runs,
    )
  })
})

describe('guest parsers, fuzzed', () => {
  it('parseGuest reads a guest or refuses with a zod error', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          answer(guestKeys, false),
          record([
            'company_url',
            'company_name',
            'status',
            'disabled_at',
            'associated_members',
            'phone_1',
          ]).map((details) => ({
            data: { email: 'pat@x.example', details },
          })),
        ),
        (json) => {
          const guest = readOrRefuse(parseGuest, json)
          if (guest) checkGuest(guest)
        },
      ),
      runs,
    )
  })
  it('parseGuestPage reads every record or names it unreadable', () => {
    fc.assert(
      fc.property(answer(guestKeys, true), (json) =>
        assertPage(readOrRefuse(parseGuestPage, json), json, checkGuest),
      ),
      runs,
    )
  })
})
