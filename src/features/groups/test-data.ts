import type { Group, Member } from '../../api/types'

/** Test builders: a complete record with sensible defaults, overridden per test. */
export function makeGroup(overrides: Partial<Group> & { id: string; name: string }): Group {
  return {
    description: null,
    logo: null,
    memberIds: [],
    guests: [],
    createdAt: '2024-01-10T09:00:00Z',
    updatedAt: '2024-06-01T12:00:00Z',
    ...overrides,
  }
}

export function makeMember(overrides: Partial<Member> & { id: number; fullName: string }): Member {
  return {
    email: `${overrides.fullName.toLowerCase().replace(/\W+/g, '.')}@example.com`,
    firstName: null,
    lastName: null,
    role: 'standard',
    rawRole: 'standard',
    status: 'active',
    jobTitle: null,
    phone: null,
    timezone: null,
    pictureUrl: null,
    createdAt: null,
    activatedAt: null,
    lastLoginAt: null,
    updatedAt: null,
    groups: null,
    ...overrides,
  }
}
