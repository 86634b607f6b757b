import { describe, expect, it } from 'vitest'
import { checkLogoFile, LOGO_MAX_BYTES } from './logo-file'

const file = (name: string, type: string, size: number) => ({ name, type, size })

describe('checkLogoFile (refused before any upload)', () => {
  it.each([
    ['a PNG', file('logo.png', 'image/png', 10_000)],
    ['a JPEG', file('logo.jpg', 'image/jpeg', 10_000)],
    ['a GIF', file('logo.gif', 'image/gif', 10_000)],
    ['an upper-case type', file('LOGO.PNG', 'IMAGE/PNG', 10_000)],
    ['a file without a type but with an image extension', file('logo.jpeg', '', 10_000)],
    ['one byte under 2,048 KB', file('big.png', 'image/png', LOGO_MAX_BYTES - 1)],
  ])('takes %s', (_, f) => {
    expect(checkLogoFile(f)).toBeNull()
  })

  it.each([
    ['text', file('notes.txt', 'text/plain', 5)],
    ['an SVG (not one of the three)', file('logo.svg', 'image/svg+xml', 500)],
    ['a WebP', file('logo.webp', 'image/webp', 500)],
    ['a PDF named like an image', file('logo.png', 'application/pdf', 500)],
    ['no type and no image extension', file('logo', '', 500)],
  ])('refuses %s as the wrong type, naming the file', (_, f) => {
    expect(checkLogoFile(f)).toBe(`${f.name} is not a JPG, PNG or GIF image. Choose one of those.`)
  })

  it('refuses exactly 2,048 KB and more, with the size and the limit', () => {
    expect(LOGO_MAX_BYTES).toBe(2048 * 1024)
    expect(checkLogoFile(file('edge.png', 'image/png', LOGO_MAX_BYTES))).toMatch(
      /^edge\.png is 2.?048 KB; a logo must be under 2,048 KB\.$/,
    )
    expect(checkLogoFile(file('huge.gif', 'image/gif', 5 * 1024 * 1024))).toMatch(
      /^huge\.gif is 5.?120 KB; a logo must be under 2,048 KB\.$/,
    )
  })

  it('checks the type before the size', () => {
    expect(checkLogoFile(file('huge.bmp', 'image/bmp', 5 * 1024 * 1024))).toMatch(/is not a JPG, PNG or GIF/)
  })

  it('refuses an empty file', () => {
    expect(checkLogoFile(file('empty.png', 'image/png', 0))).toBe('empty.png is empty.')
  })
})
