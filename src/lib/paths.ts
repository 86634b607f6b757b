// Every URL of the app, written once. Tests and links build URLs through these helpers.
export const paths = {
  signIn: (returnTo?: string) =>
    returnTo && returnTo !== '/' ? `/sign-in?returnTo=${encodeURIComponent(returnTo)}` : '/sign-in',
  members: () => '/members',
  member: (memberId: number | string) => `/members/${encodeURIComponent(String(memberId))}`,
  groups: () => '/groups',
  group: (groupId: string) => `/groups/${encodeURIComponent(groupId)}`,
  guests: () => '/guests',
  guest: (email: string) => `/guests/${encodeURIComponent(email)}`,
} as const
