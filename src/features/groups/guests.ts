/** A guest as the page lists them: the address, and a mailto link only when it is one. */
export interface GuestEntry {
  label: string
  /** `mailto:` URL, or null when the string does not look like a plain email address. */
  href: string | null
}

// Deliberately narrow: no spaces, quotes, angle brackets or URL syntax (?, &, #, %, /), so a
// "guest" string can never smuggle extra headers or a different scheme into the mailto link.
const plainEmail = /^[A-Za-z0-9._+'-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$/

export function looksLikeEmail(value: string): boolean {
  return value.length <= 254 && plainEmail.test(value)
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
    entries.push({ label, href: looksLikeEmail(label) ? `mailto:${label}` : null })
  }
  return entries
}
