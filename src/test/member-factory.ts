import type { Member, MemberDirectory } from '../api/types'

/**
 * Test builder: a complete member with quiet defaults (email derived from the name, everything
 * optional unset, no groups), overridden per test.
 */
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
    isDefaultAdmin: false,
    groups: [],
    ...overrides,
  }
}

/** A directory that holds every member (the list finished loading). */
export const completeDirectory = (members: Member[]): MemberDirectory => ({
  members,
  total: members.length,
  complete: true,
})
