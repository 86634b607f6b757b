import { isWritableRole } from '../lib/roles'
import type { Role } from './types'

// Tallyfy spells roles in any case ("Admin", "standard") and older payloads say "administrator".
// Writes send the lowercase three (tallyfy-api.md §0); everything else reads as unknown.

export function toRole(raw: string | null): Role {
  const spelled = raw?.trim().toLowerCase()
  if (spelled === 'administrator') return 'admin'
  return isWritableRole(spelled) ? spelled : 'unknown'
}

/** Whether this person may administer the organization (see `Me.role`). */
export const isAdmin = (person: { role: Role }): boolean => person.role === 'admin'
