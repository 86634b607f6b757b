// One selection per organization and list (members, guests), kept while the session lasts: leaving
// /members for a member's page and coming back finds the same people selected. Any end or change of
// session (Sign out, another tab signing out, an expiry, another organization) clears them all, so
// nobody selected in one session is ever acted on in the next.
import { credentialStore } from '../../api/credentials'
import type { Credentials } from '../../api/types'
import { createSelection, type Selection } from '../../lib/selection'

export type SelectionList = 'members' | 'guests'

const selections = new Map<string, Selection>()
let watching = false
let session: string | null = null

const sessionOf = (c: Credentials | null) => (c ? `${c.orgId}\u0000${c.token}` : null)

/** Subscribed on first use (not at import), so the first download of /members does no more. */
function watchSession() {
  if (watching) return
  watching = true
  session = sessionOf(credentialStore.get())
  credentialStore.subscribe(() => {
    const next = sessionOf(credentialStore.get())
    if (next === session) return
    session = next
    // Cleared in place: a table still on screen (its page is unmounting) shows nothing selected.
    for (const selection of selections.values()) selection.clear()
    selections.clear()
  })
}

export function listSelection(orgId: string, list: SelectionList): Selection {
  watchSession()
  const key = `${orgId}\u0000${list}`
  let selection = selections.get(key)
  if (!selection) {
    selection = createSelection()
    selections.set(key, selection)
  }
  return selection
}
