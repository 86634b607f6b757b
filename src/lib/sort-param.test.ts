import { describe, expect, it } from 'vitest'
import { formatSortingParam, parseSortingParam } from './sort-param'

const allowed = ['name', 'email', 'role']
const fallback = [{ id: 'name', desc: false }]

describe('sorting in the URL', () => {
  it('reads column IDs with "-" for descending, dropping unknown and repeated ones', () => {
    expect(parseSortingParam('-role,name', allowed, fallback)).toEqual([
      { id: 'role', desc: true },
      { id: 'name', desc: false },
    ])
    expect(parseSortingParam('bogus,-email,email', allowed, fallback)).toEqual([{ id: 'email', desc: true }])
  })

  it('falls back to the default for nothing valid', () => {
    expect(parseSortingParam(null, allowed, fallback)).toBe(fallback)
    expect(parseSortingParam('', allowed, fallback)).toBe(fallback)
    expect(parseSortingParam('<script>', allowed, fallback)).toBe(fallback)
  })

  it('writes the default as nothing and anything else compactly', () => {
    expect(formatSortingParam([{ id: 'name', desc: false }], fallback)).toBeNull()
    expect(formatSortingParam([{ id: 'name', desc: true }], fallback)).toBe('-name')
    expect(
      formatSortingParam(
        [
          { id: 'role', desc: false },
          { id: 'name', desc: true },
        ],
        fallback,
      ),
    ).toBe('role,-name')
  })
})

describe('parseSortingParam identity', () => {
  const ids = ['name', 'email'] as const
  const byName = [{ id: 'name' as const, desc: false }]
  it('gives the same array for the same value, so a table does not re-sort when only the search changed', () => {
    const a = parseSortingParam('-email,name', ids, byName)
    expect(parseSortingParam('-email,name', ids, byName)).toBe(a)
    expect(parseSortingParam('email', ids, byName)).not.toBe(a)
    expect(parseSortingParam('email', ids, byName)).toEqual([{ id: 'email', desc: false }])
  })
})
