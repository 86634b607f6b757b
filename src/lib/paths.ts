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

export const paths = {
  signIn: (returnTo?: string) =>
    returnTo && returnTo !== '/' ? `/sign-in?returnTo=${encodeURIComponent(returnTo)}` : '/sign-in',
  overview: (search?: PathSearch) => withSearch('/overview', search),
  members: (search?: PathSearch) => withSearch('/members', search),
  member: (memberId: number | string) => `/members/${encodeURIComponent(String(memberId))}`,
  groups: (search?: PathSearch) => withSearch('/groups', search),
  group: (groupId: string) => `/groups/${encodeURIComponent(groupId)}`,
  guests: (search?: PathSearch) => withSearch('/guests', search),
  guest: (email: string) => `/guests/${encodeURIComponent(email)}`,
} as const
