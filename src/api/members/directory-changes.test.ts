import { describe, expect, it } from 'vitest'
import { makeMember } from '../../test/member-factory'
import {
  CHANGE_OVERLAP_MS,
  ChangeScan,
  FULL_READ_EVERY_MS,
  laterChange,
  mergeChanged,
  refreshKindFor,
} from './directory-changes'

// The rules of a refresh by change (#25), alone: when one may run, how a changed-first read is
// judged page by page, and how what it read goes into the rows held.

const NOW = Date.parse('2026-12-06T12:00:00Z')
const at = (iso: string) => Date.parse(iso)
const member = (id: number, updatedAt: string | null, name = `Member ${id}`) =>
  makeMember({ id, fullName: name, updatedAt })

describe('which refresh a complete directory gets', () => {
  it('by change while its last full read is under a day old and it knows where the reads got to', () => {
    const marks = { fullReadAt: NOW - 60 * 60_000, changedUpTo: '2026-12-06T10:00:00Z' }
    expect(refreshKindFor(marks, NOW)).toBe('changed')
  })

  it('a full read once a day has passed since the last one, whatever changed since', () => {
    expect(
      refreshKindFor({ fullReadAt: NOW - FULL_READ_EVERY_MS, changedUpTo: '2026-12-06T10:00:00Z' }, NOW),
    ).toBe('full')
    expect(
      refreshKindFor({ fullReadAt: NOW - FULL_READ_EVERY_MS + 1, changedUpTo: '2026-12-06T10:00:00Z' }, NOW),
    ).toBe('changed')
  })

  it('a full read when the directory does not know its last full read or the newest change (older data, no dates)', () => {
    expect(refreshKindFor({}, NOW)).toBe('full')
    expect(refreshKindFor({ fullReadAt: NOW - 1000, changedUpTo: null }, NOW)).toBe('full')
    expect(refreshKindFor({ fullReadAt: NOW - 1000, changedUpTo: 'not a date' }, NOW)).toBe('full')
  })

  it('a full read when the clock went back past the last full read (the device clock was changed)', () => {
    expect(refreshKindFor({ fullReadAt: NOW + 60_000, changedUpTo: '2026-12-06T10:00:00Z' }, NOW)).toBe(
      'full',
    )
  })
})

describe('a changed-first read, page by page', () => {
  const upTo = '2026-12-06T10:00:00.000000Z'

  it('stops once a page reaches a member older than the last read (less the overlap)', () => {
    const scan = new ChangeScan(upTo)
    scan.add([member(1, '2026-12-06T11:30:00Z'), member(2, '2026-12-06T10:30:00Z')])
    expect(scan.reachedOlder).toBe(false)
    // Within the overlap: read again, not yet older.
    scan.add([member(3, new Date(at(upTo) - CHANGE_OVERLAP_MS + 1000).toISOString())])
    expect(scan.reachedOlder).toBe(false)
    scan.add([member(4, '2026-12-06T09:00:00Z')])
    expect(scan.reachedOlder).toBe(true)
    expect(scan.monotonic).toBe(true)
    expect(scan.newest).toBe('2026-12-06T11:30:00Z')
  })

  it('is not monotonic when a later record is newer than an earlier one (the server ignored sort), across pages too', () => {
    const scan = new ChangeScan(upTo)
    scan.add([member(1, '2026-12-06T11:30:00Z'), member(2, '2026-12-06T11:00:00Z')])
    expect(scan.monotonic).toBe(true)
    scan.add([member(3, '2026-12-06T11:10:00Z')])
    expect(scan.monotonic).toBe(false)
  })

  it('takes equal times and both spellings of a time as in order, and leaves undated records unjudged', () => {
    const scan = new ChangeScan(upTo)
    scan.add([
      member(1, '2026-12-06T11:00:00.000000Z'),
      member(2, '2026-12-06T11:00:00.000Z'),
      member(3, null),
      member(4, '2026-12-06T10:59:59Z'),
    ])
    expect(scan.monotonic).toBe(true)
    expect(scan.reachedOlder).toBe(false)
  })
})

describe('merging what a refresh by change read', () => {
  it('replaces an updated member where they stand, adds a new one at the end, and keeps every other row as it was', () => {
    const rows = [member(1, 'a', 'Ann'), member(2, 'b', 'Bob'), member(3, 'c', 'Cy')]
    const bob = { ...member(2, '2026-12-06T11:00:00Z', 'Bob'), role: 'light' as const }
    const newcomer = member(9, '2026-12-06T11:30:00Z', 'Nia')
    const merged = mergeChanged(rows, [newcomer, bob])
    expect(merged.map((m) => m.fullName)).toEqual(['Ann', 'Bob', 'Cy', 'Nia'])
    expect(merged[1]?.role).toBe('light')
    expect(merged[0]).toBe(rows[0])
    expect(merged[2]).toBe(rows[2])
  })

  it('returns the same rows when nothing changed (no re-render of the table)', () => {
    const rows = [member(1, 'a')]
    expect(mergeChanged(rows, [])).toBe(rows)
  })

  it('cannot see a removal: the count is unchanged, which is why the total is checked after', () => {
    const rows = [member(1, 'a'), member(2, 'b')]
    expect(mergeChanged(rows, [member(2, 'c')])).toHaveLength(2)
  })
})

describe('laterChange', () => {
  it('compares times, not text, and ignores what is missing or unreadable', () => {
    expect(laterChange('2026-12-06T10:00:00.000000Z', '2026-12-06T10:00:01Z')).toBe('2026-12-06T10:00:01Z')
    expect(laterChange('2026-12-06T10:00:00Z', null)).toBe('2026-12-06T10:00:00Z')
    expect(laterChange(null, 'junk')).toBeNull()
  })
})
