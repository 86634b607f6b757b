import { describe, expect, it } from 'vitest'
import { describeCount, formatCount, formatDate, formatDateTime, formatRelative, parseTime } from './format'

// The test runner's locale is en-US (Node's default here).
describe('counts', () => {
  it('groups thousands', () => {
    expect(formatCount(1242)).toBe('1,242')
  })
  it('says how many are shown', () => {
    expect(describeCount(1242, 1242)).toBe('1,242 members')
    expect(describeCount(12, 1242)).toBe('12 of 1,242 members')
    expect(describeCount(1, 1)).toBe('1 member')
    expect(describeCount(0, 3)).toBe('0 of 3 members')
    expect(describeCount(2, 2, { one: 'guest', other: 'guests' })).toBe('2 guests')
  })
})

describe('dates', () => {
  const now = Date.parse('2026-05-10T12:00:00Z')
  it('returns null for missing or invalid dates', () => {
    expect(formatDate(null)).toBeNull()
    expect(formatDateTime('not a date')).toBeNull()
    expect(formatRelative(undefined, now)).toBeNull()
    expect(parseTime('')).toBeNull()
  })
  it('formats a date and a date-time', () => {
    expect(formatDate('2026-05-07T12:00:00Z')).toMatch(/May 7, 2026/)
    expect(formatDateTime('2026-05-07T12:00:00Z')).toMatch(/May 7, 2026.*\d/)
  })
  it('says how long ago', () => {
    expect(formatRelative('2026-05-07T12:00:00Z', now)).toBe('3 days ago')
    expect(formatRelative('2026-05-09T12:00:00Z', now)).toBe('yesterday')
    expect(formatRelative('2026-05-10T09:00:00Z', now)).toBe('3 hours ago')
    expect(formatRelative('2026-05-10T11:59:40Z', now)).toBe('just now')
    expect(formatRelative('2024-05-10T12:00:00Z', now)).toBe('2 years ago')
  })
})
