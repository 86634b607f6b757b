import { describe, expect, it } from 'vitest'
import { canonicalMemberId, toWireMemberId } from './member-id'

describe('canonicalMemberId', () => {
  it.each([
    [1001, '1001'],
    ['1001', '1001'],
    [' 1001 ', '1001'],
    ['01001', '1001'],
    ['0', '0'],
    ['000', '0'],
  ])('%j is member %j', (raw, canonical) => {
    expect(canonicalMemberId(raw)).toBe(canonical)
  })

  it('keeps every digit of an ID beyond 2^53', () => {
    expect(canonicalMemberId('0012345678901234567890')).toBe('12345678901234567890')
  })

  it('keeps a non-numeric ID as it is, trimmed', () => {
    expect(canonicalMemberId(' user_abc ')).toBe('user_abc')
    expect(canonicalMemberId('-4')).toBe('-4')
    expect(canonicalMemberId('1e3')).toBe('1e3')
    expect(canonicalMemberId('  ')).toBe('')
  })
})

describe('toWireMemberId', () => {
  it('sends the integer for any spelling of a numeric ID', () => {
    expect(toWireMemberId('1001')).toBe(1001)
    expect(toWireMemberId(' 01001 ')).toBe(1001)
    expect(toWireMemberId(7)).toBe(7)
  })

  it('sends anything else as its canonical string', () => {
    expect(toWireMemberId(' user_abc ')).toBe('user_abc')
  })
})
