import { describe, expect, it } from 'vitest'
import { RETURN_TO_MAX_LENGTH, safeReturnTo } from './return-to'

const ORIGIN = 'https://roster.example'
const rosterPage = /^\/(?:overview|(?:members|groups|guests)(?:\/[^/]+)?)\/?$/

// What `searchParams.get('returnTo')` hands the sign-in page: the query value, decoded once.
const tricks: Array<[string, string]> = [
  ['a tab, percent-encoded', '/%09/evil.example'],
  ['a tab', '/\t/evil.example'],
  ['a newline', '/\n/evil.example'],
  ['a carriage return inside the host', '/\r\n/evil.example'],
  ['a NUL', '/\u0000/evil.example'],
  ['a backslash', '/\\evil.example'],
  ['two backslashes', '\\\\evil.example'],
  ['a backslash after a page', '/members/\\evil.example'],
  ['a backslash, percent-encoded', '/%5Cevil.example'],
  ['a backslash, lower-case encoding', '/%5cevil.example'],
  ['a protocol-relative URL', '//evil.example'],
  ['a protocol-relative URL with a path', '//evil.example/members'],
  ['slashes, percent-encoded', '/%2F%2Fevil.example'],
  ['slashes, lower-case encoding', '/%2f%2fevil.example'],
  ['a slash then an encoded one', '/%2Fevil.example'],
  ['a space before the slashes', ' //evil.example'],
  ['an absolute URL', 'https://evil.example'],
  ['an absolute URL on this path', 'https://evil.example/members'],
  ['a scheme-relative https', 'https:evil.example'],
  ['javascript:', 'javascript:alert(document.domain)'],
  ['javascript: after a slash', '/javascript:alert(1)'],
  ['data:', 'data:text/html,<script>alert(1)</script>'],
  ['a non-breaking space', '/\u00a0/evil.example'],
  ['a zero-width space', '/\u200b/evil.example'],
  ['a line separator', '/\u2028/evil.example'],
  ['a byte-order mark', '\ufeff//evil.example'],
  ['a malformed escape', '/members/%E0%A4%A'],
  ['the sign-in page', '/sign-in'],
  ['the sign-in page with its own returnTo', '/sign-in?returnTo=//evil.example'],
  ['a page Roster does not have', '/admin'],
  ['too deep a path', '/members/3/edit'],
  ['a dot segment that leaves the pages', '/members/../evil.example'],
  ['an empty value', ''],
  ['a very long value', `/members?q=${'a'.repeat(RETURN_TO_MAX_LENGTH)}`],
]

describe('safeReturnTo', () => {
  it.each(tricks)('refuses %s (%j)', (_label, value) => {
    expect(safeReturnTo(value, ORIGIN)).toBeNull()
  })

  it.each([
    ['/members', '/members'],
    ['/members/3', '/members/3'],
    ['/members/', '/members/'],
    ['/overview?inactive=30', '/overview?inactive=30'],
    ['/groups?q=a&sort=-name', '/groups?q=a&sort=-name'],
    ['/groups/0123456789abcdef0123456789abcdef', '/groups/0123456789abcdef0123456789abcdef'],
    ['/guests/ana%40client.example', '/guests/ana%40client.example'],
    ['/members?q=caf%C3%A9#top', '/members?q=caf%C3%A9#top'],
    // A search may hold what a path may not: it is only ever read as the list's search.
    ['/members?q=%5C%2F%2F', '/members?q=%5C%2F%2F'],
  ])('keeps a Roster page: %j', (value, expected) => {
    expect(safeReturnTo(value, ORIGIN)).toBe(expected)
  })

  it('refuses nothing at all', () => {
    expect(safeReturnTo(null, ORIGIN)).toBeNull()
    expect(safeReturnTo(undefined, ORIGIN)).toBeNull()
  })

  it('whatever it accepts resolves to this origin and a Roster page, also under a prefix of junk', () => {
    const prefixes = ['', '/', '//', '/\\', '/%2F', '/%09', '/%5C', '/./', '/../', '/.%2E/']
    const middles = ['', 'evil.example', '@evil.example', ':443', '%00', 'members', 'members/3']
    const suffixes = ['', '/', '//x', '?q=1', '#h', '/%2e%2e/', '\\x']
    for (const a of prefixes)
      for (const b of middles)
        for (const c of suffixes) {
          const accepted = safeReturnTo(`${a}${b}${c}`, ORIGIN)
          if (accepted === null) continue
          const url = new URL(accepted, ORIGIN)
          expect(url.origin, `${a}${b}${c}`).toBe(ORIGIN)
          expect(url.pathname, `${a}${b}${c}`).toMatch(rosterPage)
        }
  })
})
