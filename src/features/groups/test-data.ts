import type { Group } from '../../api/types'

/** Test builder: a complete group with sensible defaults, overridden per test. */
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
