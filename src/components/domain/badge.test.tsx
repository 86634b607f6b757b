import { render, screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { RoleBadge, StatusBadge } from './badge'

describe('<RoleBadge>', () => {
  it.each([
    ['admin', null, 'Administrator'],
    ['standard', null, 'Standard'],
    ['light', 'LIGHT', 'Light'],
    ['unknown', 'guest-plus', 'guest-plus'],
    ['unknown', '  ', '—'],
    ['unknown', null, '—'],
  ] as const)('%s (%j) reads %j', (role, rawRole, label) => {
    const { container } = render(<RoleBadge role={role} rawRole={rawRole} />)
    expect(container).toHaveTextContent(new RegExp(`^${label}$`))
  })
})

describe('<StatusBadge>', () => {
  it.each([
    ['active', 'Active'],
    ['invited', 'Invited'],
    ['disabled', 'Disabled'],
    ['unknown', 'Unknown'],
  ] as const)('%s says %j in words with a hidden glyph', (status, label) => {
    const { container } = render(<StatusBadge status={status} />)
    expect(screen.getByText(label)).toBeInTheDocument()
    expect(container.querySelector('svg')).toHaveAttribute('aria-hidden', 'true')
  })
})
