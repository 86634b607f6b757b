import { describe, expect, it } from 'vitest'
import { backLinkState, backLinkTarget } from './back-link'

describe('back links', () => {
  it('returns to the list URL it was given, or to the plain list', () => {
    expect(backLinkTarget(backLinkState('/members', '?q=zoe&sort=-name'), '/members')).toBe(
      '/members?q=zoe&sort=-name',
    )
    expect(backLinkTarget({ backTo: '/groups?sort=-members' }, '/groups')).toBe('/groups?sort=-members')
    expect(backLinkTarget({ backTo: '/members' }, '/members')).toBe('/members')
    expect(backLinkTarget(null, '/members')).toBe('/members')
  })

  it('never follows history state to another origin, path or list', () => {
    expect(backLinkTarget({ backTo: 'https://evil.example' }, '/members')).toBe('/members')
    expect(backLinkTarget({ backTo: '//evil.example/members' }, '/members')).toBe('/members')
    expect(backLinkTarget({ backTo: '/members/../sign-in' }, '/members')).toBe('/members')
    expect(backLinkTarget({ backTo: '/membersx?q=1' }, '/members')).toBe('/members')
    expect(backLinkTarget({ backTo: '/groups?q=a' }, '/members')).toBe('/members')
    expect(backLinkTarget({ backTo: '/members?q=a#x' }, '/members')).toBe('/members')
    expect(backLinkTarget({ backTo: 42 }, '/members')).toBe('/members')
  })
})
