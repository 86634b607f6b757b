import { guestKey, isValidEmail } from '../../lib/email'
import { paths } from '../../lib/paths'

/** A guest as the page lists them: the address, and a link to the guest's page when it is one. */
export interface GuestEntry {
  label: string
  /** The guest's page in Roster, or null when the string does not look like a plain email address. */
  href: string | null
}

/** Trimmed, empty strings dropped, each address once (emails compare case-insensitively). */
export function guestEntries(guests: readonly string[]): GuestEntry[] {
  const seen = new Set<string>()
  const entries: GuestEntry[] = []
  for (const raw of guests) {
    const label = raw.trim()
    if (label === '') continue
    const key = guestKey(label)
    if (seen.has(key)) continue
    seen.add(key)
    entries.push({ label, href: isValidEmail(label) ? paths.guest(label) : null })
  }
  return entries
}
