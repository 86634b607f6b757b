import type { Group } from '../api/types'

/** Test builder: a complete group with sensible defaults, overridden per test. */
export function makeGroup(overrides: Partial<Group> & { id: string; name: string }): Group {
  return {
    description: null,
    logo: null,
    memberIds: [],
    guests: [],
    membersKnown: true,
    guestsKnown: true,
    createdAt: '2024-01-10T09:00:00Z',
    updatedAt: '2024-06-01T12:00:00Z',
    ...overrides,
  }
}

/** Six groups that exercise sorting and search: accents, numbers in names, duplicate members and guests, missing and broken dates. */
export const sampleGroups = [
  makeGroup({
    id: 'a1',
    name: 'Équipe Montréal',
    description: 'Sales for Québec',
    memberIds: ['1', '2', '3'],
    updatedAt: '2024-03-01T00:00:00Z',
  }),
  makeGroup({
    id: 'b2',
    name: 'engineering',
    description: 'Builds the product\nand keeps it running',
    memberIds: ['4', '4', '5'],
    guests: ['x@y.io', 'X@Y.io', 'z@y.io'],
    updatedAt: null,
  }),
  makeGroup({
    id: 'c3',
    name: 'Zebra crossing',
    description: null,
    memberIds: [],
    updatedAt: '2025-01-01T00:00:00Z',
  }),
  makeGroup({
    id: 'd4',
    name: 'Ångström lab',
    description: 'Optics',
    memberIds: ['9'],
    updatedAt: '2023-01-01T00:00:00Z',
  }),
  makeGroup({
    id: 'e5',
    name: 'Group 10',
    memberIds: ['1', '2', '3', '4'],
    updatedAt: '2024-03-01T00:00:00Z',
  }),
  makeGroup({ id: 'f6', name: 'Group 9', memberIds: ['1'], updatedAt: 'not a date' }),
]
