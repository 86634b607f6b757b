// Every URL of the app, written once. Tests and links build URLs through these helpers.

/** A list's search params; empty values are left out, so a default never reaches the URL. */
export type PathSearch = Readonly<Record<string, string | number | null | undefined>>

function withSearch(path: string, search?: PathSearch): string {
  if (!search) return path
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(search)) {
    if (value !== null && value !== undefined && value !== '') params.set(key, String(value))
  }
  const query = params.toString()
  return query ? `${path}?${query}` : path
}

/** Any text as a URL component; never throws (a lone surrogate, which JSON can carry, cannot be encoded). */
function encodeText(value: string): string {
  try {
    return encodeURIComponent(value)
  } catch {
    return encodeURIComponent(value.replace(/[\uD800-\uDFFF]/g, '\uFFFD'))
  }
}

/**
 * One path segment from any text an API or a person may send (an ID, an email): encoded, never
 * throwing, and never "." or "..", which every URL parser resolves to another page (even as %2E):
 * those are written double-encoded, so the page reads "%2E" and says not found, as it does for any
 * value no record has.
 */
export function pathSegment(value: string): string {
  const encoded = encodeText(value)
  return encoded === '.' || encoded === '..' ? encoded.replaceAll('.', '%252E') : encoded
}

export const paths = {
  signIn: (returnTo?: string) =>
    returnTo && returnTo !== '/' ? `/sign-in?returnTo=${encodeText(returnTo)}` : '/sign-in',
  overview: (search?: PathSearch) => withSearch('/overview', search),
  members: (search?: PathSearch) => withSearch('/members', search),
  member: (memberId: number | string) => `/members/${pathSegment(String(memberId))}`,
  groups: (search?: PathSearch) => withSearch('/groups', search),
  group: (groupId: string) => `/groups/${pathSegment(groupId)}`,
  guests: (search?: PathSearch) => withSearch('/guests', search),
  guest: (email: string) => `/guests/${pathSegment(email)}`,
} as const
