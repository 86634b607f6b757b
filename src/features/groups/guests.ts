import { isValidEmail } from '../../lib/email'

/** A guest as the page lists them: the address, and a mailto link only when it is one. */
export interface GuestEntry {
  label: string
  /** `mailto:` URL, or null when the string does not look like a plain email address. */
  href: string | null
}

/** Trimmed, empty strings dropped, each address once (emails compare case-insensitively). */
export function guestEntries(guests: readonly string[]): GuestEntry[] {
  const seen = new Set<string>()
  const entries: GuestEntry[] = []
  for (const raw of guests) {
    const label = raw.trim()
    if (label === '') continue
    const key = label.toLowerCase()
    if (seen.has(key)) continue
    seen.add(key)
    entries.push({ label, href: isValidEmail(label) ? `mailto:${label}` : null })
  }
  return entries
}
