import type { MemberStatus, Role } from '../api/types'

// Which seat a member takes: the one rule behind the overview's seat figures and the /members
// `?seat=` filter, so a figure and the list it links to always agree.

export type SeatKind = 'full' | 'light'

/**
 * Tallyfy bills Administrators and Standard members as full seats, Light members as light seats, and
 * an invitation takes its seat at once (tallyfy-api.md §13): active and invited members only, since
 * disabling frees the seat. An unknown role or status takes neither.
 */
export function seatOf(role: Role, status: MemberStatus): SeatKind | null {
  if (status !== 'active' && status !== 'invited') return null
  if (role === 'admin' || role === 'standard') return 'full'
  return role === 'light' ? 'light' : null
}
