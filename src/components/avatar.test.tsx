import { fireEvent, render, screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { Avatar, colourIndexFor, initialsFor } from './avatar'

describe('initialsFor', () => {
  it.each([
    ['Ada Lovelace', 'AL'],
    ['ada byron lovelace', 'AB'],
    ['Cher', 'C'],
    ['  Grace   Hopper  ', 'GH'],
    ['Ōsaka Tarō', 'ŌT'],
    ['김 민준', '김민'],
    ['张伟', '张'],
    ['Анна Каренина', 'АК'],
    ['(Bob) Smith', 'BS'],
    ['bob@example.com', 'B'],
    ['', '?'],
    ['   ', '?'],
    ['—', '?'],
  ])('%j → %j', (name, expected) => {
    expect(initialsFor(name)).toBe(expected)
  })

  it('keeps a combining accent with its letter', () => {
    expect(initialsFor('E\u0301mile Zola')).toBe('E\u0301Z')
  })
})

describe('colourIndexFor', () => {
  it('is deterministic and within the palette', () => {
    expect(colourIndexFor('Ada Lovelace')).toBe(colourIndexFor('ada lovelace '))
    const seen = new Set(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'].map(colourIndexFor))
    for (const i of seen) expect(i).toBeGreaterThanOrEqual(1)
    for (const i of seen) expect(i).toBeLessThanOrEqual(8)
    expect(seen.size).toBeGreaterThan(1)
  })
})

describe('<Avatar>', () => {
  it('shows initials named after the person when there is no picture', () => {
    render(<Avatar name="Ada Lovelace" />)
    const avatar = screen.getByRole('img', { name: 'Ada Lovelace' })
    expect(avatar).toHaveTextContent('AL')
    expect(avatar.tagName.toLowerCase()).toBe('svg')
  })

  it('shows a safe picture with the name as alt text', () => {
    render(<Avatar name="Ada Lovelace" src="https://example.com/ada.png" />)
    const img = screen.getByRole('img', { name: 'Ada Lovelace' })
    expect(img.tagName).toBe('IMG')
    expect(img).toHaveAttribute('src', 'https://example.com/ada.png')
  })

  it('refuses a javascript: URL and shows initials instead', () => {
    const { container } = render(<Avatar name="Mallory" src="javascript:alert(1)" />)
    expect(container.querySelector('img')).toBeNull()
    expect(screen.getByRole('img', { name: 'Mallory' })).toHaveTextContent('M')
  })

  it('falls back to initials when the picture fails to load', () => {
    const { container } = render(<Avatar name="Grace Hopper" src="https://example.com/missing.png" />)
    const img = container.querySelector('img')
    expect(img).not.toBeNull()
    fireEvent.error(img as HTMLImageElement)
    expect(container.querySelector('img')).toBeNull()
    expect(screen.getByRole('img', { name: 'Grace Hopper' })).toHaveTextContent('GH')
  })

  it('is hidden from assistive technology when decorative', () => {
    const { container, rerender } = render(<Avatar name="Ada Lovelace" decorative />)
    expect(screen.queryByRole('img')).toBeNull()
    expect(container.firstElementChild).toHaveAttribute('aria-hidden', 'true')
    rerender(<Avatar name="Ada Lovelace" decorative src="data:image/png;base64,AAAA" />)
    expect(container.querySelector('img')).toHaveAttribute('alt', '')
  })
})
