import { describe, expect, it } from 'vitest'
import { isValidEmail as looksLikeEmail } from '../../lib/email'
import { guestEntries } from './guests'

describe('guestEntries', () => {
  it('links plain email addresses to the guest page, the email URL-encoded', () => {
    expect(guestEntries(['sam@client.example', ' pat.o+x@sub.client.co.uk '])).toEqual([
      { label: 'sam@client.example', href: '/guests/sam%40client.example' },
      { label: 'pat.o+x@sub.client.co.uk', href: '/guests/pat.o%2Bx%40sub.client.co.uk' },
    ])
  })

  it('shows anything else as text, with no link', () => {
    expect(
      guestEntries(['Sam from Acme', 'javascript:alert(1)//@x.com', 'a@b.com?bcc=c@d.com', 'no-domain@']),
    ).toEqual([
      { label: 'Sam from Acme', href: null },
      { label: 'javascript:alert(1)//@x.com', href: null },
      { label: 'a@b.com?bcc=c@d.com', href: null },
      { label: 'no-domain@', href: null },
    ])
  })

  it('drops blanks and repeats (case-insensitively)', () => {
    expect(guestEntries(['a@b.com', '', '  ', 'A@B.com']).map((g) => g.label)).toEqual(['a@b.com'])
  })

  it('knows an email from a near miss', () => {
    expect(looksLikeEmail('x@y.io')).toBe(true)
    expect(looksLikeEmail('x@y')).toBe(false)
    expect(looksLikeEmail('x y@z.io')).toBe(false)
    expect(looksLikeEmail('<x@z.io>')).toBe(false)
  })
})
