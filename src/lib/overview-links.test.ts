import { describe, expect, it } from 'vitest'
import { overviewLinks } from './overview-links'
import { paths } from './paths'
import { signInBuckets } from './recency'

describe('paths with a search', () => {
  it('leaves empty values and an empty search out', () => {
    expect(paths.members()).toBe('/members')
    expect(paths.members({})).toBe('/members')
    expect(paths.members({ role: null, status: undefined, q: '' })).toBe('/members')
    expect(paths.overview({ inactive: 60 })).toBe('/overview?inactive=60')
    expect(paths.guests({ group: 'none' })).toBe('/guests?group=none')
  })

  it('encodes values and keeps the order given', () => {
    expect(paths.members({ q: 'ann & bo', status: 'active' })).toBe('/members?q=ann+%26+bo&status=active')
  })
})

describe('where the overview links', () => {
  it('sends each figure to the list of exactly those people', () => {
    expect(overviewLinks.membersByStatus('invited')).toBe('/members?status=invited')
    expect(overviewLinks.membersByRole('light')).toBe('/members?role=light')
    expect(overviewLinks.seats('full')).toBe('/members?seat=full')
    expect(overviewLinks.staleInvitations()).toBe('/members?invited=over-14d')
    expect(overviewLinks.neverSignedIn()).toBe('/members?status=active&signin=never')
    expect(overviewLinks.inactive(60)).toBe('/members?status=active&signin=not-60d')
    expect(overviewLinks.administrators()).toBe('/members?role=admin&seat=full')
    expect(overviewLinks.joined('2025-03')).toBe('/members?joined=2025-03')
    expect(overviewLinks.disabledGuests()).toBe('/guests?status=disabled')
    expect(overviewLinks.guestsInNoGroup()).toBe('/guests?group=none')
    expect(overviewLinks.emptyGroups()).toBe('/groups?filter=empty')
  })

  it('gives every sign-in bucket its own list of active members', () => {
    expect(signInBuckets.map(overviewLinks.lastSignIn)).toEqual([
      '/members?status=active&signin=week',
      '/members?status=active&signin=month',
      '/members?status=active&signin=1-3m',
      '/members?status=active&signin=3-12m',
      '/members?status=active&signin=over-1y',
      '/members?status=active&signin=never',
    ])
  })
})
