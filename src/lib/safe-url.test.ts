import { describe, expect, it } from 'vitest'
import { safeHttpUrl, safeImageUrl } from './safe-url'

const png =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=='
const svg = 'data:image/svg+xml,%3Csvg xmlns=%22http://www.w3.org/2000/svg%22/%3E'

describe('safeHttpUrl', () => {
  it.each([
    ['https://example.com/a?b=1', 'https://example.com/a?b=1'],
    ['http://example.com', 'http://example.com/'],
    ['  https://example.com/x  ', 'https://example.com/x'],
    ['HTTPS://Example.com/', 'https://example.com/'],
  ])('keeps %j', (input, expected) => {
    expect(safeHttpUrl(input)).toBe(expected)
  })

  it.each([
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    ' javascript:alert(1)',
    'java\tscript:alert(1)',
    'java\nscript:alert(1)',
    '\u0000javascript:alert(1)',
    'javascript\u200b:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    png,
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
    'ftp://example.com/',
    '/members/1',
    '//evil.example/x',
    'example.com',
    'https://exa mple.com',
    '',
    '   ',
    null,
    undefined,
    42,
  ])('refuses %j', (input) => {
    expect(safeHttpUrl(input)).toBeNull()
  })
})

describe('safeImageUrl', () => {
  it('keeps http(s) and data:image URLs', () => {
    expect(safeImageUrl('https://cdn.example.com/p.png')).toBe('https://cdn.example.com/p.png')
    expect(safeImageUrl(png)).toBe(png)
    expect(safeImageUrl(svg)).toBe(svg)
    expect(safeImageUrl(' data:image/jpeg;base64,AAAA ')).toBe('data:image/jpeg;base64,AAAA')
  })

  it.each([
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
    'data:image/png',
    'data:,hello',
    'data:image/svg+xml\n,<svg/>',
    'blob:https://example.com/1234',
    'logo.png',
    '/logo.png',
    null,
  ])('refuses %j', (input) => {
    expect(safeImageUrl(input)).toBeNull()
  })
})
