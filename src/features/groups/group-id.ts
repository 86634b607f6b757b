// Tallyfy group IDs are 32 hex characters; the check is looser (1 to 64 letters, digits, `_` or `-`)
// so an ID of another shape is still asked for, yet nothing that could change a request path (`/`,
// `.`, `%`, `?`, `#`) gets through. Anything else is answered with "Group not found" without
// calling the API.
const groupIdPattern = /^[A-Za-z0-9_-]{1,64}$/

export function isValidGroupId(id: string | undefined): id is string {
  return id !== undefined && groupIdPattern.test(id)
}
