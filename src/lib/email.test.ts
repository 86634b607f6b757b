import { describe, expect, it } from 'vitest'
import { guestKey, isValidEmail } from './email'

describe('isValidEmail', () => {
  it.each([
    'x@y.io',
    'sam@client.example',
    'pat.o+x@sub.client.co.uk',
    "o'brien@example.ie",
    'first_last-2@my-host.example.com',
  ])('accepts %j', (value) => {
    expect(isValidEmail(value)).toBe(true)
  })

  it.each([
    'a@b.com?bcc=c@d.com',
    'a@b.com&cc=c@d.com',
    'a@b.com,c@d.com',
    'a@b.com;c@d.com',
    'x y@z.io',
    ' x@z.io',
    'x@z.io\n',
    '<x@z.io>',
    '"x"@z.io',
    'x@z.io#frag',
    'x%40y@z.io',
    'javascript:alert(1)//@x.com',
    'x@y',
    'no-domain@',
    '@no-local.io',
    'two@@ats.io',
    'a@b@c.io',
    'x@z..io',
    'x@.z.io',
    'Sam from Acme',
    '',
    `${'a'.repeat(250)}@b.io`,
  ])('refuses %j', (value) => {
    expect(isValidEmail(value)).toBe(false)
  })
})

describe('guestKey', () => {
  it('is one key however the address is cased or padded', () => {
    expect(guestKey('Pat@X.example')).toBe('pat@x.example')
    expect(guestKey('  pat@x.example ')).toBe('pat@x.example')
    expect(guestKey(' PAT@x.EXAMPLE\t')).toBe(guestKey('pat@x.example'))
  })

  it('keeps what is not an address, only trimmed and lowercased', () => {
    expect(guestKey(' Visitor ')).toBe('visitor')
    expect(guestKey('   ')).toBe('')
  })
})
