// The roles a person can have in a Tallyfy organization, in the one order Roster uses for them:
// most access first. Filters, selects, sorting and the reading of Tallyfy's spelling all come from
// this list; their words are in components/domain/badge.tsx (roleLabel).
import type { Role } from '../api/types'

/** The three roles Tallyfy knows, spelled as writes send them (tallyfy-api.md §0). */
export type WritableRole = Exclude<Role, 'unknown'>

export const writableRoles: readonly WritableRole[] = ['admin', 'standard', 'light']

export function isWritableRole(value: string | null | undefined): value is WritableRole {
  return (writableRoles as readonly (string | null | undefined)[]).includes(value)
}
