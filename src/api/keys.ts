// Every query and mutation key of an organization starts here, so sign-out or an org switch can
// drop or cancel everything of one organization with a single prefix.
export const orgKeys = (orgId: string) => ['org', orgId] as const
