import { describe, expect, it } from 'vitest'
import { groupLogoSrc } from './group-logo'

describe('groupLogoSrc', () => {
  it.each([
    'http://cdn.example.com/logo.png',
    'https://cdn.example.com/logo.png?v=2',
    'data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=',
    'data:image/png;base64,iVBORw0KGgo=',
    'data:image/svg+xml,%3Csvg%3E%3C/svg%3E',
  ])('accepts %s', (url) => {
    expect(groupLogoSrc(url)).not.toBeNull()
  })

  it.each([
    ['javascript', 'javascript:alert(1)'],
    ['javascript with odd casing and spaces', ' JaVaScRiPt:alert(1)'],
    ['an HTML data URL', 'data:text/html,<script>alert(1)</script>'],
    ['a relative path', '/logos/1.png'],
    ['a protocol-relative URL', '//evil.example/logo.png'],
    ['an empty string', ''],
    ['blank space', '   '],
    ['null', null],
    ['undefined', undefined],
  ])('refuses %s', (_, url) => {
    expect(groupLogoSrc(url)).toBeNull()
  })
})
