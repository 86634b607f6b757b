import type { QueryClient } from '@tanstack/react-query'
import { guestKey } from '../../lib/email'
import { groupQueries } from '../groups/queries'
import { addInvited } from '../members/cache'
import { guestQueries, withGuest } from './queries'
import type { Group, Guest, Member } from '../types'

// What a guest write does to the cache, once Tallyfy has answered (guest writes are not optimistic:
// a guest's state after a write, its link, its disabled time, is what Tallyfy says). The guests
// list, the guest's page and the groups that list the guest are patched in place; every entry that
// did not change keeps its identity, so the tables' memoised work survives.

/** A new guest (or one Tallyfy attached again) joins the list and gets their page's entry. */
export function addGuest(qc: QueryClient, orgId: string, guest: Guest) {
  qc.setQueryData(guestQueries.list(orgId).queryKey, (list) => (list ? withGuest(list, guest) : list))
  qc.setQueryData(guestQueries.detail(orgId, guest.email).queryKey, guest)
}

/**
 * Tallyfy's answer to a write to one guest, in the list and on their page. Without an answer (an
 * empty 2xx) both are read again when next shown: Roster does not guess what changed.
 */
export function patchGuest(qc: QueryClient, orgId: string, email: string, guest: Guest | null) {
  if (!guest) {
    void qc.invalidateQueries({ queryKey: guestQueries.detail(orgId, email).queryKey, exact: true })
    void qc.invalidateQueries({ queryKey: guestQueries.list(orgId).queryKey, exact: true })
    return
  }
  // The list holds the guest under the email it was written with: replace that entry, never add one.
  const key = guestKey(email)
  qc.setQueryData(guestQueries.list(orgId).queryKey, (list) => {
    if (!list) return list
    const at = list.findIndex((g) => guestKey(g.email) === key)
    if (at < 0) return list
    const next = list.slice()
    next[at] = guest
    return next
  })
  qc.setQueryData(guestQueries.detail(orgId, email).queryKey, guest)
}

/** The group without the guest (compared as emails are); the same object when it did not list them. */
function withoutGuest(group: Group, key: string): Group {
  return group.guests.some((g) => guestKey(g) === key)
    ? { ...group, guests: group.guests.filter((g) => guestKey(g) !== key) }
    : group
}

/**
 * After Tallyfy took the guest out of the organization: out of the list, their page's cached read
 * gone, and out of every cached group (list and pages), so every screen agrees without a reload.
 */
export function removeGuest(qc: QueryClient, orgId: string, email: string) {
  const key = guestKey(email)
  qc.setQueryData(guestQueries.list(orgId).queryKey, (list) => {
    if (!list) return list
    const next = list.filter((g) => guestKey(g.email) !== key)
    return next.length === list.length ? list : next
  })
  qc.removeQueries({ queryKey: guestQueries.detail(orgId, email).queryKey, exact: true })
  qc.setQueryData(groupQueries.list(orgId).queryKey, (groups) => {
    if (!groups) return groups
    let changed = false
    const next = groups.map((group) => {
      const patched = withoutGuest(group, key)
      if (patched !== group) changed = true
      return patched
    })
    return changed ? next : groups
  })
  for (const [queryKey, group] of qc.getQueriesData<Group>({
    queryKey: [...groupQueries.all(orgId), 'detail'],
  })) {
    if (group) {
      const patched = withoutGuest(group, key)
      if (patched !== group) qc.setQueryData<Group>(queryKey, patched)
    }
  }
}

/**
 * After Tallyfy turned the guest into a member: they leave the guests (and every group's guests),
 * and join the directory as invited when Tallyfy answered with the member (else the directory
 * learns of them at its next refresh).
 */
export function guestBecameMember(qc: QueryClient, orgId: string, email: string, member: Member | null) {
  removeGuest(qc, orgId, email)
  if (member) addInvited(qc, orgId, member)
}
