import { describe, expect, it } from 'vitest'
import type { Member } from '../../api/types'
import { splitTerms } from '../../lib/text'
import { makeMember } from '../../test/member-factory'
import {
  buildSearchIndex,
  searchIndexFor,
  createMemberSearch,
  narrows,
  type MemberFilter,
} from './member-search'

const member = (id: number, fullName: string, email: string | null, extra: Partial<Member> = {}) =>
  makeMember({ id, fullName, email, ...extra })

const members = [
  member(1, 'Mateo Álvarez', 'mateo@example.com', { role: 'admin' }),
  member(2, 'Zoë Ångström', 'zoe.a@example.org', { status: 'invited' }),
  member(3, 'Ann Smith', 'ann.smith@example.com', { role: 'light', status: 'invited' }),
  member(4, 'Annabel Jones', null, { status: 'disabled' }),
  member(5, 'Smith Annex', 'x@example.com'),
]
const index = buildSearchIndex(members)

function names(filter: Partial<MemberFilter> & { q?: string }) {
  const result = createMemberSearch(members, (m) => members.indexOf(m), index).filter({
    terms: splitTerms(filter.q ?? ''),
    role: filter.role ?? null,
    status: filter.status ?? null,
  })
  return { names: result.rows.map((m) => m.fullName), result }
}

describe('member search', () => {
  it('finds by name or email, ignoring case and accents', () => {
    expect(names({ q: 'alvarez' }).names).toEqual(['Mateo Álvarez'])
    expect(names({ q: 'ZOE' }).names).toEqual(['Zoë Ångström'])
    expect(names({ q: 'example.org' }).names).toEqual(['Zoë Ångström'])
  })
  it('needs every word, each in any field', () => {
    expect(names({ q: 'ann smith' }).names).toEqual(['Ann Smith', 'Smith Annex'])
    expect(names({ q: 'annabel smith' }).names).toEqual([])
  })
  it('does not match across the name and the email', () => {
    // "Ann Smith" + "ann.smith@..." must not form "smithann".
    expect(names({ q: 'smithann' }).names).toEqual([])
  })
  it('keeps the given order and shows everyone without a query', () => {
    expect(names({}).names).toHaveLength(5)
  })
  it('combines search with role and status filters and counts the options', () => {
    const { names: shown, result } = names({ q: 'ann', status: 'invited' })
    expect(shown).toEqual(['Ann Smith'])
    // Roles counted among "ann" matches that are invited.
    expect(result.roleCounts).toEqual({ admin: 0, standard: 0, light: 1, unknown: 0 })
    // Statuses counted among "ann" matches of any role.
    expect(result.statusCounts).toEqual({ active: 1, invited: 1, disabled: 1, unknown: 0 })
    expect(names({ role: 'admin' }).names).toEqual(['Mateo Álvarez'])
  })
})

const search = () => createMemberSearch(members, (m) => members.indexOf(m), index)
const run = (s: ReturnType<typeof search>, q: string) =>
  s.filter({ terms: splitTerms(q), role: null, status: null }).rows.map((m) => m.fullName)

describe('typing on narrows the previous matches', () => {
  it('knows when a query can only match fewer members', () => {
    expect(narrows(['an'], ['ann'])).toBe(true)
    expect(narrows(['an'], ['smith', 'ann'])).toBe(true)
    expect(narrows(['ann'], ['an'])).toBe(false)
    expect(narrows(['ann', 'smith'], ['ann'])).toBe(false)
  })

  it('gives what a fresh search gives, key by key, forward and back', () => {
    const s = search()
    const queries = [
      'a',
      'an',
      'ann',
      'ann s',
      'ann sm',
      'ann s',
      'ann',
      'an',
      'z',
      'zo',
      '',
      'smith',
      'smithx',
    ]
    // Each query's result beside it, so a failure names the query.
    expect(queries.map((q) => [q, run(s, q)])).toEqual(queries.map((q) => [q, names({ q }).names]))
  })

  it('counts the options from the matches, whatever the previous query was', () => {
    const s = search()
    run(s, 'annabel')
    const again = s.filter({ terms: splitTerms('ann'), role: null, status: 'invited' })
    expect(again.rows.map((m) => m.fullName)).toEqual(['Ann Smith'])
    expect(again.statusCounts).toEqual({ active: 1, invited: 1, disabled: 1, unknown: 0 })
  })
})

describe('searchIndexFor, as the directory grows', () => {
  it('extends the index as the list grows, equal to a fresh build, and builds anew when a member was replaced', () => {
    const first = members.slice(0, 3)
    const a = searchIndexFor(first)
    expect(searchIndexFor(first)).toBe(a)
    const grown = searchIndexFor(members)
    expect(grown).toEqual(buildSearchIndex(members))
    expect(a.text).toHaveLength(3) // the earlier index is not changed in place
    const patched = members.map((m) =>
      m.id === 1 ? { ...m, fullName: 'Mateo Ruiz', role: 'light' as const } : m,
    )
    expect(searchIndexFor(patched)).toEqual(buildSearchIndex(patched))
  })
})
